"""Errors under /api/ are JSON: ``{"detail": ...}``, with ``errors`` naming each bad parameter of a 400.

- ``exception_handler``: DRF's, with 400s reshaped to ``{"detail": "...names...", "errors": {param: [...]}}``;
- ``not_found``: any unknown URL under /api/;
- ``page_not_found`` / ``server_error``: Django's 404 and 500 handlers (``factbase.urls``), JSON for paths
  under /api/ and Django's own HTML pages elsewhere — so that an error raised outside DRF (a dropped
  database connection, a bug) never reaches an API client as an HTML page.
"""

from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

API_PREFIX = "/api/"

ERROR_SCHEMA = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, naming the parameter(s)."},
        "errors": {
            "type": "object",
            "description": "For a 400: each bad query parameter and what is wrong with it.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def exception_handler(exc, context):
    """DRF's handler, with 400s reshaped to ``{"detail": "...names...", "errors": {param: [messages]}}``."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict):
        names = ", ".join(sorted(response.data))
        response.data = {"detail": f"invalid query parameter(s): {names}", "errors": response.data}
    return response


def not_found(request, *args, **kwargs):
    """Any other URL under /api/: a JSON 404 (API clients never get an HTML error page)."""
    return JsonResponse({"detail": f"no such API endpoint: {request.path}"}, status=404)


def page_not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "not found"}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": "server error: the request could not be answered; it has been logged"}, status=500)
    return defaults.server_error(request)
