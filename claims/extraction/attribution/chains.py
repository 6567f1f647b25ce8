"""Chains: a briefing ("according to lawmaker X, who was briefed by Y") makes the briefer the origin and the
one briefed a relay; the claimant of a sentence's figures and the relays they came through."""

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .. import cues as C
from ..actors import ActorRef, folded
from ..hops import Beside
from .korean import ko_parallel_media
from .english import lay_group
from .names import _EL_PLACE_NOUN, _titles
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
    if citing and (chain := _source_through_citing(citing[0], speech, according, relay_cues)) is not None:
        # Fourteenth session: "…, according to X, Reuters reports, citing RIA": X said it; the medium citing and the
        # medium cited relay it, nearest the document first (the inner "citing" is no source)
        claimant, relays = chain
    elif citing and non_media_speech and citing[0].agent and citing[0].agent.ref and citing[0].agent.ref.is_media \
            and not (citing[0].object_agent and citing[0].object_agent.ref):
        # "X said on Sunday, Trend reports citing TASS": X speaks; the cited medium and its citer relay it.
        claimant = non_media_speech[0].agent.ref
        # round 12: "Как сообщает ТАСС со ссылкой на телеканал BFMTV, МВД Франции привело данные": the medium the
        # sentence opens with ("как сообщает", an attribution phrase) passes on the one it cites, nearest the document
        # Twelfth session: in every language, and whatever cue opens it ("As TASS reports citing BFMTV", "Όπως μεταδίδει
        # το ΤΑΣΣ επικαλούμενο το BFMTV"): the outer frame is the nearer the document.
        opening = [c.agent.ref for c in sorted(according + relay_cues + speech, key=lambda c: c.start)
                   if c.end <= citing[0].start and c.agent.ref.is_media and c.agent.ref != claimant]
        relays += opening + [citing[0].agent.ref] + [c.agent.ref for c in speech if c.agent.ref.is_media
                                                     and c.agent.ref != claimant and c.agent.ref not in opening]
    elif citing and (inner := _inner_speaker(citing[0], speech, according, sentence, state.language)) is not None:
        # Twelfth session: a medium citing another frames the clause after it, whose own speaker is the claimant
        # ("타스통신이 BFMTV를 인용해 보도한 바에 따르면 로랑 모렐 경찰청장은 … 밝혔다"): the citer, then the cited, relay it.
        claimant = inner
        cue = citing[0]
        cited = next((c.agent.ref for c in according if abs(c.agent.start - cue.object_agent.start) <= 2),
                     cue.object_agent.ref)  # the same name read by the "according to" cue: the registry's actor
        relays += [ref for ref in (cue.agent.ref, cited) if ref != claimant]
        relays += [c.agent.ref for c in according if c.agent.ref.is_media and c.agent.ref not in relays
                   and c.agent.ref != claimant]
    elif citing:
        cue = citing[0]
        if cue.object_agent and cue.object_agent.ref:  # X cited Y as saying
            claimant = cue.object_agent.ref
            if cue.agent and cue.agent.ref:
                relays.append(cue.agent.ref)
            relays += [ref for ref in cue.through if ref != claimant and ref not in relays]
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
        if according and non_media and state.language == "en" and lay_group(according[0].agent.ref) \
                and not lay_group(non_media[0].agent.ref):
            # sixteenth session: "The boat, according to survivors, had about 140 people on board, Di Giacomo said": the
            # speaker who passes on what survivors, witnesses or residents told him asserts it; they are no actor and
            # no step of a chain
            claimant = non_media[0].agent.ref
            relays += [c.agent.ref for c in speech if c.agent.ref.is_media and c.agent.ref != claimant]
        elif according and non_media and not according[0].agent.ref.is_media and according[0].end <= non_media[0].start \
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
        _carries(c.agent) and not _named_again_later(c, sentence, state) or _going_on(c, sentence, state))
        and not _own_data(c, sentence, state.language)]
    # round 12: a source the sentence introduces afresh ("حسبما أعلن مصدر أمني، الذي أضاف", "an official said") is a
    # statement of its own: a verb without subject after it goes on with this one, not with the last one's relays
    introduced = [c for c in speech + according if c.agent.ref == claimant and c.agent.how == "group"]
    if claimant is not None and carried_from and not relays and not introduced:
        relays = state.relays_of(claimant)
    if state.language == "ko" and claimant is not None and not relays and any(
            c.agent.ref == claimant and _ko_shorter_name(c.agent, sentence) and not _named_again_later(c, sentence, state)
            for c in speech + according):
        relays = list(state.relays_by_source.get(claimant.key, []))  # round 10: "국영TV는" after "미얀마 국영TV는"
    if state.language == "ko" and claimant is not None and relays:
        state.relays_by_source[claimant.key] = list(relays)
    return claimant, relays


# Sixteenth session: "согласно данным организации", "по данным ведомства" (by the body's data): the body's published
# figures, read by the writer, not its statement passed on again by the medium that relayed it before.
_OWN_DATA = {"ru": re.compile(r"\s*(?:последним\s+|официальным\s+|обновл[её]нным\s+)?(?:данным|статистике|подсч[её]там)\s+$")}


