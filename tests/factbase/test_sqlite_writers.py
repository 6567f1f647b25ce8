"""SQLite, the embedded default, makes concurrent writers wait instead of fail.

Two processes write to one SQLite file at once, each in a transaction that reads before it writes (as an
admin save does). With SQLite's default deferred transactions the second one's write fails at once with
"database is locked" (the first holds the write lock; the second cannot upgrade its read lock); with the
settings (``transaction_mode`` IMMEDIATE, a busy timeout) it waits for the first to commit, then succeeds.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import time
from django.db import transaction
from sources.models import Actor
with transaction.atomic():
    Actor.objects.count()  # read first: the transaction holds a read lock
    time.sleep({pause})
    Actor.objects.create(key="{key}", name="{key}", kind="person")
    print("holding", flush=True)
    time.sleep({hold})
print("committed")
"""


def _manage(url, *args):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_ENV": "development", "DEBUG": "0"}
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_writers_at_once_both_commit(tmp_path, database_templates):
    url = database_templates.sqlite(tmp_path / "writers.sqlite3")  # migrated (tests/sharing.py)
    # Writer A takes the write lock and holds it 3 s; writer B starts meanwhile, reads, then writes.
    first = _manage(url, "shell", "--no-imports", "-c", WRITER.format(key="first", pause=0, hold=3))
    assert first.stdout.readline().strip() == "holding"  # A holds the write lock now
    second = _manage(url, "shell", "--no-imports", "-c", WRITER.format(key="second", pause=0.5, hold=0))
    outputs = [process.communicate(timeout=120) for process in (first, second)]
    for (out, err), process in zip(outputs, (first, second)):
        assert process.returncode == 0, err[-1500:]
        assert "committed" in out
    count = _manage(url, "shell", "--no-imports", "-c", "from sources.models import Actor; print(Actor.objects.count())")
    out, err = count.communicate(timeout=120)
    assert out.strip().splitlines()[-1] == "2", err
