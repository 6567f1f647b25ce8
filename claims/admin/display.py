"""How the claim admin shows things: numbers as people write them, booleans as words, filters titled apart.

Display only; nothing here writes.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import admin


def plain_number(value) -> str:
    """2000.0000 → "2000"; 2.5000 → "2.5"; anything not a number is returned as it is."""
    if value in (None, ""):
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if number == number.to_integral_value():
        return f"{number.quantize(Decimal(1)):f}"
    return f"{number.normalize():f}"


class PlainDecimalInput(forms.TextInput):
    """A decimal input showing the stored number as it would be typed (no trailing zeros of the column's scale)."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "size": 12, **(attrs or {})})

    def format_value(self, value):
        return plain_number(value) or None


def yes_no(value, *, yes="yes", no="no") -> str:
    return yes if value else no


def titled(filter_class, title):
    """``filter_class`` shown under ``title`` (two filters on fields both called "kind" need telling apart)."""

    class Titled(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    Titled.__name__ = f"{filter_class.__name__}_{title.replace(' ', '_')}"
    return Titled


ClaimantKindFilter = titled(admin.ChoicesFieldListFilter, "claimant kind")
InterestedFilter = titled(admin.BooleanFieldListFilter, "interested party")
