"""Smoke check of ``bench/capture``: it runs end to end at a small scale (a few pages, the real worker
command on the real broker) and reports every figure. Not a timed test."""

import json
import subprocess
import sys
from pathlib import Path

from tests.capture.test_worker import BROKER

ROOT = Path(__file__).resolve().parents[2]


def test_the_capture_benchmark_runs_end_to_end(tmp_path, database_templates):
    out = tmp_path / "capture.json"
    database = database_templates.sqlite(tmp_path / "bench.sqlite3")  # migrated (tests/sharing.py)
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "capture"), "--pages", "6", "--concurrency", "2", "--broker", BROKER,
         "--database-url", database, "--json-out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    figures = json.loads(out.read_text())
    assert figures["states"] == {"done": 6}
    assert figures["pages_per_second"] > 0 and figures["peak_rss_total_mb"] > 0
    assert len(figures["high_water_mb_per_process"]) >= 3  # the worker's main process and its 2 children
