"""The reading view of a document: make claims from the text itself, and decide on extraction's candidates.

``/admin/sources/document/<id>/read/`` shows the body paragraph by paragraph. Each claim's quote is
marked in its own colour (hovering or focusing a mark shows the claimant, the claim and its status);
beside each paragraph are the claims quoted in it, with their translation where one exists, and the
candidates extraction proposed there, each with *accept*, *reject* and *merge into* buttons.

Selecting words of the body (``claims/static/claims/reading.js``, no dependency) offers **new claim from
this quote** and **add as an appearance of claim …**. Every piece of the rendered body carries its own
character offsets (``data-o``/``data-e``), so the offsets sent are the body's by construction; the body
itself rides along as JSON so the script can check the selection before anything is sent, and the
server checks the quote against the body again. Without JavaScript the page reads the same and the
candidate buttons (plain forms) still work; only selecting is unavailable.

Writes go through ``writes.py`` only. Bad input re-renders the page with status 400 and says what was
wrong; nothing is written then.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from factbase import dates
from factbase.choices import DatePrecision
from factbase.text import search_terms
from sources.models import Actor, Document

from ..models import Appearance, Claim, ClaimKind, ClaimRelation, ClaimStatus, Hedge, RelationKind, RelationState
from ..services import workflow
from . import writes
from .display import language_name

# Light fills with a darker underline of the same hue: adjacent quotes never share a colour (the index
# cycles in reading order), and the underline keeps them apart for readers who do not see the hue.
COLOURS = 10
PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\r\f\v]*\n\s*")


@dataclass
class Mark:
    """One claim's span in the body, as the reading view shows it."""

    appearance: Appearance
    colour: int
    candidate: bool
    suggested_into: list = field(default_factory=list)

    @property
    def claim(self):
        return self.appearance.claim

    @property
    def who_and_what(self) -> str:
        """The claimant's name, a colon and the summary; the name once (extraction's summaries begin with it)."""
        name, summary = str(self.claim.claimant.name), self.claim.summary
        return summary if summary.startswith(f"{name}:") else f"{name}: {summary}"

    @property
    def tip(self) -> str:
        claim = self.claim
        what = "candidate" if self.candidate else claim.get_status_display()
        return f"{claim.claimant} — {claim.key} ({what}): {claim.summary[:160]}"


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph (text between blank lines) of ``body``."""
    bounds, position = [], 0
    for separator in PARAGRAPH_BREAK.finditer(body):
        if separator.start() > position:
            bounds.append((position, separator.start()))
        position = separator.end()
    if position < len(body):
        bounds.append((position, len(body)))
    return bounds


def _pieces(body: str, start: int, end: int):
    """``[start, end)`` cut around carriage returns: HTML parsing turns them into line feeds, which would
    shift every offset measured in the browser; they are left out of the rendered text instead."""
    position = start
    while position < end:
        cr = body.find("\r", position, end)
        if cr == -1:
            yield position, end
            return
        if cr > position:
            yield position, cr
        position = cr + 1


def render_paragraph(body: str, start: int, end: int, marks: list[Mark], *, link: bool = False):
    """The HTML of one paragraph: every piece of text carries its offsets; marked pieces carry the colour
    of the innermost claim covering them and name every claim that does. ``link``: each marked piece is
    also a link to the innermost claim's page (the document page; the reading view keeps text selectable)."""
    inside = [m for m in marks if m.appearance.start < end and m.appearance.end > start]
    cuts = sorted({start, end, *(max(start, min(end, m.appearance.start)) for m in inside),
                   *(max(start, min(end, m.appearance.end)) for m in inside)})
    html = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.appearance.start <= a and m.appearance.end >= b]
        for piece_start, piece_end in _pieces(body, a, b):
            text = body[piece_start:piece_end]
            if not covering:
                html.append(format_html('<span data-o="{}" data-e="{}">{}</span>', piece_start, piece_end, text))
                continue
            inner = min(covering, key=lambda m: (m.appearance.end - m.appearance.start, m.appearance.pk))
            classes = f"q c{inner.colour}" + (" candidate" if inner.candidate else "") + (" nested" if len(covering) > 1 else "")
            tip = "\n".join(m.tip for m in covering)
            if link:
                html.append(format_html(
                    '<a class="quote" href="{}"><mark class="{}" data-claims="{}" title="{}" data-tip="{}">{}</mark></a>',
                    reverse("admin:claims_claim_change", args=[inner.claim.pk]), classes,
                    " ".join(m.claim.key for m in covering), tip, tip, text,
                ))
                continue
            html.append(format_html(
                '<mark class="{}" tabindex="0" data-o="{}" data-e="{}" data-claims="{}" title="{}" data-tip="{}">{}</mark>',
                classes, piece_start, piece_end, " ".join(m.claim.key for m in covering), tip, tip, text,
            ))
    return "".join(html)


