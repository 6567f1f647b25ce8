"""CSV of a declared shape (``factbase.shapes``), read in keyset batches: memory stays bounded whatever the size.

Used by the API's ``?format=csv`` lists and by the ``export_csv`` command alike.
"""

import csv

#: Rows read per query (memory stays bounded whatever the result size).
CSV_BATCH_SIZE = 500


class _Echo:
    def write(self, value):
        return value


_writer = csv.writer(_Echo())


def csv_line(values) -> str:
    return _writer.writerow(["" if value is None else value for value in values])


def csv_lines(queryset, shape, *, context: dict | None = None, batch_size: int | None = None):
    """The header line, then one line per row of ``queryset``, newest first, ``batch_size`` rows per query.

    The first batch is read before the header is yielded, so that a caller who takes the header knows the
    query runs.
    """
    batch_size = batch_size or CSV_BATCH_SIZE
    rows_shape = shape.csv_shape()

    def read(last):
        batch = queryset.order_by("-pk")
        if last is not None:
            batch = batch.filter(pk__lt=last)
        rows = list(rows_shape.values(batch)[:batch_size])
        return rows, shape.csv_rows(rows, context=context)

    rows, cells = read(None)
    yield csv_line(shape.csv_headers())
    while True:
        for line in cells:
            yield csv_line(line)
        if len(rows) < batch_size:
            return
        rows, cells = read(rows[-1]["id"])
