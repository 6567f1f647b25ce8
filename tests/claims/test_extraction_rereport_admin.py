"""Accepting a re-report match in the admin: the claim relations list's action, reviewers only."""

import pytest
from django.urls import reverse

from claims.models import Appearance, Claim, ClaimRelation
from tests.claims.rereport_world import rereport_make

CHANGELIST = "admin:claims_claimrelation_changelist"
ACTION = "accept_rereports"


@pytest.fixture
def rereport(db):
    """A draft from a second article that repeats the NIS figure of a first one: a suggested 'repeats'."""
    return rereport_make()


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
