"""The JSON of claims, built directly from prefetched objects: the hot path of the claims list and detail.

``ClaimSerializer`` (claims.api.serializers) stays the definition of that JSON — the OpenAPI schema is
generated from it — but serializing a page of 50 claims through it rebuilds nested serializers' fields and
calls ``reverse()`` for every nested url. The builders here produce exactly the same data (same keys, order,
types; tests/api/test_representations.py compares the two byte for byte) in plain loops:

- urls come from one ``reverse()`` per view and request (``UrlBuilder``), then prefix + key + suffix;
- decimals and date-times go through the very DRF fields the serializers use, so rounding, time zone and
  the ``Z`` suffix cannot drift;
- plain values (text, choices, integers, booleans) are copied as the serializers would copy them.
"""

import datetime as dt
from decimal import Decimal
from urllib.parse import quote

from rest_framework.reverse import reverse

from claims.models import Appearance, Claim, Estimate

#: ``django.urls.reverse`` quotes path arguments with these characters left as they are.
_URL_SAFE = "!$&'()*+,;=" + "/~:@"
_SENTINEL = "0key0sentinel0"


class UrlBuilder:
    """Absolute detail urls for one request, as ``HyperlinkedIdentityField`` builds them, one reverse() per view."""

    def __init__(self, request, format=None):
        self.request = request
        self.format = format
        self._parts = {}

    def __call__(self, view_name: str, key: str) -> str:
        parts = self._parts.get(view_name)
        if parts is None:
            kwargs = {"id_or_key": _SENTINEL}
            if self.format:
                kwargs["format"] = self.format
            url = reverse(view_name, kwargs=kwargs, request=self.request)
            parts = self._parts[view_name] = tuple(url.split(_SENTINEL))
        return parts[0] + quote(str(key), safe=_URL_SAFE) + parts[1]


class _Fields:
    """The DRF fields whose formatting is not a plain copy (decimals, date-times), taken once from the serializers."""

    _loaded = None

    @classmethod
    def get(cls):
        if cls._loaded is None:
            from .serializers import ClaimSerializer, EstimateSerializer

            claim = ClaimSerializer().fields
            estimate = EstimateSerializer.brief().fields
            cls._loaded = {
                "decimal": estimate["value"],
                "assessed_at": claim["assessed_at"],
                "created_at": claim["created_at"],
                "updated_at": claim["updated_at"],
            }
        return cls._loaded


def _date(value):
    return None if value is None else value.isoformat()


def actor_brief(actor, urls: UrlBuilder) -> dict | None:
    """``ActorSerializer.brief()``: id, key, name, kind, country, url."""
    if actor is None:
        return None
    return {
        "id": actor.pk, "key": actor.key, "name": actor.name, "kind": actor.kind, "country": actor.country,
        "url": urls("actor-detail", actor.key),
    }


def document_brief(document, urls: UrlBuilder) -> dict:
    """``DocumentSerializer.brief()``: id, key, title, published_on, language, url, source_url, publisher."""
    return {
        "id": document.pk, "key": document.key, "title": document.title, "published_on": _date(document.published_on),
        "language": document.language, "url": urls("document-detail", document.key), "source_url": document.url,
        "publisher": actor_brief(document.publisher, urls),
    }


def proposition_brief(proposition, urls: UrlBuilder) -> dict:
    """``PropositionSerializer.brief()``: id, key, title, url."""
    return {
        "id": proposition.pk, "key": proposition.key, "title": proposition.title,
        "url": urls("proposition-detail", proposition.key),
    }


def appearance_brief(appearance: Appearance, urls: UrlBuilder) -> dict:
    """``AppearanceSerializer.brief()``: where the claim was recorded, with its hops nearest the document first."""
    return {
        "id": appearance.pk,
        "document": document_brief(appearance.document, urls),
        "quote": appearance.quote,
        "start": appearance.start,
        "end": appearance.end,
        "translation": appearance.translation,
        "translation_language": appearance.translation_language,
        "hops": [
            {"position": hop.position, "actor": actor_brief(hop.actor, urls), "relation": hop.relation, "language": hop.language}
            for hop in appearance.hops.all()
        ],
    }


def estimate_brief(estimate: Estimate, urls: UrlBuilder, decimal) -> dict:
    """``EstimateSerializer.brief()``: the number, its bounds, qualifier, unit, when it holds and its wording."""
    number = decimal.to_representation
    return {
        "id": estimate.pk,
        "proposition": proposition_brief(estimate.proposition, urls),
        "value": None if estimate.value is None else number(estimate.value),
        "lower": None if estimate.lower is None else number(estimate.lower),
        "upper": None if estimate.upper is None else number(estimate.upper),
        "qualifier": estimate.qualifier,
        "unit": estimate.effective_unit,
        "display_value": estimate.display_value,
        "as_of": _date(estimate.as_of),
        "as_of_precision": estimate.as_of_precision,
        "period_start": _date(estimate.period_start),
        "period_end": _date(estimate.period_end),
        "wording": estimate.wording,
    }


def claim_representation(claim: Claim, urls: UrlBuilder) -> dict:
    """``ClaimSerializer(claim).data`` from a claim of ``claims.selectors.claim_queryset`` (prefetched)."""
    fields = _Fields.get()
    assessed_at = claim.assessed_at
    return {
        "id": claim.pk,
        "key": claim.key,
        "url": urls("claim-detail", claim.key),
        "claimant": actor_brief(claim.claimant, urls),
        "kind": claim.kind,
        "summary": claim.summary,
        "summary_language": claim.summary_language,
        "stated_on": _date(claim.stated_on),
        "stated_on_precision": claim.stated_on_precision,
        "hedge": claim.hedge,
        "subjects": [actor_brief(subject, urls) for subject in claim.subjects.all()],
        "location": claim.location,
        "location_country": claim.location_country,
        "interested": claim.interested,
        "status": claim.status,
        "verdict": claim.verdict,
        "credibility": claim.credibility,
        "rationale": claim.rationale,
        "assessed_at": None if assessed_at is None else fields["assessed_at"].to_representation(assessed_at),
        "first_published_on": _date(claim.first_published_on),
        "appearances": [appearance_brief(appearance, urls) for appearance in claim.appearances.all()],
        "estimates": [estimate_brief(estimate, urls, fields["decimal"]) for estimate in claim.estimates.all()],
        "stances": [
            {"proposition": proposition_brief(stance.proposition, urls), "stance": stance.stance}
            for stance in claim.stances.all()
        ],
        "created_at": fields["created_at"].to_representation(claim.created_at),
        "updated_at": fields["updated_at"].to_representation(claim.updated_at),
    }


def claim_representations(claims, request, *, format=None) -> list[dict]:
    """``ClaimSerializer(claims, many=True).data`` for a page of prefetched claims."""
    urls = UrlBuilder(request, format=format)
    return [claim_representation(claim, urls) for claim in claims]


def _timeline_value(value, decimal):
    if isinstance(value, dict):
        return {name: _timeline_value(item, decimal) for name, item in value.items()}
    if isinstance(value, list):
        return [_timeline_value(item, decimal) for item in value]
    if isinstance(value, Decimal):
        return decimal.to_representation(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def timeline_representation(timeline: dict) -> dict:
    """``TimelineSerializer(timeline).data`` for ``claims.timeline.proposition_timeline``'s dict: dates as
    ISO strings, numbers rounded as the estimate fields are (the serializer documents it in the schema)."""
    return _timeline_value(timeline, _Fields.get()["decimal"])
