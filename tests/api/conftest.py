"""API test data built from factories: a small NIS / KCNA / North Korea world, like the seed's."""

import datetime as dt
from decimal import Decimal

import pytest

from claims.models import Claim, ClaimStatus, Proposition
from sources.models import Actor, ActorKind, Document
from tests.claims.factories import (
    AppearanceFactory,
    AttributionHopFactory,
    ClaimFactory,
    ClaimStanceFactory,
    EstimateFactory,
    PropositionFactory,
)
from tests.sharing import ModuleData
from tests.sources.factories import ActorAliasFactory, ActorFactory, DocumentFactory


@pytest.fixture
def staff(make_user):
    return make_user("staffer", is_staff=True)


@pytest.fixture(scope="module")
def world_module_data(django_db_setup, django_db_blocker):
    data = ModuleData("world_module_data", django_db_blocker).open(_world_ids)
    yield data
    data.close()


def _world_ids():
    return world_ids(build_world())


def world_ids(made):
    """What to keep of ``build_world()``'s records between tests (``read_world`` reads them back)."""
    return {group: {name: obj.pk for name, obj in objects.items()} if isinstance(objects, dict) else objects.pk
            for group, objects in made.items()}


@pytest.fixture
def world(world_module_data, db):
    """``build_world()``'s records, built once per test module (``ModuleData`` in tests/conftest.py: each test
    runs in its own savepoint, rolled back after it) and read afresh for each test: a test may change them."""
    return read_world(world_module_data.check())


def read_world(ids):
    """``world_ids``' records read afresh from the database."""
    actors = Actor.objects.in_bulk(ids["actors"].values())
    documents = Document.objects.in_bulk(ids["documents"].values())
    claims = Claim.objects.in_bulk(ids["claims"].values())
    return {
        "actors": {name: actors[pk] for name, pk in ids["actors"].items()},
        "documents": {name: documents[pk] for name, pk in ids["documents"].items()},
        "proposition": Proposition.objects.get(pk=ids["proposition"]),
        "claims": {name: claims[pk] for name, pk in ids["claims"].items()},
    }


