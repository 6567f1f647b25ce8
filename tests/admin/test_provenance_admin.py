"""Issue 14 in the admin: joint claimants, parallel relays, wordings per report, related quantities, the synthesis."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from claims.models import Estimate, EstimateWording, JointClaimant

pytestmark = pytest.mark.django_db


def test_claim_page_lists_joint_claimants_and_parallel_relays(series, admin_client):
    page = admin_client.get(reverse("admin:claims_claim_change", args=[series["claims"]["troops"].pk])).content.decode()
    assert "joint claimants" in page.lower() and "Western intelligence" in page
    page = admin_client.get(reverse("admin:claims_claim_change", args=[series["claims"]["nis_2000"].pk])).content.decode()
    assert "Lee Seong-kweun (paraphrased, press conference, ko, 2025-09-02) + Park Sun-won" in page


def test_appearance_page_edits_parallel_relays_and_wordings(series, admin_client):
    english = series["appearances"]["english"]
    page = admin_client.get(reverse("admin:claims_appearance_change", args=[english.pk])).content.decode()
    assert "rows sharing a step number are parallel relays" in page
    assert "nearly 2,000" in page and 'name="medium"' in page


def _appearance_post(appearance, wording_rows):
    hops = list(appearance.hops.order_by("position", "id"))
    data = {
        "claim": appearance.claim_id, "document": appearance.document_id, "quote": appearance.quote,
        "start": appearance.start, "end": appearance.end, "translation": "", "translation_language": "",
        "stated_on": "2025-09-02", "stated_on_precision": "day", "medium": "closed_briefing",
        "claim_version": appearance.claim.version,  # read by forms that check the claim's version
        "hops-TOTAL_FORMS": len(hops), "hops-INITIAL_FORMS": len(hops), "hops-MIN_NUM_FORMS": 0, "hops-MAX_NUM_FORMS": 1000,
        "wordings-TOTAL_FORMS": len(wording_rows), "wordings-INITIAL_FORMS": 0, "wordings-MIN_NUM_FORMS": 0,
        "wordings-MAX_NUM_FORMS": 1000,
    }
    for i, hop in enumerate(hops):
        data.update({f"hops-{i}-id": hop.pk, f"hops-{i}-appearance": appearance.pk, f"hops-{i}-position": hop.position,
                     f"hops-{i}-actor": hop.actor_id, f"hops-{i}-relation": hop.relation, f"hops-{i}-medium": hop.medium,
                     f"hops-{i}-language": hop.language, f"hops-{i}-passed_on": "2025-09-02",
                     f"hops-{i}-passed_on_precision": "day"})
    for i, (estimate, wording) in enumerate(wording_rows):
        data.update({f"wordings-{i}-estimate": estimate.pk, f"wordings-{i}-wording": wording, f"wordings-{i}-offset": "",
                     f"wordings-{i}-appearance": appearance.pk})
    return data


def test_a_wording_entered_without_offset_is_located_in_the_quote(series, admin_client):
    korean = series["appearances"]["korean"]
    EstimateWording.objects.filter(appearance=korean).delete()
    url = reverse("admin:claims_appearance_change", args=[korean.pk])
    response = admin_client.post(url, _appearance_post(korean, [(series["estimate"], "2천여 명")]))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    record = EstimateWording.objects.get(appearance=korean)
    assert korean.quote[record.offset:record.offset + len(record.wording)] == "2천여 명"


def test_a_wording_absent_from_the_quote_is_a_form_error(series, admin_client):
    korean = series["appearances"]["korean"]
    EstimateWording.objects.filter(appearance=korean).delete()
    url = reverse("admin:claims_appearance_change", args=[korean.pk])
    response = admin_client.post(url, _appearance_post(korean, [(series["estimate"], "about 2,000")]))
    assert response.status_code == 200
    assert "does not occur in the appearance&#x27;s quote" in response.content.decode()
    assert not EstimateWording.objects.filter(appearance=korean).exists()


def test_proposition_page_shows_the_synthesis_apart_from_interested_parties(series, admin_client):
    url = reverse("admin:claims_proposition_change", args=[series["propositions"]["deaths"].pk])
    page = admin_client.get(url, {"known_on": "2025-09-30"}).content.decode()
    assert "What was known on 2025-09-30" in page
    independent, interested = page.split("Interested parties", 1)
    assert "≈2,000" in independent.split("Independent origins", 1)[1] and "North Korea" in interested
    may = admin_client.get(url, {"known_on": "2025-05-01"}).content.decode()
    assert "≥600" in may and "(or more)" in may


def test_proposition_page_refuses_a_bad_date_with_a_message(series, admin_client):
    url = reverse("admin:claims_proposition_change", args=[series["propositions"]["deaths"].pk])
    response = admin_client.get(url, {"known_on": "May 2025"})
    assert response.status_code == 200
    assert "known_on: unreadable date" in response.content.decode()


def test_proposition_page_shows_parts_and_flags_parts_exceeding_the_whole(series, admin_client):
    Estimate.objects.filter(claim=series["claims"]["nis_600"], proposition=series["propositions"]["wounded"]).update(
        lower=Decimal(4500))
    url = reverse("admin:claims_proposition_change", args=[series["propositions"]["casualties"].pk])
    page = admin_client.get(url).content.decode()
    assert "parts and other units" in page.lower()
    assert "Parts exceeding their whole" in page and "5,100" in page.replace("5100", "5,100")


def test_joint_claimant_inline_saves_an_unnamed_group(series, admin_client):
    # Through the inline, the model's check refuses the lead claimant as a joint claimant.
    from claims.models import JOINT_CLAIMANT_IS_LEAD_MESSAGE

    link = JointClaimant(claim=series["claims"]["nis_100"], actor=series["actors"]["nis"], position=2)
    with pytest.raises(Exception, match=JOINT_CLAIMANT_IS_LEAD_MESSAGE):
        link.full_clean()