def _own_data(cue: Cue, sentence: str, language: str) -> bool:
    """Sixteenth session: whether ``cue`` attributes figures to the data of the body referred back to (``_OWN_DATA``)."""
    pattern = _OWN_DATA.get(language)
    return bool(pattern and cue.role == C.ACCORDING and cue.agent.start >= cue.end
                and pattern.fullmatch(sentence[cue.end:cue.agent.start]))


# A time of its own makes a statement another one (round 12 in Arabic: "في وقت سابق", "سابقا", "لاحقا", "قبل ذلك"; the
# twelfth session in every language: "earlier", "νωρίτερα", "ранее", "앞서").
_AR_OWN_TIME = r"(?<!\w)(?:في\s+وقت\s+(?:سابق|لاحق)|سابقا|سابقاً|لاحقا|لاحقاً|قبل\s+ذلك|أمس|امس)(?!\w)"
_OWN_TIME = {
    "ar": _AR_OWN_TIME,
    "en": r"(?<!\w)(?:earlier|later|previously|yesterday|before\s+that)(?!\w)",
    "el": r"(?<!\w)(?:νωρίτερα|αργότερα|προηγουμένως|χθες)(?!\w)",
    "ru": r"(?<!\w)(?:ранее|позже|позднее|накануне|вчера|до\s+этого)(?!\w)",
    "ko": r"(?:앞서|이후|전날|어제|나중에|이에\s+앞서)",
}
# The article before a title or a surname ("the spokesman", "ο Νάσερ") and the particle after it ("나세르는").
_ARTICLES = r"^(?:the|ο|η|οι)\s+"
_KO_PARTICLES = r"(?:은|는|이|가|도)$"


def _own_time(cue: Cue, sentence: str, language: str) -> bool:
    """Whether the statement itself has a time word ("Later, Nasser said", "Nasser said later", "وأضاف ناصر أمس"): one
    in the reporting clause — up to the verb and its speaker and the two words after them — not one of what is
    reported ("Berglund added that 9 people were killed yesterday"). Korean puts its verb last: the whole sentence."""
    if language != "ko":
        end = max(cue.end, cue.agent.end if cue.agent is not None else cue.end)
        after = re.match(r"(?:\s*\S+){0,2}", sentence[end:])
        if language in _OWN_TIME:
            return _time_word_before(sentence, end + after.end(), language)
        sentence = sentence[:end] + after.group(0)
    elif language in _OWN_TIME:
        return _time_word_before(sentence, len(sentence), language)
    return bool(re.search(_OWN_TIME.get(language, r"$^"), sentence, re.IGNORECASE))


def _time_word_before(sentence: str, stop: int, language: str) -> bool:
    """Fifteenth session: ``re.search(_OWN_TIME[language], sentence[:stop])``, tried only where a time word starts in
    the sentence (found once per sentence): the clause up to each verb of a sentence was searched again at every verb.
    (A time word cut by ``stop`` starts there too; its end is tried as the cut text's end.)"""
    pattern = _OWN_TIME_WORD[language]
    for position in _time_starts(sentence, language):
        if position >= stop:
            return False
        if pattern.match(sentence, position, stop):
            return True
    return False


_OWN_TIME_WORD = {language: re.compile(pattern, re.IGNORECASE) for language, pattern in _OWN_TIME.items()}


@lru_cache(maxsize=16)
def _time_starts(sentence: str, language: str) -> list[int]:
    pattern = _OWN_TIME[language]
    core = pattern[:-len(r"(?!\w)")] if pattern.endswith(r"(?!\w)") else pattern  # (the cut text's end is no letter)
    return [m.start() for m in re.finditer(rf"(?=(?:{core}))", sentence, re.IGNORECASE)]


def _named_again_later(cue: Cue, sentence: str, state: DocumentState) -> bool:
    """A source named again by a name (not a pronoun, not a verb without subject) in a statement with a time of its own
    ("이후 베리룬드는 … 말했다"): another statement, which keeps no relay of the last one."""
    agent = cue.agent
    return agent.how in ("anaphor", "proposed") and not agent.pronoun and agent.start < agent.end \
        and _own_time(cue, sentence, state.language)


def _going_on(cue: Cue, sentence: str, state: DocumentState) -> bool:
    """The speaker of the last statement going on — named again by the last word of his name alone ("وأوضح خوجيانى",
    "Nasser added", "Ο Νάσερ πρόσθεσε", "Насер добавил", "나세르는 … 덧붙였다"), or by his title alone, definite
    ("وأكد المتحدث", "Начальник добавил"), with no time of its own — keeps the relays that statement came through, as a
    verb without subject does. A title with his name again re-introduces him (no relay kept). Round 12 in Arabic;
    every language since the twelfth session."""
    if cue.agent is None or cue.agent.ref is None:
        return False
    agent, ref = cue.agent, cue.agent.ref
    if _own_time(cue, sentence, state.language):
        return False
    written = re.sub(_ARTICLES, "", sentence[agent.start:agent.end].strip(), flags=re.IGNORECASE)
    if state.language == "ko":
        written = re.sub(_KO_PARTICLES, "", written)
    written = written.split()
    if agent.how == "anaphor" and agent.wanted == "person":
        return len(written) == 1
    if agent.how == "proposed" and ref.proposed and len(written) == 1:
        return len(ref.name.split()) > 1 or ref == state.last_relays_for
    return False


