"""How the admin shows things: numbers as typed, booleans in words, titled filters, one date format."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from claims.admin.display import PlainDecimalInput, plain_number
from claims.models import ClaimStatus
from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stored, shown", [(Decimal("2000.0000"), "2000"), (Decimal("2.5000"), "2.5"),
                                           (Decimal("0.0000"), "0"), (None, ""), ("abc", "abc")])
def test_numbers_read_as_typed(stored, shown):
    assert plain_number(stored) == shown


def test_estimate_inputs_show_no_trailing_zeros(admin_client):
    estimate = EstimateFactory(value=Decimal("2000"), qualifier="approximately")
    page = admin_client.get(reverse("admin:claims_claim_change", args=[estimate.claim.pk])).content.decode()
    assert 'name="estimates-0-value" value="2000"' in page and "2000.0000" not in page
    assert PlainDecimalInput().format_value(Decimal("600.0000")) == "600"


def test_claim_list_shows_status_verdict_and_credibility_with_titled_filters(admin_client):
    ClaimFactory(key="assessed", status=ClaimStatus.PUBLISHED, verdict="plausible", credibility=3)
    page = admin_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    for column in ("column-status", "column-verdict", "column-credibility_display"):
        assert column in page
    assert '<span title="3 — possibly true">3</span>' in page
    assert "By claimant kind" in page and "By interested party" in page and page.count("By kind") == 1


def test_needs_review_reads_as_words(admin_client):
    appearance = AppearanceFactory()
    page = admin_client.get(reverse("admin:claims_claim_change", args=[appearance.claim.pk])).content.decode()
    assert "icon-no.svg" not in page
    assert "Relations to other claims" in page


def test_dates_read_one_way(admin_client):
    claim = ClaimFactory()
    AppearanceFactory(claim=claim, document__published_on=dt.date(2025, 9, 4))
    page = admin_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert "2025-09-04" in page and "Sept. 4, 2025" not in page


def test_a_claim_without_a_date_of_its_own_shows_its_documents_publication_date(admin_client):
    # As extraction leaves a statement whose sentence names no day: the claim's own date empty.
    undated = ClaimFactory(key="undated", stated_on=None)
    AppearanceFactory(claim=undated, document__published_on=dt.date(2025, 9, 4))
    AppearanceFactory(claim=undated, document__published_on=dt.date(2025, 10, 1))
    ClaimFactory(key="nowhere", stated_on=None)
    ClaimFactory(key="dated", stated_on=dt.date(2025, 9, 3))
    page = admin_client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert "unknown date" not in page
    assert 'class="date-fallback"' in page and ">2025-09-04 <small>(document's date)</small></span>" in page  # the earliest document
    assert "date not stated" in page and "2025-09-03" in page


def test_review_queue_shows_the_documents_date_for_an_undated_claim(reviewer_client):
    claim = ClaimFactory(key="undated", stated_on=None, status=ClaimStatus.IN_REVIEW)
    AppearanceFactory(claim=claim, document__published_on=dt.date(2025, 9, 4))
    page = reviewer_client.get(reverse("admin:claims_claim_review_queue")).content.decode()
    assert "unknown date" not in page and ">2025-09-04 <small>(document's date)</small></span>" in page


def test_lists_of_parts_cut_a_claims_summary_on_a_word(admin_client):
    claim = ClaimFactory(key="long", summary="North Korea has sent soldiers, ammunition and missiles to Russia to support "
                                             "Moscow in its war against Ukraine, the outlet said.")
    AppearanceFactory(claim=claim)
    EstimateFactory(claim=claim, as_of=dt.date(2025, 9, 1), as_of_precision="week")
    for name in ("admin:claims_appearance_changelist", "admin:claims_estimate_changelist"):
        page = admin_client.get(reverse(name)).content.decode()
        assert "to support Moscow in its…<br>" in page and '<span class="claim-key">long</span>' in page
    assert "week of 2025-09-01" in admin_client.get(reverse("admin:claims_estimate_changelist")).content.decode()
