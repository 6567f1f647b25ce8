"""The shared cache (``CACHE_URL``: Redis in production) for small, hot values, at one round trip each.

Django's Redis cache makes a new redis-py client object for every call (about 0.13 ms of building before
the round trip) and ``incr`` checks ``EXISTS`` first: fine for the occasional value, a visible share of an API
request that reads one on every call. ``redis_client`` keeps one redis-py client per Redis location and
process (its connection pool is thread-safe); ``key`` is the Django cache's own key for a name (its prefix
and version), so both APIs see the same values. Where the cache is not Redis (local memory, development and
tests), callers use Django's cache API.

- ``factbase.api.throttling``: the anonymous throttle's counters (one server-side script per lease: ``INCRBY``, ``EXPIRE`` when new);
- ``claims.search``: whether a search's terms are dense among the newest claims (``get_flag``/``set_flag``).
"""

import threading

import redis
from django.conf import settings
from django.core.cache import caches

_clients = {}
_lock = threading.Lock()
REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def redis_client(alias: str = "default"):
    """One redis-py client per Redis location and process for the cache ``alias``; None when it is not Redis."""
    config = settings.CACHES[alias]
    if config["BACKEND"] != REDIS_BACKEND:
        return None
    location = config["LOCATION"]
    location = location[0] if isinstance(location, list | tuple) else location.split(",")[0]
    with _lock:
        client = _clients.get(location)
        if client is None:
            client = _clients[location] = redis.Redis.from_url(location)
        return client


def key(name: str, alias: str = "default") -> str:
    """The key the Django cache ``alias`` stores ``name`` under."""
    return caches[alias].make_key(name)


def get_flag(name: str, alias: str = "default") -> bool | None:
    """A yes/no value kept under ``name``, or None when there is none (one round trip on Redis)."""
    client = redis_client(alias)
    if client is None:
        return caches[alias].get(name)
    found = client.get(key(name, alias))
    # Anything but the two values written by set_flag (a value Django's cache API pickled there, say) is no answer.
    return {b"1": True, b"0": False}.get(found)


def set_flag(name: str, value: bool, seconds: int, alias: str = "default") -> None:
    """Keep a yes/no value under ``name`` for ``seconds``."""
    client = redis_client(alias)
    if client is None:
        caches[alias].set(name, bool(value), seconds)
    else:
        client.set(key(name, alias), b"1" if value else b"0", ex=seconds)
