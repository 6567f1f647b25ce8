"""The JSON of claims, built from ``values_list()`` rows: the hot path of the claims list and detail.

``ClaimSerializer`` (claims.api.serializers) stays the definition of that JSON — the OpenAPI schema is
generated from it — but serializing a page of 50 claims through it builds a model instance for every
nested row (prefetch_related), rebuilds nested serializers' fields and calls ``reverse()`` for every nested
url. The builders here read the same rows as tuples, one query per nested list, and produce exactly the
same data (same keys, order, types; tests/api/test_representations.py compares the two byte for byte):

- urls come from one ``reverse()`` per view and request (``UrlBuilder``), then prefix + key + suffix;
- decimals and date-times go through the very DRF fields the serializers use, so rounding, time zone and
  the ``Z`` suffix cannot drift;
- plain values (text, choices, integers, booleans) are copied as the serializers would copy them.
"""

import datetime as dt
import re
from urllib.parse import quote

from django.db import connections, router
from django.db.models import QuerySet
from rest_framework.reverse import reverse

from claims.models import Appearance, AttributionHop, Claim, ClaimStance, Estimate, display_value
from sources.models import Actor

#: ``django.urls.reverse`` quotes path arguments with these characters left as they are.
_URL_SAFE = "!$&'()*+,;=" + "/~:@"
_SENTINEL = "0key0sentinel0"
#: Keys that ``quote`` leaves as they are (ASCII letters, digits, - _ . ~): most keys, so no call for them.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.~-]*").fullmatch


class UrlBuilder:
    """Absolute detail urls for one request, as ``HyperlinkedIdentityField`` builds them, one reverse() per view."""

    def __init__(self, request, format=None):
        self.request = request
        self.format = format
        self._parts = {}

    def __call__(self, view_name: str, key: str) -> str:
        parts = self._parts.get(view_name)
        if parts is None:
            kwargs = {"id_or_key": _SENTINEL}
            if self.format:
                kwargs["format"] = self.format
            url = reverse(view_name, kwargs=kwargs, request=self.request)
            parts = self._parts[view_name] = tuple(url.split(_SENTINEL))
        key = str(key)
        if not _PLAIN_KEY(key):
            key = quote(key, safe=_URL_SAFE)
        return parts[0] + key + parts[1]


class _Fields:
    """The DRF fields whose formatting is not a plain copy (decimals, date-times), taken once from the serializers."""

    _loaded = None

    @classmethod
    def get(cls):
        if cls._loaded is None:
            from .serializers import ClaimSerializer, EstimateSerializer

            claim = ClaimSerializer().fields
            estimate = EstimateSerializer.brief().fields
            cls._loaded = {
                "decimal": estimate["value"],
                "assessed_at": claim["assessed_at"],
                "created_at": claim["created_at"],
                "updated_at": claim["updated_at"],
            }
        return cls._loaded


def _date(value):
    return None if value is None else value.isoformat()


#: The claim columns a claims page reads (``values()`` names), the claimant's joined in.
ACTOR_COLUMNS = ("id", "key", "name", "kind", "country")
CLAIM_COLUMNS = (
    "id", "key", "kind", "summary", "summary_language", "stated_on", "stated_on_precision", "hedge", "location",
    "location_country", "interested", "status", "verdict", "credibility", "rationale", "assessed_at",
    "first_published_on", "created_at", "updated_at", *(f"claimant__{column}" for column in ACTOR_COLUMNS),
)


def _actor(row, offset: int, urls: UrlBuilder) -> dict | None:
    """``ActorSerializer.brief()`` from five columns of a row (id, key, name, kind, country) at ``offset``."""
    if row[offset] is None:
        return None
    key = row[offset + 1]
    return {
        "id": row[offset], "key": key, "name": row[offset + 2], "kind": row[offset + 3], "country": row[offset + 4],
        "url": urls("actor-detail", key),
    }


