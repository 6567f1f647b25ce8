"""Finding actors in text: names, aliases and descriptors of the actors in the database, unnamed groups.

:class:`ActorIndex` holds every actor's name, key, aliases (``ActorAlias`` of kind name) and descriptors
(``ActorAlias`` of kind descriptor: "South Korea's spy agency", "정보당국"), normalised with
:func:`normalised` (case- and accent-free, one character out per character in, so offsets stay those
of the text). :meth:`ActorIndex.mentions` finds them in a sentence:

- the longest name wins ("Минобороны России" rather than "России");
- Greek and Russian words of five letters or more may change their ending (case endings); Korean names
  may take particles (국정원은); Arabic names may carry the clitics و ب ل ف;
- a name **inside a compound** is not a mention: Korean "북한군" (North Korean troops) does not mention
  북한 — a Korean name must be followed by a particle, a space or punctuation; a Latin/Greek/Cyrillic
  name must be a whole word;
- an unnamed group ("officials", "αξιωματούχοι", "당국자", "مسؤولون") right next to a named actor is that
  actor ("합참 관계자" → JCS); alone it is the unnamed-group actor of that name.

:func:`resolve_description` answers "the defence ministry" when no descriptor names it: the one actor
whose names contain those words, preferring one of a country the document mentions.
"""

import functools
import re
from dataclasses import dataclass

from factbase.text import strip_accents
from sources.models import Actor, ActorKind, AliasKind

MEDIA_KINDS = {ActorKind.NEWS_AGENCY, ActorKind.NEWS_OUTLET, ActorKind.STATE_MEDIA}


@dataclass(frozen=True)
class ActorRef:
    """An actor a candidate refers to. ``pk`` is None for one that saving creates or resolves: a
    placeholder (``unattributed``), an unnamed group, or a **proposed** actor (``proposed=True``: a named
    speaker with no matching actor, that a curator must confirm or merge before it is used)."""

    key: str
    name: str
    kind: str
    pk: int | None = None
    country: str = ""
    proposed: bool = False
    title: str = ""  # for a proposed actor: the title words its kind was guessed from

    @property
    def is_media(self) -> bool:
        return self.kind in MEDIA_KINDS


