"""Anonymous throttling on both caches it runs on: local memory (development) and real Redis (production),
where the counter is one server-side script (``INCRBY`` a lease, ``EXPIRE`` when it has no expiry) through a
redis-py client kept per process, under the cache's own key (so Django's cache API reads the same counter); and
the leases each worker process answers from."""

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
    """The counter is one server-side script (INCRBY, EXPIRE when it has none): its expiry is set by the first
    request of the window and never pushed back; a server that lost its scripts (restart, SCRIPT FLUSH) is sent it again."""
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


@pytest.mark.parametrize("limit, lease", [(1, 1), (2, 1), (199, 1), (200, 2), (600, 6), (10_000, 100), (10**8, 100)])
def test_a_lease_is_one_per_cent_of_the_limit_between_one_and_a_hundred(limit, lease):
    from factbase.api.throttling import lease_size

    assert lease_size(limit) == lease


@pytest.fixture
def per_minute(monkeypatch):
    """Set the anonymous limit per minute (all requests in the middle of one minute); count the trips to the
    shared counter (``calls``) and read it (``counter()``)."""
    from factbase.api.throttling import AnonWindowThrottle

    monkeypatch.setattr(AnonWindowThrottle, "timer", staticmethod(lambda: 1_800_000_030.0))
    calls = []
    add = AnonWindowThrottle._add

    def counted(self, *args, **kwargs):
        calls.append(args)
        return add(self, *args, **kwargs)

    monkeypatch.setattr(AnonWindowThrottle, "_add", counted)

    class Limit:
        def __init__(self):
            self.calls = calls

        def set(self, rate):
            monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": f"{rate}/minute"})

        def counter(self):
            client = throttling.redis_client()
            if client is not None:
                (key,) = _counter_keys()
                return int(client.get(key))
            (key,) = [args[0] for args in calls[:1]]
            return caches["default"].get(key)

        def preset(self, value):
            """As if other workers had already counted ``value`` requests in this window."""
            from factbase.api.throttling import AnonWindowThrottle

            window = int(1_800_000_030.0 // 60)
            name = f"throttle_anon_127.0.0.1_{window}"
            client = throttling.redis_client()
            if client is not None:
                client.set(throttling.key(name), value, ex=61)
            else:
                caches["default"].set(name, value, 61)
            assert AnonWindowThrottle.cache_format % {"scope": "anon", "ident": "127.0.0.1"} + f"_{window}" == name

    return Limit()


def test_a_worker_answers_a_lease_of_requests_with_one_trip_to_the_counter(world, api_client, shared_cache, per_minute):
    per_minute.set(1000)  # a lease of 10
    statuses = [api_client.get("/api/v1/actors/").status_code for _ in range(10)]
    assert statuses == [200] * 10
    assert len(per_minute.calls) == 1 and per_minute.counter() == 10
    assert api_client.get("/api/v1/actors/").status_code == 200
    assert len(per_minute.calls) == 2 and per_minute.counter() == 20


def test_the_last_lease_is_cut_to_the_limit_and_a_refused_client_is_refused_without_asking(
    world, api_client, shared_cache, per_minute
):
    per_minute.set(1000)
    per_minute.preset(995)  # other workers counted 995: 5 requests are left in this window
    statuses = [api_client.get("/api/v1/actors/").status_code for _ in range(8)]
    assert statuses == [200] * 5 + [429] * 3
    # One lease of 10 (5 of it granted), one more asked once the 5 were used, then refused from memory.
    assert len(per_minute.calls) == 2 and per_minute.counter() == 1015
    response = api_client.get("/api/v1/actors/")
    assert response.status_code == 429 and 0 < int(response["Retry-After"]) <= 60


def test_two_processes_with_leases_never_exceed_the_limit_together(world, api_client, shared_cache, per_minute, monkeypatch):
    """Two worker processes (two lease stores) answering one client in turn: 200 requests and no more in the
    window, and none refused before the counter is spent (every lease was used)."""
    from factbase.api import throttling as module

    per_minute.set(200)  # a lease of 2
    processes = [module.Leases(), module.Leases()]
    statuses = []
    for turn in range(240):
        monkeypatch.setattr(module, "leases", processes[turn % 2])
        statuses.append(api_client.get("/api/v1/actors/").status_code)
    assert statuses == [200] * 200 + [429] * 40
    assert len(per_minute.calls) == 100 + 2  # 100 leases, then each process learns the counter is spent


def test_a_new_window_forgets_the_last_ones_refusal_and_leases(world, api_client, shared_cache, per_minute, monkeypatch):
    from factbase.api.throttling import AnonWindowThrottle

    def at(seconds):
        monkeypatch.setattr(AnonWindowThrottle, "timer", staticmethod(lambda: seconds))

    per_minute.set(2)
    assert [api_client.get("/api/v1/actors/").status_code for _ in range(4)] == [200, 200, 429, 429]
    at(1_800_000_090.0)  # the next minute
    assert [api_client.get("/api/v1/actors/").status_code for _ in range(3)] == [200, 200, 429]
    per_minute.set(1000)  # a lease of 10: one request leaves 9 in this minute ...
    at(1_800_000_150.0)
    asked = len(per_minute.calls)
    assert api_client.get("/api/v1/actors/").status_code == 200 and len(per_minute.calls) == asked + 1
    at(1_800_000_210.0)  # ... which the next minute does not use: it asks the counter again
    assert api_client.get("/api/v1/actors/").status_code == 200 and len(per_minute.calls) == asked + 2


def test_threads_of_one_worker_share_its_leases_and_never_exceed_the_limit(shared_cache, per_minute):
    from concurrent.futures import ThreadPoolExecutor

    from django.contrib.auth.models import AnonymousUser
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from factbase.api.throttling import AnonWindowThrottle

    per_minute.set(1000)  # leases of 10

    def one(_):
        request = Request(APIRequestFactory().get("/api/v1/actors/", REMOTE_ADDR="127.0.0.1"))
        request.user = AnonymousUser()
        return AnonWindowThrottle().allow_request(request, None)

    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(one, range(1200)))
    # Never past the limit; a lease still on its way to this worker when another thread was refused may go
    # unused (the same slack as a lease held by another process): at most one per other thread.
    assert 1000 - 7 * 10 <= allowed.count(True) <= 1000
    assert 100 <= len(per_minute.calls) <= 100 + 8


