"""The workflow holds on every admin path: the pages of a claim's parts and the claim page's inlines.

Each scenario is one found by crafting requests as a curator: a published claim changed without review
through a part's own page, an estimate moved onto a published claim, a curator's relation saved as
accepted, the claim's version never raised, and the child-row race (a claim form saved over an estimate
changed on its own page in between).
"""

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from claims.models import (
    Appearance,
    AttributionHop,
    Claim,
    ClaimRelation,
    ClaimStance,
    ClaimStatus,
    Estimate,
    RelationState,
)
from tests.admin.conftest import GREEK_QUOTE, _client_for
from tests.admin.forms import form_errors, rendered_form_data
from tests.claims.factories import (
    AppearanceFactory,
    AttributionHopFactory,
    ClaimFactory,
    ClaimRelationFactory,
    ClaimStanceFactory,
    EstimateFactory,
)
from tests.sources.factories import ActorFactory

pytestmark = pytest.mark.django_db


def add_url(model):
    return reverse(f"admin:claims_{model}_add")


def change_url(obj):
    return reverse(f"admin:claims_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def published(greek_document, nis):
    claim = ClaimFactory(key="nis-published", claimant=nis, status=ClaimStatus.PUBLISHED)
    AppearanceFactory(claim=claim, document=greek_document, quote=GREEK_QUOTE)
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def draft(greek_document, nis):
    claim = ClaimFactory(key="nis-draft", claimant=nis)
    AppearanceFactory(claim=claim, document=greek_document, quote=GREEK_QUOTE)
    return Claim.objects.get(pk=claim.pk)


def _post_add(client, model, fields):
    data = rendered_form_data(client.get(add_url(model)))
    data.update({name: str(value) for name, value in fields.items()})
    return client.post(add_url(model), data)


# --- a curator's POST to each child page of a published claim is refused --------------------------

def test_curator_cannot_add_an_estimate_to_a_published_claim(curator_client, published, deaths):
    response = _post_add(curator_client, "estimate", {"claim": published.pk, "proposition": deaths.pk,
                                                      "qualifier": "exact", "value": "424242", "as_of_precision": "day"})
    assert response.status_code == 200
    assert "curator may not change claim nis-published or its parts while it is published" in form_errors(response)
    assert not Estimate.objects.exists()
    assert Claim.objects.get(pk=published.pk).version == published.version


def test_curator_cannot_add_an_appearance_to_a_published_claim(curator_client, published, greek_document):
    response = _post_add(curator_client, "appearance", {"claim": published.pk, "document": greek_document.pk,
                                                        "quote": "Ο Βλαντιμίρ Πούτιν"})
    assert response.status_code == 200
    assert "while it is published" in form_errors(response)
    assert published.appearances.count() == 1


def test_curator_cannot_add_a_stance_hop_or_relation_to_a_published_claim(curator_client, published, deaths, draft):
    appearance = published.appearances.get()
    relay = ActorFactory(key="kcna")
    for model, fields in [
        ("claimstance", {"claim": published.pk, "proposition": deaths.pk, "stance": "estimates"}),
        ("attributionhop", {"appearance": appearance.pk, "position": 1, "actor": relay.pk, "relation": "paraphrased"}),
        ("claimrelation", {"source": published.pk, "target": draft.pk, "kind": "updates"}),
    ]:
        response = _post_add(curator_client, model, fields)
        assert response.status_code == 200, model
        assert "while it is published" in form_errors(response), model
    assert not ClaimStance.objects.exists() and not AttributionHop.objects.exists()
    assert not ClaimRelation.objects.exists()


@pytest.mark.parametrize("factory", ["estimate", "appearance", "stance", "hop", "relation"])
def test_curator_posting_to_the_change_page_of_a_published_claims_part_is_refused(curator_client, published, factory,
                                                                                deaths):
    part = {
        "estimate": lambda: EstimateFactory(claim=published, proposition=deaths, wording=""),
        "appearance": lambda: published.appearances.get(),
        "stance": lambda: ClaimStanceFactory(claim=published, proposition=deaths),
        "hop": lambda: AttributionHopFactory(appearance=published.appearances.get()),
        "relation": lambda: ClaimRelationFactory(source=published),
    }[factory]()
    before = type(part).objects.filter(pk=part.pk).values().get()
    response = curator_client.post(change_url(part), {"claim": published.pk, "value": "424242"})
    assert response.status_code == 403
    assert type(part).objects.filter(pk=part.pk).values().get() == before
    assert Claim.objects.get(pk=published.pk).version == published.version


def test_moving_a_drafts_estimate_to_a_published_claim_is_refused(curator_client, draft, published, deaths):
    estimate = EstimateFactory(claim=draft, proposition=deaths, wording="")
    data = rendered_form_data(curator_client.get(change_url(estimate)))
    data["claim"] = str(published.pk)
    response = curator_client.post(change_url(estimate), data)
    assert response.status_code == 200
    assert "may not change claim nis-published" in form_errors(response)
    assert Estimate.objects.get(pk=estimate.pk).claim_id == draft.pk


def test_curator_added_relation_is_saved_as_suggested(curator_client, draft, published):
    response = _post_add(curator_client, "claimrelation", {"source": draft.pk, "target": published.pk,
                                                          "kind": "updates", "state": "accepted"})
    assert response.status_code == 302, form_errors(response)
    assert ClaimRelation.objects.get().state == RelationState.SUGGESTED


def test_reviewer_may_change_a_published_claims_estimate_and_the_version_rises(reviewer_client, published, deaths):
    estimate = EstimateFactory(claim=published, proposition=deaths, wording="")
    data = rendered_form_data(reviewer_client.get(change_url(estimate)))
    data["value"] = "2500"
    response = reviewer_client.post(change_url(estimate), data)
    assert response.status_code == 302, form_errors(response)
    claim = Claim.objects.get(pk=published.pk)
    assert claim.version == published.version + 1
    record = claim.history.order_by("-history_id").first()
    assert record.history_change_reason.startswith(f"estimate #{estimate.pk} of {deaths.key} changed: value 2000")
    assert record.history_user.username == "reviewer"


def test_a_part_change_raises_the_version_and_shows_in_the_claims_history(curator_client, draft, deaths):
    response = _post_add(curator_client, "estimate", {"claim": draft.pk, "proposition": deaths.pk,
                                                      "qualifier": "approximately", "value": "2000",
                                                      "as_of_precision": "day", "wording": "περίπου 2.000"})
    assert response.status_code == 302, form_errors(response)
    estimate = Estimate.objects.get()
    claim = Claim.objects.get(pk=draft.pk)
    assert claim.version == draft.version + 1
    assert claim.history.order_by("-history_id").first().history_change_reason == (
        f"estimate #{estimate.pk} of {deaths.key} added")


def test_estimate_wording_absent_from_the_claims_quotes_is_a_form_error(curator_client, draft, deaths):
    response = _post_add(curator_client, "estimate", {"claim": draft.pk, "proposition": deaths.pk,
                                                      "qualifier": "approximately", "value": "9999",
                                                      "as_of_precision": "day", "wording": "about 9,999"})
    assert response.status_code == 200
    assert "'about 9,999' does not occur in any quote of its claim" in html.unescape(form_errors(response))
    assert not Estimate.objects.exists()


def test_a_quote_pasted_with_straight_quotes_is_stored_as_the_document_has_it(curator_client, draft, greek_document):
    response = _post_add(curator_client, "appearance", {"claim": draft.pk, "document": greek_document.pk,
                                                        "quote": 'χαρακτήρισε τις σχέσεις "ιδιαίτερες"'})
    assert response.status_code == 302, form_errors(response)
    appearance = Appearance.objects.exclude(quote=GREEK_QUOTE).get()
    assert appearance.quote == "χαρακτήρισε τις σχέσεις «ιδιαίτερες»"
    messages = [str(m) for m in curator_client.get(response.url).context["messages"]]
    assert any("after normalising quotation marks" in m for m in messages)


def test_a_quote_still_absent_names_the_closest_passage_and_the_first_difference(curator_client, draft, greek_document):
    response = _post_add(curator_client, "appearance", {"claim": draft.pk, "document": greek_document.pk,
                                                        "quote": "περίπου 2,000 Βορειοκορεάτες"})
    errors = form_errors(response)
    assert "The closest passage is at" in errors and "περίπου 2.000 Βορειοκορεάτες" in errors
    assert "first differ at character 9 of the quote" in errors


# --- the child-row race ------------------------------------------------------------------------

def test_claim_form_saved_over_an_estimate_changed_on_its_own_page_is_refused(curator, make_user, draft, deaths):
    estimate = EstimateFactory(claim=draft, proposition=deaths, wording="")
    first = _client_for(curator)
    second = _client_for(make_user("curator2", groups=["curator"], is_staff=True))
    claim_form = rendered_form_data(first.get(change_url(draft)))  # curator 1 opens the claim
    estimate_form = rendered_form_data(second.get(change_url(estimate)))
    estimate_form["value"] = "3000"
    assert second.post(change_url(estimate), estimate_form).status_code == 302  # curator 2 changes the estimate
    claim_form["summary"] = "A new summary."
    response = first.post(change_url(draft), claim_form)  # curator 1 saves the claim (its stale estimate row too)
    assert response.status_code == 200
    errors = form_errors(response)
    assert "was changed by someone else while you edited it" in errors
    assert f"estimate #{estimate.pk} of {deaths.key} changed: value 2000" in errors and "by curator2" in errors
    assert Estimate.objects.get(pk=estimate.pk).value == Decimal("3000")
    assert Claim.objects.get(pk=draft.pk).summary != "A new summary."


def test_estimate_page_opened_before_a_claim_change_is_refused(curator_client, reviewer, draft, deaths):
    estimate = EstimateFactory(claim=draft, proposition=deaths, wording="")
    data = rendered_form_data(curator_client.get(change_url(estimate)))
    from claims.services.claims import claim_update

    claim_update(claim=draft, values={"summary": "Changed meanwhile."}, by=reviewer)
    data["value"] = "5"
    response = curator_client.post(change_url(estimate), data)
    assert response.status_code == 200
    assert "summary: " in form_errors(response) and "Changed meanwhile." in form_errors(response)
    assert Estimate.objects.get(pk=estimate.pk).value == Decimal("2000")


def test_curator_cannot_add_a_published_claims_stance_from_the_proposition_page(curator_client, published, deaths):
    url = reverse("admin:claims_proposition_change", args=[deaths.pk])
    data = rendered_form_data(curator_client.get(url))
    prefix = "stances"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update({f"{prefix}-{total}-claim": str(published.pk), f"{prefix}-{total}-stance": "supports",
                 f"{prefix}-TOTAL_FORMS": str(total + 1)})
    response = curator_client.post(url, data, follow=True)
    assert "may not change claim nis-published or its parts while it is published" in response.content.decode()
    assert not ClaimStance.objects.exists()
