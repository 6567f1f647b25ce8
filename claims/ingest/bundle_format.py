"""The bundle format, field by field: what each record of a bundle may hold, and how a raw value is read.

A bundle record is a mapping read from YAML, JSON or a JSON Lines line. ``read_record`` checks it against
a ``RecordSpec`` — unknown keys, missing required fields, wrong types, enum values, dates — and returns
the cleaned values, or raises ``FieldError`` naming the field path (``estimates[0].qualifier``). What the
models themselves check (countries, languages, bounds, constraints) is left to ``full_clean`` in
``claims.ingest.bundle``. docs/import-format.md describes the same format for people.
"""

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from claims.models import (
    ClaimKind,
    ClaimStatus,
    Credibility,
    Hedge,
    HopRelation,
    Medium,
    PropositionKind,
    QuantityRelationKind,
    PropositionStatus,
    Qualifier,
    RelationKind,
    RelationState,
    Stance,
    Verdict,
)
from factbase.dates import DateFormatError, parse_date_with_precision
from sources.models import ActorKind, DocumentKind, Reliability

FORMAT_NAME = "factbase-bundle/1"
RECORD_TYPES = ("actors", "documents", "propositions", "claims")
# JSON Lines: {"type": "actor", ...} — the singular of the bundle's list names.
LINE_TYPES = {"actor": "actors", "document": "documents", "proposition": "propositions", "claim": "claims"}
BODY_FORMATS = ("plain", "dated_article")

_PLAIN_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FieldError(ValueError):
    """A bad value: ``path`` is the field path inside the record (may be empty), ``message`` what is wrong."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def _type_name(value) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


# --- readers: raw value -> clean value (raise ValueError with a message; the path is added by the caller) ---

def read_text(value):
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {_type_name(value)}")
    if "\x00" in value:
        # PostgreSQL cannot store NUL in text; refuse it on every database, naming the field.
        raise ValueError(f"contains a NUL character (\\u0000) at position {value.index(chr(0))}")
    return value


def read_key(value):
    value = read_text(value)
    if not value.strip():
        raise ValueError("expected a key, got empty text")
    return value


def read_key_list(value):
    if not isinstance(value, list):
        raise ValueError(f"expected a list of keys, got {_type_name(value)}")
    keys = []
    for index, item in enumerate(value):
        try:
            keys.append(read_key(item))
        except ValueError as exc:
            raise FieldError(f"[{index}]", str(exc)) from None
    if len(set(keys)) != len(keys):
        duplicate = next(k for k in keys if keys.count(k) > 1)
        raise ValueError(f"{duplicate!r} is listed twice")
    return keys


def read_bool(value):
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_type_name(value)}")
    return value


def read_offset(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {_type_name(value)}")
    if value < 0:
        raise ValueError(f"expected an offset of 0 or more, got {value}")
    return value


def read_step(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number (1 = the step nearest the document), got {_type_name(value)}")
    if value < 1:
        raise ValueError(f"expected a step of 1 or more, got {value}")
    return value


def read_credibility(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number from 1 to 6, got {_type_name(value)}")
    if value not in Credibility.values:
        raise ValueError(f"{value} is not one of 1, 2, 3, 4, 5, 6")
    return value


def read_decimal(value):
    """Numbers: whole numbers, decimal strings ("2000", "2000.5") and floats (read through str)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {_type_name(value)}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {value!r}")
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
        if not number.is_finite():
            raise ValueError(f"expected a finite number, got {value!r}")
        return number
    raise ValueError(f"expected a number, got {_type_name(value)}")


def read_plain_date(value):
    """A day, ``YYYY-MM-DD`` (YAML may have read it as a date already)."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date, got a date and time ({value.isoformat()})")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date such as 2025-09-04, got {_type_name(value)}")
    if not _PLAIN_DATE.match(value.strip()):
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"impossible date {value!r}") from None


def read_date_with_precision(value):
    """``2025-09-03``, ``2025-W36``, ``2025-09`` or ``2025`` → (first day of the period, precision)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"  # YAML reads a bare year as a number
    try:
        return parse_date_with_precision(value)
    except DateFormatError as exc:
        raise ValueError(str(exc)) from None


def read_time(value):
    if not isinstance(value, str):
        raise ValueError(f'expected a time as quoted text such as "10:15", got {_type_name(value)}')
    try:
        return dt.time.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a time of the form HH:MM or HH:MM:SS") from None


def read_datetime(value):
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date and time such as 2025-09-04T12:00:00Z") from None
    else:
        raise ValueError(f"expected a date and time such as 2025-09-04T12:00:00Z, got {_type_name(value)}")
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=dt.timezone.utc)  # the format's times are UTC unless they say otherwise
    return moment


def enum_reader(choices):
    values = list(choices.values) if hasattr(choices, "values") else list(choices)

    def read(value):
        if not isinstance(value, str):
            raise ValueError(f"expected one of {', '.join(values)}, got {_type_name(value)}")
        if value not in values:
            raise ValueError(f"{value!r} is not one of {', '.join(values)}")
        return value

    return read


