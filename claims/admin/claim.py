"""The claim page: the claim with its appearances, estimates, stances and relations, the review actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import path, reverse
from django.utils.html import format_html

from factbase import dates
from factbase.admin import IMPORT_RUN_FIELDS, CuratedAdmin, superuser_only_delete
from sources.admin import search_normalised

from ..forms import APPEARANCE_FORM_FIELDS, AppearanceForm, ClaimForm
from ..models import (
    Appearance,
    AttributionHop,
    Claim,
    ClaimRelation,
    ClaimStance,
    Estimate,
    JointClaimant,
)
from ..services import workflow
from . import review
from .display import (ClaimantKindFilter, InterestedFilter, PlainDecimalInput, claim_date, first_document_date,
                      yes_no)
from .saving import formset_save, refused_redirect
from ..services.provenance import chain_steps


def _hop_text(hop) -> str:
    details = [hop.get_relation_display(), hop.get_medium_display() if hop.medium else "", hop.language,
               dates.describe(hop.passed_on, hop.passed_on_precision) if hop.passed_on else ""]
    return f"{hop.actor} ({', '.join(d for d in details if d)})"


QUOTE_WIDGETS = {"quote": forms.Textarea(attrs={"rows": 4, "cols": 90}),
                 "translation": forms.Textarea(attrs={"rows": 4, "cols": 90})}


def needs_review_words(appearance) -> str:
    if appearance.pk is None:
        return "—"
    return yes_no(appearance.needs_review, yes="yes: the quote no longer matches the document", no="no")


def hops_text(appearance) -> str:
    """The chain as text, nearest the document first; parallel relays at one step joined by "+"."""
    steps = chain_steps(sorted(appearance.hops.all(), key=lambda hop: (hop.position, hop.pk or 0)))
    claimants = " + ".join(str(actor) for actor in (appearance.claim.claimant, *(
        link.actor for link in appearance.claim.joint_claimants.all())))
    if not steps:
        return f"— (the document quotes {claimants} directly)"
    chain = " → ".join(" + ".join(_hop_text(hop) for hop in step) for step in steps)
    return f"document → {chain} → {claimants}"


class ClaimPartInline:
    """Inlines of a claim are editable exactly when the claim is (curators: drafts only)."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (obj is None or workflow.can_edit_claim(request.user, obj))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or workflow.can_edit_claim(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or workflow.can_edit_claim(request.user, obj))


class AppearanceInline(ClaimPartInline, admin.StackedInline):
    model = Appearance
    form = AppearanceForm
    extra = 1
    fields = (*APPEARANCE_FORM_FIELDS, "needs_review_text", "hops_summary")
    readonly_fields = ("needs_review_text", "hops_summary")
    autocomplete_fields = ("document",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document", "claim__claimant").prefetch_related(
            "hops__actor", "claim__joint_claimants__actor")

    def get_formset(self, request, obj=None, **kwargs):
        # Quotes and translations are sentences: tall and wide enough to read whole.
        kwargs["widgets"] = {**kwargs.get("widgets", {}), **QUOTE_WIDGETS}
        return super().get_formset(request, obj, **kwargs)

    @admin.display(description="needs review")
    def needs_review_text(self, obj):
        return needs_review_words(obj)

    @admin.display(description="attribution hops")
    def hops_summary(self, obj):
        if obj.pk is None:
            return "Save first, then add the hops on the appearance's own page."
        return format_html(
            '{} <a href="{}">edit hops</a>', hops_text(obj), reverse("admin:claims_appearance_change", args=[obj.pk])
        )


