"""Who may do what in the admin: curators draft and submit, reviewers publish, retract and assess,
only a superuser hard-deletes a claim or document."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimStatus
from tests.claims.factories import AppearanceFactory, ClaimFactory
from tests.sources.factories import DocumentFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:claims_claim_changelist")


def run_action(client, action, claims, **extra):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [c.pk for c in claims], **extra}, follow=True)


def test_curator_submits_with_the_admin_action(curator_client):
    claim = AppearanceFactory().claim
    response = run_action(curator_client, "submit_for_review", [claim])
    assert "1 claim submitted for review." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_failed_step_names_the_claim_and_the_reason(curator_client):
    claim = ClaimFactory(key="no-quote-yet")
    response = run_action(curator_client, "submit_for_review", [claim])
    assert "Not done for no-quote-yet: claim no-quote-yet has no appearance" in response.content.decode()


def test_curator_is_not_offered_publish_or_retract(curator_client):
    actions = dict(curator_client.get(CHANGELIST).context["action_form"].fields["action"].choices)
    assert "submit_for_review" in actions
    assert not {"publish", "retract", "return_to_draft", "delete_selected"} & set(actions)


def test_curator_posting_publish_anyway_changes_nothing(curator_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    run_action(curator_client, "publish", [claim])
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_reviewer_publishes_and_retracts_with_a_reason(reviewer_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    assert "1 claim published." in run_action(reviewer_client, "publish", [claim]).content.decode()
    response = run_action(reviewer_client, "retract", [claim])
    assert "a reason is required" in response.content.decode()
    run_action(reviewer_client, "retract", [claim], reason="Misattributed.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RETRACTED


def test_reviewer_is_not_offered_delete(reviewer_client):
    actions = dict(reviewer_client.get(CHANGELIST).context["action_form"].fields["action"].choices)
    assert {"publish", "retract", "return_to_draft"} <= set(actions)
    assert "delete_selected" not in actions


@pytest.mark.parametrize("who", ["curator_client", "reviewer_client"])
def test_nobody_but_a_superuser_deletes_a_claim_or_document(who, request):
    client = request.getfixturevalue(who)
    claim, document = ClaimFactory(), DocumentFactory()
    for url in (reverse("admin:claims_claim_delete", args=[claim.pk]), reverse("admin:sources_document_delete", args=[document.pk])):
        assert client.post(url, {"post": "yes"}).status_code == 403
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_superuser_may_delete_a_claim(admin_client):
    claim = ClaimFactory()
    response = admin_client.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Claim.objects.filter(pk=claim.pk).exists()


def test_curator_sees_a_claim_in_review_read_only(curator_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, summary="Under review.")
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    page = curator_client.get(url)
    assert page.status_code == 200 and page.context["has_change_permission"] is False
    assert curator_client.post(url, {"summary": "Changed."}).status_code == 403
    claim.refresh_from_db()
    assert claim.summary == "Under review."


def test_reviewer_edits_a_claim_in_review(reviewer_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    page = reviewer_client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert page.context["has_change_permission"] is True
    assert "verdict" in page.context["adminform"].form.fields


def test_review_queue_lists_claims_awaiting_review(curator_client):
    waiting = ClaimFactory(key="waiting", status=ClaimStatus.IN_REVIEW)
    ClaimFactory(key="still-a-draft")
    response = curator_client.get(reverse("admin:claims_claim_review_queue"))
    content = response.content.decode()
    assert response.status_code == 200
    assert reverse("admin:claims_claim_change", args=[waiting.pk]) in content
    assert "still-a-draft" not in content
    assert "1 claim awaiting review" in content


def test_review_queue_needs_staff(client):
    response = client.get(reverse("admin:claims_claim_review_queue"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_import_runs_are_read_only(admin_client):
    from factbase.models import ImportRun

    run = ImportRun.objects.create(command="import_bundle", files=[{"name": "seed.yaml", "sha256": "ab" * 32}])
    assert admin_client.get(reverse("admin:factbase_importrun_change", args=[run.pk])).status_code == 200
    assert admin_client.get(reverse("admin:factbase_importrun_add")).status_code == 403
    assert admin_client.post(reverse("admin:factbase_importrun_delete", args=[run.pk]), {"post": "yes"}).status_code == 403


def test_change_page_shows_the_import_run_that_brought_a_record_in(admin_client):
    from factbase.models import ImportRun

    run = ImportRun.objects.create(command="import_bundle", files=[{"name": "seed.yaml", "sha256": "ab" * 32}])
    claim = ClaimFactory()
    Claim.objects.filter(pk=claim.pk).update(first_import_run=run, last_import_run=run)
    content = admin_client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert f"import_bundle #{run.pk} (seed.yaml)" in content
    assert reverse("admin:factbase_importrun_change", args=[run.pk]) in content
