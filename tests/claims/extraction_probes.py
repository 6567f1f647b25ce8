"""Probes for the extraction rule tests: build the actors a constructed sentence needs, extract its candidate claims,
and read back who is credited, through whom, and which numbers were found.

The round files (tests/claims/test_extraction*.py) used to carry their own copies of these helpers. The copies that
differed only in a default or an argument are one function here with that argument; the two ways of writing a hop
are two functions, so each assertion keeps the strings it was written with:

- ``hops`` writes a proposed actor by its name (as ``who`` does), ``hop_keys`` writes every actor by its key, so a
  proposed one shows as ``proposed:...``. Files written against keys import ``hop_keys as hops``.
- ``claimants`` reads ``quantity.number``, which already falls back to the lower, then the upper bound; the copies
  that spelt that fallback out gave the same figures.
"""

import datetime as dt

from claims.extraction.candidates import ActorIndex, extract_candidates
from claims.extraction.numbers import read_quantity
from sources.models import Actor, ActorAlias, AliasKind, Document


def actor(key, name, kind, country="", aliases=(), descriptors=(), language="en"):
    """A registry actor, with its aliases (and descriptor phrases) in the sentence's language."""
    created = Actor.objects.create(key=key, name=name, kind=kind, country=country)
    for alias in aliases:
        ActorAlias.objects.create(actor=created, name=alias, language=language)
    for phrase in descriptors:
        ActorAlias.objects.create(actor=created, name=phrase, language=language, kind=AliasKind.DESCRIPTOR)
    return created


def extract(body, language="en", published_on=dt.date(2025, 9, 4), publisher=None):
    """The candidate claims with a figure that extraction finds in ``body``, read against the actors in the database."""
    document = Document(key="d", language=language, published_on=published_on, body=body, publisher=publisher)
    return [c for c in extract_candidates(document=document, actors=ActorIndex.from_database()) if c.quantity]


def media(table, *keys, language):
    """The media of ``table`` (key -> name, kind, country, aliases by language) a test names, in its language."""
    for key in keys:
        name, kind, country, aliases = table[key]
        actor(key, name, kind, country, aliases[language], language=language)


def figures_through(found):
    """Each figure with its claimant (key or proposed name) and its hops by key."""
    return [(int(c.quantity.number), who(c), hop_keys(c)) for c in found]


def publisher(key="paper", name="Paper", kind="news_outlet"):
    """The publisher of the document, created once however often a test asks for it."""
    return Actor.objects.get_or_create(key=key, defaults={"name": name, "kind": kind})[0]


def afp(aliases=("Γαλλικό Πρακτορείο", "AFP")):
    """Agence France-Presse as Greek text names it."""
    return actor("afp", "Agence France-Presse", "news_agency", "FR", list(aliases), language="el")


def reuters():
    """Reuters as Greek text names it."""
    return actor("reuters", "Reuters", "news_agency", "GB", ["Reuters"], language="el")


def tass():
    """TASS as Russian text names it."""
    return actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language="ru")


def label(ref):
    """An actor reference as the tests write it: a proposed actor by its name, a registry actor by its key."""
    return ref.name if ref.proposed else ref.key


def who(candidate):
    """The candidate's claimant, by ``label``."""
    return label(candidate.claimant)


def hops(candidate):
    """The candidate's relay chain, one list per step, each actor by ``label``."""
    return [[label(ref) for ref in step] for step in candidate.hops]


def hop_keys(candidate):
    """The candidate's relay chain, one list per step, each actor by its key (``proposed:...`` for a proposed one)."""
    return [[ref.key for ref in step] for step in candidate.hops]


def claimants(found):
    """Each candidate's figure as an int (the value, else a bound) with its claimant, by ``who``."""
    return [(int(c.quantity.number), who(c)) for c in found]


def numbers(text, language):
    """The figures ``read_quantity`` finds in ``text``: the value, else a bound."""
    return [q.number for q in read_quantity(text, language=language)]
