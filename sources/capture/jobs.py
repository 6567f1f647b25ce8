"""Capture jobs: submitted by the admin or ``capture_url``, run inline or by a worker, and their state.

A job is *queued* when submitted, *running* while an attempt is under way, then *done* (with the document
created, updated or unchanged) or *failed* (with the error). A transient failure in a worker puts it back
to *queued* until the next attempt (``error`` says why, ``next_attempt_at`` when).
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone

from sources.models import DocumentKind, sha256_text

from .documents import archived_extraction, document_capture_save
from .errors import CaptureError, TransientCaptureError
from .extraction import EXTRACTOR
from .fetching import fetch
from .models import ADDRESS_MESSAGE, CaptureJob, CaptureState
from .storage import archive_name, archive_open, archive_store
from .warc import sha256_digest, warc_build, warc_find_response

logger = logging.getLogger(__name__)
ADDRESS_VALIDATOR = URLValidator(schemes=["http", "https"], message=ADDRESS_MESSAGE)


class QueueNotConfigured(CaptureError):
    """Jobs were to be queued, but no broker is configured."""


def queue_configured() -> bool:
    return bool(settings.CELERY_BROKER_URL)


def capture_job_submit(*, url: str, requested_by=None, kind: str = DocumentKind.NEWS_ARTICLE, publisher=None,
                       published_on: dt.date | None = None, replace_body: bool = False,
                       queue: bool | None = None, dispatch: bool = True) -> CaptureJob:
    """Record a capture job for ``url`` and have it run once the transaction commits: by a worker when
    ``queue`` (default: when a broker is configured), else inline in this process. With ``dispatch`` False
    the job is only recorded, for a caller that runs it itself (``capture_job_run``). ValidationError names
    a bad address; QueueNotConfigured when ``queue`` is asked for without a broker."""
    url = url.strip()
    ADDRESS_VALIDATOR(url)
    if queue is None:
        queue = queue_configured()
    elif queue and not queue_configured():
        raise QueueNotConfigured("no job queue is configured: set CELERY_BROKER_URL (see docs/operations.md)")
    with transaction.atomic():
        job = CaptureJob(url=url, requested_by=requested_by, kind=kind, publisher=publisher,
                         published_on=published_on, replace_body=replace_body)
        job.full_clean()
        job.save()
        if dispatch:
            transaction.on_commit(lambda: capture_job_dispatch(job_id=job.pk, queue=queue))
    return job


def capture_job_dispatch(*, job_id: int, queue: bool) -> None:
    """Send the job to the workers, or run it here (one attempt, no retry)."""
    if queue:
        from .tasks import capture_run_job

        capture_run_job.apply_async(args=[job_id], queue=settings.CAPTURE_QUEUE)
    else:
        capture_job_run(job_id=job_id, retry=False)


def retry_delay(attempt: int) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1, 2, ...): doubled each time, capped."""
    return min(settings.CAPTURE_RETRY_DELAY * 2 ** (attempt - 1), settings.CAPTURE_RETRY_DELAY_MAX)


def _stale_before() -> dt.datetime:
    # A job "running" for far longer than a capture may take was left by a worker that died mid-attempt.
    return timezone.now() - dt.timedelta(seconds=settings.CAPTURE_TIMEOUT * 2 + 60)


def capture_job_run(*, job_id: int, retry: bool) -> tuple[CaptureJob | None, float | None]:
    """Run one attempt of job ``job_id``. Returns (job, seconds until the retry or None).

    With ``retry``, a transient failure before the last attempt queues the job again and asks for a retry;
    without, it fails the job. A job already finished or being run by another worker is left alone.
    """
    claimed = CaptureJob.objects.filter(
        Q(state=CaptureState.QUEUED) | Q(state=CaptureState.RUNNING, started_at__lt=_stale_before()), pk=job_id,
    ).update(state=CaptureState.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1, next_attempt_at=None)
    job = CaptureJob.objects.select_related("publisher", "requested_by").filter(pk=job_id).first()
    if not claimed or job is None:
        return job, None
    try:
        _perform(job)
    except TransientCaptureError as exc:
        if retry and job.attempts < settings.CAPTURE_MAX_ATTEMPTS:
            delay = retry_delay(job.attempts)
            _requeue(job, error=str(exc), delay=delay)
            return job, delay
        suffix = f" (attempt {job.attempts} of {settings.CAPTURE_MAX_ATTEMPTS})" if retry else " (not retried: inline capture)"
        _fail(job, error=f"{exc}{suffix}")
    except CaptureError as exc:
        _fail(job, error=str(exc))
    except DatabaseError as exc:
        logger.exception("capture job %s: database error", job_id)
        if retry and job.attempts < settings.CAPTURE_MAX_ATTEMPTS:
            delay = retry_delay(job.attempts)
            _requeue(job, error=f"database error: {exc}", delay=delay)
            return job, delay
        _fail(job, error=f"database error: {exc}")
    except Exception as exc:  # a bug must still end the job with its error visible in the admin
        logger.exception("capture job %s failed unexpectedly", job_id)
        _fail(job, error=f"unexpected error ({type(exc).__name__}: {exc}); see the worker's log")
    return job, None


def _perform(job: CaptureJob) -> None:
    result = fetch(job.url)
    final = result.final
    job.final_url, job.redirects = final.url, result.redirects
    job.http_status, job.content_type = final.status, final.content_type
    data, record_id = warc_build(result)
    name, stored = archive_store(name=archive_name(payload=final.payload, url=final.url), data=data)
    if not stored:
        # The same response from the same address was archived before: point at that record.
        with archive_open(name) as stream:
            record_id = warc_find_response(stream, url=final.url, payload_digest=sha256_digest(final.payload))
    job.warc_archive, job.warc_record_id = name, record_id
    # The text comes from the archive as stored, exactly as verify_provenance will read it again.
    response, extracted = archived_extraction(name=name, record_id=record_id, limit=settings.CAPTURE_MAX_BYTES)
    job.warc_payload_digest = response.payload_digest
    job.extractor = EXTRACTOR
    job.body_sha256 = sha256_text(extracted.body)
    document, outcome, notes, run = document_capture_save(
        job=job, response=response, archive=name, extracted=extracted, limit=settings.CAPTURE_MAX_BYTES,
    )
    job.document, job.outcome, job.notes, job.import_run = document, outcome, notes, run
    job.state, job.error, job.finished_at = CaptureState.DONE, "", timezone.now()
    job.save()


def _requeue(job: CaptureJob, *, error: str, delay: float) -> None:
    job.state, job.error = CaptureState.QUEUED, error
    job.next_attempt_at = timezone.now() + dt.timedelta(seconds=delay)
    job.save()


def _fail(job: CaptureJob, *, error: str) -> None:
    job.state, job.error, job.outcome, job.finished_at = CaptureState.FAILED, error, "", timezone.now()
    job.save()


def capture_jobs_resubmit(*, jobs, requested_by=None) -> list[CaptureJob]:
    """New jobs for the addresses of ``jobs`` (with the same options): a failed job is kept as it was."""
    return [
        capture_job_submit(url=job.url, requested_by=requested_by, kind=job.kind, publisher=job.publisher,
                           published_on=job.published_on, replace_body=job.replace_body)
        for job in jobs
    ]

