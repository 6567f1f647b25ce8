"""Names linked before proposing (issue 15, twelfth session): a speaker or relay that no name of the registry matches
as written may still be an actor the registry holds, or one the document already named, under another form of its name.

:func:`registry_link` (the registry's names) and :func:`document_link` (the names the document named or proposed)
answer, for a name about to be proposed, the one actor it names when

- **initials**: the name is the acronym of a held name or alias, in its script ("ΑΜΠΕ" for "Αθηναϊκό-Μακεδονικό
  Πρακτορείο Ειδήσεων", "IOM" for "International Organization for Migration"): Latin, Greek (accents folded) and
  Cyrillic; Korean and Arabic write no initials;
- **a run of words**: the name is a run of whole words of a held name ("France-Presse" in "Agence France-Presse"), with
  at least one distinctive word — not a function word, nor a word for a medium, a body or a title, nor one that many
  actors' names share ("News", "Agency", "Ministry" alone link nothing); a person's name only by its last words, the
  surname ("Sobyanin" for "Sergei Sobyanin"), and by a surname alone only to a person the document names;
- **a medium's word**: the name is a held name with a word for a medium or an agency added or dropped ("인테르팍스 통신"
  for a held "인테르팍스", "the Sputnik news agency", "وكالة سبوتنيك", "агентство «Интерфакс»");
- **a spelling variant** (a document's own persons only): a person's name one letter from a person the document named
  or proposed (two letters for names of nine letters or more; none under five), with the same first letter — the
  page's second spelling of a surname ("إجناستيوك" after "أوليج إجناسيوك").

Every rule refuses an ambiguous link: when two actors answer, the name is proposed as before. A name matched exactly
after a medium's word is dropped wins over initials and runs of words.

:func:`linked_mentions` reads a credit line the same way ("Πηγές: ΑΜΠΕ, Reuters"): a part that names no actor as
written is linked to a held medium by the same registry rules.
"""

import functools
import re
from dataclasses import dataclass, field

from babel import Locale

from sources.models import ActorKind

from . import cues as C
from .actors import ActorIndex, ActorRef, Mention, folded

PERSON_KINDS = (ActorKind.PERSON, ActorKind.LEGISLATOR)

# Words an acronym skips ("International Organization for Migration" is IOM), folded.
FUNCTION_WORDS = {"of", "for", "the", "and", "on", "in", "to", "at", "de", "du", "des", "la", "le", "et", "der", "die",
                  "fur", "του", "τησ", "των", "και", "για", "το", "η", "ο", "τα", "οι",
                  "по", "и", "в", "на", "для", "при", "في", "من", "على", "عن"}

# Words for a medium or an agency that a name may carry or drop ("the France-Presse news agency", "인테르팍스 통신",
# "وكالة سبوتنيك", "агентство Интерфакс"), longest first; compared folded. Bare "news" is none: "ABC News" is no "ABC".
_MEDIUM_PHRASES = {
    "en": ["news agency", "press agency", "news service", "wire service", "agency", "newspaper", "television", "tv",
           "radio", "broadcaster"],
    "el": ["πρακτορείο ειδήσεων", "πρακτορείου ειδήσεων", "ειδησεογραφικό πρακτορείο", "ειδησεογραφικού πρακτορείου",
           "πρακτορείο", "πρακτορείου", "εφημερίδα", "εφημερίδας", "τηλεοπτικό σταθμό", "τηλεοπτικός σταθμός",
           "ραδιοφωνικό σταθμό", "κανάλι"],
    "ru": ["информационное агентство", "информационного агентства", "информационному агентству", "агентство",
           "агентства", "агентству", "агентством", "иа", "газета", "газеты", "газете", "телеканал", "телеканала",
           "телеканалу", "издание", "издания", "изданию", "радиостанция", "радиостанции"],
    "ar": ["وكالة أنباء", "وكالة الأنباء", "لوكالة الأنباء", "بوكالة الأنباء", "وكالة", "لوكالة", "بوكالة", "للأنباء",
           "الإخبارية", "صحيفة", "لصحيفة", "قناة", "لقناة"],
    "ko": ["뉴스통신사", "통신사", "통신", "방송", "신문"],
}
MEDIUM_PHRASES = sorted({folded(p) for phrases in _MEDIUM_PHRASES.values() for p in phrases}, key=len, reverse=True)
_KO_MEDIUM_SUFFIXES = tuple(folded(p) for p in _MEDIUM_PHRASES["ko"])
# Articles and prepositions a span may open with ("the", "το", "στην"), folded.
_LEADING = {"the", "a", "an", "ο", "η", "το", "του", "τησ", "την", "τον", "στο", "στην", "στον", "απο"}

