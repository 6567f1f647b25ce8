"""The REST API: the v1 router (every app's read-only viewsets), the OpenAPI schema and its docs.

Each resource is addressable by numeric id or by stable key: ``/api/v1/claims/123/`` and
``/api/v1/claims/nis-2000/`` name the same claim (all-digit references are ids).
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from claims.api.views import AppearanceViewSet, ClaimViewSet, EstimateViewSet, ImportRunViewSet, PropositionViewSet
from factbase.api.errors import not_found
from sources.api.views import ActorViewSet, DocumentViewSet

router = DefaultRouter()
router.register("actors", ActorViewSet, basename="actor")
router.register("documents", DocumentViewSet, basename="document")
router.register("claims", ClaimViewSet, basename="claim")
router.register("appearances", AppearanceViewSet, basename="appearance")
router.register("propositions", PropositionViewSet, basename="proposition")
router.register("estimates", EstimateViewSet, basename="estimate")
router.register("import-runs", ImportRunViewSet, basename="importrun")



urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's init script as a file: no inline script (Content-Security-Policy).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    re_path(r"", not_found),
]
