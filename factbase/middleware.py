"""Request-scoped behaviour: API reads from replicas, and the security headers every response gets."""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

from .routers import reads_from_replicas

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
#: What can change an API response under one URL: the format asked for, and who asks (session or Basic).
API_VARY = ("Accept", "Authorization", "Cookie")


class ApiReadsFromReplicasMiddleware:
    """Inside /api/, GET/HEAD/OPTIONS read from a replica when replicas are configured.

    Everything else — the admin, any write, management commands — stays on the primary.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS and request.path.startswith("/api/"):
            with reads_from_replicas():
                return self.get_response(request)
        return self.get_response(request)


def carries_credentials(request) -> bool:
    """Whether the request says who it is (HTTP authentication or a session cookie): its response may show
    what only that user may see (staff see drafts), so no shared cache may keep it."""
    return "HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; on API responses ``Vary: Accept, Authorization, Cookie``; on a
    response to a request with credentials ``Cache-Control: private``.

    Staff using HTTP Basic authentication see drafts in lists and details under the same URLs as anonymous
    readers: without ``Vary: Authorization`` a shared cache could serve a staff response to anyone, and
    caches that ignore ``Vary`` must not keep it at all (``private``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith("/api/"):
            patch_vary_headers(response, API_VARY)
        if carries_credentials(request):
            patch_cache_control(response, private=True)
        return response
