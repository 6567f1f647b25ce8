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

For the other write services (``claims.services.claims``, ``claims.services.parts``) and imports:

``claim_edit_require`` / ``claims_edit_require``   the right to change a claim (or its parts) in its state;
``claim_version_raise`` / ``claims_version_raise``  a change to a claim or one of its parts: version + 1 (if
                   still ``expected_version``), and a history record of the claim naming the change;
``claims_initial_state``  the status and assessment of claims about to be created (permission checked,
                   assessor stamped) — an import stating ``status: published`` acts through this;
``claims_state_set``  the status and assessment of existing claims as an import states them.

This module is the only writer of ``status``, ``verdict``, ``credibility``, ``rationale``,
``assessed_by`` and ``assessed_at``.

Each runs in ``transaction.atomic()``, checks permission and transition, calls ``full_clean()``, raises
a ``WorkflowError`` (a ``ValidationError``) with a sentence saying what was wrong, and raises the
claim's ``version`` by one with an atomic ``UPDATE … WHERE version = old``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from factbase.history import CHANGED, history_context, history_rows_record

from ..models import Claim, ClaimStatus
from .derived import claims_refresh_derived

ASSESSMENT_FIELDS = ("verdict", "credibility", "rationale")
# Fields a change-form save never touches: they move only through the workflow functions.
WORKFLOW_FIELDS = ("status", "assessed_by", "assessed_at", "version")

PUBLISH_PERMISSION = "claims.publish_claim"
RETRACT_PERMISSION = "claims.retract_claim"
ASSESS_PERMISSION = "claims.assess_claim"
CHANGE_PERMISSION = "claims.change_claim"
ADD_PERMISSION = "claims.add_claim"
STATE_FIELDS = ("status", *ASSESSMENT_FIELDS)


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


def _bump_and_save(current, *, expected_version, by, reason=""):
    """Save ``current`` as version ``expected_version + 1``, if nobody saved it since ``expected_version``."""
    updated = Claim.objects.filter(pk=current.pk, version=expected_version).update(version=F("version") + 1)
    if not updated:
        raise version_conflict(claim=current, expected_version=expected_version)
    current.version = expected_version + 1
    history_context(current, by=by, reason=reason)
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
        _bump_and_save(current, expected_version=current.version, by=by, reason="submitted for review")
    return _copy_back(claim, current)


def claim_publish(*, claim: Claim, by) -> Claim:
    """Publish a claim that is in review: anonymous API readers see it from now on."""
    _require(by, PUBLISH_PERMISSION, "publish")
    with transaction.atomic():
        current = _locked(claim)
        _require_state(current, [ClaimStatus.IN_REVIEW], "publish")
        current.status = ClaimStatus.PUBLISHED
        current.full_clean()
        _bump_and_save(current, expected_version=current.version, by=by, reason="published")
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
        _bump_and_save(current, expected_version=current.version, by=by, reason=f"returned to draft: {reason}")
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
        _bump_and_save(current, expected_version=current.version, by=by, reason=f"retracted: {reason}"[:100])
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
        _bump_and_save(current, expected_version=current.version, by=by, reason="assessed")
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
            history_context(claim, by=by)
            claim.save()
            claims_refresh_derived(claim_ids=[claim.pk])
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
        _bump_and_save(claim, expected_version=expected_version, by=by)
        claims_refresh_derived(claim_ids=[claim.pk])
        return claim


def _denied(by, claim) -> WorkflowPermissionError:
    who = getattr(by, "username", "") or "anonymous"
    status = ClaimStatus(claim.status).label
    rule = ("a retracted claim is never changed" if claim.status == ClaimStatus.RETRACTED
            else "curators edit drafts only; a reviewer changes claims in review or published")
    return WorkflowPermissionError(
        f"{who} may not change claim {claim.key} or its parts while it is {status} ({rule})",
        code="permission_denied",
    )


def claim_edit_require(*, claim: Claim, by) -> None:
    """Raise ``WorkflowPermissionError`` unless ``by`` may change ``claim`` (and its parts) in its state now."""
    if not can_edit_claim(by, claim):
        raise _denied(by, claim)


def claims_edit_require(*, claim_ids, by) -> None:
    """The same for many claims, read in one query (an import's batch)."""
    claim_ids = set(claim_ids)
    if not claim_ids or getattr(by, "is_superuser", False):
        return
    for claim in Claim.objects.filter(pk__in=claim_ids).only("id", "key", "status"):
        if not can_edit_claim(by, claim):
            raise _denied(by, claim)


def claim_version_raise(*, claim_id: int, by, reason: str, expected_version: int | None = None) -> int:
    """A change to the claim or one of its parts: version + 1 and a history record of the claim saying ``reason``.

    With ``expected_version`` the raise happens only if the claim is still at that version (the form the
    change came from was opened on it); otherwise ``VersionConflict`` lists what changed in between. Returns
    the new version. Call inside the change's transaction.
    """
    claims = Claim.objects.filter(pk=claim_id)
    if expected_version is not None:
        claims = claims.filter(version=expected_version)
    if not claims.update(version=F("version") + 1, updated_at=timezone.now()):
        claim = Claim.objects.get(pk=claim_id)
        raise version_conflict(claim=claim, expected_version=expected_version)
    history_rows_record(model=Claim, pks=[claim_id], by=by, reason=reason, history_type=CHANGED)
    return Claim.objects.filter(pk=claim_id).values_list("version", flat=True).get()