def _citing_pair(cue: Cue, speech: list[Cue], relay_cues: list[Cue]) -> tuple[ActorRef | None, ActorRef | None]:
    """(the one citing, the one cited) of a citing cue: its agent and object ("نقلت رويترز عن ريا", "로이터가 리아를
    인용해"), or, when it has no object, its agent is the one cited ("Reuters reported, citing RIA", "μεταδίδει το
    Reuters, επικαλούμενο το RIA", "передает Reuters со ссылкой на РИА") and the medium of the nearest reporting or
    relaying verb before it cites."""
    if cue.object_agent is not None and cue.object_agent.ref is not None:
        return (cue.agent.ref if cue.agent is not None else None), cue.object_agent.ref
    cited = cue.agent.ref if cue.agent is not None else None
    before = [c for c in speech + relay_cues if c.start < cue.start and c.agent.ref.is_media and c.agent.ref != cited]
    return (max(before, key=lambda c: c.start).agent.ref if before else None), cited


def _source_through_citing(cue: Cue, speech: list[Cue], according: list[Cue],
                           relay_cues: list[Cue]) -> tuple[ActorRef, list[ActorRef]] | None:
    """Fourteenth session: a source named by an *according to* phrase, no medium, beside a medium citing another medium
    ("…, σύμφωνα με το υπουργείο Άμυνας, μεταδίδει το Reuters, επικαλούμενο το RIA", "по данным Минобороны, передает
    Reuters со ссылкой на РИА Новости", "국방부에 따르면 … 로이터가 리아노보스티를 인용해 보도했다"): the source is the
    claimant; the one citing, then the one cited, relay it. None when the sentence is of another shape."""
    citer, cited = _citing_pair(cue, speech, relay_cues)
    if citer is None or cited is None or not citer.is_media or not cited.is_media:
        return None
    sources = [c.agent.ref for c in according if not c.agent.ref.is_media and c.agent.ref not in (citer, cited)
               and c.agent.how != "dropped"]
    if not sources:
        return None
    return sources[0], [citer, cited]


def _inner_speaker(cue: Cue, speech: list[Cue], according: list[Cue], sentence: str, language: str) -> ActorRef | None:
    """The speaker of the clause a citing frame encloses: a reporting verb after the frame, whose agent is no medium and
    stands after the frame's own cues, when the frame's agent and object are media ("X cited Y as saying" keeps Y)."""
    if not (cue.agent and cue.agent.ref and cue.agent.ref.is_media and cue.object_agent and cue.object_agent.ref
            and cue.object_agent.ref.is_media):
        return None
    from ..numbers import read_quantity

    frame_end = max([cue.end] + [c.end for c in according if c.agent.ref in (cue.agent.ref, cue.object_agent.ref)])
    figures = [q.start for q in read_quantity(sentence, language=language) if q.start >= frame_end]
    if not figures:
        return None  # the figures stand before the frame ("23 were arrested, TASS reported citing BFMTV, …"): it frames none
    # the subject of the figures' own clause, before them
    inner = [c for c in speech if c.start > frame_end and not c.agent.ref.is_media
             and c.agent.how not in ("anaphor", "dropped") and c.agent.start >= frame_end
             and c.agent.end <= min(figures)]
    return inner[0].agent.ref if inner else None


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


# Issue 15, twelfth session: attribution frames in one structure. A statement given *to* someone ("in a statement to
# Anadolu", "σε δηλώσεις στο X", "в заявлении для X", "وفي تصريح للأناضول", "X와의 인터뷰에서") frames the clause that
# follows: the one it was given to is a relay, never the subject of the clause's verb, wherever the frame stands.
_GIVEN_TO = {
    "en": r"(?<!\w)(?:statements?|comments?|remarks|(?:an\s+)?interview|(?:a\s+)?(?:tele)?phone\s+call|conversation)"
          r"\s+(?:to|with)\s+(?:the\s+)?(?:[^\W\d_][\w-]*\s+){0,2}?$",
    "el": r"(?<!\w)(?:δηλώσεις|δήλωση|δήλωσή|συνέντευξη|συνέντευξή|επικοινωνία|συνομιλία)\s+(?:(?:του|της|τους|που\s+\w+)\s+)?"
          r"(?:στο|στην|στον|με\s+το|με\s+την)\s+(?:[^\W\d_]+\s+){0,2}?$",
    "ru": r"(?<!\w)(?:заявлени\w+|интервью|комментари\w+|беседе|разговоре)\s+(?:(?:для|с|со)\s+)?(?:[а-яё]+\s+){0,2}?[«\"“]?$",
    "ar": r"(?<!\w)(?:تصريح|تصريحات|حديث|حديثه|مقابلة|مقابلته)\s+(?:\w+\s+)?(?:مع\s+)?(?:ل|لـ)?\s*"
          r"(?:(?:وكالة|صحيفة|قناة|موقع|إذاعة)\s*[“\"«]?\s*)?$",
}
_KO_GIVEN_TO = r"\s*(?:와의|과의|와|과)\s+(?:단독\s+)?(?:인터뷰|통화|회견|대담)"


