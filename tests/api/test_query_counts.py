"""Exact query counts per endpoint: the same for page sizes 1, 10 and 50, and with each filter applied."""

import datetime as dt

import pytest
from django.db import connection

from claims.models import Appearance
from tests.api.conftest import build_world, read_world, world_ids
from tests.claims.factories import AppearanceFactory, AttributionHopFactory, ClaimFactory, EstimateFactory
from tests.sharing import ModuleData
from tests.sources.factories import ActorAliasFactory, DocumentFactory


def add_claims(world, count):
    """Published NIS claims, each with a subject, an appearance, a hop, an estimate and a publisher alias."""
    nis, kcna, nk = world["actors"]["nis"], world["actors"]["kcna"], world["actors"]["nk"]
    for n in range(count):
        claim = ClaimFactory(
            key=f"bulk-{n}", claimant=nis, status="published", stated_on=dt.date(2025, 1, 1), location_country="KP"
        )
        claim.subjects.add(nk)
        document = DocumentFactory(published_on=dt.date(2025, 2, 1))
        appearance = AppearanceFactory(claim=claim, document=document)
        AttributionHopFactory(appearance=appearance, actor=kcna, medium="wire_copy")
        Appearance.objects.filter(pk=appearance.pk).update(medium="statement", stated_on=dt.date(2025, 1, 1))
        EstimateFactory(claim=claim, proposition=world["proposition"], as_of=dt.date(2025, 1, 1 + n % 28), as_of_precision="day")
        ActorAliasFactory(actor=document.publisher)
    return world


def many(world):
    """Enough rows for a page of 50 of everything (the world has 3 documents and 3 visible estimates)."""
    add_claims(world, 47)
    return world


def some(world):
    """A few more rows, and a parent and a subject so that every filter below matches something."""
    kcna = world["actors"]["kcna"]
    kcna.parent = world["actors"]["nk"]
    kcna.save()
    world["proposition"].subjects.add(world["actors"]["nk"])
    add_claims(world, 3)
    return world


# Built once per module for the tests that ask for them (``ModuleData``, tests/sharing.py): each test runs in its
# own savepoint, rolled back after it, and reads the records afresh.
@pytest.fixture(scope="module")
def many_module_data(django_db_setup, django_db_blocker):
    data = ModuleData("many_module_data", django_db_blocker).open(lambda: world_ids(many(build_world())))
    yield data
    data.close()


@pytest.fixture(scope="module")
def some_module_data(django_db_setup, django_db_blocker):
    data = ModuleData("some_module_data", django_db_blocker).open(lambda: world_ids(some(build_world())))
    yield data
    data.close()


@pytest.fixture(name="many")
def many_world(many_module_data, db):
    return read_world(many_module_data.check())


@pytest.fixture(name="some")
def some_world(some_module_data, db):
    return read_world(some_module_data.check())


# Queries per list request: the list itself plus one per prefetch (plus COUNT for page-number lists).
LISTS = {
    # claims+claimant, with joint claimants, subjects, appearances+document+publisher+hops, estimates and stances
    # as JSON inside the same statement (factbase.nested_json): one query, whatever the page size. On PostgreSQL
    # the page's ids first, then that statement for them, kept (Shape.read_ids): two.
    "claims": 2 if connection.vendor == "postgresql" else 1,
    "appearances": 3,  # appearances+claim+claimant+document+publisher, hops+actor, wordings
    "estimates": 2,  # estimates+claim+claimant+proposition, wordings
    "documents": 1,  # documents+publisher
    "actors": 3,  # COUNT (small table), actors+parent, aliases
    "propositions": 5,  # COUNT (small table), propositions, subjects, parts, wholes it is a part of
}

FILTERS = {
    "claims": [
        "claimant=nis", "claimant_id={nis}", "claimant_kind=person", "claimant_country=KR", "relayed_by=kcna",
        "relayed_by_id={kcna}", "subject=north-korea", "subject_id={nk}", "document=kathimerini-2025-09-04", "document_id={greek}",
        "publisher=kathimerini", "publisher_id={kathimerini}", "language=el", "kind=estimate", "hedge=estimated",
        "verdict=plausible", "credibility=2", "interested=false", "proposition=nk-troops-russia-deaths",
        "proposition_id={proposition}", "stated_on_after=2024-01-01", "stated_on_before=2026-01-01", "published_on_after=2024-01-01",
        "published_on_before=2026-01-01", "known_on=2025-12-31", "status=published", "key=nis-100",
        "summary_language=en", "location_country=KP", "assessed_at_before=2026-01-01T00:00:00Z", "ordering=id",
    ],
    "appearances": [
        "claim=nis-100", "claimant=nis", "document=kathimerini-2025-09-04", "publisher_id={kathimerini}", "relayed_by=kcna",
        "relation=reported", "medium=statement", "hop_medium=wire_copy", "stated_on_after=2024-01-01", "language=en", "published_on_after=2024-01-01", "known_on=2025-12-31", "needs_review=false",
    ],
    "estimates": [
        "proposition=nk-troops-russia-deaths", "claimant=nis", "claimant_id={nis}", "relayed_by=kcna", "qualifier=approximately",
        "approximate=false",
        "as_of_after=2025-01-01", "value_min=10", "value_max=5000", "known_on=2025-12-31", "unit=people",
    ],
    "documents": ["publisher=yonhap", "language=en", "published_on_after=2024-01-01", "known_on=2025-12-31", "kind=news_article"],
    "actors": ["kind=person", "country=KR", "q=national", "parent=north-korea", "reliability=F", "ordering=-name"],
    "propositions": ["kind=quantity", "status=open", "cumulative=false", "subject=north-korea", "q=deaths", "ordering=key"],
}


