"""The review queue: reviewers publish, return or retract from it; the admin index links it with a count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import ClaimStatus
from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory

pytestmark = pytest.mark.django_db
QUEUE = "admin:claims_claim_review_queue"


def in_review(key):
    claim = ClaimFactory(key=key, status=ClaimStatus.IN_REVIEW)
    AppearanceFactory(claim=claim)
    return claim


def test_reviewer_publishes_from_the_queue_in_one_click(reviewer_client):
    claim = in_review("waiting")
    page = reviewer_client.get(reverse(QUEUE)).content.decode()
    assert 'name="step" value="publish"' in page
    response = reviewer_client.post(reverse(QUEUE), {"claim": "waiting", "step": "publish"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert "Claim waiting published." in reviewer_client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("step, status", [("return", ClaimStatus.DRAFT), ("retract", ClaimStatus.RETRACTED)])
def test_return_and_retract_need_a_reason_which_history_keeps(reviewer_client, step, status):
    claim = in_review("waiting")
    refused = reviewer_client.post(reverse(QUEUE), {"claim": "waiting", "step": step, "reason": " "})
    assert refused.status_code == 400 and "a reason is required" in refused.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert reviewer_client.post(reverse(QUEUE), {"claim": "waiting", "step": step, "reason": "quote is a headline"}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == status
    assert "quote is a headline" in claim.history.first().history_change_reason


def test_curator_sees_the_queue_without_decisions_and_cannot_publish(curator_client):
    claim = in_review("waiting")
    page = curator_client.get(reverse(QUEUE)).content.decode()
    assert "waiting" in page and 'value="publish"' not in page
    response = curator_client.post(reverse(QUEUE), {"claim": "waiting", "step": "publish"})
    assert response.status_code == 400 and "may not publish" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


@pytest.mark.parametrize("data, message", [
    ({"claim": "nope", "step": "publish"}, "no claim has the key"),
    ({"claim": "waiting", "step": "delete"}, "unknown step"),
])
def test_bad_decisions_are_400s_that_say_why(reviewer_client, data, message):
    in_review("waiting")
    response = reviewer_client.post(reverse(QUEUE), data)
    assert response.status_code == 400 and message in response.content.decode().lower()


def test_admin_index_links_the_queue_with_the_number_waiting(curator_client):
    in_review("one")
    in_review("two")
    page = curator_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse(QUEUE)}" class="review-queue-link"' in page
    assert "<strong>2</strong> claims await review." in page


def test_queue_queries_do_not_grow_with_its_length(reviewer_client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert reviewer_client.get(reverse(QUEUE)).status_code == 200
        return len(queries)

    EstimateFactory(claim=in_review("first"))
    few = count()
    for n in range(5):
        EstimateFactory(claim=in_review(f"more-{n}"))
    assert count() == few


def test_queue_query_count(reviewer_client, django_assert_num_queries):
    in_review("waiting")
    reviewer_client.get(reverse(QUEUE))
    # session, user, the user's own and group permissions, the queue with its counts
    with django_assert_num_queries(5):
        reviewer_client.get(reverse(QUEUE))