def build_world():
    """Two outlets, NIS, KCNA, Putin; a deaths proposition with NIS's series and a North Korean figure.

    - nis-100 (published, 2024-12, ≥100), nis-2000 (published, 2025-09, ≈2000, Greek quote relayed by
      Yonhap) and nis-draft (a draft, hidden from the public);
    - kp-350 (published, North Korea's own ≈350); putin-praise (published, relayed by KCNA, in Greek).
    """
    nk = ActorFactory(key="north-korea", name="North Korea", kind=ActorKind.COUNTRY, country="KP")
    nis = ActorFactory(key="nis", name="National Intelligence Service", kind=ActorKind.INTELLIGENCE_AGENCY, country="KR")
    kcna = ActorFactory(key="kcna", name="Korean Central News Agency", kind=ActorKind.STATE_MEDIA, country="KP")
    putin = ActorFactory(key="vladimir-putin", name="Vladimir Putin", kind=ActorKind.PERSON, country="RU")
    ActorAliasFactory(actor=putin, name="Βλαντιμίρ Πούτιν", language="el")
    yonhap = ActorFactory(key="yonhap", name="Yonhap", kind=ActorKind.NEWS_AGENCY, country="KR")
    kathimerini = ActorFactory(key="kathimerini", name="Kathimerini", kind=ActorKind.NEWS_OUTLET, country="GR")

    greek = DocumentFactory(
        key="kathimerini-2025-09-04", title="Κιμ Γιονγκ Ουν: θα στείλουμε κι άλλους",
        publisher=kathimerini, language="el", published_on=dt.date(2025, 9, 4),
        body="Σύμφωνα με τη NIS, περίπου 2.000 στρατιώτες έχουν σκοτωθεί. Ο Πούτιν επαίνεσε τους στρατιώτες.",
    )
    december = DocumentFactory(
        key="yonhap-2024-12-19", title="NIS: at least 100 North Korean soldiers killed", publisher=yonhap,
        language="en", published_on=dt.date(2024, 12, 19),
        body="The NIS said at least 100 North Korean soldiers were killed in Kursk.",
    )
    kp_doc = DocumentFactory(
        key="kcna-2025-04-28", title="KCNA statement", publisher=kcna, language="en",
        published_on=dt.date(2025, 4, 28), body="About 350 soldiers died heroically, the statement said.",
    )
    deaths = PropositionFactory(key="nk-troops-russia-deaths", title="Deaths among North Korean troops in Russia")

    def claim(key, claimant, document, quote, *, status=ClaimStatus.PUBLISHED, stated_on, summary, **extra):
        made = ClaimFactory(key=key, claimant=claimant, status=status, stated_on=stated_on, summary=summary, **extra)
        made.subjects.add(nk)
        appearance = AppearanceFactory(claim=made, document=document, quote=quote)
        return made, appearance

    nis_100, _ = claim(
        "nis-100", nis, december, "at least 100 North Korean soldiers were killed", stated_on=dt.date(2024, 12, 19),
        summary="NIS says at least 100 North Korean soldiers have been killed.", kind="estimate", hedge="estimated",
    )
    EstimateFactory(claim=nis_100, proposition=deaths, value=Decimal(100), lower=Decimal(100), qualifier="at_least",
                    as_of=dt.date(2024, 12, 19), as_of_precision="day", wording="at least 100")
    nis_2000, greek_nis = claim(
        "nis-2000", nis, greek, "περίπου 2.000 στρατιώτες έχουν σκοτωθεί", stated_on=dt.date(2025, 9, 4),
        summary="NIS estimates about 2,000 North Korean soldiers have been killed.", kind="estimate",
        hedge="estimated", verdict="plausible", credibility=2, assessed_at=dt.datetime(2025, 9, 5, tzinfo=dt.UTC),
    )
    AttributionHopFactory(appearance=greek_nis, position=1, actor=yonhap, relation="reported", language="ko")
    EstimateFactory(claim=nis_2000, proposition=deaths, value=Decimal(2000), qualifier="approximately",
                    as_of=dt.date(2025, 9, 1), as_of_precision="week", wording="περίπου 2.000")
    ClaimStanceFactory(claim=nis_2000, proposition=deaths, stance="estimates")
    draft, _ = claim(
        "nis-draft", nis, greek, "Σύμφωνα με τη NIS", status=ClaimStatus.DRAFT, stated_on=dt.date(2025, 9, 4),
        summary="A draft nobody outside should see.",
    )
    EstimateFactory(claim=draft, proposition=deaths, value=Decimal(5000), qualifier="approximately",
                    as_of=dt.date(2025, 9, 1), wording="5000")
    kp_350, _ = claim(
        "kp-350", nk, kp_doc, "About 350 soldiers died heroically", stated_on=dt.date(2025, 4, 28),
        summary="North Korea acknowledges about 350 dead.", interested=True, verdict="disputed", credibility=4,
        assessed_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC),
    )
    EstimateFactory(claim=kp_350, proposition=deaths, value=Decimal(350), qualifier="approximately",
                    as_of=dt.date(2025, 4, 28), as_of_precision="day", wording="About 350")
    praise, praise_appearance = claim(
        "putin-praise", putin, greek, "Ο Πούτιν επαίνεσε τους στρατιώτες", stated_on=dt.date(2025, 9, 3),
        summary="Putin praised the North Korean soldiers.",
    )
    AttributionHopFactory(appearance=praise_appearance, position=1, actor=kcna, relation="paraphrased", language="ko")
    return {
        "actors": {"nk": nk, "nis": nis, "kcna": kcna, "putin": putin, "yonhap": yonhap, "kathimerini": kathimerini},
        "documents": {"greek": greek, "december": december, "kp": kp_doc},
        "proposition": deaths,
        "claims": {"nis_100": nis_100, "nis_2000": nis_2000, "draft": draft, "kp_350": kp_350, "praise": praise},
    }
