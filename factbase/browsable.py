"""The browsable HTML view of the API (``?format=api`` or a browser's ``Accept``), at a cost close to the JSON's.

DRF's ``BrowsableAPIRenderer`` spends most of a list page on three things that do not need its slow paths:

- the pretty JSON shown on the page: DRF re-renders the data with ``indent=4`` through the stdlib encoder's
  pure-Python indenting path, then the template runs Django's ``urlize`` over the whole text. Here orjson
  writes it (indented by 2, re-indented to 4: the same bytes, see ``pretty_json``) and ``urlize_json_text``
  gives exactly what ``urlize`` gives, deciding the common words (JSON punctuation, numbers, plain words,
  the API's own urls) without Django's per-word regexes, url quoting and email validation;
- the filter form: django-filter builds a FilterSet of ~40 filters and renders its form through the form
  templates on every page. Its HTML depends only on the filterset class, the submitted filter values, the
  language and (to be safe) whether the reader is staff, so it is kept per such key (a bounded LRU);
- DRF's other context that is the same for many requests: the page description (per view) and the
  breadcrumbs (per path), which DRF builds by resolving every prefix of the path.

The page is still rendered by DRF's own template (``rest_framework/api.html``): the JSON goes in through a
random placeholder that ``urlize`` leaves alone, replaced after rendering. Everything else — title,
breadcrumbs, headers, format menu, ordering links, the forms — comes from DRF as before, so the page is the
same HTML as DRF's renderer gives (tests/api/test_browsable_html.py compares the two).
"""

import html
import math
import re
import secrets
import threading
from collections import OrderedDict
from decimal import Decimal

import orjson
from django.template import loader
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.html import MAX_URL_LENGTH, Urlizer, urlize
from django.utils.safestring import SafeString
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import renderers
from rest_framework.settings import api_settings
from rest_framework.utils.encoders import JSONEncoder

#: How many rendered filter forms are kept (each a few tens of kB); the least recently used go first.
FILTER_FORM_CACHE_SIZE = 256
#: How many paths' breadcrumbs are kept.
BREADCRUMBS_CACHE_SIZE = 1024

# --- the pretty JSON -------------------------------------------------------------------------------------


class _NotLikeDRF(Exception):
    """orjson would write something else than DRF's encoder here: use DRF's renderer."""


def _orjson_default(value, encoder=JSONEncoder()):
    # Subclasses of the JSON types come here (OPT_PASSTHROUGH_SUBCLASS) to be written as the stdlib writes
    # them: an OrderedDict in its own order (orjson would take the order of the dict underneath).
    if isinstance(value, dict):
        return dict(value.items())
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, Decimal):
        number = float(value)  # what DRF's encoder does (COERCE_DECIMAL_TO_STRING is off)
        if not math.isfinite(number):
            raise _NotLikeDRF  # DRF's strict JSON refuses NaN and infinities; orjson would write null
        return number
    # Date-times, lazy strings, querysets...: exactly what DRF's encoder makes of them.
    return encoder.default(value)


_LINE_INDENTATION = re.compile(rb"\n( *)")


def _floats_like_python(body: bytes) -> bool:
    """Whether orjson wrote every float as Python does: it differs only from 1e-5 to 1e-4 (0.000015 against
    1.5e-05) and for exponents -6 to -9 (1.5e-7 against 1.5e-07). A look-alike inside a string only costs a
    fall back to DRF's renderer."""
    if b"0.0000" in body:
        return False
    position = body.find(b"e-")
    while position != -1:
        if body[position + 2:position + 3].isdigit() and not body[position + 3:position + 4].isdigit():
            return False
        position = body.find(b"e-", position + 2)
    return True


def _double_indentation(body: bytes) -> bytes:
    # [first line, indentation, line, indentation, line...]: each indentation is written twice.
    parts = _LINE_INDENTATION.split(body)
    indentations = parts[1::2]
    doubled = {spaces: b"\n" + spaces + spaces for spaces in set(indentations)}
    parts[1::2] = map(doubled.__getitem__, indentations)
    return b"".join(parts)


