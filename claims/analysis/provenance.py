"""Provenance integrity: every document's hash and every quote's span, re-checked from the stored text."""

from dataclasses import dataclass

from sources.models import Document, sha256_text

from ..models import Appearance
from ..services.quotes import describe_mismatch

BATCH = 500


@dataclass(frozen=True)
class ProvenanceProblem:
    document: str
    claim: str | None
    message: str

    def __str__(self):
        where = f"document {self.document}" + (f", claim {self.claim}" if self.claim else "")
        return f"{where}: {self.message}"


def provenance_verify(*, flag=True) -> tuple[int, int, list[ProvenanceProblem]]:
    """Re-hash every body and re-check every quote span.

    Returns (documents checked, appearances checked, problems). With ``flag``, appearances whose quote no
    longer matches are marked ``needs_review`` (and ones that match again are cleared).
    """
    problems: list[ProvenanceProblem] = []
    documents = appearances = 0
    stale, fresh = [], []
    for document in Document.objects.only("id", "key", "body", "body_sha256").iterator(chunk_size=BATCH):
        documents += 1
        found = sha256_text(document.body)
        if found != document.body_sha256:
            problems.append(ProvenanceProblem(
                document.key, None, f"body SHA-256 is {found}, but {document.body_sha256} is recorded"
            ))
        spans = Appearance.objects.filter(document_id=document.pk).select_related("claim").only(
            "id", "quote", "start", "end", "needs_review", "claim__key"
        )
        for appearance in spans:
            appearances += 1
            mismatch = describe_mismatch(document.body, appearance.quote, appearance.start, appearance.end)
            if mismatch:
                expected = appearance.quote
                actual = document.body[appearance.start:appearance.end]
                problems.append(ProvenanceProblem(
                    document.key, appearance.claim.key, f"{mismatch}; expected {expected!r}, found {actual!r}"
                ))
                if not appearance.needs_review:
                    stale.append(appearance.pk)
            elif appearance.needs_review:
                fresh.append(appearance.pk)
    if flag:
        Appearance.objects.filter(pk__in=stale).update(needs_review=True)
        Appearance.objects.filter(pk__in=fresh).update(needs_review=False)
    return documents, appearances, problems
