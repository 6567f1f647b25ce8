"""Candidate claims proposed from an article's text, for curators to review.

:func:`extract_candidates` reads a document and proposes :class:`Candidate` claims without writing
anything; :func:`candidates_save` writes them as **draft** claims (never published) in one transaction.
The jobs are split by module (docs/extraction.md explains the rules per language):

- :mod:`.sentences` — paragraphs, sentences, quotations;
- :mod:`.actors` — actors named in the text (names, aliases, descriptors, unnamed groups);
- :mod:`.cues` and :mod:`.attribution` — who speaks: the agent of each reporting verb or attribution
  phrase, pronouns and descriptions carried from the last named source, proposed actors;
- :mod:`.hops` — wire credits and relays, as ordered steps;
- :mod:`.numbers`, :mod:`.dates`, :mod:`.timing` — figures with their hedges, and when they hold;
- :mod:`.matching` — a candidate that re-reports an existing claim;
- :mod:`.proposals` — proposed actors a curator confirms or merges.

Every figure becomes a candidate of kind ``estimate`` by its claimant, with its hops; every quotation
without a figure a ``statement`` by its speaker. Figures of the headline (the first paragraph, when it is
a title) are kept only when the body does not state them. Every candidate's appearance quotes its whole
sentence: ``document.body[start:end] == quote``.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from factbase.cleaning import FULL
from factbase.choices import DatePrecision
from factbase.system import system_user
from sources.models import Actor, ActorKind, Document
from sources.services import actor_upsert

from ..models import (
    Appearance, AttributionHop, Claim, ClaimKind, ClaimRelation, ClaimStance, ClaimStatus, Estimate, HopRelation,
    Proposition, PropositionKind, RelationKind, RelationState, Stance,
)
from ..services.claims import claims_create
from ..services.parts import parts_add
from ..services.propositions import proposition_upsert
from ..services.provenance import claim_joint_claimants_set
from .actors import ActorIndex, ActorRef, folded, normalised
from .attribution import CATAPHOR, DocumentState, attribute, relative_clause_agent
from .attribution.descriptions import covers
from .attribution import english
from .dates import find_dates
from .hops import hop_steps, wire_credits
from .numbers import Quantity, read_quantity
from .sentences import base_language, paragraphs, split_sentences
from .timing import When, classify, figure_as_of, stated_on

__all__ = ["ActorIndex", "ActorRef", "Candidate", "candidates_save", "extract_candidates", "split_sentences"]

UNATTRIBUTED_KEY = "unattributed"
PROPOSED_SPEAKER_KEY = "proposed-speaker"
UNSORTED_PREFIX = "unsorted-"
SUMMARY_LIMIT = 300

UNATTRIBUTED = ActorRef(UNATTRIBUTED_KEY, "Unattributed (placeholder)", ActorKind.OTHER)


@dataclass
class Match:
    """An existing claim the candidate re-reports, and why extraction thinks so."""

    claim_pk: int
    claim_key: str
    reason: str


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
    hops: list[list[ActorRef]] = field(default_factory=list)  # steps nearest the document first
    quantity: Quantity | None = None
    stated_on: dt.date | None = None
    stated_on_precision: str = DatePrecision.DAY
    as_of: dt.date | None = None  # for estimates: when the number holds
    as_of_precision: str = DatePrecision.DAY
    as_of_written: bool = False  # the text dates the figure; False: the publication date, by default
    since: dt.date | None = None  # a count's start, when the text gives one ("since October 7")
    since_precision: str = DatePrecision.DAY
    summary: str = ""
    headline: bool = False
    match: Match | None = None
    # Every claimant when several assert it together ("according to South Korean and Western intelligence"),
    # ``claimant`` first. Saving makes the first the draft's claimant and the others its joint claimants
    # (``JointClaimant``, in this order); a partner no actor matches is proposed like any unknown speaker.
    claimants: list[ActorRef] = field(default_factory=list)

    def __post_init__(self):
        if not self.claimants:
            self.claimants = [self.claimant]

    @property
    def relays(self) -> list[ActorRef]:
        """Every relaying actor, in order (parallel relays of one step side by side)."""
        return [ref for step in self.hops for ref in step]


def _publisher_ref(document: Document) -> ActorRef | None:
    publisher = document.publisher if document.publisher_id else None
    if publisher is None:
        return None
    return ActorRef(publisher.key, publisher.name, publisher.kind, publisher.pk, publisher.country)


def _summary(claimant: ActorRef, sentence: str, quantity: Quantity | None = None, since=None,
             claimants: list[ActorRef] | None = None) -> str:
    names = [ref.name for ref in (claimants or [claimant])]
    lead = f"{' and '.join(names) if len(names) > 1 else claimant.name}: "
    if quantity is not None:
        lead += f"{quantity.wording}{f' (counted since {since.value})' if since else ''} — "
    text = " ".join(sentence.split())
    room = SUMMARY_LIMIT - len(lead)
    return lead + (text if len(text) <= room else text[: room - 1] + "…")


# Fifteenth session: a paragraph that opens with a bullet ("• 2 في حالة خطيرة") is an item of a list.
_BULLET = re.compile(r"\s*[•▪●◦·*-]\s")


def _headline_span(body: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first paragraph when it is a title: short, without a closing full stop, and more text follows."""
    if len(spans) < 2:
        return None
    start, end = spans[0]
    text = body[start:end]
    if len(text) > 220 or "\n" in text or re.search(r"[.!?؟。][»”\"']?\s*$", text):
        return None
    return spans[0]