# Groups a text may name without naming an actor: (key, English name, words per language).
UNNAMED_GROUPS = [
    ("analysts", "Analysts", {
        "en": ["analysts"], "el": ["αναλυτές", "αναλυτών"], "ru": ["аналитики", "аналитиков"],
        "ko": ["분석가들", "분석가"], "ar": ["محللون", "المحللين", "محللين"],
    }),
    ("officials", "Officials", {
        "en": ["officials", "official", "authorities", "the provincial government", "local authorities",
               "official figures", "official sources"],
        "el": ["αξιωματούχοι", "αξιωματούχων", "αξιωματούχος", "αρχές", "αρχών", "στρατιωτική διοίκηση", "επίσημα στοιχεία",
               "επίσημες πηγές"],
        "ru": ["чиновники", "официальные лица", "власти", "властей", "официальные источники", "официальным данным",
               "официальные данные",
               # unnamed services ("со ссылкой на экстренные службы", "представителя экстренных служб")
               "экстренные службы", "экстренных служб", "экстренных службах", "оперативные службы", "оперативных служб",
               "оперативных службах", "правоохранительные органы", "правоохранительных органов",
               "правоохранительных органах",
               # round 6: rescuers as the subject ("спасатели сообщали о 14 погибших"): the emergency services, unnamed
               "спасатели", "спасателей",
               # round 7: an unnamed source in a service ("со ссылкой на источник в силовых структурах")
               "источник в", "источника в", "источники в", "источников в", "источник из", "источника из"],
        "ko": ["당국자", "관계자", "당국", "관리들", "관리", "당국자들", "관계자들"],
        "ar": ["مسؤولون", "المسؤولين", "مسؤولين", "مسؤول", "جهات رسمية", "السلطات",
               # round 8: the Egyptian spelling ("ذكر مسئولون"), and authorities of a place ("سلطات سريلانكا")
               "مسئولون", "المسئولين", "مسئولين", "مسئول", "سلطات",
               # round 8: the police not named ("وسبق أن أعلنت الشرطة"), as unnamed police are elsewhere
               "الشرطة",
               # unnamed security or official sources ("حسبما قالت مصادر أمنية", "المصدر الأمني")
               "مصادر أمنية", "مصدر أمني", "المصدر الأمني", "المصادر الأمنية", "مصادر رسمية", "مصدر رسمي",
               "مصادر عسكرية", "مصدر عسكري",
               # sixteenth session: two sources, the dual ("أفاد مصدران أمنيان", "نقلا عن مصدرين أمنيين")
               "مصدران أمنيان", "مصدرين أمنيين", "مصدران عسكريان", "مصدرين عسكريين", "مصدران طبيان", "مصدرين طبيين",
               "مصدران رسميان", "مصدرين رسميين",
               # round 12: unnamed medical sources ("أفادت مصادر طبية عراقية", "المصدر الطبي"), as security sources are
               "مصادر طبية", "مصدر طبي", "المصادر الطبية", "المصدر الطبي",
               # round 7: an official count with no source named ("حسب إحصائية رسمية"), as "official figures"
               "إحصائية رسمية", "احصائية رسمية", "حصيلة رسمية", "أرقام رسمية", "إحصاءات رسمية",
               # sixteenth session (second Arabic round): unnamed rescuers, medics and doctors ("حسبما أفاد عناصر إنقاذ
               # وطبيب", "قال طبيب لوكالة فرانس برس"), as unnamed rescuers are in Russian and medical sources here
               "عناصر إنقاذ", "عناصر الإنقاذ", "عمال إنقاذ", "عمال الإنقاذ", "رجال الإنقاذ", "فرق الإنقاذ",
               "مسعفون", "المسعفون", "مسعفين", "المسعفين", "مسعف", "طبيب", "أطباء"],
    }),
    ("experts", "Experts", {
        "en": ["experts"], "el": ["ειδικοί", "εμπειρογνώμονες"], "ru": ["эксперты", "экспертов"],
        "ko": ["전문가들", "전문가"], "ar": ["خبراء", "الخبراء"],
    }),
]
UNNAMED_KEYS = {key for key, _, _ in UNNAMED_GROUPS}

_INFLECTED = {"el": 3, "ru": 3, "ar": 2}  # letters an inflected ending may add to a name
# Korean particles (and 측, "side") that may follow a name; any other Hangul syllable makes a compound.
KO_PARTICLES = ("께서", "에서", "에게", "으로", "측은", "측이", "측", "은", "는", "이", "가", "을", "를", "의", "에",
                "와", "과", "도", "만", "로")
KO_SUBJECT_PARTICLES = ("께서", "측은", "측이", "은", "는", "이", "가")
_SPACES = re.compile(r"\s+")
_ARTICLES = {"the", "a", "an", "ο", "η", "το", "οι", "τα", "της", "του", "των"}


# Arabic short vowels and other marks written over letters (damma, shadda, tanwin...): each becomes a tatweel
# (one character in, one out), which Arabic patterns allow between any two letters ("يُعلن" is "يعلن").
TATWEEL = "\u0640"
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670]")


def arabic_letters(word: str) -> str:
    """A regex for an Arabic word (already escaped or not) that allows tatweels between its letters."""
    return f"{TATWEEL}*".join(re.escape(char) for char in word)


@functools.lru_cache(maxsize=16384)
def _normalise_char(char: str) -> str:
    """One character as search reads it; cached, as extraction normalises every character of every sentence
    (a million calls for the real-text corpus) from a few hundred distinct ones."""
    if _ARABIC_MARKS.match(char):
        return TATWEEL
    # Egyptian spelling writes a final ي as ى ("الباكستانى", "فى"): one letter for both.
    folded = strip_accents(char.casefold()).replace("ς", "σ").replace("ى", "ي")
    # One character in, one out (a rare folding to two characters, like ß → ss, becomes a space).
    return folded if len(folded) == 1 and folded.isalnum() else " "


def normalised(text: str) -> str:
    """normalize_for_search, character for character, so offsets stay those of ``text``."""
    return "".join(_normalise_char(char) for char in text)


