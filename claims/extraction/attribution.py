"""Who said it: the speaker of each figure, from the structure of its sentence, in el, en, ko, ar and ru.

For each sentence :func:`attribute` finds the cues (:mod:`claims.extraction.cues`) and the **agent** of
each: for a reporting verb, its subject — on the left in English, Greek and Russian ("Egypt's military
said"; an appositive "X, director of Y, said" is skipped to X), on the right when the verb comes first
("…, ανακοίνωσε το υπουργείο", "сообщили в Минобороны", Arabic "قال X"); in Korean the subject- or
topic-marked phrase before the verb (after the reported clause's "…고", else the sentence's topic); for an
attribution phrase ("according to X", "X에 따르면", "بحسب X") its object. An agent is, in order:

1. an actor named in the text (name, alias or **descriptor**, :mod:`claims.extraction.actors`); names
   inside compounds (북한군) are not agents;
2. a pronoun or definite description ("he", "the ministry", "ο ίδιος", "ведомство", "الوزارة",
   "보건부는") — the last named source of the paragraph (else of the document) of a fitting kind, or the
   one actor the description names ("the defence ministry" when the document mentions Russia);
3. a **proposed actor**: a name with no matching actor ("Governor Yevgeny Balitsky said") — its kind
   guessed from the title words next to it; a later surname alone ("Balitsky said") is the same one;
4. nothing said (pro-drop: "Παράλληλα ανέφερε ότι", "وأضاف أن"): the last named source.

Then the figure's claimant: inside a quotation, the speaker of that quotation; else the object of a
*citing* cue, else the nearest reporting verb's agent, else the *according to* source; a news medium that
only passes it on (it reports someone else speaking, "cited X as saying", "цитирует его РИА Новости",
"told Xinhua", "في تصريح لوكالة") is a **relay**. A figure without any attribution belongs to the text's
author: the wire credited, else the publisher (the ``narrator``).
"""

import re
from dataclasses import dataclass, field

from sources.models import ActorKind

from . import cues as C
from .actors import (
    KO_SUBJECT_PARTICLES, MEDIA_KINDS, TATWEEL, ActorIndex, ActorRef, Mention, arabic_letters, folded, is_acronym,
    normalised,
)
from .numbers import read_quantity
from .sentences import quotation_spans

_NAME_WORD = (
    r"(?:(?:al|el|bin|ibn|abu|de|van|von|der|den|du|da|di|dos|del|la|le)[-\s]){0,2}[A-ZÀ-ÞΑ-ΩΆΈΉΊΌΎΏА-ЯЁ][\w’']*(?:-[^\W\d_][\w’']*)*"
)
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "den", "du", "da", "di", "dos", "del", "la", "le"}
# An English organisation's name joins its words with "of" or "for" after the noun that says what it is ("Office of
# Civil Defense", "Ministry of Health"); elsewhere "of" ends a name ("Estimates of North Korean casualties").
_ORGANISATION_NOUNS = (r"(?:Office|Ministry|Department|Bureau|Council|Agency|Commission|Committee|Centre|Center|Institute|"
                       r"Board|Union|Federation|Association|Organi[sz]ation|Authority|Service|Directorate|Administration)")
_NAME_RUN = re.compile(rf"(?:{_NAME_WORD}\s+)*?{_ORGANISATION_NOUNS}\s+(?:of|for)\s+(?:the\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*"
                       rf"|{_NAME_WORD}(?:\s+{_NAME_WORD})*")
_NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "telegram", "facebook",
    "twitter", "instagram", "earlier", "later", "meanwhile", "meantime", "also", "however", "the", "a", "in", "on",
    "at", "it", "he", "she", "they", "citing", "according", "during", "since", "russian", "ukrainian",
    "israeli", "palestinian", "western", "us", "un", "ранее", "также", "παράλληλα", "νωρίτερα", "όπως",
    # weekdays, which open or follow a verb ("ανακοίνωσε το Σάββατο ότι") without being speakers
    "δευτερα", "τριτη", "τεταρτη", "πεμπτη", "παρασκευη", "σαββατο", "κυριακη", "понедельник", "вторник", "среда",
    "среду", "четверг", "пятница", "пятницу", "суббота", "субботу", "воскресенье",
    # capitalised words of official titles ("заместитель Генерального секретаря", "Высокий представитель")
    "генерального", "генеральный", "высокий", "высокого", "верховный", "верховного", "специальный", "специального",
    "постоянный", "постоянного", "secretary-general", "γενικού", "γενικός", "ύπατος", "ύπατου",
}
_NOT_NAMES = {folded(word) for word in _NOT_NAMES}  # compared folded: "высокий" is "высокии"
_BRIEFED_BY = {
    "en": r"\b(?:(?:who|which)\s+(?:was|were|had been)\s+)?briefed\s+by\s+|\bbriefing\s+(?:by|from)\s+",
    "ko": r"(?:으로부터|로부터|에게서)\s+(?:비공개\s+)?(?:보고|브리핑)",
    "el": r"ενημερώθηκε\s+από\s+|ενημέρωση\s+από\s+",
    "ru": r"брифинг\w*\s+(?:от|у)\s+",
    "ar": r"إحاطة\s+من\s+|أطلعه\w*\s+",
}
_ARTICLE_WORDS = {"the", "a", "an", "ο", "η", "το", "οι", "τα", "ενασ", "μια"}
# A direction before a place ("in northern Yemen", "στη βόρεια Συρία", "в северной Сирии").
_DIRECTION = {
    "en": r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|northwestern|northeastern|"
          r"southwestern|southeastern|occupied|neighbouring|neighboring)\s+)?",
    "el": r"(?:(?:βόρει\w*|νότι\w*|ανατολικ\w*|δυτικ\w*|κεντρικ\w*|βορειοανατολικ\w*|βορειοδυτικ\w*|"
          r"νοτιοανατολικ\w*|νοτιοδυτικ\w*)\s+)?",
    "ru": r"(?:(?:северн\w*|южн\w*|восточн\w*|западн\w*|центральн\w*)\s+)?",
}
_PLACE_PREPOSITIONS = {
    "en": rf"(?<!\w)(?:in|of|from|at|near|to|into|across|outside|inside)\s+(?:the\s+)?{_DIRECTION['en']}$",
    "el": rf"(?<!\w)(?:της|του|των|στην|στον|στο|στη|στα|στις|στους|σε|από|προς|την|τον|τους|τις|τα)\s+{_DIRECTION['el']}$",
    "ru": rf"(?<!\w)(?:в|во|на|из|под|у|к|по|над|около|для|от|до|с)\s+{_DIRECTION['ru']}$",
}
_AR_STOP = {"أن", "إن", "بأن", "أنه", "إنه", "في", "من", "عن", "على", "إلى", "خلال", "اليوم", "أمس", "مساء", "صباح",
            "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "قد", "بيان", "تصريح",
            "تصريحات", "مؤتمر", "حصيلة", "فى", "التابعة", "التابع", "الخاضعة", "فيه", "فيها", "لوكالة", "لصحيفة", "لقناة", "لموقع", "للصحفيين", "لـ", "تقديرات", "بيانات", "معطيات", "إحصاءات", "أرقام", "تقرير", "لها", "له", "صحفي", "الجمعة،", "مقتل", "وصول", "ارتفاع"}
# Generic nouns an Arabic organisation's name follows ("جماعة أنصار الله", "حركة حماس").
_AR_AFFILIATED = {folded(w) for w in ("التابعة", "التابع", "الخاضعة")}
_AR_GENERIC = {folded(w) for w in ("جماعة", "حركة", "ميليشيا", "مليشيا", "تنظيم", "منظمة", "قوات")}
_KO_VERBAL_STEM_END = ("하", "되", "있", "없", "않", "받", "시키", "이", "한", "된", "인", "던", "은")


@dataclass
class Agent:
    ref: ActorRef | None
    start: int
    end: int
    how: str  # mention, descriptor, group, proposed, anaphor, dropped
    wanted: str = "any"  # for an anaphor: person, organisation or any


@dataclass
class Cue:
    start: int
    end: int
    role: str
    hedge: str
    side: str
    phrase: str
    agent: Agent | None = None
    object_agent: Agent | None = None  # "X cited Y as saying": Y


@dataclass
class DocumentState:
    """What attribution carries from sentence to sentence within one document."""

    language: str
    index: ActorIndex
    narrator: ActorRef
    countries: set[str] = field(default_factory=set)
    text: str = ""  # the whole body, normalised: the context that tells which "health ministry" is meant
    mentioned: list[ActorRef] = field(default_factory=list)  # every actor named so far, most recent last
    qualifiers: set[str] = field(default_factory=set)  # words that qualified a title ("губернатор Севастополя")
    sources: list[ActorRef] = field(default_factory=list)  # named sources, most recent last
    paragraph_sources: list[ActorRef] = field(default_factory=list)
    proposals: dict[str, ActorRef] = field(default_factory=dict)  # folded name -> proposed ref
    last_relays: list[ActorRef] = field(default_factory=list)  # the relays of the last attributed figure
    last_relays_for: ActorRef | None = None  # whose relays those are
    # The source whose data the sentence before announced ("От МЧС РТ поступили уточненные данные"): what "по
    # последним данным" in the next sentence refers to. Any other sentence with figures forgets it.
    data_source: ActorRef | None = None

    def relays_of(self, ref: ActorRef | None) -> list[ActorRef]:
        """The relays the last figure of ``ref`` came through: a source going on speaking keeps them."""
        return list(self.last_relays) if ref is not None and ref == self.last_relays_for else []

    def mention(self, ref: ActorRef) -> None:
        if ref in self.mentioned:
            self.mentioned.remove(ref)
        self.mentioned.append(ref)

    def remember(self, ref: ActorRef | None) -> None:
        if ref is None or ref.key == self.narrator.key:
            return
        for bucket in (self.sources, self.paragraph_sources):
            if ref in bucket:
                bucket.remove(ref)
            bucket.append(ref)

    def last(self, wanted: str = "any") -> ActorRef | None:
        """The most recent named source of the paragraph, else of the document; ``wanted`` person or
        organisation asks for one of that kind only ("he" is no ministry, "the ministry" no governor)."""
        for bucket in (self.paragraph_sources, self.sources):
            for ref in reversed(bucket):
                if wanted == "any" or (wanted == "person") == (ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)):
                    return ref
        return None


@dataclass
class SentenceAttribution:
    claimant: ActorRef | None  # for figures outside quotations; None: the narrator
    hedge: str
    relays: list[ActorRef]
    quote_speakers: list[tuple[int, int, ActorRef | None, list[ActorRef]]]  # (start, end, speaker, relays)
    cues: list[Cue]
    # Every claimant of the figures outside quotations when several assert them together ("according to
    # South Korean and Western intelligence", "Ukraine and Russia said"): ``claimant`` first.
    claimants: list[ActorRef] = field(default_factory=list)
    # The speaker is the report just cited, referred back to ("وبينت الإحصائية الرسمية", "the report also
    # showed"): its figures cover the period of the report's figures before them.
    same_report: bool = False


# --- Finding cues ----------------------------------------------------------------------------------

_CUE_REGEX: dict[str, list] = {}


def _cue_patterns(language: str):
    if language not in _CUE_REGEX:
        patterns = []
        for phrase, role, hedge, side in sorted(C.CUES.get(language, []), key=lambda cue: -len(cue[0])):
            escape = arabic_letters if language == "ar" else re.escape
            body = r"\s+".join(escape(part) for part in folded(phrase).split())
            if language == "ar":
                # A phrase ending in the preposition ل or ب ("وفقاً ل") takes the next word as a clitic: "وفقاً لحصيلة".
                clitic = re.search(r"(?:^|\s)[لب]\u0640?$", folded(phrase))
                regex = re.compile(rf"(?<!\w)(?:و|ف)?({body})" + ("" if clitic else r"(?!\w)"))
            elif language == "ko":
                # a connective form ("말해", "밝혀") must end its word: "밝혀졌다" (was found) is no cue
                tail = r"(?![가-힣])" if phrase.endswith(("해", "혀", "며")) else ""
                regex = re.compile(rf"({body}){tail}")
            else:
                regex = re.compile(rf"(?<!\w)({body})(?!\w)")
            patterns.append((regex, role, hedge, side, phrase))
        _CUE_REGEX[language] = patterns
    return _CUE_REGEX[language]


def find_cues(sentence: str, language: str, masked: list[tuple[int, int]]) -> list[Cue]:
    text = normalised(sentence)
    found: list[Cue] = []
    for regex, role, hedge, side, phrase in _cue_patterns(language):
        for match in regex.finditer(text):
            start, end = match.span(1)
            if _inside(start, masked) or any(c.start < end and start < c.end for c in found):
                continue
            found.append(Cue(start, end, role, hedge, side, phrase))
    return sorted(found, key=lambda cue: cue.start)


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)


# --- Agents ----------------------------------------------------------------------------------------

_DESCRIBED = {
    "en": r"(?<!\w)(?:the|[a-z]+\s+s)\s+(?:[a-z]+\s+){1,4}(?:ministry|agency|office|military|army|department|service|authorities|government)(?!\w)",
    "el": r"(?<!\w)(?:το|η|ο|την|τον|τησ|του)\s+(?:\w+\s+){0,2}(?:υπουργει\w*|υπηρεσι\w*|διοικηση\w*|στρατο\w*|ενωση\w*|οργανωση\w*|οργανισμο\w*|κυβερνηση\w*|τηλεορασ\w*)(?!\w)",
    # "بيان لوزارة الداخلية": a ministry by its portfolio after a preposition (the country's, from the text); as a
    # verb's subject, the Arabic agent rules read it with what follows ("وزارة الصحة التابعة لحماس")
    "ar": r"(?<!\w)(?:ل|ب)وزار\w?\s+ال\w+(?!\w)",
}


