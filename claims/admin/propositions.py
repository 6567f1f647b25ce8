"""The proposition page: its stances and the chart of its estimates."""

from django.contrib import admin
from django.urls import reverse

from factbase.admin import IMPORT_RUN_FIELDS, CuratedAdmin

from ..analysis.charts import chart_series, estimates_chart_svg
from ..analysis.corroboration import independent_origins
from ..analysis.timeline import proposition_timeline
from ..models import (
    ClaimStance,
    Proposition,
)
from ..selectors import claims_about_proposition, visible_claims
from ..services import workflow
from ..services.propositions import proposition_save
from .saving import formset_save, refused_redirect


def proposition_chart_context(*, proposition, user) -> dict:
    """The chart, table and independent-origin count of a proposition as ``user`` may see it."""
    claims = visible_claims(user=user)
    timeline = proposition_timeline(proposition=proposition, claims=claims)
    series = chart_series(timeline)
    return {
        "timeline": timeline,
        "chart": estimates_chart_svg(series=series, unit=proposition.unit, title=proposition.title),
        "embed_url": reverse("proposition-chart-svg", args=[proposition.key]),
        "origins_all": independent_origins(claims=claims_about_proposition(claims=claims, proposition=proposition)),
    }


class PropositionStanceInline(admin.TabularInline):
    """Claims' stances on this proposition; each row is a part of its claim (curators: drafts only)."""

    model = ClaimStance
    extra = 0
    fields = ("claim", "stance")
    autocomplete_fields = ("claim",)
    verbose_name = "claim taking a stance"
    verbose_name_plural = "claims taking a stance"

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

    def save_model(self, request, obj, form, change):
        proposition_save(proposition=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        # A stance is a part of its claim: the workflow, the claim's version and history apply.
        formset_save(formset=formset, by=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.WorkflowError as error:
            return refused_redirect(self, request, error)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposition = self.get_object(request, object_id)
        extra_context = dict(extra_context or {})
        if proposition is not None:
            extra_context.update(proposition_chart_context(proposition=proposition, user=request.user))
        return super().change_view(request, object_id, form_url, extra_context)
