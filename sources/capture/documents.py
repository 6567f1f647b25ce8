"""The Document a capture writes: created, updated as a new version, or left unchanged.

:func:`document_capture_save` is the one place a capture writes a document. It merges, it does not own:

- a page whose extracted text is the document's body changes nothing (no new version, no new run);
- a page whose text changed becomes a new version of the document (kept in its history, with the import
  run and the capture job); quotes that no longer match the new body are flagged for review by
  ``sources.services.document_save``, the one writer of documents, which re-verifies them;
- a body typed, imported or edited by hand is never replaced unless the job says so (``replace_body``):
  the job fails with a clear message instead. "Edited by hand" is decided from the archive itself: the
  body differs from what extraction gives from the document's archived response;
- title, authors, language and publication date follow the page only while they still hold what the
  previous capture put there; a value a curator changed is kept, and the job's notes say so.
"""

import datetime as dt
import getpass
import hashlib
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from factbase.models import ImportRun
from factbase.system import system_user
from sources.models import Document
from sources.services import document_save

from .errors import CaptureConflict, CaptureError, TransientCaptureError
from .extraction import ExtractedText, extract_response
from .storage import archive_open
from .warc import ArchiveDamaged, ArchivedResponse, warc_read_response

MERGED_FIELDS = ("title", "authors", "language", "published_on")


def archived_extraction(*, name: str, record_id: str, limit: int) -> tuple[ArchivedResponse, ExtractedText]:
    """The response record ``record_id`` of the stored archive ``name`` (digests checked) and its text."""
    try:
        stream = archive_open(name)
    except (FileNotFoundError, OSError) as exc:
        raise ArchiveDamaged(f"the archive {name} cannot be opened ({exc})") from None
    with stream:
        response = warc_read_response(stream, record_id=record_id)
    return response, extract_response(response, limit=limit)


def document_fields(*, extracted: ExtractedText, fallback_date: dt.date | None) -> dict:
    """The document's metadata as a capture sets it from ``extracted``."""
    return {
        "title": extracted.title or _first_sentence(extracted.body),
        "authors": extracted.authors,
        "language": extracted.language,
        "published_on": extracted.published_on or fallback_date,
    }


def document_capture_save(*, job, response: ArchivedResponse, archive: str, extracted: ExtractedText,
                          limit: int) -> tuple[Document | None, str, list[str], ImportRun | None]:
    """Create or update the document of ``job``'s capture. Returns (document, outcome, notes, import run);
    the outcome is "created", "updated" or "unchanged"."""
    try:
        with transaction.atomic():
            return _save(job=job, response=response, archive=archive, extracted=extracted, limit=limit)
    except IntegrityError as exc:
        # Two captures of one address creating its document at once: the retry finds the other's.
        raise TransientCaptureError(f"another capture wrote a document for {response.url} at the same time ({exc})") from None


def _save(*, job, response, archive, extracted, limit):
    candidates = Document.objects.select_for_update().filter(url__in={response.url, job.url})
    document = min(candidates, key=lambda d: (d.url != response.url, d.pk), default=None)
    fields = document_fields(extracted=extracted, fallback_date=job.published_on)
    archive_fields = {"warc_archive": archive, "warc_record_id": response.record_id,
                      "warc_payload_digest": response.payload_digest}
    if document is None:
        if fields["published_on"] is None:
            raise CaptureError(
                f"{response.url}: the page gives no publication date; give one (capture_url --date YYYY-MM-DD, "
                "or the publication date field of the capture form)"
            )
        run = _import_run(job=job, response=response, created=1)
        document = Document(
            key=_unique_key(fields["published_on"], fields["title"], response.url), kind=job.kind, url=response.url,
            publisher=job.publisher, retrieved_at=response.date, body=extracted.body,
            first_import_run=run, last_import_run=run, **fields, **archive_fields,
        )
        _write(document, by=_actor(job), reason=f"captured from {response.url} (capture job #{job.pk})")
        return document, "created", [], run

    if document.body == extracted.body and document.warc_archive:
        return document, "unchanged", [], None

    notes = []
    previous = _previous_fields(document, job=job, limit=limit)
    if document.body != extracted.body and previous is None and not job.replace_body:
        raise CaptureConflict(
            f"document {document.key} has this address and a body that was not captured from it (typed, imported "
            "or edited by hand since its capture); it was left as it is. To replace its body with the page's "
            "text (a new version; quotes that no longer match are flagged), capture again with "
            "'replace a hand-made body' (capture_url --replace-body)."
        )
    for name, value in fields.items():
        current = getattr(document, name)
        if value in ("", None) or value == current:
            continue
        if (previous is not None and current == previous.get(name)) or current in ("", None):
            setattr(document, name, value)
        else:
            notes.append(f"kept the {name.replace('_', ' ')} {current!s:.80} (changed by hand); the page now says {value!s:.80}")
    run = _import_run(job=job, response=response, updated=1)
    body_changed = document.body != extracted.body
    document.body = extracted.body
    document.retrieved_at = response.date
    document.last_import_run = run
    for name, value in archive_fields.items():
        setattr(document, name, value)
    changed = "the page changed" if body_changed else "its archive attached"
    _write(document, by=_actor(job), reason=f"re-captured from {response.url} (capture job #{job.pk}): {changed}")
    return document, "updated", notes, run


