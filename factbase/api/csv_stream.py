"""CSV lists, streamed: the whole filtered result, newest first, in keyset batches of bounded size."""

import csv

from django.http import StreamingHttpResponse

#: Rows fetched per query while streaming CSV (memory stays bounded whatever the result size).
CSV_BATCH_SIZE = 500


class _Echo:
    def write(self, value):
        return value


_csv_writer = csv.writer(_Echo())


def csv_line(values):
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
        yield csv_line([header for header, _ in columns])
        batch = first
        while True:
            for _, row in batch:
                yield csv_line(row)
            if len(batch) < batch_size:
                return
            batch = read(batch[-1][0])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


