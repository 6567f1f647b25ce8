"""Candidate claims proposed from an article's text, for curators to review.

:func:`extract_candidates` reads a document and proposes :class:`Candidate` claims without writing
anything; :func:`candidates_save` writes them as **draft** claims (never published) in one transaction.
See docs/extraction.md for the rules per language and their limits. In short, sentence by sentence:

- **quotations** in «…», “…”, „…“ and "…" are attributed to the nearest named actor before them in the
  sentence (outside any quotation), else to the speaker of an attribution cue in the sentence
  (``«…», ανέφερε το KCNA``), else to the claimant of the previous sentence;
- **attribution cues** ("said", "according to", "δήλωσε", "σύμφωνα με", "밝혔다", "заявил", "قال"...) find
  their speaker among the actors named next to them. Actors are recognised by their name, key and
  aliases (Actor / ActorAlias, compared with :func:`factbase.text.normalize_for_search`), so
  "η κρατική εφημερίδα KCNA" is the actor ``kcna``. A source cue ("according to X", "σύμφωνα με X")
  names a **relay** when someone else is speaking: the seed's Putin quote becomes a claim by Putin
  with one attribution hop, KCNA;
- a cue without a subject of its own ("Πιστεύει ότι…", "He said…") continues the previous sentence's
  claimant; a cue whose subject is no known actor ("a diplomat said") goes to the fallback below;
  unnamed groups that can be named ("analysts", "officials", "experts" in each language) become
  ``unnamed_group`` actors (``analysts``, ``officials``, ``experts``); anything else is attributed to
  the document's publisher, or to the placeholder actor ``unattributed`` when it has none;
- **numbers** (read by :func:`claims.extraction.numbers.read_quantity` in the document's language) become
  candidates of kind ``estimate`` by the sentence's claimant, each with an Estimate on the per-document
  placeholder proposition ``unsorted-<document key>`` (kind quantity, unit "unspecified") that
  curators re-file onto the right proposition;
- **dates** (read by :func:`claims.extraction.dates.find_dates` against the publication date) date the
  claims of their sentence (``stated_on``) and the estimates (``as_of``).

Every candidate's appearance quotes its whole sentence: ``document.body[start:end] == quote``.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import transaction

from factbase.choices import DatePrecision
from factbase.text import strip_accents
from sources.models import Actor, ActorKind, Document

from ..models import (
    Appearance, AttributionHop, Claim, ClaimKind, ClaimStance, ClaimStatus, Estimate, HopRelation, Proposition,
    PropositionKind, Stance,
)
from .numbers import Quantity, read_quantity
from .dates import DateMention, find_dates

UNATTRIBUTED_KEY = "unattributed"
UNSORTED_PREFIX = "unsorted-"
SUMMARY_LIMIT = 300


@dataclass(frozen=True)
class ActorRef:
    """An actor a candidate refers to; ``pk`` is None for a placeholder that saving will create."""

    key: str
    name: str
    kind: str
    pk: int | None = None


UNATTRIBUTED = ActorRef(UNATTRIBUTED_KEY, "Unattributed (placeholder)", ActorKind.OTHER)


@dataclass
class Candidate:
    """A proposed draft claim: who, what (the sentence, its quotations, its number), when, through whom."""

    kind: str  # "statement" or "estimate"
    claimant: ActorRef
    hedge: str
    quote: str
    start: int
    end: int
    quotations: list[str] = field(default_factory=list)
    relays: list[ActorRef] = field(default_factory=list)
    quantity: Quantity | None = None
    stated_on: dt.date | None = None
    stated_on_precision: str = DatePrecision.DAY
    as_of: dt.date | None = None  # for estimates: when the number holds
    as_of_precision: str = DatePrecision.DAY
    summary: str = ""


# --- Cues --------------------------------------------------------------------------------------------
# (phrase, role, hedge, where the speaker is). role "speech": the speaker says it; role "source": the
# speaker is where the text got it from ("according to"). where: "before", "after" or "either".
SPEECH, SOURCE = "speech", "source"
_CUES = {
    "en": [
        ("according to", SOURCE, "asserted", "after"), ("said", SPEECH, "asserted", "either"),
        ("says", SPEECH, "asserted", "either"), ("told", SPEECH, "asserted", "before"),
        ("stated", SPEECH, "asserted", "either"), ("announced", SPEECH, "asserted", "before"),
        ("added", SPEECH, "asserted", "either"), ("reported", SPEECH, "asserted", "either"),
        ("estimated", SPEECH, "estimated", "before"), ("estimates", SPEECH, "estimated", "before"),
        ("believes", SPEECH, "believed", "before"), ("believe", SPEECH, "believed", "before"),
        ("claimed", SPEECH, "alleged", "either"), ("denied", SPEECH, "denied", "before"),
    ],
    "el": [
        ("σύμφωνα με", SOURCE, "asserted", "after"), ("δήλωσε", SPEECH, "asserted", "either"),
        ("ανέφερε", SPEECH, "asserted", "either"), ("πρόσθεσε", SPEECH, "asserted", "either"),
        ("είπε", SPEECH, "asserted", "either"), ("τόνισε", SPEECH, "asserted", "either"),
        ("ανακοίνωσε", SPEECH, "asserted", "either"), ("μετέδωσε", SPEECH, "asserted", "either"),
        ("χαρακτήρισε", SPEECH, "asserted", "before"), ("εκτίμησε", SPEECH, "estimated", "either"),
        ("εκτιμά", SPEECH, "estimated", "either"), ("εκτιμούν", SPEECH, "estimated", "either"),
        ("πιστεύει", SPEECH, "believed", "either"), ("πιστεύουν", SPEECH, "believed", "either"),
        ("θεωρεί", SPEECH, "believed", "either"), ("θεωρούν", SPEECH, "believed", "either"),
        ("αρνήθηκε", SPEECH, "denied", "either"),
    ],
    "ko": [
        ("에 따르면", SOURCE, "asserted", "before"), ("따르면", SOURCE, "asserted", "before"),
        ("밝혔다", SPEECH, "asserted", "before"), ("말했다", SPEECH, "asserted", "before"),
        ("전했다", SPEECH, "asserted", "before"), ("보도했다", SPEECH, "asserted", "before"),
        ("발표했다", SPEECH, "asserted", "before"), ("주장했다", SPEECH, "alleged", "before"),
        ("추정했다", SPEECH, "estimated", "before"), ("추산했다", SPEECH, "estimated", "before"),
        ("보고 있다", SPEECH, "believed", "before"), ("부인했다", SPEECH, "denied", "before"),
    ],
    "ru": [
        ("по данным", SOURCE, "asserted", "after"), ("по словам", SOURCE, "asserted", "after"),
        ("по информации", SOURCE, "asserted", "after"), ("как сообщает", SOURCE, "asserted", "after"),
        ("по оценке", SOURCE, "estimated", "after"), ("сообщило", SPEECH, "asserted", "either"),
        ("заявило", SPEECH, "asserted", "either"), ("заявил", SPEECH, "asserted", "either"), ("заявила", SPEECH, "asserted", "either"),
        ("заявили", SPEECH, "asserted", "either"), ("сообщил", SPEECH, "asserted", "either"),
        ("сообщила", SPEECH, "asserted", "either"), ("сообщили", SPEECH, "asserted", "either"),
        ("сказал", SPEECH, "asserted", "either"), ("добавил", SPEECH, "asserted", "either"),
        ("передает", SPEECH, "asserted", "either"), ("передаёт", SPEECH, "asserted", "either"),
        ("оценил", SPEECH, "estimated", "either"), ("оценила", SPEECH, "estimated", "either"),
        ("оценили", SPEECH, "estimated", "either"), ("оценивает", SPEECH, "estimated", "either"),
        ("считает", SPEECH, "believed", "either"), ("считают", SPEECH, "believed", "either"),
        ("опроверг", SPEECH, "denied", "either"),
    ],
    "ar": [
        ("وفقا لـ", SOURCE, "asserted", "after"), ("وفقاً لـ", SOURCE, "asserted", "after"),
        ("وفقا ل", SOURCE, "asserted", "after"), ("وفقاً ل", SOURCE, "asserted", "after"),
        ("بحسب", SOURCE, "asserted", "after"), ("حسب", SOURCE, "asserted", "after"),
        ("نقلا عن", SOURCE, "asserted", "after"), ("قال", SPEECH, "asserted", "after"),
        ("قالت", SPEECH, "asserted", "after"), ("أعلن", SPEECH, "asserted", "after"),
        ("أعلنت", SPEECH, "asserted", "after"), ("أفاد", SPEECH, "asserted", "after"),
        ("أفادت", SPEECH, "asserted", "after"), ("ذكر", SPEECH, "asserted", "after"),
        ("ذكرت", SPEECH, "asserted", "after"), ("أضاف", SPEECH, "asserted", "after"),
        ("أضافت", SPEECH, "asserted", "after"), ("قدر", SPEECH, "estimated", "after"),
        ("قدرت", SPEECH, "estimated", "after"), ("يعتقد", SPEECH, "believed", "after"),
        ("تعتقد", SPEECH, "believed", "after"), ("نفى", SPEECH, "denied", "after"), ("نفت", SPEECH, "denied", "after"),
    ],
}
# Words that open a reported clause: the speaker of a cue followed by one is before the cue.
_COMPLEMENTIZERS = {
    "en": ("that",), "el": ("ότι", "πως"), "ru": ("что",), "ar": ("أن", "إن"), "ko": (),
}
# Groups a cue may name without naming an actor: (key, English name, words per language).
_UNNAMED_GROUPS = [
    ("analysts", "Analysts", {
        "en": ["analysts"], "el": ["αναλυτές", "αναλυτών"], "ru": ["аналитики", "аналитиков"],
        "ko": ["분석가들", "분석가"], "ar": ["محللون", "المحللين", "محللين"],
    }),
    ("officials", "Officials", {
        "en": ["officials"], "el": ["αξιωματούχοι", "αξιωματούχων"], "ru": ["чиновники", "официальные лица"],
        "ko": ["당국자", "관계자"], "ar": ["مسؤولون", "المسؤولين", "مسؤولين"],
    }),
    ("experts", "Experts", {
        "en": ["experts"], "el": ["ειδικοί", "εμπειρογνώμονες"], "ru": ["эксперты", "экспертов"],
        "ko": ["전문가들", "전문가"], "ar": ["خبراء", "الخبراء"],
    }),
]
# "X and Y" (with an optional article or title before Y), normalised.
_COORDINATED = re.compile(
    r"\s*(?:and|και|и|و|와|과|및)\s+(?:(?:ο|η|το|οι|the|president|προεδροσ|πρεσβησ|президент)\s+)?\s*"
)
_INFLECTED = {"el": 3, "ru": 3, "ar": 2}  # letters an inflected ending may add to a name

_QUOTATION = re.compile(r"«[^«»]+»|“[^“”]+”|„[^„“”]+[“”]|\"[^\"\n]+\"")


# --- Text helpers ------------------------------------------------------------------------------------

def _normalise_char(char: str) -> str:
    folded = strip_accents(char.casefold()).replace("ς", "σ")
    # One character in, one out (a rare folding to two characters, like ß → ss, becomes a space).
    return folded if len(folded) == 1 and folded.isalnum() else " "


def _normalised(text: str) -> str:
    """normalize_for_search, character for character, so offsets stay those of ``text``."""
    return "".join(_normalise_char(char) for char in text)


def _base_language(language: str) -> str:
    return (language or "en").split("-")[0].lower()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at . ! ? ؟ 。 outside quotation marks, before a capital or any
    non-Latin/Greek/Cyrillic letter, and at line breaks. "6 тыс. человек" stays one sentence."""
    spans, start, depth = [], 0, 0
    openers, closers = set("«“„"), set("»”")
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in openers:
            depth += 1
        elif char in closers:
            depth = max(0, depth - 1)
        elif char == "\n":
            depth = 0
            _add_span(text, spans, start, index)
            start = index + 1
        elif char in ".!?؟。" and depth == 0:
            following = text[index + 1:index + 3]
            next_letter = text[index + 1:].lstrip()[:1]
            if (following[:1].isspace() or not following) and (not next_letter or not next_letter.islower()):
                _add_span(text, spans, start, index + 1)
                start = index + 1
        index += 1
    _add_span(text, spans, start, length)
    return spans


