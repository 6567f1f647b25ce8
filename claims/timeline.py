"""A proposition's timeline: every estimate of it, in as-of order, with the appearance it came from.

Used by the API (``/api/v1/propositions/{key}/timeline/``) and the admin's proposition chart. The
timeline is a plain dict (dates as ``datetime.date``, numbers as ``Decimal``) so that each caller can
render it as it needs.

Valid time and record time are kept apart: estimates are ordered by when the number holds (``as_of``,
else the start of its period, else when it was stated); ``known_on`` limits the timeline to what had been
*published* by a date (the claim's first publication, and only appearances in documents published by
then).
"""

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Coalesce

from .corroboration import independent_origins
from .models import Appearance, Claim, Estimate, Proposition
from .selectors import appearance_queryset


def _actor(actor) -> dict | None:
    if actor is None:
        return None
    return {"id": actor.pk, "key": actor.key, "name": actor.name, "kind": actor.kind, "country": actor.country}


def _appearance(appearance: Appearance | None) -> dict | None:
    if appearance is None:
        return None
    document = appearance.document
    return {
        "id": appearance.pk,
        "document": {
            "id": document.pk,
            "key": document.key,
            "title": document.title,
            "url": document.url,
            "language": document.language,
            "published_on": document.published_on,
            "publisher": _actor(document.publisher),
        },
        "quote": appearance.quote,
        "start": appearance.start,
        "end": appearance.end,
        "translation": appearance.translation,
        "translation_language": appearance.translation_language,
        "hops": [
            {"position": hop.position, "actor": _actor(hop.actor), "relation": hop.relation, "language": hop.language}
            for hop in appearance.hops.all()
        ],
    }


def timeline_estimates(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None):
    """The estimates of ``proposition`` stated in ``claims``, in as-of order, shaped for the timeline.

    Each claim carries ``timeline_appearances`` (earliest first, limited by ``known_on``). Three queries.
    """
    if known_on is not None:
        claims = claims.filter(first_published_on__lte=known_on)
    return list(
        Estimate.objects.filter(proposition=proposition, claim__in=claims)
        .select_related("claim__claimant")
        .prefetch_related(
            _claim_appearances(known_on)
        )
        .annotate(holds_on=Coalesce("as_of", "period_start", "period_end", "claim__stated_on", "claim__first_published_on"))
        .order_by("holds_on", "claim__stated_on", "id")
    )


def _claim_appearances(known_on):
    return Prefetch("claim__appearances", queryset=appearance_queryset(known_on=known_on), to_attr="timeline_appearances")


def proposition_timeline(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None) -> dict:
    """Every estimate of ``proposition`` among ``claims`` (the reader's visible claims), in as-of order.

    Returns ``{"proposition", "known_on", "independent_origins", "estimates", "series"}``:

    - ``estimates``: each with its claim, claimant, value/lower/upper/qualifier/unit, as-of or period,
      the source's wording, and the **first appearance** (document key/title/published_on, quote,
      translation, hops) — the earliest one published by ``known_on`` when given;
    - ``series``: one per claimant (in order of its first estimate), its estimate ids oldest first and
      the latest one — successive estimates of one claimant form its series, the newer updating the older;
    - ``independent_origins``: distinct claimants among the visible claims on the proposition (re-reports
      of one origin count once).

    Four queries whatever the number of estimates.
    """
    estimates = timeline_estimates(proposition=proposition, claims=claims, known_on=known_on)
    rows, series = [], {}
    for estimate in estimates:
        claim = estimate.claim
        appearances = claim.timeline_appearances
        rows.append(
            {
                "id": estimate.pk,
                "claim": {
                    "id": claim.pk,
                    "key": claim.key,
                    "summary": claim.summary,
                    "kind": claim.kind,
                    "hedge": claim.hedge,
                    "status": claim.status,
                    "stated_on": claim.stated_on,
                    "stated_on_precision": claim.stated_on_precision,
                    "first_published_on": claim.first_published_on,
                    "interested": claim.interested,
                },
                "claimant": _actor(claim.claimant),
                "value": estimate.value,
                "lower": estimate.lower,
                "upper": estimate.upper,
                "qualifier": estimate.qualifier,
                "unit": estimate.unit or proposition.unit,
                "display_value": estimate.display_value,
                "as_of": estimate.as_of,
                "as_of_precision": estimate.as_of_precision,
                "period_start": estimate.period_start,
                "period_end": estimate.period_end,
                "holds_on": estimate.holds_on,
                "wording": estimate.wording,
                "first_appearance": _appearance(appearances[0] if appearances else None),
                "appearance_count": len(appearances),
            }
        )
        entry = series.setdefault(claim.claimant_id, {"claimant": _actor(claim.claimant), "estimates": []})
        entry["estimates"].append(estimate.pk)
    for entry in series.values():
        entry["latest"] = entry["estimates"][-1]
    about = claims.filter(estimates__proposition=proposition) if known_on is None else claims.filter(
        estimates__proposition=proposition, first_published_on__lte=known_on
    )
    return {
        "proposition": {
            "id": proposition.pk,
            "key": proposition.key,
            "title": proposition.title,
            "kind": proposition.kind,
            "measure": proposition.measure,
            "unit": proposition.unit,
            "status": proposition.status,
        },
        "known_on": known_on,
        "independent_origins": independent_origins(claims=about),
        "estimates": rows,
        "series": list(series.values()),
    }
