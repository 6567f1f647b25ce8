"""Renderers: JSON written by orjson (byte for byte DRF's), JSON-LD, and CSV (for errors; lists stream)."""

import decimal
import math
import re

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from factbase.tabular import csv_line

class _NotLikeDRF(Exception):
    """A value orjson would write differently from DRF's encoder: render with DRF's encoder instead."""


_drf_encoder = JSONEncoder()
#: U+2028 and U+2029 as UTF-8, which DRF writes escaped. One regular-expression scan finds either: in a timeline of
#: 1.7 MB it took 0.5 ms where ``bytes.replace`` (one scan per character, run even when neither occurs) took 2.1 ms.
_SEPARATORS = re.compile(b"\xe2\x80[\xa8\xa9]")
_ESCAPED = {b"\xe2\x80\xa8": b"\\u2028", b"\xe2\x80\xa9": b"\\u2029"}


def _escape_separators(body: bytes) -> bytes:
    if _SEPARATORS.search(body) is None:
        return body
    return _SEPARATORS.sub(lambda match: _ESCAPED[match.group()], body)


def _orjson_default(value):
    # Subclasses of dict, list, str and int come here (OPT_PASSTHROUGH_SUBCLASS): orjson would write an
    # OrderedDict in its storage order, not the order move_to_end() gave it, which the stdlib follows.
    if isinstance(value, dict):
        return dict(value.items())
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int.__int__(value)
    if isinstance(value, decimal.Decimal):
        number = float(value)
        # Python writes floats below 1e-4 with an exponent (1.5e-05), orjson without (0.000015);
        # NaN and infinities are errors for DRF (strict JSON) but null for orjson.
        if not math.isfinite(number) or (number and abs(number) < 1e-4):
            raise _NotLikeDRF
        return number
    # Date-times, lazy strings, bytes, querysets...: exactly what DRF's encoder makes of them.
    return _drf_encoder.default(value)


class FastJSONRenderer(renderers.JSONRenderer):
    """DRF's ``JSONRenderer`` output, byte for byte, written by orjson (several times faster).

    DRF's settings here (UNICODE_JSON, COMPACT_JSON, STRICT_JSON) make it write compact UTF-8 JSON with
    U+2028/U+2029 escaped; orjson writes the same bytes for strings, integers, booleans, null, lists and
    dicts. Native floats are written alike except below 1e-4 (1.5e-05 vs 0.000015): none of the API's
    fields is a float (numbers are Decimals, converted in ``_orjson_default``). Whatever orjson would write
    differently — a Decimal below 1e-4, an integer beyond 64 bits, a non-string key, an indented response
    (``Accept: application/json; indent=4``) — goes through DRF's own renderer instead.
    """

    _OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS

    def render(self, data, accepted_media_type=None, renderer_context=None):
        plain = (
            data is not None and self.compact and not self.ensure_ascii and self.strict
            and self.get_indent(accepted_media_type, renderer_context or {}) is None
        )
        if plain:
            try:
                body = orjson.dumps(data, default=_orjson_default, option=self._OPTIONS)
            except (orjson.JSONEncodeError, _NotLikeDRF):
                pass
            else:
                return _escape_separators(body)
        return super().render(data, accepted_media_type, renderer_context)


class CSVRenderer(renderers.BaseRenderer):
    """``?format=csv``: flat rows, one header line. Lists stream (see ``ReadOnlyAPIViewSet.list``)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Reached only for errors (lists stream directly): render them as a one-column CSV.
        if isinstance(data, dict):
            rows = [["detail"], [data.get("detail", str(data))]]
        else:
            rows = [["value"], *([row] for row in data or [])]
        return "".join(csv_line(row) for row in rows).encode("utf-8")


class JSONLDRenderer(FastJSONRenderer):
    """``application/ld+json`` (schema.org), e.g. ClaimReview."""

    media_type = "application/ld+json"
    format = "jsonld"


