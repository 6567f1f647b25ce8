"""Accepting a re-report match in the admin: the claim relations list's action, reviewers only."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.extraction.candidates import candidates_save, extract_candidates
from claims.extraction.matching import candidates_match
from claims.models import Appearance, Claim, ClaimRelation
from sources.models import Actor, ActorAlias, Document

CHANGELIST = "admin:claims_claimrelation_changelist"
ACTION = "accept_rereports"


@pytest.fixture
def rereport(db):
    """A draft from a second article that repeats the NIS figure of a first one: a suggested 'repeats'."""
    nis = Actor.objects.create(key="nis", name="National Intelligence Service", kind="intelligence_agency", country="KR")
    ActorAlias.objects.create(actor=nis, name="NIS", language="en")
    first = Document.objects.create(key="first", language="en", published_on=dt.date(2025, 9, 4),
                                    body="The NIS said about 2,000 soldiers were killed.")
    candidates_save(document=first, candidates=extract_candidates(document=first))
    second = Document.objects.create(key="second", language="en", published_on=dt.date(2025, 9, 5),
                                     body="About 2,000 soldiers were killed this week, the NIS said.")
    candidates = extract_candidates(document=second)
    candidates_match(candidates=candidates, exclude_document=second)
    candidates_save(document=second, candidates=candidates)
    return ClaimRelation.objects.get(kind="repeats", state="suggested")


def act(client, relation):
    return client.post(reverse(CHANGELIST), {"action": ACTION, "_selected_action": [relation.pk]}, follow=True)


def test_a_reviewer_accepts_a_rereport_and_its_appearance_moves_to_the_claim_it_repeats(client, reviewer, rereport):
    client.force_login(reviewer)
    assert ACTION in client.get(reverse(CHANGELIST)).content.decode()
    response = act(client, rereport)
    page = response.content.decode()
    assert response.status_code == 200 and "1 re-report(s) accepted." in page
    moved = Appearance.objects.get(document__key="second")
    assert moved.claim == rereport.target and rereport.target.appearances.count() == 2
    assert Claim.objects.get(pk=rereport.source_id).status == "retracted"
    assert ClaimRelation.objects.get(pk=rereport.pk).state == "accepted"


def test_a_relation_that_is_no_suggested_repeat_is_refused_by_name_and_nothing_moves(client, reviewer, rereport):
    ClaimRelation.objects.filter(pk=rereport.pk).update(state="rejected")
    client.force_login(reviewer)
    page = act(client, rereport).content.decode()
    assert "only a suggested &#x27;repeats&#x27; relation can be accepted" in page and "0 re-report(s) accepted." in page
    assert Appearance.objects.get(document__key="second").claim_id == rereport.source_id
    assert Claim.objects.get(pk=rereport.source_id).status == "draft"


def test_a_curator_cannot_accept_rereports(client, curator, rereport):
    client.force_login(curator)
    assert ACTION not in client.get(reverse(CHANGELIST)).content.decode()
    act(client, rereport)
    assert ClaimRelation.objects.get(pk=rereport.pk).state == "suggested"
    assert Appearance.objects.get(document__key="second").claim_id == rereport.source_id


def test_anonymous_users_are_sent_to_the_login_page(client, rereport):
    response = client.post(reverse(CHANGELIST), {"action": ACTION, "_selected_action": [rereport.pk]})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert ClaimRelation.objects.get(pk=rereport.pk).state == "suggested"
