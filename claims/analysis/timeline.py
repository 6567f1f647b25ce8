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
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet
from django.db.models.functions import Coalesce

from .corroboration import independent_origins
from ..models import Appearance, AttributionHop, Claim, Estimate, Proposition, display_value

_ACTOR = ("id", "key", "name", "kind", "country")


def _actor_columns(path: str) -> list[str]:
    """The columns of the actor reached by ``path`` (e.g. ``claim__claimant__``), last in a row."""
    return [path + name for name in _ACTOR]


def _actor(columns: Sequence) -> dict | None:
    """An actor from its five columns (``None`` when the actor is absent, e.g. a document without publisher)."""
    actor_id, key, name, kind, country = columns
    if actor_id is None:
        return None
    return {"id": actor_id, "key": key, "name": name, "kind": kind, "country": country}


_ESTIMATE_COLUMNS = (
    "id", "value", "lower", "upper", "qualifier", "unit", "as_of", "as_of_precision", "period_start", "period_end",
    "wording", "holds_on", "claim_id", "claim__key", "claim__summary", "claim__kind", "claim__hedge", "claim__status",
    "claim__stated_on", "claim__stated_on_precision", "claim__first_published_on", "claim__interested",
    *_actor_columns("claim__claimant__"),
)
_APPEARANCE_COLUMNS = (
    "id", "claim_id", "quote", "start", "end", "translation", "translation_language",
    "document_id", "document__key", "document__title", "document__url", "document__language", "document__published_on",
    *_actor_columns("document__publisher__"),
)
_HOP_COLUMNS = ("appearance_id", "position", "relation", "language", *_actor_columns("actor__"))


def timeline_estimates(*, proposition: Proposition, claims: QuerySet[Claim], known_on: dt.date | None = None) -> list:
    """The estimates of ``proposition`` stated in ``claims``, in as-of order: one named row per estimate
    (estimate columns, ``holds_on``, ``claim__*`` and ``claim__claimant__*``). One query."""
    if known_on is not None:
        claims = claims.filter(first_published_on__lte=known_on)
    return list(
        Estimate.objects.filter(proposition=proposition, claim__in=claims)
        .annotate(holds_on=Coalesce("as_of", "period_start", "period_end", "claim__stated_on", "claim__first_published_on"))
        .order_by("holds_on", "claim__stated_on", "id")
        .values_list(*_ESTIMATE_COLUMNS, named=True)
    )


def first_appearances(*, claim_ids: Iterable[int], known_on: dt.date | None = None) -> dict[int, tuple[dict, int]]:
    """For each claim that has one, ``(first appearance, number of appearances)``, both limited to documents
    published by ``known_on``. The first is the earliest published (then by time, then by id), shaped for the
    timeline with its document, publisher and hops. Two queries (none without claims, one without appearances).

    Several estimates of one claim share its first-appearance dict: callers render it, they do not mutate it.
    """
    claim_ids = list(claim_ids)
    if not claim_ids:
        return {}
    appearances = Appearance.objects.filter(claim_id__in=claim_ids)
    if known_on is not None:
        appearances = appearances.filter(document__published_on__lte=known_on)
    first, counts = {}, {}
    for row in appearances.order_by("document__published_on", "document__published_time", "id").values_list(
        *_APPEARANCE_COLUMNS
    ):
        claim_id = row[1]
        counts[claim_id] = counts.get(claim_id, 0) + 1
        if claim_id not in first:
            first[claim_id] = row
    if not first:
        return {}
    hops = {}
    # Only the first appearance of each claim is shown, so only its hops are read.
    for row in (
        AttributionHop.objects.filter(appearance_id__in=[row[0] for row in first.values()])
        .order_by("appearance_id", "position")
        .values_list(*_HOP_COLUMNS)
    ):
        hops.setdefault(row[0], []).append(
            {"position": row[1], "actor": _actor(row[4:]), "relation": row[2], "language": row[3]}
        )
    shaped = {}
    for claim_id, row in first.items():
        (appearance_id, _, quote, start, end, translation, translation_language,
         document_id, key, title, url, language, published_on) = row[:13]
        shaped[claim_id] = (
            {
                "id": appearance_id,
                "document": {
                    "id": document_id,
                    "key": key,
                    "title": title,
                    "url": url,
                    "language": language,
                    "published_on": published_on,
                    "publisher": _actor(row[13:]),
                },
                "quote": quote,
                "start": start,
                "end": end,
                "translation": translation,
                "translation_language": translation_language,
                "hops": hops.get(appearance_id, []),
            },
            counts[claim_id],
        )
    return shaped


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

    Four queries whatever the number of estimates: estimates with claim and claimant, appearances with
    document and publisher, hops with actor, independent origins (fewer when there is nothing to nest).
    """
    estimates = timeline_estimates(proposition=proposition, claims=claims, known_on=known_on)
    appearances = first_appearances(claim_ids={row.claim_id for row in estimates}, known_on=known_on)
    rows, series = [], {}
    for row in estimates:
        first, count = appearances.get(row.claim_id, (None, 0))
        rows.append(
            {
                "id": row.id,
                "claim": {
                    "id": row.claim_id,
                    "key": row.claim__key,
                    "summary": row.claim__summary,
                    "kind": row.claim__kind,
                    "hedge": row.claim__hedge,
                    "status": row.claim__status,
                    "stated_on": row.claim__stated_on,
                    "stated_on_precision": row.claim__stated_on_precision,
                    "first_published_on": row.claim__first_published_on,
                    "interested": row.claim__interested,
                },
                "claimant": _actor(row[-5:]),
                "value": row.value,
                "lower": row.lower,
                "upper": row.upper,
                "qualifier": row.qualifier,
                "unit": row.unit or proposition.unit,
                "display_value": display_value(row.qualifier, row.value, row.lower, row.upper),
                "as_of": row.as_of,
                "as_of_precision": row.as_of_precision,
                "period_start": row.period_start,
                "period_end": row.period_end,
                "holds_on": row.holds_on,
                "wording": row.wording,
                "first_appearance": first,
                "appearance_count": count,
            }
        )
        entry = series.get(row.claim__claimant__id)
        if entry is None:
            entry = series[row.claim__claimant__id] = {"claimant": _actor(row[-5:]), "estimates": []}
        entry["estimates"].append(row.id)
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
