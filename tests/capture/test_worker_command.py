"""The worker command itself, as an operator runs it: ``manage.py capture_worker`` in its own process,
on the real broker and the test database (PostgreSQL: another process cannot see SQLite's in-memory one)."""

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings as django_settings
from django.db import connection

from sources.capture.jobs import capture_job_submit
from sources.capture.models import CaptureJob
from tests.capture.test_worker import BROKER

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_the_worker_command_runs_queued_jobs_retries_and_stops_on_sigterm(site, settings, archives):
    assert connection.vendor == "postgresql", "this test runs in the PostgreSQL pass (DATABASE_URL=postgres://...)"
    from factbase.celery import app

    queue = f"capture-test-{uuid.uuid4().hex[:12]}"
    settings.CELERY_BROKER_URL, settings.CAPTURE_QUEUE = BROKER, queue
    app.conf.broker_url = BROKER
    env = {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": BROKER, "CAPTURE_QUEUE": queue,
           "CAPTURE_ALLOW_PRIVATE_ADDRESSES": "1", "CAPTURE_STORAGE_DIR": str(archives), "CAPTURE_RETRY_DELAY": "0.5",
           "DJANGO_ENV": "test"}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "capture_worker", "--concurrency", "2", "--loglevel", "warning"],
        cwd=django_settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        site.fail_next["/news/flaky.html"] = 1
        jobs = [capture_job_submit(url=site.url(path), queue=True)
                for path in ("/news/seoul-2000.html", "/news/flaky.html", "/ko/article.html")]
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            states = list(CaptureJob.objects.filter(pk__in=[j.pk for j in jobs]).order_by("id").values_list("state", "attempts"))
            if all(state in {"done", "failed"} for state, _ in states) or worker.poll() is not None:
                break
            time.sleep(0.2)
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=60)
    errors = list(CaptureJob.objects.filter(pk__in=[j.pk for j in jobs]).order_by("id").values_list("error", flat=True))
    assert states == [("done", 1), ("done", 2), ("done", 1)], f"{errors}\n{output}"
    assert worker.returncode == 0, output
    assert {job.document.language for job in CaptureJob.objects.filter(pk__in=[j.pk for j in jobs])} == {"en", "ko"}
