"""Security and reliability fixtures: the seed plus claims that must stay hidden, role clients, dumps.

``hidden`` adds to the seed one claim in each non-public state (draft, in review, retracted). Each is
assessed (so it would be a ClaimReview), has an estimate and a stance on the seed's deaths proposition
and an appearance in the seed article, and its summary carries a marker word (``HIDDEN_WORD``) so any
path that leaks it — lists, details, nested rows, search, CSV, timeline, JSON-LD — can be caught by
searching a response for the marker or the claim's key.
"""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from claims.models import Claim, ClaimStatus, Proposition
from sources.models import Actor, Document
from tests.claims.factories import AppearanceFactory, ClaimFactory, ClaimStanceFactory, EstimateFactory
from tests.conftest import load_seed
from tests.sharing import ModuleData

HIDDEN_WORD = "zqxhiddenmarker"
HIDDEN_VALUE = Decimal("987654")
HIDDEN_STATES = (ClaimStatus.DRAFT, ClaimStatus.IN_REVIEW, ClaimStatus.RETRACTED)
SEED_DOCUMENT = "seed-000-96f8c3dbb12c4205"
DEATHS = "nk-troops-russia-deaths"
PUBLIC_CLAIM = "nis-nk-troops-russia-deaths-2025-09"
ROLES = ("anonymous", "user", "curator", "reviewer", "superuser")


def add_hidden_claims() -> dict:
    """Add the draft, in-review and retracted claims to a seeded database: {status: claim}."""
    document = Document.objects.get(key=SEED_DOCUMENT)
    deaths = Proposition.objects.get(key=DEATHS)
    nis = Actor.objects.get(key="nis")
    quote = document.body[10:60]
    made = {}
    for status in HIDDEN_STATES:
        claim = ClaimFactory(
            key=f"hidden-{status.replace('_', '-')}", claimant=nis, status=status, kind="estimate",
            summary=f"{HIDDEN_WORD} {status} claim that the public must never see.", verdict="false",
            credibility=5, rationale=f"{HIDDEN_WORD} rationale", assessed_at=dt.datetime(2025, 9, 5, tzinfo=dt.UTC),
            stated_on=dt.date(2025, 9, 4),
        )
        claim.subjects.add(Actor.objects.get(key="north-korea"))
        AppearanceFactory(claim=claim, document=document, quote=quote, start=10, end=60)
        EstimateFactory(claim=claim, proposition=deaths, value=HIDDEN_VALUE, qualifier="exact",
                        as_of=dt.date(2025, 9, 4), as_of_precision="day", wording=f"{HIDDEN_WORD} 987654")
        ClaimStanceFactory(claim=claim, proposition=deaths, stance="estimates")
        made[status] = Claim.objects.get(pk=claim.pk)
    # One published claim assessed, so that ClaimReview endpoints have something public to show.
    Claim.objects.filter(key=PUBLIC_CLAIM).update(verdict="plausible", credibility=2, rationale="Matches other reports.")
    return made


@pytest.fixture
def hidden(seeded):
    """{status: claim} for a draft, an in-review and a retracted claim, on top of the seed."""
    return add_hidden_claims()


def _load_seed_and_hidden_claims():
    load_seed()
    return {status: (claim.pk, claim.key) for status, claim in add_hidden_claims().items()}


@pytest.fixture(scope="module")
def seed_and_hidden_module_data(django_db_setup, django_db_blocker):
    data = ModuleData("seed_and_hidden_module_data", django_db_blocker).open(_load_seed_and_hidden_claims)
    yield data
    data.close()


@pytest.fixture
def seeded_module(seed_and_hidden_module_data, db):
    """{status: (pk, key)} of the hidden claims: the seed and the hidden claims, loaded once per test module
    (``ModuleData`` in tests/conftest.py: each test still runs in its own savepoint, so tests cannot see each
    other's writes)."""
    return seed_and_hidden_module_data.check()


@pytest.fixture
def role_user(request):
    """A function: role name → that user (None for anonymous), made from tests/conftest.py's fixtures."""

    def get(role):
        return None if role == "anonymous" else request.getfixturevalue(role)

    return get


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def dump_database(tmp_path: Path, name: str = "dump") -> str:
    """Everything the exporter writes (actors, documents, propositions, claims and their children) as text,
    plus the import-run log and row counts, so that 'the database is as it was' is one string comparison."""
    from factbase.models import ImportRun
    from claims.models import Appearance, AttributionHop, ClaimRelation, ClaimStance, Estimate
    from sources.models import ActorAlias

    out = tmp_path / f"{name}.yaml"
    call_command("export_bundle", str(out), stdout=io.StringIO())
    counts = {
        model.__name__: model.objects.count()
        for model in (Actor, ActorAlias, Document, Proposition, Claim, Appearance, AttributionHop, ClaimStance,
                      Estimate, ClaimRelation, ImportRun)
    }
    histories = {model.__name__: model.history.count() for model in (Actor, Document, Proposition, Claim)}
    return out.read_text(encoding="utf-8") + f"\n# counts {counts}\n# history {histories}\n"


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def require_postgresql():
    """PostgreSQL-only tests fail (never skip) on another database: CI runs them with ``-m postgresql``."""
    assert is_postgresql(), (
        f"this test needs PostgreSQL (DATABASE_URL=postgres://...), not {connection.vendor}; "
        "run it in the PostgreSQL pass: pytest -m postgresql"
    )


def numbered_bundle(first: int, last: int) -> dict:
    """Actors, documents and claims numbered first..last-1 (two overlapping ranges share records)."""
    actors, documents, claims = [], [], []
    for n in range(first, last):
        actors.append({"key": f"c-actor-{n}", "name": f"Actor {n}", "kind": "person",
                       "aliases": [{"name": f"Alias {n}", "language": "en"}]})
        documents.append({"key": f"c-doc-{n}", "title": f"Doc {n}", "language": "en", "published_on": "2025-09-04",
                          "publisher": f"c-actor-{n}", "body": f"Statement number {n}: the figure is {n} soldiers."})
        claims.append({"key": f"c-claim-{n}", "claimant": f"c-actor-{n}", "summary": f"Claim {n}.",
                       "stated_on": "2025-09-04", "status": "published",
                       "appearances": [{"document": f"c-doc-{n}", "quote": f"the figure is {n} soldiers"}]})
    return {"actors": actors, "documents": documents, "claims": claims}
