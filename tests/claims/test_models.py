"""Constraints and validation of the claims model: every invariant that can be, is a database constraint."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.models import ESTIMATE_BOUNDS_MESSAGE, ESTIMATE_QUALIFIER_MESSAGE, Claim, Estimate, Qualifier
from tests.claims.factories import (
    AppearanceFactory,
    AttributionHopFactory,
    ClaimFactory,
    ClaimRelationFactory,
    EstimateFactory,
    PropositionFactory,
)
from tests.sources.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def _violates(factory, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**fields)


@pytest.mark.parametrize("field,value", [("kind", "rumour"), ("hedge", "guessed"), ("status", "deleted"), ("verdict", "maybe")])
def test_claim_enums_are_database_constraints(field, value):
    _violates(ClaimFactory, **{field: value})


@pytest.mark.parametrize("credibility", [0, 7])
def test_claim_credibility_is_1_to_6(credibility):
    _violates(ClaimFactory, credibility=credibility)


def test_claim_key_is_unique():
    ClaimFactory(key="same")
    _violates(ClaimFactory, key="same")


def test_claimant_is_protected_from_deletion():
    from django.db.models import ProtectedError

    claim = ClaimFactory()
    with pytest.raises(ProtectedError):
        claim.claimant.delete()


def test_week_precision_is_stored_as_the_monday():
    claim = ClaimFactory.build(stated_on=dt.date(2025, 9, 4), stated_on_precision="week", claimant=ClaimFactory().claimant)
    claim.full_clean()
    assert claim.stated_on == dt.date(2025, 9, 1)
    assert claim.stated_on_display == "week of 2025-09-01"


def test_quote_must_match_document_span():
    appearance = AppearanceFactory()
    appearance.full_clean()
    appearance.start += 1
    with pytest.raises(ValidationError) as error:
        appearance.full_clean()
    assert "does not match the document" in str(error.value)


def test_appearance_span_must_not_be_empty():
    appearance = AppearanceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(appearance).objects.filter(pk=appearance.pk).update(end=appearance.start)


def test_an_actor_appears_once_per_step_of_a_chain():
    hop = AttributionHopFactory(position=1)
    _violates(AttributionHopFactory, appearance=hop.appearance, position=1, actor=hop.actor)


def test_a_step_may_hold_several_actors_parallel_relays():
    hop = AttributionHopFactory(position=1)
    AttributionHopFactory(appearance=hop.appearance, position=1)
    assert hop.appearance.hops.filter(position=1).count() == 2


def test_document_hash_is_computed_not_typed():
    document = DocumentFactory(body="Hello")
    assert document.body_sha256 == "185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969"
    document.body = "Hello!"
    document.save()
    document.refresh_from_db()
    assert document.body_sha256 != "185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969"


def test_changed_body_flags_quotes_for_review(curator):
    from sources.services import document_update

    appearance = AppearanceFactory()
    document = appearance.document
    document_update(document=document, values={"body": document.body.replace("2,000", "3,000")}, by=curator)
    appearance.refresh_from_db()
    assert appearance.needs_review
    document_update(document=document, values={"body": document.body.replace("3,000", "2,000")}, by=curator)
    appearance.refresh_from_db()
    assert not appearance.needs_review


def test_claim_search_text_and_first_publication_follow_appearances():
    appearance = AppearanceFactory(translation="περίπου 2.000 Πούτιν", translation_language="el")
    claim = Claim.objects.get(pk=appearance.claim_id)
    assert "πουτιν" in claim.search_text
    assert claim.first_published_on == appearance.document.published_on


@pytest.mark.parametrize(
    "fields",
    [
        {"lower": Decimal(3000), "value": Decimal(2000), "qualifier": "approximately"},
        {"value": Decimal(2000), "upper": Decimal(1000), "qualifier": "approximately"},
        {"lower": Decimal(5), "upper": Decimal(1), "value": None, "qualifier": "range"},
    ],
)
def test_estimate_bounds_are_ordered(fields):
    _violates(EstimateFactory, **fields)


@pytest.mark.parametrize(
    "qualifier,fields",
    [
        ("exact", {"value": Decimal(5), "lower": Decimal(1)}),
        ("at_least", {"value": None, "lower": None}),
        ("more_than", {"lower": Decimal(1), "upper": Decimal(9)}),
        ("at_most", {"value": None, "upper": None}),
        ("range", {"value": None, "lower": Decimal(1), "upper": None}),
        ("unknown", {"value": Decimal(0)}),
    ],
)
def test_estimate_qualifier_matches_bounds(qualifier, fields):
    _violates(EstimateFactory, qualifier=qualifier, **fields)


def test_unknown_estimate_is_not_zero():
    estimate = EstimateFactory(qualifier=Qualifier.UNKNOWN, value=None)
    assert estimate.value is None and estimate.display_value == "unknown"


def test_estimate_constraint_messages_reach_full_clean():
    estimate = EstimateFactory.build(
        claim=ClaimFactory(), proposition=PropositionFactory(), qualifier="range", value=None, lower=Decimal(9), upper=Decimal(1)
    )
    with pytest.raises(ValidationError) as error:
        estimate.full_clean()
    assert ESTIMATE_BOUNDS_MESSAGE in str(error.value)
    estimate = EstimateFactory.build(claim=ClaimFactory(), proposition=PropositionFactory(), qualifier="at_least", value=Decimal(5))
    with pytest.raises(ValidationError) as error:
        estimate.full_clean()
    assert ESTIMATE_QUALIFIER_MESSAGE["at_least"] in str(error.value)


def test_estimate_display_uses_qualifier_symbols():
    assert EstimateFactory(value=Decimal(2000)).display_value == "≈2,000"
    assert EstimateFactory(qualifier="at_least", value=Decimal(600), lower=Decimal(600)).display_value == "≥600"


def test_estimate_period_must_be_ordered_and_exclusive_with_as_of():
    _violates(EstimateFactory, as_of=None, period_start=dt.date(2025, 3, 1), period_end=dt.date(2025, 1, 1))
    _violates(EstimateFactory, as_of=dt.date(2025, 1, 1), period_start=dt.date(2025, 1, 1))


def test_relation_cannot_point_to_itself():
    claim = ClaimFactory()
    _violates(ClaimRelationFactory, source=claim, target=claim)


def test_quantity_proposition_needs_a_unit():
    _violates(PropositionFactory, kind="quantity", unit="")


def test_history_is_kept_for_claims():
    claim = ClaimFactory(summary="first")
    claim.summary = "second"
    claim.save()
    assert [h.summary for h in claim.history.order_by("history_date")] == ["first", "second"]
