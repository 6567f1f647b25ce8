"""Russian clause rules of round 12 (issue 15): what a reporting verb whose subject opens a clause of its own governs."""

import re

from .. import cues as C
from ..actors import folded, is_acronym
from ..numbers import read_quantity
from .clauses import _EXTRA_TITLES
from .names import _titles
from .state import Cue


# What a reporting verb with its subject before it may govern: its prepositional object ("сообщало о пяти раненых") or a
# reported clause ("заявил, что …").
_OWN_OBJECT = re.compile(r"\s*(?:,\s*)?(?:о|об|что)(?!\w)")


def own_clause(sentence: str, cues: list[Cue], claimant, relays, quote_speakers):
    """Round 12: "Их жертвами стали 20 военных: … насчитывалось 11 погибших, Минобороны Армении сообщало о пяти раненых":
    a reporting verb whose subject opens a clause after a comma, colon or semicolon, and which governs an object of its
    own after it ("о …", "что …"), says what that clause says — not the figures of the clauses before its subject, which
    no attribution of theirs claims (the writer's). Returns the claimant and relays of the figures outside quotations
    (None and [] when only the clause is the speaker's) and the quotation-like spans, the clause added as one."""
    if claimant is None:
        return claimant, relays, quote_speakers
    speech = [c for c in cues if c.role == C.SPEECH and c.agent and c.agent.ref == claimant]
    if len(speech) != 1:
        return claimant, relays, quote_speakers
    cue = speech[0]
    agent = cue.agent
    if agent.how in ("anaphor", "dropped", "unnamed") or agent.start >= cue.start \
            or sentence[agent.end:cue.start].strip() or not _OWN_OBJECT.match(sentence[cue.end:]):
        return claimant, relays, quote_speakers
    opening = re.search(r"[,;:]\s*((?:[а-яё.-]+\s+){0,4})$", sentence[:agent.start])
    if opening is not None and opening.group(1):
        # the subject's title before the name ("губернатор Иван Петров", "пресс-секретарь министерства Иван Петров")
        first = folded(opening.group(1).split()[0])
        if first not in _titles("ru") | _EXTRA_TITLES["ru"]:
            opening = None
    if opening is None or any(s < agent.start < e for s, e, _, _ in quote_speakers):
        return claimant, relays, quote_speakers
    boundary = opening.start()
    if not read_quantity(sentence[:boundary], language="ru"):
        return claimant, relays, quote_speakers
    if any(c is not cue and c.agent and c.agent.ref for c in cues if c.start < boundary):
        return claimant, relays, quote_speakers  # the clauses before have a source of their own
    return None, [], [*quote_speakers, (boundary + 1, len(sentence), claimant, list(relays))]


# Fifteenth session: unnamed people a medium cites ("со ссылкой на представителей правительства", "ссылаясь на источник",
# "со ссылкой на местного чиновника"): up to two adjectives, then a noun of unnamed sources in any case.
_UNNAMED_CITED = re.compile(r"\s*(?:[а-яё-]+(?:ого|его|ой|ей|ых|их|ые|ие|ый|ий|ая|яя)\s+){0,2}"
                            r"(представител[ьяейюим]\w{0,2}|источник\w{0,3}|чиновник\w{0,3}|собеседник\w{0,3})(?!\w)",
                            re.IGNORECASE)


def unnamed_cited(sentence: str, end: int) -> tuple[int, int] | None:
    """The span of the unnamed source right after a citing cue ending at ``end``, or None (fifteenth session)."""
    match = _UNNAMED_CITED.match(sentence, end)
    return (match.start(1), match.end(1)) if match else None


# Sixteenth session: a place in the prepositional case after "в"/"во" before an impersonal plural verb of saying ("В
# Нагорном Карабахе сообщили", "в Херсонской области заявили"): the place's unnamed officials. A body is no place: a word
# of an organisation ("в Министерстве", "в Управлении"), a ministry's short name ("в Минздраве") or an acronym ("в МЧС").
_RU_IN = re.compile(r"(?<![\w-])[Вв]о?\s+$")
_RU_BODY_STEMS = ("министерств", "ведомств", "служб", "управлени", "комитет", "штаб", "центр", "департамент",
                  "организаци", "агентств", "администраци", "прокуратур", "правительств", "мэри", "полици", "больниц",
                  "госпитал", "академи", "университет", "компани", "посольств", "генштаб", "кремл", "миссии", "миссия")


def ru_place_speaking(cue, item, sentence: str) -> bool:
    """Whether the agent ``item`` of ``cue`` is a place named as where unnamed people said it: a proposed name of one to
    three capitalised words right after "в"/"во", no body's word among them, before a plural verb ("сообщили")."""
    if item is None or item.how != "proposed" or item.ref is None or not item.ref.proposed or item.ref.is_media:
        return False
    if not re.search(r"ли$", cue.phrase) or not _RU_IN.search(sentence, max(0, item.start - 4), item.start):
        return False
    words = sentence[item.start:item.end].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words[-1:]):
        return False
    return not any(is_acronym(w) or folded(w).startswith(("мин", *_RU_BODY_STEMS)) for w in words)