# A person described by a title with a qualifier ("ο ουκρανός υπουργός Εσωτερικών", "the regional governor").
_DESCRIBED_PERSON = {
    "el": r"(?<!\w)(?:(?:ο|η|τον|την)\s+(?:\w+\s+)?)?(?:υπουργοσ|υπουργο|κυβερνητησ|κυβερνητη|εκπροσωποσ|εκπροσωπο|περιφερειαρχησ|περιφερειαρχη|δημαρχοσ|δημαρχο)(?!\w)",
    "en": r"(?<!\w)(?:the|[a-z]+\s+s)\s+(?:(?:[a-z]+\s+){1,2}(?:minister|governor|spokesman|spokesperson|spokeswoman|chief|mayor)"
          r"|(?:chief|head|leader|commander)\s+of\s+the\s+(?:(?!said\b|says\b|told\b|added\b|reported\b)[a-z]+\s+){0,2}"
          r"(?!said\b|says\b|told\b|added\b|reported\b)[a-z]+)(?!\w)",
}
_TITLE_NOUNS = {folded(w) for w in ("minister", "governor", "spokesman", "spokesperson", "spokeswoman", "chief", "head",
                                    "leader", "commander", "υπουργοσ", "υπουργο", "κυβερνητησ", "κυβερνητη",
                                    "εκπροσωποσ", "εκπροσωπο", "περιφερειαρχησ", "περιφερειαρχη", "mayor", "δημαρχοσ",
                                    "δημαρχο")}
# What a description of a person that has no antecedent stands for until the person is named
# ("…, according to the Ukrainian interior minister. «…», wrote Ihor Klymenko"): the next person named.
CATAPHOR = ActorRef("cataphor:person", "(the person named next)", ActorKind.PERSON)


def _anaphors(sentence: str, language: str) -> list[tuple[int, int, str]]:
    text = normalised(sentence)
    found = []
    if language in _DESCRIBED_PERSON:
        for match in re.finditer(_DESCRIBED_PERSON[language], text):
            found.append((match.start(), match.end(), "person"))
    if language in _DESCRIBED:
        for match in re.finditer(_DESCRIBED[language], text):
            if any(s <= match.start() < e or match.start() <= s < match.end() for s, e, _ in found):
                continue  # "the country's military chief": a person described, not the military
            if re.search(r"[A-Z][\w’'-]*\s+(?:news\s+agency|newspaper|television|TV)\b", sentence[match.start():match.end()]):
                continue  # "the Houthi-run Saba news agency": a named medium, not a description
            end = match.end()
            following = re.match(r"\s+([A-ZΑ-ΩΆΈΉΊΌΎΏ][\w’'-]*)", sentence[end:])
            if language == "el" and following:
                # "Η υπηρεσία Πολιτικής Προστασίας": capitalised genitives after the noun belong to the
                # description; "η οργάνωση Emergency Lawyers": a name after it is the name the noun introduces.
                extension = re.match(r"(?:\s+(?:[Α-ΩΆΈΉΊΌΎΏ][\w’'-]*(?:ς|ου|ών|ων)|και))+", sentence[end:])
                if not extension:
                    continue
                end += len(extension.group(0).rstrip()) if not extension.group(0).rstrip().endswith("και") else \
                    len(extension.group(0).rsplit("και", 1)[0].rstrip())
            found.append((match.start(), end, "organisation"))
    for words, wanted in C.ANAPHORS.get(language, []):
        for word in sorted(words, key=len, reverse=True):
            escape = arabic_letters if language == "ar" else re.escape
            body = r"\s+".join(escape(part) for part in folded(word).split())
            pattern = rf"(?<!\w)(?:و|ف)?({body})(?!\w)" if language == "ar" else (
                rf"(?<!\S)({body})" if language == "ko" else rf"(?<!\w)({body})(?!\w)")
            for match in re.finditer(pattern, text):
                start, end = match.span(1)
                if language == "en" and wanted == "organisation" and re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", sentence[end:]):
                    continue  # "the Office of Civil Defense": the start of a name, not "the office" referring back
                if not any(s < end and start < e for s, e, _ in found):
                    found.append((start, end, wanted))
    return found


def _titles(language: str) -> set[str]:
    return {folded(t) for t in C.PERSON_TITLES.get(language, [])} | {"lawmaker", "mp"}


def _names(sentence: str, language: str, mentions: list[Mention], masked,
           qualifiers: set[str] | None = None) -> list[tuple[int, int, str, str]]:
    """Capitalised names that are no known actor: (start, end, name, title words before it). Words that
    qualified a title before a longer name ("Губернатор Севастополя Михаил Развожаев") are added to
    ``qualifiers``: alone later ("губернатор Севастополя заявил") they are no name."""
    if language not in ("en", "el", "ru"):
        return []
    titles = _titles(language)
    found = []
    for match in _name_runs(sentence, mentions):
        start, end = match.span()
        if _inside(start, masked) or any(m.start < end and start < m.end for m in mentions):
            continue
        words = match.group(0).split()
        if all(w.isupper() and len(w) > 1 for w in words) and re.match(r"\s*(?:—|–|-|,)", sentence[end:end + 3]) \
                and not sentence[:start].strip():
            continue  # "NAY PYI TAW —", "GAZA,": a dateline, not a speaker
        # A possessive ("Egypt’s military") is a description, not a speaker's name.
        if words[-1].endswith(("’s", "'s")):
            continue
        title = []
        while words and folded(words[0]) in _ARTICLE_WORDS:
            words.pop(0)
        while words and folded(words[0]) in titles | {"lieutenant", "general"}:
            title.append(words.pop(0))
        if not words:
            continue
        lead_title = _title_before(sentence, start, titles)
        if not title and lead_title:
            title = [lead_title]
        if len(words) == 1 and re.search(r"(?<!\w)(?:υπουργ|υφυπουργ)\w*\s+$", sentence[max(0, start - 14):start],
                                                        re.IGNORECASE):
            continue  # "υπουργός Εσωτερικών": the minister's portfolio, not a name
        if re.search(r"(?<!\w)(?:υπουργ|υφυπουργ)\w*\s+(?:[^\W\d_]+\s+)*?(?:(?:και|&)\s+)?$",
                     sentence[max(0, start - 60):start], re.IGNORECASE) \
                and re.match(r"\s*(?:,|και\s|&)", sentence[end:]) \
                and not re.search(r"[,.;:]", sentence[max(0, start - 60):start].casefold().split("υπουργ")[-1]):
            # "ο υπουργός Κλιματικής Κρίσης και Πολιτικής Προστασίας, Βασίλης Κικίλιας": the portfolio (the
            # capitalised words between the title and the comma or "και") is no name; the person follows.
            # "ο υπουργός Υποδομών Ιρακλί Καρσελάτζε, …": the portfolio is in the genitive; the words after it that
            # are not are the minister's name.
            genitive = 0
            while genitive < len(words) and re.search(r"(?:ών|ων|ου|ής|ης|ας|ίας|ιας|ού|ός)$", folded(words[genitive]).replace("σ", "ς")):
                genitive += 1
            if genitive == 0 or len(words) - genitive < 2:
                continue
            words = words[genitive:]
        words = [w for w in words if not read_quantity(w, language=language)]  # "Έξι", "Five"
        compounds = [i for i, word in enumerate(words) if re.search(r"-(?:based|led|run|backed|controlled|born)$", word)]
        if compounds:
            words = words[compounds[-1] + 1:]  # "Gaza-based", "Hamas-led": a description; "Houthi-run Saba": Saba
        if not words or all(folded(word) in _NOT_NAMES for word in words):
            continue
        if re.search(_PLACE_PREPOSITIONS.get(language, r"$^"), sentence[max(0, start - 28):start], re.IGNORECASE) \
                and not re.search(r"(?:according\s+to|ссылкой\s+на|ссылаясь\s+на)\s+$", sentence[max(0, start - 16):start],
                                  re.IGNORECASE):
            continue  # "στην Οδησσό", "в Белгороде", "in Kherson": a place ("according to Al-Qedra" is no place)
        if qualifiers is not None and len(words) == 1 and folded(words[0]) in qualifiers and title:
            continue  # "губернатор Севастополя": the governor named before, not a new speaker
        if language == "ru" and len(words) == 1 and re.search(r"(?:ого|его|ому|ему|ыми|ими)$", words[0]) \
                and re.match(r"\s+[а-яё]", sentence[end:]):
            continue  # "директор Национального совета …": an adjective of an organisation's name, not a person
        # A single capitalised word opening the sentence is usually not a name ("Παράλληλα", "Earlier").
        offset = sentence.find(words[0], start)
        if offset == _first_word_start(sentence) and len(words) == 1:
            continue
        # "Vivian van de Perre": particles belong to the word they precede.
        tokens: list[str] = []
        for word in words:
            if tokens and tokens[-1].split()[-1] in _NAME_PARTICLES:
                tokens[-1] += " " + word
            else:
                tokens.append(word)
        words = tokens
        organisation = [folded(w) for w in C.ORGANISATION_WORDS.get(language, [])]
        names_an_organisation = any(_same_stem(folded(word), w) for word in words for w in organisation)
        if len(words) > 2 and not names_an_organisation:
            # A person's name is its last words ("Губернатор Севастополя Михаил Развожаев"); an organisation's
            # is all of them ("Το Συριακό Παρατηρητήριο Ανθρωπίνων Δικαιωμάτων").
            if qualifiers is not None and title:
                qualifiers.update(folded(word) for word in words[:-2])
            words = words[-2:]
        name = " ".join(words)
        name_start = sentence.find(words[0], start)
        found.append((name_start, name_start + len(name), name, " ".join(title)))
    return found


def _name_runs(sentence: str, mentions: list[Mention]):
    """Runs of capitalised words, cut where a known actor is named: "замгенсека ООН Розмари Дикарло" gives
    the mention ООН and the run "Розмари Дикарло"."""
    for match in _NAME_RUN.finditer(sentence):
        start, end = match.span()
        inside = sorted((m for m in mentions if m.start < end and start < m.end), key=lambda m: m.start)
        if not inside:
            yield match
            continue
        position = start
        for mention in inside:
            yield from _NAME_RUN.finditer(sentence[:max(position, mention.start)], position)
            position = max(position, mention.end)
        yield from _NAME_RUN.finditer(sentence[:end], position)


def _first_word_start(sentence: str) -> int:
    match = re.search(r"[^\W\d_]", sentence)
    return match.start() if match else 0


def _title_before(sentence: str, start: int, titles: set[str]) -> str:
    before = re.findall(r"[^\W\d_][\w-]*", sentence[max(0, start - 40):start])
    for word in reversed(before[-3:]):
        if folded(word) in titles:
            return word
    return ""


def _guess_kind(name: str, title: str, language: str) -> str:
    words = {folded(w) for w in title.split()}
    if words & C.LEGISLATOR_TITLES:
        return ActorKind.LEGISLATOR
    organisation = [folded(w) for w in C.ORGANISATION_WORDS.get(language, [])]
    lowered = folded(name)
    if language == "ko":
        if any(lowered.endswith(w) for w in organisation):
            return ActorKind.GOVERNMENT_AGENCY
        return ActorKind.PERSON if len(lowered.replace(" ", "")) <= 4 and " " in lowered else ActorKind.OTHER
    if any(w in lowered.split() for w in organisation):
        return ActorKind.GOVERNMENT_AGENCY
    if language in ("el", "ru") and any(_same_stem(word, w) for word in lowered.split() for w in organisation):
        return ActorKind.GOVERNMENT_AGENCY  # "начальник Управления информации": an office in the genitive
    return ActorKind.PERSON


def _same_stem(word: str, other: str) -> bool:
    """Two Greek or Russian words that differ only in their case ending ("управления" and "управление",
    "Παρατηρητηρίου" and "παρατηρητήριο"): the same letters but the last one or two."""
    if min(len(word), len(other)) < 5:
        return word == other
    stem = other[:-2] if len(other) >= 7 else other[:-1]
    return word.startswith(stem) and len(word) - len(stem) <= 3


def _proposed(state: DocumentState, name: str, title: str) -> ActorRef:
    key = folded(name)
    if key in state.proposals:
        return state.proposals[key]
    # A surname alone ("Balitsky", "القدرة") is the speaker proposed earlier under the full name.
    for known, ref in state.proposals.items():
        if known.endswith(" " + key) or key.endswith(" " + known):
            return ref
    if state.language in ("el", "ru") and " " not in key and len(key) >= 5:
        # "цитирует Андрианову" after "Ирина Андрианова": the surname in another case is the same person.
        for known, ref in state.proposals.items():
            if " " in known and ref.kind == ActorKind.PERSON and _same_stem(key, known.split()[-1]):
                return ref
    for ref in state.sources:
        if not ref.proposed and ref.kind == ActorKind.PERSON and folded(ref.name).split()[-1:] == key.split()[-1:]:
            return ref
    if state.language == "ar" and key.startswith("ال"):
        # "“الداخلية المغربية”": the press drops "وزارة" before a ministry's portfolio.
        full = f"وزارة {name}"
        named = [m for m in state.index.mentions(full, "ar") if m.start == 0 and m.end >= len(full) - 1 and m.via != "group"]
        if named:
            return named[0].actor
    if is_acronym(name):
        # "в коммюнике МВД королевства": an acronym some actor of a country the text names carries ("МВД Марокко").
        for country in [ref.country for ref in reversed(state.mentioned) if ref.kind == ActorKind.COUNTRY and ref.country]:
            known = _same_name_of(name, country, state)
            if known is not None:
                return known
    kind = _guess_kind(name, title, state.language)
    if kind == ActorKind.GOVERNMENT_AGENCY:
        # "وزارة الصحة التابعة لحماس": an organisation described, not named — the one known actor it describes.
        words = key.split()
        for size in range(len(words), 1, -1):
            described = state.index.resolve_description(" ".join(words[:size]), state.countries, state.text,
                                                        state.mentioned)
            if described is not None:
                return described
    ref = ActorRef(key=f"proposed:{key}", name=name, kind=kind, proposed=True, title=title)
    state.proposals[key] = ref
    return ref


@dataclass
class _Item:
    start: int
    end: int
    ref: ActorRef | None
    how: str
    wanted: str = "any"