def test_a_worker_remembers_at_most_so_many_clients_a_window_and_no_empty_lease():
    from factbase.api.throttling import Leases

    leases = Leases(most=2)
    for key in ("a", "b", "c"):
        leases.grant(key, 60, 1, 5)
    leases.grant("d", 60, 1, -1)
    assert leases.take("a", 60, 1) is True and leases.take("b", 60, 1) is True
    assert leases.take("c", 60, 1) is None and leases.take("d", 60, 1) is None  # not remembered: ask the counter
    leases.grant("a", 60, 1, 0)
    leases.grant("e", 60, 2, 0)  # a new window; nothing leased is nothing kept
    assert leases.take("e", 60, 2) is None and leases.take("a", 60, 2) is None


def test_a_lease_held_when_another_thread_finds_the_counter_spent_is_used_then_refuses_from_memory():
    from factbase.api.throttling import Leases

    leases = Leases()
    leases.grant("a", 60, 1, 3)  # this thread's lease
    leases.grant("a", 60, 1, -1)  # another thread found the counter past the limit meanwhile
    assert [leases.take("a", 60, 1) for _ in range(4)] == [True, True, True, False]  # not None: no counter asked
    leases.grant("b", 60, 1, -1)
    assert leases.take("b", 60, 1) is False
    leases.grant("b", 60, 1, 2)  # a lease granted before the counter was spent, arriving after the refusal
    assert [leases.take("b", 60, 1) for _ in range(3)] == [True, True, False]
    leases.grant("c", 60, 1, 2)
    assert [leases.take("c", 60, 1) for _ in range(3)] == [True, True, None]  # never found spent: ask again
    assert leases.take("a", 60, 2) is None  # a new window forgets
