"""django-csp's middleware with the settings' policy built once, not on every response.

``csp.middleware.CSPMiddleware`` rebuilds both headers (``Content-Security-Policy`` and its report-only twin)
from ``settings.CONTENT_SECURITY_POLICY*`` for every response: copies of every directive, a dataclass turned
into a dict, then the string — about 0.07 ms, a few per cent of a claim detail (docs/benchmarks.md). For
a response that changed nothing (no ``@csp_update``/``@csp_replace``/``@csp_override``, no nonce asked for:
every API response, most pages) the headers depend on the settings alone, so they are built once and kept
until a ``CONTENT_SECURITY_POLICY*`` setting changes. Every other response — a page that wrote a nonce, a view
with its own policy, a debug page — goes through django-csp's own code unchanged.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

#: Attributes django-csp's decorators put on a response to change its policy.
_OVERRIDES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
_POLICY_SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY", "DEBUG")
#: (header, value or "", excluded path prefixes, exemption attribute) for both headers; None until built.
_kept = None


@receiver(setting_changed)
def _forget(setting, **kwargs):
    global _kept
    if setting in _POLICY_SETTINGS:
        _kept = None


def _policies():
    global _kept
    if _kept is None:
        _kept = tuple(
            (header, build_policy(report_only=report_only),
             tuple((getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ()), exempt)
            for header, report_only, name, exempt in (
                (HEADER, False, "CONTENT_SECURITY_POLICY", "_csp_exempt"),
                (HEADER_REPORT_ONLY, True, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro"),
            )
        )
    return _kept


class KeptPolicyCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if (settings.DEBUG or getattr(request, "_csp_nonce", None) is not None
                or any(hasattr(response, name) for name in _OVERRIDES)):
            return super().process_response(request, response)
        for header, policy, excluded, exempt in _policies():
            if (policy and header not in response and getattr(response, exempt, False) is False
                    and not request.path_info.startswith(excluded)):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header left would not be in it, so asking is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