def _add_span(text, spans, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# --- Actors ------------------------------------------------------------------------------------------

@dataclass
class _Mention:
    start: int
    end: int
    actor: ActorRef


class ActorIndex:
    """Every actor's name, key and aliases, normalised, ready to be found in text."""

    def __init__(self, names: dict[str, ActorRef]):
        self.names = {name: ref for name, ref in names.items() if len(name) >= 2}
        self._regexes: dict[str, re.Pattern | None] = {}
        self._lookups: dict[str, dict[str, ActorRef]] = {}

    @classmethod
    def from_database(cls) -> "ActorIndex":
        names: dict[str, ActorRef] = {}
        for actor in Actor.objects.prefetch_related("aliases").order_by("id"):
            ref = ActorRef(actor.key, actor.name, actor.kind, actor.pk)
            for name in [actor.name, actor.key.replace("-", " "), *(alias.name for alias in actor.aliases.all())]:
                names.setdefault(_SPACES.sub(" ", _normalised(name)).strip(), ref)
        return cls(names)

    def regex(self, language: str) -> re.Pattern | None:
        if language not in self._regexes:
            names = dict(self.names)
            for key, name, words in _UNNAMED_GROUPS:
                ref = next((r for r in self.names.values() if r.key == key), ActorRef(key, name, ActorKind.UNNAMED_GROUP))
                for word in words.get(language, []):
                    names.setdefault(_normalised(word), ref)
            self._lookups[language] = names
            if not names:
                self._regexes[language] = None
            else:
                alternatives = "|".join(
                    r"\s+".join(_word_pattern(part, language) for part in name.split(" "))
                    for name in sorted(names, key=len, reverse=True)
                )
                head = r"(?<!\w)(?:[وبلف]{1,2}(?=\w))?" if language == "ar" else r"(?<!\w)"
                if language == "ko":
                    tail = ""
                else:
                    extra = _INFLECTED.get(language, 0)
                    tail = rf"(?:\w{{0,{extra}}})?(?!\w)" if extra else r"(?!\w)"
                self._regexes[language] = re.compile(rf"{head}({alternatives}){tail}")
        return self._regexes[language]

    def lookup(self, matched: str, language: str) -> ActorRef | None:
        """The actor a matched (possibly inflected) name stands for."""
        name = _SPACES.sub(" ", matched)
        lookup = self._lookups[language]
        if name in lookup:
            return lookup[name]
        for candidate, ref in lookup.items():
            if re.fullmatch(r"\s+".join(_word_pattern(part, language) for part in candidate.split(" ")), name):
                return ref
        return None

    def mentions(self, text: str, language: str) -> list[_Mention]:
        regex = self.regex(language)
        if regex is None:
            return []
        normalised = _normalised(text)
        found = []
        for match in regex.finditer(normalised):
            name = _SPACES.sub(" ", match.group(1))
            ref = self.lookup(name, language)
            if ref is None:
                continue
            # Short names (KCNA, NIS, Κιμ) must not be the start of a longer word.
            if len(name) <= 4 and language != "ko" and match.end() != match.end(1):
                continue
            found.append(_Mention(match.start(1), match.end(), ref))
        # "합참 관계자", "NIS officials": an unnamed group right next to a named actor is that actor.
        merged: list[_Mention] = []
        for mention in found:
            if merged and not text[merged[-1].end:mention.start].strip():
                last = merged[-1]
                if mention.actor.kind == ActorKind.UNNAMED_GROUP and last.actor.kind != ActorKind.UNNAMED_GROUP:
                    merged[-1] = _Mention(last.start, mention.end, last.actor)
                    continue
                if last.actor.kind == ActorKind.UNNAMED_GROUP and mention.actor.kind != ActorKind.UNNAMED_GROUP:
                    merged[-1] = _Mention(last.start, mention.end, mention.actor)
                    continue
            merged.append(mention)
        return merged


_SPACES = re.compile(r"\s+")


def _word_pattern(word: str, language: str) -> str:
    """A name's word as a regex: Greek and Russian words of five letters or more may change their last two
    letters (case endings: "υπηρεσίας", "Национальной службы"); other words must match exactly."""
    if language in ("el", "ru") and len(word) >= 5 and word.isalpha():
        return re.escape(word[:-2]) + r"\w{0,4}"
    return re.escape(word)


# --- Extraction --------------------------------------------------------------------------------------

@dataclass
class _Cue:
    start: int
    end: int
    role: str
    hedge: str
    where: str


def _cues(sentence: str, language: str, masked: list[tuple[int, int]]) -> list[_Cue]:
    found = []
    normalised = _normalised(sentence)
    taken: list[tuple[int, int]] = []
    for phrase, role, hedge, where in sorted(_CUES.get(language, []), key=lambda cue: -len(cue[0])):
        pattern = r"\s+".join(re.escape(part) for part in _normalised(phrase).split())
        head = r"(?<!\w)[وف]?" if language == "ar" else ("" if language == "ko" else r"(?<!\w)")
        for match in re.finditer(rf"{head}({pattern})(?!\w)" if language != "ko" else f"({pattern})", normalised):
            start, end = match.span(1)
            if _inside(start, masked) or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append(_Cue(start, end, role, hedge, where))
    return sorted(found, key=lambda cue: cue.start)


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)


