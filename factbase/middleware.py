"""Request-scoped database routing: read-only API requests may be served from read replicas."""

from .routers import reads_from_replicas

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


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