def pretty_json(data, indent: int) -> str | None:
    """``JSONRenderer().render(data)`` with ``indent`` 4 (what the browsable view shows), or None when orjson
    cannot write the very same text (then the caller uses DRF's renderer).

    DRF's settings here (UNICODE_JSON, STRICT_JSON) give ``json.dumps(data, indent=4, ensure_ascii=False,
    separators=(",", ": "))`` with U+2028/U+2029 escaped. orjson's ``OPT_INDENT_2`` writes the same text
    with half the indentation — strings never hold a raw newline, so every run of spaces after a newline
    is indentation, doubled here.
    """
    if indent != 4:
        return None
    try:
        body = orjson.dumps(
            data, default=_orjson_default,
            option=(
                orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
                | orjson.OPT_PASSTHROUGH_SUBCLASS
            ),
        )
    except (orjson.JSONEncodeError, _NotLikeDRF, TypeError, ValueError):
        return None
    if not _floats_like_python(body):
        return None
    # Strings never hold a raw newline: the spaces that start a line are all indentation.
    body = _double_indentation(body)
    return body.decode().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# --- urlize ----------------------------------------------------------------------------------------------

_urlizer = Urlizer()
_SEPARATORS = r"""\s<>"'"""  # what urlize splits words at (Urlizer.word_split_re)
#: What any word that ``urlize`` turns into a link has in it: an http(s)/www url, a name ending in one of
#: the seven original gTLDs, an email address. ``urlize`` only escapes every other word and the separators,
#: which is ``html.escape`` of all the text between such words, done in one go.
_LINK_HINT = re.compile(r"http|www\.|\.(?:com|edu|gov|int|mil|net|org)|@", re.IGNORECASE)
#: The same, looked for with str.find in the lower-cased text (much faster than the regex): the regex
#: also takes the dotless ı for i (Python's case-insensitive matching does), hence its lower-cased form.
_LINK_HINT_STRINGS = ("http", "www.", ".com", ".edu", ".gov", ".int", ".mil", ".net", ".org", "@")
_SEPARATOR = re.compile(rf"[{_SEPARATORS}]")
_WORD_END = re.compile(rf"[^{_SEPARATORS}]*")
_WORD_TAIL = re.compile(rf"[^{_SEPARATORS}]*\Z")
_UNRESERVED = r"[A-Za-z0-9._~-]"
#: An http(s) url that Django's ``smart_urlquote`` leaves as it is: ASCII host labels (1-63 characters), an
#: optional port, a path of unreserved characters and slashes, an optional query of ``name=value`` pairs of
#: unreserved characters; no percent sign, fragment, brackets or parentheses.
_PLAIN_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
    rf"(?::[0-9]{{1,5}})?(?:/[A-Za-z0-9._~/-]*)?(?:\?{_UNRESERVED}+={_UNRESERVED}*(?:&{_UNRESERVED}+={_UNRESERVED}*)*)?"
)


def _urlize_word(word: str) -> str:
    """``Urlizer.handle_word`` (nofollow, autoescape) of a word that may be a link."""
    if (
        len(word) <= MAX_URL_LENGTH and word[-1] not in _urlizer.trailing_punctuation_chars
        and _PLAIN_URL.fullmatch(word) and ("&" not in word or html.unescape(word) == word)
    ):
        # Nothing to trim, nothing smart_urlquote would change: the link is the word itself.
        escaped = html.escape(word) if "&" in word else word  # & is the only character to escape here
        return f'<a href="{escaped}" rel="nofollow">{escaped}</a>'
    return _urlizer.handle_word(word, safe_input=False, nofollow=True, autoescape=True)


def _word_start(text: str, position: int) -> int:
    """Where the word around ``position`` starts (after the last separator before it)."""
    if position == 0 or _SEPARATOR.match(text, position - 1):
        return position  # the usual case: a url just after a quote
    window = 64
    while True:
        low = max(0, position - window)
        start = _WORD_TAIL.search(text, low, position).start()
        if start > low or low == 0:
            return start
        window *= 4  # a long word: look further back