def _proposition(pk, key, title, urls: UrlBuilder) -> dict:
    """``PropositionSerializer.brief()``: id, key, title, url."""
    return {"id": pk, "key": key, "title": title, "url": urls("proposition-detail", key)}


#: Stand-ins compiled into the nested queries' SQL (see ``_nested_rows``): ids are never negative and no
#: document was published in the year 1.
_KNOWN_ON_SENTINEL = dt.date(1, 1, 2)
_TEXT_SENTINEL = "\x00stand-in:"  # text parameters (keys); NUL never reaches a database
_compiled = {}


def _nested_rows(name: str, model, build, ids: list, known_on: dt.date | None = None):
    """The rows of ``build(ids, known_on)`` (a ``values_list`` queryset of ``model``), compiled to SQL once per shape.

    Building and compiling a queryset costs more than running these small queries; their SQL depends only
    on the number of ids and on whether ``known_on`` is given, so it is compiled once per (name, connection
    — Django's are per thread, and the cached compiler holds one —, number of ids, known_on or not) with
    stand-in values, which are swapped for the real ones at each call.
    Rows go through the compiler's own converters, as ``values_list`` would give them.
    """
    alias = router.db_for_read(model)
    database = connections[alias]  # this thread's connection: the compiler and its converters are bound to it
    texts = tuple(isinstance(value, str) for value in ids) if any(isinstance(value, str) for value in ids) else ()
    key = (name, id(database), len(ids), known_on is None, texts)
    entry = _compiled.get(key)
    if entry is None:
        stand_ins = [f"{_TEXT_SENTINEL}{i}" if isinstance(value, str) else -1 - i for i, value in enumerate(ids)]
        queryset = build(stand_ins, None if known_on is None else _KNOWN_ON_SENTINEL)
        compiler = queryset.using(alias).query.get_compiler(alias)
        sql, params = compiler.as_sql()
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        entry = (sql, tuple(params), compiler, compiler.get_converters(fields))
        if len(_compiled) < 10_000:
            _compiled[key] = entry
    sql, template, compiler, converters = entry
    sentinel = {_KNOWN_ON_SENTINEL, _KNOWN_ON_SENTINEL.isoformat()}
    params = [
        ids[-1 - value] if isinstance(value, int) and not isinstance(value, bool) and value < 0
        else ids[int(value[len(_TEXT_SENTINEL):])] if isinstance(value, str) and value.startswith(_TEXT_SENTINEL)
        else known_on if value in sentinel
        else value
        for value in template
    ]
    with database.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return list(compiler.apply_converters(rows, converters)) if converters else rows


def claim_detail_rows(base, lookup: dict, *, shape: str, known_on: dt.date | None = None):
    """The row of one claim (``lookup``: ``{"pk": 12}`` or ``{"key": "nis-2000"}``) among ``base(known_on)``
    (e.g. the claims a reader may see), compiled once per ``shape``: whatever else decides ``base``'s SQL
    (e.g. staff or not) must be in it."""
    ((field, value),) = lookup.items()
    return _nested_rows(
        f"claim-{shape}-{field}", Claim,
        lambda values, known: claim_rows(base(known).filter(**{field: values[0]}))[:1], [value], known_on,
    )


def claim_rows(queryset: QuerySet[Claim]) -> QuerySet:
    """``queryset`` (filtered, ordered) as the rows ``claim_representations`` reads: one query, no prefetches."""
    return queryset.prefetch_related(None).values_list(*CLAIM_COLUMNS, named=True)


def _actors(prefix: str) -> list[str]:
    return [f"{prefix}{column}" for column in ACTOR_COLUMNS]


