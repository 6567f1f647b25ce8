"""Creating and changing claims themselves (their parts are in ``parts``; their state in ``workflow``).

``claim_create`` / ``claims_create``   new claims (one, or a batch with one INSERT per model per 1,000);
``claim_update`` / ``claims_update``   change the fields a bundle, extraction or the admin names;
``claim_subjects_set``                 the actors a claim is about.

Every function is keyword-only and runs in ``transaction.atomic()``; each claim is checked with
``full_clean()`` (a batch leaves unique and check constraints to the database, which enforces them:
one query per row would cost more than the insert); status and assessment go through
``workflow.claims_initial_state`` / ``workflow.claims_state_set``; derived columns are refreshed by
``derived.claims_refresh_derived``; history is written by simple-history (one row) or ``factbase.history``
(a batch), with ``by`` as the user and ``reason`` as the change reason (an import: ``import_bundle run #N``).
"""

from django.db import transaction
from django.utils import timezone

from factbase.cleaning import FIELDS, FULL, instance_clean
from factbase.history import CREATED, history_context, history_rows_record, history_subjects_record

from ..models import Claim
from . import workflow
from .derived import claims_refresh_derived

BATCH = 1000
CLAIM_FIELDS = (
    "key", "claimant", "kind", "summary", "summary_language", "stated_on", "stated_on_precision", "hedge",
    "location", "location_country", "interested", "rating_text",
)
IMPORT_FIELDS = ("first_import_run", "last_import_run")


def _check_fields(values, allowed, what):
    unknown = set(values) - set(allowed)
    if unknown:
        state = unknown & {*workflow.STATE_FIELDS, "assessed_by", "assessed_at", "version"}
        hint = " (status and assessment change only through claims.services.workflow)" if state else ""
        raise workflow.WorkflowError(f"{what} does not set {', '.join(sorted(unknown))}{hint}", code="unknown_field")


def claim_create(*, values: dict, by, subjects=(), run=None, reason: str = "") -> Claim:
    """A new claim holding ``values`` (fields of ``CLAIM_FIELDS`` plus, checked by the workflow, ``status``,
    ``verdict``, ``credibility``, ``rationale``, ``assessed_at``), about ``subjects``."""
    [claim] = claims_create(claims=[Claim(**values)], subjects=[list(subjects)], by=by, run=run, reason=reason,
                            validate=FULL)
    return claim


def claims_create(*, claims: list[Claim], by, subjects: list | None = None, run=None, reason: str = "",
                  validate: str = FIELDS, derived: bool = True) -> list[Claim]:
    """Insert unsaved claims (``subjects[i]`` is the list of actors claim ``i`` is about).

    ``validate=FULL`` runs the whole ``full_clean()`` (unique keys too: a query per claim); ``FIELDS`` (a
    batch) leaves foreign keys, uniqueness and constraints to the database (``factbase.cleaning``).
    ``derived=False``: the caller has set the derived columns with ``derived.claims_derive_unsaved`` and
    fills the search vectors itself once the claims' appearances are in (an import's batch).
    """
    if not claims:
        return []
    if not workflow.can_edit_claim(by, None):
        raise workflow.WorkflowPermissionError(f"{getattr(by, 'username', 'anonymous')} may not add claims",
                                               code="permission_denied")
    workflow.claims_initial_state(claims=claims, by=by)
    for claim in claims:
        if run is not None:
            claim.first_import_run = claim.last_import_run = run
        instance_clean(claim, validate=validate)
    with transaction.atomic():
        for offset in range(0, len(claims), BATCH):
            Claim.objects.bulk_create(claims[offset: offset + BATCH])
        history_rows_record(model=Claim, pks=[c.pk for c in claims], by=by, reason=reason, history_type=CREATED)
        if subjects:
            through = Claim.subjects.through
            rows = [through(claim_id=claim.pk, actor_id=actor.pk)
                    for claim, actors in zip(claims, subjects) for actor in actors or ()]
            through.objects.bulk_create(rows, batch_size=BATCH)
            history_subjects_record(model=Claim, through_pks=[row.pk for row in rows], reason=reason)
        if derived:
            claims_refresh_derived(claim_ids=[c.pk for c in claims])
    return claims


