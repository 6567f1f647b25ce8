"""The curation workflow functions: allowed transitions, permissions by group, atomic version bumps."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.models import ClaimStatus
from claims.services.workflow import (
    VersionConflict,
    WorkflowError,
    WorkflowPermissionError,
    claim_assess,
    claim_publish,
    claim_retract,
    claim_return_to_draft,
    claim_save,
    claim_submit,
)
from tests.claims.factories import AppearanceFactory, ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return AppearanceFactory().claim


def test_curator_submits_a_draft_and_reviewer_publishes_it(draft, curator, reviewer):
    claim_submit(claim=draft, by=curator)
    assert draft.status == ClaimStatus.IN_REVIEW and draft.version == 2
    claim_publish(claim=draft, by=reviewer)
    draft.refresh_from_db()
    assert draft.status == ClaimStatus.PUBLISHED and draft.version == 3
    assert [r.history_change_reason for r in draft.history.order_by("history_date")][-2:] == [
        "submitted for review", "published"]


def test_curator_cannot_publish(draft, curator):
    claim_submit(claim=draft, by=curator)
    with pytest.raises(WorkflowPermissionError) as error:
        claim_publish(claim=draft, by=curator)
    assert "needs the permission claims.publish_claim" in str(error.value)
    assert isinstance(error.value, PermissionDenied) and isinstance(error.value, ValidationError)
    draft.refresh_from_db()
    assert draft.status == ClaimStatus.IN_REVIEW


def test_a_draft_cannot_be_published_without_review(draft, reviewer):
    with pytest.raises(WorkflowError, match="it is draft, and only a claim that is in review can be"):
        claim_publish(claim=draft, by=reviewer)


def test_a_claim_without_appearance_cannot_be_submitted(curator):
    claim = ClaimFactory()
    with pytest.raises(WorkflowError, match="has no appearance"):
        claim_submit(claim=claim, by=curator)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFT and claim.version == 1


def test_a_claim_with_a_stale_quote_cannot_be_submitted(draft, curator):
    draft.appearances.update(needs_review=True)
    with pytest.raises(WorkflowError, match="no longer matches"):
        claim_submit(claim=draft, by=curator)


def test_retraction_needs_a_reason_and_keeps_everything(draft, curator, reviewer):
    claim_submit(claim=draft, by=curator)
    claim_publish(claim=draft, by=reviewer)
    with pytest.raises(WorkflowError, match="reason is required"):
        claim_retract(claim=draft, by=reviewer, reason="  ")
    claim_retract(claim=draft, by=reviewer, reason="The outlet withdrew the report.")
    draft.refresh_from_db()
    assert draft.status == ClaimStatus.RETRACTED and draft.appearances.count() == 1
    assert draft.history.first().history_change_reason == "retracted: The outlet withdrew the report."
    with pytest.raises(WorkflowError, match="it is retracted"):
        claim_retract(claim=draft, by=reviewer, reason="again")


def test_curator_cannot_retract(draft, curator):
    with pytest.raises(WorkflowPermissionError):
        claim_retract(claim=draft, by=curator, reason="mine")


def test_reviewer_returns_a_claim_to_draft_with_a_reason(draft, curator, reviewer):
    claim_submit(claim=draft, by=curator)
    claim_return_to_draft(claim=draft, by=reviewer, reason="Quote is a paraphrase, not verbatim.")
    assert draft.status == ClaimStatus.DRAFT


def test_assessment_records_who_and_when(draft, reviewer):
    claim_assess(claim=draft, by=reviewer, verdict="disputed", credibility=4, rationale="North Korea says 350.")
    draft.refresh_from_db()
    assert (draft.verdict, draft.credibility, draft.assessed_by) == ("disputed", 4, reviewer)
    assert draft.assessed_at is not None


def test_assessment_is_validated(draft, reviewer):
    with pytest.raises(ValidationError) as error:
        claim_assess(claim=draft, by=reviewer, verdict="maybe", credibility=9, rationale="")
    assert "verdict" in error.value.message_dict and "credibility" in error.value.message_dict
    draft.refresh_from_db()
    assert draft.verdict == "unassessed" and draft.version == 1


def test_curator_cannot_assess(draft, curator):
    with pytest.raises(WorkflowPermissionError, match="may not assess"):
        claim_assess(claim=draft, by=curator, verdict="false", credibility=5, rationale="")


def test_save_on_a_stale_version_is_refused(draft, curator):
    draft.summary = "New."
    with pytest.raises(VersionConflict, match="you opened version 0, it is now version 1"):
        claim_save(claim=draft, by=curator, expected_version=0)


def test_curator_cannot_edit_a_claim_in_review(draft, curator):
    claim_submit(claim=draft, by=curator)
    draft.summary = "Changed under review."
    with pytest.raises(WorkflowPermissionError, match="may not edit claim"):
        claim_save(claim=draft, by=curator, expected_version=draft.version)


def test_save_never_changes_status(draft, reviewer):
    draft.status = ClaimStatus.PUBLISHED
    claim_save(claim=draft, by=reviewer, expected_version=1)
    draft.refresh_from_db()
    assert draft.status == ClaimStatus.DRAFT and draft.version == 2