def claim_representations(rows, request, *, format=None, known_on: dt.date | None = None) -> list[dict]:
    """``ClaimSerializer(claims, many=True).data`` from ``claim_rows`` rows, in five more queries at most.

    The nested lists are read as the selectors' prefetches read them (``claims.selectors.claim_queryset``):
    subjects by name, appearances earliest first with document, publisher and hops (limited by ``known_on``),
    estimates by as-of date, stances by proposition — one query each, whatever the number of claims.
    """
    rows = list(rows)
    if not rows:
        return []
    urls = UrlBuilder(request, format=format)
    fields = _Fields.get()
    number = fields["decimal"].to_representation
    assessed, created, updated = (fields[name].to_representation for name in ("assessed_at", "created_at", "updated_at"))
    ids = [row[0] for row in rows]
    nested = {claim_id: ([], [], [], []) for claim_id in ids}  # subjects, appearances, estimates, stances

    subjects = _nested_rows("subjects", Claim.subjects.through, lambda ids, _: (
        Claim.subjects.through.objects.filter(claim_id__in=ids)
        .order_by(*(f"actor__{field}" for field in Actor._meta.ordering))
        .values_list("claim_id", *_actors("actor__"))
    ), ids)
    for row in subjects:
        nested[row[0]][0].append(_actor(row, 1, urls))

    def appearance_rows(ids, known_on):
        appearances = Appearance.objects.filter(claim_id__in=ids)
        if known_on is not None:
            appearances = appearances.filter(document__published_on__lte=known_on)
        return appearances.order_by("document__published_on", "document__published_time", "id").values_list(
            "id", "claim_id", "quote", "start", "end", "translation", "translation_language",
            "document__id", "document__key", "document__title", "document__published_on", "document__language",
            "document__url", *_actors("document__publisher__"),
        )

    appearances = _nested_rows("appearances", Appearance, appearance_rows, ids, known_on)
    hops = {}
    if appearances:
        for row in _nested_rows("hops", AttributionHop, lambda ids, _: (
            AttributionHop.objects.filter(appearance_id__in=ids)
            .order_by("position").values_list("appearance_id", "position", "relation", "language", *_actors("actor__"))
        ), [row[0] for row in appearances]):
            hops.setdefault(row[0], []).append(
                {"position": row[1], "actor": _actor(row, 4, urls), "relation": row[2], "language": row[3]}
            )
    for row in appearances:
        document_key = row[8]
        nested[row[1]][1].append({
            "id": row[0],
            "document": {
                "id": row[7], "key": document_key, "title": row[9], "published_on": _date(row[10]), "language": row[11],
                "url": urls("document-detail", document_key), "source_url": row[12], "publisher": _actor(row, 13, urls),
            },
            "quote": row[2], "start": row[3], "end": row[4], "translation": row[5], "translation_language": row[6],
            "hops": hops.get(row[0], []),
        })

    estimates = _nested_rows("estimates", Estimate, lambda ids, _: Estimate.objects.filter(claim_id__in=ids).order_by("as_of", "id").values_list(
        "id", "claim_id", "value", "lower", "upper", "qualifier", "unit", "as_of", "as_of_precision", "period_start",
        "period_end", "wording", "proposition__id", "proposition__key", "proposition__title", "proposition__unit",
    ), ids)
    for row in estimates:
        value, lower, upper, qualifier = row[2], row[3], row[4], row[5]
        nested[row[1]][2].append({
            "id": row[0],
            "proposition": _proposition(row[12], row[13], row[14], urls),
            "value": None if value is None else number(value),
            "lower": None if lower is None else number(lower),
            "upper": None if upper is None else number(upper),
            "qualifier": qualifier,
            "unit": row[6] or row[15],
            "display_value": display_value(qualifier, value, lower, upper),
            "as_of": _date(row[7]),
            "as_of_precision": row[8],
            "period_start": _date(row[9]),
            "period_end": _date(row[10]),
            "wording": row[11],
        })

    stances = _nested_rows("stances", ClaimStance, lambda ids, _: ClaimStance.objects.filter(claim_id__in=ids).order_by("proposition_id").values_list(
        "claim_id", "stance", "proposition__id", "proposition__key", "proposition__title"
    ), ids)
    for row in stances:
        nested[row[0]][3].append({"proposition": _proposition(row[2], row[3], row[4], urls), "stance": row[1]})

    results = []
    for row in rows:
        claim_subjects, claim_appearances, claim_estimates, claim_stances = nested[row[0]]
        results.append({
            "id": row[0],
            "key": row[1],
            "url": urls("claim-detail", row[1]),
            "claimant": _actor(row, 19, urls),
            "kind": row[2],
            "summary": row[3],
            "summary_language": row[4],
            "stated_on": _date(row[5]),
            "stated_on_precision": row[6],
            "hedge": row[7],
            "subjects": claim_subjects,
            "location": row[8],
            "location_country": row[9],
            "interested": row[10],
            "status": row[11],
            "verdict": row[12],
            "credibility": row[13],
            "rationale": row[14],
            "assessed_at": None if row[15] is None else assessed(row[15]),
            "first_published_on": _date(row[16]),
            "appearances": claim_appearances,
            "estimates": claim_estimates,
            "stances": claim_stances,
            "created_at": created(row[17]),
            "updated_at": updated(row[18]),
        })
    return results


