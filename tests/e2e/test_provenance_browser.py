"""The provenance screens in headless Chromium at 1,400 px: a joint claim, a relay chain with parallel lawmakers,
wordings per report, and the proposition page's synthesis and parts. Screenshots go to ``$FACTBASE_SCREENSHOTS``."""

from decimal import Decimal

import pytest

from claims.models import Estimate
from tests.claims.provenance_world import build_series
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_provenance_screens(live_server, make_user, chromium, shots):
    make_user("editor", is_staff=True, is_superuser=True)
    series = build_series()
    Estimate.objects.filter(claim=series["claims"]["nis_600"], proposition=series["propositions"]["wounded"]).update(
        lower=Decimal(4500))  # so that the casualties page shows a part conflict
    base = live_server.url
    page = log_in(chromium, base, "editor")
    page.goto(f"{base}/admin/claims/claim/{series['claims']['troops'].pk}/change/")
    assert page.locator("text=Western intelligence").count() >= 1
    screenshot(page, shots, "provenance-01-joint-claim")
    page.goto(f"{base}/admin/claims/claim/{series['claims']['nis_2000'].pk}/change/")
    assert page.locator("text=Park Sun-won").count() >= 1
    screenshot(page, shots, "provenance-02-claim-three-reports")
    page.goto(f"{base}/admin/claims/appearance/{series['appearances']['greek'].pk}/change/")
    screenshot(page, shots, "provenance-03-appearance-chain-wordings")
    page.goto(f"{base}/admin/claims/proposition/{series['propositions']['deaths'].pk}/change/?known_on=2025-09-30")
    assert page.locator("#proposition-synthesis").is_visible()
    screenshot(page, shots, "provenance-04-deaths-synthesis")
    page.goto(f"{base}/admin/claims/proposition/{series['propositions']['casualties'].pk}/change/")
    assert page.locator(".part-conflicts").is_visible()
    screenshot(page, shots, "provenance-05-casualties-parts")