def folded(text: str) -> str:
    # (fifteenth session: a word or a short name is folded once — the rules fold each word of a lexicon again at every
    # verb — a long text each time)
    return _folded_short(text) if len(text) <= 64 else _SPACES.sub(" ", normalised(text)).strip()


@functools.lru_cache(maxsize=16384)
def _folded_short(text: str) -> str:
    return _SPACES.sub(" ", normalised(text)).strip()


def is_acronym(name: str) -> bool:
    """A short name written mostly in capitals ("ΠΟΥ", "WHO", "NIS", "MoI"), found only as written."""
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 5 and " " not in name.strip() and sum(c.isupper() for c in letters) >= 2


# Round 12: the last words of a Korean medium's or body's name, which Korean writes spaced or not ("AP통신" and "AP 통신",
# "로이터 통신" and "로이터통신", "미 국방부" and "미국방부" are one name each).
KO_SPACED_ENDINGS = ("통신사", "통신", "방송", "신문", "일보", "보건부", "국방부", "외교부", "내무부")


def _ko_spaced(name: str) -> str:
    """Round 12: a Korean name as a regex in which a space before its last word for a medium or a ministry is optional
    (written or not), and every other space is one space or more."""
    words = name.split(" ")
    ending = next((e for e in KO_SPACED_ENDINGS if words[-1].endswith(e) and len(words[-1]) > len(e)), None)
    if ending is not None:
        head = words[-1][:-len(ending)]
        words[-1] = re.escape(head) + r"\s?" + re.escape(ending)
        return r"\s+".join([*(re.escape(w) for w in words[:-1]), words[-1]])
    if len(words) > 1 and words[-1] in KO_SPACED_ENDINGS:
        return r"\s+".join(re.escape(w) for w in words[:-1]) + r"\s?" + re.escape(words[-1])
    return r"\s+".join(re.escape(w) for w in words)


# Sixteenth session: British and American spellings of one word are one name ("World Health Organisation" is the
# registry's "World Health Organization", "Defense Ministry" its "Defence Ministry"): a word's spelling class, read
# from its ending, as a canonical form (for looking a matched name up) and as a pattern (for finding either spelling).
# Each rule is read the same way on the registry's side and the text's, so a word that only looks like a variant
# ("Reuters", "prize") merely matches a spelling no text uses.
_EN_SPELLINGS = (
    # -ise/-ize, -isation/-ization, -ised/-ized ("organisation", "mobilised"): three letters before the ending at least
    (re.compile(r"^([a-z]{3,})i[sz](e|es|ed|ing|ation|ations|er|ers)$"), r"\1is\2",
     lambda m: re.escape(m.group(1)) + "i[sz]" + re.escape(m.group(2))),
    # -ence/-ense ("defence", "offence", "licence")
    (re.compile(r"^([a-z]{2,}en)[cs]e(s?)$"), r"\1ce\2",
     lambda m: re.escape(m.group(1)) + "[cs]e" + re.escape(m.group(2))),
    # -our/-or ("labour", "harbour", "honour")
    (re.compile(r"^([a-z]{2,})ou?r(s|ed|ing)?$"), r"\1or\2",
     lambda m: re.escape(m.group(1)) + "ou?r" + re.escape(m.group(2) or "")),
    # -tre/-ter ("centre", "theatre")
    (re.compile(r"^([a-z]{2,})t(?:re|er)(s?)$"), r"\1ter\2",
     lambda m: re.escape(m.group(1)) + "t(?:re|er)" + re.escape(m.group(2))),
    # -gramme/-gram ("World Food Programme")
    (re.compile(r"^([a-z]*gram)(?:me)?(s?)$"), r"\1\2",
     lambda m: re.escape(m.group(1)) + "(?:me)?" + re.escape(m.group(2))),
)


@functools.lru_cache(maxsize=16384)
def en_spelling(word: str) -> str:
    """A folded English word (or words) with British and American spellings made one ("organisation" and
    "organization" are "organisation")."""
    if " " in word:
        return " ".join(en_spelling(part) for part in word.split(" "))
    for regex, canonical, _ in _EN_SPELLINGS:
        if regex.match(word):
            return regex.sub(canonical, word)
    return word


def _en_word_pattern(word: str) -> str:
    for regex, _, pattern in _EN_SPELLINGS:
        match = regex.match(word)
        if match:
            return pattern(match)
    return re.escape(word)