def _same_figure(a: Decimal, b: Decimal) -> bool:
    return a == b or (a and b and abs(a - b) <= max(abs(a), abs(b)) * Decimal("0.05") and len(str(int(a))) == len(str(int(b))))


# Between a number and the unnamed speakers it counts, at most two words ("three security sources", "два источника в
# силовых структурах" has its words after the head): a number that far before the speaker's span counts the speakers.
_COUNTING_GAP = re.compile(r"\s*(?:[^\W\d]+(?:[\s-]+[^\W\d]+)?\s*)?")


def _counts_the_speakers(quantity, cues, sentence: str, language: str) -> bool:
    """Issue 15, thirteenth session: a number that counts the unnamed people who speak ("Two of the sources said",
    "three security sources told AFP", "소식통 3명은 … 밝혔다", "ثلاثة مصادر أمنية قالت", "два источника сообщили")
    is no figure of what they report: it lies in the speaker's span, or right before an unnamed group's span."""
    for cue in cues:
        agent = cue.agent
        if agent is None or agent.ref is None or agent.end <= agent.start:
            continue
        if agent.start <= quantity.start < agent.end:
            return True
        if agent.ref.kind != ActorKind.UNNAMED_GROUP:
            continue
        same_side = agent.end <= cue.start or quantity.start >= cue.end  # not "killed 5 people, according to sources"
        if language == "ko":
            # Korean counts after the noun, right before the verb: "관계자 3명이 전했다"; a number before the speaker
            # ends another clause ("경찰관 2명이 숨졌다고 경찰은 밝혔다")
            if quantity.start >= agent.end and not sentence[agent.end:quantity.start].strip() \
                    and re.fullmatch(r"\s?명?(?:은|는|이|가)?\s*", sentence[quantity.end:cue.start]):
                return True
        elif same_side and quantity.end <= agent.start and _COUNTING_GAP.fullmatch(sentence[quantity.end:agent.start]):
            return True
    return False