# Words that make no name distinctive on their own: bodies, media, titles, places by kind, and the words every state's
# institutions share. A word that many actors' names share is no more distinctive (``_Tables.shared``).
_GENERIC_WORDS = {
    "en": "national international federal state states united nations republic people peoples democratic popular "
          "general staff armed forces force army navy air military police guard coast border health defence defense "
          "interior foreign affairs emergency emergencies situations civil protection red cross crescent rescue fire "
          "disaster management security public news press world global human rights relief refugees refugee "
          "migration food children supreme high court parliament government administration regional local city "
          "province provincial district municipal central new north south east west northern southern eastern "
          "western media information group network channel times post daily journal agence agencia agenzia",
    "el": "εθνικό εθνική εθνικός διεθνής δημοκρατία κυβέρνηση στρατός αστυνομία ειδήσεων ειδήσεις υγείας άμυνας "
          "εξωτερικών εσωτερικών πολιτικής προστασίας ερυθρός σταυρός πυροσβεστική λιμενικό γενικό επιτελείο",
    "ru": "международный международная международного национальный национальная федеральный федеральная "
          "государственный государственная республика правительство армия полиция новости обороны "
          "здравоохранения внутренних иностранных дел чрезвычайных ситуаций гражданской защиты красный крест "
          "генеральный штаб российской россии",
    "ar": "الوطنية الوطني الدولية الدولي الحكومة الجيش الشرطة الأنباء الصحة الدفاع الداخلية الخارجية المدني "
          "الأحمر الهلال الصليب العامة العام",
    "ko": "국가 국립 정부 군 경찰 뉴스 보건부 국방부 외교부",
}


def _norm_word(word: str) -> str:
    """A folded word as linking compares it: a Greek or Cyrillic word of six letters or more without its case ending,
    an Arabic word without its article ("الأنباء" and "أنباء")."""
    if re.fullmatch(r"[α-ωа-яё]{6,}", word):
        return word[:-2]
    if re.fullmatch(r"[\u0621-\u064a]+", word) and len(word) > 4 and word.startswith(("ال", "لل")):
        return word[2:]
    return word


def _words(text: str) -> list[str]:
    return [_norm_word(w) for w in folded(text).split()]


# The words a medium's name may end with after its own name ("Kyodo News", "Sputnik News Agency"), stemmed.
_MEDIUM_WORDS = {_norm_word(w) for phrase in MEDIUM_PHRASES for w in phrase.split()} | {"news"}

GENERIC = {_norm_word(w) for text in _GENERIC_WORDS.values() for w in folded(text).split()} \
    | {_norm_word(w) for w in FUNCTION_WORDS} \
    | {_norm_word(w) for phrase in MEDIUM_PHRASES for w in phrase.split()} \
    | {_norm_word(w) for words in C.ORGANISATION_WORDS.values() for word in words for w in folded(word).split()} \
    | {_norm_word(w) for words in C.PERSON_TITLES.values() for word in words for w in folded(word).split()}


