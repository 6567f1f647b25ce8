"""Pages of a claim's parts: appearances (with their attribution hops), hops, stances, estimates, relations.

Every save goes through ``claims.services.parts`` (see ``saving``): a curator changes parts of drafts only
(a POST to the page of a published claim's part is refused), moving a part to another claim needs the
right to edit both, each change raises the claim's version and shows in its history, and a page opened
before another change to the claim is refused with that change listed.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from factbase import dates
from factbase.admin import CuratedAdmin
from sources.admin import search_normalised

from ..extraction.admin import accept_rereports
from ..forms import APPEARANCE_FORM_FIELDS, AppearanceForm, RelayForm
from ..models import (
    Appearance,
    AttributionHop,
    ClaimRelation,
    ClaimStance,
    Estimate,
    EstimateWording,
)
from ..services import parts, workflow
from ..services.quotes import QuoteError, quote_locate, wording_check
from .claim import QUOTE_WIDGETS, hops_text, needs_review_words
from .display import PlainDecimalInput, claim_brief
from .saving import ClaimVersionForm, form_with_user, formset_save, part_save, refused_redirect


class ClaimPartAdmin(CuratedAdmin):
    """The page of one kind of part: its form knows the user and the claim's version; saves use the services."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        return form_with_user(super().get_form(request, obj, change=change, **kwargs), request.user, request)

    def save_model(self, request, obj, form, change):
        part_save(form=form, obj=obj, change=change, by=request.user)

    def delete_model(self, request, obj):
        parts.parts_remove(parts=[obj], by=request.user)

    def delete_queryset(self, request, queryset):
        parts.parts_remove(parts=list(queryset), by=request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or workflow.can_edit_claim(request.user, self.claim_of(obj)))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit_claim(request.user, self.claim_of(obj)))

    @staticmethod
    def claim_of(obj):
        return obj.appearance.claim if isinstance(obj, AttributionHop) else getattr(
            obj, parts.OWNER_FIELD[type(obj)])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.WorkflowError as error:
            return refused_redirect(self, request, error)


class AttributionHopInline(admin.StackedInline):
    """The relay chain, one entry per actor at a step: give two entries the same step number for parallel relays.
    Saved through the parts services by ``AppearanceAdmin.save_formset``. Stacked, three short rows per relay:
    seven columns side by side were wider than a 1,400 px screen."""

    model = AttributionHop
    form = RelayForm
    extra = 1
    fields = (("position", "actor"), ("relation", "medium", "language"), ("passed_on", "passed_on_precision"))
    autocomplete_fields = ("actor",)
    ordering = ("position", "id")
    verbose_name = "relay"
    verbose_name_plural = "relays (rows sharing a step number are parallel relays)"

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


class EstimateWordingForm(forms.ModelForm):
    """How this appearance's report worded an estimate of its claim; the offset in the quote is found when left empty."""

    offset = forms.IntegerField(min_value=0, required=False,
                                help_text="Where the wording starts in the quote; leave empty to have it found.")

    class Meta:
        model = EstimateWording
        fields = ["estimate", "wording", "offset"]

    def clean(self):
        cleaned = super().clean()
        appearance = getattr(self.instance, "appearance", None) if self.instance.appearance_id else None
        wording, offset = cleaned.get("wording"), cleaned.get("offset")
        if appearance is None or not wording or offset is not None:
            return cleaned
        try:
            match = quote_locate(body=appearance.quote, quote=wording)
            cleaned["offset"], cleaned["wording"] = match.start, match.text
        except QuoteError as error:
            raise ValidationError({"wording": str(error).replace("the quote", "the wording", 1).replace(
                "the document body", "the appearance's quote")}) from None
        return cleaned


class EstimateWordingInline(admin.TabularInline):
    model = EstimateWording
    form = EstimateWordingForm
    extra = 1
    fields = ("estimate", "wording", "offset")
    verbose_name = "wording of an estimate in this report"
    verbose_name_plural = "wordings of the estimates in this report (each must occur in the quote)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        estimates = Estimate.objects.filter(claim=obj.claim) if obj is not None else Estimate.objects.none()
        formset.form.base_fields["estimate"].queryset = estimates.select_related("proposition")
        return formset

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("estimate__proposition")

    def _editable(self, request, obj):
        return obj is not None and workflow.can_edit_claim(request.user, obj.claim)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or self._editable(request, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or self._editable(request, obj))


class AppearanceAdminForm(ClaimVersionForm, AppearanceForm):
    class Meta(AppearanceForm.Meta):
        fields = ["claim", *APPEARANCE_FORM_FIELDS]


class AttributionHopForm(ClaimVersionForm):
    class Meta:
        model = AttributionHop
        fields = ["appearance", "position", "actor", "relation", "medium", "language", "passed_on", "passed_on_precision"]


class ClaimStanceForm(ClaimVersionForm):
    class Meta:
        model = ClaimStance
        fields = ["claim", "proposition", "stance"]


class EstimateForm(ClaimVersionForm):
    class Meta:
        model = Estimate
        fields = ["claim", "proposition", "qualifier", "approximate", "value", "lower", "upper", "unit", "as_of",
                  "as_of_precision", "period_start", "period_end", "wording"]

    def clean(self):
        cleaned = super().clean()
        claim, wording = cleaned.get("claim"), cleaned.get("wording")
        if claim is not None and wording:
            try:
                wording_check(wording=wording, quotes=list(claim.appearances.values_list("quote", flat=True)))
            except QuoteError as error:
                self.add_error("wording", str(error))
        return cleaned


