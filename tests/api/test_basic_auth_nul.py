"""HTTP Basic credentials holding NUL characters are refused like any wrong password — never a 500.

PostgreSQL cannot compare text with NUL, so such a username must not reach a query: not the user lookup,
not the lockout record written once the client address is locked out (schemathesis found the latter).
"""

import base64

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def no_failures_counted_yet():
    """Failed logins are counted in the cache (local memory in tests): start each test with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def basic(username, password="secret"):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


@pytest.mark.parametrize("username, password", [("ad\x00min", "secret"), ("admin", "se\x00cret")])
def test_nul_in_basic_credentials_is_refused_before_and_after_a_lockout(db, api_client, username, password):
    statuses = [
        api_client.get("/api/v1/claims/", HTTP_AUTHORIZATION=basic(username, password)).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT + 2)
    ]
    assert 500 not in statuses and statuses[0] == 403


def test_a_locked_out_address_sending_nul_is_refused_without_error(db, api_client):
    statuses = []
    while 429 not in statuses and len(statuses) <= settings.AXES_FAILURE_LIMIT:
        statuses.append(api_client.get("/api/v1/claims/", HTTP_AUTHORIZATION=basic("nobody", "wrong")).status_code)
    assert statuses[-1] == 429
    # Refused as invalid before the lockout is even consulted (such credentials can never be right).
    assert api_client.get("/api/v1/claims/", HTTP_AUTHORIZATION=basic("no\x00body")).status_code == 403
    assert api_client.get("/api/v1/claims/", HTTP_AUTHORIZATION=basic("nobody", "wrong")).status_code == 429
