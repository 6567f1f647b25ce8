"""End to end in a real headless browser: a curator enters a claim from a Greek quote, a reviewer publishes it.

Runs Debian's chromium (``apt-get install chromium``) through Playwright's executable path — no browser
is ever downloaded. A missing chromium fails the test with a message saying how to install it.
Screenshots go to ``$FACTBASE_SCREENSHOTS`` (default ``test-artifacts/screenshots``).
"""

import datetime as dt
import re
from pathlib import Path

import pytest

from claims.models import Claim, ClaimStatus
from sources.models import ActorKind
from tests.claims.factories import PropositionFactory
from tests.sources.factories import ActorFactory, DocumentFactory

# tests/capture and tests/security import these from here; they live in conftest.py with the fixtures.
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PASSWORD, pick_autocomplete, screenshots_dir  # noqa: F401
from tests.e2e.conftest import log_in, run_action, screenshot

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "seeds" / "000_96f8c3dbb12c4205.txt"
QUOTE = "περίπου 2.000 Βορειοκορεάτες στρατιώτες"
FALLBACK_BODY = (
    "Η υπηρεσία πληροφοριών της Νότιας Κορέας εκτιμά ότι έχουν σκοτωθεί περίπου 2.000 Βορειοκορεάτες στρατιώτες "
    "που στάλθηκαν να πολεμήσουν για τη Ρωσία."
)

# serialized_rollback: the flush after this test must not re-create content types behind the back of
# other transactional tests that restore the serialized database (tests/security).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def greek_document():
    """The seed article when it is in the checkout and holds the quote; otherwise a Greek paragraph."""
    body, published_on = FALLBACK_BODY, dt.date(2025, 9, 4)
    if SEED_ARTICLE.exists():
        from sources.articles import parse_dated_article

        published_on, seed_body = parse_dated_article(SEED_ARTICLE.read_text(encoding="utf-8"))
        if seed_body.count(QUOTE) == 1:
            body = seed_body
    return DocumentFactory(key="seed-article", title="Κιμ: θα υποστηρίξουμε πλήρως τη Ρωσία", language="el",
                           published_on=published_on, body=body)


def claim_row(claim_key):
    # The claims list shows the key under the summary, in the claim's link.
    return f"tr:has(.claim-key:text-is('{claim_key}'))"


def test_curator_enters_a_greek_quote_and_a_reviewer_publishes_it(live_server, make_user, chromium, shots):
    make_user("curator", groups=["curator"], is_staff=True)
    make_user("reviewer", groups=["reviewer"], is_staff=True)
    ActorFactory(key="nis", name="National Intelligence Service", kind=ActorKind.INTELLIGENCE_AGENCY, country="KR")
    document = greek_document()
    PropositionFactory(key="nk-troops-deaths-russia", title="Deaths among North Korean troops deployed to Russia")
    base = live_server.url

    # The curator enters the claim in one screen, pasting the Greek quote without offsets.
    page = log_in(chromium, base, "curator")
    page.goto(f"{base}/admin/claims/claim/add/")
    page.fill("#id_key", "nis-2000-dead-2025-09")
    pick_autocomplete(page, "id_claimant", "nis", "National Intelligence Service")
    page.select_option("#id_kind", "estimate")
    page.fill("#id_summary", "About 2,000 North Korean soldiers sent to fight for Russia have been killed.")
    page.select_option("#id_hedge", "estimated")
    page.fill("#id_stated_on", "2025-09-04")
    page.select_option("#id_stated_on_precision", "week")
    pick_autocomplete(page, "id_appearances-0-document", "seed", document.title)
    page.fill("#id_appearances-0-quote", QUOTE)
    pick_autocomplete(page, "id_estimates-0-proposition", "deaths", "Deaths among North Korean troops")
    page.select_option("#id_estimates-0-qualifier", "approximately")
    page.fill("#id_estimates-0-value", "2000")
    page.fill("#id_estimates-0-wording", "περίπου 2.000")
    screenshot(page, shots, "01-curator-claim-form")
    page.click("input[name=_save]")
    page.wait_for_selector("ul.messagelist li.success")
    screenshot(page, shots, "02-curator-saved")

    claim = Claim.objects.get(key="nis-2000-dead-2025-09")
    appearance = claim.appearances.get()
    assert document.body[appearance.start:appearance.end] == QUOTE
    assert claim.estimates.get().wording == "περίπου 2.000"

    run_action(page, "submit_for_review", claim_row(claim.key))
    assert "1 claim submitted for review." in page.inner_text("ul.messagelist")
    screenshot(page, shots, "03-curator-submitted")

    # The reviewer finds it in the review queue and publishes it.
    review = log_in(chromium, base, "reviewer")
    review.goto(f"{base}/admin/claims/claim/review-queue/")
    assert claim.key in review.inner_text("#review-queue")
    screenshot(review, shots, "04-reviewer-queue")
    review.goto(f"{base}/admin/claims/claim/?status__exact=in_review")
    run_action(review, "publish", claim_row(claim.key))
    assert "1 claim published." in review.inner_text("ul.messagelist")

    # It is now in the published list.
    review.goto(f"{base}/admin/claims/claim/?status__exact=published")
    screenshot(review, shots, "05-published-list")
    assert re.search(re.escape(claim.key), review.inner_text("#result_list"))

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert claim.version == 3
