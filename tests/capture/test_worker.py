"""Captures through the queue: a real Celery worker (in a thread of this process) on the real broker.

The broker is Redis at CAPTURE_TEST_BROKER_URL (default redis://127.0.0.1:6379/5; .ci/run starts Redis).
Each test uses its own queue, so parallel test processes never take each other's jobs. The test reads a
job's state after each run of the task (``task_postrun``), while the worker is idle: SQLite's shared
in-memory test database locks whole tables, so reading while the worker writes would make the test, not
the code, fail.
"""

import os
import queue as queues
import time
import uuid

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connections

from sources.capture.jobs import capture_job_submit, retry_delay
from sources.capture.models import CaptureJob

BROKER = os.environ.get("CAPTURE_TEST_BROKER_URL", "redis://127.0.0.1:6379/5")
# serialized_rollback: like every transactional test here, so the flush does not break the others.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def worker(settings):
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        pytest.fail(f"the queue tests need Redis at {BROKER} ({exc}); start it (see .ci/run) or set CAPTURE_TEST_BROKER_URL")
    from factbase.celery import app

    queue = f"capture-test-{uuid.uuid4().hex[:12]}"
    settings.CELERY_BROKER_URL = BROKER
    settings.CAPTURE_QUEUE = queue
    app.conf.broker_url = BROKER
    runs = queues.Queue()

    def task_ran(sender=None, task_id=None, args=None, **kwargs):
        # Runs in the worker's thread: its database connection must not outlive the test (PostgreSQL would
        # refuse to drop the test database while it is open).
        connections.close_all()
        runs.put(args)

    task_postrun.connect(task_ran, weak=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue], loglevel="WARNING",
                          shutdown_timeout=15):
            yield runs
    finally:
        task_postrun.disconnect(task_ran)


def wait_for(runs, job_id, *, until, timeout=30.0):
    """The job once ``until(job)`` holds, read after a run of the task; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            runs.get(timeout=max(0.01, deadline - time.monotonic()))
        except queues.Empty:
            job = CaptureJob.objects.get(pk=job_id)
            raise AssertionError(f"job {job_id} still {job.state} after {timeout} s: {job.error}") from None
        job = CaptureJob.objects.get(pk=job_id)
        if until(job):
            return job


def test_a_queued_capture_is_run_by_the_worker(site, worker):
    job = capture_job_submit(url=site.url("/news/seoul-2000.html"), queue=True)
    job = wait_for(worker, job.pk, until=lambda j: j.finished)
    assert (job.state, job.outcome, job.attempts) == ("done", "created", 1)
    assert "about 2,000 North Korean soldiers" in job.document.body


def test_a_transient_failure_is_retried_with_back_off(site, worker, settings):
    settings.CAPTURE_RETRY_DELAY = 1.0
    site.fail_next["/news/flaky.html"] = 1
    submitted = time.monotonic()
    job = capture_job_submit(url=site.url("/news/flaky.html"), queue=True)
    waiting = wait_for(worker, job.pk, until=lambda j: j.attempts == 1 and j.state == "queued" and j.error)
    assert waiting.error == f"{site.url('/news/flaky.html')}: the server answered HTTP 503 Service Unavailable"
    assert waiting.next_attempt_at is not None
    job = wait_for(worker, job.pk, until=lambda j: j.finished)
    assert time.monotonic() - submitted >= retry_delay(1) == 1.0
    assert (job.state, job.outcome, job.attempts, job.error) == ("done", "created", 2, "")
    assert site.hits == ["/news/flaky.html", "/news/flaky.html"]


def test_a_capture_that_keeps_failing_fails_after_the_last_attempt(site, worker, settings):
    settings.CAPTURE_MAX_ATTEMPTS = 3
    job = capture_job_submit(url=site.url("/down.html"), queue=True)
    job = wait_for(worker, job.pk, until=lambda j: j.finished)
    assert (job.state, job.attempts) == ("failed", 3)
    assert job.error == f"{site.url('/down.html')}: the server answered HTTP 503 Service Unavailable (attempt 3 of 3)"
    assert site.hits == ["/down.html"] * 3


def test_a_final_refusal_is_not_retried(site, worker):
    job = capture_job_submit(url=site.url("/gone.html"), queue=True)
    job = wait_for(worker, job.pk, until=lambda j: j.finished)
    assert (job.state, job.attempts) == ("failed", 1)
    assert site.hits == ["/gone.html"]


def test_back_off_doubles_up_to_its_cap(settings):
    settings.CAPTURE_RETRY_DELAY, settings.CAPTURE_RETRY_DELAY_MAX = 30, 100
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [30, 60, 100, 100]
