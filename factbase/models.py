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


class BundleBase(models.Model):
    """What one bundle said about one record when it was last imported: the *base* of the three-way merge.

    On the next import of that bundle, a field whose stored value differs from the base was changed by
    someone else since (a curator, another bundle, a command); if the bundle changes it too, that is a
    conflict. ``values`` holds only what the bundle stated: the fields it named and the child rows it
    listed (aliases, subjects, appearances with their hops, stances, estimates, relations), in the
    canonical form of ``claims.ingest.bundle.canonical``. A bundle is known by its ``bundle:`` name, or else
    by its file's absolute path.
    """

    bundle = models.CharField(max_length=500, help_text="The bundle: name:NAME, or file:ABSOLUTE-PATH.")
    record_type = models.CharField(max_length=16, help_text="actors, documents, propositions or claims.")
    record_key = models.CharField(max_length=150)
    # JSON text rather than a JSONField: an import writes one base per record, and serialising with orjson
    # costs microseconds where the database driver's JSON adaptation cost most of a millisecond per row.
    values = models.TextField(default="{}", help_text="The fields and child rows the bundle stated, as JSON.")
    import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The import run that last wrote this base.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bundle", "record_type", "record_key"], name="bundle_base_unique_record"),
        ]

    def __str__(self):
        return f"{self.bundle}: {self.record_type} {self.record_key}"
