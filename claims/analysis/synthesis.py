"""What was known on a date, in one answer: per independent origin its latest estimate, and the band they span.

Used by ``/api/v1/propositions/{key}/synthesis/?known_on=DATE`` and the admin's proposition page. The method
(also in docs/api.md):

1. **What was known**: the estimates of the proposition in the reader's visible claims that had been
   published by ``known_on`` (a claim's first publication on or before it); without ``known_on``, all of them.
2. **Origins**: each claimant of those claims is one origin — the lead claimant and every joint claimant. Ten
   outlets relaying one NIS briefing, or two lawmakers relaying it in parallel, are still NIS: one origin.
3. **Latest per origin**: of an origin's estimates, the one whose valid time is latest (``as_of`` or period
   start, else the claim's ``stated_on``), ties broken by ``stated_on`` then entry order — the same order as
   the timeline, so the latest is the last of the origin's series. Unknown quantities are left out.
4. **Interested parties apart**: an origin whose latest estimate comes from an ``interested`` claim (North
   Korea on its own war dead) is listed under ``interested``, with its own band, never mixed into the band of
   the others.
5. **The band** of a group: ``low`` is the lowest figure any of its latest estimates states (a lower bound, else
   the value, else an upper bound), ``high`` the highest (an upper bound, else the value, else a lower bound);
   ``open_above`` is true when the estimate giving ``high`` states only a lower bound ("at least 600": the
   truth may lie above), ``open_below`` likewise. Approximate figures count as their value.
6. **Parts**: ``part_conflicts`` lists claimants whose parts exceed their own whole at the same date
   (``claims.analysis.quantities``).
"""

import datetime as dt
from decimal import Decimal

from django.db.models import QuerySet

from factbase.shapes import One, Shape

from ..models import Claim, Proposition, Qualifier
from ..shapes import CLAIM, PROPOSITION
from .quantities import parts_exceeding_whole
from .timeline import TIMELINE_ESTIMATE, joint_claimants, timeline_estimates

#: An origin's estimate in the synthesis: the timeline's estimate fields without the claimant (the origin is).
SYNTHESIS_ESTIMATE = Shape(
    model=TIMELINE_ESTIMATE.model, name="SynthesisEstimate",
    description="An origin's latest estimate known by the date: its claim and figures.",
    fields=[
        TIMELINE_ESTIMATE.field("id"), One("claim", CLAIM),
        *(TIMELINE_ESTIMATE.field(name) for name in (
            "value", "lower", "upper", "qualifier", "approximate", "unit", "display_value", "as_of", "as_of_precision",
            "period_start", "period_end", "holds_on", "wording",
        )),
    ],
)


def _low(estimate) -> tuple[Decimal, bool] | None:
    """(lowest stated figure, whether it is only an upper bound)."""
    if estimate["lower"] is not None:
        return estimate["lower"], False
    if estimate["value"] is not None:
        return estimate["value"], False
    if estimate["upper"] is not None:
        return estimate["upper"], True
    return None


def _high(estimate) -> tuple[Decimal, bool] | None:
    """(highest stated figure, whether it is only a lower bound)."""
    if estimate["upper"] is not None:
        return estimate["upper"], False
    if estimate["value"] is not None and estimate["qualifier"] not in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return estimate["value"], False
    if estimate["lower"] is not None:
        return estimate["lower"], True
    if estimate["value"] is not None:
        return estimate["value"], True
    return None


def band(estimates: list[dict]) -> dict | None:
    """The band a group of estimates spans (see the module docstring, step 5); None for no estimate."""
    lows = [(found, e) for e in estimates if (found := _low(e)) is not None]
    highs = [(found, e) for e in estimates if (found := _high(e)) is not None]
    if not lows or not highs:
        return None
    (low, open_below), low_estimate = min(lows, key=lambda item: item[0][0])
    (high, open_above), high_estimate = max(highs, key=lambda item: item[0][0])
    return {
        "low": low, "high": high, "open_below": open_below, "open_above": open_above,
        "low_estimate": low_estimate["id"], "high_estimate": high_estimate["id"], "origins": len(estimates),
    }


def proposition_synthesis(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None,
                          links=None, as_json: bool = False) -> dict:
    """What was known of ``proposition`` by ``known_on`` among ``claims`` (the reader's visible claims).

    Returns ``{"proposition", "known_on", "independent": {"origins", "band"}, "interested": {"origins", "band"},
    "part_conflicts"}``; each origin is ``{"origin": actor (brief), "estimate": its latest estimate}``, origins in
    order of their latest estimate's valid time. Five queries whatever the number of estimates (estimates with
    claim and claimant, joint claimants, and the parts check's three; fewer when there is nothing to read).
    """
    rows = list(timeline_estimates(proposition=proposition, claims=claims, known_on=known_on))
    built = TIMELINE_ESTIMATE.build(rows, links=links, as_json=as_json)
    joint = joint_claimants(claim_ids={row["claim_id"] for row in rows}, links=links, as_json=as_json)
    latest: dict[int, tuple[dict, dict, dict]] = {}
    for row, estimate in zip(rows, built):
        if row["qualifier"] == Qualifier.UNKNOWN:
            continue
        for origin in (estimate["claimant"], *joint.get(row["claim_id"], [])):
            latest.pop(origin["id"], None)  # re-inserted last: origins end in order of their latest estimate
            latest[origin["id"]] = (origin, row, estimate)
    groups = {"independent": [], "interested": []}
    for origin, row, estimate in latest.values():
        shown = {name: estimate[name] for name in (f.name for f in SYNTHESIS_ESTIMATE.fields)}
        group = "interested" if row["claim__interested"] else "independent"
        groups[group].append(({"origin": origin, "estimate": shown}, row))
    (header,) = PROPOSITION.brief_shape().build(
        [{path: getattr(proposition, path) for path in PROPOSITION.brief_shape().paths()}], links=links, as_json=as_json
    )
    visible = claims if known_on is None else claims.filter(first_published_on__lte=known_on)
    conflicts = parts_exceeding_whole(whole=proposition, claims=visible)
    result = {
        "proposition": header,
        "known_on": known_on,
        **{
            name: {"origins": [entry for entry, _row in members], "band": band([row for _entry, row in members])}
            for name, members in groups.items()
        },
        "part_conflicts": conflicts,
    }
    return _as_json(result) if as_json else result


def _as_json(value):
    """Dates of what this module adds as the API writes them (nested shapes are already JSON-ready; Decimals are
    left to the renderer, as for every other number of the API)."""
    if isinstance(value, dict):
        return {name: _as_json(item) for name, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
