"""Bounded pagination: page numbers for the small tables, cursors over the primary key for the large ones."""

from base64 import b64decode
from urllib import parse

from rest_framework import exceptions
from rest_framework.pagination import Cursor, CursorPagination, PageNumberPagination

from .params import MAX_ID, is_ascii_number, whole_number_param

#: Page sizes: the default, and the most a client may ask for with ``page_size``.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _page_size(request, param):
    return whole_number_param(request, param, minimum=1, maximum=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE)


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
        if raw is not None and not is_ascii_number(raw):
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
            offset = tokens.get("o", ["0"])[0]
            reverse = tokens.get("r", ["0"])[0]
            position = tokens.get("p", [None])[0]
            if not is_ascii_number(offset) or not 0 <= int(offset) <= self.offset_cutoff or reverse not in ("0", "1"):
                raise ValueError
            if position is not None and not (is_ascii_number(position) and int(position) <= MAX_ID):
                raise ValueError  # positions are primary keys
        except (TypeError, ValueError, UnicodeError):
            raise exceptions.ValidationError({self.cursor_query_param: ["malformed cursor: use the next/previous links"]}) from None
        return Cursor(offset=int(offset), reverse=reverse == "1", position=position)
