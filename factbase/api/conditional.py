"""Conditional GET: an ETag from the rendered body, and a bodiless 304 when ``If-None-Match`` has it.

Django's ``ConditionalGetMiddleware``, applied to the views that offer it (details, the timeline,
ClaimReview) as a decorator: the ETag is a hash of the bytes sent, computed once they are rendered — no
second serialisation. It differs wherever the body differs: between readers who see different data, and
between formats.
"""

from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.decorators import decorator_from_middleware, method_decorator

_conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


def _varying(view):
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # Staff and anonymous readers see different data under one URL.
        patch_vary_headers(response, ["Accept", "Cookie", "Authorization"])
        return response

    return wrapped


def etag_from_body(method):
    """Decorate a viewset method: its 200 responses carry an ETag of their body; a matching request gets a 304."""
    return method_decorator(_conditional_get)(method_decorator(_varying)(method))
