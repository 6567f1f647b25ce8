"""Curating claims in the Django admin: one screen per claim, the review workflow, history, charts.

The claim page edits the claim with its appearances, estimates, proposition stances and relations.
Attribution hops are ordered per appearance and Django has no nested inlines, so the claim's
appearance inline shows them as a read-only summary with a link to the appearance page, where they are
edited as an inline. Every write to a claim goes through ``claims.services.workflow``; the change form carries
the version it was opened on and a save on a stale copy is refused with what changed in between.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from factbase.admin import IMPORT_RUN_FIELDS, CuratedAdmin, superuser_only_delete
from sources.admin import search_normalised

from .services import workflow
from .analysis.charts import estimates_chart_svg
from .analysis.corroboration import independent_origins
from .analysis.relations import relation_review
from .forms import APPEARANCE_FORM_FIELDS, AppearanceForm, ClaimForm
from .models import (
    Appearance,
    AttributionHop,
    Claim,
    ClaimRelation,
    ClaimStance,
    ClaimStatus,
    Estimate,
    Proposition,
)
from .selectors import claims_about_proposition, visible_claims
from .analysis.timeline import proposition_timeline


def _hops_text(appearance) -> str:
    hops = list(appearance.hops.all())
    if not hops:
        return "— (the document quotes the claimant directly)"
    chain = " → ".join(
        f"{hop.actor} ({hop.get_relation_display()}{', ' + hop.language if hop.language else ''})" for hop in hops
    )
    return f"document → {chain} → {appearance.claim.claimant}"


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
    fields = (*APPEARANCE_FORM_FIELDS, "needs_review", "hops_summary")
    readonly_fields = ("needs_review", "hops_summary")
    autocomplete_fields = ("document",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document", "claim__claimant").prefetch_related("hops__actor")

    @admin.display(description="attribution hops")
    def hops_summary(self, obj):
        if obj.pk is None:
            return "Save first, then add the hops on the appearance's own page."
        return format_html(
            '{} <a href="{}">edit hops</a>', _hops_text(obj), reverse("admin:claims_appearance_change", args=[obj.pk])
        )


class EstimateInline(ClaimPartInline, admin.TabularInline):
    model = Estimate
    extra = 1
    fields = ("proposition", "qualifier", "value", "lower", "upper", "unit", "as_of", "as_of_precision",
              "period_start", "period_end", "wording")
    autocomplete_fields = ("proposition",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposition")


class ClaimStanceInline(ClaimPartInline, admin.TabularInline):
    model = ClaimStance
    extra = 0
    fields = ("proposition", "stance")
    autocomplete_fields = ("proposition",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposition")


class ClaimRelationInline(ClaimPartInline, admin.TabularInline):
    model = ClaimRelation
    fk_name = "source"
    extra = 0
    verbose_name = "relation to another claim"
    fields = ("kind", "target", "state", "rationale", "suggested_by")
    readonly_fields = ("suggested_by",)
    autocomplete_fields = ("target",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target__claimant")


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
        modeladmin.message_user(request, f"{succeeded} claim(s) {done}.", messages.SUCCESS)


@admin.register(Claim)
class ClaimAdmin(CuratedAdmin):
    form = ClaimForm
    action_form = ClaimActionForm
    list_display = ("key", "claimant", "kind", "short_summary", "stated_on_display", "status", "verdict",
                    "credibility", "first_published_on")
    list_display_links = ("key",)
    list_filter = ("status", "kind", "hedge", "verdict", "credibility", "interested", "claimant__kind")
    list_select_related = ("claimant",)
    search_fields = ("search_text", "key")
    search_help_text = "Words of the summary, quotes or translations, or the claimant's name in any language."
    autocomplete_fields = ("claimant", "subjects")
    inlines = [AppearanceInline, EstimateInline, ClaimStanceInline, ClaimRelationInline]
    actions = ["submit_for_review", "publish", "return_to_draft", "retract"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ("key", "claimant", "kind", "summary", "summary_language", "hedge", "interested")}),
        ("When and where", {"fields": ("stated_on", "stated_on_precision", "location", "location_country", "subjects")}),
        ("Curation", {"fields": ("status", "version", "expected_version", "first_published_on")}),
        ("Assessment", {"fields": ("verdict", "credibility", "rationale", "assessed_by", "assessed_at")}),
        ("Provenance", {"fields": IMPORT_RUN_FIELDS, "classes": ("collapse",)}),
    ]

    @admin.display(description="summary")
    def short_summary(self, obj):
        return obj.summary if len(obj.summary) <= 90 else obj.summary[:89] + "…"

    @admin.display(description="stated on", ordering="stated_on")
    def stated_on_display(self, obj):
        return obj.stated_on_display

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
        obj._history_user = request.user
        workflow.claim_save(claim=obj, by=request.user, expected_version=form.cleaned_data.get("expected_version"))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A conflict found only at save time (another save slipped in after validation) rolls the whole
        # save back; the curator gets the changes made in between and a fresh page, never a 500.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.WorkflowError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

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
        """Claims awaiting review, oldest submission first, with what a reviewer needs to judge them."""
        if not self.has_view_permission(request):
            raise PermissionDenied("you may not view claims")
        claims = (
            Claim.objects.filter(status=ClaimStatus.IN_REVIEW)
            .select_related("claimant")
            .annotate(
                appearance_count=Count("appearances", distinct=True),
                estimate_count=Count("estimates", distinct=True),
                stale_count=Count("appearances", filter=Q(appearances__needs_review=True), distinct=True),
            )
            .order_by("updated_at", "id")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Review queue: claims awaiting review",
            "opts": self.model._meta,
            "claims": claims,
            "can_publish": self.has_publish_permission(request),
            "changelist_url": reverse("admin:claims_claim_changelist") + f"?status__exact={ClaimStatus.IN_REVIEW}",
        }
        return TemplateResponse(request, "admin/claims/claim/review_queue.html", context)


class AttributionHopInline(admin.TabularInline):
    model = AttributionHop
    extra = 1
    fields = ("position", "actor", "relation", "language")
    autocomplete_fields = ("actor",)
    ordering = ("position",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")

    def _editable(self, request, obj):
        return obj is None or workflow.can_edit_claim(request.user, obj.claim)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


class AppearanceAdminForm(AppearanceForm):
    class Meta(AppearanceForm.Meta):
        fields = ["claim", *APPEARANCE_FORM_FIELDS]


@admin.register(Appearance)
class AppearanceAdmin(CuratedAdmin):
    form = AppearanceAdminForm
    list_display = ("__str__", "claim", "document", "start", "end", "needs_review")
    list_filter = ("needs_review", "document__language", "document__kind")
    list_select_related = ("claim__claimant", "document")
    search_fields = ("quote", "translation", "claim__key", "document__key")
    autocomplete_fields = ("claim", "document")
    inlines = [AttributionHopInline]
    fields = ("claim", *APPEARANCE_FORM_FIELDS, "needs_review", "hops_summary")
    readonly_fields = ("needs_review", "hops_summary")

    @admin.display(description="attribution chain")
    def hops_summary(self, obj):
        return _hops_text(obj) if obj.pk else "—"

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit_claim(request.user, obj.claim)
        )


@admin.register(AttributionHop)
class AttributionHopAdmin(CuratedAdmin):
    list_display = ("appearance", "position", "actor", "relation", "language")
    list_filter = ("relation", "language")
    list_select_related = ("appearance__claim", "appearance__document", "actor")
    search_fields = ("actor__search_text", "appearance__claim__key")
    autocomplete_fields = ("appearance", "actor")
    fields = ("appearance", "position", "actor", "relation", "language")

    def get_search_results(self, request, queryset, search_term):
        return search_normalised(queryset, search_term, fields=("actor__search_text",), exact=("appearance__claim__key",)), False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit_claim(request.user, obj.appearance.claim)
        )


def proposition_chart_context(*, proposition, user) -> dict:
    """The chart, table and independent-origin count of a proposition as ``user`` may see it."""
    claims = visible_claims(user=user)
    timeline = proposition_timeline(proposition=proposition, claims=claims)
    by_claimant = {}
    for row in timeline["estimates"]:
        key = row["claimant"]["key"]
        entry = by_claimant.setdefault(key, {"label": row["claimant"]["name"], "points": []})
        entry["points"].append({
            "date": row["holds_on"], "value": row["value"], "lower": row["lower"], "upper": row["upper"],
            "qualifier": row["qualifier"], "wording": row["wording"],
        })
    series = [by_claimant[s["claimant"]["key"]] for s in timeline["series"]]
    return {
        "timeline": timeline,
        "chart": estimates_chart_svg(series=series, unit=proposition.unit, title=proposition.title),
        "origins_all": independent_origins(claims=claims_about_proposition(claims=claims, proposition=proposition)),
    }


class PropositionStanceInline(admin.TabularInline):
    model = ClaimStance
    extra = 0
    fields = ("claim", "stance")
    autocomplete_fields = ("claim",)
    verbose_name = "claim's stance"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("claim__claimant")


@admin.register(Proposition)
class PropositionAdmin(CuratedAdmin):
    list_display = ("title", "key", "kind", "measure", "unit", "status")
    list_filter = ("kind", "status")
    search_fields = ("key", "title", "description")
    autocomplete_fields = ("subjects",)
    inlines = [PropositionStanceInline]
    change_form_template = "admin/claims/proposition/change_form.html"
    fieldsets = [
        (None, {"fields": ("key", "title", "description", "kind", "measure", "unit", "subjects")}),
        ("Status", {"fields": ("status", "status_rationale")}),
        ("Provenance", {"fields": IMPORT_RUN_FIELDS, "classes": ("collapse",)}),
    ]
    readonly_fields = IMPORT_RUN_FIELDS

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposition = self.get_object(request, object_id)
        extra_context = dict(extra_context or {})
        if proposition is not None:
            extra_context.update(proposition_chart_context(proposition=proposition, user=request.user))
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ClaimStance)
class ClaimStanceAdmin(CuratedAdmin):
    list_display = ("claim", "stance", "proposition")
    list_filter = ("stance",)
    list_select_related = ("claim__claimant", "proposition")
    search_fields = ("claim__key", "proposition__key", "proposition__title")
    autocomplete_fields = ("claim", "proposition")
    fields = ("claim", "proposition", "stance")


@admin.register(Estimate)
class EstimateAdmin(CuratedAdmin):
    list_display = ("claim", "proposition", "display_value", "qualifier", "as_of", "wording")
    list_filter = ("qualifier", "as_of_precision")
    list_select_related = ("claim__claimant", "proposition")
    search_fields = ("wording", "claim__key", "proposition__key", "proposition__title")
    autocomplete_fields = ("claim", "proposition")
    fields = ("claim", "proposition", "qualifier", "value", "lower", "upper", "unit", "as_of", "as_of_precision",
              "period_start", "period_end", "wording")

    @admin.display(description="value")
    def display_value(self, obj):
        return obj.display_value

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit_claim(request.user, obj.claim)
        )


@admin.register(ClaimRelation)
class ClaimRelationAdmin(CuratedAdmin):
    list_display = ("source", "kind", "target", "state", "suggested_by")
    list_filter = ("kind", "state")
    list_select_related = ("source__claimant", "target__claimant")
    search_fields = ("source__key", "target__key", "rationale")
    autocomplete_fields = ("source", "target")
    fields = ("source", "kind", "target", "state", "rationale", "suggested_by")
    readonly_fields = ("suggested_by",)
    actions = ["accept_suggestions", "reject_suggestions"]

    def get_readonly_fields(self, request, obj=None):
        # Only reviewers decide on suggestions; curators may record relations but not accept or reject them.
        if self.has_review_permission(request):
            return self.readonly_fields
        return (*self.readonly_fields, "state")

    def has_review_permission(self, request):
        return request.user.has_perm(workflow.PUBLISH_PERMISSION)

    def _review(self, request, queryset, *, accept):
        done = 0
        for relation in queryset.select_related("source", "target"):
            try:
                relation_review(relation=relation, accept=accept, by=request.user)
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{relation}: {' '.join(getattr(error, 'messages', [str(error)]))}", messages.ERROR)
            else:
                done += 1
        self.message_user(request, f"{done} relation(s) {'accepted' if accept else 'rejected'}.", messages.SUCCESS)

    @admin.action(description="Accept selected suggested relations", permissions=["review"])
    def accept_suggestions(self, request, queryset):
        self._review(request, queryset, accept=True)

    @admin.action(description="Reject selected suggested relations (kept, never suggested again)", permissions=["review"])
    def reject_suggestions(self, request, queryset):
        self._review(request, queryset, accept=False)

