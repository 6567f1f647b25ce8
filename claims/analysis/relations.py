"""Suggesting relations between claims from their estimates, for a reviewer to accept or reject.

The rule (documented in docs/data-model.md and `suggest_relations --help`):

* **Valid time as an interval.** Every estimate covers the days of its valid time: ``as_of`` with its
  precision (the day; the ISO week 2025-09-01…07; the month 2025-08-01…31; the year), else its period
  (``period_start``…``period_end``), else its claim's ``stated_on`` with that precision. Estimates of any mix
  of precisions and periods are compared by these intervals, never by their first days alone.
* **Value as an interval.** exact → [v, v]; approximately → [v·(1−t), v·(1+t)] with tolerance t (default
  25 %); at least → [l, ∞); more than → (l, ∞); at most → (−∞, u]; fewer than → (−∞, u); range → [l, u];
  unknown → none (never contradicts). A bound that is itself approximate ("at least about 100") is widened
  by t the same way: [l·(1−t), ∞).
* **updates** — for one proposition and one claimant (each claimant of a joint claim has its own series),
  estimates ordered by their valid time (then the claim's ``stated_on``): each claim *updates* the claim of
  the estimate before it.
* **contradicts** — two estimates of one proposition whose claims share no claimant, when
  (a) their valid-time intervals overlap (widened by ``window_days``) and their value intervals are disjoint:
  "~350 in August" against "~2,000 in August"; or
  (b) the proposition is **cumulative** (a toll can only grow), one interval lies wholly before the other,
  and the later estimate's highest value is below the earlier one's lowest: North Korea's ~350 (August 2025,
  at most 437.5 with t = 25 %) against NIS's ≥600 (April 2025). For each later estimate and each other
  claimant, the contradicted estimate suggested is that claimant's latest one before it.

Suggestions are ClaimRelations in state ``suggested``, written through ``claims.services.parts`` as the
system user (each claim that gains one gets version + 1 and a history record); retracted claims are left
out. Two claims already linked — by any relation, of any kind, in either direction, in any state (a rejected
suggestion too) — are never suggested again: re-running never duplicates a suggestion, never revives a
rejected one, and never adds an ``updates`` beside an accepted ``repeats``.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from factbase import dates
from factbase.system import system_user

from ..models import ClaimRelation, ClaimStatus, Estimate, Qualifier, RelationKind, RelationState
from ..services.parts import parts_add, relation_review  # noqa: F401  (relation_review: reviewers decide)
from .corroboration import claimant_ids_by_claim

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
    widen = tolerance if getattr(estimate, "approximate", False) else Decimal(0)
    if q == Qualifier.EXACT:
        return estimate.value, False, estimate.value, False
    if q == Qualifier.APPROXIMATELY:
        spread = abs(estimate.value) * tolerance
        return estimate.value - spread, False, estimate.value + spread, False
    if q in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return estimate.lower - abs(estimate.lower) * widen, q == Qualifier.MORE_THAN and not widen, INFINITY, True
    if q in (Qualifier.AT_MOST, Qualifier.FEWER_THAN):
        return -INFINITY, True, estimate.upper + abs(estimate.upper) * widen, q == Qualifier.FEWER_THAN and not widen
    if q == Qualifier.RANGE:
        return estimate.lower - abs(estimate.lower) * widen, False, estimate.upper + abs(estimate.upper) * widen, False
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


def wholly_below(later, earlier) -> bool:
    """Whether every value ``later`` allows is below every value ``earlier`` allows (both intervals)."""
    if later is None or earlier is None:
        return False
    _low, _low_open, high, high_open = later
    low, low_open = earlier[0], earlier[1]
    return high < low or (high == low and (high_open or low_open))


def valid_period(estimate) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the valid time an estimate covers (see the module docstring)."""
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
    estimates = (Estimate.objects.select_related("claim", "proposition").exclude(claim__status=ClaimStatus.RETRACTED)
                 .order_by("proposition_id", "id"))
    if proposition is not None:
        estimates = estimates.filter(proposition=proposition)
    by_proposition: dict[int, list] = {}
    for estimate in estimates.iterator(chunk_size=2000):
        by_proposition.setdefault(estimate.proposition_id, []).append(estimate)
        report.examined += 1
    claimants = claimant_ids_by_claim(claim_ids={e.claim_id for group in by_proposition.values() for e in group})

    linked = {frozenset(pair) for pair in ClaimRelation.objects.values_list("source_id", "target_id")}
    new = []

    def propose(source_id, target_id, kind, rationale):
        pair = frozenset((source_id, target_id))
        if source_id == target_id or pair in linked:
            return False
        linked.add(pair)
        new.append(ClaimRelation(
            source_id=source_id, target_id=target_id, kind=kind, state=RelationState.SUGGESTED,
            rationale=rationale, suggested_by=SUGGESTED_BY,
        ))
        return True

    window = dt.timedelta(days=window_days)
    for group in by_proposition.values():
        group.sort(key=_sort_key)
        cumulative = group[0].proposition.cumulative
        periods = {e.pk: valid_period(e) for e in group}
        values = {e.pk: estimate_interval(e, tolerance=tolerance) for e in group}
        series: dict[int, list] = {}
        for estimate in group:
            for claimant_id in claimants[estimate.claim_id]:
                series.setdefault(claimant_id, []).append(estimate)
        for items in series.values():
            for older, newer in zip(items, items[1:]):
                if older.claim_id != newer.claim_id and propose(
                    newer.claim_id, older.claim_id, RelationKind.UPDATES,
                    f"newer estimate {newer.display_value} of the same claimant follows {older.display_value}",
                ):
                    report.updates += 1
        dated = [e for e in group if periods[e.pk] is not None]
        for i, first in enumerate(dated):
            first_period = periods[first.pk]
            for j in range(i + 1, len(dated)):  # indices, not a slice: a slice copies the rest of the list each time
                second = dated[j]
                second_period = periods[second.pk]
                if second_period[0] > first_period[1] + window:
                    break  # sorted by start: no later estimate overlaps `first` either
                if set(claimants[first.claim_id]) & set(claimants[second.claim_id]):
                    continue
                if intervals_disjoint(values[first.pk], values[second.pk]) and propose(
                    second.claim_id, first.claim_id, RelationKind.CONTRADICTS,
                    f"{second.display_value} ({dates.describe(*_shown(second))}) and {first.display_value} "
                    f"({dates.describe(*_shown(first))}) for overlapping dates cannot both hold",
                ):
                    report.contradicts += 1
        if cumulative:
            report.contradicts += _falling_totals(dated, periods, values, series, claimants, window, propose)
    # Through the one writer of relations, as the system user (a suggestion awaits a reviewer whatever the
    # claim's state): each claim that gains a suggestion gets version + 1 and a history record saying so.
    parts_add(parts=new, by=by or system_user(), reason=f"{SUGGESTED_BY}: relations suggested")
    return report


