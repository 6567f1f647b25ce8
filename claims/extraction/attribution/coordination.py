"""Several claimants of one figure: coordinated agents ("A and B said", "according to A and B"), qualifiers
sharing one noun ("South Korean and Western intelligence")."""

import re

from sources.models import ActorKind

from .. import cues as C
from ..actors import ActorRef, folded
from .arabic import _ar_ministries
from .descriptions import _resolve
from .names import _ARTICLE_WORDS, _titles
from .state import Cue, DocumentState, _Item


_CONJUNCTION = r"\s*(?:,\s*)?(?:and|και|κι|и|а также|و|및)\s+(?:(?:ο|η|το|οι|the)\s+)?"
_ELLIPSIS = {
    # "South Korean and Western intelligence": two qualifiers sharing one noun phrase.
    "en": re.compile(r"((?:[A-Z][\w’'-]*\s+){0,1}[A-Z][\w’'-]*)\s+and\s+([A-Z][\w’'-]*)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)"),
}


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


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen, result = set(), []
    for ref in refs:
        if ref is not None and ref.key not in seen:
            seen.add(ref.key)
            result.append(ref)
    return result
