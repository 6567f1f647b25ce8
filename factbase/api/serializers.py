"""The OpenAPI description of a declared shape (``factbase.shapes``): a DRF serializer class made from it.

The API builds its JSON from the shapes themselves; these classes only document it (drf-spectacular reads
serializers). Types, nullability, choices (as enums) and help texts come from the model fields the shape
reads, so the schema cannot drift from the declaration.
"""

from django.db import models
from rest_framework import serializers

from factbase.shapes import Column, Computed, Link, Many, One, Shape

_classes: dict = {}

_COMPUTED = {
    "text": lambda **kw: serializers.CharField(**kw),
    "integer": lambda **kw: serializers.IntegerField(**kw),
    "decimal": lambda **kw: serializers.DecimalField(max_digits=24, decimal_places=4, coerce_to_string=False, **kw),
    "date": lambda **kw: serializers.DateField(**kw),
}


def _model_field(model, path: str):
    """The model field at the end of ``path`` (``claimant__key``), and whether a relation on the way may be empty."""
    nullable = False
    names = path.split("__")
    for name in names[:-1]:
        field = model._meta.get_field(name)
        nullable = nullable or field.null
        model = field.related_model
    field = model._meta.get_field("id" if names[-1] == "pk" else names[-1])
    return field, nullable


def _column(model, column: Column):
    field, via_null = _model_field(model, column.source or column.name)
    kwargs = {"read_only": True, "help_text": column.help_text or field.help_text or None}
    if field.null or via_null:
        kwargs["allow_null"] = True
    if field.choices:
        # A choice that may be left blank ("medium: not said") is "" in the output: the schema says so.
        return serializers.ChoiceField(choices=field.choices, allow_blank=field.blank, **kwargs)
    if isinstance(field, models.BooleanField):
        return serializers.BooleanField(**kwargs)
    if isinstance(field, models.DecimalField):
        return serializers.DecimalField(max_digits=field.max_digits, decimal_places=field.decimal_places,
                                        coerce_to_string=False, **kwargs)
    if isinstance(field, models.IntegerField | models.AutoField):
        return serializers.IntegerField(**kwargs)
    if isinstance(field, models.DateTimeField):
        return serializers.DateTimeField(**kwargs)
    if isinstance(field, models.DateField):
        return serializers.DateField(**kwargs)
    if isinstance(field, models.TimeField):
        return serializers.TimeField(**kwargs)
    if isinstance(field, models.JSONField):
        return serializers.JSONField(**kwargs)
    return serializers.CharField(**kwargs)


def serializer_for(shape: Shape, *, brief: bool = False) -> type[serializers.Serializer]:
    """The serializer class documenting ``shape`` (or its brief form): ``<Name>Serializer``, ``Brief<Name>Serializer``."""
    if brief:
        shape = shape.brief_shape()
    key = id(shape)
    if key in _classes:
        return _classes[key]
    attributes = {"__doc__": shape.description or f"{shape.name}.", "__module__": __name__}
    for field in shape.fields:
        if isinstance(field, Column):
            attributes[field.name] = _column(shape.model, field)
        elif isinstance(field, Link):
            attributes[field.name] = serializers.URLField(read_only=True, help_text=field.help_text)
        elif isinstance(field, Computed):
            attributes[field.name] = _COMPUTED[field.kind](read_only=True, help_text=field.help_text)
        elif isinstance(field, One):
            _, nullable = _model_field(shape.model, f"{field.path or field.name}__id")
            attributes[field.name] = serializer_for(field.shape, brief=True)(read_only=True, allow_null=nullable,
                                                                             help_text=field.help_text)
        elif isinstance(field, Many):
            attributes[field.name] = serializer_for(field.shape, brief=field.brief)(many=True, read_only=True)
    cls = type(f"{shape.name}Serializer", (serializers.Serializer,), attributes)
    _classes[key] = cls
    return cls
