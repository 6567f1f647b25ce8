"""Claims, appearances, propositions (with their timeline), estimates and import runs: read-only.

Every viewset reads through ``claims.selectors`` so that visibility (published claims only, except for
staff) holds everywhere — lists, nested lists, timelines, counts and search.
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from claims.models import Claim, Proposition, Verdict
from claims.selectors import (
    appearance_list_queryset,
    claim_queryset,
    estimate_queryset,
    proposition_queryset,
    user_sees_everything,
    visible_claims,
)
from claims.analysis.timeline import proposition_timeline
from factbase.api.browsable import BrowsableAPIRenderer
from factbase.api.conditional import etag_from_body
from factbase.api.csv_stream import stream_csv
from factbase.api.pagination import BoundedPageNumberPagination
from factbase.api.params import date_param
from factbase.api.renderers import FastJSONRenderer, JSONLDRenderer
from factbase.api.viewsets import ReadOnlyAPIViewSet
from factbase.models import ImportRun

from .representations import (
    claim_csv_values,
    claim_detail_rows,
    claim_representations,
    claim_rows,
    timeline_representation,
)
from .claimreview import CLAIM_REVIEW_PAGE_SCHEMA, CLAIM_REVIEW_SCHEMA, claim_review
from .filters import AppearanceFilterSet, ClaimFilterSet, EstimateFilterSet, PropositionFilterSet
from .serializers import (
    AppearanceSerializer,
    ClaimSerializer,
    EstimateSerializer,
    ImportRunSerializer,
    PropositionSerializer,
    TimelineSerializer,
)

JSONLD_RENDERERS = [JSONLDRenderer, FastJSONRenderer, BrowsableAPIRenderer]
KNOWN_ON = OpenApiParameter(
    "known_on", OpenApiTypes.DATE, description="Only what had been published by this date (YYYY-MM-DD).",
)


def _known_on(view):
    return date_param(view.request, "known_on")


def _first_document(claim, attr="appearances"):
    appearances = list(getattr(claim, attr).all())
    return appearances[0].document if appearances else None


@extend_schema_view(retrieve=extend_schema(parameters=[KNOWN_ON]))
class ClaimViewSet(ReadOnlyAPIViewSet):
    """Claims: published ones for everyone, all of them for staff (who can filter by ``status``)."""

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilterSet
    detail_params = ("known_on",)
    csv_columns = [
        ("id", lambda c: c.pk), ("key", lambda c: c.key), ("claimant_key", lambda c: c.claimant.key),
        ("claimant_name", lambda c: c.claimant.name), ("kind", lambda c: c.kind), ("summary", lambda c: c.summary),
        ("stated_on", lambda c: c.stated_on), ("stated_on_precision", lambda c: c.stated_on_precision),
        ("hedge", lambda c: c.hedge), ("subject_keys", lambda c: ";".join(s.key for s in c.subjects.all())),
        ("interested", lambda c: c.interested), ("status", lambda c: c.status), ("verdict", lambda c: c.verdict),
        ("credibility", lambda c: c.credibility), ("first_published_on", lambda c: c.first_published_on),
        ("first_document_key", lambda c: getattr(_first_document(c), "key", "")),
        ("first_quote", lambda c: next((a.quote for a in c.appearances.all()), "")),
        ("appearance_count", lambda c: len(c.appearances.all())),
    ]

    def get_queryset(self):
        if self.action in ("list", "retrieve"):
            # Read as rows by claims.api.representations (its own queries for the nested lists): the
            # prefetches of claim_queryset would only be built to be dropped.
            return visible_claims(user=self.request.user, known_on=_known_on(self))
        return claim_queryset(user=self.request.user, known_on=_known_on(self))

    def list(self, request, *args, **kwargs):
        # JSON and HTML pages are built by claims.api.representations (the same data as ClaimSerializer),
        # CSV batches from values_list rows (the same values as csv_columns give; tested).
        if request.accepted_renderer.format == "csv":
            known_on = _known_on(self)
            return stream_csv(
                self.filter_queryset(self.get_queryset()), self.csv_columns, filename=self.basename,
                values=lambda batch: claim_csv_values(batch, known_on=known_on),
            )
        page = self.paginate_queryset(claim_rows(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(
            claim_representations(page, request, format=self.format_kwarg, known_on=_known_on(self))
        )

    @etag_from_body
    def retrieve(self, request, *args, **kwargs):
        known_on = _known_on(self)
        rows = claim_detail_rows(
            lambda known: visible_claims(user=request.user, known_on=known), self.lookup_from_url(Claim),
            shape="all" if user_sees_everything(request.user) else "published", known_on=known_on,
        )
        data = claim_representations(rows, request, format=self.format_kwarg, known_on=known_on)
        if not data:
            raise Http404("No Claim matches the given query.")  # as get_object_or_404 says it
        return Response(data[0])

    @extend_schema(
        responses={200: CLAIM_REVIEW_SCHEMA},
        description="schema.org ClaimReview (JSON-LD) of an assessed claim; 404 when the claim is unassessed.",
        parameters=[KNOWN_ON],
    )
    @action(detail=True, methods=["get"], renderer_classes=JSONLD_RENDERERS)
    @etag_from_body
    def claimreview(self, request, id_or_key=None):
        claim = self.get_object()
        if claim.verdict == Verdict.UNASSESSED:
            raise Http404("this claim has not been assessed: no ClaimReview")
        url = request.build_absolute_uri(self.reverse_action("detail", kwargs={"id_or_key": claim.key}))
        return Response(claim_review(claim, url=url, request=request))

    @extend_schema(
        responses={200: CLAIM_REVIEW_PAGE_SCHEMA},
        description="ClaimReviews of the assessed claims among the (filtered) claims, a page at a time (cursor).",
    )
    @action(detail=False, methods=["get"], url_path="claimreviews", renderer_classes=JSONLD_RENDERERS)
    def claimreviews(self, request):
        queryset = self.filter_queryset(self.get_queryset()).exclude(verdict=Verdict.UNASSESSED)
        page = self.paginate_queryset(queryset)
        reviews = [
            claim_review(claim, url=request.build_absolute_uri(self.reverse_action("detail", kwargs={"id_or_key": claim.key})))
            for claim in page
        ]
        return self.get_paginated_response(reviews)


class AppearanceViewSet(ReadOnlyAPIViewSet):
    """Where claims were recorded (appearances of visible claims only), newest entered first."""

    serializer_class = AppearanceSerializer
    filterset_class = AppearanceFilterSet
    csv_columns = [
        ("id", lambda a: a.pk), ("claim_key", lambda a: a.claim.key), ("claimant_key", lambda a: a.claim.claimant.key),
        ("document_key", lambda a: a.document.key), ("published_on", lambda a: a.document.published_on),
        ("publisher_key", lambda a: a.document.publisher.key if a.document.publisher else ""),
        ("language", lambda a: a.document.language), ("quote", lambda a: a.quote), ("start", lambda a: a.start),
        ("end", lambda a: a.end), ("translation", lambda a: a.translation),
        ("translation_language", lambda a: a.translation_language),
        ("hops", lambda a: " > ".join(f"{h.actor.key} ({h.relation})" for h in a.hops.all())),
    ]

    def get_queryset(self):
        return appearance_list_queryset(user=self.request.user, known_on=_known_on(self))


class EstimateViewSet(ReadOnlyAPIViewSet):
    """Numbers stated in visible claims, newest entered first."""

    serializer_class = EstimateSerializer
    filterset_class = EstimateFilterSet
    csv_columns = [
        ("id", lambda e: e.pk), ("proposition_key", lambda e: e.proposition.key), ("claim_key", lambda e: e.claim.key),
        ("claimant_key", lambda e: e.claim.claimant.key), ("value", lambda e: e.value), ("lower", lambda e: e.lower),
        ("upper", lambda e: e.upper), ("qualifier", lambda e: e.qualifier), ("unit", lambda e: e.effective_unit),
        ("as_of", lambda e: e.as_of), ("as_of_precision", lambda e: e.as_of_precision),
        ("period_start", lambda e: e.period_start), ("period_end", lambda e: e.period_end),
        ("wording", lambda e: e.wording),
    ]

    def get_queryset(self):
        return estimate_queryset(user=self.request.user, known_on=_known_on(self))


class PropositionViewSet(ReadOnlyAPIViewSet):
    """The facts being tracked; ``timeline`` lists every visible estimate of one in as-of order."""

    serializer_class = PropositionSerializer
    filterset_class = PropositionFilterSet
    pagination_class = BoundedPageNumberPagination
    ordering_fields = ("title", "key", "id", "updated_at")
    ordering = ("title", "id")
    csv_columns = [
        ("id", lambda p: p.pk), ("key", lambda p: p.key), ("title", lambda p: p.title), ("kind", lambda p: p.kind),
        ("measure", lambda p: p.measure), ("unit", lambda p: p.unit), ("status", lambda p: p.status),
        ("subject_keys", lambda p: ";".join(s.key for s in p.subjects.all())),
    ]

    def get_queryset(self):
        # The timeline shows none of the proposition's subjects: no need to prefetch them.
        return Proposition.objects.all() if self.action == "timeline" else proposition_queryset()

    def allowed_query_params(self):
        if self.action == "timeline":
            return {"format", "known_on"}
        return super().allowed_query_params()

    @extend_schema(responses={200: TimelineSerializer}, parameters=[KNOWN_ON], filters=False)
    @action(detail=True, methods=["get"])
    @etag_from_body
    def timeline(self, request, id_or_key=None):
        """Every visible estimate of the proposition in as-of order, with claimant, wording and first
        appearance; series per claimant; the number of independent origins. Honours ``known_on``."""
        proposition = self.get_object()
        data = proposition_timeline(
            proposition=proposition, claims=visible_claims(user=request.user), known_on=_known_on(self)
        )
        return Response(timeline_representation(data))


class ImportRunViewSet(ReadOnlyAPIViewSet):
    """Import runs (staff only): which files were read, who ran the command, what it changed."""

    queryset = ImportRun.objects.all()
    serializer_class = ImportRunSerializer
    filterset_class = None
    permission_classes = [permissions.IsAdminUser]
    pagination_class = BoundedPageNumberPagination
    ordering_fields = ("started_at", "id")
    ordering = ("-started_at", "-id")
    csv_columns = [
        ("id", lambda r: r.pk), ("command", lambda r: r.command), ("files", lambda r: ";".join(f"{f.get('name')}:{f.get('sha256')}" for f in r.files)),
        ("operator", lambda r: r.operator), ("started_at", lambda r: r.started_at), ("finished_at", lambda r: r.finished_at),
        ("created", lambda r: r.created), ("updated", lambda r: r.updated), ("unchanged", lambda r: r.unchanged),
    ]
