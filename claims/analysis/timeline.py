"""A proposition's timeline: every estimate of it, in as-of order, with the appearance it came from.

Used by the API (``/api/v1/propositions/{key}/timeline/``) and the admin's proposition chart. The
timeline is a plain dict (dates as ``datetime.date``, numbers as ``Decimal``) so that each caller can
render it as it needs.

Valid time and record time are kept apart: estimates are ordered by when the number holds (``as_of``,
else the start of its period, else when it was stated); ``known_on`` limits the timeline to what had been
*published* by a date (the claim's first publication, and only appearances in documents published by
then).

The timeline is read as ``values_list`` rows, not model instances: a large proposition has thousands of
estimates, and building (then walking) an Estimate, Claim, Actor, Appearance, Document and hops per row
cost several times what the query itself does. The rows carry exactly the columns the dict shows; they
pass through the same field converters as model instances, so types (``date``, ``Decimal``, ``bool``)
are the same on every database.
"""

import datetime as dt

from django.db.models import QuerySet
from django.db.models.functions import Coalesce

from factbase.shapes import Computed, One, Shape

from ..models import Appearance, Claim, Estimate, Proposition
from ..shapes import APPEARANCE, APPEARANCE_ORDER, CLAIM, ESTIMATE, PROPOSITION
from .corroboration import independent_origins
from sources.shapes import ACTOR

#: One estimate of the timeline: the estimate's own brief fields, its claim and claimant in their brief forms,
#: and ``holds_on``, the date it is ordered by (an annotation of ``timeline_estimates``' query).
TIMELINE_ESTIMATE = Shape(
    model=Estimate, name="TimelineEstimate",
    description="An estimate in a proposition's timeline, with its claim, claimant and first appearance.",
    fields=[
        ESTIMATE.field("id"), One("claim", CLAIM), One("claimant", ACTOR, path="claim__claimant"),
        *(ESTIMATE.field(name) for name in (
            "value", "lower", "upper", "qualifier", "unit", "display_value", "as_of", "as_of_precision", "period_start",
            "period_end",
        )),
        Computed("holds_on", ("holds_on",), lambda holds_on: holds_on, kind="date",
                 help_text="The date the estimate is ordered by (valid time)."),
        ESTIMATE.field("wording"),
    ],
)


def timeline_estimates(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None) -> QuerySet:
    """The estimates of ``proposition`` stated in ``claims``, in as-of order, as ``TIMELINE_ESTIMATE`` rows. One query."""
    if known_on is not None:
        claims = claims.filter(first_published_on__lte=known_on)
    estimates = (
        Estimate.objects.filter(proposition=proposition, claim__in=claims)
        .annotate(holds_on=Coalesce("as_of", "period_start", "period_end", "claim__stated_on", "claim__first_published_on"))
        .order_by("holds_on", "claim__stated_on", "id")
    )
    return TIMELINE_ESTIMATE.values(estimates, extra=["claim_id", "claim__claimant_id"])


def first_appearances(*, claim_ids, known_on: dt.date | None = None, links=None, as_json: bool = False) -> dict[int, tuple[dict, int]]:
    """For each claim that has one, ``(first appearance, number of appearances)``, both limited to documents
    published by ``known_on``. The first is the earliest published (then by time, then by id), in its brief
    form. Two queries (the appearances, the hops of the first ones); none without claims."""
    claim_ids = list(claim_ids)
    if not claim_ids:
        return {}
    appearances = Appearance.objects.filter(claim_id__in=claim_ids)
    if known_on is not None:
        appearances = appearances.filter(document__published_on__lte=known_on)
    brief = APPEARANCE.brief_shape()
    first, counts = {}, {}
    for row in brief.values(appearances.order_by("claim_id", *APPEARANCE_ORDER), extra=["claim_id"]):
        counts[row["claim_id"]] = counts.get(row["claim_id"], 0) + 1
        first.setdefault(row["claim_id"], row)
    if not first:
        return {}
    rows = list(first.values())
    built = brief.build(rows, links=links, as_json=as_json)  # reads the hops of the first appearances only
    return {row["claim_id"]: (obj, counts[row["claim_id"]]) for row, obj in zip(rows, built)}


def proposition_timeline(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None,
                         links=None, as_json: bool = False) -> dict:
    """Every estimate of ``proposition`` among ``claims`` (the reader's visible claims), in as-of order.

    Returns ``{"proposition", "known_on", "independent_origins", "estimates", "series"}``:

    - ``estimates``: each with its claim and claimant (brief forms), value/lower/upper/qualifier/unit, as-of or
      period, the source's wording, and the **first appearance** (brief form: document, quote, translation,
      hops) — the earliest one published by ``known_on`` when given;
    - ``series``: one per claimant (in order of its first estimate), its estimate ids oldest first and
      the latest one — successive estimates of one claimant form its series, the newer updating the older;
    - ``independent_origins``: distinct claimants among the visible claims on the proposition (re-reports
      of one origin count once).

    Nested objects are the declared brief forms (``claims.shapes``); ``links`` gives them their ``url``
    (the API's), ``as_json`` writes dates as text. Four queries whatever the number of estimates: estimates
    with claim and claimant, appearances with document and publisher, the first ones' hops, independent
    origins (fewer when there is nothing to nest).
    """
    rows = list(timeline_estimates(proposition=proposition, claims=claims, known_on=known_on))
    built = TIMELINE_ESTIMATE.build(rows, links=links, as_json=as_json)
    appearances = first_appearances(claim_ids={row["claim_id"] for row in rows}, known_on=known_on, links=links, as_json=as_json)
    series = {}
    for row, estimate in zip(rows, built):
        first, count = appearances.get(row["claim_id"], (None, 0))
        estimate["first_appearance"] = first
        estimate["appearance_count"] = count
        entry = series.get(row["claim__claimant_id"])
        if entry is None:
            entry = series[row["claim__claimant_id"]] = {"claimant": estimate["claimant"], "estimates": []}
        entry["estimates"].append(estimate["id"])
    for entry in series.values():
        entry["latest"] = entry["estimates"][-1]
    about = claims.filter(estimates__proposition=proposition) if known_on is None else claims.filter(
        estimates__proposition=proposition, first_published_on__lte=known_on
    )
    (header,) = PROPOSITION.brief_shape().build(
        [{**{path: getattr(proposition, path) for path in PROPOSITION.brief_shape().paths()}}], links=links, as_json=as_json
    )
    return {
        "proposition": header,
        "known_on": known_on.isoformat() if as_json and known_on else known_on,
        "independent_origins": independent_origins(claims=about),
        "estimates": built,
        "series": list(series.values()),
    }
