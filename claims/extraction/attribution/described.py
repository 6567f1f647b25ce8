"""Issue 15, fourteenth session: sources described rather than named, resolved to the actor the description stands for.

A people's adjective with a figures noun ("according to Israeli tallies", "σύμφωνα με ουκρανικά στοιχεία", "по
украинским данным", "حسب الأرقام الرسمية الأوكرانية") is that people's country: the figures are its count, as "the
Italians said" is Italy speaking (``countries.country_of_demonym``)."""

import re

from sources.models import ActorKind

from ..actors import ActorIndex, ActorRef, folded
from .clauses import non_agent
from .state import _Item


# The words a figures phrase may hold besides its noun and the people's adjective: a determiner or a plain adjective
# ("official", "latest"), at most this many words in all, up to the first mark.
_PHRASE_WORDS = 5
_PHRASE_END = re.compile(r"[,،;:.!?«»“”\"()\[\]]")


def _people_adjective_country(word: str, language: str, index: ActorIndex) -> ActorRef | None:
    """The country a people's adjective names ("Israeli", "ουκρανικά", "украинским", "الأوكرانية"): the one-word
    country name sharing the longest start with the word, at least four letters and all of the name but its last two
    (two countries as long: none)."""
    word = folded(word)
    if language == "ar":
        word = re.sub(r"^[وف]?(?:ال|لل|ب|ل)", "", word)
    best, found = 0, {}
    for held, ref in index.names.items():
        if ref.kind != ActorKind.COUNTRY or " " in held:
            continue
        held = re.sub(r"^ال", "", held) if language == "ar" else held
        shared = 0
        while shared < min(len(held), len(word)) and held[shared] == word[shared]:
            shared += 1
        if shared < max(4, len(held) - 2):
            continue
        if shared > best:
            best, found = shared, {ref.key: ref}
        elif shared == best:
            found[ref.key] = ref
    return next(iter(found.values())) if len(found) == 1 else None


def _figures_head(words: list[re.Match], language: str) -> bool:
    """Whether the phrase's head noun is a figures noun: its last word (its first in Arabic, whose adjectives follow
    the noun), and in Greek not in the genitive — "γεωργιανά μέσα ενημέρωσης" (Georgian media) ends in a complement
    of the head, not in the head."""
    head = words[0 if language == "ar" else -1].group(0)
    if language == "el" and folded(head).endswith(("ησ", "ου", "ων")):
        return False
    return non_agent(head, language)


def country_of_figures(start: int, sentence: str, items: list[_Item], language: str,
                       index: ActorIndex) -> _Item | None:
    """The country whose figures the phrase opening at ``start`` names ("Israeli tallies", "الأرقام الرسمية
    الأوكرانية"): a phrase of a few words up to its first mark, headed by a figures noun (``clauses.non_agent``), with one
    people's adjective of a country the registry holds, and no actor named in it (the ministry's figures are the
    ministry's; "official figures", an unnamed group, is no name). None for any other phrase."""
    phrase = sentence[start:start + 120]
    end = _PHRASE_END.search(phrase)
    phrase = phrase[:end.start()] if end else phrase
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", phrase))
    if not words or len(words) > _PHRASE_WORDS or not _figures_head(words, language):
        return None
    if any(start <= i.start < start + len(phrase) and i.ref is not None and i.how not in ("proposed", "group") for i in items):
        return None
    countries = {}
    for word in words:
        if non_agent(word.group(0), language):
            continue
        ref = _people_adjective_country(word.group(0), language, index)
        if ref is not None:
            countries[ref.key] = (ref, word)
    if len(countries) != 1:
        return None
    ref, word = next(iter(countries.values()))
    return _Item(start + word.start(), start + word.end(), ref, "name")
