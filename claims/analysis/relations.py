"""Suggesting relations between claims from their estimates, for a reviewer to accept or reject.

The rule (documented in docs/data-model.md and `suggest_relations --help`):

* **updates** — for one proposition and one claimant, estimates ordered by their valid time (``as_of`` or
  period start, then the claim's ``stated_on``): each claim *updates* the claim of the estimate before it.
* **contradicts** — two estimates of one proposition by *different* claimants whose valid times overlap
  (periods of their precision, widened by ``window_days``) and whose intervals cannot both hold. An
  estimate's interval: exact → [v, v]; approximately → [v·(1−t), v·(1+t)] with tolerance t (default 25 %);
  at least → [l, ∞); more than → (l, ∞); at most → (−∞, u]; fewer than → (−∞, u); range → [l, u];
  unknown → no interval (never contradicts).

Suggestions are ClaimRelations in state ``suggested``, written through ``claims.services.parts`` as the
system user (each claim that gains one gets version + 1 and a history record); retracted claims are left
out. A pair that already has a relation of that kind (in either direction for ``contradicts``), whatever
its state, is left alone — so re-running never duplicates a suggestion nor revives a rejected one.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from factbase import dates
from factbase.system import system_user

from ..models import ClaimRelation, ClaimStatus, Estimate, Qualifier, RelationKind, RelationState
from ..services.parts import parts_add, relation_review  # noqa: F401  (relation_review: reviewers decide)

SUGGESTED_BY = "suggest_relations"
INFINITY = Decimal("Infinity")


@dataclass
class SuggestReport:
    updates: int = 0
    contradicts: int = 0
    examined: int = 0


def estimate_interval(estimate, *, tolerance=Decimal("0.25")):
    """(low, low_open, high, high_open) of the values an estimate allows, or None when unknown."""
    q = estimate.qualifier
    if q == Qualifier.EXACT:
        return estimate.value, False, estimate.value, False
    if q == Qualifier.APPROXIMATELY:
        spread = abs(estimate.value) * tolerance
        return estimate.value - spread, False, estimate.value + spread, False
    if q in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return estimate.lower, q == Qualifier.MORE_THAN, INFINITY, True
    if q in (Qualifier.AT_MOST, Qualifier.FEWER_THAN):
        return -INFINITY, True, estimate.upper, q == Qualifier.FEWER_THAN
    if q == Qualifier.RANGE:
        return estimate.lower, False, estimate.upper, False
    return None


def intervals_disjoint(a, b) -> bool:
    if a is None or b is None:
        return False
    a_low, a_low_open, a_high, a_high_open = a
    b_low, b_low_open, b_high, b_high_open = b
    # a lies wholly below b, or wholly above it.
    below = a_high < b_low or (a_high == b_low and (a_high_open or b_low_open))
    above = b_high < a_low or (b_high == a_low and (b_high_open or a_low_open))
    return below or above


def valid_period(estimate) -> tuple[dt.date, dt.date] | None:
    if estimate.as_of:
        return estimate.as_of, dates.period_end(estimate.as_of, estimate.as_of_precision)
    if estimate.period_start or estimate.period_end:
        return estimate.period_start or estimate.period_end, estimate.period_end or estimate.period_start
    if estimate.claim.stated_on:
        return estimate.claim.stated_on, dates.period_end(estimate.claim.stated_on, estimate.claim.stated_on_precision)
    return None


def _sort_key(estimate):
    period = valid_period(estimate)
    return (period[0] if period else dt.date.max, estimate.claim.stated_on or dt.date.max, estimate.claim_id)


def relations_suggest(*, proposition=None, window_days=0, tolerance=Decimal("0.25"), by=None) -> SuggestReport:
    """Create suggested ``updates`` and ``contradicts`` relations (see the module docstring)."""
    report = SuggestReport()
    # A retracted claim is withdrawn: it takes part in no new suggestion (and is never changed again).
    estimates = (Estimate.objects.select_related("claim").exclude(claim__status=ClaimStatus.RETRACTED)
                 .order_by("proposition_id", "id"))
    if proposition is not None:
        estimates = estimates.filter(proposition=proposition)
    by_proposition: dict[int, list] = {}
    for estimate in estimates.iterator(chunk_size=2000):
        by_proposition.setdefault(estimate.proposition_id, []).append(estimate)
        report.examined += 1

    existing = set(ClaimRelation.objects.filter(
        kind__in=[RelationKind.UPDATES, RelationKind.CONTRADICTS]
    ).values_list("source_id", "target_id", "kind"))
    new = []

    def propose(source_id, target_id, kind, rationale, symmetric=False):
        keys = {(source_id, target_id, kind)} | ({(target_id, source_id, kind)} if symmetric else set())
        if source_id == target_id or keys & existing:
            return False
        existing.update(keys)
        new.append(ClaimRelation(
            source_id=source_id, target_id=target_id, kind=kind, state=RelationState.SUGGESTED,
            rationale=rationale, suggested_by=SUGGESTED_BY,
        ))
        return True

    window = dt.timedelta(days=window_days)
    for group in by_proposition.values():
        group.sort(key=_sort_key)
        series: dict[int, list] = {}
        for estimate in group:
            series.setdefault(estimate.claim.claimant_id, []).append(estimate)
        for items in series.values():
            for older, newer in zip(items, items[1:]):
                if older.claim_id != newer.claim_id and propose(
                    newer.claim_id, older.claim_id, RelationKind.UPDATES,
                    f"newer estimate {newer.display_value} of the same claimant follows {older.display_value}",
                ):
                    report.updates += 1
        for i, first in enumerate(group):
            first_period = valid_period(first)
            if first_period is None:
                continue
            for second in group[i + 1:]:
                second_period = valid_period(second)
                if second_period is None:
                    continue
                if second_period[0] > first_period[1] + window:
                    break  # sorted by start: no later estimate overlaps `first` either
                if first.claim.claimant_id == second.claim.claimant_id:
                    continue
                if intervals_disjoint(estimate_interval(first, tolerance=tolerance),
                                      estimate_interval(second, tolerance=tolerance)):
                    if propose(
                        second.claim_id, first.claim_id, RelationKind.CONTRADICTS,
                        f"{second.display_value} and {first.display_value} for overlapping dates cannot both hold",
                        symmetric=True,
                    ):
                        report.contradicts += 1
    # Through the one writer of relations, as the system user (a suggestion awaits a reviewer whatever the
    # claim's state): each claim that gains a suggestion gets version + 1 and a history record saying so.
    parts_add(parts=new, by=by or system_user(), reason=f"{SUGGESTED_BY}: relations suggested")
    return report