@dataclass(frozen=True)
class Field:
    """One field of a record: how to read it, whether it must be there, its value when absent."""

    name: str
    read: object
    required: bool = False
    default: object = None
    nullable: bool = False  # an explicit null means the default


@dataclass(frozen=True)
class RecordSpec:
    name: str  # "actor", "alias", "appearance"...
    fields: tuple
    children: dict = field(default_factory=dict)  # field name -> RecordSpec of its list items

    def field_names(self):
        return self.names

    @cached_property
    def names(self) -> tuple:
        return tuple(f.name for f in self.fields) + tuple(self.children)

    @cached_property
    def known(self) -> frozenset:
        return frozenset(self.names)


GIVEN = "_given"  # in a cleaned record: the names of the fields the bundle itself gave (a frozenset)


def read_record(spec: RecordSpec, data, path: str = "", *, partial: bool = False) -> dict:
    """The cleaned values of one record, with ``GIVEN``: the names of the fields the record itself gave.

    A record states the fields it names. With ``partial`` (top-level records) a field the record leaves out
    is left out of the result too — the planner fills defaults only for a new record (``complete``), so
    that a record naming just its ``key`` and a list adds to an existing record without restating it.
    Without ``partial`` (the items of a child list) absent optional fields get their defaults and
    required fields must be there.
    """
    prefix = f"{path}." if path else ""
    if not isinstance(data, dict):
        raise FieldError(path, f"expected a mapping (a {spec.name} record), got {_type_name(data)}")
    known = spec.known
    for name in data:
        if name not in known:
            raise FieldError(
                f"{prefix}{name}", f"unknown field (the fields of {spec.name} records are: {', '.join(spec.field_names())})"
            )
    clean = {}
    for fld in spec.fields:
        if fld.name not in data or (data[fld.name] is None and fld.nullable):
            if fld.name not in data and partial and fld.name != "key":
                continue
            if fld.required:
                raise FieldError(f"{prefix}{fld.name}", "is required")
            clean[fld.name] = fld.default() if callable(fld.default) else fld.default
            continue
        try:
            clean[fld.name] = fld.read(data[fld.name])
        except FieldError as exc:
            raise FieldError(f"{prefix}{fld.name}{exc.path}", exc.message) from None
        except ValueError as exc:
            raise FieldError(f"{prefix}{fld.name}", str(exc)) from None
    for name, child_spec in spec.children.items():
        items = data.get(name)
        if items is None:
            if name not in data and partial:
                continue
            clean[name] = []
            continue
        if not isinstance(items, list):
            raise FieldError(f"{prefix}{name}", f"expected a list of {child_spec.name} records, got {_type_name(items)}")
        clean[name] = [read_record(child_spec, item, f"{prefix}{name}[{i}]") for i, item in enumerate(items)]
    clean[GIVEN] = frozenset(data)
    return clean


def complete(spec: RecordSpec, clean: dict) -> dict:
    """A new record's values: the fields it left out at their defaults; FieldError for a missing required one."""
    full = dict(clean)
    for fld in spec.fields:
        if fld.name not in full:
            if fld.required:
                raise FieldError(fld.name, f"is required (there is no {spec.name} {clean['key']!r} yet to add to)")
            full[fld.name] = fld.default() if callable(fld.default) else fld.default
    for name in spec.children:
        full.setdefault(name, [])
    return full


def _text(name, required=False):
    return Field(name, read_text, required=required, default="", nullable=not required)


ALIAS = RecordSpec("alias", (Field("name", read_text, required=True), Field("language", read_text, required=True)))

ACTOR = RecordSpec(
    "actor",
    (
        Field("key", read_key, required=True),
        Field("name", read_text, required=True),
        Field("kind", enum_reader(ActorKind), required=True),
        _text("country"),
        Field("parent", read_key, nullable=True),
        _text("description"),
        _text("wikidata_id"),
        Field("reliability", enum_reader(Reliability), default=Reliability.F.value, nullable=True),
        _text("reliability_rationale"),
    ),
    {"aliases": ALIAS},
)

DOCUMENT = RecordSpec(
    "document",
    (
        Field("key", read_key, required=True),
        Field("kind", enum_reader(DocumentKind), default=DocumentKind.NEWS_ARTICLE.value, nullable=True),
        _text("title"),
        _text("url"),
        Field("publisher", read_key, nullable=True),
        _text("authors"),
        Field("language", read_text, required=True),
        Field("published_on", read_plain_date, nullable=True),
        Field("published_time", read_time, nullable=True),
        Field("retrieved_at", read_datetime, nullable=True),
        _text("archive_url"),
        Field("body", read_text, nullable=True),
        Field("body_file", read_text, nullable=True),
        Field("body_format", enum_reader(BODY_FORMATS), default="plain", nullable=True),
    ),
)

