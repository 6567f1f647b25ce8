"""URL configuration: the admin, the REST API under /api/v1/, its schema and docs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from claims.admin.reading import reading

urlpatterns = [
    # The curation workbench's own admin pages (the reading view of a document); before the admin's catch-all.
    *reading.urls,
    path("admin/", admin.site.urls),
    path("api/", include("factbase.api_urls")),
    path("", include("claims.embed")),
    path("", RedirectView.as_view(url="/api/v1/", permanent=False)),
]

# Errors raised outside DRF (404s of the resolver, any unhandled exception): JSON under /api/, Django's pages elsewhere.
handler404 = "factbase.api.errors.page_not_found"
handler500 = "factbase.api.errors.server_error"
