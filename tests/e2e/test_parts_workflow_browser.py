"""In a real browser: the workflow on a part's own page, a pasted quote's normalisation message, and the
claim page refusing a save over an estimate changed on its own page. Full-page screenshots at 1,400 px go
to ``$FACTBASE_SCREENSHOTS`` (``parts-*.png``)."""

import pytest

from claims.models import Claim, ClaimStatus, Estimate
from tests.admin.conftest import GREEK_BODY, GREEK_QUOTE
from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory, PropositionFactory
from tests.e2e.conftest import log_in, screenshot
from tests.sources.factories import ActorFactory, DocumentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_parts_pages_hold_the_workflow_in_a_browser(live_server, make_user, chromium, shots):
    make_user("curator", groups=["curator"], is_staff=True)
    make_user("curator2", groups=["curator"], is_staff=True)
    nis = ActorFactory(key="nis", name="National Intelligence Service")
    document = DocumentFactory(key="kathimerini-2025-09-04", title="Κιμ και Πούτιν", language="el", body=GREEK_BODY)
    deaths = PropositionFactory(key="nk-troops-deaths-russia", title="Deaths among North Korean troops")
    published = ClaimFactory(key="nis-published", claimant=nis, status=ClaimStatus.PUBLISHED)
    AppearanceFactory(claim=published, document=document, quote=GREEK_QUOTE)
    draft = ClaimFactory(key="nis-draft", claimant=nis)
    AppearanceFactory(claim=draft, document=document, quote=GREEK_QUOTE)
    estimate = EstimateFactory(claim=draft, proposition=deaths, wording="")
    base = live_server.url

    page = log_in(chromium, base, "curator")
    # An estimate for a published claim, from the estimate's own page: refused, nothing written.
    page.goto(f"{base}/admin/claims/estimate/add/?claim={published.pk}&proposition={deaths.pk}")
    page.fill("#id_value", "424242")
    page.click("input[name=_save]")
    page.wait_for_selector(".errornote")
    assert "while it is published" in page.content()
    screenshot(page, shots, "parts-estimate-on-published-claim-refused")
    assert not Estimate.objects.filter(claim=published).exists()

    # A quote pasted with straight quotes: stored as the document has it, the message says so.
    page.goto(f"{base}/admin/claims/appearance/add/?claim={draft.pk}&document={document.pk}")
    page.fill("#id_quote", 'χαρακτήρισε τις σχέσεις "ιδιαίτερες"')
    page.click("input[name=_save]")
    page.wait_for_selector("ul.messagelist")
    assert "after normalising quotation marks" in page.content()
    screenshot(page, shots, "parts-quote-normalised-message")

    # The child-row race: curator 1 opens the claim; curator 2 changes the estimate on its page.
    page.goto(f"{base}/admin/claims/claim/{draft.pk}/change/")
    other = log_in(chromium, base, "curator2")
    other.goto(f"{base}/admin/claims/estimate/{estimate.pk}/change/")
    other.fill("#id_value", "3000")
    other.click("input[name=_save]")
    other.wait_for_selector("ul.messagelist")
    page.fill("#id_summary", "A new summary.")
    page.click("input[name=_save]")
    page.wait_for_selector(".errornote")
    assert f"estimate #{estimate.pk} of nk-troops-deaths-russia changed: value 2000" in page.content()
    screenshot(page, shots, "parts-claim-form-refused-after-estimate-change")
    assert Claim.objects.get(pk=draft.pk).summary != "A new summary."
