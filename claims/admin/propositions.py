"""The proposition page: its stances and the chart of its estimates."""

from django import forms
from django.contrib import admin
from django.urls import reverse

from factbase.admin import IMPORT_RUN_FIELDS, CuratedAdmin

from ..analysis.charts import chart_series, estimates_chart_svg
from ..analysis.corroboration import independent_origins
from ..analysis.synthesis import proposition_synthesis
from ..analysis.timeline import proposition_timeline
from ..models import (
    ClaimStance,
    Proposition,
    QuantityRelation,
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


def proposition_synthesis_context(*, proposition, user, known_on_text: str | None) -> dict:
    """The synthesis (as known on ``known_on_text``, a YYYY-MM-DD date or nothing), related quantities and the
    dates a curator may pick, for ``templates/admin/claims/proposition/provenance.html``."""
    from factbase.dates import DateFormatError, parse_date_with_precision

    known_on, error = None, ""
    if known_on_text:
        try:
            known_on, precision = parse_date_with_precision(known_on_text)
            if precision != "day":
                raise DateFormatError(f"give a day (YYYY-MM-DD), not {known_on_text!r}")
        except DateFormatError as problem:
            known_on, error = None, f"known_on: {problem}; showing everything"
    claims = visible_claims(user=user)
    synthesis = proposition_synthesis(proposition=proposition, claims=claims, known_on=known_on)
    dates = sorted(set(claims_about_proposition(claims=claims, proposition=proposition).exclude(
        first_published_on=None).values_list("first_published_on", flat=True)))
    return {
        "synthesis": synthesis,
        "synthesis_groups": [("Independent origins", synthesis["independent"]), ("Interested parties", synthesis["interested"])],
        "synthesis_dates": dates,
        "synthesis_error": error,
        "quantity_parts": QuantityRelation.objects.filter(whole=proposition).select_related("part").order_by("kind", "part__title"),
        "quantity_wholes": QuantityRelation.objects.filter(part=proposition).select_related("whole").order_by("kind", "whole__title"),
    }


class QuantityPartInline(admin.TabularInline):
    """The parts of this proposition (killed and wounded of casualties), or the same measure in other units."""

    model = QuantityRelation
    fk_name = "whole"
    extra = 0
    fields = ("part", "kind", "factor")
    autocomplete_fields = ("part",)
    verbose_name = "part (or the same measure in another unit)"
    verbose_name_plural = "parts and other units"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("part")


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
    inlines = [QuantityPartInline, PropositionStanceInline]
    change_form_template = "admin/claims/proposition/change_form.html"
    fieldsets = [
        (None, {"fields": ("key", "title", "description", "kind", "measure", "unit", "cumulative", "subjects")}),
        ("Status", {"fields": ("status", "status_rationale")}),
        ("Provenance", {"fields": IMPORT_RUN_FIELDS, "classes": ("collapse",)}),
    ]
    readonly_fields = IMPORT_RUN_FIELDS

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "title":
            # A title is a phrase ("Deaths among North Korean troops deployed to Russia"): shown whole.
            kwargs["widget"] = forms.TextInput(attrs={"class": "vTextField wide-text-input"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

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
            extra_context.update(proposition_synthesis_context(
                proposition=proposition, user=request.user, known_on_text=request.GET.get("known_on")))
        return super().change_view(request, object_id, form_url, extra_context)