class JointClaimantInline(ClaimPartInline, admin.TabularInline):
    """Further claimants who assert the claim together with its lead claimant ("South Korean and Western
    intelligence"); an unnamed group ("Western intelligence") is an actor of kind unnamed_group."""

    model = JointClaimant
    extra = 0
    fields = ("actor", "position")
    autocomplete_fields = ("actor",)
    verbose_name = "joint claimant"
    verbose_name_plural = "joint claimants (each an independent origin; the lead claimant is above)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class EstimateInline(ClaimPartInline, admin.StackedInline):
    """Stacked, three short rows per estimate: eleven columns side by side were twice the screen's width."""

    model = Estimate
    extra = 1
    fields = (("proposition", "qualifier", "approximate"), ("value", "lower", "upper", "unit"),
              ("as_of", "as_of_precision", "period_start", "period_end"), "wording")
    autocomplete_fields = ("proposition",)
    formfield_overrides = {models.DecimalField: {"widget": PlainDecimalInput}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposition")


class ClaimStanceInline(ClaimPartInline, admin.TabularInline):
    model = ClaimStance
    extra = 0
    fields = ("proposition", "stance")
    autocomplete_fields = ("proposition",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposition")


class ClaimRelationInline(ClaimPartInline, admin.StackedInline):
    model = ClaimRelation
    fk_name = "source"
    extra = 0
    verbose_name = "relation to another claim"
    verbose_name_plural = "relations to other claims"
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 90})}}
    fields = (("kind", "target", "state"), "rationale", "suggested_by")
    readonly_fields = ("suggested_by",)
    autocomplete_fields = ("target",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target__claimant")

    def get_readonly_fields(self, request, obj=None):
        # Only reviewers decide on relations: a curator's relation is saved as suggested.
        if request.user.has_perm(workflow.PUBLISH_PERMISSION):
            return self.readonly_fields
        return (*self.readonly_fields, "state")


class ClaimActionForm(ActionForm):
    reason = forms.CharField(
        required=False, label="Reason", help_text="Required to retract or return to draft.",
        widget=forms.TextInput(attrs={"size": 40, "placeholder": "reason (retract / return to draft)"}),
    )


def _run_step(modeladmin, request, queryset, step, done, **kwargs):
    """Apply a workflow step to each selected claim; report what worked and, by claim, what did not."""
    succeeded = 0
    for claim in queryset.select_related(None).order_by("id"):
        try:
            step(claim=claim, by=request.user, **kwargs)
            succeeded += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"Not done for {claim.key}: {' '.join(error.messages)}", messages.ERROR)
    if succeeded:
        modeladmin.message_user(request, f"{succeeded:,} claim{'' if succeeded == 1 else 's'} {done}.", messages.SUCCESS)