def _link_hints(text: str) -> list[int]:
    """Where, in order, the text has something that may make the word around it a link (``_LINK_HINT``)."""
    lowered = text.lower().replace("ı", "i")
    if len(lowered) != len(text):  # a few characters lower-case to two (İ): positions would shift
        return [match.start() for match in _LINK_HINT.finditer(text)]
    found = []
    for hint in _LINK_HINT_STRINGS:
        position = lowered.find(hint)
        while position != -1:
            found.append(position)
            position = lowered.find(hint, position + 1)
    found.sort()
    return found


#: Words already urlized (a word's link depends on the word alone), across requests.
URLIZED_WORDS_CACHE_SIZE = 50_000
_urlized_words: dict[str, str] = {}


def urlize_json_text(text: str) -> SafeString:
    """``{{ text|urlize }}`` in an autoescaping template (``urlize(text, nofollow=True, autoescape=True)``),
    for text that is not already safe: the same string, with only the words that may be links looked at.

    ``urlize`` splits the text into words at whitespace, quotes and angle brackets, links some and escapes
    the rest (separators too). Escaping is character by character, so all the text between the words that
    may be links is escaped in one go (joined with NUL, which JSON text never has raw, then split again).
    """
    if "\0" in text:
        return SafeString(urlize(text, nofollow=True, autoescape=True))
    cache = _urlized_words
    gaps = []
    links = []
    position = 0  # the text before it is done
    for hint in _link_hints(text):
        if hint < position:
            continue  # in a word already done
        start = _word_start(text, hint)
        end = _WORD_END.match(text, hint).end()
        word = text[start:end]
        done = cache.get(word)
        if done is None:
            done = _urlize_word(word)
            if len(cache) >= URLIZED_WORDS_CACHE_SIZE:
                cache.clear()  # bounded; the same actors, documents and propositions come back page after page
            cache[word] = done
        gaps.append(text[position:start])
        links.append(done)
        position = end
    gaps.append(text[position:])
    gaps = html.escape("\0".join(gaps)).split("\0")
    links.append("")
    return SafeString("".join([part for pair in zip(gaps, links) for part in pair]))


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
    """DRF's browsable API, same page, fraction of the cost (see the module's docstring)."""

    #: Per view class (and action description): the HTML description, the same for every request.
    _per_view = {}

    def pretty_content(self, renderer, data, accepted_media_type, renderer_context):
        """The response body as DRF's ``get_content`` gives it (the default renderer's, indented by 4)."""
        if (
            data is not None and isinstance(renderer, renderers.JSONRenderer) and renderer.encoder_class is JSONEncoder
            and not renderer.ensure_ascii and renderer.strict
        ):
            text = pretty_json(data, renderer.get_indent(accepted_media_type, {**renderer_context, "indent": 4}))
            if text is not None:
                return text
        return super().get_content(renderer, data, accepted_media_type, renderer_context)

    def get_content(self, renderer, data, accepted_media_type, renderer_context):
        text = self.pretty_content(renderer, data, accepted_media_type, renderer_context)
        if not text or getattr(self, "_placeholder", None) is None:
            return text
        # The template writes {{ content|urlize }}: it gets a placeholder urlize keeps as it is (letters and
        # digits), replaced in ``render`` by the text urlized here.
        self._urlized_content = urlize_json_text(text)
        return self._placeholder

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

    def render(self, data, accepted_media_type=None, renderer_context=None):
        self._placeholder = "factbasecontent" + secrets.token_hex(16)
        self._urlized_content = None
        try:
            page = super().render(data, accepted_media_type, renderer_context)
        finally:
            placeholder, self._placeholder = self._placeholder, None
        if self._urlized_content is not None:
            page = page.replace(placeholder, self._urlized_content)
        return page


def clear_caches():
    """Forget rendered filter forms, breadcrumbs and descriptions (tests; a deployment restarts instead)."""
    _filter_forms.clear()
    _breadcrumbs.clear()
    BrowsableAPIRenderer._per_view.clear()