def _items(sentence: str, state: DocumentState, mentions: list[Mention], masked) -> list[_Item]:
    """Everything in the sentence that may be an agent, in order."""
    items = [_Item(m.start, m.end, m.actor, m.via) for m in mentions if not _inside(m.start, masked)]
    for start, end, wanted in _anaphors(sentence, state.language):
        if _inside(start, masked) or any(i.start < end and start < i.end for i in items):
            continue
        items.append(_Item(start, end, None, "anaphor", wanted))
    for start, end, name, title in _names(sentence, state.language, mentions, masked, state.qualifiers):
        if any(i.start < end and start < i.end for i in items):
            continue
        # "Ουκρανοί αξιωματούχοι", "Ukrainian officials": a capitalised word before a group qualifies it.
        if any(i.how == "group" and 0 <= i.start - end <= 1 for i in items):
            continue
        if state.language in ("ru", "el") and " " not in name and is_acronym(name) and any(
                m.start > end and re.fullmatch(r"\s", sentence[end:m.start]) and m.via != "group"
                and m.actor.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.COUNTRY) for m in mentions):
            continue  # "ГУ МЧС по региону": the directorate's acronym before the organisation it belongs to
        if state.language in ("ru", "el") and " " not in name and any(
                m.end < start and re.fullmatch(r"\s", sentence[m.end:start]) and m.via != "group"
                and m.actor.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.COUNTRY) for m in mentions):
            continue  # "МЧС Татарстана", "МЧС РТ": a place in the genitive after an organisation qualifies it
        if re.fullmatch(r"\s*\(", sentence[max(0, start - 2):start]) and re.match(r"\s*\)", sentence[end:]) and \
                any(0 <= start - i.end <= 2 for i in items if i.how in ("proposed", "name", "descriptor")):
            continue  # "the Office of Civil Defense (OCD)": the acronym glosses the name before it
        known = _known_instead(sentence, start, end, name, state, mentions)
        items.append(_Item(start, end, known, "descriptor") if known else
                     _Item(start, end, _proposed(state, name, title), "proposed"))
    return sorted(items, key=lambda item: item.start)


def _known_instead(sentence: str, start: int, end: int, name: str, state: DocumentState,
                   mentions: list[Mention]) -> ActorRef | None:
    """A name no actor has that still stands for a known one: followed by that actor's acronym in brackets
    ("Γραφείο Συντονισμού Ανθρωπιστικών Υποθέσεων (OCHA)"), or an inflected name after a nationality adjective
    ("την λιβυκή Ερυθρά Ημισέληνο" → the Libyan Red Crescent)."""
    bracket = re.match(r"\s*\(", sentence[end:])
    if bracket:
        inside = [m for m in mentions if m.start == end + bracket.end() and m.via == "name"
                  and re.match(r"\s*\)", sentence[m.end:])]
        if inside:
            return inside[0].actor
    before = re.findall(r"[^\W\d_]+", sentence[max(0, start - 30):start])
    country = _country_of_adjective(before[-1], state.index) if before else ""
    if country:
        described = state.index.resolve_description(name, {country}, state.text, state.mentioned)
        if described is not None and described.country == country:
            return described
    return None


def _resolve(item: _Item, sentence: str, state: DocumentState) -> ActorRef | None:
    """The actor an agent stands for: itself when named; for a description with a modifier ("the defence
    ministry") the one actor it describes; else the last named source of the fitting kind."""
    if item.ref is not None:
        return item.ref
    found = _described(item, sentence, state)
    if found is not None and found.is_media and found.country and found.country not in state.countries \
            and found not in state.mentioned:
        return None  # "η κρατική τηλεόραση" is the state television of a country the text is about, not any
    return found


def _described(item: _Item, sentence: str, state: DocumentState) -> ActorRef | None:
    words = [w for w in normalised(sentence[item.start:item.end]).split() if w not in _ARTICLE_WORDS]
    if state.language == "ar":  # "لوزارة الداخلية": the clitic is no part of the description
        words = [re.sub(r"^(?:ل|ب|و|ف)(?=وزار|مكتب|هيئ)", "", w) for w in words]
    if len(words) >= 3 and words[1] == "s" and state.language == "en":
        words = words[2:]  # "Kyrgyzstan’s health ministry": the country is context, the rest describes
    if len(words) >= 2:
        described = state.index.resolve_description(" ".join(words), state.countries, state.text, state.mentioned)
        # "the Houthi-run Yemeni Health Ministry": without its modifiers, "health ministry" — the one the
        # document's other words point to.
        written = [w for w in sentence[item.start:item.end].split() if folded(w) not in _ARTICLE_WORDS]
        for size in range(len(written) - 1, 1, -1):  # whole words of the text: "Houthi-run" goes at once
            if described is not None:
                break
            described = state.index.resolve_description(" ".join(written[-size:]), state.countries, state.text,
                                                        state.mentioned)
        if described is not None:
            return described
    if len(words) >= 2:
        # "η πακιστανική κυβέρνηση", "the Lebanese army": the one such body of the country the adjective names.
        for word in words[:-1]:
            country = _country_of_adjective(word, state.index)
            described = state.index.resolve_description(words[-1], {country}, state.text, state.mentioned) \
                if country else None
            if described is not None and described.country == country:
                return described
    if item.wanted == "organisation" and words and words[-1] in _GROUP_NOUNS:
        # "according to the group", "the rebels", "группировка", "الحركة": an armed group the text is about.
        group = _armed_group(state)
        if group is not None:
            return group
    if item.wanted == "organisation" and words:
        # "보건부는", "the ministry", "ведомства", "الوزارة": the last source, else the last actor named, that
        # is such a thing ("the ministry" after the army spoke is still the ministry named before).
        head = _head_noun(words[-1], state.language)
        described = state.index.described_by(head, state.paragraph_sources) or state.index.described_by(head, state.sources) \
            or state.index.described_by(head, state.mentioned)
        if described is not None:
            return described
    last = state.last(item.wanted)
    if last is None and item.wanted == "person" and item.how == "anaphor" and any(w in _TITLE_NOUNS for w in words):
        # "the country's military chief said", "ο ουκρανός υπουργός Εσωτερικών": a person described by a title,
        # no person named before — the person named next, not the organisation that spoke last.
        return CATAPHOR
    if last is None and item.wanted == "person":
        last = state.last("any")
        last = None if last is not None and last.is_media else last  # "he" is no news agency
        if last is None and len(words) >= 2:
            return CATAPHOR  # "ο ουκρανός υπουργός Εσωτερικών", not named yet: the person named next
    if last is None and words:
        return state.index.resolve_description(" ".join(words), state.countries, state.text, state.mentioned)
    return last


_GROUP_NOUNS = {"group", "rebels", "movement", "militia", "группировка", "группировки", "движение", "حركة", "الحركة",
                "الجماعة", "جماعة", "οργανωση", "ομαδα", "κινημα"}


def _armed_group(state: DocumentState) -> ActorRef | None:
    """The armed group (or party) the document named last, else the one whose names its words use ("Houthi-held"
    names the Houthis) when only one does."""
    kinds = (ActorKind.ARMED_GROUP, ActorKind.POLITICAL_PARTY)
    for ref in reversed(state.mentioned):
        if ref.kind in kinds:
            return ref
    scores = {key: state.index._context_score(key, set(), state.text)
              for key, ref in state.index.actors.items() if ref.kind in kinds}
    best = max(scores.values(), default=0)
    if best > 0 and list(scores.values()).count(best) == 1:
        return state.index.actors[next(key for key, score in scores.items() if score == best)]
    return None


def _head_noun(word: str, language: str) -> str:
    """The noun of a description without its particle or article: "보건부는" → "보건부", "الوزارة" → "وزارة"."""
    if language == "ko":
        for particle in KO_SUBJECT_PARTICLES:
            if word.endswith(particle) and len(word) > len(particle) + 1:
                return word[: -len(particle)]
    if language == "ar":
        word = re.sub(r"^[وف]?ال", "", word)
    return word


# Titles that open an apposition before the person's name ("заместитель Генерального секретаря ООН, … Изуми
# Накамицу"), besides the titles of cues.PERSON_TITLES.
_EXTRA_TITLES = {
    "ru": {"заместитель", "замглавы", "глава", "руководитель", "представитель", "официальный представитель"},
    "en": {"deputy", "head", "spokesman", "spokesperson", "spokeswoman"},
    "el": {"αναπληρωτής", "υφυπουργός", "επικεφαλής", "εκπρόσωπος"},
}

_BOUNDARY = re.compile(r"[,;:—–«»“”\"()]|\s-\s")


def _clause_start(sentence: str, position: int) -> int:
    boundaries = [m.end() for m in _BOUNDARY.finditer(sentence, 0, position)]
    return boundaries[-1] if boundaries else 0


def _left_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    start = _clause_start(sentence, cue.start)
    clause = sentence[start:cue.start]
    if not clause.strip() and sentence[:start].endswith(")") and "(" in sentence[:start]:
        # "Το Γραφείο … (OHCHR) ανακοίνωσε": the subject is the name the parenthesis follows, or in it.
        opening = sentence.rfind("(", 0, start)
        inside = [i for i in items if opening < i.start and i.end < start and i.how != "proposed"]
        before = [i for i in items if _clause_start(sentence, opening) <= i.start and i.end <= opening]
        found = _not_countries(before) if before else []
        if found:
            return found[-1]
        if inside:
            return inside[-1]
    titles = _titles(state.language)
    if not re.search(r"[^\W\d_]", clause) and start > 0 and sentence[start - 1] == ",":
        # "X, spokesman of the ministry, accused …": step back over the apposition.
        previous = _clause_start(sentence, start - 1)
        words = folded(sentence[previous:start]).split(" ")
        if previous > 0 and sentence[previous - 1] == "," and (words[:1] and words[0] in titles or words[1:2] and words[1] in titles):
            start, clause = previous, sentence[previous:cue.start]
    first_word = folded(clause).split(" ")[0] if clause.strip() else ""
    second = folded(clause).split(" ")[1] if len(folded(clause).split(" ")) > 1 else ""
    appositive = start > 0 and sentence[start - 1] == "," and (first_word in titles or second in titles)
    if appositive:
        # "Ashraf al-Qedra, the spokesman of the ministry, said": the speaker is before the apposition.
        previous = _clause_start(sentence, start - 1)
        found = [i for i in items if previous <= i.start and i.end <= start]
        return found[-1] if found else None
    if not clause.strip() and start > 0 and sentence[start - 1] == ",":
        # "ο υπουργός Υποδομών Ιρακλί Καρσελάτζε, που μετέβη στο σημείο, έκανε λόγο": a relative clause set off by
        # commas between the subject and its verb is stepped over.
        previous = _clause_start(sentence, start - 1)
        if previous > 0 and sentence[previous - 1] == "," and re.match(_RELATIVE_PRONOUN, sentence[previous:start], re.IGNORECASE):
            before = _clause_start(sentence, previous - 1)
            subject = _not_countries([i for i in items if before <= i.start and i.end <= previous - 1])
            # the subject, not a place the clause is about ("στην πόλη Ντέρνα …, που χτυπήθηκε …, ανέφερε X")
            if subject and not re.search(r"(?<!\w)(?:σε|στην|στη|στο|στον|στις|στους|στα|από|in|at|from|в|во|на|из)\s",
                                         sentence[before:subject[-1].start], re.IGNORECASE):
                return subject[-1]
    found = [i for i in items if start <= i.start and i.end <= cue.start]
    # A country is the speaker only as the verb's own subject ("Ukraine said"), not from further away.
    found = [i for i in found if i.ref is None or i.ref.kind != ActorKind.COUNTRY
             or len(sentence[i.end:cue.start].split()) <= 2]
    found = _not_countries(found)
    if not found and not clause.strip() and start > 0 and sentence[start - 1] == ",":
        found = _subject_before_comma(sentence, start - 1, items)
    return found[-1] if found else None


_RELATIVE_PRONOUN = (r"\s*(?:που|ο\s+οποίος|η\s+οποία|το\s+οποίο|οι\s+οποίοι|οι\s+οποίες|τα\s+οποία|who|which|"
                     r"котор\w+)\s")


def _subject_before_comma(sentence: str, comma: int, items: list[_Item]) -> list[_Item]:
    """The subject of a verb right after a comma: a name set off between commas ("Ο δήμαρχος του Ακούμολι,
    Στέφανο Πετρούτσι, δήλωσε"), else the head of the noun phrase that opens the sentence ("Υψηλόβαθμος
    αξιωματούχος του τμήματος …, ανέφερε": the officials)."""
    previous = _clause_start(sentence, comma)
    before = [i for i in items if previous <= i.start and i.end <= comma]
    people = [i for i in before if i.ref is not None and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)
              and i.how in ("name", "proposed")]
    if people and len(sentence[previous:comma].split()) <= len(sentence[people[-1].start:people[-1].end].split()) + 1:
        return people[-1:]
    if sentence[:previous].strip() or not before:
        return []
    head = before[0]
    lead = re.findall(r"[^\W\d_]+", sentence[previous:head.start])
    if len(lead) > 1 or head.ref is not None and head.ref.kind == ActorKind.COUNTRY:
        return []
    return [head]


def _left_fallback(cue: Cue, sentence: str, items: list[_Item]) -> _Item | None:
    """The nearest possible agent anywhere before the cue (a long subject: "The health ministry belonging
    to the Hamas-led, Gaza-based Palestinian government has said")."""
    start = _clause_start(sentence, cue.start)
    if re.search(r"[»”\"]\s*,?\s*$", sentence[:start]) and not sentence[start:cue.start].strip():
        return None  # "«…», δήλωσε": the speaker comes after
    found = _not_countries([i for i in items if i.end <= cue.start])
    return found[-1] if found else None


def _not_countries(found: list[_Item]) -> list[_Item]:
    """A country named next to a speaker ("ο πρόεδρος της Ουκρανίας Ζελένσκι") is not the speaker."""
    others = [i for i in found if i.ref is None or i.ref.kind != ActorKind.COUNTRY]
    return others or found


def _starts_with_title(text: str, titles: set[str]) -> bool:
    """A title opens ``text``, or ends its first words before any name ("σύμφωνα με επίσημη ενημέρωση από
    εκπρόσωπο της Πυροσβεστικής, Βασίλη …": the briefing's spokesman, named after the organisation he serves)."""
    words = [folded(w) for w in re.findall(r"[^\W\d_][\w-]*", text[:80])[:5]]
    words = [w for w in words if w not in _ARTICLE_WORDS]
    if bool(words) and (words[0] in titles or " ".join(words[:2]) in titles):
        return True
    lead = re.findall(r"[^\W\d_][\w-]*", text[:60])[:4]
    for word in lead:
        if folded(word) in titles:
            return True
        if word[:1].isupper() and word is not lead[0]:
            return False
    return False