@admin.register(Claim)
class ClaimAdmin(CuratedAdmin):
    form = ClaimForm
    action_form = ClaimActionForm
    # Fits the 760 px a changelist gets at 1,400 px beside the navigation and the filters: the key sits under
    # the summary; kind and first publication are filters and on the claim page.
    list_display = ("claim_display", "claimant", "stated_on_display", "status", "verdict", "credibility_display")
    list_display_links = ("claim_display",)
    list_filter = ("status", "kind", "hedge", "verdict", "credibility", ("interested", InterestedFilter),
                   ("claimant__kind", ClaimantKindFilter))
    list_select_related = ("claimant",)
    search_fields = ("search_text", "key")
    search_help_text = "Words of the summary, quotes or translations, or the claimant's name in any language."
    autocomplete_fields = ("claimant", "subjects")
    inlines = [JointClaimantInline, AppearanceInline, EstimateInline, ClaimStanceInline, ClaimRelationInline]
    actions = ["submit_for_review", "publish", "return_to_draft", "retract"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ("key", "claimant", "kind", "summary", "summary_language", "hedge", "interested")}),
        ("When and where", {"fields": ("stated_on", "stated_on_precision", "location", "location_country", "subjects")}),
        ("Curation", {"fields": ("status", "version", "expected_version", "first_published_on")}),
        ("Assessment", {"fields": ("verdict", "credibility", "rationale", "assessed_by", "assessed_at")}),
        ("Provenance", {"fields": IMPORT_RUN_FIELDS, "classes": ("collapse",)}),
    ]

    def history_sources(self, obj):
        """A claim's history holds its parts' changes too: appearances, their hops, estimates, stances, relations."""
        appearances = Appearance.history.filter(claim_id=obj.pk)
        return [
            ("", obj.history.all()),
            ("appearance", appearances, {"claim"}),
            ("attribution hop", AttributionHop.history.filter(appearance_id__in=appearances.values("id"))),
            ("estimate", Estimate.history.filter(claim_id=obj.pk), {"claim"}),
            ("stance", ClaimStance.history.filter(claim_id=obj.pk), {"claim"}),
            ("relation", ClaimRelation.history.filter(source_id=obj.pk), {"source"}),
        ]

    @admin.display(description="claim", ordering="key")
    def claim_display(self, obj):
        """The summary (two lines at most) with the key beneath, so that neither needs a column of its own."""
        summary = obj.summary if len(obj.summary) <= 110 else obj.summary[:109] + "…"
        return format_html('{}<br><span class="claim-key">{}</span>', summary, obj.key)

    @admin.display(description="credibility", ordering="credibility")
    def credibility_display(self, obj):
        if obj.credibility is None:
            return "—"
        return format_html('<span title="{}">{}</span>', obj.get_credibility_display(), obj.credibility)

    @admin.display(description="stated on", ordering="stated_on")
    def stated_on_display(self, obj):
        return claim_date(obj)

    def get_queryset(self, request):
        # A claim that states no date shows its document's publication date instead (display.claim_date).
        return super().get_queryset(request).annotate(document_published_on=first_document_date())

    def get_readonly_fields(self, request, obj=None):
        fields = ["status", "version", "first_published_on", "assessed_by", "assessed_at", *IMPORT_RUN_FIELDS]
        if not request.user.has_perm(workflow.ASSESS_PERMISSION):
            fields += list(workflow.ASSESSMENT_FIELDS)
        return fields

    def get_search_results(self, request, queryset, search_term):
        return search_normalised(queryset, search_term, fields=("search_text", "claimant__search_text")), False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or workflow.can_edit_claim(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return superuser_only_delete(request)

    def has_publish_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH_PERMISSION)

    def has_retract_permission(self, request):
        return request.user.has_perm(workflow.RETRACT_PERMISSION)

    def save_model(self, request, obj, form, change):
        workflow.claim_save(claim=obj, by=request.user, expected_version=form.cleaned_data.get("expected_version"))

    def save_formset(self, request, form, formset, change):
        # The inlines' rows go through the parts services: version raised, history of the claim, workflow.
        formset_save(formset=formset, by=request.user, new_claim_ids=() if change else (form.instance.pk,))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A conflict found only at save time (another save slipped in after validation) rolls the whole
        # save back; the curator gets the changes made in between and a fresh page, never a 500.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.WorkflowError as error:
            return refused_redirect(self, request, error)

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        _run_step(self, request, queryset, workflow.claim_submit, "submitted for review")

    @admin.action(description="Publish selected claims in review", permissions=["publish"])
    def publish(self, request, queryset):
        _run_step(self, request, queryset, workflow.claim_publish, "published")

    @admin.action(description="Return selected claims in review to draft (give a reason)", permissions=["publish"])
    def return_to_draft(self, request, queryset):
        _run_step(self, request, queryset, workflow.claim_return_to_draft, "returned to draft",
                  reason=request.POST.get("reason", ""))

    @admin.action(description="Retract selected claims (give a reason)", permissions=["retract"])
    def retract(self, request, queryset):
        _run_step(self, request, queryset, workflow.claim_retract, "retracted", reason=request.POST.get("reason", ""))

    def get_urls(self):
        queue = path("review-queue/", self.admin_site.admin_view(self.review_queue_view), name="claims_claim_review_queue")
        return [queue, *super().get_urls()]

    def review_queue_view(self, request):
        return review.review_queue_view(self, request)
