"""Nested lists read inside one statement, as JSON: what lets a detail, or a page, be one query.

A ``Many`` field of a shape (``factbase.shapes``) is normally read with one query per list for the whole
page. For a single object that is one round trip per list (a claim: joint claimants, subjects, appearances,
their hops, estimates, stances). Here each list becomes a correlated subquery in the object's own
``SELECT`` that returns the list's rows as one JSON array — each row an array of the values of the nested
shape's ``values()`` paths (``document__publisher__key``) in their declared order, then the lists nested in the
row, arrays in their turn — in the list's declared order. Everything is public Django: ``Func``, ``Subquery``, ``OuterRef``, ``Cast`` and, on PostgreSQL,
``JSONBAgg`` from ``django.contrib.postgres`` (``_JSONRow`` says why not ``JSONObject``).

- PostgreSQL: ``JSON_AGG(JSON_BUILD_ARRAY(...) ORDER BY ...)`` — the order is the aggregate's own. ``json``,
  not ``jsonb``: the rows are only written out, never queried, and building ``jsonb`` (parsed, keys sorted)
  cost about a quarter more of the statement's time for a page of 200 claims.
- SQLite (3.40 here; ``ORDER BY`` inside an aggregate needs 3.44): ``JSON_GROUP_ARRAY`` over the ordered
  subquery, alone in its ``FROM``. SQLite does not flatten an ordered subquery into an aggregate query, and
  drops a subquery's ``ORDER BY`` only when the outer query has its own or is a join — neither here — so
  the rows reach the aggregate in order. The tests compare every nested list with the one the list
  endpoint reads with a plain ``ORDER BY``.

``row_reader`` puts the keys back; JSON has no dates or decimals, so it also turns each value back into what
``values()`` would have given (``date``, ``Decimal``, ``bool``, aware UTC ``datetime``); the rows then go through the same
builders as every other row. Columns JSON cannot carry faithfully (JSON, UUID, binary, durations, floats) are
refused when the expression is made, not mangled.
"""

import datetime as dt
import decimal
import re
from collections.abc import Callable, Sequence

import orjson
from django.db import connections, models
from django.db.models import Expression, F, Func, JSONField, OuterRef, QuerySet, Subquery, TextField
from django.db.models.functions import Cast

#: The databases that can read nested lists inside one statement (others read one query per list).
VENDORS = ("postgresql", "sqlite")
_KEY = re.compile(r"[a-z_][a-z0-9_]*")
#: SQLite functions take at most 127 arguments (SQLITE_MAX_FUNCTION_ARG's default).
SQLITE_VALUES = 127


def vendor_of(queryset: QuerySet) -> str:
    return connections[queryset.db].vendor


class _JSONRow(Func):
    """One row as a JSON array of its values, in the order of ``keys``: ``JSON_BUILD_ARRAY(U0."id", ...)``
    (SQLite: ``JSON_ARRAY``); ``row_reader`` puts the keys back.

    Positions rather than keys: an object repeats every key (``document__publisher__key``...) in every element,
    which PostgreSQL must write and Python parse — a page of 200 claims took 7.8 ms in the database as objects
    and 6.0 ms as arrays, with half the text. (Django's ``JSONObject`` moreover binds each key as a parameter:
    three expressions per key for the ORM to resolve and compile on every request.) The keys are the shape's
    own ``values()`` paths and list names, checked to be plain identifiers.
    """

    output_field = JSONField()
    #: PostgreSQL functions take at most 100 arguments: longer rows are built as ``jsonb`` arrays joined with
    #: ``||`` (``json`` has no concatenation).
    VALUES_PER_CALL = 100

    def __init__(self, **columns):
        bad = [key for key in columns if not _KEY.fullmatch(key)]
        if bad:
            raise ValueError(f"JSON keys must be plain identifiers: {bad}")
        self.keys = list(columns)
        super().__init__(*columns.values())

    def as_sql(self, compiler, connection, **extra_context):
        values, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            values.append(sql)
            params.extend(expression_params)
        if connection.vendor == "postgresql":
            if len(values) <= self.VALUES_PER_CALL:
                return f"JSON_BUILD_ARRAY({', '.join(values)})", params
            calls = [values[n:n + self.VALUES_PER_CALL] for n in range(0, len(values), self.VALUES_PER_CALL)]
            return " || ".join(f"JSONB_BUILD_ARRAY({', '.join(call)})" for call in calls), params
        if len(values) > SQLITE_VALUES:
            raise ValueError(f"a JSON row of {len(values)} columns exceeds SQLite's {SQLITE_VALUES} (arguments a function)")
        return f"JSON_ARRAY({', '.join(values)})", params


class _OrderedJSONArray(Subquery):
    """SQLite: the ordered subquery's one column ``item`` (a JSON row per row) as a JSON array.

    The outer ``JSON()`` marks the text as JSON, so that an array nested in a ``JSON_ARRAY`` is embedded
    as an array rather than quoted as a string (a subquery's result loses SQLite's JSON subtype).
    """

    template = 'JSON((SELECT JSON_GROUP_ARRAY(JSON("item")) FROM (%(subquery)s)))'
    output_field = TextField()