def _apposed_person(cue: Cue, sentence: str, items: list[_Item], limit_words: int) -> _Item | None:
    """The first person (known or proposed) within ``limit_words`` after the cue, before a clause ends."""
    window_end = len(sentence)
    for number, match in enumerate(re.finditer(r"\S+", sentence[cue.end:]), start=1):
        if number > limit_words:
            window_end = cue.end + match.start()
            break
    boundary = re.search(r"[;:«“\"]|\.\s|,\s*(?:that|ότι|что|добавив|adding)\b", sentence[cue.end:window_end])
    if boundary:
        window_end = cue.end + boundary.start()
    people = [i for i in items if cue.end <= i.start < window_end and i.ref is not None
              and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR) and i.how in ("name", "proposed")]
    return people[0] if people else None


def _right_agent(cue: Cue, sentence: str, items: list[_Item], limit_words: int = 9,
                 titles: set[str] | None = None) -> _Item | None:
    window_end = len(sentence)
    words = 0
    for match in re.finditer(r"\S+", sentence[cue.end:]):
        words += 1
        if words > limit_words:
            window_end = cue.end + match.start()
            break
    # An opening quotation mark right after the cue ("وبحسب “سانا”") encloses the source; it ends nothing.
    lead = re.match(r"[\s«“\"]*", sentence[cue.end:window_end]).end()
    # "по сообщению агентства "Интерфакс"", "σύμφωνα με το πρακτορείο «…»": a common noun, then the quoted name.
    noun = re.match(r"\s*(?:(?:το|την|τον|the)\s+)?[^\W\d_A-ZА-ЯΑ-Ω][^\W\d_]*\s+[«“\"]", sentence[cue.end:window_end])
    if noun and noun.end() > lead:
        lead = noun.end()
    boundary = re.search(r"[;:«“\"]|\.\s|,\s*(?:that|ότι|что)\b", sentence[cue.end + lead:window_end])
    if boundary:
        window_end = cue.end + lead + boundary.start()
    found = _not_countries([i for i in items if cue.end <= i.start < window_end])
    if not found and titles is not None and _starts_with_title(sentence[cue.end:], titles):
        # "сообщил исполнительный директор Национального совета по … страны Рикардо Салад": a long title, the
        # person named at its end.
        return _apposed_person(cue, sentence, items, limit_words=24)
    if not found:
        return None
    # "назвала заместитель Генерального секретаря ООН, Высокий представитель … Изуми Накамицу", "said the deputy
    # head of the UN, John Smith": after a title, the organisation is the one the person serves; the speaker is
    # the person named in the apposition that follows.
    if titles is not None and _starts_with_title(sentence[cue.end:], titles) \
            and not any(i.ref is not None and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR) for i in found[:1]):
        person = _apposed_person(cue, sentence, items, limit_words=18)
        if person is not None:
            return person
    # "σύμφωνα με τα επίσημα στοιχεία από το υπουργείο …", "official figures from the ministry", "официальные
    # данные от МЧС": the data's source, not the unnamed group the words "official figures" stand for.
    if found[0].how == "group":
        source = next((i for i in found[1:] if i.how in ("name", "descriptor", "proposed") and re.fullmatch(
            r"\s*(?:από|απ'|of|from|by|от|من|لدى)\s+(?:(?:το|την|τον|τους|τα|the)\s+)?",
            sentence[found[0].end:i.start], re.IGNORECASE)), None)
        if source is not None:
            return source
    # "σύμφωνα με ... ο τοπικός κυβερνήτης Πάβλο Κιριλένκο": a person after a title wins over an organisation.
    named = [i for i in found if i.how in ("name", "proposed", "descriptor", "group")]
    if len(named) > 1 and named[1].how == "proposed" and named[0].how != "proposed" \
            and not sentence[named[0].end:named[1].start].strip() and named[1].ref.kind == ActorKind.PERSON:
        return named[1]  # "замгенсека ООН Розмари Дикарло": the person, not the organisation she serves
    return named[0] if named else found[0]


def _complementizer_follows(cue: Cue, sentence: str, language: str) -> bool:
    following = folded(sentence[cue.end:cue.end + 30]).split(" ")
    words = [w for w in following if w][:3]
    comps = {folded(c) for c in C.COMPLEMENTIZERS.get(language, ())}
    if language == "ar":
        return bool(words) and (words[0] in comps or sentence[cue.end:cue.end + 3].strip()[:1] in (":", "«", '"'))
    return bool(words) and words[0] in comps


def _ko_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, masked=()) -> _Item | None:
    """Korean: the subject/topic-marked phrase after the reported clause ("…다고 보건부는 밝혔다"), else the
    sentence's topic ("OHCHR는 … 밝혔다"); for a verb inside another report ("…말했다고 전했다") the subject
    right before its own clause; a phrase that is no actor is proposed."""
    before = sentence[:cue.start]
    nested = sentence[cue.end:cue.end + 2].startswith("고")
    quote_end = 0
    for match in re.finditer(r"(?:다|라|냐|자)고\s", before):
        quote_end = match.end()
    first_quote = min((s for s, _ in masked if s < cue.start), default=None)
    segments = ((quote_end, cue.start, False), (0, quote_end, True)) if quote_end else ((0, cue.start, True),)
    for lo, hi, first in segments:
        if nested and first and first_quote is not None:
            hi, first = first_quote, False
        candidates = []
        for match in re.finditer(r"\S+", sentence[lo:hi]):
            if _inside(lo + match.start(), masked):
                continue
            word_start, word = lo + match.start(), match.group(0)
            clean = re.sub(r"\([^)]*\)", "", word)
            particle = next((p for p in KO_SUBJECT_PARTICLES if clean.endswith(p)), "")
            if not particle or re.search(r"\d", clean):
                continue
            stem = clean[: -len(particle)]
            titled = stem.endswith(tuple(C.PERSON_TITLES["ko"]))  # "대변인은" is a spokesman, not a verb form
            if len(stem) < 2 or (stem.endswith(_KO_VERBAL_STEM_END) and not titled):
                continue
            candidates.append((word_start, word_start + len(word), stem))
        if not candidates:
            continue
        topics = [c for c in candidates if re.search(r"(?:은|는)(?:\([^)]*\))?$", sentence[c[0]:c[1]])]
        if first:
            word_start, word_end, stem = topics[0] if topics else candidates[0]
        else:
            word_start, word_end, stem = candidates[-1]
        covering = [i for i in items if i.start < word_end and word_start < i.end + 2 and i.how != "proposed"]
        previous = re.search(r"(\S+)\s+$", sentence[:word_start])
        qualified = bool(previous) and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|있는|에서|으로|로|\d)$",
                                                     previous.group(1)) and not _inside(previous.start(1), masked)
        if covering and not (covering[-1].how == "anaphor" and qualified
                             and not any(i.start <= previous.start(1) < i.end for i in items)):
            return covering[-1]
        # "재난부 대변인은": a title with its own qualifier is someone new, not "the spokesman" met before.
        # An unknown subject: propose it, with the bare noun before it ("군관 합동조사단").
        previous = re.search(r"(\S+)\s+$", sentence[:word_start])
        name = stem
        if previous and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|있는|에서|으로|로|\d)$", previous.group(1)):
            name = f"{previous.group(1)} {stem}"
            word_start = previous.start(1)
        elif len(stem) >= 2:
            # "센터는 또 …라고 덧붙였다" after "대만 중앙재해대응센터는 … 밝혔다": the last source named by that
            # noun, going on speaking (through the same relays).
            named = next((ref for ref in reversed(state.paragraph_sources + state.sources)
                          if folded(ref.name).replace(" ", "").endswith(stem)), None)
            if named is not None:
                return _Item(word_start, word_end, named, "anaphor", "organisation")
        return _Item(word_start, word_end, _proposed(state, name, ""), "proposed")
    return None


def _ar_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """Arabic (verb first): after the cue, past titles and the organisation a title belongs to, the name or
    actor up to "أن"/"إن", a comma or a colon; nothing there means the subject was left out."""
    rest = sentence[cue.end:]
    issued = re.match(r"\s*(?:بيان|تقرير|بلاغ)\s+(?:صادر|الصادر)\s+(?:عن|من)\s*([^،,:«\"]+?)\s*(?:[،,:]|(?<!\w)(?:أن|إن)(?!\w)|$)", rest)
    if issued:
        # "وأوضح بيان صادر عن مكتب الطبيب الشرعي أن": the statement's issuer speaks
        start = cue.end + issued.start(1)
        known = [i for i in items if start <= i.start < cue.end + issued.end(1) and i.ref is not None]
        return known[0] if known else _Item(start, cue.end + issued.end(1), _proposed(state, issued.group(1), ""), "proposed")
    governmental = re.match(r"\s*(?:بيان|تقرير|حصيلة|إحصائية|احصائية|مصدر)\s+(?:حكومي|حكومية)(?!\w)", rest)
    if governmental:
        # "وذكر بيان حكومي أن": a governmental statement is the government's — the one of the country the text is
        # about (the one it named last).
        government = next((ref for ref in reversed(state.mentioned) if ref.kind == ActorKind.GOVERNMENT), None)
        if government is None:
            found = {ref.key: ref for ref in state.index.actors.values()
                     if ref.kind == ActorKind.GOVERNMENT and ref.country in state.countries}
            government = next(iter(found.values())) if len(found) == 1 else None
        if government is not None:
            return _Item(cue.end, cue.end + governmental.end(), government, "descriptor")
    generic = re.match(r"\s*(\S+)\s*[\"“«]", rest)
    if generic and folded(generic.group(1)) in _AR_GENERIC:
        # 'أعلنت منظمة "الخوذ البيضاء"': the organisation's generic noun, then its name in quotation marks
        quoted = [i for i in items if i.start == cue.end + generic.end() and i.ref is not None]
        if quoted:
            return quoted[0]
    lead = re.match(r"[\s«“\"]*", rest).end()  # "أعلن "الحوثيون"": a quoted subject
    opened = re.match(r"\s*[«“\"]([^»”\"]*)[»”\"]?", rest)
    if opened and len(opened.group(1).split()) >= 3 \
            and not re.match(r"\s*(?:[،,:]|(?:إن|أن|بأن)(?!\w))", rest[opened.end():]):
        return None  # "وتابع «جرى إنقاذ 116 شخصاً …»": what was said, not who said it (the subject was left out)
    stop = re.search(r"[،,:«»\"”]|(?<!\w)(?:أن|إن|بأن|أنه|إنه)(?!\w)", rest[lead:])
    window_end = cue.end + (lead + stop.start() if stop else min(len(rest), 80))
    inside = [i for i in items if cue.end <= i.start < window_end]
    quoted = sentence[cue.end + lead:window_end].strip()
    if re.search(r"[«“\"]\s*$", rest[:lead]) and stop and stop.group(0) in "»”\"" and 1 <= len(quoted.split()) <= 4 \
            and not inside and not re.search(r"\d", quoted):
        # 'وقال «بسام أبو علي»، …': a quoted name is a name, all of it ("علي" is no preposition here)
        start = sentence.index(quoted, cue.end + lead)
        return _Item(start, start + len(quoted), _proposed(state, quoted, ""), "proposed")
    people = [i for i in inside if i.ref is not None and i.ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR)]
    if people:
        return people[-1]
    titles = {folded(t) for t in C.PERSON_TITLES["ar"]}
    stops = {folded(w) for w in _AR_STOP}
    name_words: list[re.Match] = []
    seen_title = seen_item = in_portfolio = False
    for match in re.finditer(r"\S+", sentence[cue.end:window_end]):
        absolute = cue.end + match.start()
        word = folded(match.group(0)).replace(TATWEEL, "")
        if any(i.start <= absolute < i.end for i in inside):
            if name_words:
                break
            seen_item = True
            continue
        if word in titles or word.startswith("باسم"):
            portfolio = in_portfolio or (seen_title and 1 <= len(name_words) <= 2
                                         and folded(name_words[0].group(0)).startswith("ال"))
            if name_words and not portfolio:
                break
            name_words = []  # "وزير الصحة الدكتور حسن الغباش": a portfolio between two titles
            seen_title, in_portfolio = True, False
            continue
        following = re.match(r"[\s\"“«]*", sentence[absolute + len(match.group(0)):])  # 'منظمة "الخوذ البيضاء"' 
        next_start = absolute + len(match.group(0)) + following.end()
        if not name_words and word in _AR_GENERIC and any(i.start == next_start for i in inside):
            continue  # "أعلنت جماعة أنصار الله": the group's generic noun before its name
        if not name_words and (read_quantity(match.group(0), language="ar") or re.match(r"ب(?:ال|ا|إ)", word)
                               and len(word) > 5):
            break  # "كما أفادت بإرسال أربعة مصابين": the verb's object comes first, its subject was left out
        if name_words and word in _AR_AFFILIATED:
            # "وزارة الصحة التابعة للحوثيين": the ministry of the actor named next (its country), whatever other
            # countries the text mentions.
            owner = next((i for i in inside if i.start > absolute and i.ref is not None and i.ref.country), None)
            if owner is not None:
                described = state.index.resolve_description(
                    " ".join(m.group(0) for m in name_words), {owner.ref.country}, state.text, state.mentioned)
                if described is not None:
                    start, end = cue.end + name_words[0].start(), cue.end + name_words[-1].end()
                    return _Item(start, end, described, "descriptor")
        if word in stops or re.search(r"\d", word):
            later = [folded(w) for w in sentence[absolute:window_end].split()[1:6]]
            if seen_title and word == folded("في") and any(w in titles for w in later):
                name_words = []  # "وزير الصحة في حكومة تصريف الاعمال الدكتور فراس الابيض": the title goes on
                in_portfolio = True
                continue
            if name_words or seen_item:
                break
            continue
        name_words.append(match)
        if len(name_words) == 3 and not in_portfolio:
            break
    if seen_title and (not name_words or folded(name_words[0].group(0)).startswith("ال")) \
            and re.match(r"\s*[،,]", sentence[window_end:window_end + 2]):
        # "قال وزير الصحة الليبي في الحكومة المكلفة …، عثمان عبد الجليل، …": the name in apposition after the title.
        apposed = re.match(r"\s*[،,]\s*([^،,:«\"“”]+?)\s*[،,]", sentence[window_end:])
        words = apposed.group(1).split() if apposed else []
        if 2 <= len(words) <= 4 and not any(folded(w) in stops | titles or re.search(r"\d", w) for w in words):
            start = window_end + apposed.start(1)
            return _Item(start, window_end + apposed.end(1), _proposed(state, apposed.group(1), "المتحدث"), "proposed")
    if len(name_words) >= 2 and all(re.search(r"(?:ية|يه)$", folded(m.group(0)).replace(TATWEEL, "")) and
                                    not folded(m.group(0)).startswith("ال") for m in name_words):
        # "كشفت حصيلة حكومية رسمية": indefinite adjectives agreeing with a noun describe it; a name is definite.
        name_words = []
    if name_words and (seen_title or not seen_item):
        start = cue.end + name_words[0].start()
        end = cue.end + name_words[-1].end()
        name = sentence[start:end]
        known = folded(name) in state.proposals or any(k.endswith(" " + folded(name)) for k in state.proposals)
        # One word with the article ("الوزارة", even misspelt) describes; it does not name.
        if len(name_words) == 1 and folded(name).startswith("ال") and not known:
            return _Item(start, end, None, "anaphor", "organisation")
        return _Item(start, end, _proposed(state, name, "المتحدث" if seen_title else ""), "proposed")
    # "كشفت حصيلة … في العراق": a country after a preposition is a place, not the verb's subject.
    organisations = [i for i in inside if i.how != "anaphor" and not (
        i.ref is not None and i.ref.kind == ActorKind.COUNTRY
        and re.search(r"(?<!\w)(?:في|فى|من|إلى|الى|على|عن)\s+$", sentence[max(0, i.start - 8):i.start]))]
    if organisations:
        return organisations[0]
    anaphors = [i for i in inside if i.how == "anaphor"]
    return anaphors[0] if anaphors else None


