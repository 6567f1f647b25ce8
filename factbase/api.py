"""Shared building blocks of the read-only REST API.

- bounded pagination: page numbers for the small tables (actors, propositions, import runs), cursors
  over the primary key for the large ones (claims, appearances, estimates, documents) — no COUNT(*) there;
- strictness: an unknown query parameter, a malformed filter value, cursor, page, page size, ordering or
  format is a **400** whose JSON names the parameter (``{"detail": ..., "errors": {param: [...]}}``);
- formats: JSON, the browsable HTML view, streamed CSV for every list, JSON-LD for ClaimReview;
- conditional GET: detail and timeline responses carry an ETag derived from their data; a matching
  ``If-None-Match`` gets a 304;
- lookups that accept a numeric id or a stable key (digits mean an id: keys are never all digits).
"""

import csv
import datetime as dt
import decimal
import hashlib
import math
from base64 import b64decode
from urllib import parse

import orjson
from django_filters import rest_framework as filters
from drf_spectacular.openapi import AutoSchema
from django_filters.constants import EMPTY_VALUES
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from rest_framework import exceptions, renderers, status
from rest_framework.filters import OrderingFilter
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import Cursor, CursorPagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from factbase.browsable import BrowsableAPIRenderer
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.viewsets import ReadOnlyModelViewSet

#: Page sizes: the default, and the most a client may ask for with ``page_size``.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
#: The largest id (a 64-bit signed integer); bigger numbers are never ids.
MAX_ID = 2**63 - 1
#: Rows fetched per query while streaming CSV (memory stays bounded whatever the result size).
CSV_BATCH_SIZE = 500


def _page_size(request, param):
    raw = request.query_params.get(param)
    if raw is None:
        return DEFAULT_PAGE_SIZE
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise exceptions.ValidationError({param: [f"must be a whole number from 1 to {MAX_PAGE_SIZE}, not {raw!r}"]})
    return int(raw)


