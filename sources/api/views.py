"""Actors and documents: read-only, by id or key (``/api/v1/actors/nis/`` or ``/api/v1/actors/12/``)."""

from factbase.api.pagination import BoundedPageNumberPagination
from factbase.api.params import date_param
from factbase.api.viewsets import ReadOnlyAPIViewSet
from sources.models import Actor
from sources.selectors import document_queryset
from sources.shapes import ACTOR, DOCUMENT

from .filters import ActorFilterSet, DocumentFilterSet


class ActorViewSet(ReadOnlyAPIViewSet):
    """Anyone who makes, relays or is the subject of claims. Page-number pagination (a small table)."""

    shape = ACTOR
    queryset = Actor.objects.all()
    filterset_class = ActorFilterSet
    pagination_class = BoundedPageNumberPagination
    ordering_fields = ("name", "key", "id", "updated_at")
    ordering = ("name", "id")


class DocumentViewSet(ReadOnlyAPIViewSet):
    """Archived publications, newest entered first; cursor pagination."""

    shape = DOCUMENT
    filterset_class = DocumentFilterSet

    def get_queryset(self):
        return document_queryset(known_on=date_param(self.request, "known_on"))
