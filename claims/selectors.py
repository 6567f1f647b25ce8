"""Reads of claims and what hangs off them, in the query shapes the API and the admin share.

Visibility is decided here and nowhere else: anonymous and ordinary users see **published** claims
only — and only the appearances, estimates and stances of published claims; staff see everything.
``known_on`` limits what was published by a date: claims whose first appearance was published on or
before it, and only the appearances in documents published by then.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from .models import Appearance, AttributionHop, Claim, ClaimStance, ClaimStatus, Estimate, Proposition


def user_sees_everything(user) -> bool:
    """Staff see drafts, claims in review and retracted claims; everyone else sees published claims."""
    return bool(user is not None and user.is_authenticated and user.is_staff)


def claim_visibility(*, user, known_on: dt.date | None = None) -> Q:
    """Which claims ``user`` may see, as one condition: published ones (staff: all), and with ``known_on`` only
    those first published by then."""
    condition = Q()
    if not user_sees_everything(user):
        condition &= Q(status=ClaimStatus.PUBLISHED)
    if known_on is not None:
        condition &= Q(first_published_on__lte=known_on)
    return condition


def visible_claims(*, user, known_on: dt.date | None = None) -> QuerySet[Claim]:
    """The claims ``user`` may see (no joins, no prefetches: a base to filter and count)."""
    return Claim.objects.filter(claim_visibility(user=user, known_on=known_on))


def hops_prefetch() -> Prefetch:
    """Attribution hops in order from the document outwards (parallel relays at one step as entered), with their actors."""
    return Prefetch("hops", queryset=AttributionHop.objects.select_related("actor").order_by("position", "id"))


def appearance_queryset(*, known_on: dt.date | None = None) -> QuerySet[Appearance]:
    """Appearances earliest first, with document, publisher and hops (for nesting under a claim)."""
    appearances = Appearance.objects.select_related("document__publisher").prefetch_related(hops_prefetch())
    if known_on is not None:
        appearances = appearances.filter(document__published_on__lte=known_on)
    return appearances.order_by("document__published_on", "document__published_time", "id")


def appearances_prefetch(*, known_on: dt.date | None = None, to_attr: str | None = None) -> Prefetch:
    return Prefetch("appearances", queryset=appearance_queryset(known_on=known_on), to_attr=to_attr)


def claim_queryset(*, user, known_on: dt.date | None = None) -> QuerySet[Claim]:
    """Visible claims shaped for the API and admin lists: six queries whatever the page size."""
    return visible_claims(user=user, known_on=known_on).select_related("claimant").prefetch_related(
        "subjects",
        appearances_prefetch(known_on=known_on),
        Prefetch("estimates", queryset=Estimate.objects.select_related("proposition").order_by("as_of", "id")),
        Prefetch("stances", queryset=ClaimStance.objects.select_related("proposition").order_by("proposition_id")),
    )


def appearance_list_queryset(*, user, known_on: dt.date | None = None) -> QuerySet[Appearance]:
    """Appearances of visible claims, with claim, claimant, document, publisher and hops (two queries)."""
    appearances = Appearance.objects.filter(claim__in=visible_claims(user=user, known_on=known_on))
    if known_on is not None:
        appearances = appearances.filter(document__published_on__lte=known_on)
    return appearances.select_related("claim__claimant", "document__publisher").prefetch_related(hops_prefetch())


def estimate_queryset(*, user, known_on: dt.date | None = None) -> QuerySet[Estimate]:
    """Estimates of visible claims, with claim, claimant and proposition (one query)."""
    return Estimate.objects.filter(claim__in=visible_claims(user=user, known_on=known_on)).select_related(
        "claim__claimant", "proposition"
    )


def proposition_queryset() -> QuerySet[Proposition]:
    """Propositions with their subjects (two queries). Propositions themselves are not curated by status."""
    return Proposition.objects.prefetch_related("subjects")


def claims_about_proposition(*, claims: QuerySet[Claim], proposition: Proposition) -> QuerySet[Claim]:
    """Those of ``claims`` that take a stance on or state an estimate of ``proposition``."""
    return claims.filter(
        Q(Exists(ClaimStance.objects.filter(claim=OuterRef("pk"), proposition=proposition)))
        | Q(Exists(Estimate.objects.filter(claim=OuterRef("pk"), proposition=proposition)))
    )