def given_to(sentence: str, language: str, items: list[_Item]) -> list[_Item]:
    """The ones a statement of the sentence was given to, by the frame before them (after them in Korean)."""
    found = []
    for item in items:
        if item.ref is None:
            continue
        if language == "ko":
            if re.match(_KO_GIVEN_TO, sentence[item.end - 1 if sentence[item.end - 1:item.end] in "와과" else item.end:]) \
                    or re.match(r"(?:와의|과의)\s", sentence[item.end - 2:item.end + 1]):
                found.append(item)
        elif re.search(_GIVEN_TO.get(language, r"$^"), sentence[max(0, item.start - 60):item.start]) \
                and not re.match(r"['’]s\b", sentence[item.end:]):  # "to the UN's Okapi radio": the owner is not told
            found.append(item)
    return found


def frame_subjects(cues: list[Cue], sentence: str, items: list[_Item], state: DocumentState, quotes) -> list[ActorRef]:
    """The figure's own clause has the claimant: a reporting verb whose agent was read as the one its statement was given
    to ("وفي تصريح للأناضول، أشار مدير الدفاع المدني …": Anadolu is no subject of "أشار") gets its agent again among
    the other names; the media given the statement are returned, relays of whoever speaks."""
    from .agents import _agent
    from .state import Agent

    told = given_to(sentence, state.language, items)
    # A fronted frame ("According to TASS citing BFMTV, …", "وبحسب وكالة تاس نقلا عن قناة BFMTV، قال …") ends at its
    # comma: what it names is its source, not the subject of a verb after it.
    spans = []
    for cue in cues:
        if cue.role in (C.ACCORDING, C.CITING) and cue.agent is not None and cue.agent.start >= cue.end:
            comma = re.search(r"[,،]", sentence[cue.end:])
            if comma and cue.end + comma.start() - cue.agent.end <= 30 \
                    and any(c.role == C.SPEECH and c.start > cue.end + comma.start() for c in cues):
                spans.append((cue.start, cue.end + comma.start()))
                inside = [i for i in items if cue.end <= i.start < cue.end + comma.start() and i.ref is not None
                          and i.how not in ("proposed", "anaphor")]
                if cue.agent.ref is not None and len(inside) == 1 and (
                        cue.agent.how == "proposed" and cue.agent.start <= inside[0].start <= cue.agent.end + 2
                        or cue.agent.start > cue.end + comma.start()):
                    # or the object read past the frame's comma ("со ссылкой на BFMTV, начальник … Гарнье заявил")
                    # "نقلا عن قناة BFMTV": the medium word proposed alone, the name after it the registry's actor
                    cue.agent = Agent(inside[0].ref, inside[0].start, inside[0].end, inside[0].how)
    framed = [i for i in items if any(s <= i.start < e for s, e in spans)]
    if not told and not framed:
        return []
    rest = [i for i in items if i not in told and i not in framed]
    for cue in cues:
        agent = cue.agent
        if cue.role != C.SPEECH or agent is None or agent.ref is None:
            continue
        if any(t.start <= agent.start < t.end or (agent.ref == t.ref and agent.how not in ("anaphor", "dropped"))
               for t in told) or any(s <= agent.start < e and cue.start > e for s, e in spans):
            cue.agent = _agent(cue, sentence, rest, state, quotes)
    # a medium given the statement passes it on; a person or body it was given to ("in a phone call with Zelensky,
    # Erdogan said …") is no subject of the verb, but no relay either
    return [t.ref for t in told if t.ref.is_media]


