"""Reviewers accept or reject suggested relations in the admin; curators cannot."""

import pytest
from django.urls import reverse

from claims.models import ClaimRelation
from tests.claims.factories import ClaimRelationFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:claims_claimrelation_changelist")


def act(client, action, relation):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [relation.pk]}, follow=True)


@pytest.mark.parametrize("action,state", [("accept_suggestions", "accepted"), ("reject_suggestions", "rejected")])
def test_reviewer_decides_on_a_suggestion(client, reviewer, action, state):
    relation = ClaimRelationFactory(state="suggested", suggested_by="suggest_relations")
    client.force_login(reviewer)
    response = act(client, action, relation)
    assert response.status_code == 200
    assert ClaimRelation.objects.get(pk=relation.pk).state == state


def test_curator_has_no_review_actions_and_state_is_read_only(client, curator):
    relation = ClaimRelationFactory(state="suggested", suggested_by="suggest_relations")
    client.force_login(curator)
    changelist = client.get(CHANGELIST)
    assert b"accept_suggestions" not in changelist.content
    act(client, "accept_suggestions", relation)
    assert ClaimRelation.objects.get(pk=relation.pk).state == "suggested"
    change = client.get(reverse("admin:claims_claimrelation_change", args=[relation.pk]))
    assert b'name="state"' not in change.content