#: The timeline's numbers: rounded as the estimate serializer's DecimalFields round them.
_TIMELINE_NUMBERS = ("value", "lower", "upper")


def timeline_representation(timeline: dict) -> dict:
    """``TimelineSerializer(timeline).data`` for ``claims.analysis.timeline.proposition_timeline``'s dict.

    Only the numbers need converting (rounded as the estimate fields are); dates stay ``date`` objects,
    which the API's renderers write as the serializer's DateFields would (ISO 8601, ``date.isoformat``).
    Walking the whole dict to turn them into strings first cost more than reading the timeline.
    """
    number = _Fields.get()["decimal"].to_representation
    estimates = []
    for estimate in timeline["estimates"]:
        converted = dict(estimate)
        for name in _TIMELINE_NUMBERS:
            if converted[name] is not None:
                converted[name] = number(converted[name])
        estimates.append(converted)
    return {**timeline, "estimates": estimates}


def claim_csv_values(batch: QuerySet[Claim], *, known_on: dt.date | None = None) -> list[tuple[int, list]]:
    """One batch of the claims CSV (``ClaimViewSet.csv_columns``) from rows, in three queries:
    ``[(id, [id, key, claimant_key, ..., first_document_key, first_quote, appearance_count]), ...]``."""
    rows = list(batch.prefetch_related(None).values_list(
        "id", "key", "claimant__key", "claimant__name", "kind", "summary", "stated_on", "stated_on_precision", "hedge",
        "interested", "status", "verdict", "credibility", "first_published_on",
    ))
    if not rows:
        return []
    ids = [row[0] for row in rows]
    subjects = {}
    for claim_id, key in (
        Claim.subjects.through.objects.filter(claim_id__in=ids)
        .order_by(*(f"actor__{field}" for field in Actor._meta.ordering)).values_list("claim_id", "actor__key")
    ):
        subjects.setdefault(claim_id, []).append(key)
    appearances = Appearance.objects.filter(claim_id__in=ids)
    if known_on is not None:
        appearances = appearances.filter(document__published_on__lte=known_on)
    first, counts = {}, {}
    for claim_id, document_key, quote in appearances.order_by(
        "document__published_on", "document__published_time", "id"
    ).values_list("claim_id", "document__key", "quote"):
        counts[claim_id] = counts.get(claim_id, 0) + 1
        first.setdefault(claim_id, (document_key, quote))
    values = []
    for (claim_id, key, claimant_key, claimant_name, kind, summary, stated_on, precision, hedge, interested, status,
         verdict, credibility, first_published_on) in rows:
        document_key, quote = first.get(claim_id, ("", ""))
        values.append((claim_id, [
            claim_id, key, claimant_key, claimant_name, kind, summary, stated_on, precision, hedge,
            ";".join(subjects.get(claim_id, ())), interested, status, verdict, credibility, first_published_on,
            document_key, quote, counts.get(claim_id, 0),
        ]))
    return values