def _agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, masked=()) -> Agent | None:
    language = state.language
    item = None
    if cue.role == C.ACCORDING and language == "ko":
        item = _ko_according(cue, sentence, items, state)
    elif cue.role == C.RELAY and cue.side == "left":
        # "…, Kyodo reports.": the name right before the verb, a medium.
        before = [i for i in items if i.end <= cue.start and not sentence[i.end:cue.start].strip()]
        item = before[-1] if before else None
        if item is not None and item.how == "proposed":
            item = _Item(item.start, item.end, _proposed_medium(state, item.ref), "proposed")
    elif cue.role == C.RELAY:
        # "приводит заявление министерства здравоохранения хуситов принадлежащий повстанцам телеканал Al Masirah"
        media = [i for i in items if i.start >= cue.end and i.ref is not None and i.ref.is_media
                 and i.start - cue.end < 100]
        item = media[0] if media else None
        if item is None:
            # "пишет портал The Guardian", "передает издание Meduza": a name no actor has, after a relaying verb
            # (and a word for a medium), is a medium to propose.
            named = [i for i in items if i.start >= cue.end and i.how == "proposed"
                     and re.fullmatch(_MEDIUM_WORDS.get(language, r"\s*"), sentence[cue.end:i.start])]
            if named:
                item = _Item(named[0].start, named[0].end, _proposed_medium(state, named[0].ref), "proposed")
    elif cue.role == C.ACCORDING and language == "ar" and cue.phrase.startswith("جاء في"):
        # "وجاء في بيان صادر عن مكتب محافظ بالي قصر، أن …": the statement's issuer, named or proposed.
        issuer = re.match(r"\s*(?:بيان|تقرير|بلاغ)\s+(?:صادر\s+عن|صادر\s+من|عن|ل|لـ)\s*([^،,:«\"]+?)\s*(?:[،,:]|(?<!\w)أن(?!\w)|$)",
                          sentence[cue.end:])
        if issuer:
            start = cue.end + issuer.start(1)
            known = [i for i in items if start <= i.start < cue.end + issuer.end(1) and i.ref is not None]
            item = known[0] if known else _Item(start, cue.end + issuer.end(1), _proposed(state, issuer.group(1), ""),
                                                "proposed")
    elif cue.role == C.ACCORDING and cue.phrase in _UNSOURCED:
        # "Так, по последним данным, …": data with no source named are those of the source just named.
        named = _right_agent(cue, sentence, items, limit_words=3)
        if named is None or not re.fullmatch(r"\s*", sentence[cue.end:named.start]):
            # "Так, по последним данным, …" after "От МЧС РТ поступили уточненные данные": the data just announced.
            # Data not announced before are the writer's ("По последним данным, число жертв составило …").
            last = state.data_source
            return Agent(last, cue.start, cue.start, "dropped") if last else None
        item = named
    elif cue.role in (C.ACCORDING, C.CITING):
        # "According to X, …": the object ends at the comma.
        comma = re.search(r"[,،]", sentence[cue.end:]) if cue.role == C.ACCORDING else None
        window = items if comma is None else [i for i in items if i.start < cue.end + comma.start()]
        item = _right_agent(cue, sentence, window, limit_words=14)
        agent_of_report = _report_agent(cue, sentence, items, state, comma)
        if agent_of_report is not None:
            item = agent_of_report
        titled = item is not None and item.ref is not None and item.ref.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR) \
            and any(folded(w) in _titles(language) for w in re.findall(r"[^\W\d_][\w-]*", sentence[cue.end:item.start]))
        if comma is not None and (item is None or item.how == "anaphor" or titled):
            # "σύμφωνα με … εκπρόσωπο της Πυροσβεστικής, Βασίλη Βαθρακογιάννη": the title's organisation is not the
            # speaker; the person in apposition is.
            # "σύμφωνα με τον υπουργό Εσωτερικών της Ουκρανίας, Ίχορ Κλιμένκο": the name in apposition.
            after = [i for i in items if i.start >= cue.end + comma.end() and i.how in ("proposed", "name")
                     and not sentence[cue.end + comma.end():i.start].strip()]
            if after and after[0].ref is not None and after[0].ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR):
                item = after[0]
    elif language == "ko" and cue.phrase in C.KO_PASSIVE:
        # "…으로 집계됐다": was counted — by the source the text is reporting, unless the sentence says whose
        # announcement it was ("마우이카운티의 11일 오후 9시 발표에서 확인된 사망자 수는 … 확인됐다").
        item = None
        owner = re.search(r"(\S+?)의\s+(?:\S+\s+){0,4}?(?:발표|집계|성명|브리핑|공식\s+발표)(?:에서|에|를|로|에\s+따르면)",
                          sentence[:cue.start])
        if owner:
            known = [i for i in items if i.start <= owner.start(1) < i.end or i.start == owner.start(1)]
            item = known[0] if known else _Item(owner.start(1), owner.end(1), _proposed(state, owner.group(1), ""),
                                                "proposed")
    elif language == "ko":
        item = _ko_agent(cue, sentence, items, state, masked)
    elif language == "ar":
        # Subject–verb order (headlines, "الجيش السوداني يُعلن …"): a named actor right before the verb.
        adjacent = [i for i in items if i.end <= cue.start and not sentence[i.end:cue.start].strip(" ،,")
                    and i.how in ("name", "descriptor")]
        item = adjacent[-1] if adjacent else _ar_agent(cue, sentence, items, state)
        if item is None and not _complementizer_follows(cue, sentence, language):
            left = [i for i in items if i.end <= cue.start]
            item = left[-1] if left else None
    else:
        complementizer = _complementizer_follows(cue, sentence, language)
        # "έκανε γνωστή στο Reuters η Ένωση", "told Xinhua": the medium told is no subject of the verb.
        told = _relay_objects(sentence, language, items)
        items = [i for i in items if i not in told]
        item = _left_agent(cue, sentence, items, state)
        published = _report_subject(cue, sentence, items, language)
        if published is not None:
            item = published
        elif item is None and re.search(_UNNAMED_REPORTS.get(language, r"$^"), sentence[_clause_start(sentence, cue.start):cue.start],
                                        re.IGNORECASE):
            # "Νωρίτερα, πληροφορίες έκαναν λόγο για …" (reports spoke of): no one named — the author's
            return Agent(state.narrator, cue.start, cue.start, "unnamed")
        if item is None and not complementizer:
            item = _right_agent(cue, sentence, items, titles=_titles(language) | _EXTRA_TITLES.get(language, set()))
        if item is None:
            item = _shared_subject(cue, sentence, items, language)
        if item is None and not _dropped_subject(cue, sentence, language):
            item = _left_fallback(cue, sentence, items)
        if item is None:
            item = _sentence_subject(cue, sentence, items, language)
    if item is None:
        if language == "ko" and cue.phrase in C.KO_PASSIVE:
            # Counted by the source this paragraph reports, if it named one; else by the text's author.
            last = state.paragraph_sources[-1] if state.paragraph_sources else None
            return Agent(last, cue.start, cue.start, "dropped") if last else None
        if cue.role == C.SPEECH and _dropped_subject(cue, sentence, language):
            last = state.last()
            return Agent(last, cue.start, cue.start, "dropped") if last else None
        return None
    item = _as_medium(item, sentence, state)
    ref = _resolve(item, sentence, state)
    return Agent(ref, item.start, item.end, item.how, item.wanted) if ref else None


_DATA_NOUNS = r"(?:данные|сведения|информация)$"
# Attribution phrases that may have no source of their own ("по последним данным, …").
_UNSOURCED = {phrase for phrase, role, _, _ in C.CUES.get("ru", []) if role == C.ACCORDING
              and phrase.split()[1:2] and phrase.split()[1] in ("последним", "предварительным", "уточненным",
                                                               "уточнённым", "имеющимся", "последней",
                                                               "предварительной", "имеющейся")}


# "according to the latest toll, published yesterday by X": a report, then a relative clause in the passive whose
# agent (by / από / от / من قبل) is the report's source.
_REPORT_AGENT = {
    "el": r"(?:απολογισμ|στοιχεί|ανακοίνωσ|έκθεσ|ενημέρωσ)\w*\s+(?:[^\s,]+\s+){0,2}?(?:που|η\s+οποία|ο\s+οποίος|τα\s+οποία)\s+"
          r"(?:(?:[^\s,]+\s+){0,6}?από\s+(?:την|τον|το|τις|τους|τα)?\s*"
          # "απολογισμό που μετέδωσε η κρατική τηλεόραση": an active verb, its subject after it
          r"|(?:μετέδωσ|ανακοίνωσ|έδωσ|δημοσίευσ|γνωστοποίησ)\w*\s+(?:\w+\s+)?(?=(?:ο|η|το|οι|τα)\s))",
    "en": r"(?:toll|tally|figures|report|count|data)\s+(?:\w+\s+){0,2}?(?:released|published|issued|given|compiled|announced)\s+"
          r"(?:[^\s,]+\s+){0,4}?by\s+(?:the\s+)?",
    "ru": r"(?:данны\w+|сводк\w+|сведени\w+|информаци\w+)\s*,?\s*(?:опубликованн|представленн|предоставленн|обнародованн)\w*\s+"
          r"(?:[^\s,]+\s+){0,4}?",
}


def _report_agent(cue: Cue, sentence: str, items: list[_Item], state: DocumentState, comma) -> _Item | None:
    pattern = _REPORT_AGENT.get(state.language)
    if pattern is None:
        return None
    end = cue.end + comma.start() if comma else len(sentence)
    match = re.search(pattern, sentence[cue.end:end], re.IGNORECASE)
    if not match:
        return None
    start = cue.end + match.end()
    after = [i for i in items if start <= i.start < end and i.how in ("name", "descriptor", "group", "proposed")]
    if after and after[0].start - start <= 2:
        return after[0]
    name = re.match(r"((?:[A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ][\w’'-]*\s*){1,5})", sentence[start:end])
    if name:  # a capitalised name no actor has, after the agent preposition (never read as a place here)
        text = name.group(1).strip()
        return _Item(start, start + len(text), _proposed(state, text, ""), "proposed")
    return None


def _as_medium(item: _Item, sentence: str, state: DocumentState) -> _Item:
    """"сообщает местное издание Gazete Duvar", "the Saba news agency": a proposed name that a word for a medium
    goes with is a medium's, proposed as a news outlet."""
    language = state.language
    if item.how == "proposed" and item.ref is not None and (
            re.search(_MEDIUM_NOUN_BEFORE.get(language, r"$^"), sentence[max(0, item.start - 40):item.start], re.IGNORECASE)
            or re.match(_MEDIUM_NOUN_AFTER.get(language, r"$^"), sentence[item.end:item.end + 30], re.IGNORECASE)):
        return _Item(item.start, item.end, _proposed_medium(state, item.ref), "proposed")
    return item


# Words for a medium right after an unknown name ("the Saba news agency", "Milliyet gazetesi" is not read).
_MEDIUM_NOUN_AFTER = {
    "en": r"\s+(?:news\s+agency|newspaper|daily|television|tv|broadcaster|news\s+site|news\s+website)\b",
    "el": r"\s+(?:εφημερίδα|πρακτορείο)\b",
}
# Words for a medium right before an unknown name: the name is a medium's ("издание Gazete Duvar").
_MEDIUM_NOUN_BEFORE = {
    "en": r"(?<!\w)(?:newspaper|daily|outlet|broadcaster|website|channel|magazine|news\s+agency|news\s+site)\s+(?:the\s+)?$",
    "el": r"(?<!\w)(?:εφημερίδα|ιστότοπο\w*|ιστοσελίδα|πρακτορείο|κανάλι|τηλεοπτικό\s+σταθμό|περιοδικό)\w*\s+$",
    "ru": r"(?<!\w)(?:издание|газета|газеты|сайт|портал|агентство|телеканал|журнал|радиостанция)\w*\s+[«\"“]?$",
    "ar": r"(?<!\w)(?:صحيفة|موقع|وكالة|قناة|مجلة)\s+[«\"“]?$",
}


