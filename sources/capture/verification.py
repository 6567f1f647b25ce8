"""Proof of a capture: the archived response re-read, its digests checked, its text extracted again.

For every document with an archive (``warc_archive``), :func:`captures_verify` checks that

- the archive can be opened from the captures storage and holds the response record ``warc_record_id``;
- that record's ``WARC-Block-Digest`` and ``WARC-Payload-Digest`` match its content (warcio checks both),
  and its payload digest is the one the document recorded (``warc_payload_digest``);
- extraction from that record gives exactly the document's body (and so its ``body_sha256``).

Documents typed, pasted or imported (no archive) have nothing to check here.
"""

from dataclasses import dataclass

from django.conf import settings

from sources.models import Document

from .documents import archived_extraction
from .errors import CaptureError

BATCH = 200


@dataclass(frozen=True)
class CaptureProblem:
    document: str
    message: str

    def __str__(self):
        return f"document {self.document}: {self.message}"


def capture_verify(document: Document) -> list[CaptureProblem]:
    """What does not hold between ``document`` and its archived response (empty when all holds)."""
    if not document.warc_archive:
        return []
    try:
        response, extracted = archived_extraction(
            name=document.warc_archive, record_id=document.warc_record_id, limit=settings.CAPTURE_MAX_BYTES,
        )
    except CaptureError as exc:
        return [CaptureProblem(document.key, f"archive {document.warc_archive}: {exc}")]
    problems = []
    if response.payload_digest != document.warc_payload_digest:
        problems.append(CaptureProblem(
            document.key,
            f"the archived record's payload digest is {response.payload_digest}, but the document records "
            f"{document.warc_payload_digest}",
        ))
    if extracted.body != document.body:
        at = next((i for i, (a, b) in enumerate(zip(extracted.body, document.body)) if a != b),
                  min(len(extracted.body), len(document.body)))
        problems.append(CaptureProblem(
            document.key,
            f"the body is not the text extracted from its archived response {document.warc_record_id} "
            f"(they differ from character {at}: archive gives {extracted.body[at:at + 40]!r}, "
            f"body has {document.body[at:at + 40]!r})",
        ))
    return problems


def captures_verify() -> tuple[int, list[CaptureProblem]]:
    """Check every captured document. Returns (documents checked, problems)."""
    checked, problems = 0, []
    documents = Document.objects.exclude(warc_archive="").only(
        "id", "key", "body", "warc_archive", "warc_record_id", "warc_payload_digest"
    )
    for document in documents.iterator(chunk_size=BATCH):
        checked += 1
        problems.extend(capture_verify(document))
    return checked, problems