def _strip_medium(words: list[str]) -> list[str]:
    """``words`` (folded) without the words for a medium at their start or end, nor a leading article; Korean glued
    endings too ("인테르팍스통신")."""
    phrases = [p.split() for p in MEDIUM_PHRASES]
    changed = True
    while changed and words:
        changed = False
        if len(words) > 1 and words[0] in _LEADING:
            words, changed = words[1:], True
            continue
        for phrase in phrases:
            size = len(phrase)
            if len(words) > size and words[:size] == phrase:
                words, changed = words[size:], True
                break
            if len(words) > size and words[-size:] == phrase:
                words, changed = words[:-size], True
                break
        if not changed and words and re.search(r"[가-힣]", words[-1]):
            ending = next((e for e in _KO_MEDIUM_SUFFIXES if words[-1].endswith(e) and len(words[-1]) > len(e) + 1),
                          None)
            if ending:
                words, changed = [*words[:-1], words[-1][:-len(ending)]], True
    return words


def _stemmed(words: list[str]) -> str:
    return " ".join(_norm_word(w) for w in words)


def _initials(words: list[str]) -> set[str]:
    """A held name's initials in a script that writes them (Latin, Greek, Cyrillic), with and without function words;
    none for a name of fewer than three words."""
    if len(words) < 3 or not all(re.fullmatch(r"[a-zα-ωа-яё][a-zα-ωа-яё0-9]*", w) for w in words):
        return set()
    found = {"".join(w[0] for w in words)}
    content = [w for w in words if w not in FUNCTION_WORDS]
    if len(content) >= 3:
        found.add("".join(w[0] for w in content))
    return found


def acronym_of(name: str) -> str:
    """The letters of ``name`` folded when it is written as an acronym (three to six capitals of one cased script,
    full stops and hyphens between them: "IOM", "ΑΜΠΕ", "И.Т.А.Р."), else ""."""
    name = name.strip()
    letters = [c for c in name if c.isalpha()]
    if not 3 <= len(letters) <= 6 or not all(c.isupper() for c in letters) or re.search(r"[^\w.\-]", name) \
            or re.search(r"\d", name):
        return ""
    return "".join(folded(c) for c in letters)


@dataclass
class _Tables:
    exact: dict[str, set[str]] = field(default_factory=dict)  # a held name, stemmed -> keys
    dropped: dict[str, set[str]] = field(default_factory=dict)  # a held name without its medium's words -> keys
    initials: dict[str, set[str]] = field(default_factory=dict)
    names: list[tuple[list[str], str]] = field(default_factory=list)  # (stemmed words, key)
    containing: dict[str, set[int]] = field(default_factory=dict)  # a stemmed word -> positions in ``names``
    shared: set[str] = field(default_factory=set)  # stemmed words four actors' names or more share
    place_starts: set[str] = field(default_factory=set)  # the starts (four letters or more) of countries' names' words
    place_stems: set[str] = field(default_factory=set)  # those words without their last two letters (four at least)
    longest_stem: int = 0  # the length of the longest of ``place_stems``: no longer start of a word can be one


def _tables(index: ActorIndex) -> _Tables:
    tables = getattr(index, "_linking", None)
    if tables is not None:
        return tables
    tables = _Tables()
    owners: dict[str, set[str]] = {}
    places = set(_country_words())
    for name, ref in index.names.items():
        if ref.kind == ActorKind.UNNAMED_GROUP:
            continue
        words = name.split()
        stemmed = [_norm_word(w) for w in words]
        tables.exact.setdefault(" ".join(stemmed), set()).add(ref.key)
        stripped = _strip_medium(words)
        if stripped != words:
            tables.dropped.setdefault(_stemmed(stripped), set()).add(ref.key)
        for initials in _initials(words):
            tables.initials.setdefault(initials, set()).add(ref.key)
        if ref.kind == ActorKind.COUNTRY:
            places.update(w for w in stemmed if w not in FUNCTION_WORDS and len(w) >= 4)
        tables.names.append((stemmed, ref.key))
        for word in set(stemmed):
            tables.containing.setdefault(word, set()).add(len(tables.names) - 1)
            owners.setdefault(word, set()).add(ref.key)
    tables.shared = {word for word, keys in owners.items() if len(keys) >= 4}
    tables.place_starts = {place[:size] for place in places for size in range(4, len(place) + 1)}
    tables.place_stems = {place[:max(4, len(place) - 2)] for place in places}
    tables.longest_stem = max(map(len, tables.place_stems), default=0)
    index._linking = tables
    return tables


