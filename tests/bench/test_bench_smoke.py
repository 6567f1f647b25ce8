"""Smoke check of the benchmark harness: ``bench/run`` runs end to end at a small scale and prints every row.

Not a timed test: targets may FAIL here; what must hold is that every row is measured (exit status 0,
no ERROR row) on the engine the tests run on — a temporary SQLite file, or a fresh PostgreSQL database
beside the test database when ``DATABASE_URL`` is PostgreSQL.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 600

EVERY_ENGINE = [
    "import_bundle records/s",
    "import_bundle peak RSS",
    "claims list, page of 50",
    "claims list, claimant + stated_on filters, page of 50",
    "claims list, q=military, page of 50",
    "claims list, known_on, page of 50",
    "proposition timeline",
    "claim detail",
    "browsable HTML ÷ JSON, claims page of 50",
    "cursor page",
    "q=zeppelinium p95",
    "q=military p95",
    "CSV export peak RSS",
    "claims list: page 50 vs page 10",
    "claims list, q=military: page 50 vs page 10",
    "proposition timeline: largest vs smallest",
    "claim detail: with estimate vs another",
]
POSTGRESQL_ONLY = ["COPY ceiling records/s", "EXPLAIN q=zeppelinium", "EXPLAIN q=military"]


@pytest.fixture
def bench_database_url(tmp_path, database_templates):
    """A migrated database of the tests' engine that nothing else uses, removed afterwards (tests/sharing.py)."""
    url = database_templates.vendor_under_test(tmp_path, "bench")
    try:
        yield url
    finally:
        database_templates.drop(url)


def test_bench_run_measures_every_row_at_small_scale(bench_database_url, tmp_path):
    json_out, md_out = tmp_path / "bench.json", tmp_path / "bench.md"
    result = subprocess.run(
        # import_bundle runs at tens of records/s today: time it on 200 claims to keep CI's check short.
        [sys.executable, str(ROOT / "bench" / "run"), "--claims", "1000", "--repeat", "1", "--import-claims", "200",
         "--database-url", bench_database_url, "--workdir", str(tmp_path / "work"),
         "--json-out", str(json_out), "--md-out", str(md_out)],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    postgres = bench_database_url.startswith("postgres")
    expected = EVERY_ENGINE + (POSTGRESQL_ONLY if postgres else [])
    measures = [row["measure"] for row in json.loads(json_out.read_text())["rows"]]
    for name in expected:
        assert any(measure.startswith(name) for measure in measures), f"no row {name!r} in {measures}"
        assert name in result.stdout and name in md_out.read_text()
    assert sum(measure.startswith("claims list, page of ") for measure in measures) == 2  # 50 and the largest
    assert "ERROR" not in result.stdout
    assert f"factbase bench: {'postgresql' if postgres else 'sqlite'}, 1,000 claims" in result.stdout

    # --loaded measures the data set left in the database as it is (no emptying, no bulk load)...
    loaded = [sys.executable, str(ROOT / "bench" / "run"), "--repeat", "1", "--only", "queries", "--loaded",
              "--database-url", bench_database_url, "--workdir", str(tmp_path / "work2")]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    again = subprocess.run([*loaded, "--claims", "1000"], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert "measuring the 1,000 claims already loaded" in again.stderr and "bulk_create" not in again.stderr
    assert "claims list: page 50 vs page 10" in again.stdout and "ERROR" not in again.stdout
    # ...and refuses a database that does not hold the data set it is told of, or an import group.
    wrong = subprocess.run([*loaded, "--claims", "2000"], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    assert wrong.returncode == 2 and "holds 1,000 claims" in wrong.stderr
    mixed = subprocess.run([sys.executable, str(ROOT / "bench" / "run"), "--only", "import,api", "--loaded", "--claims", "1000",
                            "--database-url", bench_database_url], cwd=ROOT, capture_output=True, text=True,
                           timeout=TIMEOUT, env=env)
    assert mixed.returncode == 2 and "--loaded" in mixed.stderr

    # The http group: the same database over HTTP (gunicorn, production settings), PostgreSQL only.
    http = subprocess.run([sys.executable, str(ROOT / "bench" / "run"), "--only", "http", "--loaded", "--claims", "1000",
                           "--repeat", "1", "--http-seconds", "1", "--database-url", bench_database_url],
                          cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    if postgres:
        assert http.returncode == 0, http.stdout[-3000:] + http.stderr[-3000:]
        assert "Over HTTP:" in http.stdout
        for name in ("claims list, page of 50 ÷ raw SQL + orjson (over HTTP)", "claim detail ÷ raw SQL + orjson (over HTTP)",
                     "throughput at concurrency 8", "throughput at concurrency 32"):
            assert name in http.stdout, http.stdout
    else:
        assert http.returncode == 2 and "runs on PostgreSQL" in http.stderr