def _bounded_parameters(parameters, extra):
    bounds = {"page_size": {"minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE}, **extra}
    for parameter in parameters:
        parameter.setdefault("schema", {}).update(bounds.get(parameter["name"], {}))
        if parameter["name"] == "cursor":
            parameter["description"] = "Opaque: copy it from the next/previous link (anything else is a 400)."
    return parameters


class BoundedPageNumberPagination(PageNumberPagination):
    """``?page=N&page_size=M`` (M ≤ 200) for small tables; the response has ``count``."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    query_params = ("page", "page_size")

    def get_page_size(self, request):
        return _page_size(request, self.page_size_query_param)

    def get_schema_operation_parameters(self, view):
        return _bounded_parameters(super().get_schema_operation_parameters(view), {"page": {"minimum": 1}})

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not raw.isdigit():
            raise exceptions.ValidationError({self.page_query_param: [f"must be a page number (1, 2, ...), not {raw!r}"]})
        return super().paginate_queryset(queryset, request, view)


class BoundedCursorPagination(CursorPagination):
    """``?cursor=...&page_size=M`` (M ≤ 200) over the primary key, newest first: unique, indexed, no COUNT(*).

    Follow ``next``/``previous``; cursors are opaque. ``ordering=id`` walks oldest first.
    """

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = "-id"
    query_params = ("cursor", "page_size")

    def get_page_size(self, request):
        return _page_size(request, self.page_size_query_param)

    def get_schema_operation_parameters(self, view):
        return _bounded_parameters(super().get_schema_operation_parameters(view), {})

    def decode_cursor(self, request):
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            tokens = parse.parse_qs(b64decode(encoded.encode("ascii"), validate=True).decode("ascii"), keep_blank_values=True)
            offset = int(tokens.get("o", ["0"])[0])
            reverse = tokens.get("r", ["0"])[0]
            position = tokens.get("p", [None])[0]
            if not 0 <= offset <= self.offset_cutoff or reverse not in ("0", "1"):
                raise ValueError
            if position is not None and not position.isdigit():
                raise ValueError  # positions are primary keys
        except (TypeError, ValueError, UnicodeError):
            raise exceptions.ValidationError({self.cursor_query_param: ["malformed cursor: use the next/previous links"]})
        return Cursor(offset=offset, reverse=reverse == "1", position=position)


#: The largest UTC offset a date-time may carry: real offsets run from -12:00 to +14:00, and PostgreSQL
#: refuses anything beyond ±15:59 ("time zone displacement out of range") — inside the request's
#: transaction, which it then aborts.
MAX_UTC_OFFSET = dt.timedelta(hours=14)


def _unstorable(value) -> str | None:
    """Why a cleaned filter value cannot be sent to the database, or None when it can.

    Python accepts UTC offsets up to ±23:59 that PostgreSQL rejects; range filters clean to a ``slice``.
    """
    if isinstance(value, slice):
        return _unstorable(value.start) or _unstorable(value.stop)
    if isinstance(value, list | tuple):
        return next((problem for item in value if (problem := _unstorable(item))), None)
    if isinstance(value, dt.datetime | dt.time) and value.utcoffset() is not None:
        offset = value.utcoffset()
        if abs(offset) > MAX_UTC_OFFSET:
            minutes = int(abs(offset).total_seconds()) // 60
            sign = "-" if offset < dt.timedelta(0) else "+"
            return f"UTC offset {sign}{minutes // 60:02d}:{minutes % 60:02d} is out of range (-14:00 to +14:00)"
        if isinstance(value, dt.datetime):
            try:
                value.astimezone(dt.UTC)
            except OverflowError:
                return f"{value.isoformat()} is outside the years 1 to 9999 in UTC"
    return None


def _widget_suffixes(filter_):
    widget = filter_.extra.get("widget") or getattr(filter_.field_class, "widget", None)
    return getattr(widget, "suffixes", None) or []


class StrictFilterBackend(filters.DjangoFilterBackend):
    """django-filter, with errors of range filters named by the parameter given (``stated_on_after``)."""

    #: Filterset classes narrowed to the filters one request uses, by (class, names); see ``_given_filterset``.
    _narrowed: dict = {}

    def _given_filterset(self, request, queryset, view):
        """The view's filterset with only the filters the request gives a parameter for — or None when it gives none.

        django-filter deep-copies every filter and builds and deep-copies a form field for each on every
        request (~40 on claims: a fifth of a claims page's time). A filter without its parameter filters
        nothing, so leaving it out changes no result and no error; the browsable view's filter form
        (``to_html``) still gets the whole filterset.
        """
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return None
        given = set(request.query_params)
        names = frozenset(
            name for name, filter_ in filterset_class.base_filters.items()
            if name in given or any(f"{name}_{suffix}" in given for suffix in _widget_suffixes(filter_) if suffix)
        )
        if not names:
            return None
        narrowed = self._narrowed.get((filterset_class, names))
        if narrowed is None:
            narrowed = type(filterset_class.__name__, (filterset_class,), {"__module__": filterset_class.__module__})
            narrowed.base_filters = {name: f for name, f in filterset_class.base_filters.items() if name in names}
            if len(self._narrowed) < 4096:  # bounded: parameter combinations, not values
                self._narrowed[(filterset_class, names)] = narrowed
        return narrowed(**self.get_filterset_kwargs(request, queryset, view))

    def filter_queryset(self, request, queryset, view):
        filterset = self._given_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            errors = {}
            for name, messages in filterset.errors.items():
                given = [
                    f"{name}_{suffix}" for suffix in _widget_suffixes(filterset.filters.get(name, filters.Filter()))
                    if f"{name}_{suffix}" in request.query_params
                ]
                for param in given or [name]:
                    errors[param] = list(messages)
            raise exceptions.ValidationError(errors)
        errors = {}
        for name, value in filterset.form.cleaned_data.items():
            problem = _unstorable(value)
            if problem:
                filter_ = filterset.filters.get(name, filters.Filter())
                given = [f"{name}_{suffix}" for suffix in _widget_suffixes(filter_) if f"{name}_{suffix}" in request.query_params]
                for param in given or [name]:
                    errors[param] = [problem]
        if errors:
            raise exceptions.ValidationError(errors)
        return filterset.qs


class StrictOrderingFilter(OrderingFilter):
    """``?ordering=field`` or ``-field`` among the view's ``ordering_fields``; anything else is a 400."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        allowed = set(view.ordering_fields)
        terms = [term.strip() for term in raw.split(",")]
        bad = [term for term in terms if term.lstrip("-") not in allowed or not term]
        if bad:
            choices = ", ".join(sorted(allowed))
            raise exceptions.ValidationError({self.ordering_param: [f"cannot order by {', '.join(map(repr, bad))}; use {choices} (prefix - to reverse)"]})
        return terms

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        choices = sorted({*view.ordering_fields, *(f"-{field}" for field in view.ordering_fields)})
        for parameter in parameters:
            parameter["schema"] = {"type": "string", "enum": choices}
        return parameters


class StrictContentNegotiation(DefaultContentNegotiation):
    """An unknown ``?format=`` is a 400 naming the formats this endpoint offers (DRF would answer 404)."""

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError({"format": [f"unknown format {format!r}; use one of {offered}"]})
        return matching


class _NotLikeDRF(Exception):
    """A value orjson would write differently from DRF's encoder: render with DRF's encoder instead."""


_drf_encoder = JSONEncoder()


def _orjson_default(value):
    # Subclasses of dict, list, str and int come here (OPT_PASSTHROUGH_SUBCLASS): orjson would write an
    # OrderedDict in its storage order, not the order move_to_end() gave it, which the stdlib follows.
    if isinstance(value, dict):
        return dict(value.items())
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int.__int__(value)
    if isinstance(value, decimal.Decimal):
        number = float(value)
        # Python writes floats below 1e-4 with an exponent (1.5e-05), orjson without (0.000015);
        # NaN and infinities are errors for DRF (strict JSON) but null for orjson.
        if not math.isfinite(number) or (number and abs(number) < 1e-4):
            raise _NotLikeDRF
        return number
    # Date-times, lazy strings, bytes, querysets...: exactly what DRF's encoder makes of them.
    return _drf_encoder.default(value)


class FastJSONRenderer(renderers.JSONRenderer):
    """DRF's ``JSONRenderer`` output, byte for byte, written by orjson (several times faster).

    DRF's settings here (UNICODE_JSON, COMPACT_JSON, STRICT_JSON) make it write compact UTF-8 JSON with
    U+2028/U+2029 escaped; orjson writes the same bytes for strings, integers, booleans, null, lists and
    dicts. Native floats are written alike except below 1e-4 (1.5e-05 vs 0.000015): none of the API's
    fields is a float (numbers are Decimals, converted in ``_orjson_default``). Whatever orjson would write
    differently — a Decimal below 1e-4, an integer beyond 64 bits, a non-string key, an indented response
    (``Accept: application/json; indent=4``) — goes through DRF's own renderer instead.
    """

    _OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS

    def render(self, data, accepted_media_type=None, renderer_context=None):
        plain = (
            data is not None and self.compact and not self.ensure_ascii and self.strict
            and self.get_indent(accepted_media_type, renderer_context or {}) is None
        )
        if plain:
            try:
                body = orjson.dumps(data, default=_orjson_default, option=self._OPTIONS)
            except (orjson.JSONEncodeError, _NotLikeDRF):
                pass
            else:
                return body.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
        return super().render(data, accepted_media_type, renderer_context)


class CSVRenderer(renderers.BaseRenderer):
    """``?format=csv``: flat rows, one header line. Lists stream (see ``ReadOnlyAPIViewSet.list``)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Reached only for errors (lists stream directly): render them as a one-column CSV.
        if isinstance(data, dict):
            rows = [["detail"], [data.get("detail", str(data))]]
        else:
            rows = [["value"], *([row] for row in data or [])]
        return "".join(_csv_line(row) for row in rows).encode("utf-8")


class JSONLDRenderer(FastJSONRenderer):
    """``application/ld+json`` (schema.org), e.g. ClaimReview."""

    media_type = "application/ld+json"
    format = "jsonld"


class _Echo:
    def write(self, value):
        return value


_csv_writer = csv.writer(_Echo())


def _csv_line(values):
    return _csv_writer.writerow(["" if value is None else value for value in values])


def stream_csv(queryset, columns, *, filename: str, batch_size: int | None = None, values=None) -> StreamingHttpResponse:
    """Stream ``queryset`` as CSV, newest first, ``batch_size`` rows per query (keyset over the primary key).

    ``columns`` is a list of ``(header, getter)`` where ``getter(obj)`` returns a flat value. The queryset's
    prefetches run once per batch, so queries grow with rows/batch_size and memory stays bounded.
    ``values(batch_queryset)``, when given, replaces the getters: it reads one batch itself (e.g. from
    ``values_list`` rows, without model instances) and returns ``[(pk, [value per column]), ...]``.
    """

    batch_size = batch_size or CSV_BATCH_SIZE
    if values is None:
        def values(batch):
            return [(obj.pk, [getter(obj) for _, getter in columns]) for obj in batch]

    def read(last):
        batch = queryset.order_by("-pk")
        if last is not None:
            batch = batch.filter(pk__lt=last)
        return values(batch[:batch_size])

    # The first batch is read before the response exists: a database error in the request's own query
    # (a bad filter value PostgreSQL refuses) is then an error response, not a 200 cut short.
    first = read(None)

    def rows():
        yield _csv_line([header for header, _ in columns])
        batch = first
        while True:
            for _, row in batch:
                yield _csv_line(row)
            if len(batch) < batch_size:
                return
            batch = read(batch[-1][0])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def date_param(request, name: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` query parameter, or None when absent; a 400 naming it when malformed."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise exceptions.ValidationError({name: [f"must be a date as YYYY-MM-DD, not {raw!r}"]})


def data_etag(data, *, variant: str = "") -> str:
    """A strong ETag for response data: a hash of its canonical JSON (plus e.g. the media type)."""
    payload = orjson.dumps(data, default=str, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
    return '"' + hashlib.sha256(payload + variant.encode()).hexdigest()[:32] + '"'


def conditional_response(request, data, **kwargs) -> Response:
    """A 200 with ``data`` and its ETag, or a bodiless 304 when ``If-None-Match`` already has that ETag."""
    etag = data_etag(data, variant=request.accepted_media_type or "")
    if etag in parse_etags(request.headers.get("If-None-Match", "")) or request.headers.get("If-None-Match") == "*":
        response = Response(status=status.HTTP_304_NOT_MODIFIED)
    else:
        response = Response(data, **kwargs)
    response["ETag"] = etag
    # Staff and anonymous readers see different data under one URL.
    patch_vary_headers(response, ["Accept", "Cookie", "Authorization"])
    return response


def exception_handler(exc, context):
    """DRF's handler, with 400s reshaped to ``{"detail": "...names...", "errors": {param: [messages]}}``."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict):
        names = ", ".join(sorted(response.data))
        response.data = {"detail": f"invalid query parameter(s): {names}", "errors": response.data}
    return response


ERROR_SCHEMA = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, naming the parameter(s)."},
        "errors": {
            "type": "object",
            "description": "For a 400: each bad query parameter and what is wrong with it.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}


class ErrorDocumentingAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the error responses every endpoint can give (400, 404, 429 —
    and 401/403 where staff only) and the ``id_or_key`` path parameter described."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        error = {"content": {"application/json": {"schema": ERROR_SCHEMA}}}
        codes = {
            "400": "A query parameter is unknown or has an invalid value.",
            "404": "No such object (or not visible to you).",
            "429": "Too many requests from an anonymous reader (see Retry-After).",
        }
        if any(getattr(permission, "__name__", "") == "IsAdminUser" for permission in self.view.permission_classes):
            codes["401"] = "Staff only: sign in."
            codes["403"] = "Staff only."
        for code, description in codes.items():
            responses.setdefault(code, {"description": description, **error})
        if "200" in responses and "content" in responses["200"]:
            # The browsable view (a browser's Accept, or ?format=api).
            responses["200"]["content"].setdefault("text/html", {"schema": {"type": "string"}})
        return responses

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if parameter["name"] == "id_or_key":
                parameter["description"] = "The numeric id or the stable key (all digits mean an id)."
        return parameters


class ReadOnlyAPIViewSet(ReadOnlyModelViewSet):
    """Base of every API viewset: strict parameters, id-or-key lookup, CSV lists, ETags on details.

    Subclasses set ``queryset``/``get_queryset``, ``serializer_class``, ``filterset_class`` and
    ``csv_columns`` (``[(header, getter)]``). ``detail_params`` lists extra query parameters a detail
    view accepts (e.g. ``known_on``).
    """

    schema = ErrorDocumentingAutoSchema()
    lookup_field = "pk"
    lookup_url_kwarg = "id_or_key"
    lookup_value_regex = r"[-\w]+"
    content_negotiation_class = StrictContentNegotiation
    renderer_classes = [FastJSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    pagination_class = BoundedCursorPagination
    filter_backends = [StrictFilterBackend, StrictOrderingFilter]
    ordering_fields = ("id",)
    detail_params: tuple[str, ...] = ()
    csv_columns: list = []

    # --- strict query parameters -----------------------------------------------------------------

    def allowed_query_params(self) -> set[str]:
        allowed = {"format"}
        if self.detail:
            return allowed | set(self.detail_params)
        if self.paginator is not None:
            allowed |= set(self.paginator.query_params)
        if any(issubclass(backend, OrderingFilter) for backend in self.filter_backends):
            allowed.add("ordering")
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            for name, filter_ in filterset_class.base_filters.items():
                suffixes = _widget_suffixes(filter_)
                if suffixes:
                    allowed |= {f"{name}_{suffix}" if suffix else name for suffix in suffixes}
                else:
                    allowed.add(name)
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        allowed = self.allowed_query_params()
        with_nul = sorted(name for name, values in request.query_params.lists() if any("\x00" in v for v in values))
        if with_nul:
            # PostgreSQL cannot store or compare text with NUL characters: refuse them up front.
            raise exceptions.ValidationError({name: ["must not contain NUL (0x00) characters"] for name in with_nul})
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise exceptions.ValidationError(
                {name: [f"unknown query parameter; this endpoint accepts {', '.join(sorted(allowed))}"] for name in unknown}
            )

    # --- id or key -------------------------------------------------------------------------------

    def lookup_from_url(self, model=None) -> dict:
        """``{"pk": 12}`` or ``{"key": "nis-2000"}`` from the URL's ``id_or_key``; a 404 when it can be neither."""
        model = model or self.get_queryset().model
        ref = self.kwargs[self.lookup_url_kwarg]
        if ref.isdigit() and int(ref) <= MAX_ID:
            return {"pk": int(ref)}
        if not ref.isdigit() and any(field.name == "key" for field in model._meta.fields):
            return {"key": ref}
        raise Http404(f"no {model._meta.verbose_name} {ref!r} (use a numeric id{'' if ref.isdigit() else ' or key'})")

    def get_object(self):
        queryset = self.filter_queryset(self.get_queryset()) if not self.detail else self.get_queryset()
        obj = get_object_or_404(queryset, **self.lookup_from_url(queryset.model))
        self.check_object_permissions(self.request, obj)
        return obj

    # --- formats and conditional GET -------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "csv":
            queryset = self.filter_queryset(self.get_queryset())
            return stream_csv(queryset, self.csv_columns, filename=self.basename)
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return conditional_response(request, self.get_serializer(self.get_object()).data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400 and not isinstance(response, StreamingHttpResponse):
            # Errors are JSON whatever format was asked for, so that clients can always read them.
            response.accepted_renderer = FastJSONRenderer()
            response.accepted_media_type = "application/json"
        return response

    def get_renderers(self):
        # CSV is for lists only; details offer JSON and the browsable view.
        found = super().get_renderers()
        if self.detail:
            found = [renderer for renderer in found if renderer.format != "csv"]
        return found


class BriefSerializerMixin:
    """One serializer per model; ``.brief()`` is its nested form with ``Meta.brief_fields`` (id, key, name, url).

    The brief form is a real subclass (``Brief<Model>Serializer``), so the OpenAPI schema names it apart.
    """

    _brief_classes: dict = {}

    @classmethod
    def brief(cls, **kwargs):
        brief_class = BriefSerializerMixin._brief_classes.get(cls)
        if brief_class is None:
            meta = type("Meta", (cls.Meta,), {"fields": cls.Meta.brief_fields})
            name = "Brief" + cls.__name__
            brief_class = type(name, (cls,), {"Meta": meta, "__doc__": f"The brief (nested) form of {cls.__name__}."})
            BriefSerializerMixin._brief_classes[cls] = brief_class
        return brief_class(**kwargs)


def _to_one_path(model, path: str) -> bool:
    """Whether every relation along ``path`` (``claim__claimant__key``) leads to at most one row."""
    for name in path.split("__")[:-1]:
        field = model._meta.get_field(name)
        if not (field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete):
            return False
        model = field.related_model
    return True


class _ThroughSubquery:
    """Filter through a relation path without duplicate rows or DISTINCT.

    A to-many path (``appearances__hops__actor__key``) becomes ``pk IN (SELECT pk FROM <model> JOIN ... WHERE
    <path> IN values)``; a to-one path (``claimant__key``) cannot duplicate rows and stays a plain join, which
    the planner can drive from the claimant's index or the primary key by its statistics (the subquery form
    made PostgreSQL hash every claim of a busy claimant first).
    """

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        condition = {f"{self.field_name}__{self.lookup_expr}": value}
        if _to_one_path(qs.model, self.field_name):
            return qs.filter(**condition)
        return qs.filter(pk__in=qs.model._base_manager.filter(**condition).values("pk"))


class KeyInFilter(_ThroughSubquery, filters.BaseInFilter, filters.CharFilter):
    """By stable key; comma-separated for any of several."""


class IdInFilter(_ThroughSubquery, filters.BaseInFilter, filters.NumberFilter):
    """By numeric id; comma-separated for any of several."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        kwargs.setdefault("decimal_places", 0)
        super().__init__(*args, **kwargs)


def key_and_id_filters(path: str, *, label: str):
    """The pair every relation filter comes in: ``<name>`` by stable key and ``<name>_id`` by id.

    Keys are plain text inputs (never a <select> of every actor in the browsable view); an unknown key
    matches nothing. Several values may be given comma-separated (``claimant=nis,kcna``).
    """
    return (
        KeyInFilter(field_name=f"{path}__key", lookup_expr="in", label=f"{label}: key(s), comma-separated"),
        IdInFilter(field_name=f"{path}__id", lookup_expr="in", label=f"{label}: id(s), comma-separated"),
    )


class BooleanChoiceFilter(filters.ChoiceFilter):
    """``true`` or ``false`` — anything else is a 400 (django-filter's boolean filter would ignore it)."""

    def __init__(self, *args, **kwargs):
        kwargs["choices"] = [("true", "true"), ("false", "false")]
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{self.field_name: value == "true"})
