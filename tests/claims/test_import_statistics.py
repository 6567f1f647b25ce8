"""import_bundle keeps PostgreSQL's planner statistics current inside its own transaction.

Without it, a table that was empty when last analysed looks empty for the whole import and joins against
it become nested loops over sequential scans (a million-claim import stalled at 270,000 claims).
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from claims.ingest.bundle import lookups as importing

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("claims_claim", "claims_historicalclaim", "claims_claim_subjects", "claims_appearance", "claims_estimate",
          "factbase_import_seen_keys")  # the last one a temporary table, which autovacuum never analyses


def _bundle(tmp_path, claims: int) -> Path:
    out = tmp_path / "claims.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate"), "--claims", str(claims), "--out", str(out)],
                   check=True, capture_output=True)
    return out


def _reltuples(table: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [table])
        if cursor.fetchone()[0] is None:
            return -1  # not created yet (the temporary table exists once an import has run in this session)
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        return cursor.fetchone()[0]


@pytest.mark.postgresql
@pytest.mark.django_db
def test_import_analyses_the_tables_it_fills_as_they_grow(tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.fail("a PostgreSQL test (marked postgresql) ran on SQLite: set DATABASE_URL to PostgreSQL")
    monkeypatch.setattr(importing.PlannerStatistics, "FIRST", 40)
    before = {table: _reltuples(table) for table in TABLES}
    call_command("import_bundle", str(_bundle(tmp_path, 300)), stdout=open("/dev/null", "w"))
    # Still inside the test's transaction: only an ANALYZE run by the import itself can have counted its rows.
    for table in TABLES:
        assert before[table] < 40 <= _reltuples(table), (table, before[table], _reltuples(table))


@pytest.mark.django_db
def test_below_the_threshold_nothing_is_analysed(tmp_path):
    statistics = importing.PlannerStatistics()
    from claims.models import Claim

    statistics.grew(Claim, statistics.FIRST - 1)
    assert statistics.analyzed_at == {}
    statistics.grew(Claim, 1)
    if connection.vendor == "postgresql":
        assert statistics.analyzed_at == {"claims_claim": statistics.FIRST}
        statistics.grew(Claim, statistics.FIRST - 1)  # not doubled yet
        assert statistics.analyzed_at == {"claims_claim": statistics.FIRST}
        statistics.grew(Claim, 1)
        assert statistics.analyzed_at == {"claims_claim": 2 * statistics.FIRST}
    else:
        assert statistics.analyzed_at == {}  # SQLite: nothing to do


@pytest.mark.postgresql
@pytest.mark.django_db
def test_imported_claims_have_their_search_text_and_vector(tmp_path):
    if connection.vendor != "postgresql":
        pytest.fail("a PostgreSQL test (marked postgresql) ran on SQLite: set DATABASE_URL to PostgreSQL")
    from claims.services.derived import claim_search_text
    from claims.models import Claim

    call_command("import_bundle", str(_bundle(tmp_path, 200)), stdout=open("/dev/null", "w"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(*) FILTER (WHERE search_vector IS NULL "
                       "OR search_vector <> to_tsvector('simple', search_text)) FROM claims_claim")
        total, wrong = cursor.fetchone()
    assert total == 200 and wrong == 0
    for claim in Claim.objects.prefetch_related("appearances")[:20]:
        appearances = list(claim.appearances.all())
        assert claim.search_text == claim_search_text(
            summary=claim.summary, quotes=[a.quote for a in appearances], translations=[a.translation for a in appearances]
        )
