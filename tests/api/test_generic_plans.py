"""``factbase.plans.generic_plans``: on PostgreSQL every run of a prepared statement is planned for its own
parameters, except the reads whose plan cannot depend on them (a claim by id or key, a page no filter narrows),
which run in a transaction of their own with ``SET LOCAL plan_cache_mode = auto``. Outside a transaction only
(these tests run without the usual test transaction), and the same bytes either way."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SET_AUTO = "SET LOCAL plan_cache_mode = auto"


@pytest.fixture
def claims(db):
    made = [ClaimFactory(status="published") for _ in range(4)]
    for claim in made:
        AppearanceFactory(claim=claim)
        EstimateFactory(claim=claim)
    return made


def statements(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response, [query["sql"] for query in queries.captured_queries]


def prepares():
    return connection.vendor == "postgresql" and connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold") is not None


@pytest.mark.parametrize("path", ["/api/v1/claims/{key}/", "/api/v1/claims/", "/api/v1/claims/?page_size=2",
                                  "/api/v1/claims/?format=json"])
def test_reads_by_key_and_plain_pages_ask_for_the_kept_plan(claims, api_client, path):
    url = path.format(key=claims[0].key)
    response, sql = statements(api_client, url)
    assert (SET_AUTO in sql) == prepares(), sql
    # Inside a transaction (an import's, a test's) the read runs as it is, planned for its parameters: same bytes.
    with transaction.atomic():
        again, inner = statements(api_client, url)
    assert SET_AUTO not in inner and again.content == response.content


@pytest.mark.parametrize("path", ["/api/v1/claims/?kind=estimate", "/api/v1/claims/?q=report", "/api/v1/claims/?claimant_kind=person"])
def test_filtered_pages_are_planned_for_their_values(claims, api_client, path):
    _, sql = statements(api_client, path)
    assert SET_AUTO not in sql, sql


def test_the_kept_plan_setting_ends_with_its_transaction(claims, api_client):
    _, sql = statements(api_client, f"/api/v1/claims/{claims[0].key}/")
    if not prepares():  # SQLite, or PostgreSQL with DB_PREPARE_THRESHOLD=off: nothing is set
        assert not any("plan_cache_mode" in statement for statement in sql)
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_custom_plan"
