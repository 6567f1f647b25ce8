"""Editing a claim in one screen: quotes checked and located, assessment fields guarded, lost updates refused."""

import pytest
from django.urls import reverse

from claims.models import Appearance, Claim, ClaimStatus, Estimate
from tests.admin.conftest import GREEK_QUOTE
from tests.admin.forms import add_inline_rows, form_errors, rendered_form_data
from tests.claims.factories import AppearanceFactory, ClaimFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:claims_claim_add")


def change_url(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def new_claim_data(client, nis, **fields):
    data = rendered_form_data(client.get(ADD_URL))
    data.update({"key": "nis-2000-dead", "claimant": str(nis.pk), "kind": "estimate",
                 "summary": "About 2,000 North Korean soldiers have been killed.", "hedge": "estimated",
                 "stated_on": "2025-09-04", "stated_on_precision": "week", **fields})
    return data


def test_curator_pastes_a_greek_quote_without_offsets_and_they_are_found(curator_client, nis, greek_document, deaths):
    data = new_claim_data(curator_client, nis)
    add_inline_rows(data, "appearances", [{"document": greek_document.pk, "quote": GREEK_QUOTE}])
    add_inline_rows(data, "estimates", [{"proposition": deaths.pk, "qualifier": "approximately", "value": "2000",
                                         "as_of": "2025-09-04", "as_of_precision": "week", "wording": "περίπου 2.000"}])
    response = curator_client.post(ADD_URL, data)
    assert response.status_code == 302, form_errors(response)
    claim = Claim.objects.get(key="nis-2000-dead")
    appearance = claim.appearances.get()
    assert greek_document.body[appearance.start:appearance.end] == GREEK_QUOTE
    assert claim.status == ClaimStatus.DRAFT and claim.version == 1
    assert str(claim.stated_on) == "2025-09-01"  # the week of Thursday 2025-09-04
    assert Estimate.objects.get(claim=claim).wording == "περίπου 2.000"


def test_quote_absent_from_the_document_is_a_form_error(curator_client, nis, greek_document):
    data = add_inline_rows(new_claim_data(curator_client, nis), "appearances",
                           [{"document": greek_document.pk, "quote": "περίπου 3.000 στρατιώτες"}])
    response = curator_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "does not occur in the document body" in form_errors(response)
    assert not Claim.objects.exists()


def test_ambiguous_quote_asks_for_offsets(curator_client, nis, greek_document):
    data = add_inline_rows(new_claim_data(curator_client, nis), "appearances",
                           [{"document": greek_document.pk, "quote": "«ιδιαίτερες»"}])
    response = curator_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "occurs more than once" in form_errors(response)
    assert "give its offsets" in form_errors(response)
    assert not Claim.objects.exists()


def test_ambiguous_quote_with_offsets_is_saved(curator_client, nis, greek_document):
    second = greek_document.body.rindex("«ιδιαίτερες»")
    data = add_inline_rows(new_claim_data(curator_client, nis), "appearances", [
        {"document": greek_document.pk, "quote": "«ιδιαίτερες»", "start": second, "end": second + len("«ιδιαίτερες»")}
    ])
    response = curator_client.post(ADD_URL, data)
    assert response.status_code == 302, form_errors(response)
    assert Appearance.objects.get().start == second


def test_quote_that_differs_from_its_span_says_where(curator_client, nis, greek_document):
    start = greek_document.body.index(GREEK_QUOTE)
    wrong = GREEK_QUOTE.replace("2.000", "3.000")
    data = add_inline_rows(new_claim_data(curator_client, nis), "appearances", [
        {"document": greek_document.pk, "quote": wrong, "start": start, "end": start + len(wrong)}
    ])
    response = curator_client.post(ADD_URL, data)
    assert response.status_code == 200
    errors = form_errors(response)
    assert "does not match the document" in errors and "from character 8" in errors
    assert not Claim.objects.exists()


def test_only_one_of_start_and_end_is_a_form_error(curator_client, nis, greek_document):
    data = add_inline_rows(new_claim_data(curator_client, nis), "appearances",
                           [{"document": greek_document.pk, "quote": GREEK_QUOTE, "start": 5}])
    response = curator_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "give both start and end, or neither" in form_errors(response)


def test_every_successful_save_raises_the_version(curator_client):
    claim = ClaimFactory()
    for expected in (2, 3):
        data = rendered_form_data(curator_client.get(change_url(claim)))
        data["summary"] = f"Edited for version {expected}."
        response = curator_client.post(change_url(claim), data)
        assert response.status_code == 302, form_errors(response)
        claim.refresh_from_db()
        assert claim.version == expected and claim.summary == f"Edited for version {expected}."


def test_conflicting_save_is_refused_with_what_changed_in_between(curator, make_user, curator_client):
    from django.test import Client

    claim = ClaimFactory(summary="Original summary.")
    other = Client()
    other.force_login(make_user("second-curator", groups=["curator"], is_staff=True))
    mine = rendered_form_data(curator_client.get(change_url(claim)))
    theirs = rendered_form_data(other.get(change_url(claim)))

    theirs["summary"] = "Their summary."
    assert other.post(change_url(claim), theirs).status_code == 302
    mine["summary"] = "My summary."
    response = curator_client.post(change_url(claim), mine)

    assert response.status_code == 200
    errors = form_errors(response)
    assert "changed by someone else" in errors
    assert "summary: Original summary. → Their summary. (by second-curator" in errors
    claim.refresh_from_db()
    assert claim.summary == "Their summary." and claim.version == 2


def test_conflict_detected_only_at_save_time_rolls_back_and_explains(curator, curator_client, monkeypatch, greek_document):
    """Another save slipping in between validation and save: nothing of this save is kept, no 500."""
    from claims import forms as claim_forms

    claim = ClaimFactory(summary="Original summary.")
    data = rendered_form_data(curator_client.get(change_url(claim)))
    data["summary"] = "Mine."
    add_inline_rows(data, "appearances", [{"document": greek_document.pk, "quote": GREEK_QUOTE}])
    original_clean = claim_forms.ClaimForm.clean

    def clean_then_someone_else_saves(form):
        cleaned = original_clean(form)
        Claim.objects.filter(pk=claim.pk).update(version=5, summary="Someone else's.")
        return cleaned

    monkeypatch.setattr(claim_forms.ClaimForm, "clean", clean_then_someone_else_saves)
    response = curator_client.post(change_url(claim), data, follow=True)
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    claim.refresh_from_db()
    # The whole request was one transaction, rolled back: neither "Mine." nor the appearance was kept
    # (the simulated concurrent write ran inside it, so it went too).
    assert claim.summary == "Original summary." and claim.version == 1
    assert not claim.appearances.exists()


def test_curator_cannot_set_verdict_or_credibility(curator_client):
    claim = ClaimFactory()
    page = curator_client.get(change_url(claim))
    assert "verdict" not in page.context["adminform"].form.fields
    data = rendered_form_data(page)
    data.update({"verdict": "false", "credibility": "5", "rationale": "sneaky"})
    assert curator_client.post(change_url(claim), data).status_code == 302
    claim.refresh_from_db()
    assert (claim.verdict, claim.credibility, claim.rationale) == ("unassessed", None, "")


def test_reviewer_sets_verdict_and_is_recorded_as_assessor(reviewer, reviewer_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    data = rendered_form_data(reviewer_client.get(change_url(claim)))
    data.update({"verdict": "plausible", "credibility": "3", "rationale": "Consistent with earlier NIS figures."})
    response = reviewer_client.post(change_url(claim), data)
    assert response.status_code == 302, form_errors(response)
    claim.refresh_from_db()
    assert (claim.verdict, claim.credibility, claim.assessed_by) == ("plausible", 3, reviewer)
    assert claim.assessed_at is not None


def test_status_cannot_be_changed_through_the_form(reviewer_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    data = rendered_form_data(reviewer_client.get(change_url(claim)))
    data["status"] = "published"
    assert reviewer_client.post(change_url(claim), data).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_claim_page_shows_hops_summary_with_link_to_edit_them(curator_client):
    from tests.claims.factories import AttributionHopFactory
    from tests.sources.factories import ActorFactory

    hop = AttributionHopFactory(actor=ActorFactory(name="KCNA"), relation="paraphrased", language="ko")
    content = curator_client.get(change_url(hop.appearance.claim)).content.decode()
    assert f"document → KCNA (paraphrased, ko) → {hop.appearance.claim.claimant}" in content
    assert reverse("admin:claims_appearance_change", args=[hop.appearance.pk]) in content


def test_history_shows_who_changed_what(curator, curator_client):
    claim = ClaimFactory(summary="Before.")
    data = rendered_form_data(curator_client.get(change_url(claim)))
    data["summary"] = "After."
    curator_client.post(change_url(claim), data)
    history = curator_client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()
    assert "curator" in history and "Before." in history and "After." in history


def test_past_versions_cannot_be_posted_back(curator_client):
    claim = ClaimFactory()
    record = claim.history.first()
    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, record.history_id])
    assert curator_client.get(url).status_code == 200
    assert curator_client.post(url, {"summary": "reverted"}).status_code == 403
    claim.refresh_from_db()
    assert claim.summary != "reverted"


def test_appearance_page_edits_hops_in_order(curator_client, nis):
    from tests.sources.factories import ActorFactory

    appearance = AppearanceFactory(claim=ClaimFactory(claimant=nis))
    afp, lawmaker = ActorFactory(key="afp", name="AFP"), ActorFactory(key="lee", name="Lee Seong-kweun")
    url = reverse("admin:claims_appearance_change", args=[appearance.pk])
    data = rendered_form_data(curator_client.get(url))
    add_inline_rows(data, "hops", [
        {"position": 1, "actor": afp.pk, "relation": "reported", "language": "en"},
        {"position": 2, "actor": lawmaker.pk, "relation": "briefed", "language": "ko"},
    ])
    response = curator_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    page = curator_client.get(url).content.decode()
    assert "document → AFP (reported, en) → Lee Seong-kweun (briefed, ko) → National Intelligence Service" in page
