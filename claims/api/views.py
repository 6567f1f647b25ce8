"""Claims, appearances, propositions (with their timeline), estimates and import runs: read-only.

Every viewset reads through ``claims.selectors`` so that visibility (published claims only, except for
staff) holds everywhere — lists, nested lists, timelines, counts and search — and shows its objects in
their declared shapes (``claims.shapes``).
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from claims.analysis.synthesis import proposition_synthesis
from claims.analysis.timeline import proposition_timeline
from claims.review_markup import CLAIM_REVIEW_PAGE_SCHEMA, CLAIM_REVIEW_SCHEMA, claim_review
from claims.selectors import appearance_list_queryset, claim_visibility, estimate_queryset, visible_claims
from claims.shapes import APPEARANCE, CLAIM, ESTIMATE, PROPOSITION
from claims.models import Proposition, Verdict
from factbase.api.browsable import BrowsableAPIRenderer
from factbase.api.conditional import etag_from_body
from factbase.api.links import Links
from factbase.api.pagination import BoundedPageNumberPagination
from factbase.api.params import date_param
from factbase.api.renderers import FastJSONRenderer, JSONLDRenderer
from factbase.api.viewsets import ReadOnlyAPIViewSet
from factbase.models import ImportRun
from factbase.shapes import import_run_shape

from .filters import AppearanceFilterSet, ClaimFilterSet, EstimateFilterSet, PropositionFilterSet
from .serializers import SynthesisSerializer, TimelineSerializer

JSONLD_RENDERERS = [JSONLDRenderer, FastJSONRenderer, BrowsableAPIRenderer]
KNOWN_ON = OpenApiParameter(
    "known_on", OpenApiTypes.DATE, description="Only what had been published by this date (YYYY-MM-DD).",
)


def _known_on(view):
    return date_param(view.request, "known_on")


@extend_schema_view(retrieve=extend_schema(parameters=[KNOWN_ON]))
class ClaimViewSet(ReadOnlyAPIViewSet):
    """Claims: published ones for everyone, all of them for staff (who can filter by ``status``)."""

    shape = CLAIM
    filterset_class = ClaimFilterSet
    detail_params = ("known_on",)
    nested_in_one_query = True

    def get_queryset(self):
        return visible_claims(user=self.request.user, known_on=_known_on(self))

    def visibility(self):
        return claim_visibility(user=self.request.user, known_on=_known_on(self))

    def shape_context(self):
        return {"known_on": _known_on(self)}

    def _reviews(self, rows) -> list[dict]:
        links = Links(self.request)
        claims = CLAIM.build(rows, context=self.shape_context())
        return [claim_review(claim, url=links("claim-claimreview", claim["key"])) for claim in claims]

    @extend_schema(
        responses={200: CLAIM_REVIEW_SCHEMA},
        description="schema.org ClaimReview (JSON-LD) of an assessed claim; 404 when the claim is unassessed.",
        parameters=[KNOWN_ON],
    )
    @action(detail=True, methods=["get"], renderer_classes=JSONLD_RENDERERS)
    @etag_from_body
    def claimreview(self, request, id_or_key=None):
        rows = self.detail_rows(**self.shape_context())
        reviews = self._reviews([row for row in rows if row["verdict"] != Verdict.UNASSESSED])
        if not reviews:
            if rows:
                raise Http404("this claim has not been assessed: no ClaimReview")
            raise Http404("No Claim matches the given query.")
        return Response(reviews[0])

    @extend_schema(
        responses={200: CLAIM_REVIEW_PAGE_SCHEMA},
        description="ClaimReviews of the assessed claims among the (filtered) claims, a page at a time (cursor).",
    )
    @action(detail=False, methods=["get"], url_path="claimreviews", renderer_classes=JSONLD_RENDERERS)
    def claimreviews(self, request):
        queryset = self.filter_queryset(self.get_queryset()).exclude(verdict=Verdict.UNASSESSED)
        page = self.paginate_queryset(CLAIM.values(queryset, inline=self.nested_in_one_query, context=self.shape_context()))
        return self.get_paginated_response(self._reviews(page))


class AppearanceViewSet(ReadOnlyAPIViewSet):
    """Where claims were recorded (appearances of visible claims only), newest entered first."""

    shape = APPEARANCE
    filterset_class = AppearanceFilterSet

    def get_queryset(self):
        return appearance_list_queryset(user=self.request.user, known_on=_known_on(self))


class EstimateViewSet(ReadOnlyAPIViewSet):
    """Numbers stated in visible claims, newest entered first."""

    shape = ESTIMATE
    filterset_class = EstimateFilterSet

    def get_queryset(self):
        return estimate_queryset(user=self.request.user, known_on=_known_on(self))


class PropositionViewSet(ReadOnlyAPIViewSet):
    """The facts being tracked; ``timeline`` lists every visible estimate of one in as-of order."""

    shape = PROPOSITION
    filterset_class = PropositionFilterSet
    pagination_class = BoundedPageNumberPagination
    ordering_fields = ("title", "key", "id", "updated_at")
    ordering = ("title", "id")

    def get_queryset(self):
        return Proposition.objects.all()

    def allowed_query_params(self):
        if self.action in ("timeline", "synthesis"):
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
            proposition=proposition, claims=visible_claims(user=request.user), known_on=_known_on(self),
            links=Links(request, format=self.format_kwarg), as_json=True,
        )
        return Response(data)


    @extend_schema(responses={200: SynthesisSerializer}, parameters=[KNOWN_ON], filters=False)
    @action(detail=True, methods=["get"])
    @etag_from_body
    def synthesis(self, request, id_or_key=None):
        """What was known by ``known_on``: per independent origin its latest estimate, the band they span,
        interested parties apart, and claimants whose parts exceed their whole (method: docs/api.md)."""
        proposition = self.get_object()
        data = proposition_synthesis(
            proposition=proposition, claims=visible_claims(user=request.user), known_on=_known_on(self),
            links=Links(request, format=self.format_kwarg), as_json=True,
        )
        return Response(data)


class ImportRunViewSet(ReadOnlyAPIViewSet):
    """Import runs (staff only): which files were read, who ran the command, what it changed."""

    shape = import_run_shape()
    queryset = ImportRun.objects.all()
    filterset_class = None
    permission_classes = [permissions.IsAdminUser]
    pagination_class = BoundedPageNumberPagination
    ordering_fields = ("started_at", "id")
    ordering = ("-started_at", "-id")
