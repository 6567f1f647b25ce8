"""Who speaks inside a quotation: a source named by an attribution phrase opening it, and the subject of the
clause right before it."""

import re

from sources.models import ActorKind

from .. import cues as C
from ..actors import ActorRef, normalised
from ..hops import Beside
from .arabic import words_of_the_cited
from .clauses import _not_countries
from .cuefinding import _inside, find_cues
from .media import _ko_told, _quoted_by_relay, _relay_objects, broadcast_by
from .state import Cue, DocumentState, _carries, _Item


# round 10: an English quotation opening with a name (and its apposition) and a reporting verb
_EN_REPORTING_OPENING = re.compile(r"\s*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)(?:\s*,[^,\"“”]{2,80},)?\s+"
                                   r"(?:confirms|confirmed|says|said|reports|reported|announces|announced|states|stated)"
                                   r"\s+(?:that\s+)?")
_EN_NO_SOURCE = {"The", "We", "I", "It", "They", "He", "She", "Our", "This", "That", "You", "Everyone", "Nobody"}


def _quoted_source(sentence: str, q_start: int, q_end: int, state: DocumentState) -> ActorRef | None:
    """The known actor an attribution phrase that opens a quotation names ("«По данным МЧС, …»", "“According to the
    ministry, …”"): the source of the quotation's figures."""
    inner = sentence[q_start + 1:q_end - 1]
    if state.language == "en":
        clause = _EN_REPORTING_OPENING.match(inner)
        if clause and clause.group(1).split()[0] not in _EN_NO_SOURCE:
            # round 10: a quotation that is itself a report ("“Attaullah Khogyani, spokesman for the Nangarhar
            # governor, confirms that 62 people were killed …,” TOLO News said"): its subject is the figures' source;
            # whoever says the quotation relays it
            from .proposing import _proposed

            named = [m for m in state.index.mentions(clause.group(1), "en") if m.via != "group"]
            return named[0].actor if named else _proposed(state, clause.group(1), "")
    opening = [c for c in find_cues(inner, state.language, []) if c.role == C.ACCORDING and c.start <= 3]
    if not opening:
        return None
    cue = opening[0]
    comma = re.search(r"[,،]", inner[cue.end:])
    span = inner[cue.end:cue.end + comma.start()] if comma else inner[cue.end:cue.end + 40]
    named = [m for m in state.index.mentions(span, state.language) if m.via != "group" and m.actor.kind != ActorKind.COUNTRY]
    return named[0].actor if named and len(span.split()) <= 6 else None


def _surname_again(agent, sentence: str, speaker: ActorRef | None) -> bool:
    """Round 8: a person named again by the surname alone ("— сообщил Горелкин" after "заявил … Антон Горелкин"): the
    same speaker going on, through the relays of his last statement."""
    if speaker is None or speaker.kind not in (ActorKind.PERSON, ActorKind.LEGISLATOR) or agent.ref != speaker:
        return False
    written = sentence[agent.start:agent.end].split()
    return len(written) == 1 and len(speaker.name.split()) > 1


def _title_going_on(cue: Cue, after: list[Cue], sentence: str, language: str) -> bool:
    """Round 10: a Russian quotation closed by a verb whose subject is a title alone ("«…», — уточнила министр" after
    "Савинова сообщила «РИА Новости», что …"): the person just named going on, through the relays of that statement, as a
    pronoun would ("— уточнила она"); a title with a time of its own ("ранее", "позднее") is another statement."""
    return (language == "ru" and bool(after) and cue is after[0] and cue.agent.how == "anaphor"
            and cue.agent.wanted == "person" and not re.search(r"(?<!\w)(?:ранее|позднее|позже|накануне|вчера)(?!\w)",
                                                               sentence[cue.start:], re.IGNORECASE))


def _clause_subject(cue: Cue, position: int, sentence: str, named_before: list[_Item], language: str) -> ActorRef | None:
    """The actor named right before ``position`` as the subject of the clause a complementizer opens after
    ``cue`` ("reported that the ministry “…”"), when it is no medium."""
    complementizers = C.COMPLEMENTIZERS.get(language, ())
    subject = [i for i in named_before if i.start > cue.end and not i.ref.is_media and not sentence[i.end:position].strip()]
    if not subject or not complementizers:
        return None
    opening = rf"(?<!\w)(?:{'|'.join(map(re.escape, complementizers))})(?!\w)"
    return subject[-1].ref if re.search(opening, sentence[cue.end:subject[-1].start]) else None