def _speaker(cue: _Cue, sentence: str, mentions: list[_Mention], language: str) -> _Mention | None:
    before = [m for m in mentions if m.end <= cue.start]
    after = [m for m in mentions if m.start >= cue.end]
    nearest_before = before[-1] if before else None
    nearest_after = after[0] if after else None
    if cue.where == "before":
        return nearest_before
    if cue.where == "after":
        return nearest_after
    following = sentence[cue.end:].lstrip().split(" ", 1)[0].casefold().strip(",")
    if following in _COMPLEMENTIZERS.get(language, ()):
        return nearest_before or nearest_after
    # «…», ανέφερε το KCNA / …, сообщило агентство ЦТАК: the speaker follows the cue.
    postposed = re.search(r"(?:[»”“\"],?|,)\s*$", sentence[:cue.start])
    close_after = nearest_after and len(sentence[cue.end:nearest_after.start].split()) <= 4
    if (postposed or nearest_before is None) and close_after:
        return nearest_after
    if close_after and language == "ar":
        return nearest_after
    return nearest_before or (nearest_after if close_after else None)


_PRONOUNS = {
    "en": {"he", "she", "they", "it"}, "el": {"αυτός", "αυτή", "αυτοί"}, "ru": {"он", "она", "они", "оно"},
    "ko": {"그는", "그녀는", "그들은", "이들은"}, "ar": set(),
}


