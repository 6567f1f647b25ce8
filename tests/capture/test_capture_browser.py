"""End to end in headless Chromium: a curator pastes an address, follows the job, reads the captured
document and makes a claim from it. Full-page screenshots at 1,400 px go to ``$FACTBASE_SCREENSHOTS``."""

import os
import shutil

import pytest

from claims.models import Claim
from sources.capture.models import CaptureJob
from sources.models import ActorKind
from tests.e2e.test_curation_browser import CHROMIUM, CHROMIUM_ARGS, PASSWORD, pick_autocomplete, screenshots_dir
from tests.sources.factories import ActorFactory

QUOTE = "about 2,000 North Korean soldiers sent to fight for Russia have been killed"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _async_unsafe_allowed(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def test_a_curator_captures_a_page_reads_it_and_makes_a_claim_from_it(live_server, make_user, site):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"chromium not found at {CHROMIUM}: install Debian's package with `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    make_user("curator", groups=["curator"], is_staff=True)
    ActorFactory(key="nis", name="National Intelligence Service", kind=ActorKind.INTELLIGENCE_AGENCY, country="KR")
    shots = screenshots_dir()
    base = live_server.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(locale="en-US", viewport={"width": 1400, "height": 900}).new_page()
            page.goto(f"{base}/admin/login/")
            page.fill("#id_username", "curator")
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")
            page.wait_for_selector("#site-name")

            page.goto(f"{base}/admin/capture/capturejob/add/")
            page.fill("#id_url", site.url("/short"))
            page.screenshot(path=str(shots / "capture-01-from-address.png"), full_page=True)
            page.click("input[name=_save]")
            page.wait_for_selector(".capture-state.capture-done")
            page.screenshot(path=str(shots / "capture-02-job-done.png"), full_page=True)
            assert "done — document created" in page.inner_text(".capture-state")

            page.goto(f"{base}/admin/capture/capturejob/")
            page.screenshot(path=str(shots / "capture-03-job-list.png"), full_page=True)

            page.goto(f"{base}/admin/capture/capturejob/{CaptureJob.objects.get().pk}/change/")
            page.click("a.capture-document")
            page.wait_for_selector(".document-body")
            assert QUOTE in page.inner_text(".document-body")
            page.screenshot(path=str(shots / "capture-04-document.png"), full_page=True)
            document = CaptureJob.objects.get().document

            page.goto(f"{base}/admin/claims/claim/add/")
            page.fill("#id_key", "nis-2000-dead-captured")
            pick_autocomplete(page, "id_claimant", "nis", "National Intelligence Service")
            page.select_option("#id_kind", "estimate")
            page.fill("#id_summary", "About 2,000 North Korean soldiers sent to fight for Russia have been killed.")
            page.select_option("#id_hedge", "estimated")
            page.fill("#id_stated_on", "2025-09-04")
            pick_autocomplete(page, "id_appearances-0-document", "seoul", document.title[:20])
            page.fill("#id_appearances-0-quote", QUOTE)
            page.click("input[name=_save]")
            page.wait_for_selector("ul.messagelist li.success")

            page.goto(f"{base}/admin/sources/document/{document.pk}/change/")
            page.wait_for_selector(".document-body mark")
            page.screenshot(path=str(shots / "capture-05-document-with-claim.png"), full_page=True)
        finally:
            browser.close()
    appearance = Claim.objects.get(key="nis-2000-dead-captured").appearances.get()
    assert document.body[appearance.start:appearance.end] == QUOTE
