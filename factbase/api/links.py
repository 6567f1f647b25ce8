"""API addresses for one request: ``links(view_name, key)``, one ``reverse()`` per view name and request.

What ``HyperlinkedIdentityField`` would give for each object (absolute, with the request's ``?format=``
suffix when the URL carries one), from one reversed template: prefix + quoted key + suffix.
"""

import re
from urllib.parse import quote

from rest_framework.reverse import reverse

#: ``django.urls.reverse`` quotes path arguments with these characters left as they are.
_URL_SAFE = "!$&'()*+,;=" + "/~:@"
_PLACEHOLDER = "0key0placeholder0"
#: Keys ``quote`` leaves as they are (ASCII letters, digits, - _ . ~): most keys, so no call for them.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.~-]*").fullmatch


class Links:
    def __init__(self, request, format=None):
        self.request = request
        self.format = format
        self._templates = {}

    def __call__(self, view_name: str, key) -> str:
        template = self._templates.get(view_name)
        if template is None:
            kwargs = {"id_or_key": _PLACEHOLDER}
            if self.format:
                kwargs["format"] = self.format
            template = self._templates[view_name] = tuple(reverse(view_name, kwargs=kwargs, request=self.request).split(_PLACEHOLDER))
        key = str(key)
        return template[0] + (key if _PLAIN_KEY(key) else quote(key, safe=_URL_SAFE)) + template[1]
