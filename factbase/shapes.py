"""One declared shape per resource: its fields, its brief (nested) form and its CSV columns, declared once.

A resource's declaration (``sources/shapes.py``, ``claims/shapes.py``) is a ``Shape``: a model and an
ordered list of fields. Everything that shows the resource is produced from it:

- the API's rows and JSON (``Shape.values`` then ``Shape.build``: one ``values()`` query with named columns
  for the rows and what they nest one-to-one, one more query per nested list — whatever the page size; or,
  for a detail, ``values(..., inline=True)``: the nested lists as JSON arrays inside that one query,
  ``factbase.nested_json``, built by the same steps);
- the nested brief forms (``Shape.brief``: the fields named in ``brief``);
- CSV (``Shape.csv_rows``: the ``csv`` columns, from the same rows);
- the OpenAPI schema (``factbase.api.serializers.serializer_for`` turns a shape into a DRF serializer
  class that documents it);
- the timeline's nested objects and ClaimReview, which read their claims, documents and actors through
  the same shapes.

Adding a field to a model is then: the model, its migration, and one line in its shape.

Field kinds: ``Column`` (a column, or a path through to-one relations, ``claimant__key``), ``Link`` (the
object's API address, ``url``), ``One`` (a to-one related object in its brief form, read in the same
query), ``Many`` (a list of related objects, one query), ``Computed`` (a value made from columns).
Values come out as Python values (``date``, ``Decimal``) for the domain, or ready for JSON
(``as_json=True``: ISO dates, DRF's date-time format) for the API.
"""

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from django.db import connections, models, router
from django.db.models import F, Q, QuerySet
from rest_framework.fields import DateTimeField

from . import nested_json
from .db.lookups import EqualsAny
from .kept_statements import KeptStatements

#: Builds an object's API address: ``links(view_name, key_or_id)``; None where no address is wanted.
Links = Callable[[str, object], str] | None

_datetime = DateTimeField()


