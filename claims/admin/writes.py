"""The writes the curation workbench makes, one function each, so that there is one place to switch.

The reading view (``reading.py``) never writes a row itself: it calls these functions, which call the
project's write services — ``claims.services.claims`` (a new claim), ``claims.services.parts`` (an
appearance: permission, version, history in the claim's record) and ``claims.services.workflow`` (a
claim's state). This module only adds what the workbench needs on top: the span check against the body
the page showed, and what makes a draft an extraction candidate.

Every function is keyword-only, runs in ``transaction.atomic()``, checks the user's right to make the
change and raises ``ValidationError`` (or ``WorkflowError``, a subclass) with a sentence saying what was
wrong; nothing is written then.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from sources.models import Actor, Document

from ..models import Appearance, Claim, ClaimStatus
from ..services import claims, parts, workflow

# Import runs of these commands propose candidate claims from a document's text (see docs/extraction.md).
EXTRACTION_COMMANDS = ("import_article", "capture_url")


def _span(*, document: Document, start: int, end: int, quote: str | None) -> tuple[int, int, str]:
    """The checked span ``[start, end)`` of ``document``'s body and its text.

    ``quote`` is what the browser saw selected; it must be the body's text at those offsets, so a page
    rendered from an older body (or a selection the page mis-measured) is refused instead of saved.
    """
    body = document.body
    if not (isinstance(start, int) and isinstance(end, int)) or start < 0 or end > len(body) or end <= start:
        raise ValidationError(f"the selection [{start}:{end}] is not a span of document {document.key} "
                              f"(its body has {len(body)} characters)", code="bad_span")
    text = body[start:end]
    if quote is not None and quote != text:
        raise ValidationError(f"the selected text does not match document {document.key} at [{start}:{end}]: "
                              "the document may have changed since the page was opened; reload it", code="stale_span")
    if not text.strip():
        raise ValidationError("the selection holds only spaces: select the words of the quote", code="blank_span")
    return start, end, text


def _appearance(*, claim: Claim, document: Document, start: int, end: int, quote: str, by,
                translation: str = "", translation_language: str = "", reason: str = "") -> Appearance:
    translation = (translation or "").strip()
    return parts.appearance_add(claim=claim, document=document, quote=quote, start=start, end=end, by=by,
                                translation=translation,
                                translation_language=(translation_language or "").strip() if translation else "",
                                reason=reason)


def claim_from_quote(*, document: Document, start: int, end: int, quote: str | None, by, key: str,
                     claimant: Actor, kind: str, hedge: str, summary: str, summary_language: str = "en",
                     stated_on=None, stated_on_precision: str = "day",
                     translation: str = "", translation_language: str = "") -> Claim:
    """A new draft claim whose first appearance is the span ``[start, end)`` of ``document``."""
    start, end, text = _span(document=document, start=start, end=end, quote=quote)
    with transaction.atomic():
        claim = claims.claim_create(values={
            "key": key, "claimant": claimant, "kind": kind, "hedge": hedge, "summary": summary,
            "summary_language": summary_language, "stated_on": stated_on, "stated_on_precision": stated_on_precision,
        }, by=by, reason=f"made from a quote of {document.key}")
        _appearance(claim=claim, document=document, start=start, end=end, quote=text, by=by,
                    translation=translation, translation_language=translation_language)
    return claim


def appearance_add(*, claim: Claim, document: Document, start: int, end: int, quote: str | None, by,
                   translation: str = "", translation_language: str = "") -> Appearance:
    """Record the span ``[start, end)`` of ``document`` as a further appearance of ``claim``."""
    start, end, text = _span(document=document, start=start, end=end, quote=quote)
    if not workflow.can_edit_claim(by, claim):
        raise workflow.WorkflowPermissionError(
            f"{by.username} may not add to claim {claim.key} while it is {claim.get_status_display()}",
            code="permission_denied")
    if claim.appearances.filter(document=document, start=start, end=end).exists():
        raise ValidationError(f"claim {claim.key} already appears at [{start}:{end}] of {document.key}", code="duplicate")
    with transaction.atomic():
        return _appearance(claim=claim, document=document, start=start, end=end, quote=text, by=by,
                           translation=translation, translation_language=translation_language)


def is_candidate(claim: Claim) -> bool:
    """A draft proposed by extraction and not yet decided on."""
    run = claim.first_import_run
    return claim.status == ClaimStatus.DRAFT and run is not None and run.command in EXTRACTION_COMMANDS


def _require_candidate(claim: Claim):
    if not is_candidate(claim):
        raise ValidationError(f"claim {claim.key} is not an extraction candidate awaiting a decision "
                              f"(it is {claim.get_status_display()})", code="not_candidate")


def candidate_accept(*, claim: Claim, by) -> Claim:
    """Keep an extraction candidate: it goes to review as it stands (edit it first if it needs it)."""
    _require_candidate(claim)
    return workflow.claim_submit(claim=claim, by=by)


def candidate_reject(*, claim: Claim, by, reason: str) -> Claim:
    """Turn an extraction candidate down: it is retracted with the reason, never deleted."""
    _require_candidate(claim)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("say why the candidate is rejected (a reason is required)", code="reason_required")
    return workflow.claim_retract(claim=claim, by=by, reason=f"rejected candidate: {reason}")


def candidate_merge(*, claim: Claim, into: Claim, by) -> Claim:
    """An extraction candidate that re-reports ``into``: its spans become appearances of ``into``, and the
    candidate is retracted as merged (kept, with where it went)."""
    _require_candidate(claim)
    if into.pk == claim.pk:
        raise ValidationError("a candidate cannot be merged into itself", code="self_merge")
    if into.status == ClaimStatus.RETRACTED:
        raise ValidationError(f"claim {into.key} is retracted: merge into a live claim", code="retracted_target")
    with transaction.atomic():
        for appearance in claim.appearances.select_related("document").order_by("id"):
            if into.appearances.filter(document=appearance.document, start=appearance.start, end=appearance.end).exists():
                continue
            appearance_add(claim=into, document=appearance.document, start=appearance.start, end=appearance.end,
                           quote=appearance.quote, by=by, translation=appearance.translation,
                           translation_language=appearance.translation_language)
        return workflow.claim_retract(claim=claim, by=by, reason=f"merged into {into.key}")
