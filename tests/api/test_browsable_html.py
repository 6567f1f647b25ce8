"""The browsable HTML view (factbase.api.browsable.BrowsableAPIRenderer): DRF's page, with its fixed parts cached.

Until the API's views name the new renderer, the ``browsable`` fixture puts it in their place.
"""

import html
import json
import re

import pytest
from rest_framework import renderers
from rest_framework.test import APIClient

import claims.api.views
from factbase.api import browsable
from factbase.api.viewsets import ReadOnlyAPIViewSet
from tests.claims.factories import ClaimFactory

LISTS = [
    "/api/v1/actors/", "/api/v1/documents/", "/api/v1/claims/", "/api/v1/claims/claimreviews/",
    "/api/v1/appearances/", "/api/v1/propositions/", "/api/v1/estimates/", "/api/v1/import-runs/",
]
HOSTILE = '<script>alert("http://evil.example.com/?a=1&b=2")</script> mail x@evil.org www.evil.net'


def _swap(renderer_classes, renderer):
    return [renderer if issubclass(cls, renderers.BrowsableAPIRenderer) else cls for cls in renderer_classes]


@pytest.fixture
def use_renderer(monkeypatch):
    """``use_renderer(cls)`` makes every API view offer ``cls`` as its browsable view."""
    jsonld = claims.api.views.JSONLD_RENDERERS  # the claims' JSON-LD actions got this very list
    saved = list(jsonld)

    def use(renderer):
        monkeypatch.setattr(ReadOnlyAPIViewSet, "renderer_classes",
                            _swap(ReadOnlyAPIViewSet.renderer_classes, renderer))
        jsonld[:] = _swap(saved, renderer)

    yield use
    jsonld[:] = saved


@pytest.fixture
def browsable_renderer(use_renderer):
    browsable.clear_caches()
    use_renderer(browsable.BrowsableAPIRenderer)
    yield
    browsable.clear_caches()


@pytest.fixture
def staff_client(staff):
    client = APIClient()
    client.force_login(staff)
    return client


def _page(client, url):
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def _shown_json(page):
    """The response body the page shows (after the status line and headers in its <pre>), as text."""
    shown = re.search(r'<pre class="prettyprint"><span class="meta nocode">(.*?)</pre>', page, re.S).group(1)
    status_and_headers, body = html.unescape(re.sub(r"<[^>]+>", "", shown)).split("\n\n", 1)
    assert status_and_headers.startswith("HTTP 200 OK\n")
    return body


def _without_csrf_token(page):
    # A fresh masked token per page: the only thing two renderings of one request may differ in.
    return re.sub(r'"csrfToken": "[^"]*"', '"csrfToken": ""', page)


def test_the_page_shows_the_json_of_format_json(world, api_client, browsable_renderer):
    page = _page(api_client, "/api/v1/claims/?format=api")
    data = api_client.get("/api/v1/claims/?format=json").json()
    # The urls in the page keep ?format=api, as DRF's do.
    expected = json.dumps(data, indent=4, ensure_ascii=False).replace("/?format=json", "/?format=api")
    assert _shown_json(page) == expected
    assert '<a href="http://testserver/api/v1/claims/nis-2000/?format=api" rel="nofollow">' in page


PAGES = [
    ("/api/v1/claims/?format=api", False),
    ("/api/v1/claims/?format=api", True),
    ("/api/v1/claims/?format=api&claimant=nis&kind=estimate&stated_on_after=2024-01-01&ordering=-id", False),
    ("/api/v1/claims/?format=api&page_size=2", False),
    ("/api/v1/claims/claimreviews/?format=api", False),
    ("/api/v1/estimates/?format=api&value_min=100", True),
    ("/api/v1/actors/?format=api&q=πουτιν", False),
    ("/api/v1/documents/?format=api", False),
    ("/api/v1/propositions/nk-troops-russia-deaths/timeline/?format=api", False),
    ("/api/v1/claims/nis-2000/?format=api", False),
    ("/api/v1/claims/nis-2000/", False),  # a browser's Accept: text/html
]