def extract_candidates(*, document: Document, actors: ActorIndex | None = None) -> list[Candidate]:
    """Candidate claims in ``document``'s body, in reading order; reads actors, writes nothing."""
    language = base_language(document.language)
    index = actors or ActorIndex.from_database()
    body = document.body
    publisher = _publisher_ref(document)
    credits = wire_credits(body, language, index, publisher)
    narrator = credits.author or (credits.steps[-1][0] if credits.steps else None) or publisher or UNATTRIBUTED
    narrator_steps = credits.steps[:-1] if credits.steps and narrator.key == credits.steps[-1][0].key else credits.steps
    state = DocumentState(language, index, narrator, text=normalised(body), body=body)
    paragraph_spans = paragraphs(body)
    headline = _headline_span(body, paragraph_spans)
    candidates: list[Candidate] = []
    previous_when: When | None = None
    previous_claimant: ActorRef | None = None
    last_date: When | None = None
    previous_sentence_index = 0
    previous_stated: When | None = None
    credits_flat = [ref for step in credits.steps for ref in step]
    previous_paragraph_start = current_paragraph_start = 0
    unnamed_pending: list[Candidate] = []
    announcing = None
    for p_start, p_end in paragraph_spans:
        state.paragraph_sources = []
        # fifteenth session: an Arabic paragraph that ends with a colon announces the next one, and a bulleted list
        # after it (Greek el-80's colon opens the writer's own paragraph: not general)
        state.announced = announcing
        announcing = state.announced if _BULLET.match(body[p_start:p_end]) else None
        previous_paragraph_start, current_paragraph_start = current_paragraph_start, p_start
        for s_start, s_end in split_sentences(body[p_start:p_end], language):
            start, end = p_start + s_start, p_start + s_end
            if any(c_start <= start and end <= c_end for c_start, c_end in credits.spans):
                continue
            sentence = body[start:end]
            introduced = len(state.introductions)
            proposed_before = {ref.key for ref in state.proposals.values()} if language == "en" else set()
            found = attribute(sentence, state)
            if language == "en":
                # fifteenth session: "…, a provincial government spokesman said. …, said Gul Islam Syaal.": the unnamed
                # titled speaker of the sentence before is the person this one names for the first time as its speaker
                newcomer = english.newly_named_speaker(found, proposed_before)
                for candidate in unnamed_pending if newcomer is not None else []:
                    candidate.claimant, candidate.claimants = newcomer, [newcomer]
                    candidate.summary = _summary(newcomer, candidate.quote, candidate.quantity)
                if found.claimant is not None:
                    unnamed_pending = []
            sentence_first_candidate = len(candidates)
            if body[p_start:p_end].rstrip().endswith(":") and end >= p_start + len(body[p_start:p_end].rstrip()) \
                    and found.claimant is not None and found.claimant != narrator and language == "ar":
                announcing = (found.claimant, list(found.relays))
            # issue 15, twelfth session: a description that waited for the actor named next ("an aid worker said …") is
            # the actor this sentence introduces with the same words ("…, said Anna Moreau, a nurse and relief worker")
            for words, ref in state.introductions[introduced:]:
                _named_next(words, ref, candidates, language)
            back_reference = _BACK_REFERENCE.get(language) and re.match(_BACK_REFERENCE[language], sentence) \
                and not (re.match(_INTRODUCING.get(language, r"(?!)"), sentence)
                         and read_quantity(sentence, language=language)) or (
                re.search(_GAVE_THE_TOLL.get(language, r"$^"), sentence) and not read_quantity(sentence, language=language))
            if back_reference and found.claimant:
                # "Об этом сообщил губернатор": the figures just stated were his, passed on as this says — those
                # of the sentence before, and the unattributed ones right before them (back to the previous
                # paragraph). "Такие цифры назвала X" after "ООН зафиксировала …": X passed the UN's figures on.
                back = previous_sentence_index
                while back > 0 and candidates[back - 1].start >= previous_paragraph_start \
                        and candidates[back - 1].claimant.key == narrator.key and not candidates[back - 1].headline:
                    back -= 1
                for number, candidate in enumerate(candidates[back:], start=back):
                    relayed = number >= previous_sentence_index and candidate.kind == "estimate" \
                        and candidate.claimant.key not in (narrator.key, found.claimant.key)
                    if relayed:
                        relays = [found.claimant, *[r for step in candidate.hops for r in step if r not in credits_flat]]
                        candidate.hops = hop_steps(_Credits(credits.steps), candidate.claimant, narrator, relays)
                        continue
                    if candidate.claimant.key == narrator.key and candidate.kind == "estimate":
                        candidate.claimant = found.claimant
                        candidate.claimants = list(found.claimants)
                        candidate.hops = hop_steps(_Credits(credits.steps), found.claimant, narrator, found.relays)
                        candidate.hedge = found.hedge
                        candidate.summary = _summary(found.claimant, candidate.quote, candidate.quantity,
                                                     claimants=found.claimants)
                        state.remember(found.claimant)
                        state.last_relays, state.last_relays_for = found.relays, found.claimant
            if found.claimant is not None:
                # round 12 in English, every language since issue 15's twelfth session: "the disaster management office
                # says" is the body named next with those words
                _described_body_named(found.claimant, candidates, language)
                if language == "ko":
                    _ko_described_named_next(found, sentence, candidates[previous_sentence_index:])
            named_person = found.claimant if found.claimant is not None and found.claimant.kind == ActorKind.PERSON \
                else _relaying_person(found)
            if named_person is not None and named_person != CATAPHOR:
                # The person a title described before naming them ("the interior minister … wrote Klymenko"; fifteenth
                # session: or relaying others, "Gen. X said intelligence sources indicate that …").
                for candidate in candidates:
                    if candidate.claimant == CATAPHOR:
                        candidate.claimant, candidate.claimants = named_person, [named_person]
                        candidate.summary = _summary(named_person, candidate.quote, candidate.quantity)
            dates = find_dates(sentence, language=language, published_on=document.published_on)
            if dates and _BACK_REFERENCE.get(language) and re.match(_BACK_REFERENCE[language], sentence) \
                    and not read_quantity(sentence, language=language):
                # "Об этом стало известно в воскресенье, 4 декабря": the day the figures just stated were made known
                # is their statement's day, so their as-of date where the sentence before gave none
                for candidate in candidates[previous_sentence_index:]:
                    if candidate.kind == "estimate" and not candidate.as_of_written:
                        candidate.as_of, candidate.as_of_precision = dates[0].value, dates[0].precision
                        candidate.as_of_written = True
                        if candidate.stated_on is None:
                            candidate.stated_on, candidate.stated_on_precision = dates[0].value, dates[0].precision
            previous_sentence_index = len(candidates)
            quotes = found.quote_speakers
            cue_ends = [c.end for c in found.cues if c.role == "speech"]
            classes = classify(sentence, dates, cue_ends, language)
            stated = stated_on(classes)
            quantities = [q for q in read_quantity(sentence, language=language) if not _counts_the_speakers(q, found.cues, sentence, language)]
            claimant = found.claimant
            carried = previous_stated if claimant is not None and claimant == previous_claimant else None
            sentence_when: When | None = None
            for quantity in quantities:
                if language == "ko" and _ko_referred_back(sentence, quantity, candidates):
                    continue
                if language == "en" and _en_referred_back(sentence, quantity, candidates):
                    continue
                inside = next((q for q in quotes if q[0] <= quantity.start < q[1]), None)
                together = []
                back_reference = False
                if inside is not None:
                    who, relays = inside[2] or narrator, inside[3]
                else:
                    who, relays = claimant or narrator, found.relays
                    together = found.claimants if claimant is not None else []
                    announced_by = relative_clause_agent(sentence, quantity.start, state)
                    back_reference = announced_by is not None and announced_by != who
                    if back_reference:
                        who, relays, together = announced_by, [], []
                    if language == "en" and english.running_total(sentence, quantity.start, found.cues):
                        who, relays, together = narrator, [], []  # round 10: "bringing the toll to 146": the writer's
                when = figure_as_of(sentence=sentence, position=quantity.start, classes=classes, language=language,
                                    carried=carried or last_date, previous_figure=previous_when)
                if when is None and carried is not None and not dates:
                    when = carried
                if when is None and found.same_report and not dates and previous_when is not None:
                    when = previous_when  # "وبينت الإحصائية الرسمية …": the report's period, as its figures before
                sentence_when = sentence_when or when
                since = min(classes["since"], key=lambda d: abs(d.start - quantity.start)) if classes["since"] else None
                steps = hop_steps(_Credits(narrator_steps if who.key == narrator.key else credits.steps), who, narrator, relays)
                candidates.append(Candidate(
                    kind="estimate", claimant=who, hedge=found.hedge, quote=sentence, start=start, end=end,
                    hops=steps, quantity=quantity, stated_on=stated.value if stated else None,
                    stated_on_precision=stated.precision if stated else DatePrecision.DAY,
                    as_of=(when.value if when else document.published_on),
                    as_of_precision=(when.precision if when else DatePrecision.DAY), as_of_written=when is not None,
                    since=since.value if since else None,
                    since_precision=since.precision if since else DatePrecision.DAY,
                    summary=_summary(who, sentence, quantity, since, together), headline=headline == (p_start, p_end),
                    claimants=list(together),
                ))
                if who.key != narrator.key and not back_reference:
                    state.remember(who)
                    state.last_relays, state.last_relays_for = relays, who
                elif who.key != narrator.key:
                    # fourteenth session: "보건부가 앞서 보고한 100명" refers back to an earlier statement; the source
                    # going on later keeps the relays of its last statement
                    state.remember(who)
                previous_when = when or When(document.published_on, DatePrecision.DAY)
            for q_start, q_end, speaker, relays in quotes:
                if any(q_start <= q.start < q_end for q in quantities) or speaker is None:
                    continue
                if speaker.key != narrator.key:
                    # Round 6: the speaker's last statement came through these relays (none: it was said directly),
                    # which a pronoun going on with the same speaker keeps.
                    state.last_relays, state.last_relays_for = list(relays), speaker
                stated = stated or _first(classes)
                candidates.append(Candidate(
                    kind="statement", claimant=speaker, hedge=found.hedge, quote=sentence, start=start, end=end,
                    quotations=[sentence[q_start + 1:q_end - 1]],
                    hops=hop_steps(_Credits(credits.steps), speaker, narrator, relays),
                    stated_on=stated.value if stated else None,
                    stated_on_precision=stated.precision if stated else DatePrecision.DAY,
                    summary=_summary(speaker, sentence), headline=headline == (p_start, p_end),
                ))
            if claimant is not None and not quantities and not quotes and claimant.key != narrator.key:
                # A reported statement without figures or quotations: one statement by its speaker, through the
                # relays it names (none: "В МЧС подтвердили …" is the source speaking for itself, so "Там также
                # уточнили …" after it comes through no one).
                state.last_relays, state.last_relays_for = list(found.relays), claimant
                when = stated or _first(classes)
                candidates.append(Candidate(
                    kind="statement", claimant=claimant, hedge=found.hedge, quote=sentence, start=start, end=end,
                    hops=hop_steps(_Credits(credits.steps), claimant, narrator, found.relays),
                    stated_on=when.value if when else None,
                    stated_on_precision=when.precision if when else DatePrecision.DAY,
                    summary=_summary(claimant, sentence), headline=headline == (p_start, p_end),
                ))
            if language == "en" and english.unnamed_titled_speaker(found):
                unnamed_pending = [c for c in candidates[sentence_first_candidate:]
                                   if c.kind == "estimate" and c.claimant == found.claimant]
            if claimant is not None:
                state.remember(claimant)
                previous_claimant = claimant
                previous_stated = stated if stated and classes["statement"] else (previous_stated if not dates else None)
            if sentence_when is not None:
                previous_when = sentence_when
            if dates:
                last_date = When(dates[-1].value, dates[-1].precision)
    for candidate in candidates:
        if candidate.claimant == CATAPHOR or candidate.claimant.key.startswith("cataphor:"):
            # Never named: an official described by a title only ("Ο δήμαρχος της Ντέρνα είπε") is an unnamed
            # official.
            officials = index.actors.get("officials") or ActorRef("officials", "Officials", ActorKind.UNNAMED_GROUP)
            candidate.claimant, candidate.claimants = officials, [officials]
            candidate.summary = _summary(officials, candidate.quote, candidate.quantity)
        candidate.hops = [[ref for ref in step if ref != CATAPHOR and not ref.key.startswith("cataphor:")
                           # fifteenth session: the publisher is no hop of its own text ("…, Trend reports citing TASS"
                           # on Trend's site: TASS's copy)
                           and not (publisher is not None and ref.key == publisher.key)]
                          for step in candidate.hops]
        candidate.hops = [step for step in candidate.hops if step]
    return _drop_headline_repeats(candidates)


