"""Anonymous throttling on both caches it runs on: local memory (development) and real Redis (production),
where the counter is one server-side script (``INCR``, ``EXPIRE`` when new) through a redis-py client kept per
process, under the cache's own key (so Django's cache API reads the same counter)."""

import pytest
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

from factbase import shared_cache as throttling
from tests.security.shared_cache import shared_cache  # noqa: F401  (fixture)


@pytest.fixture
def two_a_minute(monkeypatch):
    """Two requests a minute, all the test's requests in the middle of one minute (none straddles a boundary)."""
    from factbase.api.throttling import AnonWindowThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    monkeypatch.setattr(AnonWindowThrottle, "timer", staticmethod(lambda: 1_800_000_030.0))


def test_the_third_request_in_a_minute_is_refused_on_either_cache(world, api_client, shared_cache, two_a_minute):
    statuses = [api_client.get("/api/v1/actors/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    if shared_cache == "redis":
        (key,) = _counter_keys()
        client = throttling.redis_client()
        assert int(client.get(key)) == 3
        assert 0 < client.ttl(key) <= 61
        # Django's cache API sees the same counter under the same key.
        assert caches["default"].get(key.decode().split(":", 2)[2]) == 3


def test_redis_counters_do_not_go_through_the_django_cache_api(world, api_client, shared_cache, two_a_minute, monkeypatch):
    if shared_cache != "redis":
        assert throttling.redis_client() is None
        return

    def refuse(*args, **kwargs):
        raise AssertionError("the Redis path must not call the Django cache API (three round trips)")

    cache = caches["default"]
    monkeypatch.setattr(cache, "add", refuse)
    monkeypatch.setattr(cache, "incr", refuse)
    assert [api_client.get("/api/v1/actors/").status_code for _ in range(3)] == [200, 200, 429]


def test_redis_counter_keeps_its_window_expiry_and_survives_a_script_flush(world, api_client, shared_cache, two_a_minute):
    """The counter is one server-side script (INCR, EXPIRE when new): its expiry is set by the first request of
    the window and never pushed back; a server that lost its scripts (restart, SCRIPT FLUSH) is sent it again."""
    assert api_client.get("/api/v1/actors/").status_code == 200
    if shared_cache == "redis":
        client = throttling.redis_client()
        (key,) = _counter_keys()
        client.expire(key, 30)  # as if the window had half run out
        client.script_flush()
    assert api_client.get("/api/v1/actors/").status_code == 200
    if shared_cache == "redis":
        assert int(client.get(key)) == 2 and 0 < client.ttl(key) <= 30
    assert api_client.get("/api/v1/actors/").status_code == 429


def _counter_keys():
    from django.conf import settings

    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    return sorted(throttling.redis_client().scan_iter(match=f"{prefix}:*throttle_anon_*"))
