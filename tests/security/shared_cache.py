"""The two caches login protection and throttling run on: this process's local memory, and real Redis.

``shared_cache`` is a fixture parametrised over both. The Redis one uses ``FACTBASE_TEST_REDIS_URL`` (else
``CACHE_URL`` when it is a Redis address, else ``redis://127.0.0.1:6379/0``) with a key prefix of its own,
and deletes only its own keys afterwards: the database may be shared. Those tests are marked ``redis``;
an unreachable Redis fails them with a message (``python3 dev.py test`` leaves them out when no Redis
answers, and says so).
"""

import os
import uuid

import pytest


def redis_url() -> str:
    cache_url = os.environ.get("CACHE_URL", "")
    return os.environ.get("FACTBASE_TEST_REDIS_URL") or (cache_url if cache_url.startswith("redis") else "") or \
        "redis://127.0.0.1:6379/0"


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def shared_cache(request, settings):
    """The default cache for this test: ``"locmem"`` or ``"redis"`` (the parameter is returned)."""
    prefix = f"factbase-test-{uuid.uuid4().hex[:12]}"
    if request.param == "locmem":
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix}}
        yield "locmem"
    else:
        import redis

        url = redis_url()
        client = redis.Redis.from_url(url)
        try:
            client.ping()
        except redis.RedisError as exc:
            pytest.fail(f"Redis at {url} does not answer ({exc}): start redis-server, or set FACTBASE_TEST_REDIS_URL")
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                                       "KEY_PREFIX": prefix}}
        try:
            yield "redis"
        finally:
            for key in client.scan_iter(match=f"{prefix}:*"):
                client.delete(key)