def reading_marks(document: Document) -> list[Mark]:
    """Every appearance in ``document`` (retracted claims left out), coloured in reading order, with the
    claims a candidate was suggested to repeat."""
    appearances = list(
        Appearance.objects.filter(document=document)
        .exclude(claim__status=ClaimStatus.RETRACTED)
        .select_related("claim__claimant", "claim__first_import_run")
        .order_by("start", "end", "id")
    )
    candidates = {a.claim_id for a in appearances if writes.is_candidate(a.claim)}
    suggested: dict[int, list] = {}
    if candidates:
        for relation in (ClaimRelation.objects.filter(source_id__in=candidates, kind=RelationKind.REPEATS)
                         .exclude(state=RelationState.REJECTED).select_related("target")):
            suggested.setdefault(relation.source_id, []).append(relation.target)
    colour_of: dict[int, int] = {}
    marks = []
    for appearance in appearances:
        colour = colour_of.setdefault(appearance.claim_id, len(colour_of) % COLOURS)
        marks.append(Mark(appearance=appearance, colour=colour, candidate=appearance.claim_id in candidates,
                          suggested_into=suggested.get(appearance.claim_id, [])))
    return marks


def resolve_actor(text: str) -> Actor:
    """The actor named by ``text``: its key, else the one actor whose names hold every word of it."""
    text = (text or "").strip()
    if not text:
        raise ValidationError("name the claimant (its key or a name)", code="no_claimant")
    actor = Actor.objects.filter(key=text).first()
    if actor is not None:
        return actor
    terms = search_terms(text)
    query = Q()
    for term in terms:
        query &= Q(search_text__contains=term)
    found = list(Actor.objects.filter(query).order_by("name")[:6]) if terms else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError(f"no actor is called {text!r}: give its key, or add the actor first", code="no_actor")
    names = ", ".join(f"{a.name} ({a.key})" for a in found[:5])
    raise ValidationError(f"{text!r} names several actors ({names}): give the key", code="ambiguous_actor")


def resolve_claim(text: str) -> Claim:
    text = (text or "").strip()
    claim = Claim.objects.select_related("first_import_run").filter(key=text).first() if text else None
    if claim is None:
        raise ValidationError(f"no claim has the key {text!r}", code="no_claim")
    return claim


def _offset(value, name) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{name} must be a character offset (a whole number), not {value!r}", code="bad_offset")


def _date(value):
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"stated on must be a date written YYYY-MM-DD, not {value!r}", code="bad_date")


