"""Shared base models and the import-run log."""

from django.conf import settings
from django.db import models


class TimeStampedModel(models.Model):
    """Record time: when a row was entered here and last changed."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ImportRun(models.Model):
    """One run of an import command: which files, who ran it, when, and what it did."""

    command = models.CharField(max_length=64, help_text="The management command, e.g. import_bundle.")
    files = models.JSONField(default=list, help_text='[{"name": ..., "sha256": ...}] for every file read.')
    operator = models.CharField(max_length=150, blank=True, help_text="Who ran it (user name or OS account).")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_runs"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, help_text="Per record type: created, updated, unchanged.")

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self):
        names = ", ".join(f["name"] for f in self.files) or "no file"
        return f"{self.command} #{self.pk} ({names})"


class ImportTracked(TimeStampedModel):
    """A record that knows which import runs first and last touched it."""

    first_import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+",
        help_text="The import run that brought this record in (empty if entered by hand).",
    )
    last_import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+",
        help_text="The last import run that created or changed this record.",
    )

    class Meta:
        abstract = True
