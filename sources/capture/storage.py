"""Archives through Django's storage API (alias ``captures``: a folder, or an S3-compatible bucket).

A WARC file is named by the SHA-256 of its final response's payload and of its address,
``warc/<2 hex>/<payload sha256>-<address sha256, 16 hex>.warc.gz``: the same response from the same
address is stored once, however often it is captured, and two addresses serving the same bytes keep
archives that each name their own address.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import storages


def archive_storage():
    return storages["captures"]


def archive_name(*, payload: bytes, url: str) -> str:
    payload_hex = hashlib.sha256(payload).hexdigest()
    url_hex = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return f"warc/{payload_hex[:2]}/{payload_hex}-{url_hex}.warc.gz"


def archive_store(*, name: str, data: bytes) -> tuple[str, bool]:
    """Store ``data`` under ``name`` unless an archive of that name exists. Returns (name, stored)."""
    storage = archive_storage()
    if storage.exists(name):
        return name, False
    saved = storage.save(name, ContentFile(data))
    if saved != name:
        # Another worker stored the same response between exists() and save(): keep the first.
        storage.delete(saved)
        return name, False
    return name, True


def archive_open(name: str):
    """The stored archive ``name``, opened for reading in binary (the caller closes it)."""
    return archive_storage().open(name, "rb")