# Apposition: a title (with the body, place and country it qualifies) and the person's name, in either order, with or
# without commas: the person is the speaker, not the title or its body. The title words, by stem, of every language.
_TITLE_STEMS = {
    "en": r"(?:governor|spokes\w+|minister|president|mayor|director|commander|general|colonel|chief|head|secretary|"
          r"ambassador|envoy|deputy|coordinator|official|commissioner|officer|inspector|superintendent|administrator|"
          r"manager|chairman|chairwoman|chair)",
    "el": r"(?:διοικητ|αρχηγ|[υύ]πατ|αρμοστ|διευθυντ|εκπρ[οό]σωπ|υπουργ|πρ[οό]εδρ|δ[ηή]μαρχ|περιφερει[αά]ρχ|κυβερν[ηή]τ|"
          r"επικεφαλ|συντονιστ|γραμματ|στρατηγ|πρ[εέ]σβ|αναπληρωτ|υφυπουργ)",
    "ru": r"(?:начальник|глав|руководител|директор|министр|губернатор|мэр|представител|пресс-секретар|заместител|"
          r"командующ|председател|президент|генсек|верховн|комиссар|помощник|координатор)",
    "ar": r"(?:و?(?:ال)?(?:قائد|مدير|رئيس|وزير|محافظ|متحدث|ناطق|نائب|منسق|مسؤول|أمين|مفوض|عمدة|سفير|مبعوث|"
          r"مديرة|رئيسة|وزيرة|قائدة|متحدثة|ناطقة|مسؤولة|مفوضة)|العميد|اللواء|العقيد)",
    "ko": r"(?:\w*장|\w*관|대변인|대통령|주지사|대표|대사|총리|특사)",
}
_CAPITALS = "A-ZΑ-ΩΆΈΉΊΌΎΏА-ЯЁ"
_CAPITALISED = rf"[{_CAPITALS}][\w'’-]+"
_NAME_RUN = re.compile(rf"{_CAPITALISED}(?:\s+{_CAPITALISED})+")
# ``_NAME_RUN`` as ``_name_runs`` finds it: tried once per word (from its first capital, group 1), each word taken whole
# (possessive). The same runs; but a run of capitals or of "aB" without a space, which ``_NAME_RUN.finditer`` tried
# again from each letter, each time to the end of the run, costs one pass instead of a quadratic number of steps.
_NAME_RUN_ONCE = re.compile(rf"(?<![\w'’-])(?:(?![{_CAPITALS}])[\w'’-])*+"
                            rf"([{_CAPITALS}][\w'’-]++(?:\s++[{_CAPITALS}][\w'’-]++)+)")


def _name_runs(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, run)`` of every ``_NAME_RUN`` in ``text[start:end]``, as ``_NAME_RUN.finditer(text, start, end)``
    finds them."""
    return [(start + m.start(1), start + m.end(1), m.group(1)) for m in _NAME_RUN_ONCE.finditer(text[start:end])]
# What may stand before a name run and belongs to the title: a preposition or article of the body or place.
_OF_BEFORE = {
    "en": r"(?:in|of|for|at|the)",
    "el": r"(?:στο|στη|στην|στον|του|της|των|τους|για|σε)",
    "ru": r"(?:в|во|на|из|по|при)",
}
_AR_STOP = (r"(?:إن|أن|بأن|إلى|الى|عن|على|خلال|اليوم|أمس|مساء|صباح|قائلا|قائلاً|في|لل\S*|ل(?:وكال|صحيف|قنا|موقع|إذاع|وسائل)\S*|"
            r"و(?:أن|إن|قال|أضاف)\S*)")
# (never from within a run of spaces, where a boundary is found from the run's start: trying each space of a long run,
# each time to its end, was quadratic)
_BOUNDARY = {
    "en": r"(?<!\s)\s*(?:,|\bthat\b|\bsaid\b|\btold\b|$)",
    "el": r"(?<!\s)\s*(?:,|ότι|πως|$)",
    "ru": r"(?<!\s)\s*(?:,|что|$)",
}


def _title_in(text: str, language: str) -> re.Match | None:
    return re.search(rf"(?<!\w){_TITLE_STEMS[language]}\w*", text, re.IGNORECASE) if language in _TITLE_STEMS else None


def _title_at(sentence: str, start: int, end: int, language: str) -> re.Match | None:
    """Fifteenth session: ``_title_in(sentence[start:end], language)`` (the same title words, ``group(0)``), read from
    the places a title may start in the sentence, found once per sentence and bisected — a span from the sentence's
    start to each verb was searched again at every verb. A title at ``start`` itself starts there whatever stands
    before it (as in the span cut out); elsewhere the sentence's own letter before it counts, as in the span."""
    if language not in _TITLE_STEMS:
        return None
    title = _TITLE_WORD[language]
    found = title.match(sentence, start, end)
    if found:
        return found
    starts = _title_starts(sentence, language)
    for position in starts[bisect_right(starts, start):bisect_left(starts, end)]:
        found = title.match(sentence, position, end)  # (None only when the title runs past the span's end)
        if found:
            return found
    return None


_TITLE_WORD = {language: re.compile(rf"{stems}\w*", re.IGNORECASE) for language, stems in _TITLE_STEMS.items()}


@lru_cache(maxsize=16)
def _title_starts(sentence: str, language: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<!\w)(?={_TITLE_STEMS[language]})", sentence, re.IGNORECASE)]


def _last_word_start(text: str, end: int) -> int:
    """Fifteenth session: where the last word before ``end`` starts (0 when it starts more than 400 characters before):
    a pattern that reads that word and the spaces after it alone, to ``end``, finds from there what it finds in
    ``text[:end]`` (its look-behind reads the letter before, as there). Searching from the sentence's start at every
    verb was quadratic."""
    window = text[max(0, end - 400):end]
    back = _LAST_WORD_BACK.match(window[::-1]).end()
    return end - back if back < len(window) or end <= 400 else 0


