"""The admin of proposed actors: staff only; confirm and merge re-point the waiting drafts."""

import datetime as dt

import pytest
from django.urls import reverse

from claims.extraction.candidates import candidates_save, extract_candidates
from claims.models import Claim
from sources.models import Actor, Document, ProposedActor

CHANGELIST = "admin:sources_proposedactor_changelist"


@pytest.fixture
def proposal(db):
    document = Document.objects.create(key="doc", language="en", published_on=dt.date(2025, 9, 4),
                                       body="At least 600 of them had died, lawmaker Lee Seong-kweun told reporters.")
    candidates_save(document=document, candidates=extract_candidates(document=document))
    return ProposedActor.objects.get()


def test_proposed_actors_need_staff(client, user, proposal):
    client.force_login(user)
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_list_shows_the_pending_speaker_and_its_waiting_draft(client, superuser, proposal):
    client.force_login(superuser)
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert "Lee Seong-kweun" in response.content.decode()
    page = client.get(reverse("admin:sources_proposedactor_change", args=[proposal.pk])).content.decode()
    assert "doc-x001 (claimant)" in page


def test_the_confirm_action_creates_the_actor_and_repoints_the_draft(client, superuser, proposal):
    client.force_login(superuser)
    response = client.post(reverse(CHANGELIST), {"action": "confirm", "_selected_action": [proposal.pk]}, follow=True)
    assert "became" in response.content.decode()
    actor = Actor.objects.get(name="Lee Seong-kweun")
    assert (actor.kind, Claim.objects.get().claimant) == ("legislator", actor)


def test_the_merge_action_with_an_unknown_key_changes_nothing(client, superuser, proposal):
    client.force_login(superuser)
    response = client.post(reverse(CHANGELIST), {"action": "merge", "into": "nobody", "_selected_action": [proposal.pk]},
                           follow=True)
    assert "no actor has the key" in response.content.decode()
    assert ProposedActor.objects.get().status == "pending"
    assert Claim.objects.get().claimant.key == "proposed-speaker"


def test_a_curator_may_decide_proposed_actors_but_not_add_or_delete_them(client, curator, proposal):
    assert curator.has_perm("sources.change_proposedactor") and curator.has_perm("sources.view_proposedactor")
    assert not curator.has_perm("sources.delete_proposedactor")
    client.force_login(curator)
    assert client.get(reverse(CHANGELIST)).status_code == 200
