"""The one adapter through which write services record history (django-simple-history's tables).

A service that saves one row with ``Model.save()`` lets simple-history write the history row itself (its
own API): :func:`history_context` sets the two attributes simple-history reads — ``_history_user`` (who)
and ``_change_reason`` (why) — before the save. A service that writes many rows at once (``bulk_create``,
``QuerySet.update``) calls :func:`history_rows_record`, which writes exactly the rows simple-history's
``bulk_history_create`` would (every tracked column as now stored, ``history_date``, ``history_type``,
``history_change_reason``, ``history_user``) as one ``INSERT … SELECT`` per 500 rows inside the database:
building every history row as a model instance in Python costs as much again as the row itself, which an
import of 100,000 claims cannot afford. :func:`history_subjects_record` does the same for the
many-to-many ``subjects`` of a claim or proposition.

Nothing else in the project writes a history table.
"""

from django.apps import apps
from django.db import connection
from django.utils import timezone

CHUNK = 500  # ids per statement: well under SQLite's and PostgreSQL's parameter limits

CREATED, CHANGED, DELETED = "+", "~", "-"


def history_context(instance, *, by, reason: str = ""):
    """Make the next ``instance.save()`` / ``delete()`` record ``by`` and ``reason`` on its history row."""
    instance._history_user = by if getattr(by, "pk", None) else None
    instance._change_reason = (reason or "")[:100] or None
    return instance


def history_rows_record(*, model, pks, by, reason: str = "", history_type: str = CREATED, when=None) -> int:
    """History rows of ``type`` for the rows ``pks`` of ``model`` as they are now stored; returns how many.

    ``by`` is the user (or None); ``reason`` is truncated to simple-history's 100 characters.
    """
    pks = list(pks)
    if not pks:
        return 0
    when = when or timezone.now()
    history = model.history.model
    tracked = history.tracked_fields
    quote = connection.ops.quote_name
    target = [quote(history._meta.get_field(f.name).column) for f in tracked]
    source = [quote(f.column) for f in tracked]
    extra = [quote(history._meta.get_field(name).column)
             for name in ("history_date", "history_change_reason", "history_type", "history_user")]
    user_id = getattr(by, "pk", None)
    with connection.cursor() as cursor:
        for offset in range(0, len(pks), CHUNK):
            chunk = pks[offset: offset + CHUNK]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(target + extra)}) "
                f"SELECT {', '.join(source)}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [when, (reason or "")[:100] or None, history_type, user_id, *chunk],
            )
    return len(pks)


def history_subjects_record(*, model, through_pks, reason: str) -> int:
    """Many-to-many history rows for new ``subjects`` rows, attached to their record's "+" row of ``reason``.

    Call after :func:`history_rows_record` wrote those "+" rows with the same ``reason``.
    """
    through_pks = list(through_pks)
    if not through_pks:
        return 0
    history = model.history.model
    subjects_history = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_subjects")
    through = model.subjects.through
    own = model._meta.model_name
    quote = connection.ops.quote_name

    def column(m, name):
        return quote(m._meta.get_field(name).column)

    with connection.cursor() as cursor:
        for offset in range(0, len(through_pks), CHUNK):
            chunk = through_pks[offset: offset + CHUNK]
            cursor.execute(
                f"INSERT INTO {quote(subjects_history._meta.db_table)} "
                f"({column(subjects_history, 'id')}, {column(subjects_history, own)}, "
                f"{column(subjects_history, 'actor')}, {column(subjects_history, 'history')}) "
                f"SELECT t.{column(through, 'id')}, t.{column(through, own)}, t.{column(through, 'actor')}, "
                f"h.{column(history, 'history_id')} "
                f"FROM {quote(through._meta.db_table)} t JOIN {quote(history._meta.db_table)} h "
                f"ON h.{column(history, 'id')} = t.{column(through, own)} "
                f"AND h.{column(history, 'history_type')} = '+' AND h.{column(history, 'history_change_reason')} = %s "
                f"WHERE t.{column(through, 'id')} IN ({', '.join(['%s'] * len(chunk))})",
                [(reason or "")[:100], *chunk],
            )
    return len(through_pks)