# A sentence that says who said the previous one ("Об этом сообщил X", "Об этом говорится в сообщении").
# Round 7: "Как рассказала X, погибли три иностранца": "Как" introduces the sentence's own figures; it points back only
# in a sentence without one ("Как сообщили в МЧС.").
_INTRODUCING = {"ru": r"\s*Как\b"}

_BACK_REFERENCE = {
    # round 12: "Как писал X, с 12 июля …" opens a statement of its own; "Как" points back only alone ("Как сообщил
    # губернатор.") or before "об этом" ("Как передает ТАСС, об этом сообщил …")
    "ru": r"\s*(?:Об этом|О том|Как\b(?=[^,]*$|[^,]*,\s*(?:об этом|о том)\b)|Так\w* (?:цифры|данные)|Эти (?:цифры|данные)|О данной информации|Об этой информации|Эту информацию)\b",
    # round 12: the object of a reporting verb put first, in either number ("Τις πληροφορίες μετέδωσε …", "Τις ειδήσεις
    # αυτές μετέδωσε …", "Τον απολογισμό αυτό έδωσε …"): the news, information, data or toll just stated
    "el": r"\s*(?:Αυτό|Τα παραπάνω|Τα ανωτέρω|(?:Την|Τις) (?:είδηση|ειδήσεις|πληροφορία|πληροφορίες)(?: αυτ(?:ή|ές))?"
          r"|Τα στοιχεία αυτά|Τα στοιχεία (?=[α-ωάέήίόύώ]+(?:ε|αν)\s)|Τους αριθμούς|Τον απολογισμό αυτό)\s",
    "en": r"\s*(?:The figures? (?:was|were) (?:given|released|announced) by|These figures)\b",
}