# A quantity proposition's parts (killed and wounded are parts of casualties), or the same measure in another
# unit (``factor``: one unit of the part is this many units of the whole) — stated on the whole.
PART = RecordSpec(
    "part",
    (
        Field("proposition", read_key, required=True),
        Field("kind", enum_reader(QuantityRelationKind), default=QuantityRelationKind.PART_OF.value, nullable=True),
        Field("factor", read_decimal, nullable=True),
    ),
)

PROPOSITION = RecordSpec(
    "proposition",
    (
        Field("key", read_key, required=True),
        Field("title", read_text, required=True),
        _text("description"),
        Field("kind", enum_reader(PropositionKind), default=PropositionKind.STATEMENT.value, nullable=True),
        _text("measure"),
        _text("unit"),
        Field("subjects", read_key_list, default=list, nullable=True),
        Field("status", enum_reader(PropositionStatus), default=PropositionStatus.OPEN.value, nullable=True),
        _text("status_rationale"),
        Field("cumulative", read_bool, default=False, nullable=True),
    ),
    {"parts": PART},
)

HOP = RecordSpec(
    "hop",
    (
        Field("actor", read_key, required=True),
        Field("relation", enum_reader(HopRelation), required=True),
        _text("language"),
        # Several hops with one step are parallel relays; a hop without a step comes one step after the last.
        Field("step", read_step, nullable=True),
        Field("medium", enum_reader(Medium), default="", nullable=True),
        Field("passed_on", read_date_with_precision, nullable=True),
    ),
)

# How this appearance's report worded one estimate of its claim: the estimate is named by its proposition
# (and its as_of or period when the claim has several estimates of that proposition).
WORDING = RecordSpec(
    "wording",
    (
        Field("proposition", read_key, required=True),
        Field("as_of", read_date_with_precision, nullable=True),
        Field("period_start", read_plain_date, nullable=True),
        Field("period_end", read_plain_date, nullable=True),
        Field("wording", read_text, required=True),
        Field("offset", read_offset, nullable=True),
    ),
)

APPEARANCE = RecordSpec(
    "appearance",
    (
        Field("document", read_key, required=True),
        Field("quote", read_text, required=True),
        Field("start", read_offset, nullable=True),
        Field("end", read_offset, nullable=True),
        _text("translation"),
        _text("translation_language"),
        Field("stated_on", read_date_with_precision, nullable=True),
        Field("medium", enum_reader(Medium), default="", nullable=True),
    ),
    {"hops": HOP, "wordings": WORDING},
)

STANCE = RecordSpec(
    "stance", (Field("proposition", read_key, required=True), Field("stance", enum_reader(Stance), required=True))
)

ESTIMATE = RecordSpec(
    "estimate",
    (
        Field("proposition", read_key, required=True),
        Field("value", read_decimal, nullable=True),
        Field("lower", read_decimal, nullable=True),
        Field("upper", read_decimal, nullable=True),
        Field("qualifier", enum_reader(Qualifier), default=Qualifier.EXACT.value, nullable=True),
        Field("approximate", read_bool, default=False, nullable=True),
        _text("unit"),
        Field("as_of", read_date_with_precision, nullable=True),
        Field("period_start", read_plain_date, nullable=True),
        Field("period_end", read_plain_date, nullable=True),
        _text("wording"),
    ),
)

RELATION = RecordSpec(
    "relation",
    (
        Field("kind", enum_reader(RelationKind), required=True),
        Field("target", read_key, required=True),
        Field("state", enum_reader(RelationState), default=RelationState.ACCEPTED.value, nullable=True),
        _text("rationale"),
    ),
)

CLAIM = RecordSpec(
    "claim",
    (
        Field("key", read_key, required=True),
        Field("claimant", read_key, required=True),
        Field("joint_claimants", read_key_list, default=list, nullable=True),
        Field("kind", enum_reader(ClaimKind), default=ClaimKind.STATEMENT.value, nullable=True),
        Field("summary", read_text, required=True),
        Field("summary_language", read_text, default="en", nullable=True),
        Field("stated_on", read_date_with_precision, nullable=True),
        Field("hedge", enum_reader(Hedge), default=Hedge.ASSERTED.value, nullable=True),
        Field("subjects", read_key_list, default=list, nullable=True),
        _text("location"),
        _text("location_country"),
        Field("interested", read_bool, default=False, nullable=True),
        Field("status", enum_reader(ClaimStatus), default=ClaimStatus.DRAFT.value, nullable=True),
        Field("verdict", enum_reader(Verdict), default=Verdict.UNASSESSED.value, nullable=True),
        Field("credibility", read_credibility, nullable=True),
        _text("rationale"),
        _text("rating_text"),
        Field("assessed_at", read_datetime, nullable=True),
    ),
    {"appearances": APPEARANCE, "stances": STANCE, "estimates": ESTIMATE, "relations": RELATION},
)

SPECS = {"actors": ACTOR, "documents": DOCUMENT, "propositions": PROPOSITION, "claims": CLAIM}
