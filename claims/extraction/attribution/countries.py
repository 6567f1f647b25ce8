"""Whose institution: nationality adjectives ("Lebanese", "λιβανέζικο") and "of the country" naming the country
of an institution, and the one actor of that country with the same name."""

import re

from sources.models import ActorKind

from ..actors import ActorIndex, ActorRef, Mention, folded, is_acronym
from .state import DocumentState


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
    found = {country for stem, country in index.country_stems() if word.startswith(stem)}
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


# Issue 15, thirteenth session: the endings of a people's word in the plural, which stands for its country as a speaker
# ("οι Ιταλοί έχουν ανακοινώσει", "the Italians said", "итальянцы сообщили", "이탈리아인들은", "الإيطاليون"), folded.
_DEMONYM_ENDINGS = {
    "el": ("οι", "εσ"), "en": ("ans", "ese", "ish", "ch", "is"), "ru": ("цы", "ане", "яне"),
    "ko": ("인들", "인"), "ar": ("يون", "يين"),
}


def country_of_demonym(name: str, language: str, index: ActorIndex) -> ActorRef | None:
    """The country a people's word names when it stands alone as a speaker, if the registry holds that country: a word
    with a plural ending of a people's word in its language, beginning like one country's name (the longest shared
    start, four letters, or the whole name but its last two; two countries as long: none). None for any other name."""
    words = folded(name).split()
    if len(words) != 1:
        return None
    word = words[0]
    if language == "ar":
        word = re.sub(r"^(?:[وف]?ال)", "", word)
    if not word.endswith(_DEMONYM_ENDINGS.get(language, ())) or len(word) < 4:
        return None
    if language == "ko":
        stem = re.sub(r"(?:인들|인)$", "", word)
        found = {ref.key: ref for held, ref in index.names.items() if ref.kind == ActorKind.COUNTRY and held == stem}
        return next(iter(found.values())) if len(found) == 1 else None
    best, found = 0, {}
    for held, ref in index.names.items():
        if ref.kind != ActorKind.COUNTRY or " " in held:
            continue
        held = re.sub(r"^ال", "", held) if language == "ar" else held
        shared = 0
        while shared < min(len(held), len(word)) and held[shared] == word[shared]:
            shared += 1
        if shared < min(4, len(held) - 2) or shared < 3:
            continue
        if shared > best:
            best, found = shared, {ref.key: ref}
        elif shared == best:
            found[ref.key] = ref
    return next(iter(found.values())) if len(found) == 1 else None
