"""Pages of a claim's parts: appearances (with their attribution hops), hops, stances, estimates, relations."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from factbase.admin import CuratedAdmin
from sources.admin import search_normalised

from ..analysis.relations import relation_review
from ..extraction.admin import accept_rereports
from ..forms import APPEARANCE_FORM_FIELDS, AppearanceForm
from ..models import (
    Appearance,
    AttributionHop,
    ClaimRelation,
    ClaimStance,
    Estimate,
)
from ..services import workflow
from .claim import hops_text


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
        return hops_text(obj) if obj.pk else "—"

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
    list_display = ("source_brief", "kind", "target_brief", "state", "suggested_by")
    list_filter = ("kind", "state")
    list_select_related = ("source__claimant", "target__claimant")
    search_fields = ("source__key", "target__key", "rationale")
    autocomplete_fields = ("source", "target")
    fields = ("source", "kind", "target", "state", "rationale", "suggested_by")
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
