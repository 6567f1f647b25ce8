"""How write services validate a row before writing it: the whole ``full_clean()`` for one row, a
query-free one for a batch.

``full_clean()`` checks every field, the model's ``clean()``, unique fields and constraints. The last two
(and a foreign key's existence) each cost a query per row; a batch of 1,000 rows would spend more on them
than on its INSERT. The database enforces all three anyway, so a batch checks fields and ``clean()`` here
and lets the database refuse the rest (the import maps that refusal to the record that caused it).

A batch also leaves out the fields that still hold their model's default, when that default itself passes
the field's checks (found once per model): such a value came from the model, not from the input, and
checking it again for every row of an import (a choice list walked, validators run) cost a tenth of it.
"""

from django.core.exceptions import ValidationError

FULL, FIELDS = "full", "fields"

_RELATIONS: dict = {}  # model → names of its foreign keys
_VALID_DEFAULTS: dict = {}  # model → ((attname, name, default), ...) of defaults that pass their field's checks


def instance_clean(instance, *, validate: str = FULL) -> None:
    """``full_clean()`` (``validate=FULL``) or the query-free part of it (``validate=FIELDS``)."""
    if validate == FULL:
        instance.full_clean()
        return
    model = type(instance)
    exclude = list(_relations(model))
    for attname, name, default in _valid_defaults(model):
        value = instance.__dict__.get(attname, default)
        if type(value) is type(default) and value == default:
            exclude.append(name)
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


def _relations(model) -> list:
    names = _RELATIONS.get(model)
    if names is None:
        names = _RELATIONS[model] = [field.name for field in model._meta.concrete_fields if field.is_relation]
    return names


def _valid_defaults(model) -> tuple:
    defaults = _VALID_DEFAULTS.get(model)
    if defaults is None:
        found = []
        for field in model._meta.concrete_fields:
            if field.is_relation or not field.has_default() or callable(field.default):
                continue
            try:
                field.clean(field.default, None)
            except ValidationError:
                continue
            found.append((field.attname, field.name, field.default))
        defaults = _VALID_DEFAULTS[model] = tuple(found)
    return defaults