_LAST_WORD_BACK = re.compile(r"\s*\S*")  # (read backwards: the spaces at the end, then the last word)


def apposed_person(cue: Cue, sentence: str, state: DocumentState) -> tuple[int, int, str, str] | None:
    """The person a title agent stands in apposition with ("the fire chief in Aleppo Karim Nasser said", "είπε ο
    διοικητής της πυροσβεστικής Καρίμ Νάσερ ότι", "قال مدير الدفاع المدني في حلب كريم ناصر إن", "카림 나세르 알레포
    소방서장은"): (start, end, name, title), or None when the agent is no title or no name stands by it."""
    from .state import Agent

    agent, language = cue.agent, state.language
    if agent is None or agent.how not in ("anaphor", "proposed", "descriptor", "group", "unread") \
            or agent.start == agent.end:
        return None
    if agent.ref is None and agent.how != "unread":
        return None
    if agent.ref is not None and agent.ref.proposed and agent.ref.kind not in ("person", "official", "legislator") \
            and agent.how == "proposed" and language not in ("ar", "ko"):
        return None
    if agent.how == "descriptor" and agent.ref.kind in ("person", "legislator"):
        return None  # the registry's person, by his title ("вице-президент Турецкой Республики")
    if language in _OF_BEFORE and not _title_at(sentence, agent.start, agent.end, language):
        # the title right before the span read as the agent ("координатор спасателей": the rescuers are his body)
        head = re.compile(r"(?<!\w)([^\W\d_][\w-]*)\s+$").search(sentence, _last_word_start(sentence, agent.start),
                                                                  agent.start)
        if head and _title_in(head.group(1), language):
            agent = Agent(agent.ref, head.start(1), agent.end, agent.how)
    written = sentence[agent.start:agent.end]
    title = _title_at(sentence, agent.start, agent.end, language)
    if title is None and language == "ar":
        title = re.compile(rf"(?<!\S){_TITLE_STEMS['ar']}(?=\s+$)").search(
            sentence, _last_word_start(sentence, agent.start), agent.start)
    if title is None:
        return None
    if language == "ko":
        # the name before the title and what it heads, from the clause's start ("카림 나세르 알레포 소방서장은"); a
        # surname alone before a title ("나세르 서장은") is the person proposed before under his full name
        if not re.search(r"(?:장|관|대변인|대통령|주지사|대표|대사|총리|특사)(?:은|는|이|가)?$", written.strip()):
            # (``_TITLE_STEMS["ko"]`` ending the phrase, without its "\w*" before "장" and "관": the same phrases, but
            # searched without trying "\w*" from each letter of a long word, each time to its end)
            return None
        before = re.search(r"(?:^|[,.\"”’]\s*|(?:고|며|서|면)\s+)((?:[가-힣]{1,6}\s+){0,3})$", sentence[:agent.start])
        if before is None:
            return None
        start = before.start(1)
        # sixteenth session: a genitive or a demonstrative before the name ends what qualifies it ("이 단체의 라미 압델
        # 라흐만 대표는": this organisation's head, named): the name starts after it
        head_words = written.split()
        if agent.how == "proposed" and agent.ref is not None and " " in agent.ref.name and len(head_words) == 2 \
                and folded(agent.ref.name).split()[-1] == folded(head_words[0]):
            # sixteenth session: a surname alone before the title ("라흐만 대표는") read as the person proposed before
            # under his full name
            return None
        owners = list(re.finditer(r"(?<!\S)(?:\S+의|이|그|해당|同)(?:\s+|$)", sentence[start:agent.start]))
        if owners:
            start += owners[-1].end()
        heading = (sentence[start:agent.start] + written).split()[:-1]
        words = heading[:2]
        body = r"(?:부|청|처|원|회|군|국|당국|정부|센터|본부|경찰|소|측|당|TV|통신)$"
        if not words or any(re.search(body, w) or len(w) >= 3 and re.search(r"(?:주|현|성|시|도|섬)$", w) for w in heading):
            return None  # the title of a body or a place ("민주콩고 남키부주 정부 대변인은"), no name
        if state.index.mentions(" ".join(words), "ko", []):
            return None  # a country or a body the registry knows ("이스라엘 국방부 대변인은")
        if len(words) == 1 and not any(k.endswith(" " + folded(words[0])) for k in state.proposals):
            return None
        name = " ".join(words)
        return start, start + len(name), name, title.group(0)
    if language == "ar":
        # the title may stand right before the span read as the agent ("مدير" before "الدفاع المدني … كريم ناصر")
        head = re.compile(rf"(?<!\S){_TITLE_STEMS['ar']}\s+$").search(sentence, _last_word_start(sentence, agent.start),
                                                                      agent.start)
        origin = head.start() if head else agent.start
        words = list(re.finditer(r"\S+", sentence[origin:origin + 400]))[:40]  # a title, its chain and a name
        at = next((k for k, w in enumerate(words) if re.fullmatch(_TITLE_STEMS["ar"], re.sub(r"[،,]$", "", w.group(0)))), None)
        if at is None or agent.how == "unread" and at != 0:
            return None
        k = at + 1
        while k < len(words):
            word = words[k].group(0).rstrip("،,")
            if word.startswith("ال") or word.startswith("بال"):
                k += 1
            elif word == "باسم" and all(w.group(0).startswith("ال") for w in words[at + 1:k]):
                # sixteenth session: "المتحدثة باسم مفوضية الأمم المتحدة … إليزابيث ثروسيل": "on behalf of" opens the
                # body the title speaks for (its head noun indefinite, in the construct state); it is no word of a name
                k += 1
            elif k + 1 < len(words) and words[k + 1].group(0).startswith("ال") and not word.endswith(("،", ",")) \
                    and not re.fullmatch(_AR_STOP, word) and re.fullmatch(r"[\u0621-\u064A]+", word):
                k += 1  # a noun of the title's genitive chain ("منسق فرق الإنقاذ")
            elif word == "في" and k + 1 < len(words):
                k += 2
            else:
                break
            if words[k - 1].group(0).endswith(("،", ",")):
                break
        name = []
        while k < len(words) and len(name) < 4:
            word = words[k].group(0)
            bare = word.rstrip("،,.")
            if bare.startswith("ال") or re.fullmatch(_AR_STOP, bare) or not re.fullmatch(r"[\u0621-\u064A]+", bare):
                break
            name.append(words[k])
            k += 1
            if bare != word:
                break
        if len(name) < 2:
            return None
        start, end = origin + name[0].start(), origin + name[-1].start() + len(name[-1].group(0).rstrip("،,."))
        if start < agent.start or end <= agent.end and start == agent.start:
            return None
        return start, end, sentence[start:end], title.group(0)
    if language not in _OF_BEFORE:
        return None
    left = agent.end <= cue.start
    window_end = cue.start if left else agent.end + (re.search(_BOUNDARY[language], sentence[agent.end:]).start())
    window_start = agent.start
    runs = [run for run in _name_runs(sentence, window_start, window_end) if not _title_in(run[2].split()[-1], language)]
    after = re.match(rf"\s*,\s*({_NAME_RUN.pattern})\s*(?:,|«|\"|“|$)", sentence[window_end:]) if not left else None
    if after and not _title_in(after.group(1), language):
        # "είπε ο εκπρόσωπος της αστυνομίας της Βόρειας Σουμάτρα, Φέρι Βαλιντούκαν, «…»": the name between commas
        return window_end + after.start(1), window_end + after.end(1), after.group(1), title.group(0)
    if not runs:
        return None
    run_start, run_end, run = runs[-1]
    trailing = sentence[run_end:window_end].strip(" ,.;")
    if trailing and not re.fullmatch(r"(?:στο|στην|στον|to)\s+(?:\S+\s+){0,2}\S+", trailing) \
            or run_start < title.start():  # (``_title_at``'s match: its start is the sentence's)
        return None  # not the words right before the verb (or the boundary), or before the title
    words = run.split()
    preceded = re.search(rf"(?<!\w){_OF_BEFORE[language]}\s+$", sentence[:run_start], re.IGNORECASE)
    place = folded(sentence[max(0, run_start - 40):run_start]) + " "
    if language == "el" and len(words) == 2 and re.search(_EL_PLACE_NOUN, place) and not folded(words[0]).endswith(("οσ", "ος")):
        return None  # "του νοσοκομείου Αλ Σίφα": the building's name (a person's would be nominative, "Νίκος Παππάς")
    if len(words) == 2 and (re.search(r"(?<!\w)(?:of|του|της|των)\s+$", sentence[:run_start], re.IGNORECASE)
                            or preceded and preceded.group(0).strip().casefold() != "the"):
        return None  # "of Civil Defence", "της Βόρειας Σουμάτρα", "in New York": the title's owner or place, no name
    genitive = language == "ru" and re.search(r"(?:ой|ей|ии|ых|их|ого|его)$", words[0])
    while len(words) > 2 and (preceded or genitive or _title_in(words[0], language) or len(words) > 3):
        words.pop(0)
    while len(words) > 1 and _title_in(words[0], language):
        words.pop(0)
    if len(words) < 2:
        return None
    name = " ".join(words)
    start = run_end - len(name)
    return start, run_end, name, title.group(0)


