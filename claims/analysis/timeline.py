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

from sources.models import Actor

from ..models import Appearance, Claim, Estimate, EstimateWording, Proposition
from ..shapes import APPEARANCE, APPEARANCE_ORDER, CLAIM, ESTIMATE, PROPOSITION
from sources.shapes import ACTOR

#: One estimate of the timeline: the estimate's own brief fields, its claim and claimant in their brief forms,
#: and ``holds_on``, the date it is ordered by (an annotation of ``timeline_estimates``' query).
TIMELINE_ESTIMATE = Shape(
    model=Estimate, name="TimelineEstimate",
    description="An estimate in a proposition's timeline, with its claim, claimants and every appearance.",
    fields=[
        ESTIMATE.field("id"), One("claim", CLAIM), One("claimant", ACTOR, path="claim__claimant"),
        *(ESTIMATE.field(name) for name in (
            "value", "lower", "upper", "qualifier", "approximate", "unit", "display_value", "as_of", "as_of_precision", "period_start",
            "period_end",
        )),
        Computed("holds_on", ("holds_on",), lambda holds_on: holds_on, kind="date",
                 help_text="The date the estimate is ordered by (valid time)."),
        ESTIMATE.field("wording"),
    ],
)


def _published_by(claims: QuerySet[Claim], known_on: dt.date | None) -> QuerySet[Claim]:
    return claims if known_on is None else claims.filter(first_published_on__lte=known_on)


def timeline_claims(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None) -> QuerySet[Claim]:
    """The claims among ``claims`` with an estimate of ``proposition`` (first published by ``known_on`` when given):
    the claims of the timeline, as a queryset that the other reads take as a subquery."""
    return _published_by(claims, known_on).filter(estimates__proposition=proposition)


def timeline_estimates(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None) -> QuerySet:
    """The estimates of ``proposition`` stated in ``claims``, in as-of order, as ``TIMELINE_ESTIMATE`` rows. One query."""
    estimates = (
        Estimate.objects.filter(proposition=proposition, claim__in=_published_by(claims, known_on))
        .annotate(holds_on=Coalesce("as_of", "period_start", "period_end", "claim__stated_on", "claim__first_published_on"))
        .order_by("holds_on", "claim__stated_on", "id")
    )
    return TIMELINE_ESTIMATE.values(estimates, extra=["claim_id", "claim__claimant_id"])


def _claims_filter(claim_ids, lookup: str) -> dict:
    """``{lookup__in: claim_ids}``: ``claim_ids`` a list of ids or a queryset of claims (read as a subquery)."""
    return {f"{lookup}__in": claim_ids if isinstance(claim_ids, QuerySet) else list(claim_ids)}


def claim_appearances(*, claim_ids, known_on: dt.date | None = None, links=None, as_json: bool = False) -> dict[int, list[dict]]:
    """For each claim that has any, **every** appearance (limited to documents published by ``known_on``), earliest
    published first (then by time, then by id), in its brief form with its hops. Two queries (the appearances with
    document and publisher, the hops); none without claims. ``claim_ids``: ids, or a queryset of claims (then the
    appearances and their hops are read with it as a subquery, no list of ids leaves the database)."""
    if not isinstance(claim_ids, QuerySet):
        claim_ids = list(claim_ids)
        if not claim_ids:
            return {}
    appearances = Appearance.objects.filter(**_claims_filter(claim_ids, "claim"))
    if known_on is not None:
        appearances = appearances.filter(document__published_on__lte=known_on)
    brief = APPEARANCE.brief_shape()
    rows = list(brief.values(appearances.order_by("claim_id", *APPEARANCE_ORDER), extra=["claim_id"]))
    found: dict[int, list[dict]] = {}
    for row, obj in zip(rows, brief.build(rows, links=links, as_json=as_json, parents=appearances)):
        found.setdefault(row["claim_id"], []).append(obj)
    return found


def first_appearances(*, claim_ids, known_on: dt.date | None = None, links=None, as_json: bool = False) -> dict[int, tuple[dict, int]]:
    """For each claim that has one, ``(first appearance, number of appearances)`` (see ``claim_appearances``)."""
    return {
        claim_id: (found[0], len(found))
        for claim_id, found in claim_appearances(claim_ids=claim_ids, known_on=known_on, links=links, as_json=as_json).items()
    }


def appearance_wordings(*, estimate_ids) -> dict[tuple[int, int], str]:
    """``{(estimate id, appearance id): wording}`` recorded for ``estimate_ids`` (ids, or a queryset of estimates read
    as a subquery). One query (none without ids)."""
    if not isinstance(estimate_ids, QuerySet):
        estimate_ids = list(estimate_ids)
        if not estimate_ids:
            return {}
    return {
        (estimate_id, appearance_id): wording
        for estimate_id, appearance_id, wording in EstimateWording.objects.filter(estimate__in=estimate_ids).values_list(
            "estimate_id", "appearance_id", "wording"
        )
    }


