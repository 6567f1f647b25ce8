"""The Celery task that runs a capture job in a worker, and retries it with back-off.

The job row (``capture.CaptureJob``) holds the state; the task only carries its id. A transient failure
(timeout, connection refused, HTTP 5xx or 429) puts the job back to *queued* with the error and the time of
the next attempt, and the task is retried after ``CAPTURE_RETRY_DELAY`` seconds, doubled at each attempt
(at most ``CAPTURE_RETRY_DELAY_MAX``), until ``CAPTURE_MAX_ATTEMPTS``; then the job fails with the error.
"""

from django.db import DatabaseError

from factbase.celery import app

from .jobs import capture_job_run

TASK_NAME = "capture.run_job"


# A database that cannot be reached (or a locked row) before the job could even be claimed: the message is
# retried with Celery's own back-off, since the job row cannot record anything.
@app.task(bind=True, name=TASK_NAME, acks_late=True, max_retries=None, ignore_result=True,
          autoretry_for=(DatabaseError,), retry_backoff=5, retry_backoff_max=600, retry_jitter=True,
          retry_kwargs={"max_retries": 10})
def capture_run_job(self, job_id: int) -> None:
    job, retry_in = capture_job_run(job_id=job_id, retry=True)
    if retry_in is not None:
        raise self.retry(countdown=retry_in)