def _shown(estimate):
    """(date, precision) to describe an estimate's valid time in a rationale."""
    if estimate.as_of:
        return estimate.as_of, estimate.as_of_precision
    if estimate.period_start or estimate.period_end:
        return estimate.period_start or estimate.period_end, "day"
    return estimate.claim.stated_on, estimate.claim.stated_on_precision


def _falling_totals(dated, periods, values, series, claimants, window, propose) -> int:
    """Rule (b): a later cumulative figure below an earlier one of another claimant. Returns how many.

    Per claimant, its estimates are sorted by the end of their valid time with the running maximum of their
    lowest values: a later estimate that is not below that maximum contradicts none of them (a binary search,
    no scan) — so a long series costs O(n log n) unless contradictions are actually there to be found.
    """
    import bisect

    indexed = {}
    for claimant_id, items in series.items():
        ordered = sorted((e for e in items if values[e.pk] is not None), key=lambda e: periods[e.pk][1])
        running, maxima = None, []
        for e in ordered:
            low, low_open = values[e.pk][0], values[e.pk][1]
            if running is None or low > running[0]:
                running = (low, low_open)
            elif low == running[0] and low_open:
                running = (low, True)
            maxima.append(running)
        indexed[claimant_id] = (ordered, [periods[e.pk][1] for e in ordered], maxima)
    found = 0
    for later in dated:
        interval = values[later.pk]
        if interval is None:
            continue
        start = periods[later.pk][0]
        own = set(claimants[later.claim_id])
        for claimant_id, (ordered, ends, maxima) in indexed.items():
            if claimant_id in own:
                continue
            count = bisect.bisect_left(ends, start - window)  # those ending (widened) before `later` starts
            if not count or not wholly_below(interval, (*maxima[count - 1], None, None)):
                continue  # not below the highest earlier lowest value of this claimant: contradicts none of them
            contradicted = next((
                ordered[k] for k in range(count - 1, -1, -1)
                if wholly_below(interval, values[ordered[k].pk]) and not set(claimants[ordered[k].claim_id]) & own
            ), None)
            if contradicted is not None and propose(
                later.claim_id, contradicted.claim_id, RelationKind.CONTRADICTS,
                f"cumulative: {later.display_value} ({dates.describe(*_shown(later))}) is lower than "
                f"{contradicted.display_value} stated for an earlier time ({dates.describe(*_shown(contradicted))}); "
                f"a running total cannot fall",
            ):
                found += 1
    return found
