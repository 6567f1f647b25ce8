"""Statements the ORM compiled once, run again with another value: a detail's one query by id or key.

A claim detail is always the same statement (24 columns, a join, five nested JSON lists) but for the id or key the
URL names. Django builds and compiles it anew for every request: narrowing the kept template (``Shape.matching``),
then compiling it, took about 0.4 ms of a detail's 1.7 ms in the process — more than PostgreSQL takes to run it
(docs/benchmarks.md, "Issue 12, ninth session").

``KeptStatements`` keeps, per key (what the statement depends on besides the value: the shape, the reader's
visibility, ``known_on``, the database), the SQL and parameters the ORM sent, and which parameter is the value.
It learns them from a real run, through Django's documented instrumentation hook
(``connection.execute_wrapper``: the SQL and parameters as the database receives them, and the cursor), and
keeps them only when they can be reused safely:

- the run sent one statement, and the value sits in exactly one place of its parameters (another parameter equal
  to it would make the place ambiguous: nothing is kept, the next request tries again);
- the run found a row, and the rows the driver handed back (read on the side, the cursor then scrolled back for
  the ORM: DB-API's ``scroll``, on a result held by the client) are the ORM's ``values()`` rows — the same names
  in the same order and the same values. A column Django converts after reading it (a JSON or custom field)
  would differ, and nothing would be kept: rows built from the cursor later are what the ORM would give;
- the database is PostgreSQL (SQLite hands back text that Django converts, dates and decimals: it keeps the ORM
  path). The detail tests also compare whole responses, kept or not, for every seed claim, reader and format.

The next runs for the same key send the kept SQL with the new value in its place, through the same connection
and cursor API (so the execute wrappers, plan modes and query logging see them as before); their timestamps are
read by the driver's own loader where it gives Django's values (``_driver_datetimes``). The last ``size``
keys are kept, per process; a changed setting forgets them all.
"""

import datetime as dt
import threading
from collections import OrderedDict

from django.core.signals import setting_changed
from django.db import connections

#: Database kinds whose driver returns these statements' columns as ``values()`` does.
VENDORS = ("postgresql",)


class KeptStatements:
    def __init__(self, size: int = 64):
        self.size = size
        self._kept = OrderedDict()
        self._lock = threading.Lock()
        setting_changed.connect(self._forget)  # weakly: a store dropped (a test's) leaves no receiver behind

    def _forget(self, **kwargs):
        self.clear()

    def clear(self):
        with self._lock:
            self._kept.clear()

    def __len__(self):
        return len(self._kept)

    def rows(self, key, using: str, value) -> list[dict] | None:
        """The rows of the statement kept under ``key`` run with ``value``; None when none is kept."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
        if kept is None:
            return None
        sql, params, place = kept
        params = list(params)
        params[place] = value
        connection = connections[using]
        with connection.cursor() as cursor:
            _driver_datetimes(connection, cursor)
            cursor.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def run(self, key, using: str, value, queryset) -> list[dict]:
        """``list(queryset)`` (rows of ``values()``, run the ORM's way); its statement is kept under ``key`` when it
        can be reused (see the module)."""
        connection = connections[using]
        if connection.vendor not in VENDORS:
            return list(queryset)
        sent = []

        def record(execute, sql, params, many, context):
            result = execute(sql, params, many, context)
            cursor = context["cursor"]
            names = [column[0] for column in cursor.description or ()]
            # What the driver hands back, read before the ORM reads it: the result is on the client (no
            # server-side cursor for a list), so the cursor is scrolled back to its start for the ORM.
            found = cursor.fetchall() if names else []
            if found:
                cursor.scroll(0, mode="absolute")
            sent.append((sql, tuple(params or ()), [dict(zip(names, row)) for row in found]))
            return result

        with connection.execute_wrapper(record):
            rows = list(queryset)
        if len(sent) == 1 and rows:
            sql, params, found = sent[0]
            places = [i for i, param in enumerate(params) if type(param) is type(value) and param == value]
            # Kept only when the driver's rows are the ORM's, names, order and values: no column needed Django's
            # conversion (a JSON or custom field would), so rows read from the cursor later are what the ORM gives.
            if len(places) == 1 and found == rows and [list(row) for row in found] == [list(row) for row in rows]:
                with self._lock:
                    self._kept[key] = (sql, params, places[0])
                    while len(self._kept) > self.size:
                        self._kept.popitem(last=False)
        return rows


def _driver_datetimes(connection, cursor):
    """Timestamps with time zone read by the driver's own loader (psycopg's, in C with its binary package) on this
    cursor, where they are the same values Django's would give.

    Django reads them with a loader of its own, written in Python, that puts its time zone on each value: for the
    400 timestamps of a page of 200 claims 2.2 ms against 0.3 (measured on one connection, alternating). When
    Django's time zone is UTC and the session's is too, psycopg's loader gives the very same values — aware
    datetimes whose ``tzinfo`` is ``datetime.UTC`` — so the kept statement's rows, compared with the ORM's when
    the statement was kept, stay the ORM's. Otherwise the cursor keeps Django's loader. Through psycopg's public
    adapters API, on this cursor only (``register_loader`` copies the map for it)."""
    driver = getattr(cursor, "cursor", None)
    if connection.vendor != "postgresql" or connection.timezone is not dt.UTC or driver is None:
        return
    if driver.connection.info.timezone is not dt.UTC:
        return
    from psycopg import adapters, postgres
    from psycopg.pq import Format

    oid = postgres.types["timestamptz"].oid
    driver.adapters.register_loader(oid, adapters.get_loader(oid, Format.TEXT))
