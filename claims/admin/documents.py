"""The document page, with the claims' quotes marked in the reading view's colours.

``sources`` never imports ``claims``, so its document admin can only highlight quotes in one colour. The
claims app, which knows claims, registers a subclass of it instead (as projects customise the User admin):
the body paragraph by paragraph, each claim's quote in its own colour (the reading view's, from
``reading.reading_marks``), linked to the claim, its claimant, claim and status on hover or focus (CSS
only: no script), and beside each paragraph a key of the claims quoted in it. Quotes that no longer
match the body are left unmarked and listed under *Quotes* instead, as before.
"""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from sources.admin import DocumentAdmin, document_quote_spans, format_html_join_stale
from sources.models import Document

from . import reading

QUOTES_SECTION = "Quotes in the body"
QUOTES_DESCRIPTION = (
    'Each claim\'s quote in its own colour (hover or focus a quote for its claimant, claim and status; follow it to '
    'the claim). To see the translations beside the text and to make claims from a selection: '
    '<a href="../read/" class="reading-link">read and make claims</a>.'
)


def quote_count(number: int) -> str:
    return f"{number:,} quote" + ("" if number == 1 else "s")


class DocumentWithClaimsAdmin(DocumentAdmin):
    fieldsets = [
        (name, {**options, "description": QUOTES_DESCRIPTION} if name == QUOTES_SECTION else options)
        for name, options in DocumentAdmin.fieldsets
    ]

    class Media:
        css = {"all": ("claims/reading.css",)}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            # The whole article, not a ten-line peephole.
            kwargs["widget"] = forms.Textarea(attrs={"rows": 18, "cols": 100, "class": "vLargeTextField"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="quotes")
    def quote_check(self, obj):
        if obj.pk is None:
            return "—"
        spans, stale = document_quote_spans(obj)
        if not stale:
            if not spans:
                return "No claim quotes this document yet."
            said = "The one quote matches" if len(spans) == 1 else f"All {quote_count(len(spans))} match"
            return format_html('<span class="quotes-ok">{} the body.</span>', said)
        said = (f"{quote_count(1)} no longer matches the body and needs" if len(stale) == 1
                else f"{quote_count(len(stale))} no longer match the body and need")
        return format_html('<strong class="quotes-stale">{} review:</strong><ul>{}</ul>', said, format_html_join_stale(stale))

    @admin.display(description="body with quotes")
    def highlighted_body(self, obj):
        if obj.pk is None:
            return "—"
        body = obj.body
        marks = [m for m in reading.reading_marks(obj)
                 if not m.appearance.needs_review and body[m.appearance.start:m.appearance.end] == m.appearance.quote]
        rows = []
        for start, end in reading.paragraph_bounds(body):
            notes = [m for m in marks if start <= m.appearance.start < end]
            key = format_html_join(
                "", '<li class="note c{}{}"><span class="swatch" aria-hidden="true"></span> <a href="{}">{}</a> '
                    '<span class="note-status">{}</span></li>',
                ((m.colour, " candidate" if m.candidate else "", reverse("admin:claims_claim_change", args=[m.claim.pk]),
                  m.claim.key, "candidate" if m.candidate else m.claim.get_status_display()) for m in notes),
            )
            rows.append(format_html(
                '<div class="reading-row"><p class="para">{}</p><ul class="notes document-key" lang="en">{}</ul></div>',
                mark_safe(reading.render_paragraph(body, start, end, marks, link=True)), key,
            ))
        return format_html('<div class="reading document-quotes document-body" lang="{}">{}</div>', obj.language, mark_safe("".join(rows)))


admin.site.unregister(Document)
admin.site.register(Document, DocumentWithClaimsAdmin)
