"""CSV lists over HTTP: the whole filtered result streamed (``factbase.tabular``), newest first."""

from django.http import StreamingHttpResponse

from factbase import tabular


def stream_csv(queryset, shape, *, filename: str, context: dict | None = None) -> StreamingHttpResponse:
    """A streamed CSV response of ``queryset`` in ``shape``'s CSV columns.

    The first batch is read before the response exists: a database error in the request's own query (a bad
    filter value PostgreSQL refuses) is then an error response, not a 200 cut short.
    """
    lines = tabular.csv_lines(queryset, shape, context=context)
    first = next(lines)  # the header, after the first batch was read
    response = StreamingHttpResponse(_chain(first, lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _chain(first, rest):
    yield first
    yield from rest
