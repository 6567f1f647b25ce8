"""What security keeps in the database: a record of each login lockout, and the seals of document bodies."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class LoginLockout(models.Model):
    """An account or client address locked out after too many failed logins (admin or API).

    The failure counts themselves live in the shared cache (django-axes); this row is what an admin sees,
    and lifting it clears those counts.
    """

    username = models.CharField(max_length=150, blank=True, help_text="The account name that was tried.")
    address = models.CharField(max_length=45, help_text="The client address, as decided by the trusted-proxy settings.")
    path = models.CharField(max_length=255, help_text="Where the logins were tried (the admin's login page, the API...).")
    failures = models.PositiveIntegerField(help_text="Failed logins counted when the lockout was last extended.")
    locked_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_attempt_at = models.DateTimeField(default=timezone.now)
    locked_until = models.DateTimeField(help_text="Every failed attempt while locked out pushes this back.")
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["-locked_at", "-id"]
        indexes = [models.Index(fields=["username", "address"], name="lockout_username_address_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(locked_until__gte=models.F("locked_at")), name="lockout_until_after_start"),
        ]

    def __str__(self):
        return f"{self.username or '(no account)'} from {self.address}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None and self.locked_until > timezone.now()


class DocumentSeal(models.Model):
    """A document body's SHA-256 as the application wrote it, signed with a key the database does not hold.

    Appended whenever a body is written, never updated: editing ``sources.Document`` (body and stored hash
    together) does not rewrite its seals, and a seal cannot be forged without the key. ``verify_provenance``
    checks the current body against the latest seal.
    """

    document = models.ForeignKey("sources.Document", on_delete=models.CASCADE, related_name="body_seals")
    body_sha256 = models.CharField(max_length=64, verbose_name="body SHA-256")
    sealed_at = models.DateTimeField(default=timezone.now)
    signature = models.CharField(max_length=64, help_text="HMAC-SHA256 of the document id, body hash and time.")

    class Meta:
        ordering = ["document_id", "id"]
        indexes = [models.Index(fields=["document", "-id"], name="seal_document_latest_idx")]

    def __str__(self):
        return f"seal of document {self.document_id}: {self.body_sha256[:12]}… at {self.sealed_at:%Y-%m-%d %H:%M}"
