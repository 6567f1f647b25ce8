"""Chains: a briefing ("according to lawmaker X, who was briefed by Y") makes the briefer the origin and the
one briefed a relay; the claimant of a sentence's figures and the relays they came through."""

import re

from ..actors import ActorRef, folded
from ..hops import Beside
from .korean import ko_parallel_media
from .names import _titles
from .state import Cue, DocumentState, _carries, _Item


_BRIEFED_BY = {
    "en": r"\b(?:(?:who|which)\s+(?:was|were|had been)\s+)?briefed\s+by\s+|\bbriefing\s+(?:by|from)\s+",
    "ko": r"(?:으로부터|로부터|에게서)\s+(?:비공개\s+)?(?:보고|브리핑)",
    "el": r"ενημερώθηκε\s+από\s+|ενημέρωση\s+από\s+",
    "ru": r"брифинг\w*\s+(?:от|у)\s+",
    "ar": r"إحاطة\s+من\s+|أطلعه\w*\s+",
}


def _claimant_and_relays(sentence: str, state: DocumentState, speech: list[Cue], according: list[Cue],
                         citing: list[Cue], relay_cues: list[Cue], relay_objects: list[ActorRef]):
    """The claimant of the figures outside quotations and the relays they came through: the object of a citing
    cue, else the nearest reporting verb's agent (a medium only relaying it), else the *according to* source;
    media told and relaying verbs are relays; a source referred back to keeps the relays it came through."""
    claimant: ActorRef | None = None
    relays: list[ActorRef] = []
    non_media_speech = [c for c in speech if not c.agent.ref.is_media and c.agent.ref != state.narrator]
    if citing and non_media_speech and citing[0].agent and citing[0].agent.ref and citing[0].agent.ref.is_media \
            and not (citing[0].object_agent and citing[0].object_agent.ref):
        # "X said on Sunday, Trend reports citing TASS": X speaks; the cited medium and its citer relay it.
        claimant = non_media_speech[0].agent.ref
        # round 12: "Как сообщает ТАСС со ссылкой на телеканал BFMTV, МВД Франции привело данные": the medium the
        # sentence opens with ("как сообщает", an attribution phrase) passes on the one it cites, nearest the document
        opening = [c.agent.ref for c in according if c.end <= citing[0].start and c.agent.ref.is_media
                   and c.agent.ref != claimant] if state.language == "ru" else []
        relays += opening + [citing[0].agent.ref] + [c.agent.ref for c in speech if c.agent.ref.is_media
                                                     and c.agent.ref != claimant]
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
    elif speech and (reported := _reported_speaker(sentence, speech, state.language)) is not None:
        # round 10: "Το OCHA επισημαίνει πως οι τοπικές αρχές μετρούσαν 2.900 τραυματίες": the speaker of the reported
        # clause counts the figures; the one reporting it relays them
        claimant, outer = reported
        relays.append(outer)
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
    if state.language == "ko":
        # round 8: "로이터, AP 통신에 따르면": the media named together relay it side by side, in one step
        for cue in according:
            ref = cue.agent.ref
            together = [r for r in ko_parallel_media(sentence, cue.agent, state) if r != claimant and r not in relays] \
                if ref.is_media and ref in relays else []
            if together:
                at = relays.index(ref)
                relays[at:at + 1] = [together[0], *[Beside(**vars(r)) for r in (*together[1:], ref)]]
    carried_from = [c for c in speech + according if c.agent.ref == claimant and (
        _carries(c.agent) or _going_on(c, sentence, state))]
    # round 12: a source the sentence introduces afresh ("حسبما أعلن مصدر أمني، الذي أضاف", "an official said") is a
    # statement of its own: a verb without subject after it goes on with this one, not with the last one's relays
    introduced = [c for c in speech + according if c.agent.ref == claimant and c.agent.how == "group"]
    if claimant is not None and carried_from and not relays and not introduced:
        relays = state.relays_of(claimant)
    if state.language == "en" and claimant is not None and not relays and any(
            c.agent.ref == claimant and _en_surname_again(c.agent, sentence) for c in speech + according):
        relays = state.relays_of(claimant)  # round 12: "…, Roy added." after "…, Abhishek Roy … told Reuters."
    if state.language == "ko" and claimant is not None and not relays and any(
            c.agent.ref == claimant and _ko_shorter_name(c.agent, sentence) for c in speech + according):
        relays = list(state.relays_by_source.get(claimant.key, []))  # round 10: "국영TV는" after "미얀마 국영TV는"
    if state.language == "ko" and claimant is not None and relays:
        state.relays_by_source[claimant.key] = list(relays)
    return claimant, relays


