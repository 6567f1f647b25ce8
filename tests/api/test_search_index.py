"""The search plan: on PostgreSQL ``q`` uses the stored tsvector and its GIN index; on SQLite, search_text."""

import pytest
from django.db import connection
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