def _distinctive(words: list[str], tables: _Tables) -> bool:
    """One of ``words`` is no generic word, no word many actors' names share, and no place: a country's name, or a word
    for its people ("Afghanistan", "Egyptian", "Азербайджана" link nothing on their own)."""
    return any(w not in GENERIC and w not in tables.shared and len(w) >= (2 if re.search(r"[가-힣]", w) else 3)
               and not w.isdigit() and not _place(w, tables) for w in words)


def _place(word: str, tables: _Tables) -> bool:
    """A country's name or a word for its people, in any of the five languages, inflected or not: the start of a
    country's name ("afghan"), or begun by one ("egyptian", "азербайджана")."""
    # (the starts compared are no longer than the longest stem: a word of thousands of letters costs no more than a name)
    return word in tables.place_starts or any(word[:size] in tables.place_stems
                                              for size in range(4, min(len(word), tables.longest_stem) + 1))


@functools.lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """The words of every country's name in the five languages (Babel's territory names), stemmed."""
    words = set()
    for language in ("en", "el", "ru", "ar", "ko"):
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                words.update(_norm_word(w) for w in folded(name).split() if w not in FUNCTION_WORDS and len(w) >= 4)
    return frozenset(words)


def _run_in(words: list[str], held: list[str], person: bool) -> bool:
    """``words`` are a run of whole words of ``held``, shorter than it, that names its holder: a person's run ends with
    the surname; another's is half its words or more and leaves out generic words only, and not only after it —
    "France-Presse" in "Agence France-Presse"; "Liberation Army" is no "Baloch Liberation Army", and "Houthi" opening
    "Houthi health ministry" names its owner, not the ministry — or opens the name before a medium's words only
    ("Kyodo" in "Kyodo News")."""
    size = len(words)
    if size >= len(held):
        return False
    for start in range(len(held) - size + 1):
        if held[start:start + size] != words:
            continue
        if person:
            if start + size == len(held):
                return True
        elif start > 0 and all(w in GENERIC for w in held[:start] + held[start + size:]) \
                and 2 * len(words) >= len([w for w in held if w not in FUNCTION_WORDS]):
            return True  # most of the name: "Gaza" is no "Ministry of Health (Gaza)"
        elif start == 0 and all(w in _MEDIUM_WORDS for w in held[size:]):
            return True  # "Kyodo" in "Kyodo News": only a medium's words after it
    return False


# Sixteenth session: the words an Arabic name of a body may add, drop or move without naming another body — its owner,
# the United Nations ("مفوضية الأمم المتحدة …" and "المفوضية … للأمم المتحدة", "الأممية"), and the rank adjective of a
# commission or council ("السامية", "العليا") — folded, without the article.
_AR_MOVABLE = {folded(w) for w in ("أمم", "متحدة", "أممية", "سامية", "عليا")}


