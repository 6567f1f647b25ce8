"""Faults during an import: the database failing mid-run, the connection killed, the operator pressing Ctrl-C.

Whatever happens, nothing partial is left (the import is one transaction) and rerunning succeeds.
The connection-kill test needs PostgreSQL (``pg_terminate_backend``) and is marked ``postgresql``;
the others run on both databases.
"""

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DatabaseError, OperationalError, connection, connections

from claims.models import Claim
from factbase.models import ImportRun
from tests.security.conftest import dump_database, numbered_bundle, require_postgresql

ROOT = Path(settings.BASE_DIR)


class FailOn:
    """A database execute wrapper: OperationalError on the ``nth`` statement starting with ``verb`` — once
    (a transient fault), or, ``sticky``, on every data statement from then on (the server is gone).
    Savepoint and rollback statements still pass, so the test's own transaction can unwind."""

    PASS = ("SAVEPOINT", "RELEASE", "ROLLBACK")

    def __init__(self, verb: str, nth: int, *, sticky: bool):
        self.verb, self.nth, self.sticky, self.seen, self.failed = verb, nth, sticky, 0, 0

    def __call__(self, execute, sql, params, many, context):
        text = sql.lstrip().upper()
        if text.startswith(self.verb):
            self.seen += 1
        if (self.seen == self.nth and text.startswith(self.verb) and not self.failed) or (
            self.sticky and self.failed and not text.startswith(self.PASS)
        ):
            self.failed += 1
            raise OperationalError("server closed the connection unexpectedly (simulated by the test)")
        return execute(sql, params, many, context)


class Count:
    """A database execute wrapper that counts statements by their first word."""

    def __init__(self):
        self.counts = {}

    def __call__(self, execute, sql, params, many, context):
        verb = sql.lstrip().split(None, 1)[0].upper()
        self.counts[verb] = self.counts.get(verb, 0) + 1
        return execute(sql, params, many, context)


@pytest.mark.django_db
@pytest.mark.parametrize("verb", ["INSERT", "UPDATE", "SELECT"])
@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize("sticky", [True, False], ids=["connection-gone", "transient"])
def test_a_database_failure_mid_import_leaves_nothing_or_everything_and_the_rerun_succeeds(tmp_path, verb, where, sticky):
    """A lasting failure must fail the import and leave nothing; a transient one may be retried by the
    importer (its fast path falls back to the record-by-record path), but then everything is imported."""
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(numbered_bundle(0, 80)), encoding="utf-8")
    # How many such statements a run makes (a dry run does the same work), so the fault lands where asked
    # however the importer batches its writes.
    counting = Count()
    with connection.execute_wrapper(counting):
        call_command("import_bundle", str(path), "--dry-run", stdout=io.StringIO())
    total = counting.counts.get(verb, 0)
    assert total, f"an import makes no {verb} statement"
    nth = {"first": 1, "middle": max(1, total // 2), "last": total}[where]
    before = dump_database(tmp_path, "before")
    failing = FailOn(verb, nth, sticky=sticky)
    error = None
    with connection.execute_wrapper(failing):
        try:
            call_command("import_bundle", str(path), stdout=io.StringIO())
        except (CommandError, DatabaseError) as raised:
            error = raised
    assert failing.failed, "the fault was never injected: the test would prove nothing"
    if sticky:
        assert error is not None, "the database was gone, yet the import reported success"
    if error is not None:
        assert "simulated by the test" in str(error)
        assert dump_database(tmp_path, "after") == before
        call_command("import_bundle", str(path), stdout=io.StringIO())
    assert Claim.objects.count() == 80 and ImportRun.objects.count() == 1
    out = io.StringIO()
    call_command("import_bundle", str(path), stdout=out)
    assert "Nothing changed" in out.getvalue()


def _generate(tmp_path, claims):
    out = tmp_path / f"generated-{claims}.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate"), "--claims", str(claims), "--out", str(out)],
                   check=True, cwd=ROOT)
    return out


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_importers_connection_killed_mid_import_leaves_nothing_and_the_rerun_succeeds(tmp_path):
    require_postgresql()
    bundle = _generate(tmp_path, 1500)
    state = {"pid": None, "error": None}
    started = threading.Event()

    def importer():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                state["pid"] = cursor.fetchone()[0]
            started.set()
            call_command("import_bundle", str(bundle), stdout=io.StringIO())
        except BaseException as error:  # noqa: BLE001 — judged below
            state["error"] = error
        finally:
            started.set()
            connections.close_all()

    thread = threading.Thread(target=importer)
    thread.start()
    assert started.wait(30) and state["pid"]
    killed = False
    deadline = time.monotonic() + 60
    with connection.cursor() as cursor:
        while time.monotonic() < deadline and thread.is_alive():
            # Kill once the importer has been inside its transaction for a moment (records written, uncommitted).
            cursor.execute("SELECT now() - xact_start > interval '0.5 seconds' FROM pg_stat_activity "
                           "WHERE pid = %s AND xact_start IS NOT NULL", [state["pid"]])
            row = cursor.fetchone()
            if row and row[0]:
                cursor.execute("SELECT pg_terminate_backend(%s)", [state["pid"]])
                killed = cursor.fetchone()[0]
                break
            time.sleep(0.05)
    thread.join(120)
    assert killed, "the importer finished before it could be killed: generate a larger file"
    assert isinstance(state["error"], (CommandError, DatabaseError)), repr(state["error"])
    assert Claim.objects.count() == 0 and ImportRun.objects.count() == 0, "a killed import left records behind"
    call_command("import_bundle", str(bundle), stdout=io.StringIO())
    assert Claim.objects.count() == 1500 and ImportRun.objects.count() == 1


def _manage(url, *args, **kwargs):
    env = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1", "DJANGO_ENV": "development"}
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def _count_claims(url) -> int:
    process = _manage(url, "shell", "-c", "from claims.models import Claim; print(Claim.objects.count())")
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return int(out.strip().splitlines()[-1])


@pytest.mark.django_db
def test_ctrl_c_during_an_import_leaves_nothing_exits_non_zero_and_prints_no_traceback(tmp_path, database_templates):
    bundle = _generate(tmp_path, 3000)
    # A migrated database of the vendor under test that the subprocess can reach (the test database is
    # private): a SQLite file, or a PostgreSQL database beside the test database (tests/sharing.py).
    url = database_templates.vendor_under_test(tmp_path, "sigint")
    try:
        process = _manage(url, "import_bundle", str(bundle))
        # Interrupt after the first progress line: records have been written inside the transaction.
        first_line = process.stdout.readline()
        assert "records" in first_line, first_line
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        assert process.returncode != 0
        assert "Traceback" not in err, err[-2000:]
        assert "interrupted" in (out + err).lower()
        assert _count_claims(url) == 0
        rerun = _manage(url, "import_bundle", str(bundle))
        out, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err
        assert _count_claims(url) == 3000
    finally:
        database_templates.drop(url)