def _quote_speakers(sentence: str, quotes, cues: list[Cue], items: list[_Item], claimant: ActorRef | None,
                    relays: list[ActorRef], relay_cues: list[Cue], state: DocumentState):
    language = state.language
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
        citing = [c for c in cues if c.role == C.CITING and c.end <= q_start and c.object_agent and c.object_agent.ref]
        if language == "ar" and claimant is not None and words_of_the_cited(sentence, q_start, cues):
            speaker, q_relays = claimant, list(relays)  # round 8: "ونقل موقع X عن المنظمة قولها: “…”"
        elif citing and (speaker is None or speaker.is_media) and citing[-1].object_agent.ref != speaker:
            # round 8: 'CNN은 주정부 소식통을 인용해 "…347명…"고 보도했다': the source cited before the quotation speaks in
            # it; the medium citing it relays it
            citer = citing[-1].agent.ref if citing[-1].agent else None
            speaker, q_relays = citing[-1].object_agent.ref, [citer] if citer is not None else []
            q_relays += [ref for ref in citing[-1].through if ref not in q_relays]  # sixteenth session: the medium cited
        elif language == "ar" and (speaker is None or speaker.is_media):
            # round 10: "أفاد مراسل RT نقلا عن مصدر أمني بأن “…”": the source cited after "نقلا عن" speaks in the
            # quotation; the medium (or its correspondent) that reports it relays it
            reported = earlier[-1].end if earlier else q_start  # "نقلا عن" after the reporting verb, not before it
            cited = [c for c in cues if c.role == C.CITING and c.phrase.endswith("عن") and reported <= c.start
                     and c.end <= q_start and c.agent and c.agent.ref and not c.agent.ref.is_media]
            reporter = speaker if speaker is not None else (
                earlier[-1].agent.ref if earlier and earlier[-1].agent.ref.is_media else None)
            if cited:
                speaker, q_relays = cited[-1].agent.ref, [reporter] if reporter is not None else []
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
        if language == "ko":
            # round 10: "로이터와의 인터뷰에서 "…"고 말했다": the medium interviewing the speaker relays the quotation
            q_relays += [ref for ref in _ko_told(sentence, items, state) if ref != speaker and ref not in q_relays]
        if not q_relays and near and near[0].agent and (_carries(near[0].agent) or _surname_again(near[0].agent, sentence, speaker)
                                                         or _title_going_on(near[0], after, sentence, language)):
            q_relays = state.relays_of(speaker)
        # round 8: "…, — сказал он на пресс-конференции, которую транслировал телеканал Globo": the broadcaster passed
        # the words on after whatever the speaker's statement came through
        q_relays += [ref for ref in broadcast_by(sentence, items, state) if ref != speaker and ref not in q_relays]
        for ref in [c.agent.ref for c in cues if c.role == C.ACCORDING and c.agent and c.agent.ref
                    and c.agent.ref != speaker and c.agent.ref not in q_relays]:
            # sixteenth session: with the media named together with it, side by side ("AFP·로이터 통신에 따르면 X는
            # "…"고 밝혔다"), as the sentence's relays hold them
            q_relays += [r for r in _side_by_side(ref, relays) if speaker is None or r.key != speaker.key]
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
    return quote_speakers


def _side_by_side(ref: ActorRef, relays: list[ActorRef]) -> list[ActorRef]:
    """Sixteenth session: ``ref`` with the relays of its step among the sentence's ``relays`` (one relay, then those marked
    ``Beside`` it), in their order; ``ref`` alone when it is not among them."""
    steps: list[list[ActorRef]] = []
    for relay in relays:
        if isinstance(relay, Beside) and steps:
            steps[-1].append(relay)
        else:
            steps.append([relay])
    step = next((step for step in steps if any(r.key == ref.key for r in step)), None)
    return step if step is not None and len(step) > 1 else [ref]
