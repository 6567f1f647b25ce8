"""Numbers, ids and dates read from the query string: ASCII digits only, a 400 naming the parameter otherwise.

``str.isdigit()`` accepts "²" (which ``int()`` refuses) and ``int()`` accepts "١٢" (Arabic-Indic digits):
neither is a number a client means in a URL, so a number here is ``[0-9]+`` and nothing else.
"""

import datetime as dt
import re

from rest_framework import exceptions

#: The largest id (a 64-bit signed integer); bigger numbers are never ids.
MAX_ID = 2**63 - 1

_ASCII_NUMBER = re.compile(r"[0-9]+")


def is_ascii_number(text: str) -> bool:
    """Whether ``text`` is a whole number written with ASCII digits only."""
    return _ASCII_NUMBER.fullmatch(text) is not None


def has_non_ascii_digit(text: str) -> bool:
    """Whether ``text`` holds a digit other than 0-9 ("²", "١", "５"...)."""
    return not text.isascii() and any(ch.isdigit() and not ch.isascii() for ch in text)


def whole_number_param(request, name: str, *, minimum: int, maximum: int, default: int | None = None) -> int | None:
    """A whole-number query parameter within bounds; ``default`` when absent; a 400 naming it otherwise."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not is_ascii_number(raw) or not minimum <= int(raw) <= maximum:
        raise exceptions.ValidationError({name: [f"must be a whole number from {minimum} to {maximum}, not {raw!r}"]})
    return int(raw)


def date_param(request, name: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` query parameter, or None when absent; a 400 naming it when malformed."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        if len(raw) != 10 or not raw.isascii():
            raise ValueError(raw)
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise exceptions.ValidationError({name: [f"must be a date as YYYY-MM-DD, not {raw!r}"]}) from None