def _word_pattern(word: str, language: str) -> str:
    """A name's word as a regex: Greek and Russian words of five letters or more may change their last two
    letters (case endings: "υπηρεσίας", "Национальной службы"); other words must match exactly."""
    # Greek and Russian case endings belong to Greek and Cyrillic words: a Latin-script name in Greek or Russian text
    # ("Sky News", "CNN News18") does not decline, so "newsis" is no "News" (greek round).
    inflects = language in ("el", "ru") and not re.search(r"[a-z]", word)
    if inflects and len(word) >= 6 and word.isalpha():
        return re.escape(word[:-2]) + r"\w{0,4}"
    if inflects and len(word) == 5 and word.isalpha():
        # A short word changes only a final vowel ("Сирия" → "Сирии"): "Хамас" is no "Хамад".
        if word[-1] in "аеёиоуыэюяαεηιουωάέήίόύώ":
            return re.escape(word[:-1]) + r"\w{0,3}"
        return re.escape(word) + r"\w{0,3}"
    if language == "ar":
        return arabic_letters(word)
    if language == "en":
        return _en_word_pattern(word)
    return re.escape(word)


@dataclass
class Mention:
    start: int
    end: int
    actor: ActorRef
    via: str = "name"  # name, descriptor or group
    particle: str = ""  # Korean: the particle right after the name


