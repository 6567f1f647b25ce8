"""Template tags of the curation workbench."""

from django import template

from ..models import Claim, ClaimStatus

register = template.Library()


@register.simple_tag
def review_queue_count() -> int:
    """How many claims await review (one COUNT query)."""
    return Claim.objects.filter(status=ClaimStatus.IN_REVIEW).count()