def _previous_fields(document: Document, *, job, limit: int) -> dict | None:
    """What the document's last capture set, if its body is still that capture's text; else None (the body
    was made or edited by hand, or its archive can no longer be read)."""
    if not document.warc_archive:
        return None
    try:
        _, previous = archived_extraction(name=document.warc_archive, record_id=document.warc_record_id, limit=limit)
    except CaptureError:
        return None
    if previous.body != document.body:
        return None
    return document_fields(extracted=previous, fallback_date=document.published_on)


def _write(document: Document, *, by, reason: str) -> None:
    try:
        document.full_clean()
        document_save(document=document, by=by, reason=reason)
    except ValidationError as exc:
        details = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items())
        if _only_taken(exc):
            # The key and the address were free when looked up: a capture running beside this one took one of
            # them since. Retried, this job finds the other's document or picks the next free key.
            raise TransientCaptureError(f"another capture wrote a document for {document.url} at the same time ({details})") from None
        raise CaptureError(f"{document.url}: the captured document is not valid ({details})") from None


def _only_taken(exc: ValidationError) -> bool:
    """Whether every error of ``exc`` is a unique value (the key, the address) already taken."""
    errors = [error for errors in exc.error_dict.values() for error in errors] if hasattr(exc, "error_dict") else exc.error_list
    return bool(errors) and all(error.code == "unique" or _UNIQUE_URL in str(error.message) for error in errors)


# The address's constraint is conditional (blank addresses may repeat); Django's error for it has no code
# and names it.
_UNIQUE_URL = "document_url_unique"


def _actor(job):
    """Who the history names: the user who asked for the capture, else the system user."""
    return job.requested_by or system_user()


def _import_run(*, job, response: ArchivedResponse, created: int = 0, updated: int = 0) -> ImportRun:
    user = job.requested_by
    return ImportRun.objects.create(
        command="capture_url", operator=user.get_username() if user else getpass.getuser(), user=user,
        files=[{"name": response.url, "sha256": hashlib.sha256(response.payload).hexdigest()}],
        created=created, updated=updated, counts={"documents": {"created": created, "updated": updated}},
        finished_at=timezone.now(),
    )


def _unique_key(published_on: dt.date, title: str, url: str) -> str:
    """``<date>-<title as a slug>``; a title that gives no useful ASCII slug (Korean, Greek...) gives way to
    the address's last path segment, then its host."""
    stem = slugify(title)[:60].strip("-")
    if len(stem) < 8:
        parsed = urlsplit(url)
        segments = [s for s in parsed.path.split("/") if s]
        last = segments[-1].rsplit(".", 1)[0] if segments else ""
        stem = slugify(last)[:60].strip("-") or slugify(parsed.hostname or "")[:60].strip("-") or "capture"
    base = f"{published_on.isoformat()}-{stem}"[:90].rstrip("-")
    key, suffix = base, 1
    while Document.objects.filter(key=key).exists():
        suffix += 1
        key = f"{base}-{suffix}"
    return key


def _first_sentence(body: str, limit: int = 200) -> str:
    first = re.split(r"(?<=[.!?؟。])\s|\n", body.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= limit else first[: limit - 1] + "…"
