"""History a person can read: who (a user by name, or the import run), when (to the minute), what changed
(field labels, choice labels, names of related records, yes/no, numbers as people write them).

``readable_history(sources=[...])`` turns the django-simple-history records of one record — and, for a
claim, of its parts (appearances, hops, estimates, stances, relations) — into entries, newest first.
Each source is ``(subject, historical queryset)`` or ``(subject, queryset, fields to leave out)``;
``subject`` names the part ("appearance") or is empty for the record itself; a part's link back to the
record whose page this is goes without saying and is left out. The number of queries is fixed: one per source, one for the users, one per kind of
related record named, one for the import runs — never one per entry.
"""

import datetime as dt
import re
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

# Bookkeeping columns: they change on every save and say nothing a reader needs.
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at", "search_text", "search_vector", "last_import_run",
                 "body_sha256", "body_seal"}
LONG_VALUE = 200
EMPTY = "(empty)"
WHAT = {"+": "created", "~": "changed", "-": "deleted"}
RUN_IN_REASON = re.compile(r"\brun #(\d+)\b")


def _number(value: Decimal) -> str:
    text = f"{value.normalize():,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _fields(historical_model):
    """The tracked fields of the record's own model, in declaration order."""
    model = historical_model.instance_type
    tracked = {f.name for f in historical_model._meta.fields}
    return [f for f in model._meta.concrete_fields if f.name in tracked and f.name not in HIDDEN_FIELDS]


def _label(obj) -> str:
    """How a related record is named: a claim by its key (its own name cuts the summary mid-word), the rest
    by their names."""
    if hasattr(obj, "summary") and getattr(obj, "key", ""):
        return obj.key
    return str(obj)


class _Labels:
    """Names of related records, fetched once per model for every id the entries mention."""

    def __init__(self):
        self.wanted: dict[type, set] = {}
        self.names: dict[tuple[type, object], str] = {}

    def want(self, model, pk):
        if pk is not None:
            self.wanted.setdefault(model, set()).add(pk)

    def fetch(self):
        for model, ids in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=ids):
                self.names[(model, obj.pk)] = _label(obj)

    def name(self, model, pk):
        if pk is None:
            return EMPTY
        return self.names.get((model, pk), f"{model._meta.verbose_name} #{pk} (deleted)")


def _display(field, value, labels: _Labels) -> str:
    if value is None or value == "":
        return EMPTY
    if field.is_relation:
        return labels.name(field.related_model, value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= LONG_VALUE else text[:LONG_VALUE - 1] + "…"


def _value(record, field):
    return getattr(record, field.attname)


def readable_history(*, sources, limit: int = 300, quiet_reasons: bool = False) -> list[dict]:
    """Entries ``{"when", "who", "what", "subject", "reason", "changes": [{"field", "old", "new"}]}``, newest first."""
    labels = _Labels()
    raw = []
    users, runs = set(), set()
    for subject, queryset, *rest in sources:
        model = queryset.model
        skip = set(rest[0]) if rest else set()
        fields = [f for f in _fields(model) if f.name not in skip]
        previous_of = {}
        for record in queryset.order_by("history_date", "history_id"):
            previous = previous_of.get(record.id)
            previous_of[record.id] = record
            changes = []
            for field in fields:
                new = _value(record, field)
                old = _value(previous, field) if previous is not None else None
                if previous is not None and old == new:
                    continue
                if previous is None and record.history_type == "+" and new in (None, ""):
                    continue
                if field.is_relation:
                    labels.want(field.related_model, old)
                    labels.want(field.related_model, new)
                changes.append((field, old, new))
            if record.history_type == "~" and not changes and (quiet_reasons or not record.history_change_reason):
                # A save that changed nothing a reader sees (a version bump); on a page that lists the parts'
                # own changes, the record of the claim that only names a part's change is that change again.
                continue
            users.add(record.history_user_id)
            run = getattr(record, "last_import_run_id", None)
            if run is None and record.history_user_id is None:
                # Parts carry no run of their own; the importers name it in the change reason.
                named = RUN_IN_REASON.search(record.history_change_reason or "")
                run = int(named.group(1)) if named else None
            runs.add(run)
            label = f"{subject} #{record.id}" if subject else ""
            raw.append((record, label, changes, run))
    raw.sort(key=lambda item: (item[0].history_date, item[0].history_id), reverse=True)
    raw = raw[:limit]
    labels.fetch()
    names = {u.pk: (u.get_full_name() or u.get_username()) for u in get_user_model()._default_manager.filter(pk__in=users - {None})}
    from .models import ImportRun

    run_names = {r.pk: f"import run #{r.pk} ({r.command})" for r in ImportRun.objects.filter(pk__in=runs - {None})}
    entries = []
    for record, label, changes, run in raw:
        if record.history_user_id is not None:
            who = names.get(record.history_user_id, f"user #{record.history_user_id} (deleted)")
        elif run is not None:
            who = run_names.get(run, f"import run #{run}")
        else:
            who = "no user recorded (a command or the system)"
        entries.append({
            "when": timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M"),
            "who": who,
            "what": WHAT.get(record.history_type, record.history_type),
            "subject": label,
            "reason": record.history_change_reason or "",
            "history_id": record.history_id if not label else None,
            "changes": [
                {"field": str(field.verbose_name), "old": "" if record.history_type == "+" else _display(field, old, labels),
                 "new": _display(field, new, labels)}
                for field, old, new in changes
            ],
        })
    return entries
