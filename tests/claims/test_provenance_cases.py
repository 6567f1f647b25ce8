"""Issue 14, case by case: provenance as real reporting has it (models, services and analysis)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims.analysis.corroboration import independent_origins
from claims.analysis.quantities import parts_exceeding_whole
from claims.analysis.relations import relations_suggest
from claims.analysis.synthesis import band, proposition_synthesis
from claims.analysis.timeline import proposition_timeline
from claims.models import (
    ClaimRelation,
    Estimate,
    EstimateWording,
    JointClaimant,
    QuantityRelation,
    RelationKind,
    RelationState,
)
from claims.selectors import visible_claims
from claims.services.provenance import (
    Relay,
    appearance_chain_set,
    chain_gaps,
    claim_claimants,
    claim_joint_claimants_set,
    estimate_wording_set,
    quantity_relation_set,
)
from tests.claims.factories import AttributionHopFactory, ClaimFactory, EstimateFactory
from tests.claims.provenance_world import relations_between

pytestmark = pytest.mark.django_db


# 1. Several claimants ------------------------------------------------------------------------------------------

def test_a_claim_has_its_lead_and_joint_claimants_in_order(series):
    troops = series["claims"]["troops"]
    assert [a.key for a in claim_claimants(claim=troops)] == ["nis", "western-intelligence"]
    assert series["actors"]["western"].kind == "unnamed_group"


def test_each_claimant_is_an_origin(series):
    assert independent_origins(claims=visible_claims(user=None).filter(key="troops-10000")) == 2
    assert independent_origins(claims=[series["claims"]["troops"]]) == 2


def test_the_lead_claimant_cannot_also_be_a_joint_claimant(series):
    troops = series["claims"]["troops"]
    with pytest.raises(ValidationError, match="already the claim's lead claimant"):
        claim_joint_claimants_set(claim=troops, actors=[series["actors"]["nis"]])
    assert JointClaimant.objects.filter(claim=troops).count() == 1


def test_a_joint_claimant_is_listed_once(series):
    with pytest.raises(IntegrityError), transaction.atomic():
        JointClaimant.objects.create(claim=series["claims"]["troops"], actor=series["actors"]["western"], position=3)


# 2. Parallel relays, 3. medium and date per hop and per appearance ----------------------------------------------

def test_a_step_holds_both_lawmakers(series):
    english = series["appearances"]["english"]
    hops = list(english.hops.order_by("position", "id"))
    assert [(h.position, h.actor.key, h.medium, h.passed_on) for h in hops] == [
        (1, "lee-seong-kweun", "press_conference", dt.date(2025, 9, 2)),
        (1, "park-sun-won", "press_conference", dt.date(2025, 9, 2)),
    ]
    assert english.medium == "closed_briefing" and english.stated_on == dt.date(2025, 9, 2)


def test_a_chain_step_may_not_be_empty_nor_repeat_an_actor(series):
    english, lee = series["appearances"]["english"], series["actors"]["lee"]
    with pytest.raises(ValidationError, match="step 1 names no actor"):
        appearance_chain_set(appearance=english, steps=[[]])
    with pytest.raises(ValidationError, match="step 1 names one actor twice"):
        appearance_chain_set(appearance=english, steps=[[Relay(lee, "paraphrased"), Relay(lee, "reported")]])
    assert english.hops.count() == 2  # unchanged


def test_an_unknown_medium_is_refused_with_its_step(series):
    with pytest.raises(ValidationError, match="step 1, lee-seong-kweun"):
        appearance_chain_set(appearance=series["appearances"]["english"],
                             steps=[[Relay(series["actors"]["lee"], "paraphrased", "carrier_pigeon")]])
    assert series["appearances"]["english"].hops.count() == 2


def test_a_medium_outside_the_list_is_a_database_constraint(series):
    with pytest.raises(IntegrityError), transaction.atomic():
        AttributionHopFactory(appearance=series["appearances"]["korean"], position=1, medium="rumour")


def test_hop_dates_are_stored_as_the_first_day_of_their_period(series):
    hops = appearance_chain_set(appearance=series["appearances"]["korean"], steps=[
        [Relay(series["actors"]["yonhap"], "reported", "wire_copy", "ko", dt.date(2025, 9, 4), "week")],
    ])
    assert (hops[0].passed_on, hops[0].passed_on_precision) == (dt.date(2025, 9, 1), "week")


def test_chain_gaps_names_a_missing_step(series):
    korean = series["appearances"]["korean"]
    AttributionHopFactory(appearance=korean, position=1, actor=series["actors"]["yonhap"])
    AttributionHopFactory(appearance=korean, position=3, actor=series["actors"]["lee"])
    assert chain_gaps(appearance=korean) == [2]


def test_parallel_relays_and_re_reports_remain_one_origin(series):
    timeline = proposition_timeline(proposition=series["propositions"]["deaths"], claims=visible_claims(user=None))
    # NIS through three reports and two chains (one with two parallel lawmakers), and North Korea: two origins.
    assert timeline["independent_origins"] == 2


# 4. Wording per appearance, 8. every appearance on the timeline ------------------------------------------------

def test_the_timeline_lists_every_appearance_with_its_own_wording(series):
    timeline = proposition_timeline(proposition=series["propositions"]["deaths"], claims=visible_claims(user=None))
    [row] = [row for row in timeline["estimates"] if row["claim"]["key"] == "nis-2000"]
    assert row["appearance_count"] == 3
    assert [(a["document"]["key"], a["wording"]) for a in row["appearances"]] == [
        ("example-en-2025-09-02", "nearly 2,000"),
        ("example-ko-2025-09-02", "2천여 명"),
        ("example-el-2025-09-04", "περίπου 2.000"),
    ]
    greek = row["appearances"][2]
    assert [(h["position"], h["actor"]["key"]) for h in greek["hops"]] == [
        (1, "yonhap"), (2, "lee-seong-kweun"), (2, "park-sun-won"),
    ]


def test_an_estimates_wording_is_not_shown_beside_a_quote_that_lacks_it(series):
    EstimateWording.objects.filter(appearance=series["appearances"]["english"]).delete()
    timeline = proposition_timeline(proposition=series["propositions"]["deaths"], claims=visible_claims(user=None))
    [row] = [row for row in timeline["estimates"] if row["claim"]["key"] == "nis-2000"]
    assert row["appearances"][0]["wording"] is None  # never the Greek «περίπου 2.000» beside the English quote


def test_a_wording_must_occur_in_its_appearances_quote(series):
    with pytest.raises(ValidationError, match="does not occur in the appearance's quote"):
        estimate_wording_set(estimate=series["estimate"], appearance=series["appearances"]["english"], wording="about 2,000")
    assert EstimateWording.objects.get(appearance=series["appearances"]["english"]).wording == "nearly 2,000"


def test_a_wording_of_another_claims_appearance_is_refused(series):
    nk_estimate = Estimate.objects.get(claim=series["claims"]["nk_350"])
    with pytest.raises(ValidationError, match="another claim"):
        estimate_wording_set(estimate=nk_estimate, appearance=series["appearances"]["greek"], wording="2.000")


def test_a_wording_that_occurs_twice_needs_its_offset(series):
    english = series["appearances"]["english"]  # "lawmakers" occurs twice in the English quote
    with pytest.raises(ValidationError, match="more than once"):
        estimate_wording_set(estimate=series["estimate"], appearance=english, wording="lawmakers")
    offset = english.quote.rindex("lawmakers")
    record = estimate_wording_set(estimate=series["estimate"], appearance=english, wording="lawmakers", offset=offset)
    assert record.offset == offset


def test_a_wrong_offset_is_refused(series):
    with pytest.raises(ValidationError, match="is not at offset 0"):
        estimate_wording_set(estimate=series["estimate"], appearance=series["appearances"]["english"],
                             wording="nearly 2,000", offset=0)


# 5. Combined qualifiers ----------------------------------------------------------------------------------------

def test_at_least_about_keeps_both_qualifiers(series):
    estimate = Estimate.objects.get(claim=series["claims"]["nis_100"])
    assert (estimate.qualifier, estimate.approximate, estimate.lower) == ("at_least", True, Decimal(100))
    assert estimate.display_value == "≥~100"


def test_more_than_roughly(series):
    estimate = EstimateFactory(claim=series["claims"]["troops"], proposition=series["propositions"]["sent"], value=None,
                               lower=Decimal(10000), qualifier="more_than", approximate=True, wording="more than roughly 10,000")
    assert estimate.display_value == ">~10,000"


@pytest.mark.parametrize("qualifier, fields", [
    ("exact", {"value": Decimal(5)}), ("approximately", {"value": Decimal(5)}), ("unknown", {"value": None}),
])
def test_approximate_combines_only_with_bounds(series, qualifier, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        EstimateFactory(claim=series["claims"]["nis_100"], proposition=series["propositions"]["deaths"],
                        qualifier=qualifier, approximate=True, **fields)


# 6. Related quantities -----------------------------------------------------------------------------------------

def test_parts_within_their_whole_are_not_flagged(series):
    # about 600 killed + over 4,000 wounded = at least 4,600, within about 4,700.
    assert parts_exceeding_whole(whole=series["propositions"]["casualties"], claims=visible_claims(user=None)) == []


def test_a_claimant_whose_parts_exceed_its_whole_at_the_same_date_is_flagged(series):
    nis_600 = series["claims"]["nis_600"]
    Estimate.objects.filter(claim=nis_600, proposition=series["propositions"]["wounded"]).update(lower=Decimal(4500))
    [finding] = parts_exceeding_whole(whole=series["propositions"]["casualties"], claims=visible_claims(user=None))
    assert finding["claimant"]["key"] == "nis"
    assert (finding["valid_from"], finding["valid_to"]) == (dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert finding["parts_lowest_sum"] == Decimal(5100) and finding["whole"]["highest"] == Decimal(4700)


def test_parts_at_another_date_are_not_compared(series):
    nis_600 = series["claims"]["nis_600"]
    Estimate.objects.filter(claim=nis_600, proposition=series["propositions"]["wounded"]).update(
        lower=Decimal(4500), as_of=dt.date(2025, 4, 15), as_of_precision="day")
    assert parts_exceeding_whole(whole=series["propositions"]["casualties"], claims=visible_claims(user=None)) == []


def test_same_measure_needs_a_positive_factor(series):
    deaths, wounded = series["propositions"]["deaths"], series["propositions"]["wounded"]
    with pytest.raises(ValidationError, match="positive factor"):
        quantity_relation_set(part=deaths, whole=wounded, kind="same_measure")
    relation = quantity_relation_set(part=deaths, whole=wounded, kind="same_measure", factor=Decimal(1))
    assert QuantityRelation.objects.get(pk=relation.pk).factor == Decimal(1)


# 7. Cumulative quantities and contradictions across precisions -------------------------------------------------

def test_a_later_lower_cumulative_figure_from_another_claimant_contradicts(series):
    relations_suggest()
    nk_350, nis_600 = series["claims"]["nk_350"], series["claims"]["nis_600"]
    [relation] = relations_between(nk_350, nis_600)
    assert (relation.source, relation.target, relation.kind, relation.state) == (
        nk_350, nis_600, RelationKind.CONTRADICTS, RelationState.SUGGESTED)
    assert "cannot fall" in relation.rationale


def test_a_later_higher_cumulative_figure_does_not_contradict(series):
    relations_suggest()
    assert not relations_between(series["claims"]["nk_350"], series["claims"]["nis_100"]).exists()
    # NIS's ~2,000 in the week after North Korea's August ~350: higher, later — not impossible.
    assert not relations_between(series["claims"]["nk_350"], series["claims"]["nis_2000"]).exists()


def test_without_cumulative_a_later_lower_figure_is_not_a_contradiction(series):
    deaths = series["propositions"]["deaths"]
    deaths.cumulative = False
    deaths.save()
    relations_suggest()
    assert not relations_between(series["claims"]["nk_350"], series["claims"]["nis_600"]).exists()


def test_overlapping_intervals_of_different_precision_are_compared(series):
    # A day inside NIS's week of 2025-09-01: ~300 and ~2,000 cannot both hold.
    other = ClaimFactory(key="other-300", claimant=series["actors"]["yonhap"], status="published", stated_on=dt.date(2025, 9, 3))
    EstimateFactory(claim=other, proposition=series["propositions"]["deaths"], value=Decimal(300), qualifier="approximately",
                    as_of=dt.date(2025, 9, 3), as_of_precision="day")
    relations_suggest()
    [relation] = relations_between(other, series["claims"]["nis_2000"])
    assert relation.kind == RelationKind.CONTRADICTS


def test_claims_already_linked_in_either_direction_get_no_suggestion(series):
    nis_100, nis_600 = series["claims"]["nis_100"], series["claims"]["nis_600"]
    ClaimRelation.objects.create(source=nis_100, target=nis_600, kind=RelationKind.REPEATS, state=RelationState.ACCEPTED)
    relations_suggest()
    assert list(relations_between(nis_100, nis_600).values_list("kind", flat=True)) == [RelationKind.REPEATS]
    # The next pair of the series is still suggested.
    assert relations_between(series["claims"]["nis_2000"], nis_600).filter(kind=RelationKind.UPDATES).exists()


def test_re_running_suggests_nothing_new(series):
    relations_suggest()
    again = relations_suggest()
    assert (again.updates, again.contradicts) == (0, 0)


def test_a_joint_claim_is_in_the_series_of_each_claimant(series):
    troops = series["claims"]["troops"]
    later = ClaimFactory(key="western-later", claimant=series["actors"]["western"], status="published",
                         stated_on=dt.date(2025, 1, 5))
    EstimateFactory(claim=later, proposition=series["propositions"]["sent"], value=Decimal(11000), qualifier="approximately",
                    as_of=dt.date(2025, 1, 5), as_of_precision="day")
    relations_suggest()
    assert relations_between(later, troops).get().kind == RelationKind.UPDATES


# 9. Synthesis --------------------------------------------------------------------------------------------------

def test_synthesis_in_may_2025_shows_nis_at_least_600(series):
    synthesis = proposition_synthesis(proposition=series["propositions"]["deaths"], claims=visible_claims(user=None),
                                      known_on=dt.date(2025, 5, 1))
    [origin] = synthesis["independent"]["origins"]
    assert origin["origin"]["key"] == "nis" and origin["estimate"]["display_value"] == "≥600"
    assert synthesis["interested"]["origins"] == []
    assert synthesis["independent"]["band"]["low"] == Decimal(600)
    assert synthesis["independent"]["band"]["open_above"] is True


def test_synthesis_in_september_keeps_north_korea_apart(series):
    synthesis = proposition_synthesis(proposition=series["propositions"]["deaths"], claims=visible_claims(user=None),
                                      known_on=dt.date(2025, 9, 30))
    assert [(o["origin"]["key"], o["estimate"]["display_value"]) for o in synthesis["independent"]["origins"]] == [
        ("nis", "≈2,000")
    ]
    assert [(o["origin"]["key"], o["estimate"]["display_value"]) for o in synthesis["interested"]["origins"]] == [
        ("north-korea", "≈350")
    ]
    assert synthesis["interested"]["band"]["high"] == Decimal(350)


def test_synthesis_band_spans_independent_origins():
    estimates = [
        {"id": 1, "qualifier": "approximately", "value": Decimal(2000), "lower": None, "upper": None},
        {"id": 2, "qualifier": "at_least", "value": Decimal(2500), "lower": Decimal(2500), "upper": None},
        {"id": 3, "qualifier": "range", "value": None, "lower": Decimal(1500), "upper": Decimal(1800)},
    ]
    assert band(estimates) == {
        "low": Decimal(1500), "high": Decimal(2500), "open_below": False, "open_above": True,
        "low_estimate": 3, "high_estimate": 2, "origins": 3,
    }


def test_synthesis_flags_parts_exceeding_the_whole(series):
    Estimate.objects.filter(claim=series["claims"]["nis_600"], proposition=series["propositions"]["wounded"]).update(
        lower=Decimal(4500))
    synthesis = proposition_synthesis(proposition=series["propositions"]["casualties"], claims=visible_claims(user=None))
    assert [f["claimant"]["key"] for f in synthesis["part_conflicts"]] == ["nis"]
