"""The search plan: on PostgreSQL ``q`` uses the stored tsvector and its GIN index; on SQLite, search_text."""

import pytest
from django.db import connection

from claims.models import Claim
from claims.search import search_claims


def _plan(queryset):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On a handful of rows the planner rightly prefers a sequential scan; forbid it to see
            # whether the index *can* serve the query, as it will on a real table.
            cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(str(row[0]) if len(row) == 1 else " ".join(map(str, row)) for row in cursor.fetchall())


@pytest.mark.postgresql
def test_search_uses_the_gin_index_on_postgresql(world, request):
    queryset = search_claims(Claim.objects.all(), "πουτιν στρατ").values("id")
    plan = _plan(queryset)
    if connection.vendor == "postgresql":
        assert "claim_search_vector_gin_idx" in plan, plan
    elif "postgresql" in (request.config.option.markexpr or ""):
        pytest.fail("asked for the PostgreSQL tests (-m postgresql) on SQLite: set DATABASE_URL to PostgreSQL")
    else:
        # SQLite has no tsvector or GIN index: the same word-prefix rule runs over search_text.
        sql = str(queryset.query)
        assert "search_text" in sql and "LIKE" in sql and "search_vector" not in sql


def test_search_finds_the_same_claims_on_every_database(world):
    found = set(search_claims(Claim.objects.filter(status="published"), "πουτιν").values_list("key", flat=True))
    assert found == {"putin-praise"}
