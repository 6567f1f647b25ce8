"""Re-reports: a candidate figure that an existing claim already states.

:func:`candidates_match` looks, for each estimate candidate with a known claimant, for an existing claim
(of any status) by the same claimant with an estimate of the same number and qualifier whose as-of period
overlaps the candidate's (periods compared by their precision: a figure "in April" overlaps one of
2025-04-17). The candidate keeps its own draft, appearance, hops and wording, and gets a ``match`` naming
the claim and the reason; saving links the draft to that claim with a *suggested* ``repeats`` relation
that the curator sees on the draft's page. :func:`rereport_accept` then moves the appearance (with its
hops) onto the matched claim — the report becomes one more appearance of the claim, not a new claim —
and retracts the emptied draft.

Two queries whatever the number of candidates.
"""

import datetime as dt

from django.db import transaction

from factbase import dates as date_helpers

from ..services.parts import appearance_update, relation_review
from ..services.workflow import claim_retract
from ..models import Appearance, ClaimRelation, ClaimStatus, Estimate, RelationKind, RelationState
from .candidates import Candidate, Match


def _period(day: dt.date | None, precision: str) -> tuple[dt.date, dt.date] | None:
    if day is None:
        return None
    start = date_helpers.normalize(day, precision)
    end = {
        "day": start, "week": start + dt.timedelta(days=6),
        "month": (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1),
        "year": start.replace(month=12, day=31),
    }.get(str(precision), start)
    return start, end


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def candidates_match(*, candidates: list[Candidate], exclude_document=None) -> int:
    """Set ``match`` on every candidate that re-reports an existing claim; returns how many matched."""
    wanted = [c for c in candidates if c.quantity is not None and c.claimant.pk is not None and c.quantity.number is not None]
    if not wanted:
        return 0
    estimates = Estimate.objects.filter(claim__claimant_id__in={c.claimant.pk for c in wanted}).select_related("claim")
    if exclude_document is not None and exclude_document.pk:
        estimates = estimates.exclude(claim__appearances__document=exclude_document)
    by_claimant: dict[int, list[Estimate]] = {}
    for estimate in estimates:
        by_claimant.setdefault(estimate.claim.claimant_id, []).append(estimate)
    matched = 0
    for candidate in wanted:
        period = _period(candidate.as_of, candidate.as_of_precision)
        for estimate in by_claimant.get(candidate.claimant.pk, []):
            number = next((n for n in (estimate.value, estimate.lower, estimate.upper) if n is not None), None)
            if number is None or number.normalize() != candidate.quantity.number.normalize():
                continue
            if estimate.qualifier != candidate.quantity.qualifier:
                continue
            other = _period(estimate.as_of, estimate.as_of_precision)
            if not _overlap(period, other):
                continue
            candidate.match = Match(
                claim_pk=estimate.claim_id, claim_key=estimate.claim.key,
                reason=(f"Same claimant ({candidate.claimant.name}), same figure ({candidate.quantity.wording} = "
                        f"{estimate.display_value}, {estimate.qualifier}) and overlapping dates ({candidate.as_of} "
                        f"{candidate.as_of_precision} / {estimate.as_of} {estimate.as_of_precision}) as claim "
                        f"{estimate.claim.key}: proposed as another appearance of it."),
            )
            matched += 1
            break
    return matched


def rereport_accept(*, relation: ClaimRelation, by) -> Appearance:
    """Move the draft's appearance (with its hops) onto the claim it repeats and retract the draft."""
    with transaction.atomic():
        relation = ClaimRelation.objects.select_for_update().select_related("source", "target").get(pk=relation.pk)
        if relation.kind != RelationKind.REPEATS or relation.state != RelationState.SUGGESTED:
            raise ValueError("only a suggested 'repeats' relation can be accepted as a re-report")
        draft = relation.source
        if draft.status != ClaimStatus.DRAFT:
            raise ValueError(f"{draft.key} is no longer a draft ({draft.status}); nothing was moved")
        appearance = draft.appearances.get()
        if Appearance.objects.filter(claim=relation.target, document=appearance.document,
                                     start=appearance.start, end=appearance.end).exists():
            raise ValueError(f"{relation.target.key} already has this appearance")
        # Through the parts services: moving it needs the right to edit both claims, raises both versions and
        # shows in both histories; accepting the relation is a reviewer's decision.
        appearance_update(appearance=appearance, values={"claim": relation.target}, by=by,
                          reason=f"appearance #{appearance.pk} moved from {draft.key}: a re-report")
        relation_review(relation=relation, accept=True, by=by)
        claim_retract(claim=draft, by=by, reason=f"Re-report of {relation.target.key}: its appearance was moved there.")
        appearance.refresh_from_db()
    return appearance