# A sentence saying that someone gave the toll just stated ("Ο Χ … έδωσε τον αναθεωρημένο απολογισμό", "X released the
# figures"): a back reference, like "Об этом сообщил X", when it states no figure of its own.
_GAVE_THE_TOLL = {
    "el": r"(?:έδωσε|ανακοίνωσε|γνωστοποίησε|έδωσαν|ανακοίνωσαν)\s+(?:τον|τα|τους)\s+(?:\w+\s+)?(?:απολογισμό|στοιχεία|αριθμούς)",
    # (round 12: "State television reported the figure applied to …": a reporting verb whose object is the figure)
    "en": r"\b(?:gave|released|announced|issued|reported|confirmed|published)\s+the\s+(?:\w+\s+)?(?:toll|figures?|tally|count)\b"
          # sixteenth session (second round): "X provided this information at a press briefing" after the figures
          r"|\b(?:provided|gave|shared)\s+(?:this|these|those)\s+(?:information|figures?|details|data|numbers)\b",
}


def _first(classes) -> When | None:
    dates = sorted(classes["statement"] + classes["own"] + classes["until"], key=lambda d: d.start)
    return When(dates[0].value, dates[0].precision) if dates else None


@dataclass
class _Credits:
    steps: list


def _drop_headline_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """Headline figures are kept only when the body does not state the same figure."""
    body_numbers = [c.quantity.number for c in candidates if c.quantity and not c.headline and c.quantity.number is not None]
    kept = []
    for candidate in candidates:
        if candidate.headline:
            if candidate.quantity is None:
                continue
            if any(_same_figure(candidate.quantity.number, n) for n in body_numbers):
                continue
        kept.append(candidate)
    return kept


# --- Saving ------------------------------------------------------------------------------------------

