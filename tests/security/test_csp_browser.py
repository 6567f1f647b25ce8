"""In Debian's Chromium: the admin, the project's own admin screens, the browsable API and Swagger UI work
under the Content-Security-Policy, and the browser reports no violation on any of them.

Violations are collected two ways: the ``securitypolicyviolation`` events of each page (listened to by a
script the browser injects before the page's own, which the page's policy does not govern) and the
console's "Refused to ..." errors. Each page also shows that its scripts ran (jQuery loaded, Swagger UI drew
the operations), so "no violation" cannot mean "nothing ran". Full-page screenshots, 1,400 px wide, go to
``$FACTBASE_SCREENSHOTS`` (``security-*.png``).
"""

import io
import os
import shutil

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connections

from claims.models import Claim, Proposition
from sources.models import Document
from tests.e2e.test_curation_browser import CHROMIUM, CHROMIUM_ARGS, screenshots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "a-long-test-password"
WIDTH = 1400
LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""


@pytest.fixture(autouse=True)
def _async_unsafe_allowed(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop in this thread


@pytest.fixture
def own_cache(settings):
    # The live server counts failed logins from 127.0.0.1: in a cache of this test's own.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "csp-browser"}}


@pytest.fixture
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"chromium not found at {CHROMIUM}: install Debian's package with `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
            # As tests/e2e/conftest.py's ``chromium``: the ORM calls made while Playwright's loop ran keep their
            # connection in that context, which ends here; close it, or PostgreSQL cannot drop the test database.
            for connection in connections.all(initialized_only=True):
                if not connection.in_atomic_block:
                    connection.close()


class Visitor:
    """One browser context; every page visited is checked for violations and photographed."""

    def __init__(self, browser, base):
        self.base = base
        self.context = browser.new_context(locale="en-US", viewport={"width": WIDTH, "height": 900})
        self.context.add_init_script(LISTEN)
        self.page = self.context.new_page()
        # A shared 2-core machine under a full parallel suite can take more than Playwright's default 30 s
        # to reach network idle on a page with many scripts (seen once on PostgreSQL); a slow page is no failure.
        self.page.set_default_timeout(90_000)
        self.console = []
        self.page.on("console", lambda message: self.console.append(message.text)
                     if message.type == "error" and "Content Security Policy" in message.text else None)
        self.shots = screenshots_dir()

    def visit(self, path, shot, *, ready="body", ran="true"):
        self.console.clear()
        response = self.page.goto(self.base + path)
        assert response.status in (200, 429), f"{path}: {response.status}"
        # goto waited for the load event: every script of the page has run. What draws later (Swagger UI's
        # operations, the chart) is waited for by its selector; the ``ran`` check below proves the scripts ran.
        self.page.wait_for_selector(ready)
        self.page.screenshot(path=str(self.shots / f"security-{shot}.png"), full_page=True)
        # What the page's scripts start after load (timers, late scripts) gets a moment to run and be refused.
        self.page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 200))")
        violations = self.page.evaluate("window.__cspViolations") + self.console
        assert violations == [], f"{path}: {violations}"
        assert self.page.evaluate(ran), f"{path}: its scripts did not run ({ran})"
        assert "script-src 'self'" in response.headers["content-security-policy"]  # Playwright lower-cases names
        return response


def test_admin_browsable_api_and_swagger_ui_run_without_csp_violations(live_server, make_user, browser, own_cache):
    call_command("import_bundle", str(django_settings.BASE_DIR / "seeds"), verbosity=0)
    make_user("root", is_staff=True, is_superuser=True)
    claim = Claim.objects.get(key="nis-nk-troops-russia-deaths-2025-09")
    proposition = Proposition.objects.get(key="nk-troops-russia-deaths")
    document = Document.objects.order_by("pk").first()
    jquery = "typeof window.django !== 'undefined' && typeof window.django.jQuery === 'function'"

    reader = Visitor(browser, live_server.url)
    reader.visit("/api/v1/?format=api", "api-root", ran="typeof window.jQuery === 'function'")
    reader.visit("/api/v1/claims/?format=api", "api-claims", ran="typeof window.jQuery === 'function'")
    reader.visit(f"/api/v1/claims/{claim.key}/?format=api", "api-claim", ran="typeof window.jQuery === 'function'")
    reader.visit("/api/docs/", "swagger-ui", ready=".opblock", ran="document.querySelectorAll('.opblock').length > 10")
    reader.visit("/admin/login/", "admin-login")

    curator = reader
    curator.page.fill("#id_username", "root")
    curator.page.fill("#id_password", PASSWORD)
    curator.page.click("input[type=submit]")
    curator.page.wait_for_selector("#site-name")
    curator.visit("/admin/", "admin-index")
    curator.visit("/admin/claims/claim/", "admin-claims", ran=jquery)
    curator.visit(f"/admin/claims/claim/{claim.pk}/change/", "admin-claim", ran=jquery)
    curator.visit("/admin/claims/claim/add/", "admin-claim-add", ran=jquery)
    curator.visit("/admin/claims/claim/review-queue/", "admin-review-queue")
    curator.visit(f"/admin/claims/proposition/{proposition.pk}/change/", "admin-proposition-chart",
                  ready=".chart svg", ran=jquery)
    curator.visit(f"/admin/sources/document/{document.pk}/change/", "admin-document", ran=jquery)
    curator.visit(f"/admin/sources/document/{document.pk}/read/", "admin-document-reading", ready="#reading",
                  ran="document.documentElement.classList.contains('js')")
    curator.visit("/admin/security/loginlockout/", "admin-lockouts", ran=jquery)
    curator.visit("/api/v1/claims/?format=api", "api-claims-signed-in", ran="typeof window.jQuery === 'function'")


def test_the_admin_lockout_page_is_clear_and_runs_without_csp_violations(live_server, make_user, browser, own_cache,
                                                                          settings):
    settings.AXES_FAILURE_LIMIT = 3
    make_user("editor", is_staff=True)
    visitor = Visitor(browser, live_server.url)
    page = visitor.page
    for attempt in range(3):
        visitor.visit("/admin/login/", f"login-attempt-{attempt + 1}" if attempt == 0 else "login-again")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "not-the-password")
        page.click("input[type=submit]")
        page.wait_for_load_state("networkidle")
    assert "Too many failed logins" in page.inner_text("#content-main")
    page.screenshot(path=str(visitor.shots / "security-lockout-page.png"), full_page=True)
    assert page.evaluate("window.__cspViolations") == [] and visitor.console == []
    # Even the right password is refused now, with the same page.
    visitor.visit("/admin/login/", "login-while-locked")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Too many failed logins" in page.inner_text("#content-main") and "15 minutes" in page.inner_text("#content-main")

    # A superuser lifts it from the shell (the admin is locked out from this address too), then sees the record.
    call_command("lift_login_lockout", "--address", "127.0.0.1", stdout=io.StringIO())
    make_user("root", is_staff=True, is_superuser=True)
    visitor.visit("/admin/login/", "login-after-lift")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    visitor.visit("/admin/security/loginlockout/", "admin-lockouts-after-an-attack",
                  ran="typeof window.django !== 'undefined'")
    assert "editor" in page.inner_text("#result_list") and "lifted" in page.inner_text("#result_list")
