"""Proposed actors: a named speaker that no actor matches, its kind guessed from the title words next to it;
a later surname alone, or the same name in another case, is the same proposal."""

from sources.models import ActorKind

from .. import cues as C
from ..actors import ActorRef, folded, is_acronym
from ..linking import PERSON_KINDS, acronym_link, document_link, registry_link
from .countries import _same_name_of, country_of_demonym
from .names import _same_stem, described_actor, el_complement_of_title, shaped_name
from .state import DocumentState


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
    if language == "el" and " " not in name.strip() and len(name.strip()) >= 3 and name.strip().isupper() \
            and not title.strip():
        # round 7: a Greek acronym ("ΓΕΕΘΑ", "ΥΠΕΞ", "ΔΟΜ") is an organisation's name; a person's name is no acronym, so
        # "ο υπουργός" after it refers to no one before (the person named next)
        return ActorKind.GOVERNMENT_AGENCY
    if language in ("el", "ru") and any(_same_stem(word, w) for word in lowered.split() for w in organisation):
        return ActorKind.GOVERNMENT_AGENCY  # "начальник Управления информации": an office in the genitive
    return ActorKind.PERSON


def _proposed(state: DocumentState, name: str, title: str) -> ActorRef | None:
    """The proposed actor for the speaker ``name`` (its span trimmed, see ``shaped_name``), or None when what is left
    names no one ("СМИ", "본 사람", "وقت سابق")."""
    name = shaped_name(name, state.language)
    if not name:
        return None
    if state.language == "el" and title and el_complement_of_title(title, name.split()):
        return None  # issue 15, thirteenth session: "ο υφυπουργός Πολιτικής Άμυνας": whose minister, no one's name
    key = folded(name)
    if key in state.proposals:
        return state.proposals[key]
    country = country_of_demonym(name, state.language, state.index)
    if country is not None:
        return country  # issue 15, thirteenth session: "οι Ιταλοί ανακοίνωσαν", "the Italians said": Italy
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
    described = described_actor(name, state.language, state.index)
    if described is not None:
        return described
    kind = _guess_kind(name, title, state.language)
    linked = _linked(state, name, kind)
    if linked is not None:
        if linked.proposed:
            state.proposals[key] = linked
        return linked
    if kind == ActorKind.GOVERNMENT_AGENCY:
        # "وزارة الصحة التابعة لحماس": an organisation described, not named — the one known actor it describes.
        words = key.split()
        # Round 6: a name capitalised throughout ("the National Disaster Coordinating Council") is a proper name: it
        # describes an actor only whole, never by its first words ("National Disaster" is not Pakistan's NDMA).
        proper = state.language in ("en", "el", "ru") and all(w[:1].isupper() for w in name.split() if len(w) > 3)
        for size in range(len(words), len(words) - 1 if proper else 1, -1):
            described = state.index.resolve_description(" ".join(words[:size]), state.countries, state.text,
                                                        state.mentioned)
            if described is not None:
                return described
    ref = ActorRef(key=f"proposed:{key}", name=name, kind=kind, proposed=True, title=title)
    state.proposals[key] = ref
    return ref


def _linked(state: DocumentState, name: str, kind: str) -> ActorRef | None:
    """Issue 15, twelfth session: the actor the document already named or proposed, or the registry holds, that
    ``name`` names under another form (see ``claims.extraction.linking``); None when none does or the two answer
    differently."""
    candidates = [(ref.name, ref) for ref in {id(ref): ref for ref in state.proposals.values()}.values()]
    # issue 15, thirteenth session: an acronym spelling a body the document named or proposed is that body
    bodies = candidates + [(known, ref) for ref in state.mentioned if not ref.proposed and ref.kind not in PERSON_KINDS
                           and ref.kind != ActorKind.COUNTRY for known in state.index.names_of.get(ref.key, [])]
    spelt = acronym_link(name, bodies)
    if spelt is not None:
        return spelt
    candidates += [(known, ref) for ref in state.mentioned if not ref.proposed and ref.kind in PERSON_KINDS
                   for known in state.index.names_of.get(ref.key, [])]
    in_document = document_link(name, candidates, kind in PERSON_KINDS, state.index)
    held = registry_link(name, state.index, {ref.key for ref in state.mentioned})
    if in_document is not None and held is not None and in_document.key != held.key:
        return None
    return in_document or held


def _proposed_medium(state: DocumentState, ref: ActorRef | None) -> ActorRef | None:
    """The proposed actor ``ref`` as a news outlet (a relaying verb's agent passes statements on); an actor the registry
    holds (a name linked to it) stays as it is."""
    if ref is None:
        return None
    if not ref.proposed:
        return ref
    medium = ActorRef(key=ref.key, name=ref.name, kind=ActorKind.NEWS_OUTLET, proposed=True, title=ref.title)
    state.proposals[folded(ref.name)] = medium
    return medium