def _json_value(value):
    """A column's value as the API's JSON writes it: dates ISO 8601, date-times as DRF writes them (UTC, Z)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is dt.UTC:  # as the database hands them back (USE_TZ, UTC): DRF's text, without its detours
            return value.isoformat()[:-6] + "Z" if value.utcoffset() is not None else value.isoformat()
        return _datetime.to_representation(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _temporal_kind(model, path: str) -> str | None:
    """``"datetime"`` or ``"date"`` (a date or a time: ISO text as it is) when the column at ``path`` holds them
    (JSON writes them as text), else None."""
    names = path.split("__")
    for name in names[:-1]:
        model = model._meta.get_field(name).related_model
    try:
        field_ = model._meta.get_field(names[-1])
    except Exception:  # noqa: BLE001 — an annotation (e.g. the timeline's holds_on): Computed says its kind
        return None
    if isinstance(field_, models.DateTimeField):
        return "datetime"
    return "date" if isinstance(field_, models.DateField | models.TimeField) else None


#: How many sets of inline-list expressions a shape keeps (one per database kind and ``known_on`` asked).
INLINE_KEPT = 64
_inline_lock = threading.Lock()


def _inline_name(many: "Many") -> str:
    """The row name of a list read inline (a name no column path has)."""
    return f"{many.name}_json"


def _values_of(paths: Sequence[str]) -> Callable:
    """``row -> tuple of row[path] for path in paths`` (``itemgetter``, in C; a 1-tuple for one path)."""
    if not paths:  # e.g. a shape of links only, built without links
        return lambda row: ()
    if len(paths) == 1:
        (path,) = paths
        return lambda row: (row[path],)
    return itemgetter(*paths)


def _maker(names, paths, fixes) -> Callable:
    """The function that makes one object from a row, ``make(row, links, nested, top, shared)``, written out once per
    plan and compiled: one dict display of every field in order, each value read from its column and turned into the
    field's by its step, with no loop over the fields and no test of a step's kind per row (a page of 200 claims
    builds about 900 objects).

    A nested object (``One``) is made once per build for each related row, by its plan (its shape and path in the
    row) and id, and ``shared`` by every object that nests it (the claimant of a hundred estimates, the publisher of
    a hundred documents): the same columns of the same row, the same object. Built objects are read, never changed
    in place. A list (``Many``) is the parent's list from ``nested`` at the top level, empty when nested.

    The source is made from the shape's declaration alone (field names and column paths, written with ``repr``;
    functions and views passed in by name), never from anything a request sends."""
    if len(set(names)) != len(names):
        # a name twice would keep its first place and last value, each step of that name applied to both columns: the
        # loop this replaces did otherwise (every step on the last value, in turn); neither is a shape
        raise ValueError(f"a shape names a field twice: {sorted({name for name in names if names.count(name) > 1})}")
    steps = {name: (operation, a, b) for operation, name, a, b in fixes}
    namespace = {"_json_value": _json_value, "_EMPTY": {}}
    before, items = [], []
    for position, (name, path) in enumerate(zip(names, paths, strict=True)):
        operation, a, b = steps.get(name, (None, None, None))
        value = f"row[{path!r}]"
        if operation is None:
            items.append(value)
        elif operation == "date":
            before.append(f"    v{position} = {value}")
            items.append(f"v{position} if v{position} is None else v{position}.isoformat()")
        elif operation == "link":  # a: the view name
            items.append(f"links({a!r}, {value})")
        elif operation == "one":  # a: the nested object's plan, b: a token for it
            namespace[f"make{position}"] = a
            before += [
                f"    k{position} = {value}",
                f"    if k{position} is None:",
                f"        v{position} = None",
                "    else:",
                f"        v{position} = shared.get(({b}, k{position}))",
                f"        if v{position} is None:",
                f"            v{position} = shared[({b}, k{position})] = make{position}(row, links, nested, False, shared)",
            ]
            items.append(f"v{position}")
        elif operation in ("computed", "computed_json"):  # a: the sources' values, b: the function
            namespace[f"sources{position}"], namespace[f"function{position}"] = a, b
            call = f"function{position}(*sources{position}(row))"
            items.append(f"_json_value({call})" if operation == "computed_json" else call)
        elif operation == "convert":
            items.append(f"_json_value({value})")
        else:  # many: the column holds the parent's id
            items.append(f"(nested.get({name!r}, _EMPTY).get({value}, []) if top else [])")
    fields = "".join(f"        {name!r}: {item},\n" for name, item in zip(names, items, strict=True))
    source = "def make(row, links, nested, top, shared):\n" + "".join(f"{line}\n" for line in before)
    source += f"    return {{\n{fields}    }}\n"
    exec(compile(source, "<factbase.shapes plan>", "exec"), namespace)  # noqa: S102 — the declaration's own text
    return namespace["make"]


@dataclass(frozen=True)
class Column:
    """A value read from a column: ``source`` is a ``values()`` path (default: the field's name)."""

    name: str
    source: str | None = None
    help_text: str | None = None

    def paths(self):
        return [self.source or self.name]


@dataclass(frozen=True)
class Link:
    """The object's API address (``url``): ``view_name`` reversed with its key (or id for keyless objects)."""

    name: str
    view_name: str
    by: str = "key"
    help_text: str = "This object in the API."

    def paths(self):
        return [self.by]


@dataclass(frozen=True)
class Computed:
    """A value made from columns: ``function(*values)`` of ``sources`` (``values()`` paths)."""

    name: str
    sources: tuple[str, ...]
    function: Callable
    kind: str = "text"  # for the schema: text, integer, decimal, date
    help_text: str | None = None

    def paths(self):
        return list(self.sources)


@dataclass(frozen=True)
class One:
    """A to-one related object (``path``, e.g. ``claimant``), in its brief form, read in the same query."""

    name: str
    shape: "Shape"
    path: str | None = None
    help_text: str | None = None

    def paths(self):
        prefix = f"{self.path or self.name}__"
        return [prefix + path for path in self.shape.brief_shape().paths()]


@dataclass(frozen=True)
class Many:
    """A list of related objects in ``shape`` (or its brief form): the rows of ``shape.model`` whose
    ``parent`` lookup (e.g. ``claim_id``, ``claims__id`` through a many-to-many) is among the page's ids,
    in ``order``; ``narrow(queryset, context)`` may limit them (e.g. to what was published by ``known_on``)."""

    name: str
    shape: "Shape"
    parent: str
    order: tuple[str, ...]
    brief: bool = True
    narrow: Callable | None = None
    help_text: str | None = None

    def paths(self):
        return []


@dataclass(frozen=True)
class Csv:
    """A CSV column: ``header`` and either a ``values()`` path or ``function(row, nested)`` of the row dict."""

    header: str
    source: str | None = None
    function: Callable | None = None


@dataclass
class Shape:
    """A resource as it is shown: ``fields`` in order, the names of its ``brief`` form, its ``csv`` columns."""

    model: type[models.Model]
    name: str
    fields: list = field(default_factory=list)
    brief: Sequence[str] = ()
    csv: list[Csv] = field(default_factory=list)
    #: The fields the CSV columns read (all of them when empty): a CSV batch reads no nested list it does not show.
    csv_fields: Sequence[str] = ()
    description: str = ""

    def __post_init__(self):
        self._brief = None
        self._csv = None
        self._compiled = {}
        self._reader = None
        self._inline = OrderedDict()
        self._templates = OrderedDict()
        self._statements = KeptStatements(INLINE_KEPT)  # details (read_one)
        self._page_statements = KeptStatements(INLINE_KEPT)  # pages (read_ids)

    # --- the declaration --------------------------------------------------------------------------------

    def brief_shape(self) -> "Shape":
        """The nested form: the fields named in ``brief``, in that order."""
        if not self.brief:
            return self
        if self._brief is None:
            by_name = {f.name: f for f in self.fields}
            self._brief = Shape(model=self.model, name=f"Brief{self.name}", fields=[by_name[name] for name in self.brief],
                                description=f"The brief (nested) form of {self.name}.")
        return self._brief

    def field(self, name):
        return next(f for f in self.fields if f.name == name)

    def paths(self) -> list[str]:
        """Every ``values()`` path a row of this shape needs, the id first."""
        found = ["id"]
        for field_ in self.fields:
            for path in field_.paths():
                if path not in found:
                    found.append(path)
        return found

    # --- reading ----------------------------------------------------------------------------------------

    def values(self, queryset: QuerySet, *, extra: Sequence[str] = (), inline: bool = False,
               context: dict | None = None) -> QuerySet:
        """``queryset`` (filtered, ordered) as the rows ``build`` reads: one query, named columns, no prefetch.

        ``inline``: the ``Many`` lists too, each as a JSON array inside the same statement (``factbase.nested_json``;
        ``context`` is what their ``narrow`` reads) — one query in all, for a detail. On a database without that
        support the lists are read as usual, one query each.
        """
        queryset = queryset.prefetch_related(None)
        vendor = nested_json.vendor_of(queryset) if inline else None
        if vendor in nested_json.VENDORS:
            return queryset.values(*self.paths(), *extra, **self._inline_lists(context or {}, vendor, as_text=True))
        return queryset.values(*self.paths(), *extra)

    def matching(self, condition: Q, *, context: dict | None = None) -> QuerySet:
        """The rows ``build`` reads (nested lists inline) of this shape's objects that meet ``condition``, unordered:
        for a detail, ``condition`` being what the reader may see and the URL's id or key.

        The same as ``values(model.objects.filter(condition), inline=True)``, from a template made once per
        database kind and context and kept (the last ``INLINE_KEPT``): resolving the shape's columns and joins is,
        after compiling, the ORM's largest cost for a detail, and never changes. Each call narrows a copy of the
        template (``filter`` copies; the template itself is never evaluated).
        """
        context = context or {}
        base = self.model._default_manager.order_by()
        key = (nested_json.vendor_of(base), tuple(sorted(context.items())))
        with _inline_lock:
            template = self._templates.get(key)
            if template is not None:
                self._templates.move_to_end(key)
        if template is None:
            template = self.values(base, inline=True, context=context)
            with _inline_lock:
                self._templates[key] = template
                while len(self._templates) > INLINE_KEPT:
                    self._templates.popitem(last=False)
        return template.filter(condition)

    def read_one(self, condition: Q, lookup: dict, *, context: dict | None = None) -> list[dict]:
        """The rows (one or none) of ``matching(condition & Q(**lookup))``: a detail's, ``condition`` being what the
        reader may see and ``lookup`` the URL's ``{"pk": id}`` or ``{"key": key}``.

        On PostgreSQL the statement the ORM compiled for the first such read is kept (``factbase.kept_statements``)
        and sent again with the next id or key, per ``condition``, kind of lookup and context."""
        context = context or {}
        ((name, value),) = lookup.items()
        using = router.db_for_read(self.model)
        key = (using, name, condition, tuple(sorted(context.items())))
        rows = self._statements.rows(key, using, value)
        if rows is None:
            queryset = self.matching(condition & Q(**lookup), context=context).using(using)[:1]
            rows = self._statements.run(key, using, value, queryset)
        return rows

    def read_ids(self, condition: Q, ids: Sequence[int], *, context: dict | None = None,
                 using: str | None = None) -> list[dict]:
        """The rows of ``matching(condition)`` whose ids are ``ids``, in the order of ``ids``: a page's, its ids cut by
        the page's own statement (which carries the filters, and is planned for their values), ``condition`` being
        what the reader may see. PostgreSQL: one statement whatever the page, its ids one array parameter
        (``factbase.db.lookups.EqualsAny``), so the statement the ORM compiled for the first page is kept (``factbase.kept_statements``)
        and sent again with the next page's ids, per ``condition`` and context. An id no longer visible by then (a
        claim unpublished between the two statements) is left out, as if it had gone before the request.
        ``using``: the database the ids were read from (by default the router's choice). Pages keep their statements
        apart from details' (``read_one``), so that neither pushes the other's out."""
        ids = list(ids)
        if not ids:
            return []
        context = context or {}
        using = using or router.db_for_read(self.model)
        key = (using, "ids", condition, tuple(sorted(context.items())))
        rows = self._page_statements.rows(key, using, ids)
        if rows is None:
            postgresql = connections[using].vendor == "postgresql"
            among = Q(EqualsAny(F("id"), ids)) if postgresql else Q(id__in=ids)  # elsewhere nothing is kept
            queryset = self.matching(condition & among, context=context).using(using)
            rows = self._page_statements.run(key, using, ids, queryset)
        by_id = {row["id"]: row for row in rows}
        return [by_id[id_] for id_ in ids if id_ in by_id]

    def build(self, rows, *, links: Links = None, as_json: bool = False, context: dict | None = None,
              parents: QuerySet | None = None) -> list[dict]:
        """The objects of ``rows`` (from ``values``), each a dict in field order; one query per ``Many`` field,
        none for the lists the rows carry already (``values(..., inline=True)``).

        ``parents``: the queryset ``rows`` were read from (unsliced); the ``Many`` lists are then read with it as a
        subquery rather than with the rows' ids, which spares sending (and converting) a long list of ids when
        there are many rows."""
        rows = list(rows)
        if not rows:
            return []
        context = context or {}
        nested = {}
        for field_ in self.fields:
            if isinstance(field_, Many):
                if _inline_name(field_) in rows[0]:
                    nested[field_.name] = self._build_inline(field_, rows, links, as_json, context)
                else:
                    ids = [row["id"] for row in rows] if parents is None else parents.values("id")
                    nested[field_.name] = self._read_many(field_, ids, links, as_json, context)
        make = self._steps("", as_json, links is not None)
        shared = {}
        return [make(row, links, nested, True, shared) for row in rows]

    def read(self, queryset: QuerySet, **kwargs) -> list[dict]:
        return self.build(self.values(queryset), **kwargs)

    def _read_many(self, many: Many, ids, links, as_json, context) -> dict:
        shape = many.shape.brief_shape() if many.brief else many.shape
        queryset = shape.model._base_manager.filter(**{f"{many.parent}__in": ids})
        if many.narrow is not None:
            queryset = many.narrow(queryset, context)
        rows = list(shape.values(queryset.order_by(*many.order), extra=[many.parent]))
        grouped = {}
        built = shape.build(rows, links=links, as_json=as_json, context=context)
        for row, obj in zip(rows, built):
            grouped.setdefault(row[many.parent], []).append(obj)
        return grouped

    def _inline_lists(self, context: dict, vendor: str, *, as_text: bool) -> dict:
        """Each ``Many`` field of this shape as a JSON-array expression, by its row name (``_inline_name``).

        Made once per database kind and context (e.g. ``known_on``) and kept (the last ``INLINE_KEPT``): making
        them resolves every nested column path, most of the ORM's work for a detail. ``values()`` copies them
        into each query it makes, so the kept ones are never changed.
        """
        key = (vendor, as_text, tuple(sorted(context.items())))
        with _inline_lock:
            lists = self._inline.get(key)
            if lists is not None:
                self._inline.move_to_end(key)
                return lists
        lists = self._make_inline_lists(context, vendor, as_text=as_text)
        with _inline_lock:
            self._inline[key] = lists
            while len(self._inline) > INLINE_KEPT:
                self._inline.popitem(last=False)
        return lists

    def _make_inline_lists(self, context: dict, vendor: str, *, as_text: bool) -> dict:
        lists = {}
        for field_ in self.fields:
            if isinstance(field_, Many):
                shape = field_.shape.brief_shape() if field_.brief else field_.shape
                queryset = shape.model._base_manager.all()
                if field_.narrow is not None:
                    queryset = field_.narrow(queryset, context)
                lists[_inline_name(field_)] = nested_json.json_list(
                    queryset, paths=shape.paths(), nested=shape._inline_lists(context, vendor, as_text=False),
                    parent=field_.parent, order=field_.order, vendor=vendor, as_text=as_text,
                )
        return lists

    def _build_inline(self, many: Many, rows, links, as_json, context) -> dict:
        """The objects of a list read inline, by parent id: every parent's rows are built in one batch."""
        shape = many.shape.brief_shape() if many.brief else many.shape
        read = shape._row_reader()
        name = _inline_name(many)
        children, owners = [], []
        for row in rows:
            for element in nested_json.parse(row[name]):
                children.append(read(element))
                owners.append(row["id"])
        grouped = {row["id"]: [] for row in rows}
        for owner, obj in zip(owners, shape.build(children, links=links, as_json=as_json, context=context)):
            grouped[owner].append(obj)
        return grouped

    def _row_reader(self):
        """Turns a JSON element of this shape back into the row ``values()`` gives (dates, decimals...)."""
        if self._reader is None:
            lists = [_inline_name(field_) for field_ in self.fields if isinstance(field_, Many)]
            self._reader = nested_json.row_reader(self.model, self.paths(), lists)
        return self._reader

    def _steps(self, prefix: str, as_json: bool, with_links: bool) -> Callable:
        """How to make an object from a row, worked out once per shape, prefix, output and whether links are made:
        the field names in order, the column each reads (a column's value; a link's key; a nested object's id; a
        list's parent id; a computed field's first source), and the ``(operation, name, a, b)`` steps that turn a
        column's value into the field's, compiled into one function (``_maker``). Without links, link fields are
        left out."""
        key = (prefix, as_json, with_links)
        make = self._compiled.get(key)
        if make is not None:
            return make
        names, paths, fixes = [], [], []
        for field_ in self.fields:
            if isinstance(field_, Column):
                path = prefix + (field_.source or field_.name)
                kind = _temporal_kind(self.model, field_.source or field_.name) if as_json else None
                if kind is not None:
                    fixes.append(("convert" if kind == "datetime" else "date", field_.name, None, None))
            elif isinstance(field_, Link):
                if not with_links:
                    continue
                path = prefix + field_.by
                fixes.append(("link", field_.name, field_.view_name, None))
            elif isinstance(field_, Computed):
                sources = tuple(prefix + source for source in field_.sources)
                path = sources[0]
                operation = "computed_json" if as_json and field_.kind == "date" else "computed"
                fixes.append((operation, field_.name, _values_of(sources), field_.function))
            elif isinstance(field_, One):
                inner = f"{prefix}{field_.path or field_.name}__"
                path = inner + "id"
                inner_make = field_.shape.brief_shape()._steps(inner, as_json, with_links)
                fixes.append(("one", field_.name, inner_make, id(inner_make)))
            else:  # Many
                path = prefix + "id"
                fixes.append(("many", field_.name, None, None))
            names.append(field_.name)
            paths.append(path)
        make = self._compiled[key] = _maker(names, paths, fixes)
        return make

    # --- CSV -----------------------------------------------------------------------------------------------

    def csv_headers(self) -> list[str]:
        return [column.header for column in self.csv]

    def csv_shape(self) -> "Shape":
        """The fields the CSV columns read."""
        if not self.csv_fields:
            return self
        if self._csv is None:
            wanted = set(self.csv_fields)
            self._csv = Shape(model=self.model, name=f"{self.name}Csv", fields=[f for f in self.fields if f.name in wanted])
        return self._csv

    def csv_rows(self, rows: list[dict], *, context: dict | None = None) -> list[list]:
        """The CSV cells of ``rows`` (read with ``csv_shape().values``): one list of cells per row."""
        built = self.csv_shape().build(rows, context=context)
        return [
            [
                column.function(obj) if column.function is not None else obj[column.source]
                for column in self.csv
            ]
            for obj in built
        ]


def import_run_shape():
    from .models import ImportRun

    return Shape(
        model=ImportRun, name="ImportRun",
        description="One run of an import command (staff only): files read with their SHA-256, who, when, and counts.",
        fields=[
            Column("id"), Column("command"), Column("files"), Column("operator"), Column("started_at"), Column("finished_at"),
            Column("created"), Column("updated"), Column("unchanged"), Column("counts"),
        ],
        csv=[
            Csv("id", "id"), Csv("command", "command"),
            Csv("files", function=lambda run: ";".join(f"{f.get('name')}:{f.get('sha256')}" for f in run["files"])),
            Csv("operator", "operator"), Csv("started_at", "started_at"), Csv("finished_at", "finished_at"),
            Csv("created", "created"), Csv("updated", "updated"), Csv("unchanged", "unchanged"),
        ],
    )