_PLACEHOLDERS = {
    UNATTRIBUTED_KEY: ("Unattributed (placeholder)",
                       "Placeholder claimant for statements extraction could not attribute; curators re-attribute them."),
    PROPOSED_SPEAKER_KEY: ("Proposed speaker (placeholder)",
                           "Placeholder for a speaker extraction proposed as a new actor: the drafts wait on it until "
                           "a curator confirms or merges the proposed actor (Proposed actors in the admin)."),
}
_GROUP_DESCRIPTION = "An unnamed group of people named only by what they are (created by extraction)."


def _actor_for(ref: ActorRef, run, cache: dict, by) -> Actor:
    key = PROPOSED_SPEAKER_KEY if ref.proposed else ref.key
    if key in cache:
        return cache[key]
    if ref.pk is not None and not ref.proposed:
        actor = Actor.objects.get(pk=ref.pk)
    else:
        actor = Actor.objects.filter(key=key).first()
        if actor is None:
            name, description = _PLACEHOLDERS.get(key, (ref.name, _GROUP_DESCRIPTION))
            kind = ActorKind.OTHER if key in _PLACEHOLDERS else ref.kind
            actor, _ = actor_upsert(key=key, values={"name": name, "kind": kind, "description": description},
                                    by=by, run=run, reason=_reason(run))
    cache[key] = actor
    return actor


def _reason(run) -> str:
    return f"import_article --extract run #{run.pk}" if run is not None else "import_article --extract"


def unsorted_proposition_key(document: Document) -> str:
    return f"{UNSORTED_PREFIX}{document.key}"[:150]


def candidates_save(*, document: Document, candidates: list[Candidate], run=None, by=None) -> dict[str, int]:
    """Write ``candidates`` as draft claims of ``document``, all or nothing; returns counts per record type.

    Each claim gets one Appearance quoting its sentence and its hops (one AttributionHop per actor, the
    step's number as its position: the actors of a parallel step share one); each number an Estimate (and
    an ``estimates`` stance) on the proposition ``unsorted-<document key>``; the further claimants of a
    coordinated statement become the claim's joint claimants (``JointClaimant``). A proposed speaker — a
    claimant, a joint claimant or a hop — is recorded as a pending ProposedActor and the draft waits on the
    placeholder ``proposed-speaker``; a candidate that re-reports an existing claim gets a *suggested*
    ``repeats`` relation to it, with the reason.

    Everything is written through the write services (``sources.services``, ``claims.services``) as ``by``
    (default: the system user ``factbase-import``): drafts in one batch, then their parts in one batch.
    """
    from .proposals import proposed_actor_record

    counts = {"claims": 0, "appearances": 0, "hops": 0, "estimates": 0, "actors": 0, "propositions": 0,
              "proposed_actors": 0, "rereports": 0, "joint_claimants": 0}
    if not candidates:
        return counts
    by = by or system_user()
    reason = _reason(run)
    with transaction.atomic():
        actors_before = Actor.objects.count()
        cache: dict[str, Actor] = {}
        proposals: dict[str, object] = {}
        proposition = None
        if any(c.quantity is not None for c in candidates):
            key = unsorted_proposition_key(document)
            proposition, outcome = proposition_upsert(key=key, values={
                "title": f"Unsorted numbers from {document.key}"[:300],
                "description": "Numbers extracted from the document, waiting for a curator to re-file them "
                               "onto the proposition they measure.",
                "kind": PropositionKind.QUANTITY, "unit": "unspecified",
            } if not Proposition.objects.filter(key=key).exists() else {}, by=by, run=run, reason=reason)
            counts["propositions"] += outcome == "created"
        taken = set(Claim.objects.filter(key__startswith=f"{document.key}-x").values_list("key", flat=True))
        number = 0
        language = base_language(document.language)

        def propose(ref: ActorRef, use: dict, context: str):
            proposal = proposed_actor_record(ref=ref, language=language, document=document, context=context, use=use)
            if proposal.pk not in proposals:
                proposals[proposal.pk] = proposal
                counts["proposed_actors"] += 1

        claims, rows, hop_uses = [], [], []
        for candidate in candidates:
            number += 1
            key = f"{document.key}-x{number:03d}"
            while key in taken:
                number += 1
                key = f"{document.key}-x{number:03d}"
            taken.add(key)
            claims.append(Claim(
                key=key, claimant=_actor_for(candidate.claimant, run, cache, by),
                kind=ClaimKind.ESTIMATE if candidate.quantity is not None else ClaimKind.STATEMENT,
                summary=candidate.summary, summary_language=language,
                stated_on=candidate.stated_on, stated_on_precision=candidate.stated_on_precision,
                hedge=candidate.hedge, status=ClaimStatus.DRAFT,
            ))
        claims_create(claims=claims, by=by, run=run, reason=reason, validate=FULL)
        counts["claims"] = len(claims)
        for claim, candidate in zip(claims, candidates):
            if candidate.claimant.proposed:
                propose(candidate.claimant, {"claim": claim.key, "role": "claimant"}, candidate.quote)
            appearance = Appearance(claim=claim, document=document, quote=candidate.quote,
                                    start=candidate.start, end=candidate.end)
            rows.append(appearance)
            relation = HopRelation.QUOTED_VERBATIM if candidate.quotations else HopRelation.REPORTED
            for position, step in enumerate(candidate.hops, start=1):
                # A step of parallel relays is one position holding several actors (the provenance model). Two
                # proposed relays of one step would both be the placeholder: one hop row stands for them, and
                # confirming the second adds its own hop at that step.
                used = set()
                shared = sum(1 for relay in step if relay.proposed) > 1
                for relay in step:
                    actor = _actor_for(relay, run, cache, by)
                    if relay.proposed:
                        hop_uses.append((relay, claim, appearance, position, candidate.quote, shared))
                    if actor.pk in used:
                        continue
                    used.add(actor.pk)
                    rows.append(AttributionHop(appearance=appearance, position=position, actor=actor,
                                               relation=relation, language=language))
            if candidate.quantity is not None:
                quantity = candidate.quantity
                rows.append(ClaimStance(claim=claim, proposition=proposition, stance=Stance.ESTIMATES))
                rows.append(Estimate(
                    claim=claim, proposition=proposition, value=quantity.value, lower=quantity.lower,
                    upper=quantity.upper, qualifier=quantity.qualifier, wording=quantity.wording[:300],
                    as_of=candidate.as_of, as_of_precision=candidate.as_of_precision,
                ))
            if candidate.match is not None:
                rows.append(ClaimRelation(
                    source=claim, target_id=candidate.match.claim_pk, kind=RelationKind.REPEATS,
                    state=RelationState.SUGGESTED, rationale=candidate.match.reason[:2000],
                    suggested_by="import_article --extract",
                ))
        parts_add(parts=rows, by=by, run=run, reason=reason, new_claim_ids={c.pk for c in claims}, validate=FULL)
        for relay, claim, appearance, position, quote, shared in hop_uses:
            use = {"claim": claim.key, "appearance": appearance.pk, "position": position, "role": "hop"}
            propose(relay, {**use, "shared": True} if shared else use, quote)
        for claim, candidate in zip(claims, candidates):
            counts["joint_claimants"] += _joint_claimants_save(claim, candidate, run, cache, by, reason, propose)
        for model, name in ((Appearance, "appearances"), (AttributionHop, "hops"), (Estimate, "estimates"),
                            (ClaimRelation, "rereports")):
            counts[name] = sum(isinstance(row, model) for row in rows)
        counts["actors"] = Actor.objects.count() - actors_before
    return counts


