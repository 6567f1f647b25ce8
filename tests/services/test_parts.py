"""The parts services: the workflow on every change, the claim's version and history, quotes, wording."""

import datetime as dt
from decimal import Decimal

import pytest

from claims.models import Appearance, Claim, ClaimRelation, ClaimStatus, Estimate, RelationState
from claims.services import parts, workflow
from claims.services.claims import claim_create, claim_update
from factbase.system import IMPORT_USERNAME, system_user
from tests.claims.factories import ClaimFactory

from .conftest import GREEK_QUOTE

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(nis, greek_document, curator):
    claim = claim_create(values={"key": "nis-deaths", "claimant": nis, "summary": "About 2,000 killed.",
                                 "stated_on": dt.date(2025, 9, 4)}, by=curator)
    parts.appearance_add(claim=claim, document=greek_document, quote=GREEK_QUOTE, by=curator)
    return Claim.objects.get(pk=claim.pk)


def _published(claim, reviewer):
    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.PUBLISHED)
    return Claim.objects.get(pk=claim.pk)


def test_an_estimate_raises_the_version_and_shows_in_the_claims_history(draft, deaths, curator):
    estimate = parts.estimate_add(claim=draft, proposition=deaths, by=curator, expected_version=draft.version,
                                  values={"value": Decimal("2000"), "qualifier": "approximately",
                                          "wording": "περίπου 2.000"})
    claim = Claim.objects.get(pk=draft.pk)
    assert claim.version == draft.version + 1
    record = claim.history.order_by("-history_id").first()
    assert record.history_change_reason == f"estimate #{estimate.pk} of {deaths.key} added"
    assert record.history_user == curator


def test_a_curator_may_not_change_a_published_claims_parts(draft, deaths, curator, reviewer):
    published = _published(draft, reviewer)
    with pytest.raises(workflow.WorkflowPermissionError, match="curators edit drafts only"):
        parts.estimate_add(claim=published, proposition=deaths, by=curator,
                           values={"value": Decimal("424242"), "qualifier": "exact"})
    assert not Estimate.objects.exists()


def test_moving_an_estimate_needs_the_right_to_edit_both_claims(draft, deaths, curator, nis):
    estimate = parts.estimate_add(claim=draft, proposition=deaths, by=curator, values={"value": Decimal("2000"),
                                  "qualifier": "approximately"})
    other = ClaimFactory(claimant=nis, status=ClaimStatus.PUBLISHED)
    with pytest.raises(workflow.WorkflowPermissionError, match=f"claim {other.key}"):
        parts.estimate_update(estimate=estimate, values={"claim": other}, by=curator)
    assert Estimate.objects.get(pk=estimate.pk).claim_id == draft.pk


def test_a_stale_version_is_refused_with_the_part_change_listed(draft, deaths, curator):
    opened = draft.version
    estimate = parts.estimate_add(claim=draft, proposition=deaths, by=curator, expected_version=opened,
                                  values={"value": Decimal("2000"), "qualifier": "approximately"})
    with pytest.raises(workflow.VersionConflict) as caught:
        parts.estimate_update(estimate=estimate, values={"value": Decimal("3000")}, by=curator, expected_version=opened)
    assert f"estimate #{estimate.pk} of {deaths.key} added (by curator" in caught.value.messages[0]
    assert Estimate.objects.get(pk=estimate.pk).value == Decimal("2000")


def test_wording_must_occur_in_the_claims_quotes(draft, deaths, curator):
    with pytest.raises(parts.PartError) as caught:
        parts.estimate_add(claim=draft, proposition=deaths, by=curator,
                           values={"value": Decimal("9999"), "qualifier": "approximately", "wording": "about 9,999"})
    assert "'about 9,999' does not occur in any quote of its claim" in caught.value.message_dict["wording"][0]


def test_a_quote_pasted_with_other_typography_stores_the_documents_span(nis, curator, greek_document):
    claim = claim_create(values={"key": "putin", "claimant": nis, "summary": "Special relations."}, by=curator)
    appearance = parts.appearance_add(claim=claim, document=greek_document, by=curator,
                                      quote='χαρακτήρισε τις σχέσεις "ιδιαίτερες"')
    assert appearance.quote == "χαρακτήρισε τις σχέσεις «ιδιαίτερες»"
    assert greek_document.body[appearance.start:appearance.end] == appearance.quote
    assert "quotation marks" in appearance.quote_message


def test_a_curators_relation_starts_as_suggested_and_a_reviewers_is_accepted(draft, curator, reviewer, nis):
    other = ClaimFactory(claimant=nis)
    relation = parts.relation_add(source=draft, target=other, kind="updates", by=curator, state="accepted")
    assert ClaimRelation.objects.get(pk=relation.pk).state == RelationState.SUGGESTED
    with pytest.raises(workflow.WorkflowPermissionError):
        parts.relation_update(relation=relation, values={"state": "accepted"}, by=curator)
    parts.relation_review(relation=relation, accept=True, by=reviewer)
    assert ClaimRelation.objects.get(pk=relation.pk).state == RelationState.ACCEPTED


def test_removing_an_appearance_refreshes_the_claims_search_text(draft, curator):
    assert "σκοτωθει" in Claim.objects.get(pk=draft.pk).search_text
    parts.appearance_remove(appearance=draft.appearances.get(), by=curator)
    assert "σκοτωθει" not in Claim.objects.get(pk=draft.pk).search_text
    assert not Appearance.objects.filter(claim=draft).exists()


def test_claim_update_refuses_workflow_fields(draft, curator):
    with pytest.raises(workflow.WorkflowError, match="only through claims.services.workflow"):
        claim_update(claim=draft, values={"status": "published"}, by=curator)


def test_a_batch_adds_parts_with_one_version_raise_per_claim(draft, deaths, nis, greek_document):
    importer = system_user()
    estimates = [Estimate(claim=draft, proposition=deaths, value=Decimal(n), qualifier="exact") for n in (1, 2, 3)]
    parts.parts_add(parts=estimates, by=importer, reason="import_bundle run #9")
    claim = Claim.objects.get(pk=draft.pk)
    assert claim.version == draft.version + 1
    assert claim.history.order_by("-history_id").first().history_change_reason == "import_bundle run #9"
    assert Estimate.history.filter(history_user__username=IMPORT_USERNAME).count() == 3


def test_suggest_relations_leaves_retracted_claims_out_and_raises_versions(nis, deaths):
    from claims.analysis.relations import relations_suggest
    from tests.claims.factories import EstimateFactory

    older = ClaimFactory(claimant=nis, stated_on=dt.date(2025, 1, 1))
    newer = ClaimFactory(claimant=nis, stated_on=dt.date(2025, 4, 1))
    withdrawn = ClaimFactory(claimant=nis, stated_on=dt.date(2025, 6, 1), status=ClaimStatus.RETRACTED)
    for claim, month in ((older, 1), (newer, 4), (withdrawn, 6)):
        EstimateFactory(claim=claim, proposition=deaths, as_of=dt.date(2025, month, 1), as_of_precision="month",
                        wording="")
    report = relations_suggest()
    assert report.updates == 1
    relation = ClaimRelation.objects.get()
    assert (relation.source_id, relation.target_id, relation.state) == (newer.pk, older.pk, RelationState.SUGGESTED)
    assert Claim.objects.get(pk=newer.pk).version == newer.version + 1
    assert Claim.objects.get(pk=withdrawn.pk).version == withdrawn.version