def _subjectless(sentence: str, cue: _Cue, quotations, language: str) -> bool:
    """True when the cue's subject is a pronoun or left out (pro-drop): "Πιστεύει ότι…", "He said…",
    "«…», добавил он.", "وأضاف أن…". A cue with a subject we cannot name ("a diplomat said") is not."""
    def words(text):
        return [w for w in re.findall(r"\w+", text) if w]

    outside = "".join(" " if _inside(i, quotations) else ch for i, ch in enumerate(sentence))
    before, after = words(outside[:cue.start]), words(outside[cue.end:])
    pronouns = _PRONOUNS.get(language, set())
    if language == "ko":
        return bool(before) and before[0] in pronouns
    if language == "ar":
        return not before and (not after or after[0] in _COMPLEMENTIZERS["ar"])
    if re.search(r"[»”“\"],?\s*$", sentence[:cue.start]):  # postposed: "«…», добавил он."
        return all(w.casefold() in pronouns for w in after[:1])
    return len(before) == 0 or (len(before) == 1 and before[0].casefold() in pronouns)


def _fallback_claimant(document: Document) -> ActorRef:
    publisher = document.publisher
    if publisher is not None:
        return ActorRef(publisher.key, publisher.name, publisher.kind, publisher.pk)
    return UNATTRIBUTED


