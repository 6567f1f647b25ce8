"""Curating who speaks and where it was recorded: actors (with aliases) and documents.

Actor search (and so every actor autocomplete) runs on ``Actor.search_text``, the normalised name,
key and aliases: "πουτιν" finds "Πούτιν", "kim jong un" finds "Kim Jong-un".

The document page shows the body with every appearance's quote highlighted and linked to its claim.
sources never imports claims: the appearances are read through the reverse relation
``document.appearances`` and the claim page through its admin URL name.
"""

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from factbase.admin import IMPORT_RUN_FIELDS, CuratedAdmin, superuser_only_delete
from factbase.cleaning import FULL
from factbase.text import search_terms

from .models import Actor, ActorAlias, AliasKind, Document
from .services import actor_alias_remove, actor_alias_save, actor_aliases_add, actor_save, document_save


def search_normalised(queryset, search_term, *, fields=("search_text",), exact=("key",)):
    """Rows where every normalised word of ``search_term`` occurs in one of ``fields`` (or ``exact`` matches)."""
    terms = search_terms(search_term)
    if not terms:
        return queryset
    condition = Q()
    for term in terms:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__contains": term})
        condition &= any_field
    for field in exact:
        condition |= Q(**{field: search_term.strip()})
    return queryset.filter(condition)


class ActorAliasForm(forms.ModelForm):
    """An alias row without a kind (a form from before descriptors existed) is a name."""

    class Meta:
        model = ActorAlias
        fields = ("actor", "name", "language", "kind")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = False

    def clean_kind(self):
        return self.cleaned_data.get("kind") or AliasKind.NAME


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    form = ActorAliasForm
    fields = ("name", "language", "kind")
    extra = 1


