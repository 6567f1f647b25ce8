"""The CSP middleware keeps the settings' policy instead of rebuilding it for every response
(factbase.security.csp): same headers as django-csp's own middleware, built once per settings, and every
response that changes its policy or asks for a nonce still handled by django-csp."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware
from django.http import HttpResponse

from factbase.security import csp as kept

REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"], "img-src": ["https:"], "report-uri": "/csp-report/"}}


def plain(request):
    return HttpResponse("{}", content_type="application/json")


def both(view, request):
    """(django-csp's response, ours) to the same request."""
    return CSPMiddleware(view)(request), kept.KeptPolicyCSPMiddleware(view)(request)


@pytest.fixture
def built(monkeypatch):
    """How many times the kept middleware built a policy string."""
    calls = []

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return build(*args, **kwargs)

    build = kept.build_policy
    monkeypatch.setattr(kept, "build_policy", counting)
    monkeypatch.setattr(kept, "_kept", None)
    return calls


def test_the_headers_are_django_csps_and_built_once_for_every_plain_response(rf, settings, built):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = REPORT_ONLY
    for path in ("/api/v1/claims/", "/api/v1/claims/1/", "/admin/"):
        theirs, ours = both(plain, rf.get(path))
        assert ours[HEADER] == theirs[HEADER] and "default-src 'self'" in ours[HEADER]
        assert "nonce" not in ours[HEADER]
        assert ours[HEADER_REPORT_ONLY] == theirs[HEADER_REPORT_ONLY] and "report-uri /csp-report/" in ours[HEADER_REPORT_ONLY]
    assert len(built) == 2  # one enforced policy and one report-only, for all three responses


def test_a_changed_setting_is_built_again(rf, settings, built):
    first = kept.KeptPolicyCSPMiddleware(plain)(rf.get("/"))
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    second = kept.KeptPolicyCSPMiddleware(plain)(rf.get("/"))
    assert "default-src 'self'" in first[HEADER] and second[HEADER] == "default-src 'none'"
    assert len(built) == 4


def test_a_page_that_asks_for_a_nonce_gets_its_own_in_the_header(rf, built):
    def page(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">start()</script>')

    responses = [kept.KeptPolicyCSPMiddleware(page)(rf.get("/")) for _ in range(2)]
    nonces = [response[HEADER].split("'nonce-")[1].split("'")[0] for response in responses]
    assert nonces[0] != nonces[1]
    for response, nonce in zip(responses, nonces):
        assert f'nonce="{nonce}"' in response.content.decode()
    assert built == []  # django-csp's own code built them


def test_views_that_change_their_policy_or_are_exempt_keep_django_csps_behaviour(rf, settings):
    @csp_update({"img-src": ["https://tiles.example.org"]})
    def with_map(request):
        return HttpResponse("map")

    @csp_exempt()
    def exempt(request):
        return HttpResponse("exempt")

    for view in (with_map, exempt):
        theirs, ours = both(view, rf.get("/"))
        assert ours.get(HEADER) == theirs.get(HEADER)
    assert "https://tiles.example.org" in both(with_map, rf.get("/"))[1][HEADER]
    assert HEADER not in both(exempt, rf.get("/"))[1]

    settings.CONTENT_SECURITY_POLICY = {**settings.CONTENT_SECURITY_POLICY, "EXCLUDE_URL_PREFIXES": ["/embed/"]}
    assert HEADER not in kept.KeptPolicyCSPMiddleware(plain)(rf.get("/embed/chart/"))
    assert HEADER in kept.KeptPolicyCSPMiddleware(plain)(rf.get("/api/v1/"))


def test_a_header_the_view_set_itself_is_kept(rf):
    def own(request):
        response = HttpResponse("own")
        response[HEADER] = "default-src 'none'"
        return response

    assert kept.KeptPolicyCSPMiddleware(own)(rf.get("/"))[HEADER] == "default-src 'none'"


def test_asking_for_a_nonce_after_the_header_left_is_an_error(rf):
    request = rf.get("/")
    kept.KeptPolicyCSPMiddleware(plain)(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_the_site_uses_the_kept_policy_middleware(settings):
    assert "factbase.security.csp.KeptPolicyCSPMiddleware" in settings.MIDDLEWARE
    assert "csp.middleware.CSPMiddleware" not in settings.MIDDLEWARE


def test_every_attribute_django_csps_decorators_set_sends_the_response_to_django_csp_or_exempts_it(rf):
    """The kept path relies on django-csp's decorators marking a response with ``_csp_*`` attributes it knows:
    each decorator, enforced and report-only, must set only attributes the middleware checks."""
    from csp import decorators

    known = set(kept._OVERRIDES) | {"_csp_exempt", "_csp_exempt_ro"}
    seen = set()
    for name in ("csp", "csp_replace", "csp_update", "csp_exempt"):
        for report_only in (False, True):
            decorator = getattr(decorators, name)
            options = {"REPORT_ONLY": report_only} if name == "csp_exempt" else {
                "config": {"img-src": ["https://tiles.example.org"]}, "REPORT_ONLY": report_only}
            response = decorator(**options)(plain)(rf.get("/"))
            marks = {attribute for attribute in vars(response) if attribute.startswith("_csp")}
            assert marks and marks <= known, (name, report_only, marks - known)
            seen |= marks
    assert seen == known
