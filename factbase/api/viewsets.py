"""``ReadOnlyAPIViewSet``: the base of every endpoint — strict parameters, id-or-key lookup, objects built
from the resource's declared shape, CSV lists, ETags on details, errors as JSON."""

import contextlib

from django.db import connections, router
from django.db.models import Q, QuerySet
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response
from rest_framework.viewsets import ReadOnlyModelViewSet

from factbase.kept_statements import VENDORS as KEPT_VENDORS
from factbase.plans import generic_plans, planned_for_values

from .browsable import BrowsableAPIRenderer
from .conditional import etag_from_body
from .csv_stream import stream_csv
from .filtering import FreeTextFilter, StrictFilterBackend, parameter_names
from .links import Links
from .negotiation import StrictContentNegotiation
from .ordering import StrictOrderingFilter
from .pagination import BoundedCursorPagination
from .params import MAX_ID, has_non_ascii_digit, is_ascii_number
from .renderers import CSVRenderer, FastJSONRenderer
from .schema import ErrorDocumentingAutoSchema
from .serializers import serializer_for


#: The parameters of a page that no filter narrows: its plan does not depend on their values.
PLAIN_PAGE_PARAMS = {"cursor", "page_size", "format"}


class ReadOnlyAPIViewSet(ReadOnlyModelViewSet):
    """Base of every API viewset: strict parameters, id-or-key lookup, CSV lists, ETags on details.

    Subclasses set ``shape`` (the resource's declaration, ``factbase.shapes``), ``get_queryset`` (what the
    reader may see) and ``filterset_class``. Lists and details are built from the shape (``values()`` rows,
    one query per nested list; a viewset with ``nested_in_one_query`` reads the nested lists as JSON inside
    the rows' own query, for a page as for a detail), CSV lists from its ``csv`` columns, and the schema from
    a serializer made from it. ``detail_params`` lists extra query parameters a detail view accepts (e.g. ``known_on``).
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
    #: Read the nested lists inside the rows' own query, as JSON (``Shape.values(inline=True)``): one query for a
    #: detail or a page, whatever its size (each list a correlated subquery, run for the page's rows only).
    nested_in_one_query = False
    shape = None

    def get_serializer_class(self):
        return serializer_for(self.shape)

    def shape_context(self) -> dict:
        """What the shape's nested lists may depend on (e.g. ``known_on``)."""
        return {}

    def build(self, rows) -> list[dict]:
        """The JSON objects of ``rows`` (read with ``self.shape.values``)."""
        return self.shape.build(rows, links=Links(self.request, format=self.format_kwarg), as_json=True,
                                context=self.shape_context())

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
                allowed |= set(parameter_names(filter_, name))
        return allowed

    def free_text_params(self) -> set[str]:
        """Parameters that take free text in any script (digits of any script included): the FreeTextFilters."""
        filterset_class = getattr(self, "filterset_class", None)
        if self.detail or filterset_class is None:
            return set()
        return {name for name, filter_ in filterset_class.base_filters.items() if isinstance(filter_, FreeTextFilter)}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request.query_params
        with_nul = sorted(name for name, values in params.lists() if any("\x00" in v for v in values))
        if with_nul:
            # PostgreSQL cannot store or compare text with NUL characters: refuse them up front.
            raise exceptions.ValidationError({name: ["must not contain NUL (0x00) characters"] for name in with_nul})
        allowed = self.allowed_query_params()
        unknown = sorted(set(params) - allowed)
        if unknown:
            raise exceptions.ValidationError(
                {name: [f"unknown query parameter; this endpoint accepts {', '.join(sorted(allowed))}"] for name in unknown}
            )
        # Numbers, ids, dates, cursors, keys and choices are written with ASCII digits: Python would read
        # some other digits as numbers ("١٢" is 12) and choke on others ("²"). Free text may hold any.
        free_text = self.free_text_params()
        foreign = sorted(
            name for name, values in params.lists() if name not in free_text and any(has_non_ascii_digit(v) for v in values)
        )
        if foreign:
            raise exceptions.ValidationError({name: ["digits must be ASCII (0-9)"] for name in foreign})

    # --- id or key -------------------------------------------------------------------------------

    def lookup_from_url(self, model=None) -> dict:
        """``{"pk": 12}`` or ``{"key": "nis-2000"}`` from the URL's ``id_or_key``; a 404 when it can be neither,
        a 400 when it holds digits other than ASCII ones."""
        model = model or self.get_queryset().model
        ref = self.kwargs[self.lookup_url_kwarg]
        if has_non_ascii_digit(ref):
            raise exceptions.ValidationError({self.lookup_url_kwarg: [f"{ref!r} is neither an id (ASCII digits) nor a key"]})
        if is_ascii_number(ref) and int(ref) <= MAX_ID:
            return {"pk": int(ref)}
        if not ref.isdigit() and any(field.name == "key" for field in model._meta.fields):
            return {"key": ref}
        raise Http404(f"no {model._meta.verbose_name} {ref!r} (use a numeric id{'' if ref.isdigit() else ' or key'})")

    def get_object(self):
        queryset = self.get_queryset()
        obj = get_object_or_404(queryset, **self.lookup_from_url(queryset.model))
        self.check_object_permissions(self.request, obj)
        return obj

    def visibility(self) -> Q | None:
        """What the reader may see, as one condition on the shape's model, for a viewset that can say so
        (``nested_in_one_query`` ones): its details are then read with ``Shape.matching``, from rows whose columns
        were resolved once. ``None`` (the default): details are read from ``get_queryset()``. Either way the same
        rows: a viewset that overrides this builds its ``get_queryset`` from the same condition."""
        return None

    def detail_rows(self, **context) -> list[dict]:
        """The rows (``Shape.values``; one or none) of the object the URL names, if the reader may see it."""
        condition = self.visibility() if self.nested_in_one_query else None
        lookup = self.lookup_from_url(self.shape.model)
        if condition is not None:
            with generic_plans(router.db_for_read(self.shape.model)):  # one row by id or key: one plan for every value
                return self.shape.read_one(condition, lookup, context=context)
        queryset = self.get_queryset()
        rows = self.shape.values(queryset.filter(**lookup).order_by(), inline=self.nested_in_one_query, context=context)
        with generic_plans(rows.db):  # one row by id or key: the same plan for every value (factbase.plans)
            return list(rows[:1])

    def get_row(self) -> dict:
        """The detail's object, built from the shape; a 404 when the reader cannot see it."""
        found = self.build(self.detail_rows(**self.shape_context()))
        if not found:
            raise Http404(f"No {self.shape.model._meta.object_name} matches the given query.")
        return found[0]

    # --- formats and conditional GET -------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        base = self.get_queryset()
        # A page with no filter: newest first by primary key, the same plan for every cursor (factbase.plans).
        plain = set(request.query_params) <= PLAIN_PAGE_PARAMS
        condition = self.visibility() if self.nested_in_one_query else None
        if (request.accepted_renderer.format != "csv" and condition is not None
                and connections[base.db].vendor in KEPT_VENDORS):
            using = base.db  # one database for both statements (a router may choose a replica per read)
            base = base.using(using)
            # Two statements: the page's ids, planned for the filters' values; then its rows with their nested
            # lists, a statement kept for every page (Shape.read_ids) with one plan for every page (factbase.plans).
            # Planning and compiling that large statement anew for every filtered page cost more than the second
            # round trip (docs/benchmarks.md, "Issue 12, tenth session"). What the filters read first (keys
            # resolved to ids, a search's counts) is planned for its values the same way: no SET between them.
            with generic_plans(using) if plain else planned_for_values(using):
                page = self.paginate_queryset(self.filter_queryset(base).values("id"))
            with generic_plans(using):
                rows = self.shape.read_ids(condition, [row["id"] for row in page], context=self.shape_context(),
                                           using=using)
            return self.get_paginated_response(self.build(rows))
        queryset = self.filter_queryset(base)
        if request.accepted_renderer.format == "csv":
            return stream_csv(queryset, self.shape, filename=self.basename, context=self.shape_context())
        rows = self.shape.values(queryset, inline=self.nested_in_one_query, context=self.shape_context())
        with generic_plans(queryset.db) if plain else contextlib.nullcontext():
            page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.build(page))

    @etag_from_body
    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_row())

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
