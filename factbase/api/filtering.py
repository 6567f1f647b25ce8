"""Filtering: django-filter with errors named by the parameter given, and the filters every list shares.

- ``StrictFilterBackend``: a filterset narrowed to the parameters a request gives; errors of range filters
  named by the parameter given (``stated_on_after``); values the database cannot store refused up front;
- ``KeyInFilter`` / ``IdInFilter`` (``key_and_id_filters``): the pair every relation filter comes in, keys
  resolved to ids first, to-many relations as ``pk IN (subquery)`` (never DISTINCT);
- ``ChoicesFilter``: any of several choices, one ``IN`` condition;
- ``BooleanChoiceFilter``: ``true`` or ``false``, anything else a 400;
- ``FreeTextFilter``: free text of at most ``MAX_TERMS`` words (each word is one more condition).
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters import rest_framework as filters
from django_filters.constants import EMPTY_VALUES
from rest_framework import exceptions

from factbase.text import search_terms

from .params import MAX_ID

#: The most words a free-text filter takes: a query is a few words, and each word is one more condition
#: (1,000 words made SQLite refuse the statement and PostgreSQL spend seconds on it).
MAX_TERMS = 12
#: The longest free-text value, in characters.
MAX_TEXT_LENGTH = 500

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


def widget_suffixes(filter_):
    widget = filter_.extra.get("widget") or getattr(filter_.field_class, "widget", None)
    return getattr(widget, "suffixes", None) or []


def parameter_names(filter_, name: str) -> list[str]:
    """The query parameters a filter reads: ``name``, or ``name_after``/``name_before`` for a range."""
    suffixes = widget_suffixes(filter_)
    return [f"{name}_{suffix}" if suffix else name for suffix in suffixes] if suffixes else [name]


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
            if any(param in given for param in parameter_names(filter_, name))
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

    @staticmethod
    def _given(filterset, name, request):
        filter_ = filterset.filters.get(name, filters.Filter())
        given = [param for param in parameter_names(filter_, name) if param in request.query_params]
        return given or [name]

    def filter_queryset(self, request, queryset, view):
        filterset = self._given_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            errors = {}
            for name, messages in filterset.errors.items():
                for param in self._given(filterset, name, request):
                    errors[param] = list(messages)
            raise exceptions.ValidationError(errors)
        errors = {}
        for name, value in filterset.form.cleaned_data.items():
            problem = _unstorable(value)
            if problem:
                for param in self._given(filterset, name, request):
                    errors[param] = [problem]
        if errors:
            raise exceptions.ValidationError(errors)
        return filterset.qs


def _to_one_path(model, path: str) -> bool:
    """Whether every relation along ``path`` (``claim__claimant__key``) leads to at most one row."""
    for name in path.split("__")[:-1]:
        field = model._meta.get_field(name)
        if not (field.is_relation and (field.many_to_one or field.one_to_one) and field.concrete):
            return False
        model = field.related_model
    return True


def _related_model(model, path: str):
    """The model at the end of the relation ``path`` (``appearances__document__publisher``) from ``model``."""
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def filter_through(qs, condition: dict):
    """``qs`` filtered by ``condition`` (one lookup along a relation path) without duplicate rows or DISTINCT.

    A to-one path (``claimant__id__in``) cannot duplicate rows and stays a plain condition; a to-many path
    (``appearances__hops__actor__id__in``) becomes ``pk IN (SELECT pk FROM <model> JOIN ... WHERE ...)``.
    """
    ((lookup, value),) = condition.items()
    if _to_one_path(qs.model, lookup.rsplit("__", 1)[0]):
        return qs.filter(**condition)
    return qs.filter(pk__in=qs.model._base_manager.filter(**condition).values("pk"))


class IdInFilter(filters.BaseInFilter, filters.NumberFilter):
    """By numeric id; comma-separated for any of several."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        kwargs.setdefault("decimal_places", 0)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return filter_through(qs, {f"{self.field_name}__{self.lookup_expr}": [int(v) for v in value if v is not None]})


class KeyInFilter(filters.BaseInFilter, filters.CharFilter):
    """By stable key; comma-separated for any of several.

    The keys of a related object (``claimant=nis``) are resolved to ids first, in one query, and the rows
    filtered by those ids: with literal ids the planner reads the column's statistics (a claimant with
    12,564 claims is not taken for one with 25), where a join on the key leaves it guessing.
    """

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        path, _, field = self.field_name.rpartition("__")
        if not path:
            return qs.filter(**{f"{field}__{self.lookup_expr}": value})
        target = _related_model(qs.model, path)
        ids = list(target._base_manager.filter(**{f"{field}__in": [v for v in value if v]}).values_list("pk", flat=True))
        return filter_through(qs, {f"{path}__id__in": ids})


def key_and_id_filters(path: str, *, label: str):
    """The pair every relation filter comes in: ``<name>`` by stable key and ``<name>_id`` by id.

    Keys are plain text inputs (never a <select> of every actor in the browsable view); an unknown key
    matches nothing. Several values may be given comma-separated (``claimant=nis,kcna``).
    """
    return (
        KeyInFilter(field_name=f"{path}__key", lookup_expr="in", label=f"{label}: key(s), comma-separated"),
        IdInFilter(field_name=f"{path}__id", lookup_expr="in", label=f"{label}: id(s), comma-separated"),
    )


class ChoicesFilter(filters.MultipleChoiceFilter):
    """Any of the given choices (repeat the parameter): one ``IN`` condition, a subquery through a to-many
    relation, never DISTINCT (django-filter's default would add one over every column of the table)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return filter_through(qs, {f"{self.field_name}__in": list(value)})


class BooleanChoiceFilter(filters.ChoiceFilter):
    """``true`` or ``false`` — anything else is a 400 (django-filter's boolean filter would ignore it)."""

    def __init__(self, *args, **kwargs):
        kwargs["choices"] = [("true", "true"), ("false", "false")]
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{self.field_name: value == "true"})


def validate_free_text(value: str) -> None:
    if len(value) > MAX_TEXT_LENGTH:
        raise DjangoValidationError(f"at most {MAX_TEXT_LENGTH} characters, not {len(value)}")
    words = len(search_terms(value)) if value.strip() else 0
    if words > MAX_TERMS:
        raise DjangoValidationError(f"at most {MAX_TERMS} words, not {words}")


class FreeTextField(forms.CharField):
    default_validators = [validate_free_text]


class FreeTextFilter(filters.CharFilter):
    """Free text: at most ``MAX_TERMS`` words and ``MAX_TEXT_LENGTH`` characters (a 400 beyond)."""

    field_class = FreeTextField
