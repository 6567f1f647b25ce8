"""In a real headless browser: a curator sees the speakers extraction proposed and confirms one; a
reviewer accepts a re-report match.

Screenshots (1,400 px wide, full page) go to ``$FACTBASE_SCREENSHOTS``: the proposed-actor list, its page,
the confirmed actor's page with its alias (and the alias kind column); the claim relations list with the
re-report action chosen, and after accepting it.
"""

import datetime as dt
import shutil

import pytest

from claims.extraction.candidates import candidates_save, extract_candidates
from claims.extraction.matching import candidates_match
from claims.models import Claim, ClaimRelation
from sources.models import Actor, ActorAlias, Document
from tests.e2e.test_curation_browser import CHROMIUM, CHROMIUM_ARGS, log_in, screenshots_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _async_unsafe_allowed(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def test_a_curator_confirms_a_proposed_speaker(live_server, make_user):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    make_user("root", is_staff=True, is_superuser=True)
    document = Document.objects.create(
        key="tokmak", language="en", published_on=dt.date(2024, 4, 13),
        body="The death toll has increased to 10, Governor Yevgeny Balitsky said. "
             "At least 600 of them had died, lawmaker Lee Seong-kweun told reporters.")
    candidates_save(document=document, candidates=extract_candidates(document=document))
    shots = screenshots_dir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = log_in(browser, live_server.url, "root")
            page.set_viewport_size({"width": 1400, "height": 900})
            page.goto(f"{live_server.url}/admin/sources/proposedactor/")
            page.screenshot(path=str(shots / "20-proposed-actors.png"), full_page=True)
            page.click("a:text-is('Yevgeny Balitsky')")
            page.wait_for_selector("#proposedactor_form")
            page.screenshot(path=str(shots / "21-proposed-actor.png"), full_page=True)
            page.goto(f"{live_server.url}/admin/sources/proposedactor/")
            page.check("tr:has(a:text-is('Yevgeny Balitsky')) input.action-select")
            page.select_option("select[name=action]", "confirm")
            page.click("button[name=index]")
            page.wait_for_selector("ul.messagelist")
            page.screenshot(path=str(shots / "22-proposed-actor-confirmed.png"), full_page=True)
            actor = Actor.objects.get(name="Yevgeny Balitsky")
            page.goto(f"{live_server.url}/admin/sources/actor/{actor.pk}/change/")
            page.screenshot(path=str(shots / "23-confirmed-actor.png"), full_page=True)
        finally:
            browser.close()
    assert actor.claims.count() == 1


def test_a_reviewer_accepts_a_rereport_match(live_server, make_user):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    make_user("root", is_staff=True, is_superuser=True)
    nis = Actor.objects.create(key="nis", name="National Intelligence Service", kind="intelligence_agency", country="KR")
    ActorAlias.objects.create(actor=nis, name="NIS", language="en")
    first = Document.objects.create(key="first", language="en", published_on=dt.date(2025, 9, 4),
                                    body="The NIS said about 2,000 soldiers were killed.")
    candidates_save(document=first, candidates=extract_candidates(document=first))
    second = Document.objects.create(key="second", language="en", published_on=dt.date(2025, 9, 5),
                                     body="About 2,000 soldiers were killed this week, the NIS said.")
    candidates = extract_candidates(document=second)
    candidates_match(candidates=candidates, exclude_document=second)
    candidates_save(document=second, candidates=candidates)
    relation = ClaimRelation.objects.get(kind="repeats", state="suggested")
    shots = screenshots_dir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = log_in(browser, live_server.url, "root")
            page.set_viewport_size({"width": 1400, "height": 900})
            page.goto(f"{live_server.url}/admin/claims/claimrelation/")
            page.check(f"input.action-select[value='{relation.pk}']")
            page.select_option("select[name=action]", "accept_rereports")
            page.screenshot(path=str(shots / "24-rereport-action.png"), full_page=True)
            page.click("button[name=index]")
            page.wait_for_selector("ul.messagelist")
            page.screenshot(path=str(shots / "25-rereport-accepted.png"), full_page=True)
            assert "1 re-report(s) accepted." in page.inner_text("ul.messagelist")
        finally:
            browser.close()
    assert Claim.objects.get(pk=relation.source_id).status == "retracted"
    assert relation.target.appearances.count() == 2