# Conjunctions that coordinate a second clause with the first one's subject left out ("Οι αρχές αποδίδουν …, ενώ
# μιλούν για …", "Officials blamed …, and said …", "Власти … и сообщили …").
_COORDINATING = {
    "en": r"(?:and|while|but)", "el": r"(?:ενώ|και|κι|αλλά|όμως)", "ru": r"(?:и|а|но|однако)",
}


def _shared_subject(cue: Cue, sentence: str, items: list[_Item], language: str) -> _Item | None:
    """The subject of a coordinated clause that leaves it out: the subject that opens the sentence, when the
    verb's own clause starts with "and" / "while" / "ενώ" / "и" and names no one (a pro-drop verb coordinated
    with a first clause has that clause's subject, as grammar says)."""
    conjunction = _COORDINATING.get(language)
    if conjunction is None:
        return None
    start = _clause_start(sentence, cue.start)
    clause = sentence[start:cue.start]
    if not re.fullmatch(rf"\s*{conjunction}\s+(?:\w+\s+)?", clause, re.IGNORECASE):
        return None
    opening = [i for i in items if i.end <= start and i.how in ("name", "descriptor", "group", "proposed")]
    if not opening:
        return None
    head = opening[0]
    lead = [w for w in re.findall(r"[^\W\d_]+", sentence[:head.start]) if folded(w) not in _ARTICLE_WORDS]
    if lead or (head.ref is not None and head.ref.kind == ActorKind.COUNTRY):
        return None  # the sentence does not open with it: no subject of the first clause
    return head


# A verb whose subject is "reports" or "information" with no one named.
_UNNAMED_REPORTS = {
    "el": r"(?:^|\s)(?:πληροφορίες|αναφορές|δημοσιεύματα)\s+$",
    "en": r"(?:^|\s)(?:reports|media reports|unconfirmed reports)\s+$",
    "ru": r"(?:^|\s)(?:сообщения|СМИ)\s+$",
}
# A report as the subject, with a relative clause naming who published it ("Ένας προηγούμενος απολογισμός, τον οποίο
# δημοσίευσαν νωρίτερα οι αρχές, έκανε λόγο για …", "An earlier toll, which the ministry released, put …").
_REPORT_SUBJECT = {
    "el": r"(?:απολογισμός|ενημέρωση|ανακοίνωση|έκθεση)\s*,\s*(?:τον\s+οποίο|την\s+οποία|το\s+οποίο|που)\s+([^,]+),\s*$",
    "en": r"(?:toll|tally|report|statement|count)\s*,\s*(?:which|that)\s+([^,]+),\s*$",
}


def _report_subject(cue: Cue, sentence: str, items: list[_Item], language: str) -> _Item | None:
    pattern = _REPORT_SUBJECT.get(language)
    match = re.search(pattern, sentence[:cue.start], re.IGNORECASE) if pattern else None
    if not match:
        return None
    inside = [i for i in items if match.start(1) <= i.start < match.end(1) and i.how in ("name", "descriptor", "group", "proposed")]
    return inside[0] if inside else None


def _sentence_subject(cue: Cue, sentence: str, items: list[_Item], language: str) -> _Item | None:
    """The subject that opens the sentence, set off by a comma from what comes between it and its verb ("Ο
    Βαλεντίν Ρεζνιτσένκο, κυβερνήτης …, σε μήνυμά του στο Telegram (…) ανέφερε ότι"): the verb's clause looks
    empty, but its subject is the sentence's."""
    first = [i for i in items if i.end <= cue.start and i.how in ("name", "proposed", "descriptor")]
    if not first:
        return None
    item = first[0]
    lead = [w for w in re.findall(r"[^\W\d_]+", sentence[:item.start]) if folded(w) not in _ARTICLE_WORDS]
    # "Το πρακτορείο SANA, επικαλούμενο …, ανέφερε", "The agency Anadolu, …, said": a common noun before the name
    # (an apposition: what the named one is) leaves it the noun phrase's head.
    common = len(lead) <= 2 and all(w[:1].islower() for w in lead)
    if (lead and not common) or not re.match(r"\s*,", sentence[item.end:]):
        return None
    if any(c for c in find_cues(sentence[item.end:cue.start], language, []) if c.role == C.SPEECH):
        return None  # another verb of its own comes first
    return item


_MEDIUM_WORDS = {
    "ru": r"\s*(?:(?:портал|сайт|издание|газета|агентство|телеканал|журнал|радиостанция)\w*\s*)?[«\"“]?\s*(?:The\s+)?",
}


def _proposed_medium(state: DocumentState, ref: ActorRef) -> ActorRef:
    """The proposed actor ``ref`` as a news outlet (a relaying verb's agent passes statements on)."""
    medium = ActorRef(key=ref.key, name=ref.name, kind=ActorKind.NEWS_OUTLET, proposed=True, title=ref.title)
    state.proposals[folded(ref.name)] = medium
    return medium


def _dropped_subject(cue: Cue, sentence: str, language: str) -> bool:
    """A reporting verb without a subject of its own: "Παράλληλα ανέφερε ότι", "وأضاف أن", "добавил"."""
    clause = sentence[_clause_start(sentence, cue.start):cue.start]
    words = [w for w in re.findall(r"[^\W\d_]+", clause)]
    if language == "ko":
        return True
    if language == "ar":
        return True
    return len(words) <= 1


def _ko_according(cue: Cue, sentence: str, items: list[_Item], state: DocumentState) -> _Item | None:
    """"X에 따르면", "X 집계에 따르면", "X의 보도에 따르면", "X가 집계한 현황에 따르면"."""
    before = sentence[:cue.start]
    start = max(0, before.rfind(",") + 1)
    window = [i for i in items if start <= i.start and i.end <= cue.start + 1 and i.how != "proposed"]
    if window:
        return window[-1]
    phrase = before[start:]
    # "행정안전부의 '국민 안전관리 일일상황' 보고에 따르면": the genitive names whose report it is.
    owner = re.search(r"(\S+?)의\s+(?:\S+\s+){0,5}?\S*(?:보고|발표|집계|자료|통계|보고서|현황)(?:서)?\s*$", phrase)
    if owner and not re.search(r"\d", owner.group(1)):
        return _Item(start + owner.start(1), start + owner.end(1), _proposed(state, owner.group(1), ""), "proposed")
    match = re.search(r"(\S+?)(?:이|가)\s+(?:집계|발표|작성|조사)한", phrase)
    if match:
        stem = match.group(1)
        return _Item(start + match.start(1), start + match.end(1), _proposed(state, stem, ""), "proposed")
    # "대만 중앙통신사에 따르면", "현지 방송에 따르면": an organisation or medium no actor names, by its last word.
    match = re.search(r"(?:(\S+)\s+)?(\S+?(?:" + "|".join(_KO_MEDIA_ENDINGS + _KO_BODY_ENDINGS) + r"))(?:의\s+\S+)?\s*$", phrase)
    if match and not re.search(r"\d", match.group(2)):
        first = match.group(1) if match.group(1) and not re.search(r"(?:는|은|을|를|에|의|고|며|서|한|된|인|\d)$", match.group(1)) else None
        name = f"{first} {match.group(2)}" if first else match.group(2)
        ref = _proposed(state, name, "")
        if match.group(2).endswith(_KO_MEDIA_ENDINGS):
            ref = _proposed_medium(state, ref)
        begin = start + (match.start(1) if first else match.start(2))
        return _Item(begin, start + match.end(2), ref, "proposed")
    return None


_KO_MEDIA_ENDINGS = ("통신사", "통신", "신문", "방송", "방송국", "일보", "매체", "TV", "뉴스")
_KO_BODY_ENDINGS = ("센터", "위원회", "본부", "당국", "정부", "재난청", "청", "부")


# --- One sentence ----------------------------------------------------------------------------------

def _relay_objects(sentence: str, language: str, items: list[_Item]) -> list[_Item]:
    """Media a statement was given to: "told Xinhua", "في تصريح لوكالة الأنباء الألمانية"."""
    found = []
    patterns = {
        # "told Xinhua", "in an interview with Reuters", "speaking to AFP", "in a phone call with the Reuters news agency"
        "en": r"(?:(?<!\w)told|interview\s+with|speaking\s+to|spoke\s+to|call\s+with)\s+(?:the\s+)?$",
        # "δήλωσε στο X", "σε τηλεφωνική επικοινωνία που είχε με το πρακτορείο ειδήσεων Reuters", "μιλώντας στην ΕΡΤ"
        "el": r"(?:(?:δήλωσε|είπε|έκανε\s+γνωστ\w+|ανέφερε|μετέδωσε|ανακοίνωσε|μιλώντας|συνέντευξη)\s+(?:\w+\s+)?στ(?:ο|ην)"
              r"|(?:επικοινωνία|συνομιλία|συνέντευξη)\s+(?:[^\s.,]+\s+){0,3}με\s+(?:το|την)"
              r"|συνέντευξ\w*\s+(?:του|της)\s+στ(?:ο|ην))"
              r"\s+(?:(?:πρακτορείο(?:\s+ειδήσεων)?|εφημερίδα|τηλεοπτικό\s+σταθμό|σταθμό)\s+)?$",
        "ar": r"(?:(?:تصريح|تصريحات)\s+(?:خاصة\s+)?(?:ل|لـ)?|(?<!\w)(?:ل|لـ)(?:(?:وكالة|صحيفة|قناة|موقع)\s*[“\"«]?\s*)?)$",
        # "рассказал РИА Новости", "Об этом корр. ТАСС сообщил": the medium told (in the dative) is no subject
        "ru": r"(?:(?<!\w)(?:рассказал\w*|заявил\w*|сказал[аи]?|сообщил[аи]?|пояснил[аи]?|уточнил[аи]?|подтвердил[аи]?)\s+"
              r"|(?<!\w)(?:корр\.|корреспонденту|корреспондентам|агентству|изданию|телеканалу|газете|радиостанции|интервью"
              r"|беседе\s+с)\s+)[«\"“]?$",
        "ko": r"$^",
    }
    for item in items:
        if item.ref is None or item.ref.kind not in MEDIA_KINDS:
            continue
        if language == "ko":
            # "로이터 통신에 "…"고 밝혔습니다": told Reuters (not "로이터 통신에 따르면", according to Reuters).
            if sentence[item.end - 1:item.end] == "에" and not re.match(r"\s*(?:따르면|의하면)", sentence[item.end:]):
                found.append(item)
            continue
        head = sentence[max(0, item.start - 70):item.start]
        if re.search(patterns.get(language, r"$^"), head):
            found.append(item)
        elif language == "ru" and re.match(r"[»\"”]?\s*(?:сообщили|рассказали|заявили|уточнили|подтвердили|пояснили)(?!\w)",
                                           sentence[item.end:]):
            # "РИА Новости сообщили в Минобороны", "В пресс-службе МЧС ТАСС сообщили": a medium agrees with a verb in
            # the neuter singular ("сообщило"); before a plural one it is the dative, the one told.
            found.append(item)
        elif language == "ru" and re.search(r"(?<!\w)[Оо]б\s+этом\s+$", head) and any(
                other.start > item.end and other.ref is not None and not other.ref.is_media
                and re.fullmatch(r"\s*(?:сообщил|сообщила|сказал|сказала|рассказал|рассказала|заявил|заявила)\s+(?:\S+\s+){0,3}",
                                 sentence[item.end:other.start]) for other in items):
            found.append(item)  # "Об этом ТАСС сообщил Гладков": told TASS, Gladkov said it
    return found


_OF_THE_COUNTRY = {
    "en": r"\s+of\s+the\s+country\b", "el": r"\s+της\s+χώρας\b", "ru": r"\s+(?:этой\s+)?страны\b",
    "ar": r"\s+(?:في\s+)?البلاد\b", "ko": r"$^",
}


def _country_of_adjective(word: str, index: ActorIndex) -> str:
    """The country a nationality adjective names ("λιβανέζικο", "Lebanese", "ливанский" → LB): a country actor
    one of whose names begins like the word (its first five letters, four for short names)."""
    word = folded(word)
    if len(word) < 5:
        return ""
    found = {ref.country for name, ref in index.names.items() if ref.kind == ActorKind.COUNTRY and ref.country
             and " " not in name and len(name) >= 4 and word.startswith(name[:min(5, len(name) - 1)])}
    return found.pop() if len(found) == 1 else ""


def _same_name_of(surface: str, country: str, state: DocumentState) -> ActorRef | None:
    """The one actor of ``country`` whose names contain the words of ``surface`` (inflected Greek and Russian
    endings ignored: "υπουργείου Υγείας" is the ministry "υπουργείο Υγείας του Λιβάνου")."""
    stems = [w[:-2] if state.language in ("el", "ru") and len(w) >= 5 else w for w in folded(surface).split()]
    found = {ref.key: ref for name, ref in [*state.index.names.items(), *state.index.descriptors.items()]
             if ref.country == country and all(stem in name for stem in stems)}
    return next(iter(found.values())) if len(found) == 1 else None