def apposition_heads(cues: list[Cue], sentence: str, state: DocumentState) -> None:
    """Every reporting verb or attribution phrase whose agent is a title in apposition with a name: the person."""
    from .proposing import _proposed
    from .state import Agent

    for cue in cues:
        if cue.role not in (C.SPEECH, C.ACCORDING):
            continue
        if (cue.agent is None or cue.agent.ref is None) and cue.role == C.SPEECH and state.language == "ar":
            cue.agent = Agent(None, cue.end, len(sentence), "unread")  # the subject after the verb, not read
        elif (cue.agent is None or cue.agent.ref is None) and cue.role == C.SPEECH and state.language in _OF_BEFORE:
            # no subject read before the verb ("In an interview with X, the rescue coordinator in Hatay Selim Ozturk
            # said"): the clause from its comma (or the sentence's start) to the verb, read for a title and a name
            opening = max([0] + [m.end() for m in re.finditer(r"[,;:]\s*", sentence[:cue.start])])
            if opening < cue.start:
                cue.agent = Agent(None, opening, cue.start, "unread")
        found = apposed_person(cue, sentence, state)
        if cue.agent is not None and cue.agent.how == "unread":
            cue.agent = None
        if found is None:
            continue
        start, end, name, title = found
        old = cue.agent.ref if cue.agent else None
        if old is not None and old.proposed and old not in state.sources[:-1]:
            # the span proposed for the title and the name together names no one: the person alone is proposed
            for key in [k for k, v in state.proposals.items() if v == old]:
                del state.proposals[key]
        ref = _proposed(state, name, title)
        if ref is None or ref.is_media:
            continue
        cue.agent = Agent(ref, min(start, cue.agent.start), max(end, cue.agent.end), "proposed") if cue.agent \
            else Agent(ref, start, end, "proposed")
        state.remember(ref)


