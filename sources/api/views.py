"""Actors and documents: read-only, by id or key (``/api/v1/actors/nis/`` or ``/api/v1/actors/12/``)."""

from factbase.api.pagination import BoundedPageNumberPagination
from factbase.api.params import date_param
from factbase.api.viewsets import ReadOnlyAPIViewSet
from sources.selectors import actor_queryset, document_queryset

from .filters import ActorFilterSet, DocumentFilterSet
from .serializers import ActorSerializer, DocumentSerializer


class ActorViewSet(ReadOnlyAPIViewSet):
    """Anyone who makes, relays or is the subject of claims. Page-number pagination (a small table)."""

    queryset = actor_queryset()
    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet
    pagination_class = BoundedPageNumberPagination
    ordering_fields = ("name", "key", "id", "updated_at")
    ordering = ("name", "id")
    csv_columns = [
        ("id", lambda a: a.pk), ("key", lambda a: a.key), ("name", lambda a: a.name), ("kind", lambda a: a.kind),
        ("country", lambda a: a.country), ("parent_key", lambda a: a.parent.key if a.parent else ""),
        ("wikidata_id", lambda a: a.wikidata_id), ("reliability", lambda a: a.reliability),
        ("aliases", lambda a: "; ".join(f"{alias.name} ({alias.language})" for alias in a.aliases.all())),
    ]


class DocumentViewSet(ReadOnlyAPIViewSet):
    """Archived publications, newest entered first; cursor pagination."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet
    csv_columns = [
        ("id", lambda d: d.pk), ("key", lambda d: d.key), ("kind", lambda d: d.kind), ("title", lambda d: d.title),
        ("url", lambda d: d.url), ("publisher_key", lambda d: d.publisher.key if d.publisher else ""),
        ("authors", lambda d: d.authors), ("language", lambda d: d.language),
        ("published_on", lambda d: d.published_on), ("published_time", lambda d: d.published_time),
        ("archive_url", lambda d: d.archive_url), ("body_sha256", lambda d: d.body_sha256),
    ]

    def get_queryset(self):
        return document_queryset(known_on=date_param(self.request, "known_on"))
