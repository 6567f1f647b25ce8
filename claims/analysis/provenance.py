"""Provenance integrity, re-checked from the stored text: one function per check, each over a batch of
documents, so that further checks (archived-response digests...) slot in beside them.

- ``check_body_hashes``: the body against the SHA-256 stored beside it (catches a body edited alone);
- ``check_body_seals``: the body against its latest keyed seal (``factbase.security.seals``), which editing
  the document row cannot rewrite — catches a body edited together with its stored hash;
- ``check_quote_spans``: every appearance's quote against the span of the body it points at.
"""

from dataclasses import dataclass, field

from factbase.security.seals import document_body_seal, latest_seals, seal_key_used
from sources.models import Document, sha256_text

from ..models import Appearance
from ..services.derived import appearances_flag
from ..services.quotes import describe_mismatch

BATCH = 500
RESEAL_HINT = "verify_provenance --reseal"


@dataclass(frozen=True)
class ProvenanceProblem:
    document: str
    claim: str | None
    message: str
    kind: str = ""  # which check found it: body_hash, unsealed, seal_signature, seal_mismatch, quote

    def __str__(self):
        where = f"document {self.document}" + (f", claim {self.claim}" if self.claim else "")
        return f"{where}: {self.message}"


@dataclass
class Verification:
    """What a run found: counts, problems, and the appearances and documents to act on."""

    documents: int = 0
    appearances: int = 0
    problems: list[ProvenanceProblem] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)  # appearances that no longer match, not yet flagged
    fresh: list[int] = field(default_factory=list)  # flagged appearances that match again
    unsealed: list[Document] = field(default_factory=list)  # no seal at all
    old_key: list[Document] = field(default_factory=list)  # sealed under a SECRET_KEY_FALLBACKS key, body matches

    def problem(self, document, kind, message, claim=None):
        self.problems.append(ProvenanceProblem(document.key, claim, message, kind))


def check_body_hashes(documents, verification: Verification) -> None:
    for document in documents:
        found = sha256_text(document.body)
        if found != document.body_sha256:
            verification.problem(document, "body_hash", f"body SHA-256 is {found}, but {document.body_sha256} is recorded")


def check_body_seals(documents, verification: Verification) -> None:
    seals = latest_seals([document.pk for document in documents])
    for document in documents:
        seal = seals.get(document.pk)
        if seal is None:
            verification.unsealed.append(document)
            verification.problem(document, "unsealed", (
                "no seal of its body is recorded: the document was written outside the application or its seals "
                "were deleted; check the body against its source, then seal it with verify_provenance --seal-unsealed"
            ))
            continue
        key = seal_key_used(seal)
        if key is None:
            verification.problem(document, "seal_signature", (
                f"its latest seal ({seal.sealed_at:%Y-%m-%d %H:%M:%S} UTC) does not verify: the seal was forged "
                "or made under a SECRET_KEY this deployment does not have (add the old key to SECRET_KEY_FALLBACKS)"
            ))
            continue
        found = sha256_text(document.body)
        if found != seal.body_sha256:
            verification.problem(document, "seal_mismatch", (
                f"body SHA-256 is {found}, but the body sealed on {seal.sealed_at:%Y-%m-%d %H:%M:%S} UTC had "
                f"{seal.body_sha256}: the body was changed outside the application"
            ))
        elif key == "fallback":
            verification.old_key.append(document)


def check_quote_spans(documents, verification: Verification) -> None:
    spans = (
        Appearance.objects.filter(document_id__in=[document.pk for document in documents])
        .select_related("claim").only("id", "document_id", "quote", "start", "end", "needs_review", "claim__key")
        .order_by("document_id", "id")
    )
    bodies = {document.pk: document for document in documents}
    for appearance in spans:
        verification.appearances += 1
        document = bodies[appearance.document_id]
        mismatch = describe_mismatch(document.body, appearance.quote, appearance.start, appearance.end)
        if mismatch:
            actual = document.body[appearance.start:appearance.end]
            verification.problem(
                document, "quote", f"{mismatch}; expected {appearance.quote!r}, found {actual!r}", claim=appearance.claim.key
            )
            if not appearance.needs_review:
                verification.stale.append(appearance.pk)
        elif appearance.needs_review:
            verification.fresh.append(appearance.pk)


#: Run in this order on every batch of documents.
CHECKS = (check_body_hashes, check_body_seals, check_quote_spans)


def _batches():
    documents = Document.objects.only("id", "key", "body", "body_sha256").order_by("pk")
    last = 0
    while True:
        batch = list(documents.filter(pk__gt=last)[:BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def provenance_verify(*, flag=True, checks=CHECKS) -> Verification:
    """Run every check over every document. With ``flag``, appearances whose quote no longer matches are
    marked ``needs_review`` (and ones that match again are cleared)."""
    verification = Verification()
    for batch in _batches():
        verification.documents += len(batch)
        for check in checks:
            check(batch, verification)
    if flag:
        appearances_flag(stale=verification.stale, fresh=verification.fresh)
    return verification


def documents_seal(documents) -> int:
    """Seal the current bodies of these documents under the current key (after a check says they are right)."""
    for document in documents:
        document_body_seal(document=document)
    return len(documents)
