"""Columns derived from other rows, recomputed here and nowhere else.

``Claim.search_text`` (normalised summary, quotes and translations), ``Claim.search_vector`` (its
PostgreSQL tsvector) and ``Claim.first_published_on`` (earliest publication among its appearances) —
:func:`claims_refresh_derived`, called by every write service that changes a claim's summary or its
appearances; ``Appearance.needs_review`` (its quote no longer matches a changed document body) —
:func:`appearances_reverify`, called when a document's body changes, and :func:`appearances_flag`, which
``verify_provenance`` uses too. No model ``save()`` and no signal
receiver recomputes them. (The actors' ``search_text`` is ``sources.services.actors_refresh_search_text``.)

A batch that inserts new claims together with all their appearances (an import) need not read them back:
:func:`claims_derive_unsaved` computes the same values on the unsaved claims from the (located)
appearances they are about to get; the batch then inserts with ``derived=False`` and fills the search vectors of the batch in one
statement (:func:`claims_refresh_search_vector`). (An expression in the INSERT itself would spare that
UPDATE, but Django compiles an expression per row in Python: measured, it cost more than the UPDATE.)
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Min

from factbase.text import normalize_for_search

from sources.models import Document

from ..models import Appearance, Claim
from .quotes import describe_mismatch

BATCH = 1000


def claim_search_text(*, summary: str, quotes: list[str], translations: list[str]) -> str:
    return normalize_for_search(" ".join([summary, *quotes, *translations]))


def claims_derive_unsaved(*, items) -> None:
    """``items``: ``(claim, appearances)`` pairs of unsaved claims and every appearance each will have, their
    quotes already located (the document's span). Sets ``search_text`` and ``first_published_on`` as
    :func:`claims_refresh_derived` would compute them after the inserts."""
    for claim, appearances in items:
        claim.search_text = claim_search_text(summary=claim.summary, quotes=[a.quote for a in appearances],
                                              translations=[a.translation for a in appearances])
        dates = [a.document.published_on for a in appearances if a.document.published_on is not None]
        claim.first_published_on = min(dates) if dates else None


def claims_refresh_derived(*, claim_ids) -> None:
    """Recompute the derived columns of these claims (a few queries per batch of 1,000)."""
    claim_ids = sorted(set(claim_ids))
    for offset in range(0, len(claim_ids), BATCH):
        _refresh_batch(claim_ids[offset : offset + BATCH])


def _refresh_batch(ids):
    texts = {}
    for appearance in Appearance.objects.filter(claim_id__in=ids).values("claim_id", "quote", "translation"):
        quotes, translations = texts.setdefault(appearance["claim_id"], ([], []))
        quotes.append(appearance["quote"])
        translations.append(appearance["translation"])
    first_published = dict(
        Appearance.objects.filter(claim_id__in=ids)
        .values("claim_id")
        .annotate(first=Min("document__published_on"))
        .values_list("claim_id", "first")
    )
    claims = list(Claim.objects.filter(pk__in=ids).only("id", "summary", "search_text", "first_published_on"))
    changed = []
    for claim in claims:
        quotes, translations = texts.get(claim.pk, ([], []))
        search_text = claim_search_text(summary=claim.summary, quotes=quotes, translations=translations)
        first = first_published.get(claim.pk)
        if search_text != claim.search_text or first != claim.first_published_on:
            claim.search_text, claim.first_published_on = search_text, first
            changed.append(claim)
    if changed:
        Claim.objects.bulk_update(changed, ["search_text", "first_published_on"])
    _search_vectors(ids)


def claims_refresh_search_vector(*, claim_ids) -> None:
    """Fill the search vector of claims whose ``search_text`` is already right (PostgreSQL; nothing on SQLite)."""
    claim_ids = sorted(set(claim_ids))
    for offset in range(0, len(claim_ids), BATCH):
        _search_vectors(claim_ids[offset : offset + BATCH])


def _search_vectors(ids):
    if connection.vendor == "postgresql":
        Claim.objects.filter(pk__in=ids).update(search_vector=SearchVector("search_text", config="simple"))


def appearances_reverify(*, document_ids, **_signal) -> None:
    """Check every quote of these documents against their (changed) bodies: an appearance whose span no
    longer holds its quote is flagged ``needs_review`` (and unflagged when it holds again); the derived
    columns of their claims are refreshed. Connected to ``sources.services.document_body_changed``."""
    stale, fresh, claim_ids = [], [], set()
    bodies = dict(Document.objects.filter(pk__in=list(document_ids)).values_list("id", "body"))
    for appearance in Appearance.objects.filter(document_id__in=list(bodies)).only(
            "id", "claim_id", "document_id", "quote", "start", "end", "needs_review"):
        claim_ids.add(appearance.claim_id)
        mismatch = describe_mismatch(bodies[appearance.document_id], appearance.quote, appearance.start, appearance.end)
        if mismatch and not appearance.needs_review:
            stale.append(appearance.pk)
        elif not mismatch and appearance.needs_review:
            fresh.append(appearance.pk)
    appearances_flag(stale=stale, fresh=fresh)
    claims_refresh_derived(claim_ids=claim_ids)


def appearances_flag(*, stale, fresh) -> None:
    """Set ``needs_review`` on the appearances whose quote no longer matches (``stale``) and clear it on
    those that match again (``fresh``): the one writer of the flag (re-verification, ``verify_provenance``)."""
    if stale:
        Appearance.objects.filter(pk__in=list(stale)).update(needs_review=True)
    if fresh:
        Appearance.objects.filter(pk__in=list(fresh)).update(needs_review=False)