@pytest.mark.parametrize("url, as_staff", PAGES)
def test_the_page_is_the_one_drf_renders(world, staff, url, as_staff, use_renderer):
    ClaimFactory(key="hostile", claimant=world["actors"]["nis"], status="published", summary=HOSTILE)
    client = APIClient()
    if as_staff:
        client.force_login(staff)
    browsable.clear_caches()
    use_renderer(renderers.BrowsableAPIRenderer)
    expected = _without_csrf_token(_page(client, url))
    use_renderer(browsable.BrowsableAPIRenderer)
    for _ in range(2):  # the second time from the caches
        assert _without_csrf_token(_page(client, url)) == expected
    browsable.clear_caches()


def test_pages_stay_right_whatever_was_rendered_before(world, staff, use_renderer):
    """One after the other, with the caches filled by the pages before: every page is still DRF's."""
    ClaimFactory(key="hostile", claimant=world["actors"]["nis"], status="published", summary=HOSTILE)
    anonymous, staff_client = APIClient(), APIClient()
    staff_client.force_login(staff)
    cases = [(url, client) for url, _ in PAGES for client in (anonymous, staff_client)]
    use_renderer(renderers.BrowsableAPIRenderer)
    expected = [_without_csrf_token(_page(client, url)) for url, client in cases]
    use_renderer(browsable.BrowsableAPIRenderer)
    for _ in range(2):
        assert [_without_csrf_token(_page(client, url)) for url, client in cases] == expected
    browsable.clear_caches()


def test_the_filter_form_shows_what_was_submitted(world, api_client, browsable_renderer):
    page = _page(api_client, "/api/v1/claims/?format=api&claimant=nis&kind=estimate&stated_on_after=2024-01-01")
    assert 'name="claimant" value="nis"' in page
    assert '<option value="estimate" selected>' in page
    assert 'name="stated_on_after" value="2024-01-01"' in page
    # Another request, other values: nothing of the first form is left.
    other = _page(api_client, "/api/v1/claims/?format=api&claimant=kcna")
    assert 'name="claimant" value="kcna"' in other
    assert 'value="nis"' not in other and '<option value="estimate" selected>' not in other
    assert 'name="stated_on_after" value="2024-01-01"' not in other
    plain = _page(api_client, "/api/v1/claims/?format=api")
    assert 'name="claimant" value=' not in plain


def test_the_filter_form_has_every_filter(world, api_client, browsable_renderer):
    page = _page(api_client, "/api/v1/claims/?format=api")
    for name in claims.api.views.ClaimViewSet.filterset_class.base_filters:
        assert re.search(rf'name="{name}(_after|_before)?"', page), name
    assert "Field filters" in page and "Ordering" in page


def test_anonymous_readers_and_staff_each_see_their_own_claims(world, api_client, staff_client, browsable_renderer):
    for _ in range(2):
        assert "nis-draft" in _page(staff_client, "/api/v1/claims/?format=api")
        assert "nis-draft" not in _page(api_client, "/api/v1/claims/?format=api")


def test_hostile_text_is_escaped(world, api_client, browsable_renderer):
    ClaimFactory(key="hostile", claimant=world["actors"]["nis"], status="published", summary=HOSTILE)
    page = _page(api_client, "/api/v1/claims/?format=api&key=hostile")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(\\&quot;" in page
    assert _shown_json(page).count(json.dumps(HOSTILE, ensure_ascii=False)[1:-1]) == 1
    # Links inside it are made as urlize makes them (escaped, nofollow).
    assert 'href="mailto:x@evil.org"' in page and 'href="http://www.evil.net"' in page


@pytest.mark.parametrize("url", LISTS)
def test_every_list_answers_in_html(world, staff_client, browsable_renderer, url):
    page = _page(staff_client, f"{url}?format=api")
    assert "<title>" in page and 'class="breadcrumb"' in page and "?format=json" in page


def test_errors_stay_json(world, api_client, browsable_renderer):
    response = api_client.get("/api/v1/claims/?format=api&kind=nonsense")
    assert response.status_code == 400 and response.json()["errors"]["kind"]
