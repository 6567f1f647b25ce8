"""Dates with a precision: a day, an ISO week, a month or a year.

A date with precision is stored as the first day of its period plus the precision, so "this week" in
an article of Thursday 2025-09-04 is ``(2025-09-01, week)`` and sorts and filters like any date.

Accepted text forms (``parse_date_with_precision``): ``2025-09-03`` (day), ``2025-W36`` (ISO week),
``2025-09`` (month), ``2025`` (year).
"""

import calendar
import datetime as dt
import re

from .choices import DatePrecision

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


class DateFormatError(ValueError):
    pass


def normalize(value: dt.date, precision: str) -> dt.date:
    """The first day of the period of ``precision`` that contains ``value``."""
    if precision == DatePrecision.DAY:
        return value
    if precision == DatePrecision.WEEK:
        return value - dt.timedelta(days=value.weekday())
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    raise DateFormatError(f"unknown precision {precision!r} (use day, week, month or year)")


def is_normalized(value: dt.date, precision: str) -> bool:
    return normalize(value, precision) == value


def period_end(start: dt.date, precision: str) -> dt.date:
    """The last day of the period that starts at ``start``."""
    if precision == DatePrecision.DAY:
        return start
    if precision == DatePrecision.WEEK:
        return start + dt.timedelta(days=6)
    if precision == DatePrecision.MONTH:
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == DatePrecision.YEAR:
        return start.replace(month=12, day=31)
    raise DateFormatError(f"unknown precision {precision!r} (use day, week, month or year)")


def parse_date_with_precision(text) -> tuple[dt.date, str]:
    """Read ``2025-09-03``, ``2025-W36``, ``2025-09`` or ``2025``; raise DateFormatError otherwise."""
    if isinstance(text, dt.datetime):
        raise DateFormatError(f"expected a date, not a date and time ({text.isoformat()})")
    if isinstance(text, dt.date):
        return text, DatePrecision.DAY
    if not isinstance(text, str):
        raise DateFormatError(f"expected a date as text such as 2025-09-03, 2025-W36, 2025-09 or 2025, not {text!r}")
    text = text.strip()
    try:
        if match := _DAY.match(text):
            return dt.date(*map(int, match.groups())), DatePrecision.DAY
        if match := _WEEK.match(text):
            year, week = map(int, match.groups())
            return dt.date.fromisocalendar(year, week, 1), DatePrecision.WEEK
        if match := _MONTH.match(text):
            year, month = map(int, match.groups())
            return dt.date(year, month, 1), DatePrecision.MONTH
        if match := _YEAR.match(text):
            year = int(match.group(1))
            if year < 1:
                raise ValueError("year 0")
            return dt.date(year, 1, 1), DatePrecision.YEAR
    except ValueError as exc:
        raise DateFormatError(f"impossible date {text!r}: {exc}") from None
    raise DateFormatError(f"unreadable date {text!r} (use 2025-09-03, 2025-W36, 2025-09 or 2025)")


def format_date_with_precision(value: dt.date | None, precision: str) -> str:
    """The inverse of :func:`parse_date_with_precision`."""
    if value is None:
        return ""
    if precision == DatePrecision.WEEK:
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    return value.isoformat()


def describe(value: dt.date | None, precision: str) -> str:
    """Human wording: "week of 2025-09-01", "September 2025", "2025", "2025-09-03"."""
    if value is None:
        return "unknown date"
    if precision == DatePrecision.WEEK:
        return f"week of {value.isoformat()}"
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    if precision == DatePrecision.YEAR:
        return str(value.year)
    return value.isoformat()