class ReadingView:
    """The view, its URL and its actions; ``urls`` is included by ``factbase.urls`` before the admin's own."""

    template = "admin/sources/document/reading.html"

    def __init__(self, site):
        self.site = site

    @property
    def urls(self):
        return [path("admin/sources/document/<int:document_id>/read/", self.site.admin_view(self.view),
                     name="claims_document_reading")]

    def view(self, request, document_id):
        user = request.user
        if not (user.has_perm("sources.view_document") and user.has_perm("claims.view_claim")):
            raise PermissionDenied("reading a document needs the permissions to view documents and claims")
        document = get_object_or_404(Document.objects.select_related("publisher"), pk=document_id)
        if request.method == "POST":
            try:
                response = self.act(request, document)
            except ValidationError as error:
                self.site._registry[Claim].message_user(request, " ".join(error.messages), messages.ERROR)
                return self.render(request, document, posted=request.POST, status=400)
            return response
        return self.render(request, document)

    def act(self, request, document):
        """Carry out the posted action through ``writes``; a redirect back to the page on success."""
        action, post, user = request.POST.get("action", ""), request.POST, request.user
        back = reverse("claims_document_reading", args=[document.pk])
        if action in ("new_claim", "add_appearance"):
            start, end = _offset(post.get("start"), "start"), _offset(post.get("end"), "end")
            quote = post.get("quote")
            if action == "new_claim":
                key = (post.get("key") or "").strip()
                if not key:
                    raise ValidationError("give the new claim a key (e.g. nis-2000-dead-2025-09)", code="no_key")
                if Claim.objects.filter(key=key).exists():
                    raise ValidationError(f"a claim with the key {key!r} exists already: choose another key, or "
                                          "add the quote as an appearance of that claim", code="duplicate_key")
                claim = writes.claim_from_quote(
                    document=document, start=start, end=end, quote=quote, by=user, key=key,
                    claimant=resolve_actor(post.get("claimant")), kind=post.get("kind", ""),
                    hedge=post.get("hedge", ""), summary=(post.get("summary") or "").strip(),
                    stated_on=_date(post.get("stated_on")), stated_on_precision=post.get("stated_on_precision", ""),
                    translation=(post.get("translation") or "").strip(),
                    translation_language=(post.get("translation_language") or "").strip(),
                )
            else:
                claim = resolve_claim(post.get("claim"))
                writes.appearance_add(claim=claim, document=document, start=start, end=end, quote=quote, by=user,
                                      translation=(post.get("translation") or "").strip(),
                                      translation_language=(post.get("translation_language") or "").strip())
            link = format_html('<a href="{}">{}</a>', reverse("admin:claims_claim_change", args=[claim.pk]), claim.key)
            if action == "new_claim":
                message = format_html("New draft claim {} from the quote [{}:{}]: open it to add its estimates, hops "
                                      "and stances, then submit it for review.", link, start, end)
            else:
                message = format_html("The quote [{}:{}] is now an appearance of claim {}.", start, end, link)
            messages.success(request, message)
            return HttpResponseRedirect(f"{back}#q{start}")
        claim = resolve_claim(post.get("claim"))
        if action == "accept":
            writes.candidate_accept(claim=claim, by=user)
            messages.success(request, f"Candidate {claim.key} accepted: it awaits review.")
        elif action == "reject":
            writes.candidate_reject(claim=claim, by=user, reason=post.get("reason", ""))
            messages.success(request, f"Candidate {claim.key} rejected (retracted, kept with the reason).")
        elif action == "merge":
            into = resolve_claim(post.get("into"))
            writes.candidate_merge(claim=claim, into=into, by=user)
            messages.success(request, f"Candidate {claim.key} merged into {into.key}: its quote is an appearance of {into.key}.")
        else:
            raise ValidationError(f"unknown action {action!r}", code="unknown_action")
        return HttpResponseRedirect(back)

    def render(self, request, document, *, posted=None, status=200):
        marks = reading_marks(document)
        body = document.body
        paragraphs = []
        for start, end in paragraph_bounds(body):
            paragraphs.append({
                "start": start, "end": end,
                "html": mark_safe(render_paragraph(body, start, end, marks)),
                "notes": [m for m in marks if start <= m.appearance.start < end],
            })
        # Marks starting between paragraphs (in a separator) are listed with the paragraph before them.
        listed = {id(m) for p in paragraphs for m in p["notes"]}
        if paragraphs:
            paragraphs[-1]["notes"] += [m for m in marks if id(m) not in listed]
        user = request.user
        claimants = Actor.objects.filter(
            Q(claims__appearances__document=document) | Q(pk=document.publisher_id)
        ).distinct().order_by("name").only("key", "name")
        context = {
            **self.site.each_context(request),
            "title": f"Read: {document.title or 'untitled document'}",
            "document": document,
            "document_date": dates.describe(document.published_on, DatePrecision.DAY),
            "document_language": language_name(document.language),
            "opts": Document._meta,
            "paragraphs": paragraphs,
            "marks": marks,
            "candidates": [m for m in marks if m.candidate],
            "claimants": claimants,
            "claims_here": sorted({m.claim.key for m in marks if not m.candidate}),
            "kinds": ClaimKind.choices, "hedges": Hedge.choices, "precisions": DatePrecision.choices,
            "can_add": workflow.can_edit_claim(user, None),
            "can_submit": user.has_perm(workflow.CHANGE_PERMISSION),
            "can_retract": user.has_perm(workflow.RETRACT_PERMISSION),
            "posted": posted or {},
            "document_change_url": reverse("admin:sources_document_change", args=[document.pk]),
        }
        return TemplateResponse(request, self.template, context, status=status)


reading = ReadingView(admin.site)