@pytest.mark.parametrize("resource", LISTS)
def test_list_query_count_is_constant_in_page_size(many, json_probed, api_client, django_assert_num_queries, resource):
    for page_size in (1, 10, 50):
        with django_assert_num_queries(LISTS[resource]):
            response = api_client.get(f"/api/v1/{resource}/?page_size={page_size}")
        assert response.status_code == 200
        assert len(response.json()["results"]) == min(page_size, response.json().get("count", page_size))


#: Filters by the key of a related object resolve the keys to ids first: one query more, whatever the page.
KEY_FILTERS = {"claimant", "relayed_by", "subject", "document", "publisher", "proposition", "claim", "parent"}
#: Claimant filters read the claims the actors are joint claimants of: one query more, whatever the page (a claimant
#: key is resolved in that same query).
CLAIMANT_FILTERS = {"claimant", "claimant_id", "claimant_kind", "claimant_country"}


@pytest.mark.parametrize("resource, query", [(r, q) for r, queries in FILTERS.items() for q in queries])
def test_list_query_count_is_the_same_with_each_filter(some, json_probed, api_client, django_assert_num_queries, resource, query):
    ids = {name: actor.pk for name, actor in some["actors"].items()}
    ids.update(greek=some["documents"]["greek"].pk, proposition=some["proposition"].pk)
    query = query.format(**ids)
    resolving = 1 if query.split("=")[0] in KEY_FILTERS | CLAIMANT_FILTERS else 0
    with django_assert_num_queries(LISTS[resource] + resolving):
        response = api_client.get(f"/api/v1/{resource}/?page_size=50&{query}")
    assert response.status_code == 200
    assert response.json()["results"], "a filter that matches nothing would skip the prefetch queries"


def test_an_empty_claims_page_reads_no_rows(some, json_probed, api_client, django_assert_num_queries):
    """A page with no claims is its ids' statement alone: nothing to read by id."""
    with django_assert_num_queries(1):
        response = api_client.get("/api/v1/claims/?stated_on_after=2100-01-01")
    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize("dense", [False, True])
def test_search_costs_a_fixed_number_of_queries_more(many, json_probed, api_client, django_assert_num_queries, monkeypatch, dense):
    """None on SQLite (claimant names are matched inside the page's query); on PostgreSQL, the first time a
    search is asked, two counting matches among the newest claims (the oldest id among them, then the count;
    then remembered in the shared cache), and for sparse terms one fetching the matching ids through the GIN
    index, every time (claims.search)."""
    from django.core.cache import cache

    from claims import search

    if dense:
        monkeypatch.setattr(search, "DENSE_MATCHES", 1)
    cache.clear()
    postgres = connection.vendor == "postgresql"
    for asked, page_size in enumerate((1, 10, 50)):
        extra = ((2 if asked == 0 else 0) + (0 if dense else 1)) if postgres else 0
        with django_assert_num_queries(LISTS["claims"] + extra):
            response = api_client.get(f"/api/v1/claims/?page_size={page_size}&q=national")
        assert len(response.json()["results"]) == min(page_size, 49)
    cache.clear()


@pytest.fixture
def json_probed(db):
    """Django asks SQLite once per connection whether it has JSON functions (``SELECT JSON(...)``, cached on
    the connection's features): ask before counting, so that a count does not depend on the tests before it."""
    assert connection.features.has_json_object_function


@pytest.mark.parametrize(
    "url, queries",
    [
        ("/api/v1/claims/nis-2000/", 1),  # the claim with its nested lists as JSON (factbase.nested_json)
        ("/api/v1/claims/nis-2000/?known_on=2025-09-04", 1),
        ("/api/v1/claims/nis-2000/claimreview/", 1),
        ("/api/v1/actors/nis/", 2),
        ("/api/v1/documents/kathimerini-2025-09-04/", 1),
        ("/api/v1/propositions/nk-troops-russia-deaths/", 4),
        # proposition, estimates+claim+claimant, joint claimants, appearances+document+publisher, hops+actor,
        # wordings (the independent origins are counted from the series, no query)
        ("/api/v1/propositions/nk-troops-russia-deaths/timeline/", 6),
        ("/api/v1/propositions/nk-troops-russia-deaths/timeline/?known_on=2025-06-01", 6),
    ],
)
def test_detail_query_count(some, json_probed, api_client, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        assert api_client.get(url).status_code == 200


def test_staff_claim_detail_query_count(some, json_probed, api_client, staff, django_assert_num_queries):
    """A staff reader's detail of a draft is one query too (the user is read by force_authenticate, not a query)."""
    api_client.force_authenticate(staff)
    for url in ("/api/v1/claims/nis-draft/", "/api/v1/claims/nis-draft/?known_on=2025-09-04&format=api"):
        with django_assert_num_queries(1):
            assert api_client.get(url).status_code == 200


def test_claimreviews_query_count(some, json_probed, api_client, django_assert_num_queries):
    for page_size in (1, 2, 50):
        with django_assert_num_queries(1):
            assert api_client.get(f"/api/v1/claims/claimreviews/?page_size={page_size}").status_code == 200


def test_import_runs_query_count(db, api_client, staff, django_assert_num_queries):
    from factbase.models import ImportRun

    for n in range(5):
        ImportRun.objects.create(command="import_bundle", files=[{"name": f"f{n}.yaml", "sha256": "0" * 64}])
    api_client.force_authenticate(staff)
    with django_assert_num_queries(2):  # COUNT, runs
        assert api_client.get("/api/v1/import-runs/?page_size=2").status_code == 200