class ActorIndex:
    """Every actor's names and descriptors, normalised, ready to be found in text."""

    def __init__(self, names: dict[str, ActorRef], descriptors: dict[str, ActorRef] | None = None,
                 acronyms: dict[str, set[str]] | None = None, capitalised: set[str] | None = None):
        self.names = {name: ref for name, ref in names.items() if len(name) >= 2}
        # Descriptors of three characters or more; Korean ones of two syllables too ("군정", the junta).
        self.descriptors = {name: ref for name, ref in (descriptors or {}).items()
                            if len(name) >= 3 or (len(name) == 2 and all("\uac00" <= c <= "\ud7a3" for c in name))}
        self.actors = {ref.key: ref for ref in [*self.names.values(), *self.descriptors.values()]}
        # Short names written in capitals ("ΠΟΥ", "WHO", "MoI"): found only as written, so that the Greek
        # relative pronoun "που" is not the World Health Organization.
        self.acronyms = acronyms or {}
        # Round 7: one-word Greek names written with a capital ("Πυροσβεστική", "Λιμενικό"): the institution's proper
        # name; written in lower case in Greek text ("ανακοίνωσε η πυροσβεστική") the word is the common noun — a fire
        # service, any country's — not that institution.
        self.capitalised = capitalised or set()
        self.names_of: dict[str, list[str]] = {}
        for name, ref in [*self.names.items(), *self.descriptors.items()]:
            self.names_of.setdefault(ref.key, []).append(name)
        self._regexes: dict[str, re.Pattern | None] = {}
        self._lookups: dict[str, dict[str, tuple[ActorRef, str]]] = {}
        # Per language, each lookup name as a compiled whole-name pattern, in the lookup's order: ``lookup`` tries
        # them for an inflected match, and compiling them on every call overflowed ``re``'s cache.
        self._country_stems: list[tuple[str, str]] | None = None
        self._inflected: dict[str, list[tuple[re.Pattern, tuple[ActorRef, str]]]] = {}
        self._joined_ko: dict[str, tuple[ActorRef, str]] = {}
        self._en_spellings: dict[str, tuple[ActorRef, str]] | None = None

    @classmethod
    def from_database(cls) -> "ActorIndex":
        names: dict[str, ActorRef] = {}
        descriptors: dict[str, ActorRef] = {}
        acronyms: dict[str, set[str]] = {}
        capitalised: set[str] = set()
        written: list[str] = []
        for actor in Actor.objects.prefetch_related("aliases").order_by("id"):
            ref = ActorRef(actor.key, actor.name, actor.kind, actor.pk, actor.country)
            aliases = list(actor.aliases.all())
            for name in [actor.name, actor.key.replace("-", " "), *(a.name for a in aliases if a.kind != AliasKind.DESCRIPTOR)]:
                names.setdefault(folded(name), ref)
                written.append(name)
                if " " not in name.strip() and re.fullmatch(r"[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{3,}", name.strip()):
                    capitalised.add(folded(name))
                if is_acronym(name):
                    spellings = acronyms.setdefault(folded(name), set())
                    spellings.add(name)
                    if len(name) >= 4:
                        spellings.add(name[0] + name[1:].lower())  # "Nato", "Tass"
                    if name.isupper() and name.isalpha() and len(name) <= 4:
                        # "U.N.", "U.S.": the acronym written with full stops (matched without the last one)
                        dotted = ".".join(name)
                        names.setdefault(folded(dotted), ref)
                        acronyms.setdefault(folded(dotted), set()).update({dotted, dotted + "."})
            for alias in aliases:
                if alias.kind == AliasKind.DESCRIPTOR:
                    words = folded(alias.name).split(" ")
                    while words and words[0] in _ARTICLES:
                        words = words[1:]
                    if words:
                        descriptors.setdefault(" ".join(words), ref)
        for name in written:
            # sixteenth session: a name held as written in lower case too ("dpa" beside the Russian alias "DPA") is found
            # as written: the acronym's spelling rule is for the capitals' other readings ("who"), not the held name
            if folded(name) in acronyms and name.strip() == name and not is_acronym(name) and name.islower():
                acronyms[folded(name)].add(name)
        return cls(names, descriptors, acronyms, capitalised)

    def regex(self, language: str) -> re.Pattern | None:
        if language not in self._regexes:
            lookup: dict[str, tuple[ActorRef, str]] = {}
            for name, ref in self.descriptors.items():
                lookup.setdefault(name, (ref, "descriptor"))
            for name, ref in self.names.items():
                lookup[name] = (ref, "name")
            for key, name, words in UNNAMED_GROUPS:
                ref = self.actors.get(key) or ActorRef(key, name, ActorKind.UNNAMED_GROUP)
                for word in words.get(language, []):
                    lookup.setdefault(folded(word), (ref, "group"))
            if language == "ar":
                # "للحوثيين", "للأمم المتحدة": the preposition li- before the article al- drops its alif, so the
                # name "الحوثيين" is written "ل" + "لحوثيين"; the clitic is read by the pattern's head.
                for name, found in list(lookup.items()):
                    if name.startswith("ال") and len(name) > 4:
                        lookup.setdefault("ل" + name[2:], found)
            self._lookups[language] = lookup
            if not lookup:
                self._regexes[language] = None
            else:
                alternatives = "|".join(
                    _ko_spaced(name) if language == "ko" else
                    r"\s+".join(_word_pattern(part, language) for part in name.split(" "))
                    for name in sorted(lookup, key=len, reverse=True)
                )
                if language == "ko":
                    self._joined_ko = {name.replace(" ", ""): found for name, found in lookup.items()}
                head = r"(?<!\w)(?:[وبلف]{1,2}(?=\w))?" if language == "ar" else r"(?<!\w)"
                if language == "ko":
                    tail = r"(\w{0,2})"
                else:
                    extra = _INFLECTED.get(language, 0)
                    tail = rf"(\w{{0,{extra}}})(?!\w)" if extra else r"()(?!\w)"
                self._regexes[language] = re.compile(rf"{head}({alternatives}){tail}")
        return self._regexes[language]

    def country_stems(self) -> list[tuple[str, str]]:
        """(stem, country code) of every one-word country name of four letters or more: its first five letters,
        four for short names, which a nationality adjective begins with ("λιβανέζικο", "Lebanese" → LB)."""
        if self._country_stems is None:
            self._country_stems = [
                (name[:min(5, len(name) - 1)], ref.country) for name, ref in self.names.items()
                if ref.kind == ActorKind.COUNTRY and ref.country and " " not in name and len(name) >= 4
            ]
        return self._country_stems

    def lookup(self, matched: str, language: str) -> tuple[ActorRef, str] | None:
        """The actor (and how it was named) a matched, possibly inflected, name stands for."""
        name = _SPACES.sub(" ", matched).replace(TATWEEL, "") if language == "ar" else _SPACES.sub(" ", matched)
        lookup = self._lookups[language]
        if name in lookup:
            return lookup[name]
        if language == "ko" and name.replace(" ", "") in self._joined_ko:
            return self._joined_ko[name.replace(" ", "")]  # round 12: "AP 통신" is the actor held as "AP통신"
        if language == "en":
            # sixteenth session: the other spelling of a held name ("organisation" for "organization"); English names
            # do not inflect, so nothing else can match
            if self._en_spellings is None:
                self._en_spellings = {}
                for candidate, found in lookup.items():
                    self._en_spellings.setdefault(en_spelling(candidate), found)
            return self._en_spellings.get(en_spelling(name))
        if language not in self._inflected:
            self._inflected[language] = [
                (re.compile(r"\s+".join(_word_pattern(part, language) for part in candidate.split(" "))), found)
                for candidate, found in lookup.items()
            ]
        for pattern, found in self._inflected[language]:
            if pattern.fullmatch(name):
                return found
        return None

    def mentions(self, text: str, language: str, verbs: list[tuple[int, int]] = ()) -> list[Mention]:
        """The actors named in ``text``; a name that is one of the ``verbs`` spans (a reporting verb of the
        sentence) is read as the verb: the Turkish agency AFAD's Arabic name "أفاد" is also "he reported"."""
        regex = self.regex(language)
        if regex is None:
            return []
        normalised_text = normalised(text)
        found = []
        for match in regex.finditer(normalised_text):
            name = _SPACES.sub(" ", match.group(1))
            if language == "ar":
                name = name.replace(TATWEEL, "")
            looked_up = self.lookup(name, language)
            if looked_up is None:
                continue
            if any(start <= match.start(1) and match.end(1) <= end for start, end in verbs):
                continue
            ref, via = looked_up
            if name in self.acronyms and text[match.start(1):match.end(1)] not in self.acronyms[name]:
                continue  # "που" is no "ΠΟΥ", "who" no "WHO"
            if language == "el" and name in self.capitalised and text[match.start(1)].islower():
                continue  # round 7: "η πυροσβεστική" (a fire service) is not the institution named "Πυροσβεστική"
            tail = match.group(2)
            if ref.kind == ActorKind.COUNTRY and (tail or name not in self._lookups[language]) and language != "ko":
                continue  # "российских", "ρωσικά", "Ουκρανοί": an adjective of the country, not the country
            particle = ""
            if language == "ko":
                if tail and not tail.startswith(KO_PARTICLES):
                    continue  # 북한군: a name inside a compound is no mention
                particle = next((p for p in KO_PARTICLES if tail.startswith(p)), "") if tail else ""
                end = match.end(1) + len(particle)
            else:
                end = match.end()
                # Short names (KCNA, NIS, Κιμ) must not be the start of a longer word.
                if len(name) <= 4 and tail:
                    continue
                if tail and any(ch.isdigit() for ch in tail):
                    continue  # round 10: "CNN News18" does not name "News1": digits are no inflection
                # "Hamas-led", "Gaza-based": a name inside a compound adjective is no mention.
                if re.match(r"-[^\W\d_]", text[end:end + 2]) and text[end + 1:end + 2].islower() and via != "descriptor":
                    continue
            found.append(Mention(match.start(1), end, ref, via, particle))
        if language == "en":
            found = [self._possessive_descriptor(text, m) or m for m in found]
        return _merge_groups(text, found, language)

    def _possessive_descriptor(self, text: str, mention: Mention) -> Mention | None:
        """Round 12: "the United Nations' humanitarian office", "the UN's refugee agency": an owner's possessive before a
        description is the owner's name before it — the descriptor "the UN humanitarian office" of OCHA, whichever of the
        owner's names the text uses."""
        owned = re.match(r"['’]s?\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)", text[mention.end:])
        if mention.via != "name" or owned is None:
            return None
        words = owned.group(1).split()
        for size in range(len(words), 0, -1):
            rest = folded(" ".join(words[:size]))
            for name in self.names_of.get(mention.actor.key, []):
                for phrase in (f"{name} {rest}", f"the {name} {rest}"):
                    if phrase in self.descriptors:
                        tail = re.match(r"['’]s?\s+" + r"\s+".join(map(re.escape, words[:size])), text[mention.end:])
                        return Mention(mention.start, mention.end + tail.end(), self.descriptors[phrase], "descriptor")
        return None

    def resolve_description(self, words: str, mentioned_countries: set[str], context: str = "",
                            mentioned: list[ActorRef] | None = None) -> ActorRef | None:
        """The one actor whose name, aliases or descriptors contain ``words`` ("defence ministry"); when
        several do, the one of a country the document mentions, else the one the document names, else the
        one whose other name words the document uses most ("health ministry" in a text about Gaza is
        Gaza's); None when none or several remain."""
        wanted = folded(words)
        if len(wanted) < 5:
            return None
        refs = {ref.key: ref for name, ref in [*self.names.items(), *self.descriptors.items()] if wanted in name}
        if not refs and re.search(r"[a-z]", wanted):
            # sixteenth session: "the defense ministry" is the one held as "Defence Ministry" (either spelling)
            spelt = en_spelling(wanted)
            refs = {ref.key: ref for name, ref in [*self.names.items(), *self.descriptors.items()]
                    if spelt in en_spelling(name)}
        return self._one_of(refs, set(wanted.split()), mentioned_countries, context, mentioned or [])

    def _one_of(self, refs: dict[str, ActorRef], wanted: set[str], mentioned_countries: set[str], context: str,
                mentioned: list[ActorRef]) -> ActorRef | None:
        if len(refs) > 1 and mentioned_countries:
            of_countries = {key: ref for key, ref in refs.items() if ref.country in mentioned_countries}
            if of_countries:
                refs = of_countries
        if len(refs) > 1 and mentioned:
            named = {ref.key: ref for ref in mentioned if ref.key in refs}
            if named:
                refs = named
        if len(refs) > 1 and context:
            scores = {key: self._context_score(key, wanted, context) for key in refs}
            best = max(scores.values())
            if best > 0 and list(scores.values()).count(best) == 1:
                return refs[next(key for key, score in scores.items() if score == best)]
        return next(iter(refs.values())) if len(refs) == 1 else None

    def _context_score(self, key: str, wanted: set[str], context: str) -> int:
        """How many distinct words of an actor's other names (four letters or more) the text uses."""
        words = {w for name in self.names_of.get(key, []) for w in name.split() if len(w) >= 4 and w not in wanted}
        return sum(1 for word in words if re.search(rf"(?<!\w){re.escape(word[:max(4, len(word) - 2)])}", context))

    def described_by(self, head: str, candidates: list[ActorRef]) -> ActorRef | None:
        """The most recent of ``candidates`` one of whose names contains the noun ``head`` ("보건부",
        "ministry", "ведомства": inflected endings are ignored)."""
        stem = folded(head)
        stem = stem[:max(4, len(stem) - 2)] if len(stem) > 5 else stem
        if len(stem) < 2:
            return None
        for ref in reversed(candidates):
            if any(stem in name for name in self.names_of.get(ref.key, [])):
                return ref
        return None


