"""How write services validate a row before writing it: the whole ``full_clean()`` for one row, a
query-free one for a batch.

``full_clean()`` checks every field, the model's ``clean()``, unique fields and constraints. The last two
(and a foreign key's existence) each cost a query per row; a batch of 1,000 rows would spend more on them
than on its INSERT. The database enforces all three anyway, so a batch checks fields and ``clean()`` here
and lets the database refuse the rest (the import maps that refusal to the record that caused it).
"""

FULL, FIELDS = "full", "fields"


def instance_clean(instance, *, validate: str = FULL) -> None:
    """``full_clean()`` (``validate=FULL``) or the query-free part of it (``validate=FIELDS``)."""
    if validate == FULL:
        instance.full_clean()
        return
    relations = [field.name for field in instance._meta.concrete_fields if field.is_relation]
    instance.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