def claim_update(*, claim: Claim, values: dict, by, expected_version: int | None = None, run=None,
                 reason: str = "") -> list[str]:
    """Set the fields named in ``values`` (of ``CLAIM_FIELDS``); returns the names that changed.

    Only a user who may edit the claim in its state may (``workflow.claim_edit_require``); with
    ``expected_version`` a change made since is a ``VersionConflict``. A change raises the version by one.
    """
    _check_fields(values, CLAIM_FIELDS, "claim_update")
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        workflow.claim_edit_require(claim=current, by=by)
        if expected_version is not None and current.version != expected_version:
            raise workflow.version_conflict(claim=current, expected_version=expected_version)
        changed = [name for name, value in values.items() if _value(current, name) != _value_of(value)]
        if not changed:
            return []
        for name in changed:
            setattr(current, name, values[name])
        if run is not None:
            current.last_import_run = run
        current.full_clean()
        current.version += 1
        history_context(current, by=by, reason=reason)
        current.save()
        claims_refresh_derived(claim_ids=[current.pk])
        for name in (*changed, "version", "updated_at", "last_import_run_id"):
            setattr(claim, name, getattr(current, name))
    return changed


def claims_update(*, changes: list, by, run=None, reason: str = "") -> list[Claim]:
    """A batch of ``(claim, {field: value})`` (fields of ``CLAIM_FIELDS``): one UPDATE per 1,000 claims and
    field set, version + 1 and a history row each, derived columns refreshed. Returns the claims changed."""
    changed, fields = [], set()
    now = timezone.now()
    for claim, values in changes:
        _check_fields(values, CLAIM_FIELDS, "claims_update")
        delta = [name for name, value in values.items() if _value(claim, name) != _value_of(value)]
        if not delta:
            continue
        for name in delta:
            setattr(claim, name, values[name])
        instance_clean(claim, validate=FIELDS)
        claim.updated_at = now
        if run is not None:
            claim.last_import_run = run
            fields.add("last_import_run")
        fields |= {*delta, "updated_at"}
        changed.append(claim)
    if not changed:
        return []
    with transaction.atomic():
        workflow.claims_edit_require(claim_ids=[c.pk for c in changed], by=by)
        Claim.objects.bulk_update(changed, sorted(fields), batch_size=BATCH)
        # The version is raised (and the "~" history row written) after the fields are stored, so the
        # history row shows the new values.
        workflow.claims_version_raise(claim_ids=[c.pk for c in changed], by=by, reason=reason)
        claims_refresh_derived(claim_ids=[c.pk for c in changed])
    return changed


def claim_subjects_set(*, claim: Claim, actors, by, expected_version: int | None = None, reason: str = "") -> bool:
    """Make ``actors`` the claim's subjects; True if that changed anything (version + 1, history)."""
    with transaction.atomic():
        current = Claim.objects.select_for_update().get(pk=claim.pk)
        workflow.claim_edit_require(claim=current, by=by)
        if expected_version is not None and current.version != expected_version:
            raise workflow.version_conflict(claim=current, expected_version=expected_version)
        wanted = {actor.pk for actor in actors}
        if wanted == set(current.subjects.values_list("pk", flat=True)):
            return False
        history_context(current, by=by, reason=reason)
        current.subjects.set(list(actors))  # simple-history records the m2m change on a "~" row
        workflow.claim_version_raise(claim_id=current.pk, by=by, reason=reason or "subjects changed")
    return True


def _value(instance, name):
    field = instance._meta.get_field(name)
    return getattr(instance, field.attname)


def _value_of(value):
    return getattr(value, "pk", value)

