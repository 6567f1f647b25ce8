"""How the claim admin shows things: numbers as people write them, booleans as words, filters titled apart,
a claim's date even when it states none.

Display only; nothing here writes.
"""

from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from django import forms
from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.html import format_html

from factbase import dates
from factbase.choices import DatePrecision

from ..models import Appearance


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


# Extraction leaves a claim's own date empty when its sentence names none (the estimate's "as of" then
# defaults to the publication date, the claim's date does not); curators' drafts may lack it too. Lists
# show the date of the document the claim was first quoted in then, said to be that, never "unknown".
FIRST_DOCUMENT_DATE_NOTE = "the claim states no date of its own: this is when its document was published"


def first_document_date():
    """An annotation: the publication date of the earliest-published document quoting the claim (no extra
    query: a subquery of the list's own)."""
    return Subquery(
        Appearance.objects.filter(claim=OuterRef("pk"), document__published_on__isnull=False)
        .order_by("document__published_on", "id").values("document__published_on")[:1]
    )


def claim_date(claim, published_on=None) -> str:
    """The claim's own date as the admin writes dates; else the publication date of its document, marked as
    such; else "date not stated"."""
    if claim.stated_on is not None:
        return claim.stated_on_display
    published_on = published_on if published_on is not None else getattr(claim, "document_published_on", None)
    if published_on is None:
        return "date not stated"
    return format_html('<span class="date-fallback" title="{}">{} <small>(document\'s date)</small></span>', FIRST_DOCUMENT_DATE_NOTE,
                       dates.describe(published_on, DatePrecision.DAY))


def language_name(tag: str) -> str:
    """A BCP 47 tag in English words (Babel's CLDR names): "el" → "Greek", "pt-BR" → "Portuguese (Brazil)";
    a tag Babel does not know is shown as it is."""
    try:
        return Locale.parse(tag, sep="-").get_display_name("en") or tag
    except (ValueError, TypeError, UnknownLocaleError):
        return tag


def claim_brief(claim, *, length: int = 90) -> str:
    """A claim in a list of its parts: its summary cut on a word with "…" (never mid-word), the key beneath."""
    summary = claim.summary
    if len(summary) > length:
        summary = summary[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return format_html('{}<br><span class="claim-key">{}</span>', summary, claim.key)
