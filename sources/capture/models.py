"""Capture jobs: one address to fetch, archive and turn into a document, and what became of it."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q

from factbase.choices import choices_check
from sources.models import DocumentKind


class CaptureState(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class CaptureOutcome(models.TextChoices):
    CREATED = "created", "document created"
    UPDATED = "updated", "new version of the document"
    UNCHANGED = "unchanged", "document unchanged"


ADDRESS_MESSAGE = "Enter an http:// or https:// address."
FINISHED_STATES = {CaptureState.DONE, CaptureState.FAILED}
STATE_ERROR_REQUIRED = "a failed capture job must say why"
STATE_OUTCOME_REQUIRED = "a done capture job has an outcome; other jobs have none"


class CaptureJob(models.Model):
    """A request to capture the page at an address: queued, running, done (with the document it created,
    updated or left unchanged) or failed (with the error). Retries keep the job: ``attempts`` counts them."""

    url = models.URLField(max_length=2000, verbose_name="address", help_text="The page to capture (http or https).",
                          validators=[URLValidator(schemes=["http", "https"], message=ADDRESS_MESSAGE)])
    state = models.CharField(max_length=16, choices=CaptureState.choices, default=CaptureState.QUEUED, db_index=True)
    outcome = models.CharField(max_length=16, choices=CaptureOutcome.choices, blank=True)

    # What the curator or operator asked for.
    kind = models.CharField(max_length=32, choices=DocumentKind.choices, default=DocumentKind.NEWS_ARTICLE,
                            help_text="Kind of a new document.")
    publisher = models.ForeignKey("sources.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                  help_text="Publisher of a new document.")
    published_on = models.DateField(
        null=True, blank=True, verbose_name="publication date",
        help_text="Used when the page gives no publication date of its own.",
    )
    replace_body = models.BooleanField(
        default=False, verbose_name="replace a hand-made body",
        help_text="Replace the body of a document with this address that was typed, imported or edited by hand "
                  "(otherwise such a document is left alone and the job fails saying so).",
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    # How it went.
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True, help_text="Start of the latest attempt.")
    finished_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, help_text="When a retry is due.")
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why it failed (or why the last attempt failed, while retrying).")
    notes = models.JSONField(default=list, blank=True, help_text="What the capture kept or left alone, and why.")

    # What was fetched and archived.
    final_url = models.URLField(max_length=2000, blank=True, verbose_name="final address")
    redirects = models.JSONField(default=list, blank=True, help_text='[{"url", "status", "location"}] for each hop.')
    http_status = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name="HTTP status")
    content_type = models.CharField(max_length=100, blank=True)
    warc_archive = models.CharField(max_length=300, blank=True, verbose_name="WARC archive")
    warc_record_id = models.CharField(max_length=100, blank=True, verbose_name="WARC record id")
    warc_payload_digest = models.CharField(max_length=100, blank=True, verbose_name="WARC payload digest")
    body_sha256 = models.CharField(max_length=64, blank=True, verbose_name="extracted body SHA-256")
    extractor = models.CharField(max_length=100, blank=True, help_text="The extraction libraries and their versions.")
    document = models.ForeignKey("sources.Document", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="capture_jobs")
    import_run = models.ForeignKey("factbase.ImportRun", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", help_text="Recorded when the capture wrote a document.")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=choices_check("state", CaptureState), name="capture_job_state_valid"),
            models.CheckConstraint(condition=Q(outcome="") | choices_check("outcome", CaptureOutcome),
                                   name="capture_job_outcome_valid"),
            models.CheckConstraint(condition=~Q(state=CaptureState.FAILED) | ~Q(error=""),
                                   name="capture_job_failure_has_error", violation_error_message=STATE_ERROR_REQUIRED),
            models.CheckConstraint(
                condition=(Q(state=CaptureState.DONE) & ~Q(outcome=""))
                | (~Q(state=CaptureState.DONE) & Q(outcome="")),
                name="capture_job_done_has_outcome", violation_error_message=STATE_OUTCOME_REQUIRED,
            ),
        ]

    def __str__(self):
        return f"capture #{self.pk} {self.url}"

    @property
    def finished(self) -> bool:
        return self.state in FINISHED_STATES