@admin.register(Actor)
class ActorAdmin(CuratedAdmin):
    list_display = ("name", "key", "kind", "country", "parent", "reliability")
    list_filter = ("kind", "reliability", "country")
    list_select_related = ("parent",)
    search_fields = ("search_text",)
    search_help_text = "Name, key or any alias, in any language; case and accents do not matter."
    autocomplete_fields = ("parent",)
    inlines = [ActorAliasInline]
    fieldsets = [
        (None, {"fields": ("key", "name", "kind", "country", "parent", "description", "wikidata_id")}),
        ("Reliability", {"fields": ("reliability", "reliability_rationale")}),
        ("Provenance", {"fields": IMPORT_RUN_FIELDS, "classes": ("collapse",)}),
    ]
    readonly_fields = IMPORT_RUN_FIELDS

    def get_search_results(self, request, queryset, search_term):
        return search_normalised(queryset, search_term), False

    def save_model(self, request, obj, form, change):
        actor_save(actor=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        # Aliases go through the alias services, which refresh what the actor is found by.
        formset.save(commit=False)
        for alias in formset.deleted_objects:
            actor_alias_remove(alias=alias, by=request.user)
        for alias, _fields in formset.changed_objects:
            actor_alias_save(alias=alias, by=request.user)
        if formset.new_objects:
            actor_aliases_add(aliases=list(formset.new_objects), by=request.user, validate=FULL)


@admin.register(ActorAlias)
class ActorAliasAdmin(CuratedAdmin):
    form = ActorAliasForm
    list_display = ("name", "language", "kind", "actor")
    list_filter = ("language", "kind")
    list_select_related = ("actor",)
    search_fields = ("name", "actor__search_text")
    autocomplete_fields = ("actor",)
    fields = ("actor", "name", "language", "kind")

    def get_search_results(self, request, queryset, search_term):
        return search_normalised(queryset, search_term, fields=("actor__search_text",), exact=("name",)), False

    def save_model(self, request, obj, form, change):
        actor_alias_save(alias=obj, by=request.user)

    def delete_model(self, request, obj):
        actor_alias_remove(alias=obj, by=request.user)


def render_highlighted_body(*, body: str, spans: list[dict]) -> SafeString:
    """``body`` as HTML (everything escaped) with each span ``{"start", "end", "href", "title"}`` marked
    and linked. Overlapping spans split the text into segments; a segment links to the innermost span."""
    boundaries = sorted({0, len(body), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    parts = []
    for a, b in zip(boundaries, boundaries[1:]):
        text = escape(body[a:b])
        covering = [s for s in spans if s["start"] <= a and s["end"] >= b]
        if not covering:
            parts.append(text)
            continue
        inner = min(covering, key=lambda s: s["end"] - s["start"])
        titles = "; ".join(s["title"] for s in covering)
        parts.append(format_html('<a class="quote" href="{}" title="{}"><mark>{}</mark></a>', inner["href"], titles, text))
    return mark_safe('<div class="document-body" style="white-space: pre-wrap; max-width: 60em; line-height: 1.6">'
                     + "".join(parts) + "</div>")


def document_quote_spans(document) -> tuple[list[dict], list]:
    """The matching quote spans of ``document`` (for highlighting) and the appearances that no longer match."""
    spans, stale = [], []
    appearances = document.appearances.select_related("claim__claimant").order_by("start", "id")
    for appearance in appearances:
        matches = document.body[appearance.start:appearance.end] == appearance.quote
        if not matches or appearance.needs_review:
            stale.append(appearance)
            continue
        claim = appearance.claim
        spans.append({
            "start": appearance.start, "end": appearance.end,
            "href": reverse("admin:claims_claim_change", args=[claim.pk]),
            "title": f"{claim.key} — {claim.claimant}: {claim.summary[:120]}",
        })
    return spans, stale


@admin.register(Document)
class DocumentAdmin(CuratedAdmin):
    list_display = ("key", "title", "kind", "publisher", "language", "published_on")
    list_filter = ("kind", "language", "published_on")
    list_select_related = ("publisher",)
    search_fields = ("key", "title", "url", "authors")
    date_hierarchy = "published_on"
    autocomplete_fields = ("publisher",)
    readonly_fields = ("body_sha256", "quote_check", "highlighted_body", *IMPORT_RUN_FIELDS,
                       "warc_archive", "warc_record_id", "warc_payload_digest")
    fieldsets = [
        (None, {"fields": ("key", "kind", "title", "url", "archive_url", "publisher", "authors", "language")}),
        ("Dates", {"fields": ("published_on", "published_time", "retrieved_at")}),
        ("Text", {"fields": ("body", "body_sha256", "quote_check")}),
        ("Capture", {"fields": ("warc_archive", "warc_record_id", "warc_payload_digest")}),
        ("Quotes in the body", {
            "fields": ("highlighted_body",),
            "description": 'Each claim in its own colour, translations beside the text, and claims made from a '
                           'selection: <a href="../read/" class="reading-link">read and make claims</a>.',
        }),
        ("Provenance", {"fields": IMPORT_RUN_FIELDS, "classes": ("collapse",)}),
    ]

    def has_delete_permission(self, request, obj=None):
        return superuser_only_delete(request)

    def save_model(self, request, obj, form, change):
        # The one writer of documents: hashes and seals a changed body and re-verifies its quotes.
        document_save(document=obj, by=request.user)

    @admin.display(description="quotes")
    def quote_check(self, obj):
        if obj.pk is None:
            return "—"
        spans, stale = document_quote_spans(obj)
        if not stale:
            return format_html('<span class="quotes-ok">All {} quote(s) match the body.</span>', len(spans))
        items = format_html_join_stale(stale)
        return format_html(
            '<strong class="quotes-stale">{} quote(s) no longer match the body and need review:</strong><ul>{}</ul>',
            len(stale), items,
        )

    @admin.display(description="body with quotes")
    def highlighted_body(self, obj):
        if obj.pk is None:
            return "—"
        spans, _ = document_quote_spans(obj)
        return render_highlighted_body(body=obj.body, spans=spans)


def format_html_join_stale(appearances) -> SafeString:
    return mark_safe("".join(
        format_html(
            '<li><a href="{}">{}</a> [{}:{}] “{}”</li>',
            reverse("admin:claims_appearance_change", args=[a.pk]), a.claim.key, a.start, a.end, a.quote[:120],
        )
        for a in appearances
    ))
