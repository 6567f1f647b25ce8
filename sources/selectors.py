"""Reads of actors and documents in the query shapes the API and the admin share.

Actors and documents are public records, not curated claims: everyone sees all of them. Anything about
claims (their appearances in a document, claims by an actor) is read through ``claims.selectors``, which
applies the claim visibility rules — this module never imports from ``claims``.
"""

import datetime as dt

from django.db.models import QuerySet

from .models import Actor, Document


def actor_queryset() -> QuerySet[Actor]:
    """Actors with their parent and aliases (two queries whatever the page size)."""
    return Actor.objects.select_related("parent").prefetch_related("aliases")


def document_queryset(*, known_on: dt.date | None = None) -> QuerySet[Document]:
    """Documents with their publisher (one query); with ``known_on``, only those published by then."""
    documents = Document.objects.select_related("publisher")
    if known_on is not None:
        documents = documents.filter(published_on__lte=known_on)
    return documents