def _ar_stem(word: str) -> str:
    """An Arabic word folded without its article or the preposition "ل" glued to it ("لحقوق" → "حقوق", "للأمم" →
    "أمم", "الإنسان" → "إنسان"), when three letters or more are left."""
    for prefix in ("لل", "ال", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def _ar_body_words(name: str) -> tuple[str, tuple[str, ...]] | None:
    """An Arabic body's name as its head noun and the sorted content words after it, the movable words left out; None
    for a name of another script or of one word."""
    words = folded(name).split()
    if len(words) < 2 or not all(re.fullmatch(r"[\u0621-\u064a]+", w) for w in words):
        return None
    rest = tuple(sorted(w for w in map(_ar_stem, words[1:]) if w not in _AR_MOVABLE and w not in FUNCTION_WORDS))
    return _ar_stem(words[0]), rest


def arabic_construct_link(name: str, index: ActorIndex) -> ActorRef | None:
    """Sixteenth session: the one registry actor whose Arabic name has the same head noun and the same content words as
    ``name``, in any order and with or without the article or a glued "ل", its owner and rank words left out: "مفوضية
    الأمم المتحدة لحقوق الإنسان" (the construct state, the owner inside) is "المفوضية السامية لحقوق الإنسان"; "مفوضية
    الأمم المتحدة لشؤون اللاجئين" is "المفوضية السامية للأمم المتحدة لشؤون اللاجئين". At least one content word must be
    distinctive (no "مفوضية الأمم المتحدة" alone); None when none or several actors answer."""
    shape = _ar_body_words(name)
    if shape is None or not shape[1]:
        return None
    tables = _tables(index)
    if not _distinctive([_norm_word(w) for w in shape[1]], tables):
        return None
    shapes = getattr(index, "_ar_shapes", None)
    if shapes is None:
        shapes = {}
        for held, ref in index.names.items():
            held_shape = _ar_body_words(held) if ref.kind != ActorKind.UNNAMED_GROUP else None
            if held_shape is not None and held_shape[1]:
                shapes.setdefault(held_shape, set()).add(ref.key)
        index._ar_shapes = shapes
    key = _one(shapes.get(shape, set()))
    return index.actors.get(key) if key else None


def _ar_skeleton(name: str) -> str:
    """Sixteenth session: an Arabic name folded as its consonants: the long vowels and "ة" inside its words dropped (a
    word's first letter kept), a letter written twice written once — the spellings of one foreign name ("أسوشييتد برس",
    "أسوشيتد برس", "اسوشيتدبرس" apart)."""
    words = []
    for word in folded(name).split():
        inner = re.sub(r"[اويىةء]", "", word[1:])
        words.append(re.sub(r"(.)\1+", r"\1", word[0] + inner))
    return " ".join(words)


def arabic_spelling_link(name: str, index: ActorIndex) -> ActorRef | None:
    """Sixteenth session: the one registry body or medium whose Arabic name of two words or more has the consonants of
    ``name`` (a foreign name spelled with another long vowel or a doubled letter: "أسوشييتد برس" for the held
    "أسوشيتد برس"); six consonants at least, and a distinctive word. None for persons (a document's own persons have
    their rule, ``same_person_spelled``), and when none or several answer."""
    words = folded(name).split()
    if len(words) < 2 or not all(re.fullmatch(r"[\u0621-\u064a]+", w) for w in words):
        return None
    skeleton = _ar_skeleton(name)
    if len(skeleton.replace(" ", "")) < 6 or not _distinctive([_norm_word(w) for w in words], _tables(index)):
        return None
    skeletons = getattr(index, "_ar_skeletons", None)
    if skeletons is None:
        skeletons = {}
        for held, ref in index.names.items():
            if ref.kind in PERSON_KINDS or ref.kind in (ActorKind.UNNAMED_GROUP, ActorKind.COUNTRY) or " " not in held \
                    or not re.fullmatch(r"[\u0621-\u064a ]+", held):
                continue
            skeletons.setdefault(_ar_skeleton(held), set()).add(ref.key)
        index._ar_skeletons = skeletons
    key = _one(skeletons.get(skeleton, set()))
    return index.actors.get(key) if key else None


def _one(keys: set[str]) -> str | None:
    return next(iter(keys)) if len(keys) == 1 else None


def registry_link(name: str, index: ActorIndex, named: set[str] = frozenset()) -> ActorRef | None:
    """The one registry actor ``name`` names by its initials, as a run of words of a held name, or with a medium's word
    added or dropped; None when none or several do. ``named``: the keys of the actors the document names (a surname
    alone links only to a person among them)."""
    tables = _tables(index)
    written = folded(name).split()
    if not written:
        return None
    words = _strip_medium(written)
    stemmed = [_norm_word(w) for w in words]
    # A held name with a medium's word added or dropped. The name as written, held as such, is none: the rules that
    # find names refused it there ("η πυροσβεστική" in lower case is no institution's name).
    exact = set()
    if _distinctive(stemmed, tables):  # "Iraqi" is no "Iraqi News Agency": a people's word names no one
        exact |= tables.dropped.get(_stemmed(written), set())
        if words != written:
            exact |= tables.exact.get(" ".join(stemmed), set()) | tables.dropped.get(" ".join(stemmed), set())
    if exact:
        key = _one(exact)
        return index.actors.get(key) if key else None
    found: set[str] = set()
    acronym = acronym_of(name)
    if acronym:
        found |= tables.initials.get(acronym, set())
    if _distinctive(stemmed, tables):
        positions = set.intersection(*(tables.containing.get(w, set()) for w in stemmed)) if stemmed else set()
        for position in positions:
            held, key = tables.names[position]
            ref = index.actors.get(key)
            person = ref is not None and ref.kind in PERSON_KINDS
            if person and (len(stemmed) < 2 and key not in named or min(len(w) for w in stemmed) < 4):
                continue
            if _run_in(stemmed, held, person):
                found.add(key)
    key = _one(found)
    if key is None and not found:
        return arabic_construct_link(name, index) or arabic_spelling_link(name, index)
    return index.actors.get(key) if key else None


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it is sure to exceed ``limit``.

    Only the cells within ``limit`` of the diagonal are computed (a cell further off is more than ``limit`` already, and
    so is every path through it): linear in the words' length, not quadratic — two words of thousands of letters one
    letter apart cost what two names do."""
    over = limit + 1
    if abs(len(a) - len(b)) > limit:
        return over
    previous = {j: j for j in range(min(len(b), limit) + 1)}
    for i, char in enumerate(a, start=1):
        current = {0: i} if i <= limit else {}
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            current[j] = min(previous.get(j, over) + 1, current.get(j - 1, over) + 1,
                             previous.get(j - 1, over) + (char != b[j - 1]))
        if min(current.values()) > limit:
            return over
        previous = current
    return min(previous.get(len(b), over), over)


def _allowed(word: str, other: str) -> int:
    """Letters a spelling may differ by: none under five letters, one, two from nine."""
    shorter = min(len(word), len(other))
    return 0 if shorter < 5 else 1 if shorter < 9 else 2


def same_person_spelled(name: str, other: str) -> bool:
    """``name`` is ``other`` spelled with a letter or two changed (the surname alone, or every word in turn), with the
    same first letter of each word; not the same folded name (that is matched before)."""
    words, others = folded(name).split(), folded(other).split()
    if not words or not others or words == others:
        return False
    if len(words) == 1:
        pairs = [(words[0], others[-1])]
    else:
        pairs = list(zip(words, others)) if len(words) == len(others) else []
    if not pairs:
        return False
    for word, known in pairs:
        if word[0] != known[0] or _edit_distance(word, known, _allowed(word, known)) > _allowed(word, known):
            return False
    return True


def document_link(name: str, candidates: list[tuple[str, ActorRef]], person: bool,
                  index: ActorIndex) -> ActorRef | None:
    """The one actor of the document (``candidates``: its names and refs, proposed or held) that ``name`` names by its
    initials, as a run of words of its name, or — for a person — spelled with a letter or two changed."""
    acronym = acronym_of(name)
    words = _words(name)
    tables = _tables(index)
    found: dict[str, ActorRef] = {}
    for known, ref in candidates:
        known_words = _words(known)
        if known_words == words:
            continue
        if acronym and acronym in _initials(folded(known).split()):
            found[ref.key] = ref
        elif not acronym and len(words) >= 1 and _run_in(words, known_words, ref.kind in PERSON_KINDS) \
                and any(w not in GENERIC and len(w) >= 4 for w in words):
            found[ref.key] = ref
        elif person and ref.kind in PERSON_KINDS and not any(_place(w, tables) for w in words + known_words) \
                and same_person_spelled(name, known):
            found[ref.key] = ref
    return next(iter(found.values())) if len(found) == 1 else None


def _spelt_by(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` spells a run of two or more consecutive content words of ``words``, each giving the first one
    to three letters of it, in order: initials ("мчс" for "министерство … чрезвычайным ситуациям") or syllables ("υπεξ"
    for "υπουργείο εξωτερικών", the Greek press's ΥΠουργείο ΕΞωτερικών)."""
    content = [w for w in words if w not in FUNCTION_WORDS and re.fullmatch(r"[a-zα-ωа-яё][a-zα-ωа-яё0-9-]*", w)]

    def spells(rest: str, at: int, used: int) -> bool:
        if not rest:
            return used >= 2
        if at >= len(content):
            return False
        return any(content[at].startswith(rest[:size]) and spells(rest[size:], at + 1, used + 1)
                   for size in range(1, min(3, len(rest), len(content[at])) + 1))

    return any(spells(acronym, start, 0) for start in range(len(content)))


def acronym_link(name: str, candidates: list[tuple[str, ActorRef]]) -> ActorRef | None:
    """Issue 15, thirteenth session (mechanism E): the one body of the document (``candidates``: the names of the bodies
    it named or proposed) that ``name``, written as an acronym, spells by the initials or first syllables of a run of its
    words ("ΥΠΕΞ" after "το γαλλικό υπουργείο Εξωτερικών", "МЧС" after "Министерство по чрезвычайным ситуациям", "the
    CPA" after "the Civil Protection Agency"). None when no body or two bodies answer."""
    acronym = acronym_of(name)
    if not acronym:
        return None
    found = {ref.key: (known, ref) for known, ref in candidates
             if ref.kind not in PERSON_KINDS and not acronym_of(known) and _spelt_by(acronym, folded(known).split())}
    # (one body proposed twice in two cases, "ιταλικού υπουργείου Άμυνας" and "ιταλικό υπουργείο Άμυνας", is one body:
    # the one named last answers)
    forms = {tuple(w[:5] for w in folded(known).split()) for known, _ in found.values()}
    return list(found.values())[-1][1] if len(forms) == 1 else None


# (never from within a run of spaces — a space after a space: a separator found there is found from the run's start, and
# trying each space of a long run in turn, each scanning to its end, was quadratic)
_CREDIT_PARTS = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:[,;/|–—]|\s-\s|(?<!\w)(?:and|και|и|و|및)(?!\w))\s*")


def linked_mentions(text: str, language: str, index: ActorIndex) -> list[Mention]:
    """The actors a credit line names (``ActorIndex.mentions``), and each part between its separators that names none
    as written but links to one held actor ("ΑΜΠΕ" in "Πηγές: ΑΜΠΕ, Reuters")."""
    mentions = index.mentions(text, language)
    if len(text.split()) > 8:
        return mentions  # a sentence, not a credit line
    position = 0
    for part in [*_CREDIT_PARTS.split(text)]:
        start = text.find(part, position) if part else -1
        if start < 0:
            continue
        position = end = start + len(part)
        stripped = part.strip(" .«»\"“”*")
        if not stripped or len(stripped.split()) > 4 or any(m.start < end and start < m.end for m in mentions):
            continue
        ref = registry_link(stripped, index)
        if ref is not None:
            offset = start + part.find(stripped)
            mentions.append(Mention(offset, offset + len(stripped), ref, "name"))
    return sorted(mentions, key=lambda m: m.start)
