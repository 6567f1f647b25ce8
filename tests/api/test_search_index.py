"""The search plan: on PostgreSQL ``q`` uses the stored tsvector and its GIN index; on SQLite, search_text."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from claims.search import search_claims


def _require_postgresql(request):
    if connection.vendor != "postgresql":
        pytest.fail("asked for a PostgreSQL test (marked postgresql) on SQLite: set DATABASE_URL to PostgreSQL")


@pytest.mark.postgresql
def test_sparse_terms_are_read_through_the_gin_index_and_the_page_cut_from_ids(world, request):
    _require_postgresql(request)
    from django.core.cache import cache

    cache.clear()  # the density is remembered: forget it, so that the probe runs
    with CaptureQueriesContext(connection) as queries:
        result = search_claims(Claim.objects.all(), "πουτιν στρατ")
    floor, probe, ids = (query["sql"] for query in queries.captured_queries[-3:])
    assert "ORDER BY" in floor and "LIMIT 1 OFFSET 999" in floor  # the oldest of the newest 1,000 ids
    assert 'COALESCE("claims_claim"."search_vector"' in probe and "COUNT(" in probe  # matched by expression: no GIN
    assert "search_vector" in ids and "ORDER BY" not in ids
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: see whether the index *can* serve
        cursor.execute(f"EXPLAIN {ids}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "claim_search_vector_gin_idx" in plan and "to_tsvector(" not in plan, plan
    page = str(result.query)
    assert "@@" not in page and '"claims_claim"."id" IN' in page
    assert set(result.values_list("key", flat=True)) == {"putin-praise"}


@pytest.mark.postgresql
def test_dense_terms_are_found_by_walking_the_primary_key(world, request, monkeypatch):
    _require_postgresql(request)
    from django.core.cache import cache

    from claims import search

    monkeypatch.setattr(search, "DENSE_MATCHES", 1)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        result = search_claims(Claim.objects.all(), "πουτιν")
    # The probe (the oldest of the newest ids, then the count, by expression: no GIN), and no ids query.
    assert len(queries.captured_queries) == 2
    assert 'COALESCE("claims_claim"."search_vector"' in queries.captured_queries[-1]["sql"]
    page = str(result.order_by("-id")[:51].query)
    assert '"search_vector" @@' in page and "to_tsvector(" not in page
    assert set(result.values_list("key", flat=True)) == {"putin-praise"}
    # Asked again, the density comes from the shared cache: no probe, no ids query, the same claims.
    with CaptureQueriesContext(connection) as queries:
        again = search_claims(Claim.objects.all(), "πουτιν")
    assert len(queries.captured_queries) == 0
    assert set(again.values_list("key", flat=True)) == {"putin-praise"}
    cache.clear()


@pytest.mark.postgresql
def test_a_remembered_density_never_changes_what_is_found(world, request, monkeypatch):
    """A stale density (dense remembered for a term now sparse, or the reverse) changes the plan, not the claims."""
    _require_postgresql(request)
    from django.core.cache import cache

    from claims import search

    for counted in (0, 10**6):  # sparse, then dense, whatever the data says
        monkeypatch.setattr(search, "_recent_matches", lambda queryset, terms, counted=counted: counted)
        cache.clear()
        assert set(search_claims(Claim.objects.all(), "πουτιν").values_list("key", flat=True)) == {"putin-praise"}
        assert set(search_claims(Claim.objects.all(), "πουτιν").values_list("key", flat=True)) == {"putin-praise"}
    cache.clear()


def test_each_database_matches_its_own_search_column(world):
    sql = str(search_claims(Claim.objects.all(), "πουτιν στρατ").values("id").query)
    if connection.vendor == "postgresql":
        # The page is cut from ids read through the GIN index (the tests above); the text is never re-parsed.
        assert "to_tsvector(" not in sql and "search_text" not in sql
    else:
        # SQLite has no tsvector or GIN index: the same word-prefix rule runs over search_text.
        assert "search_text" in sql and "LIKE" in sql and "search_vector" not in sql


def test_search_finds_the_same_claims_on_every_database(world):
    found = set(search_claims(Claim.objects.filter(status="published"), "πουτιν").values_list("key", flat=True))
    assert found == {"putin-praise"}


@pytest.mark.postgresql
def test_claimant_names_are_matched_through_the_trigram_index(world, request):
    _require_postgresql(request)
    from claims.search import matching_actors

    with CaptureQueriesContext(connection) as queries:
        found = {term: [row["id"] for row in matching_actors(term)] for term in ("πουτιν", "intell")}
    assert found["πουτιν"] == [world["actors"]["putin"].pk] and found["intell"] == [world["actors"]["nis"].pk]
    query = queries.captured_queries[0]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: see whether the index *can* serve
        cursor.execute(f"EXPLAIN {query['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "actor_search_text_trgm_idx" in plan, plan


def test_claimant_names_match_by_word_prefix_only(world):
    from claims.search import matching_actors

    found = {term: [row["id"] for row in matching_actors(term)] for term in ["service", "ervice", "vladimir", "πουτ", "ουτιν"]}
    assert found["service"] == [world["actors"]["nis"].pk]  # "National Intelligence Service"
    assert found["vladimir"] == found["πουτ"] == [world["actors"]["putin"].pk]
    assert found["ervice"] == found["ουτιν"] == []  # inside a word: no match


@pytest.fixture
def joint_world(db):
    """Claims matched by their text, their lead claimant's names or a joint claimant's names; an actor name
    holding "_" and "%", which LIKE would read as wildcards."""
    from claims.models import JointClaimant
    from tests.claims.factories import ClaimFactory
    from tests.sources.factories import ActorFactory

    western = ActorFactory(key="western-intelligence", name="Western intelligence")
    nis = ActorFactory(key="nis-kr", name="National Intelligence Service")
    odd = ActorFactory(key="odd", name="Foo_bar 100% Agency")
    near = ActorFactory(key="near", name="Fooxbar 1000 Agency")
    claims = {
        "text": ClaimFactory(key="text", claimant=near, status="published", summary="Western governments estimate the losses."),
        "lead": ClaimFactory(key="lead", claimant=western, status="published", summary="About two thousand killed."),
        "joint": ClaimFactory(key="joint", claimant=nis, status="published", summary="About three thousand wounded."),
        "odd": ClaimFactory(key="odd", claimant=odd, status="published", summary="Nothing else."),
        "none": ClaimFactory(key="none", claimant=nis, status="published", summary="Unrelated."),
    }
    JointClaimant.objects.create(claim=claims["joint"], actor=western, position=2)
    return claims


SEARCHES = {
    "western": {"text", "lead", "joint"},  # its text; its lead claimant's name; a joint claimant's name
    "intell": {"lead", "joint", "none"},
    "foo_bar": {"odd"},  # "_" is no wildcard: Fooxbar does not match
    "western thousand": {"lead", "joint"},
    "estern": set(),  # inside a word: no match
}


@pytest.mark.parametrize("query, expected", SEARCHES.items())
def test_a_search_finds_text_lead_and_joint_claimants_alike_on_every_database(joint_world, query, expected):
    assert set(search_claims(Claim.objects.all(), query).values_list("key", flat=True)) == expected
    plain = search_claims(Claim.objects.all(), query, choose_plan=False)
    assert set(plain.values_list("key", flat=True)) == expected
    # Inside a subquery, where Django renames the tables (U0...), the condition follows the renaming.
    assert set(Claim.objects.filter(pk__in=plain.values("pk")).values_list("key", flat=True)) == expected


@pytest.mark.postgresql
@pytest.mark.parametrize("query", SEARCHES)
def test_the_term_template_finds_what_the_composed_condition_finds(joint_world, request, query):
    """PostgreSQL's page condition (``TermMatches``, one template) and the one the density probe and SQLite
    compose from subquerysets agree, term by term."""
    _require_postgresql(request)
    from django.contrib.postgres.search import SearchQuery

    from claims.search import TermMatches, _claimant_among, _joint_claimant_among, matching_actors
    from factbase.text import search_terms

    for term in search_terms(query):
        composed = (
            Q(search_vector=SearchQuery(f"'{term}':*", search_type="raw", config="simple"))
            | _claimant_among(matching_actors(term)) | _joint_claimant_among(matching_actors(term))
        )
        by_template = set(Claim.objects.filter(TermMatches(term)).values_list("key", flat=True))
        assert by_template == set(Claim.objects.filter(composed).values_list("key", flat=True)), term


@pytest.mark.postgresql
def test_the_term_template_reads_actor_names_through_the_trigram_index(joint_world, request):
    _require_postgresql(request)
    from claims.search import TermMatches

    sql, params = Claim.objects.filter(TermMatches("western")).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: see whether the index *can* serve
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "actor_search_text_trgm_idx" in plan, plan


@pytest.mark.postgresql
def test_the_planner_itself_chooses_the_trigram_index_for_a_rare_term_among_many_actors(joint_world, request):
    """Not forced: with thousands of actors, reading each one's names with LIKE costs more than the planner
    thinks, and a rare term's search grew with the number of actors (2.6 ms at 4,000 against 0.24 at 400) while
    the condition was an OR of the two word-prefix patterns. One substring pattern the index serves alone comes
    first now, and the planner takes the index."""
    _require_postgresql(request)
    from claims.search import TermMatches
    from sources.models import Actor

    Actor.objects.bulk_create(
        Actor(key=f"bulk-{n}", name=f"Actor {n} corridor casualties", kind="person", search_text=f"actor {n} corridor casualties bulk {n}")
        for n in range(4000)
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'actor_search_text_trgm_idx'")
        assert cursor.fetchone(), "no trigram index on sources_actor.search_text: is pg_trgm installed (sources 0002)?"
        # As after a load or a vacuum: rows inserted into a GIN index wait in its pending list, which the planner
        # costs as a read of every entry in it.
        cursor.execute("SELECT gin_clean_pending_list('actor_search_text_trgm_idx')")
        cursor.execute("ANALYZE sources_actor")
        sql, params = Claim.objects.filter(TermMatches("zeppelinium")).values("id").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "actor_search_text_trgm_idx" in plan and "Seq Scan on sources_actor" not in plan, plan


@pytest.mark.parametrize("query, expected", {
    "claimant=western-intelligence": {"lead", "joint"},  # the lead claimant of one claim, a joint claimant of another
    "claimant=western-intelligence,no-such-key": {"lead", "joint"},  # an unknown key among known ones matches nothing
    "claimant=no-such-key": set(),
    "claimant=odd,western-intelligence": {"lead", "joint", "odd"},
    "claimant=nis-kr": {"joint", "none"},
}.items())
def test_claimant_keys_resolve_with_their_joint_claims_in_one_query(joint_world, api_client, query, expected):
    response = api_client.get(f"/api/v1/claims/?{query}&page_size=50")
    assert response.status_code == 200
    assert {claim["key"] for claim in response.json()["results"]} == expected


def test_claimant_ids_repeated_or_unknown_match_like_keys(joint_world, api_client):
    from sources.models import Actor

    western = Actor.objects.get(key="western-intelligence").pk
    for ids in (f"{western}", f"{western},{western}", f"{western},999999999"):
        response = api_client.get(f"/api/v1/claims/?claimant_id={ids}")
        assert response.status_code == 200
        assert {claim["key"] for claim in response.json()["results"]} == {"lead", "joint"}, ids