def _summary(claimant: ActorRef, sentence: str, quantity: Quantity | None = None) -> str:
    lead = f"{claimant.name}: "
    if quantity is not None:
        lead += f"{quantity.wording} — "
    text = " ".join(sentence.split())
    room = SUMMARY_LIMIT - len(lead)
    return lead + (text if len(text) <= room else text[: room - 1] + "…")


def extract_candidates(*, document: Document, actors: ActorIndex | None = None) -> list[Candidate]:
    """Candidate claims in ``document``'s body, in reading order; reads actors, writes nothing."""
    language = _base_language(document.language)
    actors = actors or ActorIndex.from_database()
    body = document.body
    fallback = _fallback_claimant(document)
    candidates: list[Candidate] = []
    previous: tuple[ActorRef, list[ActorRef], DateMention | None] | None = None
    for sent_start, sent_end in split_sentences(body):
        sentence = body[sent_start:sent_end]
        quotations = [(m.start(), m.end()) for m in _QUOTATION.finditer(sentence)]
        mentions = [m for m in actors.mentions(sentence, language) if not _inside(m.start, quotations)]
        cues = _cues(sentence, language, quotations)
        dates = [d for d in find_dates(sentence, language=language, published_on=document.published_on)
                 if not _inside(d.start, quotations)]
        date = dates[0] if dates else None
        quantities = read_quantity(sentence, language=language)

        # Speakers of cues; source cues name relays when someone else speaks.
        speakers: list[tuple[_Cue, ActorRef | None]] = []
        postposed: list[ActorRef] = []
        for cue in cues:
            mention = _speaker(cue, sentence, mentions, language)
            if (
                mention and cue.role == SPEECH and mention.start >= cue.end
                and re.search(r"[»”“\"],?\s*$", sentence[:cue.start])
            ):
                # «…», πρόσθεσε το KCNA: the one who passed the quotation on (or said it, if no one else did).
                postposed.append(mention.actor)
                continue
            speakers.append((cue, mention.actor if mention else None))
        sources = [ref for cue, ref in speakers if cue.role == SOURCE and ref]
        sources += [ref for ref in postposed if ref not in sources]
        source_keys = {ref.key for ref in sources}
        speech = [(cue, ref) for cue, ref in speakers if cue.role == SPEECH and ref and ref.key not in source_keys]
        relays_all = sources
        unnamed_cues = [cue for cue, ref in speakers if cue.role == SPEECH and ref is None]
        # Only a cue without a subject of its own ("Πιστεύει ότι…", "He said…"), or a quotation standing
        # alone, continues the previous sentence's claimant.
        can_inherit = (not cues) or any(_subjectless(sentence, cue, quotations, language) for cue in unnamed_cues)

        inherited = False
        groups: dict[str, dict] = {}

        def group_for(ref: ActorRef, hedge: str = "asserted"):
            group = groups.setdefault(ref.key, {"actor": ref, "quotations": [], "hedge": hedge})
            if group["hedge"] == "asserted" and hedge != "asserted":
                group["hedge"] = hedge
            return group

        for cue, ref in speech:
            group_for(ref, cue.hedge)
        for q_start, q_end in quotations:
            before = [m for m in mentions if m.end <= q_start and m.actor.key not in source_keys]
            if before:
                ref = before[-1].actor
                # "Ο Κιμ και ο Πούτιν … «…»": every actor of a coordinated subject said it.
                index = len(before) - 1
                while index > 0 and _COORDINATED.fullmatch(_normalised(sentence[before[index - 1].end:before[index].start])):
                    index -= 1
                    group_for(before[index].actor)["quotations"].append(sentence[q_start + 1:q_end - 1])
            elif speech:
                ref = speech[0][1]
            elif relays_all:
                ref = relays_all[0]
            elif previous and can_inherit:
                ref, inherited = previous[0], True
            else:
                ref = fallback
            group_for(ref)["quotations"].append(sentence[q_start + 1:q_end - 1])
        if not groups and sources:
            group_for(sources[0])
        if not groups and unnamed_cues:
            if previous and can_inherit:
                # "Πιστεύει ότι…", "He added…": the speaker is the claimant of the previous sentence.
                group_for(previous[0], unnamed_cues[0].hedge)
                inherited = True
            else:
                # A speaker is named but is no known actor ("a diplomat said"): the fallback, for curators.
                group_for(fallback, unnamed_cues[0].hedge)
        if not groups and not quantities:
            previous = None
            continue

        main = next(iter(groups.values()), None)
        hedge_for_numbers = main["hedge"] if main else "asserted"
        if inherited and previous and date is None:
            date = previous[2]

        def relays_for(ref: ActorRef) -> list[ActorRef]:
            if inherited and previous and ref.key == previous[0].key:
                return list(previous[1])
            return [relay for relay in relays_all if relay.key != ref.key]

        stated_on = date.value if date else None
        precision = date.precision if date else DatePrecision.DAY
        start, end = sent_start, sent_end
        for group in groups.values():
            if quantities and group is main and not group["quotations"]:
                continue
            candidates.append(Candidate(
                kind="statement", claimant=group["actor"], hedge=group["hedge"], quote=sentence, start=start, end=end,
                quotations=group["quotations"], relays=relays_for(group["actor"]),
                stated_on=stated_on, stated_on_precision=precision, summary=_summary(group["actor"], sentence),
            ))
        claimant = main["actor"] if main else fallback
        for quantity in quantities:
            # "nearly 12,000 in January": a date right after the number says when the number holds.
            own = next((d for d in dates if 0 <= d.start - quantity.end <= 40 and d is not date), None)
            as_of = own or date
            candidates.append(Candidate(
                kind="estimate", claimant=claimant, hedge=hedge_for_numbers, quote=sentence, start=start, end=end,
                relays=relays_for(claimant) if main else [], quantity=quantity,
                stated_on=stated_on, stated_on_precision=precision,
                as_of=as_of.value if as_of else None, as_of_precision=as_of.precision if as_of else DatePrecision.DAY,
                summary=_summary(claimant, sentence, quantity),
            ))
        previous = (main["actor"], relays_for(main["actor"]), date) if main else None
    return candidates


