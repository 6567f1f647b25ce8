"""Rows measured in child processes or on an emptied database: import rate, import and CSV peak memory.

* import rate: records/s of ``import_bundle`` on a JSON Lines file (timed inside a child process, so
  Django's start-up is not counted) ÷ records/s of ``bulk_create`` of the same rows (``loading.BulkWriter``,
  reading and building included) into an empty database; PostgreSQL COPY of the same rows beside them;
* peak memory: max RSS of a child running ``import_bundle`` on N records ÷ on N/10 records (with DEBUG off,
  and once with DEBUG on: the query log must not grow with the file), and of a
  child streaming ``/api/v1/claims/?format=csv`` for all claims ÷ for about 1% of them.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.db import connection

from . import loading
from .stats import Row, median, timed

ROOT = Path(__file__).resolve().parents[2]


def run_child(*args, env=None) -> tuple[dict, int]:
    """(the child's JSON answer, its max RSS in KiB). Raises RuntimeError when it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "bench.lib.child", *args], cwd=ROOT, stdout=out, stderr=err,
                                   env=env or os.environ.copy())
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    lines = stdout.strip().splitlines()
    answer = {}
    if lines:
        try:
            answer = json.loads(lines[-1])
        except ValueError:
            pass
    if process.returncode != 0 or "error" in answer or not lines:
        detail = answer.get("error") or (stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"child {' '.join(args)} exited {process.returncode}: {detail}"[:400])
    return answer, usage.ru_maxrss  # KiB on Linux


def import_rows(*, big: Path, small: Path, repeat: int, note: str = "") -> list[Row]:
    records, small_records = loading.count_records(big), loading.count_records(small)
    rows = []
    import_seconds, import_rss, small_rss, bulk_seconds, copy_seconds = [], [], [], [], []
    debug_rss, debug_small_rss = [], []
    error = debug_error = ""
    # With DEBUG on, Django logs every query of the connection: the importer must reset that log per
    # batch, or memory grows with the file. Measured once (not repeated): peak memory varies little.
    debug_env = {**os.environ, "DEBUG": "1"}
    try:
        loading.reset_database()
        debug_rss.append(run_child("import", str(big), env=debug_env)[1])
        loading.reset_database()
        debug_small_rss.append(run_child("import", str(small), env=debug_env)[1])
    except RuntimeError as exc:
        debug_error = str(exc)
    for _ in range(repeat):
        try:
            loading.reset_database()
            answer, rss = run_child("import", str(big))
            import_seconds.append(answer["seconds"])
            import_rss.append(rss)
            loading.reset_database()
            _, rss = run_child("import", str(small))
            small_rss.append(rss)
        except RuntimeError as exc:
            error = str(exc)
            break
        loading.reset_database()
        bulk_seconds.append(timed(loading.load_lines, big, loading.BulkWriter())[0])
        if connection.vendor == "postgresql":
            loading.reset_database()
            copy_seconds.append(timed(loading.load_lines, big, loading.CopyWriter())[0])
    if not bulk_seconds:
        loading.reset_database()
        bulk_seconds.append(timed(loading.load_lines, big, loading.BulkWriter())[0])
    bulk_rate = records / median(bulk_seconds)
    label = f"{records:,} records"
    if error:
        rows.append(Row("import", f"import_bundle records/s ({label})", error=error, target=0.5, direction="min"))
        rows.append(Row("import", f"import_bundle peak RSS, {records:,} ÷ {small_records:,} records", error=error, target=1.2))
    else:
        rows.append(Row("import", f"import_bundle records/s ({label})", figure=records / median(import_seconds),
                        baseline=bulk_rate, unit="rec/s", baseline_label="bulk_create", target=0.5, direction="min",
                        runs=len(import_seconds), note=note, samples=[import_seconds, bulk_seconds]))
        rows.append(Row("import", f"import_bundle peak RSS, {records:,} ÷ {small_records:,} records",
                        figure=median(import_rss) / 1024, baseline=median(small_rss) / 1024, unit="MB",
                        baseline_label=f"{small_records:,} records", target=1.2, runs=len(import_rss)))
    if debug_error:
        rows.append(Row("import", f"import_bundle peak RSS with DEBUG on, {records:,} ÷ {small_records:,} records",
                        error=debug_error, target=1.2))
    else:
        rows.append(Row("import", f"import_bundle peak RSS with DEBUG on, {records:,} ÷ {small_records:,} records",
                        figure=debug_rss[0] / 1024, baseline=debug_small_rss[0] / 1024, unit="MB",
                        baseline_label=f"{small_records:,} records", target=1.2, runs=1))
    if copy_seconds:
        rows.append(Row("import", f"COPY ceiling records/s ({label})", figure=records / median(copy_seconds),
                        baseline=bulk_rate, unit="rec/s", baseline_label="bulk_create", runs=len(copy_seconds),
                        note="information: the fastest PostgreSQL can take these rows"))
    return rows


CSV_ALL = "/api/v1/claims/?format=csv"
# Claims are stated uniformly over four years (1,460 days): 15 days are about 1% of them.
CSV_PART = "/api/v1/claims/?format=csv&stated_on_after=2023-01-01&stated_on_before=2023-01-15"


def csv_rows(*, repeat: int) -> list[Row]:
    try:
        repeat = min(repeat, 3)  # streaming every claim is the slowest row: three runs give the median
        everything = [run_child("csv", CSV_ALL) for _ in range(repeat)]
        part = [run_child("csv", CSV_PART) for _ in range(repeat)]
    except RuntimeError as exc:
        return [Row("export", "CSV export peak RSS, all ÷ ~1% of claims", error=str(exc), target=1.2)]
    rows_all, rows_part = everything[0][0]["rows"], part[0][0]["rows"]
    return [Row(
        "export", f"CSV export peak RSS, {rows_all:,} ÷ {rows_part:,} rows",
        figure=median([rss for _, rss in everything]) / 1024, baseline=median([rss for _, rss in part]) / 1024,
        unit="MB", baseline_label=f"{rows_part:,} rows", target=1.2, runs=repeat,
        note=f"streamed in {median([a['seconds'] for a, _ in everything]):.1f} s",
    )]
