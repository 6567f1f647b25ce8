"""The provenance screens in headless Chromium at 1,400 px: a joint claim, a relay chain with parallel lawmakers,
wordings per report, and the proposition page's synthesis and parts. Screenshots go to ``$FACTBASE_SCREENSHOTS``."""

import os
import shutil

import pytest

from claims.models import Estimate
from tests.claims.provenance_world import build_series
from tests.e2e.test_curation_browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, log_in, screenshots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _async_unsafe_allowed(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def test_provenance_screens(live_server, make_user):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"chromium not found at {CHROMIUM}: install Debian's package with `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    make_user("editor", is_staff=True, is_superuser=True)  # password: PASSWORD
    series = build_series()
    from decimal import Decimal

    Estimate.objects.filter(claim=series["claims"]["nis_600"], proposition=series["propositions"]["wounded"]).update(
        lower=Decimal(4500))  # so that the casualties page shows a part conflict
    shots, base = screenshots_dir(), live_server.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = log_in(browser, base, "editor")
            page.set_viewport_size({"width": 1400, "height": 900})
            page.goto(f"{base}/admin/claims/claim/{series['claims']['troops'].pk}/change/")
            assert page.locator("text=Western intelligence").count() >= 1
            page.screenshot(path=str(shots / "provenance-01-joint-claim.png"), full_page=True)
            page.goto(f"{base}/admin/claims/claim/{series['claims']['nis_2000'].pk}/change/")
            assert page.locator("text=Park Sun-won").count() >= 1
            page.screenshot(path=str(shots / "provenance-02-claim-three-reports.png"), full_page=True)
            page.goto(f"{base}/admin/claims/appearance/{series['appearances']['greek'].pk}/change/")
            page.screenshot(path=str(shots / "provenance-03-appearance-chain-wordings.png"), full_page=True)
            page.goto(f"{base}/admin/claims/proposition/{series['propositions']['deaths'].pk}/change/?known_on=2025-09-30")
            assert page.locator("#proposition-synthesis").is_visible()
            page.screenshot(path=str(shots / "provenance-04-deaths-synthesis.png"), full_page=True)
            page.goto(f"{base}/admin/claims/proposition/{series['propositions']['casualties'].pk}/change/")
            assert page.locator(".part-conflicts").is_visible()
            page.screenshot(path=str(shots / "provenance-05-casualties-parts.png"), full_page=True)
        finally:
            browser.close()
