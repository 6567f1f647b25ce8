"""API addresses for one request: ``links(view_name, key)``, from one reversed template per view name.

What ``HyperlinkedIdentityField`` would give for each object (absolute, with the request's ``?format=``
suffix when the URL carries one), from one reversed template: prefix + quoted key + suffix.

A template depends on the view name, the format, and what ``reverse`` reads from the request and the thread:
the origin (scheme and host), the ``?format=`` override, the script prefix and the URL configuration. Those
are the template's key in a small table kept by the process, so a request whose templates were made before
(the same host, the same kind of response) reverses nothing: a claim detail reversed three names on every
request, about 4% of its time (docs/benchmarks.md). Only requests whose host is one of ``ALLOWED_HOSTS`` as
written there (no pattern, no other letter case) and whose port, if any, is the server's own share templates, so
the table's keys are bounded by the settings, not by what clients send; any other request reverses its own. The
table holds at most ``KEPT`` templates and starts again when full or when a setting changes.
"""

import re
import threading
from urllib.parse import quote

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from rest_framework.reverse import reverse
from rest_framework.settings import api_settings

#: ``django.urls.reverse`` quotes path arguments with these characters left as they are.
_URL_SAFE = "!$&'()*+,;=" + "/~:@"
_PLACEHOLDER = "0key0placeholder0"
#: Keys ``quote`` leaves as they are (ASCII letters, digits, - _ . ~): most keys, so no call for them.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.~-]*").fullmatch
KEPT = 512
_kept = {}
_kept_lock = threading.Lock()


@receiver(setting_changed)
def forget_templates(**kwargs):
    """Any changed setting (``ROOT_URLCONF``, ``FORCE_SCRIPT_NAME``, the proxy settings, ...) empties the table."""
    with _kept_lock:
        _kept.clear()


def _shared_host(request) -> bool:
    """Whether the request's host (validated by ``get_host``) is written as in ``ALLOWED_HOSTS``, on no port or the
    server's own."""
    host = request.get_host()
    domain, port = (host, "") if host.endswith("]") or ":" not in host else host.rsplit(":", 1)
    return domain in settings.ALLOWED_HOSTS and port in ("", str(request.META.get("SERVER_PORT", "")))


class Links:
    def __init__(self, request, format=None):
        self.request = request
        self.format = format
        self._templates = {}
        self._context = None

    def _template(self, view_name):
        request = self.request
        if getattr(request, "versioning_scheme", None) is not None:  # its own reverse: made per request
            return self._reverse(view_name)
        if self._context is None:
            override = api_settings.URL_FORMAT_OVERRIDE
            self._context = (request.build_absolute_uri("/"), override and request.GET.get(override),
                             get_script_prefix(), get_urlconf()) if _shared_host(request) else False
        if self._context is False:
            return self._reverse(view_name)
        key = (view_name, self.format, self._context)
        template = _kept.get(key)
        if template is None:
            template = self._reverse(view_name)
            with _kept_lock:
                if len(_kept) >= KEPT:
                    _kept.clear()
                _kept[key] = template
        return template

    def _reverse(self, view_name):
        kwargs = {"id_or_key": _PLACEHOLDER}
        if self.format:
            kwargs["format"] = self.format
        return tuple(reverse(view_name, kwargs=kwargs, request=self.request).split(_PLACEHOLDER))

    def __call__(self, view_name: str, key) -> str:
        template = self._templates.get(view_name)
        if template is None:
            template = self._templates[view_name] = self._template(view_name)
        key = str(key)
        return template[0] + (key if _PLAIN_KEY(key) else quote(key, safe=_URL_SAFE)) + template[1]
