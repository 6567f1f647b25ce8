"""Related quantities: parts of a whole (casualties = killed + wounded), and the check that a claimant's parts do
not exceed its own whole at the same date.

"About 4,700 casualties, including about 600 killed and over 4,000 wounded" is three estimates on three
propositions linked by ``QuantityRelation``s (killed and wounded are ``part_of`` casualties). The check: for
one claimant and one valid time (the same interval of days — see ``claims.analysis.relations.valid_period``),
the sum of the parts' **lowest** stated figures must not exceed the whole's **highest** stated figure. A
stated figure is taken as written: exact and approximate values count as their value; "at least"/"more than"
give their lower bound and no upper one; "at most"/"fewer than" their upper bound and 0 as the lowest; a range
its bounds; unknown is left out. Parts stated as a running total of another unit are not converted here.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import QuerySet

from factbase import dates

from ..models import Claim, Estimate, Proposition, QuantityRelation, QuantityRelationKind, Qualifier, display_value
from .timeline import joint_claimants

_COLUMNS = (
    "id", "proposition_id", "proposition__key", "claim_id", "claim__key", "claim__claimant_id", "claim__claimant__key",
    "claim__claimant__name", "qualifier", "value", "lower", "upper", "approximate", "as_of", "as_of_precision",
    "period_start", "period_end", "claim__stated_on", "claim__stated_on_precision",
)


def row_period(row) -> tuple[dt.date, dt.date] | None:
    """The valid time of an estimate row (see ``claims.analysis.relations.valid_period``)."""
    if row["as_of"]:
        return row["as_of"], dates.period_end(row["as_of"], row["as_of_precision"])
    if row["period_start"] or row["period_end"]:
        return row["period_start"] or row["period_end"], row["period_end"] or row["period_start"]
    if row["claim__stated_on"]:
        return row["claim__stated_on"], dates.period_end(row["claim__stated_on"], row["claim__stated_on_precision"])
    return None


def lowest(row) -> Decimal | None:
    """The lowest figure an estimate states (0 for "at most"/"fewer than"; None when unknown)."""
    if row["qualifier"] == Qualifier.UNKNOWN:
        return None
    if row["lower"] is not None:
        return row["lower"]
    if row["value"] is not None:
        return row["value"]
    return Decimal(0)


def highest(row) -> Decimal | None:
    """The highest figure an estimate allows (None: no upper bound, or unknown)."""
    if row["qualifier"] in (Qualifier.UNKNOWN, Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return None
    if row["upper"] is not None:
        return row["upper"]
    return row["value"]


def _shown(row) -> str:
    return display_value(row["qualifier"], row["value"], row["lower"], row["upper"], row["approximate"])


def parts_exceeding_whole(*, whole: Proposition, claims: QuerySet[Claim]) -> list[dict]:
    """Where a claimant's parts of ``whole`` add up to more than its own figure for ``whole`` at the same date.

    ``claims`` are the claims the reader may see. Each finding: ``claimant`` (key and name), ``valid_from`` /
    ``valid_to`` (the valid time), ``whole`` (estimate id, claim key, display value, highest figure), ``parts``
    (proposition key, estimate id, claim key, display value, lowest figure) and ``parts_lowest_sum``. A joint
    claim counts for each of its claimants. Three queries (two without parts or estimates).
    """
    part_ids = list(QuantityRelation.objects.filter(whole=whole, kind=QuantityRelationKind.PART_OF).values_list("part_id", flat=True))
    if not part_ids:
        return []
    rows = list(
        Estimate.objects.filter(proposition_id__in=[whole.pk, *part_ids], claim__in=claims).order_by("id").values(*_COLUMNS)
    )
    if not rows:
        return []
    joint = joint_claimants(claim_ids={row["claim_id"] for row in rows})
    by_claimant_and_time: dict[tuple, dict] = {}
    names = {}
    for row in rows:
        period = row_period(row)
        if period is None:
            continue
        claimants = [(row["claim__claimant_id"], row["claim__claimant__key"], row["claim__claimant__name"])]
        claimants += [(actor["id"], actor["key"], actor["name"]) for actor in joint.get(row["claim_id"], [])]
        for actor_id, key, name in claimants:
            names[actor_id] = (key, name)
            group = by_claimant_and_time.setdefault((actor_id, period), {"wholes": [], "parts": {}})
            if row["proposition_id"] == whole.pk:
                group["wholes"].append(row)
            else:
                group["parts"].setdefault(row["proposition_id"], []).append(row)
    findings = []
    for (actor_id, period), group in sorted(by_claimant_and_time.items(), key=lambda item: (item[0][1], names[item[0][0]])):
        if not group["wholes"] or not group["parts"]:
            continue
        # Per part, its highest lowest figure (the strongest statement the claimant made of it then).
        chosen = []
        for estimates in group["parts"].values():
            known = [row for row in estimates if lowest(row) is not None]
            if known:
                chosen.append(max(known, key=lambda row: lowest(row)))
        total = sum((lowest(row) for row in chosen), Decimal(0))
        for row in group["wholes"]:
            ceiling = highest(row)
            if ceiling is not None and total > ceiling:
                key, name = names[actor_id]
                findings.append({
                    "claimant": {"key": key, "name": name},
                    "valid_from": period[0], "valid_to": period[1],
                    "whole": {"estimate": row["id"], "claim": row["claim__key"], "display_value": _shown(row), "highest": ceiling},
                    "parts": [
                        {"proposition": part["proposition__key"], "estimate": part["id"], "claim": part["claim__key"],
                         "display_value": _shown(part), "lowest": lowest(part)}
                        for part in chosen
                    ],
                    "parts_lowest_sum": total,
                })
    return findings
