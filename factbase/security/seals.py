"""Keyed seals of document bodies: tamper evidence that does not trust the row it checks.

``Document.body_sha256`` sits beside the body, so whoever edits the body in the database can recompute it.
A seal is a separate, append-only row — the body's SHA-256 when the application wrote it, and an
HMAC-SHA256 of (document id, body hash, time) under a key derived from ``SECRET_KEY``, which lives in the
application's environment, not in the database. Editing a body (and its stored hash) outside the application
leaves the latest seal describing the old body; writing a new seal needs the key.

Every write path that writes a body calls ``document_body_seal`` (``Document.save``) or
``document_bodies_seal`` (bulk inserts). ``SECRET_KEY_FALLBACKS`` keep old seals verifiable after a key
rotation; ``verify_provenance --reseal`` then seals them again under the new key.
"""

import datetime as dt
import hashlib
import hmac
from functools import lru_cache

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from .models import DocumentSeal

SALT = "factbase.security.seals.document-body"


def _when(sealed_at: dt.datetime) -> str:
    return sealed_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@lru_cache(maxsize=8)
def _seal_key(secret: str) -> bytes:
    # What django.utils.crypto.salted_hmac derives from the salt and the secret, once per secret.
    return hashlib.sha256((SALT + secret).encode()).digest()


def _sign(key: bytes, document_id: int, body_sha256: str, when: str) -> str:
    return hmac.new(key, f"v1:{document_id}:{body_sha256}:{when}".encode(), hashlib.sha256).hexdigest()


def seal_signature(document_id: int, body_sha256: str, sealed_at: dt.datetime, *, secret: str | None = None) -> str:
    """``salted_hmac(SALT, "v1:{id}:{hash}:{time}", secret, "sha256")`` (the migration that sealed existing
    bodies computes it that way)."""
    return _sign(_seal_key(secret or settings.SECRET_KEY), document_id, body_sha256, _when(sealed_at))


def seal_key_used(seal: DocumentSeal) -> str | None:
    """``"current"`` if the seal was signed with SECRET_KEY, ``"fallback"`` with one of SECRET_KEY_FALLBACKS,
    None if with neither (forged, or made under a key this deployment does not have)."""
    for name, secret in (("current", settings.SECRET_KEY),
                         *(("fallback", key) for key in getattr(settings, "SECRET_KEY_FALLBACKS", []))):
        expected = seal_signature(seal.document_id, seal.body_sha256, seal.sealed_at, secret=secret)
        if constant_time_compare(expected, seal.signature):
            return name
    return None


def _new_seals(documents, when: dt.datetime) -> list[DocumentSeal]:
    # PostgreSQL and SQLite both keep microseconds: the time signed is the time read back.
    key, stamp = _seal_key(settings.SECRET_KEY), _when(when)
    return [
        DocumentSeal(document_id=document.pk, body_sha256=document.body_sha256, sealed_at=when,
                     signature=_sign(key, document.pk, document.body_sha256, stamp))
        for document in documents
    ]


def document_body_seal(*, document) -> DocumentSeal:
    """Append a seal of ``document``'s body hash as it is now written (call inside the write's transaction)."""
    [seal] = _new_seals([document], timezone.now())
    seal.save()
    return seal


def document_bodies_seal(*, documents) -> list[DocumentSeal]:
    """The same for many documents just inserted (one INSERT per batch)."""
    return DocumentSeal.objects.bulk_create(_new_seals(documents, timezone.now()), batch_size=1000)


def latest_seals(document_ids) -> dict[int, DocumentSeal]:
    """The latest seal of each of these documents (documents without one are absent)."""
    latest_ids = (
        DocumentSeal.objects.filter(document_id__in=document_ids)
        .values("document_id").annotate(latest=Max("id")).values("latest")
    )
    return {seal.document_id: seal for seal in DocumentSeal.objects.filter(id__in=latest_ids)}
