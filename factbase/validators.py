"""Validators for codes that several models share: countries, languages, Wikidata ids."""

import re

import langcodes
import pycountry
from django.core.exceptions import ValidationError

WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


def validate_country(value: str):
    """An ISO 3166-1 alpha-2 code in upper case, e.g. KP, RU, KR."""
    if not value:
        return
    if value != value.upper() or len(value) != 2 or pycountry.countries.get(alpha_2=value) is None:
        raise ValidationError(
            "%(value)r is not an ISO 3166-1 alpha-2 country code (e.g. KP, RU, KR).",
            code="invalid_country", params={"value": value},
        )


def validate_language(value: str):
    """A well-formed BCP 47 language tag, e.g. el, ko, en-GB, zh-Hant."""
    if not value:
        return
    if not langcodes.tag_is_valid(value):
        raise ValidationError(
            "%(value)r is not a valid BCP 47 language tag (e.g. el, ko, en).",
            code="invalid_language", params={"value": value},
        )


def validate_wikidata_id(value: str):
    if value and not WIKIDATA_ID.match(value):
        raise ValidationError(
            "%(value)r is not a Wikidata item id (Q followed by digits, e.g. Q6112).",
            code="invalid_wikidata_id", params={"value": value},
        )
