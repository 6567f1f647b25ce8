"""One comparable form for a value whether it comes from a bundle, the database or a stored merge base.

The merge compares three values of each field — here (the database), theirs (the bundle) and the base
(what the bundle said last time, kept as JSON in ``factbase.models.BundleBase``) — so all three are put in
the same canonical JSON form first: numbers as plain decimal text (2000 == 2000.0 == "2000.0000"), dates
and times in ISO form (date-times in UTC), a date with precision as ``2025-09-01/week``, a related record
as its key, a document body as its SHA-256 (the base must not hold a second copy of every body).
"""

import datetime as dt
from decimal import Decimal


def canon(value):
    """The canonical JSON form of one field value."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, float):
        return canon(Decimal(str(value)))
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [canon(item) for item in value]
    if isinstance(value, dict):
        return {str(k): canon(v) for k, v in value.items()}
    raise TypeError(f"no canonical form for {type(value).__name__}")


def dated(day, precision) -> str | None:
    """A date with its precision: ``2025-09-01/week``."""
    return None if day is None else f"{day.isoformat()}/{precision}"


def figure(*, value, lower, upper, qualifier, approximate=False) -> list:
    """An estimate's numbers, merged as one: a bound taken from one side and a qualifier from the other
    could make a figure nobody stated (and break the estimate's constraints). ``approximate`` ("at least
    *about* 100") is part of the figure; it is added only when set, so that a figure stored before it existed
    compares equal."""
    return [canon(value), canon(lower), canon(upper), qualifier] + (["approximate"] if approximate else [])
