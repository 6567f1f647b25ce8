"""In a real headless browser: a curator sees the speakers extraction proposed and confirms one; a
reviewer accepts a re-report match.

Screenshots (1,400 px wide, full page) go to ``$FACTBASE_SCREENSHOTS``: the proposed-actor list, its page,
the confirmed actor's page with its alias (and the alias kind column); the claim relations list with the
re-report action chosen, and after accepting it.
"""

import datetime as dt

import pytest

from claims.extraction.candidates import candidates_save, extract_candidates
from claims.models import Claim
from sources.models import Actor, Document
from tests.claims.rereport_world import rereport_make
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_curator_confirms_a_proposed_speaker(live_server, make_user, chromium, shots):
    make_user("root", is_staff=True, is_superuser=True)
    document = Document.objects.create(
        key="tokmak", language="en", published_on=dt.date(2024, 4, 13),
        body="The death toll has increased to 10, Governor Yevgeny Balitsky said. "
             "At least 600 of them had died, lawmaker Lee Seong-kweun told reporters.")
    candidates_save(document=document, candidates=extract_candidates(document=document))
    page = log_in(chromium, live_server.url, "root")
    page.goto(f"{live_server.url}/admin/sources/proposedactor/")
    screenshot(page, shots, "20-proposed-actors")
    page.click("a:text-is('Yevgeny Balitsky')")
    page.wait_for_selector("#proposedactor_form")
    screenshot(page, shots, "21-proposed-actor")
    page.goto(f"{live_server.url}/admin/sources/proposedactor/")
    page.check("tr:has(a:text-is('Yevgeny Balitsky')) input.action-select")
    page.select_option("select[name=action]", "confirm")
    page.click("button[name=index]")
    page.wait_for_selector("ul.messagelist")
    screenshot(page, shots, "22-proposed-actor-confirmed")
    actor = Actor.objects.get(name="Yevgeny Balitsky")
    page.goto(f"{live_server.url}/admin/sources/actor/{actor.pk}/change/")
    screenshot(page, shots, "23-confirmed-actor")
    assert actor.claims.count() == 1


def test_a_reviewer_accepts_a_rereport_match(live_server, make_user, chromium, shots):
    make_user("root", is_staff=True, is_superuser=True)
    relation = rereport_make()
    page = log_in(chromium, live_server.url, "root")
    page.goto(f"{live_server.url}/admin/claims/claimrelation/")
    page.check(f"input.action-select[value='{relation.pk}']")
    page.select_option("select[name=action]", "accept_rereports")
    screenshot(page, shots, "24-rereport-action")
    page.click("button[name=index]")
    page.wait_for_selector("ul.messagelist")
    screenshot(page, shots, "25-rereport-accepted")
    assert "1 re-report(s) accepted." in page.inner_text("ul.messagelist")
    assert Claim.objects.get(pk=relation.source_id).status == "retracted"
    assert relation.target.appearances.count() == 2
