"""DRF's throttles, keyed on the client address decided by ``client_address`` (not on ``NUM_PROXIES``).

DRF's own ``get_ident`` believes ``X-Forwarded-For`` whenever ``NUM_PROXIES`` is unset, so a made-up
header per request walks around any rate. Every throttle class configured for the API must take its
address from here (tests/security/test_client_address.py checks the configured ones).
"""

from rest_framework import throttling

from .client_address import client_address


class ClientAddressThrottleMixin:
    """``get_ident`` from the one function that decides the client address."""

    def get_ident(self, request):
        return client_address(request)


class AnonRateThrottle(ClientAddressThrottleMixin, throttling.AnonRateThrottle):
    """Anonymous readers, per client address (rate ``anon``)."""


class UserRateThrottle(ClientAddressThrottleMixin, throttling.UserRateThrottle):
    """Signed-in users per account; anonymous ones per client address (rate ``user``)."""
