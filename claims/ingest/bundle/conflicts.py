"""Conflicts: a field that someone changed since the last import of a bundle, and that the bundle changes too.

A conflict is reported, never silently resolved: the import exits non-zero with nothing written unless
the operator chose a side for every conflict (``--theirs``: the bundle's value; ``--ours``: the
database's). Each conflict says which record and field, the value here, the value in the bundle, and
who changed it and when — read from the record's change history (django-simple-history).
"""

from dataclasses import dataclass, field

THEIRS, OURS = "theirs", "ours"


@dataclass
class Conflict:
    """One field changed on both sides. ``label`` names the record (``claims[0] (key nis-deaths)``)."""

    file: str
    label: str
    field: str
    here: object
    theirs: object
    changed_by: str = ""
    changed_at: object = None
    resolved: str = ""  # "", THEIRS or OURS

    def line(self) -> str:
        who = ""
        if self.changed_by or self.changed_at:
            when = f", {self.changed_at:%Y-%m-%d %H:%M} UTC" if self.changed_at else ""
            who = f" (changed by {self.changed_by or 'unknown'}{when})"
        taken = {THEIRS: " → took the bundle's value (--theirs)", OURS: " → kept the database's value (--ours)"}
        return (f"{self.file}: {self.label}: {self.field}: here {_show(self.here)}{who}, "
                f"in the bundle {_show(self.theirs)}{taken.get(self.resolved, '')}")


@dataclass
class Prunable:
    """A row this bundle brought that it no longer lists: removed only with ``--prune``."""

    file: str
    label: str
    what: str
    kept_because: str = ""
    row: object = field(default=None, repr=False)
    remove: bool = False  # True when this run removes it (--prune)

    def line(self) -> str:
        suffix = f" — kept: {self.kept_because}" if self.kept_because else (" — removed" if self.remove else "")
        return f"{self.file}: {self.label}: {self.what}{suffix}"


def _show(value) -> str:
    if value is None:
        return "(nothing)"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    text = str(value)
    if len(text) > 80:
        text = text[:79] + "…"
    return repr(text)


def last_change(instance, attnames) -> tuple[str, object]:
    """(who, when) of the history row that gave ``instance`` its current value of ``attnames`` (one or more).

    Walks the record's history from the newest row back while those fields still hold today's values; the
    last row reached is where they got them. ``who`` is the user, else the change reason (an import run),
    else "unknown". For a row that no longer exists (deleted here) see ``deleted_change``.
    """
    history = getattr(instance, "history", None)
    if history is None:
        return "", None
    attnames = [attnames] if isinstance(attnames, str) else list(attnames)
    current = [getattr(instance, name) for name in attnames]
    found = None
    for row in history.select_related("history_user").order_by("-history_date", "-history_id")[:200]:
        if [getattr(row, name, None) for name in attnames] != current:
            break
        found = row
    return _who(found)


def deleted_change(model, **filters) -> tuple[str, object]:
    """(who, when) of the latest deletion of a ``model`` row matching ``filters``, from its history."""
    history = getattr(model, "history", None)
    if history is None:
        return "", None
    row = (model.history.filter(history_type="-", **filters).select_related("history_user")
           .order_by("-history_date").first())
    return _who(row)


def _who(row) -> tuple[str, object]:
    if row is None:
        return "", None
    user = getattr(row, "history_user", None)
    who = getattr(user, "username", "") or (row.history_change_reason or "")
    return who, row.history_date
