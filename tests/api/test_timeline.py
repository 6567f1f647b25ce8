"""claims.analysis.timeline and claims.analysis.corroboration: what the proposition chart and the timeline endpoint show."""

import datetime as dt
from decimal import Decimal

from claims.analysis.corroboration import independent_origins, suggested_credibility
from claims.models import Claim, Credibility
from claims.selectors import visible_claims
from claims.analysis.timeline import proposition_timeline
from tests.claims.factories import AppearanceFactory, ClaimFactory
from tests.sources.factories import DocumentFactory


def test_timeline_lists_visible_estimates_in_as_of_order(world, django_assert_num_queries):
    with django_assert_num_queries(5):  # estimates, joint claimants, appearances, hops, wordings
        timeline = proposition_timeline(proposition=world["proposition"], claims=visible_claims(user=None))
    assert [row["claim"]["key"] for row in timeline["estimates"]] == ["nis-100", "kp-350", "nis-2000"]
    assert [row["value"] for row in timeline["estimates"]] == [Decimal(100), Decimal(350), Decimal(2000)]


def test_timeline_hides_unpublished_claims_from_readers_but_not_staff(world):
    public = proposition_timeline(proposition=world["proposition"], claims=visible_claims(user=None))
    everything = proposition_timeline(proposition=world["proposition"], claims=Claim.objects.all())
    assert "nis-draft" not in [row["claim"]["key"] for row in public["estimates"]]
    assert "nis-draft" in [row["claim"]["key"] for row in everything["estimates"]]


def test_timeline_estimate_carries_first_appearance_with_quote_and_hops(world):
    timeline = proposition_timeline(proposition=world["proposition"], claims=visible_claims(user=None))
    row = timeline["estimates"][-1]
    assert row["wording"] == "περίπου 2.000"
    assert row["qualifier"] == "approximately"
    assert row["claimant"]["key"] == "nis"
    first = row["first_appearance"]
    assert first["document"]["key"] == "kathimerini-2025-09-04"
    assert first["document"]["published_on"] == dt.date(2025, 9, 4)
    assert first["quote"] == "περίπου 2.000 στρατιώτες έχουν σκοτωθεί"
    assert [(hop["actor"]["key"], hop["relation"]) for hop in first["hops"]] == [("yonhap", "reported")]


def test_timeline_groups_series_per_claimant(world):
    timeline = proposition_timeline(proposition=world["proposition"], claims=visible_claims(user=None))
    series = {entry["claimant"]["key"]: entry for entry in timeline["series"]}
    assert set(series) == {"nis", "north-korea"}
    nis_rows = [row for row in timeline["estimates"] if row["claimant"]["key"] == "nis"]
    assert series["nis"]["estimates"] == [row["id"] for row in nis_rows]
    assert series["nis"]["latest"] == nis_rows[-1]["id"]


def test_timeline_counts_independent_origins_not_appearances(world):
    # The NIS figure re-reported in a second outlet is still one origin.
    again = DocumentFactory(body="Yonhap: about 2,000 soldiers were killed, NIS said.", published_on=dt.date(2025, 9, 5))
    AppearanceFactory(claim=world["claims"]["nis_2000"], document=again, quote="about 2,000 soldiers were killed")
    timeline = proposition_timeline(proposition=world["proposition"], claims=visible_claims(user=None))
    assert timeline["independent_origins"] == 2


def test_timeline_known_on_shows_only_what_was_published_by_then(world):
    timeline = proposition_timeline(
        proposition=world["proposition"], claims=visible_claims(user=None), known_on=dt.date(2025, 6, 1)
    )
    assert [row["claim"]["key"] for row in timeline["estimates"]] == ["nis-100", "kp-350"]
    assert timeline["independent_origins"] == 2
    assert timeline["known_on"] == dt.date(2025, 6, 1)


def test_timeline_known_on_limits_first_appearance_to_documents_published_by_then(world):
    claim = world["claims"]["nis_100"]
    later = DocumentFactory(body="Again: about 2,000 soldiers were killed.", published_on=dt.date(2025, 9, 20))
    AppearanceFactory(claim=claim, document=later, quote="about 2,000 soldiers were killed")
    early = proposition_timeline(
        proposition=world["proposition"], claims=visible_claims(user=None), known_on=dt.date(2025, 1, 1)
    )
    assert early["estimates"][0]["appearance_count"] == 1
    assert early["estimates"][0]["first_appearance"]["document"]["key"] == "yonhap-2024-12-19"


def test_independent_origins_counts_distinct_claimants(world):
    claims = visible_claims(user=None)
    assert independent_origins(claims=claims) == 3  # NIS, North Korea, Putin
    assert independent_origins(claims=list(claims.filter(claimant__key="nis"))) == 1


def test_credibility_one_is_suggested_only_when_two_origins_agree(world):
    nis = world["actors"]["nis"]
    one_origin = [world["claims"]["nis_100"], world["claims"]["nis_2000"], ClaimFactory.build(claimant=nis)]
    assert suggested_credibility(claims=one_origin) is None
    two_origins = Claim.objects.filter(key__in=["nis-2000", "kp-350"])
    assert suggested_credibility(claims=two_origins) == Credibility.CONFIRMED
