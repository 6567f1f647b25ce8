"""The curation workflow of a claim: draft → in_review → published, or retracted; assessment; safe saves.

Every write a curator or reviewer makes to a claim goes through one of these keyword-only functions,
whether it comes from an admin action, the change form, a command or a later write API:

``claim_submit``   a curator sends a draft for review (draft → in_review);
``claim_publish``  a reviewer publishes it (in_review → published);
``claim_retract``  a reviewer withdraws it (any state but retracted → retracted; nothing is deleted,
                   the reason is kept in the claim's history);
``claim_assess``   a reviewer sets verdict, credibility and rationale (stamped with who and when);
``claim_save``     a change-form save: refused when someone else saved the claim in between (the
                   ``version`` check), refused when a curator touches assessment fields.

Each runs in ``transaction.atomic()``, checks permission and transition, calls ``full_clean()``, raises
a ``WorkflowError`` (a ``ValidationError``) with a sentence saying what was wrong, and raises the
claim's ``version`` by one with an atomic ``UPDATE … WHERE version = old``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import Claim, ClaimStatus

ASSESSMENT_FIELDS = ("verdict", "credibility", "rationale")
# Fields a change-form save never touches: they move only through the workflow functions.
WORKFLOW_FIELDS = ("status", "assessed_by", "assessed_at", "version")

PUBLISH_PERMISSION = "claims.publish_claim"
RETRACT_PERMISSION = "claims.retract_claim"
ASSESS_PERMISSION = "claims.assess_claim"
CHANGE_PERMISSION = "claims.change_claim"
ADD_PERMISSION = "claims.add_claim"


class WorkflowError(ValidationError):
    """A workflow step that is not allowed: wrong state, missing data, or a stale copy of the claim."""


class WorkflowPermissionError(WorkflowError, PermissionDenied):
    """The user may not take this step (e.g. a curator trying to publish)."""


class VersionConflict(WorkflowError):
    """The claim was saved by someone else since this copy was read; ``changes`` says what they changed."""

    def __init__(self, message, *, changes=()):
        super().__init__(message, code="version_conflict")
        self.changes = list(changes)


def can_edit_claim(user, claim) -> bool:
    """Curators edit drafts; reviewers (who may publish) edit a claim in any state but retracted."""
    if user.is_superuser:
        return True
    if claim is None or claim.pk is None:
        return user.has_perm(ADD_PERMISSION)
    if not user.has_perm(CHANGE_PERMISSION):
        return False
    if claim.status == ClaimStatus.DRAFT:
        return True
    return claim.status != ClaimStatus.RETRACTED and user.has_perm(PUBLISH_PERMISSION)


def _require(user, permission, action):
    if not (user and user.is_active and user.has_perm(permission)):
        raise WorkflowPermissionError(
            f"{getattr(user, 'username', 'anonymous')} may not {action} claims "
            f"(needs the permission {permission}, given to the reviewer group)",
            code="permission_denied",
        )


def _locked(claim) -> Claim:
    """The claim as stored now, locked for this transaction (PostgreSQL; SQLite serialises writers)."""
    return Claim.objects.select_for_update().get(pk=claim.pk)


def _require_state(current, allowed, action):
    if current.status not in allowed:
        names = " or ".join(ClaimStatus(s).label for s in allowed)
        raise WorkflowError(
            f"cannot {action} claim {current.key}: it is {current.get_status_display()}, "
            f"and only a claim that is {names} can be",
            code="invalid_transition",
        )


def _bump_and_save(current, *, expected_version, reason=""):
    """Save ``current`` as version ``expected_version + 1``, if nobody saved it since ``expected_version``."""
    updated = Claim.objects.filter(pk=current.pk, version=expected_version).update(version=F("version") + 1)
    if not updated:
        raise version_conflict(claim=current, expected_version=expected_version)
    current.version = expected_version + 1
    if reason:
        current._change_reason = reason
    current.save()
    return current


def _copy_back(claim, current):
    for field in ("status", "version", *ASSESSMENT_FIELDS, "assessed_by_id", "assessed_at", "updated_at"):
        setattr(claim, field, getattr(current, field))
    return claim


def claim_submit(*, claim: Claim, by) -> Claim:
    """Send a draft for review. It must be traceable: at least one appearance, every quote matching."""
    if not can_edit_claim(by, claim):
        raise WorkflowPermissionError(f"{by.username} may not submit claim {claim.key}", code="permission_denied")
    with transaction.atomic():
        current = _locked(claim)
        _require_state(current, [ClaimStatus.DRAFT], "submit")
        appearances = list(current.appearances.only("id", "needs_review"))
        if not appearances:
            raise WorkflowError(
                f"claim {current.key} has no appearance: add the document and quote it comes from before submitting",
                code="no_appearance",
            )
        if any(a.needs_review for a in appearances):
            raise WorkflowError(
                f"claim {current.key} has a quote that no longer matches its document: fix it before submitting",
                code="stale_quote",
            )
        current.status = ClaimStatus.IN_REVIEW
        current.full_clean()
        _bump_and_save(current, expected_version=current.version, reason="submitted for review")
    return _copy_back(claim, current)


def claim_publish(*, claim: Claim, by) -> Claim:
    """Publish a claim that is in review: anonymous API readers see it from now on."""
    _require(by, PUBLISH_PERMISSION, "publish")
    with transaction.atomic():
        current = _locked(claim)
        _require_state(current, [ClaimStatus.IN_REVIEW], "publish")
        current.status = ClaimStatus.PUBLISHED
        current.full_clean()
        _bump_and_save(current, expected_version=current.version, reason="published")
    return _copy_back(claim, current)


def claim_return_to_draft(*, claim: Claim, by, reason: str) -> Claim:
    """A reviewer sends a claim in review back to its curator, saying why."""
    _require(by, PUBLISH_PERMISSION, "return")
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("say why the claim goes back to draft (a reason is required)", code="reason_required")
    with transaction.atomic():
        current = _locked(claim)
        _require_state(current, [ClaimStatus.IN_REVIEW], "return to draft")
        current.status = ClaimStatus.DRAFT
        current.full_clean()
        _bump_and_save(current, expected_version=current.version, reason=f"returned to draft: {reason}")
    return _copy_back(claim, current)


def claim_retract(*, claim: Claim, by, reason: str) -> Claim:
    """Withdraw a claim. Nothing is deleted; the reason is kept in its history."""
    _require(by, RETRACT_PERMISSION, "retract")
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("say why the claim is retracted (a reason is required)", code="reason_required")
    with transaction.atomic():
        current = _locked(claim)
        _require_state(current, [ClaimStatus.DRAFT, ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED], "retract")
        current.status = ClaimStatus.RETRACTED
        current.full_clean()
        _bump_and_save(current, expected_version=current.version, reason=f"retracted: {reason}"[:100])
    return _copy_back(claim, current)


def claim_assess(*, claim: Claim, by, verdict: str, credibility: int | None, rationale: str) -> Claim:
    """Set the verdict, Admiralty credibility (1–6 or none) and rationale; record who assessed and when."""
    _require(by, ASSESS_PERMISSION, "assess")
    with transaction.atomic():
        current = _locked(claim)
        _require_state(current, [ClaimStatus.DRAFT, ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED], "assess")
        current.verdict, current.credibility, current.rationale = verdict, credibility, rationale or ""
        current.assessed_by, current.assessed_at = by, timezone.now()
        current.full_clean()
        _bump_and_save(current, expected_version=current.version, reason="assessed")
    return _copy_back(claim, current)


def claim_save(*, claim: Claim, by, expected_version: int | None) -> Claim:
    """Save a claim edited in a form. ``expected_version`` is the version the form was opened on.

    A new claim starts as a draft at version 1. An existing claim is saved only when the stored version
    is still ``expected_version`` (else ``VersionConflict`` listing what changed in between); status
    never changes here; a change to verdict, credibility or rationale needs the assess permission and
    stamps ``assessed_by``/``assessed_at``.
    """
    with transaction.atomic():
        if claim.pk is None:
            if not can_edit_claim(by, None):
                raise WorkflowPermissionError(f"{by.username} may not add claims", code="permission_denied")
            claim.status = ClaimStatus.DRAFT
            claim.version = 1
            if any(getattr(claim, f) != Claim._meta.get_field(f).get_default() for f in ASSESSMENT_FIELDS):
                _require(by, ASSESS_PERMISSION, "assess")
                claim.assessed_by, claim.assessed_at = by, timezone.now()
            claim.full_clean()
            claim.save()
            return claim
        current = _locked(claim)
        if expected_version is None:
            raise WorkflowError("the form did not say which version of the claim it edits; reload it", code="no_version")
        if current.version != expected_version:
            raise version_conflict(claim=current, expected_version=expected_version)
        if not can_edit_claim(by, current):
            raise WorkflowPermissionError(
                f"{by.username} may not edit claim {current.key} while it is {current.get_status_display()}",
                code="permission_denied",
            )
        for field in WORKFLOW_FIELDS:
            setattr(claim, field, getattr(current, field))
        if any(getattr(claim, f) != getattr(current, f) for f in ASSESSMENT_FIELDS):
            _require(by, ASSESS_PERMISSION, "assess")
            claim.assessed_by, claim.assessed_at = by, timezone.now()
        claim.full_clean()
        return _bump_and_save(claim, expected_version=expected_version)


def changes_since(*, claim: Claim, version: int) -> list[dict]:
    """What was changed in ``claim`` after ``version``, from its history: field, before, after, who, when."""
    records = list(claim.history.select_related("history_user").order_by("history_date", "history_id"))
    baseline = next((r for r in reversed(records) if r.version <= version), None)
    changes = []
    previous = baseline
    for record in records:
        if record.version <= version:
            continue
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=["version", "updated_at"])
            for change in delta.changes:
                changes.append({
                    "field": change.field, "before": change.old, "after": change.new,
                    "by": getattr(record.history_user, "username", "") or "an import or command",
                    "at": record.history_date,
                })
        previous = record
    return changes


def describe_changes(changes) -> str:
    if not changes:
        return "no field of the claim itself changed (its appearances, estimates or relations may have)"
    parts = []
    for change in changes:
        parts.append(
            f"{change['field']}: {_short(change['before'])} → {_short(change['after'])} "
            f"(by {change['by']}, {change['at']:%Y-%m-%d %H:%M:%S} UTC)"
        )
    return "; ".join(parts)


def version_conflict(*, claim: Claim, expected_version: int) -> VersionConflict:
    stored = Claim.objects.filter(pk=claim.pk).values_list("version", flat=True).first()
    changes = changes_since(claim=claim, version=expected_version)
    return VersionConflict(
        f"claim {claim.key} was changed by someone else while you edited it (you opened version "
        f"{expected_version}, it is now version {stored}). Changed in between: {describe_changes(changes)}. "
        f"Reload the page and make your change again.",
        changes=changes,
    )


def _short(value, limit=80):
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