def claims_version_raise(*, claim_ids, by, reason: str) -> None:
    """``claim_version_raise`` for many claims at once (no version check: an import's batch)."""
    claim_ids = sorted(set(claim_ids))
    for offset in range(0, len(claim_ids), 1000):
        chunk = claim_ids[offset: offset + 1000]
        Claim.objects.filter(pk__in=chunk).update(version=F("version") + 1, updated_at=timezone.now())
        history_rows_record(model=Claim, pks=chunk, by=by, reason=reason, history_type=CHANGED)


def _state_permissions(by, *, status, assessment_changed, key):
    if status != ClaimStatus.DRAFT:
        permission = RETRACT_PERMISSION if status == ClaimStatus.RETRACTED else PUBLISH_PERMISSION
        if not (by and by.is_active and by.has_perm(permission)):
            raise WorkflowPermissionError(
                f"{getattr(by, 'username', 'anonymous')} may not put claim {key} in state {status} "
                f"(needs the permission {permission}, given to the reviewer group)",
                code="permission_denied",
            )
    if assessment_changed:
        _require(by, ASSESS_PERMISSION, "assess")


def claims_initial_state(*, claims, by) -> None:
    """Check and stamp the status and assessment of claims about to be created (not yet saved).

    A new claim is a draft unless ``by`` may publish (in review, published) or retract (retracted); a
    verdict, credibility or rationale needs the assess permission and stamps ``assessed_by`` (``by``) and
    ``assessed_at`` (now, unless the claim carries one). Raises ``WorkflowPermissionError`` naming the claim.
    """
    now = timezone.now()
    defaults = {f: Claim._meta.get_field(f).get_default() for f in ASSESSMENT_FIELDS}
    for claim in claims:
        assessed = any(getattr(claim, f) != defaults[f] for f in ASSESSMENT_FIELDS)
        _state_permissions(by, status=claim.status, assessment_changed=assessed, key=claim.key)
        claim.version = 1
        if assessed:
            claim.assessed_by = by if getattr(by, "pk", None) else None
            claim.assessed_at = claim.assessed_at or now
        else:
            claim.assessed_by, claim.assessed_at = None, None


def claims_state_set(*, items, by, reason: str) -> list[Claim]:
    """Set status and assessment of existing claims as an import states them: ``items`` is a list of
    ``(claim, {"status": ..., "verdict": ..., "credibility": ..., "rationale": ..., "assessed_at": ...})``
    naming only the fields to set. Permissions as in :func:`claims_initial_state`; claims whose values
    change get version + 1 and a history record saying ``reason``. Returns the claims that changed.
    """
    allowed = {*STATE_FIELDS, "assessed_at"}
    changed, fields = [], set()
    now = timezone.now()
    with transaction.atomic():
        for claim, values in items:
            unknown = set(values) - allowed
            if unknown:
                raise WorkflowError(f"claims_state_set does not set {', '.join(sorted(unknown))}", code="unknown_field")
            delta = {f: v for f, v in values.items() if getattr(claim, f) != v}
            if not delta:
                continue
            assessed = bool(set(delta) & set(ASSESSMENT_FIELDS))
            _state_permissions(by, status=delta.get("status", ClaimStatus.DRAFT), assessment_changed=assessed,
                               key=claim.key)
            for field, value in delta.items():
                setattr(claim, field, value)
            if assessed:
                claim.assessed_by = by if getattr(by, "pk", None) else None
                claim.assessed_at = values.get("assessed_at") or now
                delta.update(assessed_by=claim.assessed_by, assessed_at=claim.assessed_at)
            claim.full_clean(validate_unique=False, validate_constraints=False)
            claim.updated_at = now
            fields |= {("assessed_by" if f == "assessed_by" else f) for f in delta} | {"updated_at"}
            changed.append(claim)
        if changed:
            Claim.objects.bulk_update(changed, sorted(fields), batch_size=1000)
            claims_version_raise(claim_ids=[c.pk for c in changed], by=by, reason=reason)
            versions = dict(Claim.objects.filter(pk__in=[c.pk for c in changed]).values_list("id", "version"))
            for claim in changed:
                claim.version = versions[claim.pk]
    return changed


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
            if not delta.changes and record.history_change_reason:
                # A change to one of its parts (an estimate, appearance, hop, stance or relation), or a
                # workflow step: the record's reason names it.
                changes.append({
                    "field": "part", "before": None, "after": None, "description": record.history_change_reason,
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
        if change.get("description"):
            parts.append(f"{change['description']} (by {change['by']}, {change['at']:%Y-%m-%d %H:%M:%S} UTC)")
            continue
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