def wording_in(appearance: dict, *, recorded: str | None, fallback: str) -> str | None:
    """The wording an appearance's report used for an estimate: the one recorded for that appearance, else the
    estimate's own wording **when it occurs in this appearance's quote**, else None — never the Greek wording
    beside an English quote."""
    if recorded:
        return recorded
    if fallback and fallback in appearance["quote"]:
        return fallback
    return None


def joint_claimants(*, claim_ids, links=None, as_json: bool = False) -> dict[int, list[dict]]:
    """``{claim id: [joint claimant (brief form), ...]}`` in order. ``claim_ids``: ids, or a queryset of claims (read as
    a subquery). One query (none without ids)."""
    if not isinstance(claim_ids, QuerySet):
        claim_ids = list(claim_ids)
        if not claim_ids:
            return {}
    brief = ACTOR.brief_shape()
    actors = Actor.objects.filter(**_claims_filter(claim_ids, "joint_claims__claim"))
    rows = list(brief.values(
        actors.order_by("joint_claims__position", "joint_claims__id"), extra=["joint_claims__claim_id"],
    ))
    found: dict[int, list[dict]] = {}
    for row, obj in zip(rows, brief.build(rows, links=links, as_json=as_json)):
        found.setdefault(row["joint_claims__claim_id"], []).append(obj)
    return found


def proposition_timeline(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None,
                         links=None, as_json: bool = False) -> dict:
    """Every estimate of ``proposition`` among ``claims`` (the reader's visible claims), in as-of order.

    Returns ``{"proposition", "known_on", "independent_origins", "estimates", "series"}``:

    - ``estimates``: each with its claim, claimant and ``joint_claimants`` (brief forms),
      value/lower/upper/qualifier/unit, as-of or period, the wording as first recorded, **every appearance**
      of its claim (``appearances``: document with publisher and date, quote, the date and medium the report
      gives, the relay chain with parallel steps, and ``wording`` — how *that* report worded the number),
      limited to documents published by ``known_on`` when given; ``first_appearance`` and
      ``appearance_count`` are the first of them and how many there are;
    - ``series``: one per claimant (in order of its first estimate; a joint claim's estimate is in the series
      of each of its claimants), its estimate ids oldest first and the latest one — successive estimates of
      one claimant form its series, the newer updating the older;
    - ``independent_origins``: distinct claimants (lead and joint) among the visible claims on the proposition.
      Re-reports of one origin count once, and so do parallel relays: a chain is never an origin.

    Nested objects are the declared brief forms (``claims.shapes``); ``links`` gives them their ``url``
    (the API's), ``as_json`` writes dates as text. Five queries whatever the number of estimates: estimates
    with claim and claimant, joint claimants, appearances with document and publisher, their hops, the
    wordings (one when there are no estimates, three when no claim has an appearance). The nested reads select the
    timeline's claims in the database (``timeline_claims`` as a subquery), not by a list of their ids.
    """
    rows = list(timeline_estimates(proposition=proposition, claims=claims, known_on=known_on))
    built = TIMELINE_ESTIMATE.build(rows, links=links, as_json=as_json)
    joint, appearances, wordings = {}, {}, {}
    if rows:
        # The nested reads take the timeline's claims as a subquery: the database joins them, no list of
        # hundreds of ids is sent back to it (and converted, both ways) three times.
        about = timeline_claims(proposition=proposition, claims=claims, known_on=known_on)
        joint = joint_claimants(claim_ids=about, links=links, as_json=as_json)
        appearances = claim_appearances(claim_ids=about, known_on=known_on, links=links, as_json=as_json)
        if appearances:
            wordings = appearance_wordings(estimate_ids=Estimate.objects.filter(
                proposition=proposition, claim__in=_published_by(claims, known_on)
            ))
    series = {}
    for row, estimate in zip(rows, built):
        estimate["joint_claimants"] = joint.get(row["claim_id"], [])
        cited = [
            {**appearance, "wording": wording_in(appearance, recorded=wordings.get((row["id"], appearance["id"])),
                                                 fallback=row["wording"])}
            for appearance in appearances.get(row["claim_id"], [])
        ]
        estimate["appearances"] = cited
        estimate["first_appearance"] = cited[0] if cited else None
        estimate["appearance_count"] = len(cited)
        for claimant in (estimate["claimant"], *estimate["joint_claimants"]):
            entry = series.get(claimant["id"])
            if entry is None:
                entry = series[claimant["id"]] = {"claimant": claimant, "estimates": []}
            entry["estimates"].append(estimate["id"])
    for entry in series.values():
        entry["latest"] = entry["estimates"][-1]
    (header,) = PROPOSITION.brief_shape().build(
        [{**{path: getattr(proposition, path) for path in PROPOSITION.brief_shape().paths()}}], links=links, as_json=as_json
    )
    return {
        "proposition": header,
        "known_on": known_on.isoformat() if as_json and known_on else known_on,
        # The series are one per distinct claimant, lead or joint, of the timeline's claims: what
        # ``independent_origins`` counts for them (tests/claims/test_timeline_rows.py compares the two).
        "independent_origins": len(series),
        "estimates": built,
        "series": list(series.values()),
    }
