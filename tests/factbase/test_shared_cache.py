"""``factbase.shared_cache``: yes/no values kept in the shared cache, on local memory and on real Redis, where
they go through one redis-py client per process under the Django cache's own keys."""

import time

import pytest
from django.core.cache import caches

from factbase import shared_cache
from tests.security.shared_cache import shared_cache as shared_cache_fixture  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("shared_cache_fixture")


def test_a_flag_is_kept_read_back_and_expires(request):
    assert shared_cache.get_flag("flag-a") is None
    shared_cache.set_flag("flag-a", True, 1)
    shared_cache.set_flag("flag-b", False, 60)
    assert shared_cache.get_flag("flag-a") is True and shared_cache.get_flag("flag-b") is False
    time.sleep(2.1)
    assert shared_cache.get_flag("flag-a") is None and shared_cache.get_flag("flag-b") is False


def test_redis_is_reached_through_one_client_per_process_under_the_cache_keys(request):
    client = shared_cache.redis_client()
    if client is None:
        assert caches["default"].__class__.__name__ == "LocMemCache"
        return
    assert shared_cache.redis_client() is client
    shared_cache.set_flag("flag-c", True, 60)
    assert client.get(caches["default"].make_key("flag-c")) == b"1"
    assert 0 < client.ttl(shared_cache.key("flag-c")) <= 60


def test_a_value_not_written_as_a_flag_is_no_answer(request):
    caches["default"].set("flag-d", True, 60)  # pickled by Django's cache API on Redis
    caches["default"].set("flag-e", "yes", 60)
    if shared_cache.redis_client() is None:
        assert shared_cache.get_flag("flag-d") is True  # local memory: Django's cache API both ways
    else:
        assert shared_cache.get_flag("flag-d") is None and shared_cache.get_flag("flag-e") is None