# --- Saving ------------------------------------------------------------------------------------------

def _actor_for(ref: ActorRef, run, cache: dict) -> Actor:
    if ref.key in cache:
        return cache[ref.key]
    if ref.pk is not None:
        actor = Actor.objects.get(pk=ref.pk)
    else:
        actor = Actor.objects.filter(key=ref.key).first()
        if actor is None:
            actor = Actor(key=ref.key, name=ref.name, kind=ref.kind, first_import_run=run, last_import_run=run,
                          description=_PLACEHOLDER_DESCRIPTIONS.get(ref.kind, ""))
            actor.full_clean()
            actor.save()
    cache[ref.key] = actor
    return actor


_PLACEHOLDER_DESCRIPTIONS = {
    ActorKind.OTHER: "Placeholder claimant for statements extraction could not attribute; curators re-attribute them.",
    ActorKind.UNNAMED_GROUP: "An unnamed group of people named only by what they are (created by extraction).",
}


def unsorted_proposition_key(document: Document) -> str:
    return f"{UNSORTED_PREFIX}{document.key}"[:150]


def candidates_save(*, document: Document, candidates: list[Candidate], run=None) -> dict[str, int]:
    """Write ``candidates`` as draft claims of ``document``, all or nothing; returns counts per record type.

    Each claim gets one Appearance quoting its sentence and one AttributionHop per relay; each number an
    Estimate (and an ``estimates`` stance) on the proposition ``unsorted-<document key>``.
    """
    counts = {"claims": 0, "appearances": 0, "hops": 0, "estimates": 0, "actors": 0, "propositions": 0}
    if not candidates:
        return counts
    with transaction.atomic():
        actors_before = Actor.objects.count()
        cache: dict[str, Actor] = {}
        proposition = None
        if any(c.quantity is not None for c in candidates):
            key = unsorted_proposition_key(document)
            proposition = Proposition.objects.filter(key=key).first()
            if proposition is None:
                proposition = Proposition(
                    key=key, title=f"Unsorted numbers from {document.key}"[:300],
                    description="Numbers extracted from the document, waiting for a curator to re-file them "
                                "onto the proposition they measure.",
                    kind=PropositionKind.QUANTITY, unit="unspecified", first_import_run=run, last_import_run=run,
                )
                proposition.full_clean()
                proposition.save()
                counts["propositions"] += 1
            elif run is not None:
                Proposition.objects.filter(pk=proposition.pk).update(last_import_run=run)
        taken = set(Claim.objects.filter(key__startswith=f"{document.key}-x").values_list("key", flat=True))
        number = 0
        for candidate in candidates:
            number += 1
            key = f"{document.key}-x{number:03d}"
            while key in taken:
                number += 1
                key = f"{document.key}-x{number:03d}"
            taken.add(key)
            claim = Claim(
                key=key, claimant=_actor_for(candidate.claimant, run, cache),
                kind=ClaimKind.ESTIMATE if candidate.quantity is not None else ClaimKind.STATEMENT,
                summary=candidate.summary, summary_language=_base_language(document.language),
                stated_on=candidate.stated_on, stated_on_precision=candidate.stated_on_precision,
                hedge=candidate.hedge, status=ClaimStatus.DRAFT, first_import_run=run, last_import_run=run,
            )
            claim.full_clean()
            claim.save()
            counts["claims"] += 1
            appearance = Appearance(claim=claim, document=document, quote=candidate.quote,
                                    start=candidate.start, end=candidate.end)
            appearance.full_clean()
            appearance.save()
            counts["appearances"] += 1
            relation = HopRelation.QUOTED_VERBATIM if candidate.quotations else HopRelation.REPORTED
            for position, relay in enumerate(candidate.relays, start=1):
                hop = AttributionHop(appearance=appearance, position=position,
                                     actor=_actor_for(relay, run, cache), relation=relation)
                hop.full_clean()
                hop.save()
                counts["hops"] += 1
            if candidate.quantity is not None:
                quantity = candidate.quantity
                stance = ClaimStance(claim=claim, proposition=proposition, stance=Stance.ESTIMATES)
                stance.full_clean()
                stance.save()
                estimate = Estimate(
                    claim=claim, proposition=proposition, value=quantity.value, lower=quantity.lower,
                    upper=quantity.upper, qualifier=quantity.qualifier, wording=quantity.wording[:300],
                    as_of=candidate.as_of, as_of_precision=candidate.as_of_precision,
                )
                estimate.full_clean()
                estimate.save()
                counts["estimates"] += 1
        counts["actors"] = Actor.objects.count() - actors_before
    return counts