def _joint_claimants_save(claim: Claim, candidate: Candidate, run, cache: dict, by, reason: str, propose) -> int:
    """The candidate's further claimants as the draft's joint claimants, in the order written; returns how many.

    A partner that is a proposed actor is recorded as one (``role: joint_claimant``, with its place among the
    claimants) and waits on the placeholder ``proposed-speaker`` — unless the placeholder already stands for
    the lead claimant or another partner (a claim names an actor once): confirming or merging the proposal
    then adds the actor at its place.
    """
    further = candidate.claimants[1:]
    if not further:
        return 0
    actors, seen = [], {claim.claimant_id}
    for place, ref in enumerate(further, start=2):
        actor = _actor_for(ref, run, cache, by)
        if ref.proposed:
            propose(ref, {"claim": claim.key, "role": "joint_claimant", "place": place}, candidate.quote)
        if actor.pk in seen:
            continue
        seen.add(actor.pk)
        actors.append(actor)
    if not actors:
        return 0
    claim_joint_claimants_set(claim=claim, actors=actors, by=by,
                              reason=f"joint claimants: named with the claimant in the text ({reason})"[:100])
    return len(actors)


def _relaying_person(found) -> ActorRef | None:
    """Fifteenth session: the person who speaks in a sentence whose claimant is the unnamed sources he relays (the last
    relay, by ``chains.briefed_speakers``), when the claimant is the unnamed group."""
    if found.claimant is None or found.claimant.kind != ActorKind.UNNAMED_GROUP or not found.relays:
        return None
    last = found.relays[-1]
    return last if last.kind == ActorKind.PERSON and last != CATAPHOR else None


def _named_next(words: list[str], named: ActorRef, candidates: list, language: str) -> None:
    """Issue 15, twelfth session (rule 3 of ``attribution.descriptions``): the candidates credited to an indefinite
    description still waiting (``cataphor:<words>``) are the actor now introduced with words covering it."""
    for candidate in candidates:
        ref = candidate.claimant
        if ref is None or not ref.key.startswith("cataphor:") or ref == CATAPHOR:
            continue
        if covers(ref.key.split(":", 1)[1].split(), words, language):
            candidate.claimant, candidate.claimants = named, [named]
            candidate.summary = _summary(named, candidate.quote, candidate.quantity)