class ClaimRelationForm(ClaimVersionForm):
    class Meta:
        model = ClaimRelation
        fields = ["source", "kind", "target", "state", "rationale"]


@admin.register(Appearance)
class AppearanceAdmin(ClaimPartAdmin):
    form = AppearanceAdminForm
    list_display = ("quote_brief", "claim_text", "document", "start", "end", "needs_review_text")
    list_display_links = ("quote_brief",)
    list_filter = ("needs_review", "document__language", "document__kind")
    list_select_related = ("claim__claimant", "document")
    search_fields = ("quote", "translation", "claim__key", "document__key")
    autocomplete_fields = ("claim", "document")
    inlines = [AttributionHopInline, EstimateWordingInline]
    fields = ("claim", *APPEARANCE_FORM_FIELDS, "claim_version", "needs_review_text", "hops_summary")
    readonly_fields = ("needs_review_text", "hops_summary")

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["widgets"] = {**kwargs.get("widgets", {}), **QUOTE_WIDGETS}
        return super().get_form(request, obj, change=change, **kwargs)

    @admin.display(description="needs review", ordering="needs_review")
    def needs_review_text(self, obj):
        return needs_review_words(obj)

    @admin.display(description="quote", ordering="quote")
    def quote_brief(self, obj):
        return obj.quote if len(obj.quote) <= 80 else obj.quote[:80].rsplit(" ", 1)[0] + "…"

    @admin.display(description="claim", ordering="claim__key")
    def claim_text(self, obj):
        return claim_brief(obj.claim)

    @admin.display(description="attribution chain")
    def hops_summary(self, obj):
        return hops_text(obj) if obj.pk else "—"

    def save_formset(self, request, form, formset, change):
        formset_save(formset=formset, by=request.user)


@admin.register(AttributionHop)
class AttributionHopAdmin(ClaimPartAdmin):
    form = AttributionHopForm
    list_display = ("appearance", "position", "actor", "relation", "medium", "language", "passed_on")
    list_filter = ("relation", "medium", "language")
    list_select_related = ("appearance__claim", "appearance__document", "actor")
    search_fields = ("actor__search_text", "appearance__claim__key")
    autocomplete_fields = ("appearance", "actor")
    fields = ("appearance", "position", "actor", "relation", "medium", "language", "passed_on", "passed_on_precision",
              "claim_version")

    def get_search_results(self, request, queryset, search_term):
        return search_normalised(queryset, search_term, fields=("actor__search_text",), exact=("appearance__claim__key",)), False


@admin.register(ClaimStance)
class ClaimStanceAdmin(ClaimPartAdmin):
    form = ClaimStanceForm
    list_display = ("claim_text", "stance", "proposition")
    list_filter = ("stance",)
    list_select_related = ("claim__claimant", "proposition")
    search_fields = ("claim__key", "proposition__key", "proposition__title")
    autocomplete_fields = ("claim", "proposition")
    fields = ("claim", "proposition", "stance", "claim_version")

    @admin.display(description="claim", ordering="claim__key")
    def claim_text(self, obj):
        return claim_brief(obj.claim)


@admin.register(Estimate)
class EstimateAdmin(ClaimPartAdmin):
    form = EstimateForm
    list_display = ("claim_text", "proposition", "display_value", "qualifier", "as_of_text", "wording")
    list_filter = ("qualifier", "as_of_precision")
    list_select_related = ("claim__claimant", "proposition")
    search_fields = ("wording", "claim__key", "proposition__key", "proposition__title")
    autocomplete_fields = ("claim", "proposition")
    fields = ("claim", ("proposition", "qualifier", "approximate"), ("value", "lower", "upper", "unit"),
              ("as_of", "as_of_precision", "period_start", "period_end"), "wording", "claim_version")
    formfield_overrides = {models.DecimalField: {"widget": PlainDecimalInput}}

    @admin.display(description="value")
    def display_value(self, obj):
        return obj.display_value

    @admin.display(description="claim", ordering="claim__key")
    def claim_text(self, obj):
        return claim_brief(obj.claim)

    @admin.display(description="as of", ordering="as_of")
    def as_of_text(self, obj):
        return dates.describe(obj.as_of, obj.as_of_precision) if obj.as_of else "—"


@admin.register(ClaimRelation)
class ClaimRelationAdmin(ClaimPartAdmin):
    form = ClaimRelationForm
    list_display = ("source_brief", "kind", "target_brief", "state", "suggested_by")
    list_filter = ("kind", "state")
    list_select_related = ("source__claimant", "target__claimant")
    search_fields = ("source__key", "target__key", "rationale")
    autocomplete_fields = ("source", "target")
    fields = ("source", "kind", "target", "state", "rationale", "suggested_by", "claim_version")
    readonly_fields = ("suggested_by",)
    actions = ["accept_suggestions", "reject_suggestions", accept_rereports]

    # A claim's full text would push the kind, target and state columns off a 1,400 px screen: key and claimant.
    @admin.display(description="source", ordering="source__key")
    def source_brief(self, obj):
        return f"{obj.source.key} ({obj.source.claimant.name})"

    @admin.display(description="target", ordering="target__key")
    def target_brief(self, obj):
        return f"{obj.target.key} ({obj.target.claimant.name})"

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
                parts.relation_review(relation=relation, accept=accept, by=request.user)
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
