"""suggest_relations: the NIS death-toll series and North Korea's own figure."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import ClaimRelation
from claims.analysis.relations import estimate_interval, intervals_disjoint, relation_review
from tests.claims.factories import ClaimFactory, EstimateFactory, PropositionFactory
from tests.sources.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deaths():
    proposition = PropositionFactory(key="nk-troops-russia-deaths")
    nis, north_korea = ActorFactory(key="nis"), ActorFactory(key="north-korea")

    def estimate(claimant, key, as_of, precision, **numbers):
        claim = ClaimFactory(key=key, claimant=claimant, stated_on=as_of)
        return EstimateFactory(claim=claim, proposition=proposition, as_of=as_of, as_of_precision=precision, **numbers)

    series = [
        estimate(nis, "nis-2024-12", dt.date(2024, 12, 1), "month", qualifier="at_least", value=None, lower=Decimal(100)),
        estimate(nis, "nis-2025-01", dt.date(2025, 1, 1), "month", value=Decimal(300)),
        estimate(nis, "nis-2025-04", dt.date(2025, 4, 1), "month", value=Decimal(600)),
        estimate(nis, "nis-2025-09", dt.date(2025, 9, 1), "week", value=Decimal(2000)),
    ]
    own = estimate(north_korea, "kp-2025-09", dt.date(2025, 9, 1), "month", value=Decimal(350))
    return proposition, series, own


def relations():
    return sorted((r.source.key, r.kind, r.target.key, r.state) for r in ClaimRelation.objects.select_related("source", "target"))


def test_successive_estimates_update_and_disjoint_overlapping_ones_contradict(deaths):
    call_command("suggest_relations")
    assert relations() == [
        ("kp-2025-09", "contradicts", "nis-2025-09", "suggested"),
        ("nis-2025-01", "updates", "nis-2024-12", "suggested"),
        ("nis-2025-04", "updates", "nis-2025-01", "suggested"),
        ("nis-2025-09", "updates", "nis-2025-04", "suggested"),
    ]


def test_rerunning_does_not_duplicate_or_revive_rejected(deaths, reviewer):
    call_command("suggest_relations")
    contradiction = ClaimRelation.objects.get(kind="contradicts")
    relation_review(relation=contradiction, accept=False, by=reviewer)
    call_command("suggest_relations", "--proposition", "nk-troops-russia-deaths")
    assert ClaimRelation.objects.count() == 4
    assert ClaimRelation.objects.get(kind="contradicts").state == "rejected"


def test_curators_cannot_accept_suggestions(deaths, curator):
    call_command("suggest_relations")
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        relation_review(relation=ClaimRelation.objects.first(), accept=True, by=curator)


def test_overlapping_intervals_do_not_contradict():
    at_least = type("E", (), {"qualifier": "at_least", "lower": Decimal(100), "value": None, "upper": None})
    about = type("E", (), {"qualifier": "approximately", "value": Decimal(300), "lower": None, "upper": None})
    fewer = type("E", (), {"qualifier": "fewer_than", "upper": Decimal(100), "value": None, "lower": None})
    assert not intervals_disjoint(estimate_interval(at_least), estimate_interval(about))
    assert intervals_disjoint(estimate_interval(at_least), estimate_interval(fewer))  # <100 and ≥100


@pytest.mark.parametrize(
    "args,message",
    [
        (["--proposition", "nope"], "no proposition with key 'nope'"),
        (["--window-days", "-1"], "--window-days must not be negative"),
        (["--tolerance", "abc"], "is not a number"),
        (["--tolerance", "2"], "below 1"),
    ],
)
def test_bad_arguments_are_clear_errors(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("suggest_relations", *args)