class _Kept(Expression):
    """A nested list's expression, resolved and compiled once per database kind and outer column, then reused.

    Resolving and compiling a list's correlated subquery (every nested column, join and JSON key) is most of
    the ORM's work for a detail: about 2 ms of a 6 ms request at 200,000 claims, every request, for SQL that
    never changes. This wrapper does that work the first time it is compiled for an outer query whose id
    column compiles to the same SQL (``"claims_claim"."id"``: a top-level query of the same table), keeps the
    SQL and its parameters (those of the list's ``narrow``, fixed for the context it was made for), and hands
    them back afterwards. An outer query that names its table otherwise (a subquery, ``U0``) gets its own
    compilation. Public expression API only: ``resolve_expression``, ``as_sql`` and ``compiler.compile``.
    """

    def __init__(self, expression, output_field):
        super().__init__(output_field=output_field)
        self.expression = expression
        #: (vendor, the outer id's SQL) -> (sql, params); shared by every copy the ORM makes of this expression.
        self.compiled = {}
        self.outer = None
        self.resolving = None

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = self.copy()
        resolved.is_summary = summarize
        resolved.outer = F("pk").resolve_expression(query, allow_joins, reuse, summarize, for_save)
        resolved.resolving = (query, allow_joins, reuse, summarize, for_save)
        return resolved

    def as_sql(self, compiler, connection):
        outer_sql, _ = compiler.compile(self.outer)
        key = (connection.vendor, outer_sql)
        found = self.compiled.get(key)
        if found is None:
            sql, params = compiler.compile(self.expression.resolve_expression(*self.resolving))
            found = self.compiled[key] = (sql, tuple(params))
        return found[0], list(found[1])


def _model_field(model, path: str):
    names = path.split("__")
    for name in names[:-1]:
        model = model._meta.get_field(name).related_model
    return model._meta.get_field(names[-1])


_UNSUPPORTED = (models.JSONField, models.UUIDField, models.BinaryField, models.DurationField, models.FloatField)


def _column(model, path: str, vendor: str):
    """The expression that puts column ``path`` in a JSON row, checked to survive the trip."""
    field = _model_field(model, path)
    if isinstance(field, _UNSUPPORTED):
        raise TypeError(f"{model.__name__}.{path}: a {type(field).__name__} cannot be read inside a nested JSON list")
    if isinstance(field, models.DecimalField):
        # Decimals travel as JSON strings, so that the array parses with orjson (which reads numbers with a
        # fraction as floats) and the row reader makes each a Decimal from its exact digits. SQLite keeps an
        # integral decimal as an INTEGER, while Django reads decimal columns through a float rounded to 15
        # digits: as a REAL first, its text has those 15.
        column = Cast(F(path), models.FloatField()) if vendor == "sqlite" else F(path)
        return Cast(column, TextField())
    return F(path)


def json_list(
    queryset: QuerySet, *, paths: Sequence[str], nested: dict, parent: str, order: Sequence[str], vendor: str,
    as_text: bool,
):
    """The rows of ``queryset`` whose ``parent`` is the outer row's id, as one JSON array in ``order``.

    Each element is an array of the columns at ``paths`` then the arrays in ``nested`` (name: expression from
    this function, for lists nested in each row), in that order (``row_reader`` reads them back). ``as_text``: the outermost array, handed to Python as text.
    """
    model = queryset.model
    row = _JSONRow(**{path: _column(model, path, vendor) for path in paths}, **nested)
    inner = queryset.filter(**{parent: OuterRef("pk")})
    if vendor == "postgresql":
        from django.contrib.postgres.aggregates import JSONBAgg

        class JSONAgg(JSONBAgg):
            """``JSON_AGG(... ORDER BY ...)``: contrib.postgres's ``JSONBAgg`` building ``json``."""

            function = "JSON_AGG"

        grouped = inner.order_by().values(parent).annotate(items=JSONAgg(row, order_by=list(order))).values("items")
        array = Subquery(grouped)
        return _Kept(Cast(array, TextField()), TextField()) if as_text else array
    if vendor == "sqlite":
        array = _OrderedJSONArray(inner.order_by(*order).values(item=row))
        return _Kept(array, TextField()) if as_text else array
    # Callers check VENDORS first and read one query per list elsewhere (Shape.values); reaching here is a caller's bug.
    raise ValueError(f"nested JSON lists are read inside one statement on {', '.join(VENDORS)} only, not on {vendor}")


# --- back from JSON ------------------------------------------------------------------------------------------


def _datetime(value):
    # PostgreSQL writes "2025-09-05T00:00:00+00:00"; SQLite stores UTC without an offset ("2025-09-05 00:00:00").
    parsed = dt.datetime.fromisoformat(value)
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)


def _decimal(field):
    quantum = decimal.Decimal(1).scaleb(-field.decimal_places)
    return lambda value: decimal.Decimal(value).quantize(quantum, context=field.context)


def _converter(field) -> Callable | None:
    if isinstance(field, models.DateTimeField):
        return _datetime
    if isinstance(field, models.DateField):
        return dt.date.fromisoformat
    if isinstance(field, models.TimeField):
        return dt.time.fromisoformat
    if isinstance(field, models.DecimalField):
        return _decimal(field)
    if isinstance(field, models.BooleanField):
        return bool  # SQLite writes 0 and 1
    return None


def row_reader(model, paths: Sequence[str], lists: Sequence[str] = ()) -> Callable[[list], dict]:
    """A function turning one JSON row (the values of ``paths``, then of the nested ``lists``, in that order: the
    order ``json_list`` gave them) into the row ``values()`` would have read, keyed by path and list name."""
    keys = [*paths, *lists]
    converters = [(path, _converter(_model_field(model, path))) for path in paths]
    typed = [(path, convert) for path, convert in converters if convert is not None]

    def read(values: list) -> dict:
        element = dict(zip(keys, values, strict=True))
        for path, convert in typed:
            value = element[path]
            if value is not None:
                element[path] = convert(value)
        return element

    return read


def parse(text) -> list[dict]:
    """A JSON array as the database wrote it (None when a list is empty on PostgreSQL). Decimal columns come
    as strings (``_column``), so no number goes through a float."""
    if text is None:
        return []
    if not isinstance(text, str):  # nested arrays arrive already parsed, inside their parent's element
        return text
    return orjson.loads(text)