def _foreign_institution(sentence: str, mention: Mention, mentions: list[Mention], state: DocumentState) -> ActorRef | None:
    """"Το πρακτορείο SANA, επικαλούμενο το υπουργείο Υγείας": an institution named by its bare common name (no
    country in it) in a text about another country is that country's — the name a curator gave the home ministry
    ("υπουργείο Υγείας" → Greece's) does not hold when the text names only Syria and its agencies."""
    actor = mention.actor
    if mention.via != "name" or not actor.country or actor.kind in (ActorKind.COUNTRY, ActorKind.PERSON) or actor.is_media:
        return None
    surface = sentence[mention.start:mention.end]
    if is_acronym(surface) or len(surface.split()) < 2:
        return None
    around = {m.actor.country for m in mentions if m.end <= mention.start and m.actor.country and m.via != "group"}
    countries = (state.countries | around) - {""}
    if not countries or actor.country in countries:
        return None
    found = {ref.key: ref for country in countries if (ref := _same_name_of(surface, country, state)) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _of_the_country(sentence: str, mentions: list[Mention], state: DocumentState) -> None:
    """"Το υπουργείο Υγείας της χώρας", "the health ministry of the country": the ministry of the country last
    named (Syria's, in a paragraph about Syria), not the one a bare name usually means."""
    for mention in mentions:
        if mention.via == "group" or mention.actor.kind == ActorKind.COUNTRY:
            continue
        # "το λιβανέζικο υπουργείο Υγείας", "the Lebanese health ministry": the adjective says whose.
        before = re.search(r"([^\W\d_]+)\s+$", sentence[max(0, mention.start - 30):mention.start])
        country = _country_of_adjective(before.group(1), state.index) if before and before.group(1)[:1].islower() \
            or (before and state.language == "en") else ""
        if country and country != mention.actor.country:
            described = _same_name_of(sentence[mention.start:mention.end], country, state)
            if described is not None:
                mention.actor = described
            continue
        if not re.match(_OF_THE_COUNTRY.get(state.language, r"$^"), sentence[mention.end:]):
            foreign = _foreign_institution(sentence, mention, mentions, state)
            if foreign is not None:
                mention.actor = foreign
            continue
        before = [m.actor for m in mentions if m.end <= mention.start and m.actor.kind == ActorKind.COUNTRY]
        countries = before or [ref for ref in state.mentioned if ref.kind == ActorKind.COUNTRY]
        if not countries or not countries[-1].country or countries[-1].country == mention.actor.country:
            continue
        described = _same_name_of(sentence[mention.start:mention.end], countries[-1].country, state)
        if described is not None:
            mention.actor = described


def attribute(sentence: str, state: DocumentState) -> SentenceAttribution:
    language = state.language
    quotes = quotation_spans(sentence)
    verbs = [(c.start, c.end) for c in find_cues(sentence, language, []) if c.role in (C.SPEECH, C.RELAY)]
    mentions = state.index.mentions(sentence, language, verbs)
    # A name in quotation marks ("الحوثيون") is a name, not a quotation: only quotations of three words or
    # more, or without an actor in them, hide the actors inside.
    masked = [(s, e) for s, e in quotes if (len(sentence[s:e].split()) >= 3
                                            # 'منظمة "الدفاع المدني السوري"': a quoted name of any length is a name
                                            and not any(m.start <= s + 1 and m.end >= e - 1 for m in mentions))
              or not any(s <= m.start < e for m in mentions)]
    # 'Об этом сообщают «Известия» со ссылкой на …': a short capitalised quotation right after a verb is a name.
    masked = [(s, e) for s, e in masked if not (len(sentence[s:e].split()) <= 3 and sentence[s + 1:s + 2].isupper()
                                                and any(0 <= s - v_end <= 2 for _, v_end in verbs))]
    quotes = masked
    _of_the_country(sentence, mentions, state)
    items = _items(sentence, state, mentions, quotes)
    ellipses = _ellipses(sentence, state, items)
    for start, end, refs in ellipses:
        items = [i for i in items if i.end <= start or end <= i.start]
        items.append(_Item(start, end, refs[0], "name"))
    items.sort(key=lambda item: item.start)
    for mention in mentions:
        if mention.via != "group":
            state.mention(mention.actor)
        if mention.actor.kind == ActorKind.COUNTRY and mention.actor.country:
            state.countries.add(mention.actor.country)
        elif mention.actor.country and mention.via != "group":
            state.countries.add(mention.actor.country)
    cues = find_cues(sentence, language, quotes)
    for cue in cues:
        if cue.role == C.RELAY and cue.side == "right" and _complementizer_follows(cue, sentence, language):
            # "Телеканал Al-Arabiya передает, что …": the medium says it itself — a reporting verb, subject first.
            cue.role, cue.side = C.SPEECH, "left"
    # "X cited Y as saying": X relays Y.
    for cue in cues:
        if cue.role == C.CITING and cue.phrase in ("cited", "quoted") and language == "en":
            left = _left_agent(cue, sentence, items, state) or _left_fallback(cue, sentence, items)
            cited_actor = any(i.ref is not None and 0 <= i.start - cue.end < 6 for i in items)  # "cited the ministry"
            if left is not None and not cited_actor and not re.search(r"\bas saying\b", sentence[cue.end:]):
                # "The WHO cited nearly 2,900 injuries": no one quoted — the subject's own statement.
                cue.role = C.SPEECH
                ref = _resolve(left, sentence, state)
                cue.agent = Agent(ref, left.start, left.end, left.how) if ref else None
                continue
            if left is not None and re.search(r"\bas saying\b", sentence[cue.end:]):
                left = _as_medium(left, sentence, state)
                ref = _resolve(left, sentence, state)
                cue.agent = Agent(ref, left.start, left.end, left.how) if ref else None
                right = _right_agent(cue, sentence, items, limit_words=6)
                if right is not None:
                    obj = _resolve(right, sentence, state)
                    cue.object_agent = Agent(obj, right.start, right.end, right.how) if obj else None
            continue
        if cue.role == C.CITING and cue.phrase in ("نقلت", "نقل"):
            # "نقلت وكالة يونهاب عن مسؤولين أن": the agency relays the officials.
            media = _right_agent(cue, sentence, items, limit_words=5)
            source = re.search(r"(?<!\w)عن\s", sentence[cue.end:])
            if source and (len(sentence[cue.end:cue.end + source.start()].split()) > 6
                           or read_quantity(sentence[cue.end:cue.end + source.start()], language="ar")):
                # "مروحياته نقلت ثلاثين مريضا … الناجمة عن": "transported", not "quoted from"
                source = None
            obj = None
            if source:
                after = [i for i in items if i.start >= cue.end + source.end()]
                obj = after[0] if after else None
                if media is not None and media.start >= cue.end + source.start():
                    media = None  # "نقل … عن الوزارة": what follows "عن" is the source, not the medium
            if media is None and source:
                # "ونقل التلفزيون المغربي عن الوزارة": the one passing it on, a medium no actor names
                between = sentence[cue.end:cue.end + source.start()].strip()
                if 1 <= len(between.split()) <= 4 and not read_quantity(between, language="ar"):
                    begin = sentence.index(between, cue.end)
                    media = _Item(begin, begin + len(between), _proposed_medium(state, _proposed(state, between, "")), "proposed")
            if media is not None:
                ref = _resolve(media, sentence, state)
                cue.agent = Agent(ref, media.start, media.end, media.how) if ref else None
            if obj is not None:
                ref = _resolve(obj, sentence, state)
                cue.object_agent = Agent(ref, obj.start, obj.end, obj.how) if ref else None
            continue
        previous = [c for c in cues if c.end <= cue.start and c.role == C.SPEECH and c.agent and c.agent.ref]
        if language == "ar" and previous and re.match(r"\s*(?:فيه|فيها|خلاله|خلالها)(?!\w)", sentence[cue.end:]):
            # "نشر المتحدث … بيانًا ذكر فيه أن …": the verb of a relative clause about the statement has the
            # subject of the verb before it.
            cue.agent = previous[-1].agent
            continue
        cue.agent = _agent(cue, sentence, items, state, quotes)
        if cue.agent and cue.agent.ref and cue.role == C.SPEECH and not cue.agent.ref.is_media:
            state.remember(cue.agent.ref)  # "The Department told lawmakers it estimates …": "it" is the Department
    relay_objects = [i.ref for i in _relay_objects(sentence, language, items)]
    announcing = [c for c in cues if c.agent and c.agent.ref and re.search(_DATA_NOUNS, c.phrase)]
    if announcing:
        state.data_source = announcing[0].agent.ref
    elif read_quantity(sentence, language=language):
        state.data_source = None

    speech = [c for c in cues if c.role == C.SPEECH and c.agent and c.agent.ref]
    according = [c for c in cues if c.role == C.ACCORDING and c.agent and c.agent.ref]
    if any(c.role in (C.SPEECH, C.CITING) and c.agent and c.agent.ref for c in cues):
        # "По последним данным, …, сообщил X": the sentence names its own source; the unsourced phrase is no relay.
        according = [c for c in according if c.agent.how != "dropped"]
    citing = [c for c in cues if c.role == C.CITING and ((c.object_agent and c.object_agent.ref) or (c.agent and c.agent.ref))]
    relay_cues = [c for c in cues if c.role == C.RELAY and c.agent and c.agent.ref]
    hedge = next((c.hedge for c in cues if c.role == C.SPEECH and c.hedge != "asserted"), "asserted")

    claimant: ActorRef | None = None
    relays: list[ActorRef] = []
    non_media_speech = [c for c in speech if not c.agent.ref.is_media and c.agent.ref != state.narrator]
    if citing and non_media_speech and citing[0].agent and citing[0].agent.ref and citing[0].agent.ref.is_media \
            and not (citing[0].object_agent and citing[0].object_agent.ref):
        # "X said on Sunday, Trend reports citing TASS": X speaks; the cited medium and its citer relay it.
        claimant = non_media_speech[0].agent.ref
        relays += [citing[0].agent.ref] + [c.agent.ref for c in speech if c.agent.ref.is_media and c.agent.ref != claimant]
    elif citing:
        cue = citing[0]
        if cue.object_agent and cue.object_agent.ref:  # X cited Y as saying
            claimant = cue.object_agent.ref
            if cue.agent and cue.agent.ref:
                relays.append(cue.agent.ref)
        else:
            claimant = cue.agent.ref
            # "σύμφωνα με το πρακτορείο Anadolu που επικαλείται την AFAD": the source cited is the claimant, the
            # one citing it (an "according to" source) relays it.
            relays += [c.agent.ref for c in according if c.agent.ref != claimant and c.start < cue.start]
            relays += [c.agent.ref for c in speech if c.agent.ref != claimant]
    elif speech:
        non_media = [c for c in speech if not c.agent.ref.is_media]
        if according and non_media and not according[0].agent.ref.is_media and according[0].end <= non_media[0].start \
                and according[0].agent.ref != non_media[0].agent.ref and re.search(r"[,،]", sentence[according[0].end:non_media[0].start]):
            # "Σύμφωνα με τη λιβυκή Ερυθρά Ημισέληνο, … ανέφερε το OCHA": the source named first is the origin, the
            # one who says so relays it.
            claimant = according[0].agent.ref
            relays += [c.agent.ref for c in speech if c.agent.ref != claimant]
        elif according and non_media:
            claimant = non_media[0].agent.ref
            relays += [c.agent.ref for c in according if c.agent.ref != claimant]
        elif according and speech and all(c.agent.ref.is_media for c in speech) and not according[0].agent.ref.is_media:
            claimant = according[0].agent.ref
            relays += [c.agent.ref for c in speech]
        elif non_media:
            claimant = non_media[0].agent.ref
            relays += [c.agent.ref for c in speech if c.agent.ref.is_media and c.agent.ref != claimant]
        else:
            claimant = speech[0].agent.ref
            relays += [c.agent.ref for c in according if c.agent.ref != claimant]
    elif according:
        claimant = according[0].agent.ref
    relays += [ref for ref in relay_objects if ref != claimant and ref not in relays]
    # "…, пишет сайт «Новости ООН»", "передает ТАСС": a medium passing the sentence's statement on.
    relays += [c.agent.ref for c in relay_cues if claimant is not None and c.agent.ref != claimant
               and c.agent.ref not in relays]
    # A source referred back to ("the ministry", a verb without subject) keeps the relays it came through.
    carried_from = [c for c in speech + according if c.agent.ref == claimant and _carries(c.agent)]
    if claimant is not None and carried_from and not relays:
        relays = state.relays_of(claimant)

    # Quotations: the speaker of the reporting verb right after (or right before) each; a medium after it
    # ("…», πρόσθεσε το KCNA") relays the actor who spoke before it.
    quote_speakers = []
    for q_start, q_end in quotes:
        speaker, q_relays = None, []
        after = [c for c in cues if c.start >= q_end and c.role in (C.SPEECH, C.RELAY)
                 and (not sentence[q_end:c.start].strip(" ,—–-")
                      or (language == "ko" and re.fullmatch(r"\s*(?:이)?(?:라)?고\s*(?:\S+\s+){0,3}", sentence[q_end:c.start])))]
        before = [c for c in cues if c.role == C.SPEECH and c.end <= q_start
                  and (re.fullmatch(r"[\s:,]*", sentence[c.end:q_start] or " ") or re.search(r":\s*$", sentence[:q_start]))]
        near = after or before[-1:]
        earlier = [c for c in cues if c.role == C.SPEECH and c.end <= q_start and c.agent and c.agent.ref]
        named_before = _not_countries([i for i in items if i.end <= q_start and i.ref is not None
                                       and not _inside(i.start, quotes)])
        spoke_before = (earlier[-1].agent.ref if earlier else (named_before[-1].ref if named_before else None))
        if near:
            cue = near[0]
            if cue.role == C.RELAY and cue.agent and cue.agent.ref:
                q_relays.append(cue.agent.ref)
                obj = re.search(r"\s(его|ее|её|их)\b", sentence[cue.end:cue.end + 8])
                speaker = state.last("person") if obj else None
                named = [i for i in items if i.start > cue.end and i.ref is not None and i.ref != cue.agent.ref
                         and i.start < cue.end + 40]
                if "приводит" in cue.phrase and named:
                    speaker = named[0].ref
                # "— цитирует Андрианову РИА «Новости»": the one quoted (the verb's object) stands between the verb
                # and the medium that is its subject.
                between = [i for i in named if i.end <= cue.agent.start and not i.ref.is_media]
                if speaker is None and between and cue.agent.start > cue.end:
                    speaker = between[0].ref
                quoted = _quoted_by_relay(cue, sentence, items)
                if speaker is None and quoted is not None:
                    speaker = quoted.ref
            elif cue.agent and cue.agent.ref:
                speaker = cue.agent.ref
                if speaker.is_media and spoke_before is not None and not spoke_before.is_media and near is after:
                    speaker, q_relays = spoke_before, [cue.agent.ref]
        if speaker is None and spoke_before is not None:
            speaker = spoke_before
            q_relays = [r for r in relays if r != speaker]
        if speaker is not None and speaker.is_media and earlier and earlier[-1].agent.ref == speaker:
            # "ذكرت وكالة الأنباء العراقية أن السلطات الصحية في محافظة نينوى “أحصت …”", "the agency reported that
            # the ministry “…”": the subject of the reported clause, right before the quotation, speaks; the
            # medium relays it.
            subject = _clause_subject(earlier[-1], q_start, sentence, named_before, language)
            if subject is not None:
                speaker, q_relays = subject, [earlier[-1].agent.ref]
        if speaker is None:
            speaker = claimant or state.last()
            if speaker is claimant:
                q_relays = list(relays)
        for cue in relay_cues:
            if cue.agent.ref not in q_relays and cue.start >= q_end:
                q_relays.append(cue.agent.ref)
        # "وقال X في تصريح لوكالة الأنباء الألمانية: «…»": the medium told before the quotation relays it.
        # "«…», δήλωσε ο X … σε τηλεφωνική επικοινωνία με το πρακτορείο Reuters": so does one told after its verb.
        q_relays += [i.ref for i in _relay_objects(sentence, language, items)
                     if (i.end <= q_start or (after and i.start >= after[0].end)) and i.ref != speaker
                     and i.ref not in q_relays]
        if not q_relays and near and near[0].agent and _carries(near[0].agent):
            q_relays = state.relays_of(speaker)
        q_relays += [c.agent.ref for c in cues if c.role == C.ACCORDING and c.agent and c.agent.ref
                     and c.agent.ref != speaker and c.agent.ref not in q_relays]
        # "«По данным МЧС, … 13 человек погибли», — сказал Кузнецов": the quotation names its own source; the one
        # who says it relays it.
        source = _quoted_source(sentence, q_start, q_end, state)
        if source is not None and speaker is not None and source != speaker:
            speaker, q_relays = source, [speaker, *[r for r in q_relays if r != source]]
        quote_speakers.append((q_start, q_end, speaker, q_relays))
        # "Ο Κιμ και ο Πούτιν … «…»": both actors of a coordinated subject said it.
        if speaker is not None and named_before and named_before[-1].ref == speaker and len(named_before) > 1:
            partner = named_before[-2]
            between = normalised(sentence[partner.end:named_before[-1].start])
            if re.fullmatch(r"\s*(?:and|και|и|و|와|과|및)\s+(?:(?:ο|η|το|οι|the)\s+)?", between) and partner.ref != speaker:
                quote_speakers.append((q_start, q_end, partner.ref, list(q_relays)))

    if claimant is None:
        # Headlines: "Ζελένσκι: Τουλάχιστον 18 νεκροί", "유엔 “…”", "Минобороны: ВСУ за сутки…".
        lead = items[0] if items else None
        if lead is not None and lead.ref is not None and re.match(r"\s*(?:\([^)]*\))?\s*[:«“\"]", sentence[lead.end:]) \
                and len(re.findall(r"[^\W\d_]+", sentence[:lead.start])) <= 2:
            claimant = _resolve(lead, sentence, state)
            quote_speakers = [(s, e, sp if sp is not None and sp != state.last() else claimant, r)
                              for s, e, sp, r in quote_speakers]
    # "according to lawmaker X, who was briefed by the NIS": the briefer is the origin, X a relay.
    briefing = re.search(_BRIEFED_BY.get(language, r"$^"), sentence)
    if briefing and claimant is not None:
        if language == "ko":  # "국정원으로부터 보고를 받은 이성권 의원은": the briefer comes first
            briefer = [i for i in items if 0 <= briefing.start() - i.end <= 2 and i.ref is not None]
        else:
            briefer = [i for i in items if i.start >= briefing.end() and i.start - briefing.end() < 40 and i.ref is not None
                       # "ενημέρωση από εκπρόσωπο της Πυροσβεστικής, Βασίλη …": the spokesman briefs, not his service
                       and not any(folded(w) in _titles(language)
                                   for w in re.findall(r"[^\W\d_][\w-]*", sentence[briefing.end():i.start]))]
        if briefer and briefer[0].ref != claimant:
            relays = [claimant, *[r for r in relays if r != briefer[0].ref]]
            claimant = briefer[0].ref
    if claimant is None and not cues and _continues(sentence, language):
        claimant = state.last()
        relays = list(state.last_relays)
    if claimant is None and relay_cues and not quotes:
        # "…, — цитирует ТАСС Гладкова": the one quoted; "…, передает ТАСС" after a source: it passes that source's
        # statement on; with no source before it ("Как передает РИА Новости, погибли 7 человек") the medium reports
        # it itself.
        quoted = _quoted_by_relay(relay_cues[0], sentence, items)
        claimant = (quoted.ref if quoted is not None else None) or state.last() or relay_cues[0].agent.ref
        relays += [c.agent.ref for c in relay_cues if c.agent.ref != claimant]
    claimants = _unique([ref for _, ref in sorted(_partners(claimant, cues, sentence, items, ellipses, state),
                                                  key=lambda pair: pair[0])]) if claimant else []
    if claimants:
        claimant = claimants[0]  # in the order the text names them
        relays = [ref for ref in relays if ref not in claimants]
    relays = [ref for ref in relays if ref != state.narrator]  # the document's own author is no hop
    same_report = any(c.agent and c.agent.ref == claimant and c.agent.how == "anaphor"
                      and re.search(_REPORT_NOUNS.get(language, r"$^"), folded(sentence[c.agent.start:c.agent.end]))
                      for c in speech)
    return SentenceAttribution(claimant, hedge, _unique(relays), quote_speakers, cues, claimants, same_report)


# A report as a subject, referred back to ("الإحصائية", "the report", "η έκθεση", "в докладе").
_REPORT_NOUNS = {
    "ar": "(?:" + "|".join(folded(w) for w in ("الإحصائي", "الاحصائي", "الحصيل", "التقرير", "البيانات", "الإحصاءات")) + ")",
    "en": r"(?:report|figures|data|statistics)$",
    "el": r"(?:εκθεση|στοιχεια)$",
    "ru": r"(?:доклад|отчет|сводк)\w*$",
}


def _quoted_by_relay(cue: Cue, sentence: str, items: list[_Item]) -> _Item | None:
    """Russian "цитирует X Y" / "цитирует Y X" / "приводит X слова Y": the one quoted (accusative or genitive) stands
    next to the medium that quotes (nominative); it is no medium."""
    if cue.agent is None or cue.agent.ref is None or not re.match(r"(?:цитиру|привод)", cue.phrase):
        return None
    near = [i for i in items if i.ref is not None and not i.ref.is_media and i.start >= cue.end
            and (i.end <= cue.agent.start or 0 <= i.start - cue.agent.end <= 8)
            and not re.search(r"[.,;:]", sentence[min(i.end, cue.agent.end):max(i.start, cue.agent.start)])]
    return near[0] if near else None


def _quoted_source(sentence: str, q_start: int, q_end: int, state: DocumentState) -> ActorRef | None:
    """The known actor an attribution phrase that opens a quotation names ("«По данным МЧС, …»", "“According to the
    ministry, …”"): the source of the quotation's figures."""
    inner = sentence[q_start + 1:q_end - 1]
    opening = [c for c in find_cues(inner, state.language, []) if c.role == C.ACCORDING and c.start <= 3]
    if not opening:
        return None
    cue = opening[0]
    comma = re.search(r"[,،]", inner[cue.end:])
    span = inner[cue.end:cue.end + comma.start()] if comma else inner[cue.end:cue.end + 40]
    named = [m for m in state.index.mentions(span, state.language) if m.via != "group" and m.actor.kind != ActorKind.COUNTRY]
    return named[0].actor if named and len(span.split()) <= 6 else None


def _clause_subject(cue: Cue, position: int, sentence: str, named_before: list[_Item], language: str) -> ActorRef | None:
    """The actor named right before ``position`` as the subject of the clause a complementizer opens after
    ``cue`` ("reported that the ministry “…”"), when it is no medium."""
    complementizers = C.COMPLEMENTIZERS.get(language, ())
    subject = [i for i in named_before if i.start > cue.end and not i.ref.is_media and not sentence[i.end:position].strip()]
    if not subject or not complementizers:
        return None
    opening = rf"(?<!\w)(?:{'|'.join(map(re.escape, complementizers))})(?!\w)"
    return subject[-1].ref if re.search(opening, sentence[cue.end:subject[-1].start]) else None


_CONJUNCTION = r"\s*(?:,\s*)?(?:and|και|κι|и|а также|و|및)\s+(?:(?:ο|η|το|οι|the)\s+)?"
_ELLIPSIS = {
    # "South Korean and Western intelligence": two qualifiers sharing one noun phrase.
    "en": re.compile(r"((?:[A-Z][\w’'-]*\s+){0,1}[A-Z][\w’'-]*)\s+and\s+([A-Z][\w’'-]*)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)"),
}


# Arabic: a plural head noun shared by coordinated genitives, "وزارات الدفاع والداخلية والصحة" (the ministries of
# defence, interior and health): each is "وزارة <portfolio>", the ministry of the country the text is about.
_AR_PLURAL_MINISTRIES = re.compile(r"(?<!\w)[وبل]?(?:ال)?وزارات\s+(ال\w+)((?:\s+و\s?ال\w+)+)")


def _ar_ministries(sentence: str, state: DocumentState) -> list[tuple[int, int, list[ActorRef]]]:
    found = []
    for match in _AR_PLURAL_MINISTRIES.finditer(sentence):
        portfolios = [match.group(1)] + re.findall(r"و\s?(ال\w+)", match.group(2))
        refs = [state.index.resolve_description(f"وزارة {portfolio}", state.countries, state.text, state.mentioned)
                for portfolio in portfolios]
        refs = [ref for ref in refs if ref is not None]
        if refs:
            found.append((match.start(), match.end(), refs))
    return found


def _ellipses(sentence: str, state: DocumentState, items: list[_Item]) -> list[tuple[int, int, list[ActorRef]]]:
    """Coordinated qualifiers of one noun ("South Korean and Western intelligence"): when the first with the
    noun names an actor (a name or descriptor: "South Korean intelligence" → NIS), each is a claimant; one
    that names no actor is proposed ("Western intelligence"), of its partner's kind."""
    if state.language == "ar":
        return _ar_ministries(sentence, state)
    regex = _ELLIPSIS.get(state.language)
    found = []
    for match in regex.finditer(sentence) if regex else ():
        first_words, second_word, noun = match.group(1), match.group(2), match.group(3)
        refs = []
        for qualifier in (first_words, second_word):
            phrase = f"{qualifier} {noun}"
            named = [m for m in state.index.mentions(phrase, state.language) if m.start == 0 and m.end >= len(phrase) - 1
                     and m.via != "group"]
            refs.append(named[0].actor if named else None)
        if refs[0] is None:
            continue
        if refs[1] is None:
            name = f"{second_word} {noun}"
            refs[1] = ActorRef(key=f"proposed:{folded(name)}", name=name, kind=refs[0].kind, proposed=True)
            state.proposals.setdefault(folded(name), refs[1])
        found.append((match.start(), match.end(), refs))
    return found


def _partners(claimant: ActorRef, cues: list[Cue], sentence: str, items: list[_Item], ellipses,
              state) -> list[tuple[int, ActorRef]]:
    """The claimant and the others coordinated with its agent ("according to A and B", "A and B said"), each
    with its position in the sentence."""
    agents = [c.agent for c in cues if c.agent and c.agent.ref == claimant and c.role in (C.SPEECH, C.ACCORDING)]
    found: list[tuple[int, ActorRef]] = [(agents[0].start if agents else 0, claimant)]
    for agent in agents[:1]:
        for start, end, refs in ellipses:
            if start == agent.start and end == agent.end:
                found += [(end + n, ref) for n, ref in enumerate(refs[1:], start=1)]
        if agent.how not in ("name", "descriptor", "proposed"):
            continue  # "he", a dropped subject: nothing is coordinated with it
        after = [i for i in items if i.start >= agent.end and _coordinated(sentence[agent.end:i.start], state.language)]
        before = [i for i in items if i.end <= agent.start and _coordinated(sentence[i.end:agent.start], state.language)]
        for item in after[:1] + before[-1:]:
            if item.how not in ("name", "descriptor", "proposed"):
                continue
            ref = _resolve(item, sentence, state)
            if ref is not None and ref != claimant and (ref.kind != ActorKind.COUNTRY or claimant.kind == ActorKind.COUNTRY):
                found.append((item.start, ref))
    return found


def _coordinated(between: str, language: str) -> bool:
    """Whether the text between two agents coordinates them: "and", "και", "и", "و", with an article and
    the second one's title ("Governor Ivan Petrov and Mayor Olga Sidorova")."""
    if re.fullmatch(_CONJUNCTION, between):
        return True
    match = re.match(_CONJUNCTION, between)
    if not match:
        return False
    titles = _titles(language)
    rest = [w for w in re.findall(r"[^\W\d_][\w.-]*", between[match.end():])]
    return bool(rest) and len(rest) <= 3 and all(folded(w) in titles or folded(w) in _ARTICLE_WORDS for w in rest) \
        and not re.search(r"[,;:.]", between[match.end():])


def relative_clause_agent(sentence: str, position: int, state: DocumentState) -> ActorRef | None:
    """Korean "전날 군정이 밝힌 144명" (the 144 the junta announced the day before): the actor of a relative
    clause right before the figure at ``position`` is its claimant, whoever the sentence is about."""
    if state.language != "ko":
        return None
    head = sentence[max(0, position - 40):position]
    match = re.search(r"(?:이|가|은|는)\s+(?:밝힌|발표한|집계한|추산한|추정한|공개한)\s+(?:\S+\s+)?$", head)
    if not match:
        return None
    offset = max(0, position - 40)
    mentions = [m for m in state.index.mentions(sentence, "ko") if m.via != "group"
                and m.end == offset + match.start() + 1]
    return mentions[-1].actor if mentions else None


def _carries(agent: Agent) -> bool:
    """A verb without subject, or "the statement" / "в сообщении" / "the ministry", goes on with the same
    report, through the same relays; "the governor said earlier" is a statement of its own."""
    return agent.how == "dropped" or (agent.how == "anaphor" and agent.wanted != "person")


def _continues(sentence: str, language: str) -> bool:
    opening = folded(sentence[:40])
    return any(opening.startswith(folded(phrase)) for phrase in C.CONTINUATIONS.get(language, ()))


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen, result = set(), []
    for ref in refs:
        if ref is not None and ref.key not in seen:
            seen.add(ref.key)
            result.append(ref)
    return result
