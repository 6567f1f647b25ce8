"""schema.org ClaimReview JSON-LD for assessed claims (``verdict`` other than ``unassessed``): the API's
``/claims/{id}/claimreview/`` and the ``export_claimreview`` command both build it here, from claims read
through their declared shape (``claims.shapes.CLAIM``).

``url`` is the API address of the review itself (``/api/v1/claims/{key}/claimreview/``), the same in the API
and in an export. Inside ``itemReviewed``, ``url`` is schema.org's: where the report was published.

``reviewRating.ratingValue`` runs from 1 (worst: false) to 5 (best: confirmed). It comes from the
Admiralty credibility when that judges truth (1 → 5, 2 → 4, 3 → 3, 4 → 2, 5 → 1); credibility 6 ("cannot
be judged") or none falls back to the verdict (``VERDICT_RATING``). ``alternateName`` is the verdict as
written here. ``itemReviewed`` is the Claim: its author is the claimant — or, for a claim several assert
together, the list of its claimants, the lead claimant first then the joint claimants (schema.org allows
several authors) —, its appearances the documents it was recorded in (``firstAppearance`` the earliest).
"""

import datetime as dt

from claims.models import Verdict

VERDICT_RATING = {
    Verdict.CONFIRMED: 5,
    Verdict.CORROBORATED: 4,
    Verdict.PLAUSIBLE: 3,
    Verdict.UNVERIFIED: 3,
    Verdict.DISPUTED: 2,
    Verdict.MISLEADING: 2,
    Verdict.FALSE: 1,
}
BEST_RATING, WORST_RATING = 5, 1
#: Who the reviews are by: this factbase's curators (schema.org requires the review's author).
REVIEWER_NAME = "factbase"


def rating_value(claim: dict) -> int:
    if claim["credibility"] is not None and 1 <= claim["credibility"] <= 5:
        return BEST_RATING + 1 - claim["credibility"]
    return VERDICT_RATING[claim["verdict"]]


def _actor(actor: dict) -> dict:
    kind = "Person" if actor["kind"] == "person" else "Organization"
    return {"@type": kind, "name": actor["name"], "identifier": actor["key"]}


def _creative_work(appearance: dict) -> dict:
    document = appearance["document"]
    work = {
        "@type": "CreativeWork",
        "headline": document["title"],
        "datePublished": document["published_on"].isoformat(),
        "inLanguage": document["language"],
        "text": appearance["quote"],
    }
    if document["source_url"]:
        work["url"] = document["source_url"]
    if document["publisher"] is not None:
        work["publisher"] = {"@type": "Organization", "name": document["publisher"]["name"]}
    return work


def review_path(claim: dict) -> str:
    """The review's own address in the API, under the API root (``/api/v1/``)."""
    return f"claims/{claim['key']}/claimreview/"


def claim_review(claim: dict, *, url: str) -> dict:
    """The ClaimReview of an assessed claim: ``claim`` as ``claims.shapes.CLAIM`` reads it (Python values,
    appearances earliest first); ``url`` the review's address (``review_path`` under the API root)."""
    appearances = claim["appearances"]
    claimants = [_actor(claim["claimant"]), *(_actor(actor) for actor in claim.get("joint_claimants", []))]
    item = {
        "@type": "Claim",
        "author": claimants[0] if len(claimants) == 1 else claimants,
        "appearance": [_creative_work(appearance) for appearance in appearances],
    }
    if appearances:
        item["firstAppearance"] = _creative_work(appearances[0])
    if claim["stated_on"]:
        item["datePublished"] = claim["stated_on"].isoformat()
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "author": {"@type": "Organization", "name": REVIEWER_NAME},
        "claimReviewed": claim["summary"],
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value(claim),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": claim["verdict"],
        },
    }
    if claim["assessed_at"]:
        review["datePublished"] = claim["assessed_at"].astimezone(dt.UTC).date().isoformat()
    if claim["rationale"]:
        review["reviewBody"] = claim["rationale"]
    return review


_THING = {"type": "object", "additionalProperties": True}
#: The JSON schema of one ClaimReview, for the OpenAPI document.
CLAIM_REVIEW_SCHEMA = {
    "type": "object",
    "required": ["@context", "@type", "url", "author", "claimReviewed", "itemReviewed", "reviewRating"],
    "properties": {
        "@context": {"type": "string", "enum": ["https://schema.org"]},
        "author": _THING,
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": {"type": "string", "format": "uri"},
        "claimReviewed": {"type": "string"},
        "datePublished": {"type": "string", "format": "date"},
        "reviewBody": {"type": "string"},
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "author", "appearance"],
            "properties": {
                "@type": {"type": "string", "enum": ["Claim"]},
                # One claimant, or the lead claimant then the joint claimants.
                "author": {"oneOf": [_THING, {"type": "array", "items": _THING, "minItems": 2}]},
                "appearance": {"type": "array", "items": _THING},
                "firstAppearance": _THING,
                "datePublished": {"type": "string", "format": "date"},
            },
        },
        "reviewRating": {
            "type": "object",
            "required": ["@type", "ratingValue", "bestRating", "worstRating", "alternateName"],
            "properties": {
                "@type": {"type": "string", "enum": ["Rating"]},
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
                "bestRating": {"type": "integer"},
                "worstRating": {"type": "integer"},
                "alternateName": {"type": "string"},
            },
        },
    },
}
CLAIM_REVIEW_PAGE_SCHEMA = {
    "type": "object",
    "required": ["results"],
    "properties": {
        "next": {"type": "string", "format": "uri", "nullable": True},
        "previous": {"type": "string", "format": "uri", "nullable": True},
        "results": {"type": "array", "items": CLAIM_REVIEW_SCHEMA},
    },
}