# Fourteenth session: a speaker saying he (or they) were briefed or told ("we were briefed that", "ενημερωθήκαμε ότι",
# "нам сообщили, что", "أُبلغنا بأن", "…고 보고받았다"): what he says came from the ones who briefed him. Opening the
# quotation or the clause after the verb of saying; in Korean, closing the quoted clause.
_WE_WERE_BRIEFED = {
    "en": r"(?:(?:that\s+)?(?:we|i|he|she|they)\s+(?:were|was|have\s+been|had\s+been|'ve\s+been)\s+"
          r"(?:briefed|told|informed)"
          # fifteenth session: unnamed sources as the subject of the clause said ("said U.S. intelligence sources
          # indicate that …"): what the speaker says, the sources say — he relays them
          r"|(?:that\s+)?(?:[\w.’'-]+\s+){0,2}?(?:sources|officials)\s+(?:indicate|indicated|show|showed|suggest|"
          r"suggested|say|said|believe|believed|estimate|estimated)\s+that)(?!\w)",
    "el": r"(?:(?:ότι|πως)\s+)?(?:ενημερωθήκαμε|ενημερώθηκα|ενημερώθηκε|ενημερώθηκαν|μας\s+ενημέρωσαν|μας\s+είπαν|"
          r"πληροφορηθήκαμε)(?!\w)",
    "ru": r"(?:(?:что\s+)?(?:нам|мне|ему|ей|им)\s+(?:сообщили|доложили|рассказали|сказали)|"
          r"(?:нас|меня|его|её|ее|их)\s+(?:проинформировали|известили))(?!\w)",
    "ar": r"(?:(?:إنه|أنه|انه)\s+)?(?:أُبلغنا|أبلغنا|ابلغنا|أُبلغت|أُبلغ|أُخبرنا|قيل\s+لنا|تم\s+إبلاغنا)(?!\w)",
}
_KO_BRIEFED = r"(?:보고\s*받았|브리핑\s*받았|보고를\s+받았|브리핑을\s+받았|전달\s*받았)\S*\s*[\"”']?\s*$"


def _says_briefed(text: str, language: str) -> bool:
    """Whether a quotation's or a clause's words say the speaker was briefed: at their start (a word of an opening
    quotation mark or dash at most before it), or, in Korean, at the end of the quoted clause."""
    if language == "ko":
        return bool(re.search(_KO_BRIEFED, text[-40:]))
    pattern = _WE_WERE_BRIEFED.get(language)
    return bool(pattern and re.match(rf"[\s«»\"“”'‘’:,—–-]*{pattern}", text[:80], re.IGNORECASE))


def briefed_speakers(sentence: str, cues: list[Cue], claimant, relays: list[ActorRef], quote_speakers: list,
                     state: DocumentState):
    """Fourteenth session (kind C of batch G): a speaker saying he was briefed ("«ενημερωθήκαμε ότι πάνω από 75.000
    …»", "Smith said they were briefed that 600 …") relays the briefing; its givers, unnamed, are officials, the
    claimant. The speaker joins the relays after those he spoke through (the medium told). (claimant, relays,
    quote_speakers)."""
    from .descriptions import unnamed_officials

    def relayed(speaker, through):
        if speaker is None or speaker.is_media or speaker.key == "officials":
            return speaker, through
        return unnamed_officials(state), [*[r for r in through if r != speaker], speaker]

    quote_speakers = [(s, e, *relayed(sp, r)) if _says_briefed(sentence[s:e], state.language) else (s, e, sp, r)
                      for s, e, sp, r in quote_speakers]
    verbs = [c for c in cues if c.role == C.SPEECH and c.agent and c.agent.ref == claimant]
    if claimant is not None and state.language != "ko" and verbs \
            and _says_briefed(sentence[max(verbs[0].end, verbs[0].agent.end):], state.language):
        claimant, relays = relayed(claimant, relays)
    return claimant, relays, quote_speakers
