"""Template tags of the curation workbench."""

from django import template

from factbase import dates
from sources.models import ActorKind

from ..admin.display import claim_date
from ..models import Claim, ClaimStatus

register = template.Library()


@register.simple_tag
def review_queue_count() -> int:
    """How many claims await review (one COUNT query)."""
    return Claim.objects.filter(status=ClaimStatus.IN_REVIEW).count()


@register.simple_tag
def claim_stated_on(claim, published_on=None) -> str:
    """The claim's date, or its document's publication date said to be that (``display.claim_date``)."""
    return claim_date(claim, published_on)


@register.filter
def described(value, precision="day") -> str:
    """A date with its precision as the admin writes dates everywhere: "2025-09-04", "week of 2025-09-01",
    "September 2025", "2025"; empty for no date."""
    return dates.describe(value, precision or "day") if value else ""


@register.filter
def actor_kind(value) -> str:
    """A stored actor kind as its label ("intelligence_agency" → "intelligence agency")."""
    try:
        return ActorKind(value).label
    except ValueError:
        return value


@register.filter
def claim_status(value) -> str:
    """A stored claim status as its label ("in_review" → "in review")."""
    try:
        return ClaimStatus(value).label
    except ValueError:
        return value