def _merge_groups(text: str, found: list[Mention], language: str = "") -> list[Mention]:
    """"합참 관계자", "NIS officials": an unnamed group right next to a named actor is that actor."""
    merged: list[Mention] = []
    for mention in found:
        country = ActorKind.COUNTRY in (mention.actor.kind, merged[-1].actor.kind) if merged else False
        if merged and not country and not text[merged[-1].end:mention.start].strip():
            last = merged[-1]
            # round 10: a Greek noun phrase puts its owner after its head, in the genitive ("αξιωματούχος του Reuters"):
            # a group word after a name heads a phrase of its own — the subject after the medium told ("είπε στο Reuters
            # αξιωματούχος", "ενημέρωσαν το Γαλλικό Πρακτορείο αξιωματούχοι"), not the medium's own officials
            if mention.via == "group" and last.via != "group" and language != "el":
                merged[-1] = Mention(last.start, mention.end, last.actor, last.via, mention.particle)
                continue
            if last.via == "group" and mention.via != "group" and not last.particle:
                # round 8: "관계자는 CNN에": a Korean group word with its particle ends its phrase; the name after it
                # is another's ("CNN 관계자" merges the other way, above)
                merged[-1] = Mention(last.start, mention.end, mention.actor, mention.via, mention.particle)
                continue
        merged.append(mention)
    return merged