# Round 12: a time of its own makes a statement another one ("في وقت سابق", "سابقا", "لاحقا", "قبل ذلك").
_AR_OWN_TIME = r"(?<!\w)(?:في\s+وقت\s+(?:سابق|لاحق)|سابقا|سابقاً|لاحقا|لاحقاً|قبل\s+ذلك|أمس|امس)(?!\w)"


def _going_on(cue: Cue, sentence: str, state: DocumentState) -> bool:
    """Round 12 (Arabic): the speaker of the last statement going on — named again by the last word(s) of his name
    alone ("وأوضح خوجيانى" after "المتحدث … عطاء الله خوجيانى لوكالة فرانس برس"), or by his title alone, definite
    ("وأكد المتحدث", "وقال المسؤول"), with no time of its own — keeps the relays that statement came through, as a
    verb without subject does. A title with his name again re-introduces him (no relay kept)."""
    if state.language != "ar" or cue.agent is None or cue.agent.ref is None:
        return False
    agent, ref = cue.agent, cue.agent.ref
    if re.search(_AR_OWN_TIME, sentence):
        return False
    written = sentence[agent.start:agent.end].split()
    if agent.how == "anaphor" and agent.wanted == "person":
        return len(written) == 1
    if agent.how == "proposed" and ref.proposed and len(written) == 1:
        return len(ref.name.split()) > 1 or ref == state.last_relays_for
    return False


def _reported_speaker(sentence: str, speech: list[Cue], language: str) -> tuple[ActorRef, ActorRef] | None:
    """Round 10 (Greek): a reporting verb whose subject stands inside the clause another reporting verb opens with "ότι"
    / "πως" ("X σημειώνει πως οι αρχές μετρούσαν …", "X μεταδίδει ότι η αστυνομία ανακοίνωσε …"), with the figures after
    that subject: (the inner verb's subject, the outer verb's subject) — the inner one speaks, the outer one relays."""
    if language != "el":
        return None
    from ..numbers import read_quantity
    figures = [q.start for q in read_quantity(sentence, language=language)]
    for outer in speech:
        opening = re.match(r"\s*(?:(?:σήμερα|χθες|επίσης)\s+)?(?:ότι|πως)\s", sentence[outer.end:])
        if not opening or outer.agent.start > outer.start and outer.agent.start >= outer.end and \
                outer.agent.start < outer.end + opening.end():
            continue
        clause = outer.end + opening.end()
        for inner in speech:
            if inner is outer or inner.start < clause or inner.agent.how in ("dropped", "anaphor") \
                    or not clause <= inner.agent.start < inner.start or inner.agent.ref == outer.agent.ref:
                continue
            if figures and min(figures) > inner.agent.start and not re.search(r"[.;«»“”]", sentence[clause:inner.start]):
                return inner.agent.ref, outer.agent.ref
    return None


def _en_surname_again(agent, sentence: str) -> bool:
    """Round 12: a person proposed under a full name and named again by the surname alone ("Roy added" after "Abhishek
    Roy … told Reuters") is the same source going on, through the relays it last spoke through."""
    ref = agent.ref
    if ref is None or not ref.proposed or ref.kind != "person":
        return False
    written = sentence[agent.start:agent.end].strip()
    words = ref.name.split()
    return " " not in written and len(words) >= 2 and words[-1] == written


def _ko_shorter_name(agent, sentence: str) -> bool:
    """Round 10: a Korean source named again by a shorter form of its name — its last words ("국영TV는" after "미얀마
    국영TV는", "트라오레는" after "살리프 트라오레") — is the same source going on, through the relays it last spoke
    through (as a pronoun or a dropped subject does)."""
    ref = agent.ref
    if ref is None or not ref.proposed:
        return False
    written = re.sub(r"(?:은|는|이|가|도|측은|측이)$", "", sentence[agent.start:agent.end].strip()).replace(" ", "")
    name = ref.name.replace(" ", "")
    return 2 <= len(written) < len(name) and name.endswith(written)


def _briefed(sentence: str, items: list[_Item], claimant: ActorRef | None, relays: list[ActorRef], language: str):
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
    return claimant, relays