def _described_body_named(named, candidates: list, language: str) -> None:
    """Round 12: a body described in lower case the first time it speaks ("…, the disaster management office says", proposed
    as written) and named by its proper name afterwards ("the National Bureau for Risk and Disaster Management (BNGRC)
    said"), every word describing it being in that name: the figures given to the description are the named body's.
    Issue 15, twelfth session: in every language with capitals, the words compared by stem (``descriptions.covers``)."""
    if language not in ("el", "en", "ru") or named.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR) or named.is_media \
            or named.name == named.name.lower():
        return
    named_words = folded(named.name).split()
    for candidate in candidates:
        ref = candidate.claimant
        if ref is None or ref == named or not ref.proposed or ref.kind != ActorKind.GOVERNMENT_AGENCY \
                or ref.name != ref.name.lower():
            continue
        words = folded(ref.name).split()
        modifiers = words[:-1] if language == "en" else words[1:]  # the head is the last word in English, else the first
        if len(words) >= 2 and covers(modifiers, named_words, language):
            candidate.claimant, candidate.claimants = named, [named]
            candidate.summary = _summary(named, candidate.quote, candidate.quantity)


# Sixteenth session: the head nouns of a Korean body or camp described rather than named ("국제인권단체", "반군부 진영").
_KO_DESCRIBED_HEADS = ("단체", "진영", "기구", "세력", "조직")


def _ko_described_named_next(found, sentence: str, previous: list) -> None:
    """Sixteenth session: "…고 국제인권단체가 밝혔다. 영국에 본부를 둔 인권단체 시리아인권관측소는 …": a body the sentence
    before described by a compound ending in a head noun ("단체", "진영") and proposed as written is the body this
    sentence's speaker is introduced as — one of the three words before its name ends with the same head ("인권단체",
    "민주진영 임시정부인")."""
    claimant = found.claimant
    if claimant.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR, ActorKind.COUNTRY) or claimant.is_media:
        return
    agent = next((c.agent for c in found.cues if c.agent is not None and c.agent.ref == claimant
                  and c.agent.how in ("name", "proposed", "descriptor")), None)
    if agent is None:
        return
    written = sentence[:agent.start]
    if written.endswith("("):
        written = re.sub(r"\S*\($", "", written)  # the name in another script in brackets: the words before its name
    # (the words proposed with the name, "구호단체 국경구호연맹", introduce it too)
    before = re.split(r"[,.\"“”()]", written)[-1].split()[-3:] + claimant.name.split()[:-1]
    heads = {head for word in before for head in _KO_DESCRIBED_HEADS if re.sub(r"(?:인|의)$", "", word).endswith(head)}
    for candidate in previous:
        ref = candidate.claimant
        if ref is None or not ref.proposed or ref == claimant or ref.kind in (ActorKind.PERSON, ActorKind.LEGISLATOR):
            continue
        last = ref.name.split()[-1] if ref.name.split() else ""
        if any(last.endswith(head) for head in heads):
            candidate.claimant, candidate.claimants = claimant, [claimant]
            candidate.summary = _summary(claimant, candidate.quote, candidate.quantity)


def _en_referred_back(sentence: str, quantity, candidates: list) -> bool:
    """Round 12: "in addition to the 117 Rohingya", "the 29 victims": a number in figures right after the definite article,
    the same as a figure the document stated before, refers back to that count (as "the two leaders" does in words)."""
    if quantity.qualifier != "exact" or not re.search(r"(?<![\w-])the\s+$", sentence[max(0, quantity.start - 5):quantity.start],
                                                      re.IGNORECASE):
        return False
    value = quantity.value if quantity.value is not None else quantity.lower
    return any(c.kind == "estimate" and c.quantity is not None
               and (c.quantity.value if c.quantity.value is not None else c.quantity.lower) == value for c in candidates)


def _ko_referred_back(sentence: str, quantity, candidates: list) -> bool:
    """Round 10: "사망자 114명 중 63명이 어린이" (of the 114 dead, 63 were children): a count the document stated before,
    taken up again as the whole a part is counted out of ("중", "가운데"), is no new figure."""
    if not re.match(r"\s?(?:여\s?)?(?:명|구|가구|세대)?\s+(?:중|가운데)(?:\s|에서|에는|엔)", sentence[quantity.end:]):
        return False
    value = quantity.value if quantity.value is not None else quantity.lower
    return any(c.kind == "estimate" and c.quantity is not None
               and (c.quantity.value if c.quantity.value is not None else c.quantity.lower) == value for c in candidates)
