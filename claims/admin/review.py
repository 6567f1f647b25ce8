"""The review queue: claims awaiting review, and the reviewer's decision on each, in one click.

``/admin/claims/claim/review-queue/`` lists the claims in review, oldest submission first, with what a
reviewer needs to judge them (appearances, estimates, quotes needing review, the assessment). A reviewer
publishes a claim with one click, or returns it to draft or retracts it with a reason (required, kept
in the claim's history). Each button posts to the queue, which calls the workflow function of that step
(``claims.services.workflow``) and comes back to the queue saying what happened.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from ..models import Claim, ClaimStatus
from ..services import workflow
from .display import first_document_date

STEPS = {
    "publish": (workflow.claim_publish, "published", False),
    "return": (workflow.claim_return_to_draft, "returned to draft", True),
    "retract": (workflow.claim_retract, "retracted", True),
}


def claims_awaiting_review():
    """Claims in review, oldest first, with the counts the queue shows (one query)."""
    return (
        Claim.objects.filter(status=ClaimStatus.IN_REVIEW)
        .select_related("claimant")
        .annotate(
            appearance_count=Count("appearances", distinct=True),
            estimate_count=Count("estimates", distinct=True),
            stale_count=Count("appearances", filter=Q(appearances__needs_review=True), distinct=True),
            document_published_on=first_document_date(),
        )
        .order_by("updated_at", "id")
    )


def review_step(*, request, claim_key: str, step: str, reason: str) -> str:
    """Apply ``step`` to the claim in review named ``claim_key``; the sentence to report, or ValidationError."""
    if step not in STEPS:
        raise ValidationError(f"unknown step {step!r}: publish, return or retract", code="unknown_step")
    function, done, needs_reason = STEPS[step]
    claim = Claim.objects.filter(key=(claim_key or "").strip()).first()
    if claim is None:
        raise ValidationError(f"no claim has the key {claim_key!r}", code="no_claim")
    if needs_reason:
        function(claim=claim, by=request.user, reason=reason)
    else:
        function(claim=claim, by=request.user)
    return f"Claim {claim.key} {done}."


def review_queue_view(modeladmin, request):
    """GET: the queue. POST: one reviewer decision (``step``, ``claim``, ``reason``), then the queue again."""
    if not modeladmin.has_view_permission(request):
        raise PermissionDenied("you may not view claims")
    status = 200
    if request.method == "POST":
        try:
            message = review_step(request=request, claim_key=request.POST.get("claim", ""),
                                  step=request.POST.get("step", ""), reason=request.POST.get("reason", ""))
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
            status = 400
        else:
            modeladmin.message_user(request, message, messages.SUCCESS)
            return HttpResponseRedirect(request.path)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Review queue: claims awaiting review",
        "opts": modeladmin.model._meta,
        "claims": claims_awaiting_review(),
        "can_publish": request.user.has_perm(workflow.PUBLISH_PERMISSION),
        "can_retract": request.user.has_perm(workflow.RETRACT_PERMISSION),
        "changelist_url": reverse("admin:claims_claim_changelist") + f"?status__exact={ClaimStatus.IN_REVIEW}",
    }
    return TemplateResponse(request, "admin/claims/claim/review_queue.html", context, status=status)
