"""Keep derived columns and quote checks in step with the rows they come from, whatever writes them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sources.models import Document

from .services.derived import claims_refresh_derived
from .models import Appearance, Claim
from .services.quotes import describe_mismatch


@receiver(post_save, sender=Claim)
def claim_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and not ({"summary"} & set(update_fields)):
        return
    claims_refresh_derived(claim_ids=[instance.pk])


@receiver(post_save, sender=Appearance)
@receiver(post_delete, sender=Appearance)
def appearance_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    claims_refresh_derived(claim_ids=[instance.claim_id])


@receiver(post_save, sender=Document)
def document_saved(sender, instance, raw=False, **kwargs):
    """A changed body re-verifies every quote: spans that no longer match are flagged for review."""
    if raw:
        return
    stale, fresh = [], []
    for appearance in Appearance.objects.filter(document=instance).only("id", "quote", "start", "end", "needs_review"):
        mismatch = describe_mismatch(instance.body, appearance.quote, appearance.start, appearance.end)
        if mismatch and not appearance.needs_review:
            stale.append(appearance.pk)
        elif not mismatch and appearance.needs_review:
            fresh.append(appearance.pk)
    if stale:
        Appearance.objects.filter(pk__in=stale).update(needs_review=True)
    if fresh:
        Appearance.objects.filter(pk__in=fresh).update(needs_review=False)
    claim_ids = Appearance.objects.filter(document=instance).values_list("claim_id", flat=True).distinct()
    claims_refresh_derived(claim_ids=list(claim_ids))
