"""The browsable HTML view of the API (``?format=api`` or a browser's ``Accept``): DRF's own, with its fixed parts kept.

DRF's ``BrowsableAPIRenderer`` renders the page (the indented JSON, ``urlize``, the template) as it always
does. What it rebuilds on every page although it depends on little is kept here, in bounded caches:

- the filter form: django-filter builds a FilterSet of ~40 filters and renders its form through the form
  templates on every page. Its HTML depends only on the filterset class, the submitted filter values, the
  language and (to be safe) whether the reader is signed in or staff, so it is kept per such key;
- the page description (per view) and the breadcrumbs (per path), which DRF builds by resolving every
  prefix of the path.
"""

import threading
from collections import OrderedDict

from django.template import loader
from django.urls import get_script_prefix
from django.utils import translation
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import renderers
from rest_framework.settings import api_settings

#: How many rendered filter forms are kept (each a few tens of kB); the least recently used go first.
FILTER_FORM_CACHE_SIZE = 256
#: How many paths' breadcrumbs are kept.
BREADCRUMBS_CACHE_SIZE = 1024

# --- the filter form -------------------------------------------------------------------------------------


class _LRU:
    def __init__(self, size):
        self.size = size
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self):
        with self._lock:
            self._items.clear()


_filter_forms = _LRU(FILTER_FORM_CACHE_SIZE)
#: Breadcrumbs per path (and ?format=, which their links keep).
_breadcrumbs = _LRU(BREADCRUMBS_CACHE_SIZE)


def _filter_form_key(backend_class, view, request):
    """What django-filter's form HTML depends on, or None when it cannot be told (no fixed filterset class).

    The form is bound to the query parameters, so every parameter a filter could read is in the key
    (``name`` and ``name_<suffix>`` of every filter: range widgets read ``stated_on_after``...). The user
    is not read by these filtersets; whether they are staff or signed in is in the key all the same, so
    that a filterset that one day shows staff something else cannot leak it to anonymous readers.
    """
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is None:
        return None  # django-filter would build a class per request from filterset_fields
    names = tuple(filterset_class.base_filters)
    submitted = tuple(sorted(
        (param, tuple(values)) for param, values in request.query_params.lists()
        if any(param == name or param.startswith(f"{name}_") for name in names)
    ))
    user = request.user
    return (
        backend_class, filterset_class, translation.get_language(), submitted,
        bool(user and user.is_authenticated), bool(user and user.is_staff),
    )


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable API, with the filter form, description and breadcrumbs cached (see the module's docstring)."""

    #: Per view class (and action description): the HTML description, the same for every request.
    _per_view = {}

    def get_description(self, view, status_code):
        if status_code in (401, 403):
            return super().get_description(view, status_code)
        # DRF's description is the view's ``description`` (set per action) or else its class's docstring.
        key = (type(view), getattr(view, "description", None), translation.get_language())
        cached = self._per_view.get(("description", key))
        if cached is None:
            cached = self._per_view[("description", key)] = super().get_description(view, status_code)
        return cached

    def get_breadcrumbs(self, request):
        # DRF resolves every prefix of the path and instantiates its views to name them; the result depends
        # on the path and the ?format= its links keep only (names are the views', never an object's).
        override = api_settings.URL_FORMAT_OVERRIDE
        fmt = request.GET.get(override) if override else None
        key = (request.path, fmt, get_script_prefix(), getattr(request, "urlconf", None), translation.get_language())
        found = _breadcrumbs.get(key)
        if found is None:
            found = super().get_breadcrumbs(request)
            _breadcrumbs.put(key, found)
        return list(found)

    def get_filter_form(self, data, view, request):
        if not hasattr(view, "get_queryset") or not hasattr(view, "filter_backends"):
            return None
        # DRF's test of "is this a list page".
        paginator = getattr(view, "paginator", None)
        if isinstance(data, list):
            pass
        elif paginator is not None and data is not None:
            try:
                paginator.get_results(data)
            except (TypeError, KeyError):
                return None
        else:
            return None

        queryset = view.get_queryset()
        elements = []
        for backend_class in view.filter_backends:
            if not hasattr(backend_class, "to_html"):
                continue
            key = _filter_form_key(backend_class, view, request) if issubclass(backend_class, DjangoFilterBackend) else None
            html_ = _filter_forms.get(key) if key is not None else None
            if html_ is None:
                html_ = backend_class().to_html(request, queryset, view)
                if key is not None and html_:
                    _filter_forms.put(key, html_)
            if html_:
                elements.append(html_)
        if not elements:
            return None
        return loader.get_template(self.filter_template).render({"elements": elements})



def clear_caches():
    """Forget rendered filter forms, breadcrumbs and descriptions (tests; a deployment restarts instead)."""
    _filter_forms.clear()
    _breadcrumbs.clear()
    BrowsableAPIRenderer._per_view.clear()
