"""Response headers that defend the site: Content-Security-Policy (no inline script without the response's
nonce), Permissions-Policy, ``Vary`` covering everything that changes a response, ``private`` for responses
that depend on who asks (staff using HTTP Basic authentication see drafts under the same URLs)."""

import base64
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from claims.models import Claim, Proposition
from sources.models import Document
from tests.security.conftest import HIDDEN_WORD, PUBLIC_CLAIM, SEED_DOCUMENT

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
VARY = {"accept", "authorization", "cookie"}


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def basic(user) -> str:
    return "Basic " + base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


class Scripts(HTMLParser):
    """Every <script> of a page: (attributes, whether it has inline code)."""

    def __init__(self):
        super().__init__()
        self.found, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = dict(attrs)
            self.found.append([self._open, ""])

    def handle_data(self, data):
        if self._open is not None:
            self.found[-1][1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def inline_scripts_without_the_nonce(response) -> list[str]:
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    parser = Scripts()
    parser.feed(response.content.decode())
    bad = []
    for attrs, code in parser.found:
        if "src" in attrs or attrs.get("type") == "application/json" or not code.strip():
            continue  # a file, or data that is never run
        if not nonce or attrs.get("nonce") != nonce.group(1):
            bad.append(code.strip()[:80])
    return bad


# --- Vary and Cache-Control -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/api/v1/claims/", f"/api/v1/claims/{PUBLIC_CLAIM}/", "/api/v1/claims/?format=csv", "/api/v1/claims/?format=api",
    "/api/v1/documents/", f"/api/v1/documents/{SEED_DOCUMENT}/", "/api/v1/propositions/nk-troops-russia-deaths/timeline/",
])
def test_api_responses_vary_on_accept_authorization_and_cookie(seeded, path):
    response = Client().get(path)
    assert response.status_code == 200
    assert VARY <= vary(response)


def test_staff_using_basic_authentication_see_drafts_in_a_private_response(hidden, make_user):
    staff = make_user("staff-reader", is_staff=True)
    anonymous = Client().get("/api/v1/claims/?q=" + HIDDEN_WORD, HTTP_ACCEPT="application/json")
    as_staff = Client().get("/api/v1/claims/?q=" + HIDDEN_WORD, HTTP_ACCEPT="application/json",
                            HTTP_AUTHORIZATION=basic(staff))
    assert anonymous.json()["results"] == [] and len(as_staff.json()["results"]) == 3
    assert "private" in cache_control(as_staff) and "authorization" in vary(as_staff)
    assert "private" not in cache_control(anonymous)


def test_a_signed_in_session_gets_private_responses(seeded, curator):
    client = Client()
    client.force_login(curator)
    response = client.get(f"/api/v1/claims/{PUBLIC_CLAIM}/", HTTP_ACCEPT="application/json")
    assert "private" in cache_control(response) and "cookie" in vary(response)


def test_a_not_modified_answer_keeps_vary(seeded):
    first = Client().get(f"/api/v1/claims/{PUBLIC_CLAIM}/", HTTP_ACCEPT="application/json")
    again = Client().get(f"/api/v1/claims/{PUBLIC_CLAIM}/", HTTP_ACCEPT="application/json",
                         HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and VARY <= vary(again)


# --- Permissions-Policy and Content-Security-Policy ---------------------------------------------------------

@pytest.mark.parametrize("path", ["/admin/login/", "/api/v1/", "/api/v1/claims/", "/api/docs/", "/api/schema/"])
def test_every_page_has_the_permissions_policy_and_csp(seeded, path):
    response = Client().get(path)
    assert response.status_code == 200
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    policy = directives(response)
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'self'"]


@pytest.mark.parametrize("path", ["/admin/login/", "/api/v1/claims/?format=api", "/api/docs/"])
def test_scripts_run_only_from_this_site_or_with_the_nonce(seeded, path):
    script_src = directives(Client().get(path))["script-src"]
    # No 'unsafe-inline', no 'unsafe-eval', no other host; the nonce only where the page uses one.
    assert script_src[0] == "'self'" and all(value.startswith("'nonce-") for value in script_src[1:])
    assert len(script_src) <= 2


def test_a_page_that_writes_an_inline_script_with_the_nonce_gets_one_per_response(rf):
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    def page(request):  # what a template writing <script nonce="{{ request.csp_nonce }}"> gives
        return HttpResponse(f'<script nonce="{request.csp_nonce}">start()</script>')

    responses = [CSPMiddleware(page)(rf.get("/")) for _ in range(2)]
    nonces = [directives(response)["script-src"][1] for response in responses]
    assert nonces[0] != nonces[1] and all(nonce.startswith("'nonce-") for nonce in nonces)
    for response, nonce in zip(responses, nonces):
        assert inline_scripts_without_the_nonce(response) == []
        assert f'nonce="{nonce[7:-1]}"' in response.content.decode()


def test_swagger_ui_serves_its_init_script_as_a_file(seeded):
    page = Client().get("/api/docs/")
    assert inline_scripts_without_the_nonce(page) == []
    scripts = [attrs["src"] for attrs, _ in _scripts(page) if "src" in attrs]
    init = Client().get(scripts[-1])
    assert init.status_code == 200 and init["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in init.content.decode()


def _scripts(response):
    parser = Scripts()
    parser.feed(response.content.decode())
    return parser.found


@pytest.fixture
def admin_pages(seeded, superuser):
    claim = Claim.objects.get(key=PUBLIC_CLAIM)
    proposition = Proposition.objects.get(key="nk-troops-russia-deaths")
    document = Document.objects.get(key=SEED_DOCUMENT)
    client = Client()
    client.force_login(superuser)
    return client, [
        "/admin/", "/admin/claims/claim/", f"/admin/claims/claim/{claim.pk}/change/", "/admin/claims/claim/add/",
        "/admin/claims/claim/review-queue/", f"/admin/claims/proposition/{proposition.pk}/change/",
        f"/admin/sources/document/{document.pk}/change/", "/admin/security/loginlockout/",
        f"/admin/claims/claim/{claim.pk}/history/",
    ]


def test_no_admin_page_has_an_inline_script_without_the_nonce(admin_pages):
    client, paths = admin_pages
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert inline_scripts_without_the_nonce(response) == [], path


@pytest.mark.parametrize("path", ["/api/v1/?format=api", "/api/v1/claims/?format=api",
                                  f"/api/v1/claims/{PUBLIC_CLAIM}/?format=api"])
def test_the_browsable_api_has_no_inline_script_without_the_nonce(seeded, path):
    response = Client().get(path)
    assert response.status_code == 200 and inline_scripts_without_the_nonce(response) == []
