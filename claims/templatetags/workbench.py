"""Template tags of the curation workbench."""

from django import template

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
