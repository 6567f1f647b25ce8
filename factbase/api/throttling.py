"""Anonymous throttling whose state lives in the shared cache, at a fixed cost per request.

DRF's ``AnonRateThrottle`` keeps, per client, the list of its request times within the window and
rewrites the whole list on every request: with a shared cache (Redis) that is a growing value read and
written each time (its cost grows with the rate). Here each client has one counter per window: the same
limit at a fixed cost whatever the rate. Who the client is (``get_ident``) is DRF's.

- Redis (``CACHE_URL``, production): one command, a server-side script (``WINDOW_COUNT``: ``INCR``, and
  ``EXPIRE`` when the counter is new — atomic, one reply), through one client kept per process
  (``factbase.shared_cache``). Going through Django's cache API instead cost three round trips (``add``, then
  ``incr``, which checks ``EXISTS`` first) and a new redis-py client object for each, about 0.4 ms of every
  request; ``INCR`` and ``EXPIRE`` in a ``MULTI``/``EXEC`` transaction, four replies, about twice the script's
  time (54–76 µs against 35 µs on loopback). The key is the cache's own (``make_key``: its prefix and
  version), so both see the same counter.
- Any other cache (local memory in development and tests): ``add`` then ``incr``, atomic there too.
"""

import time
import weakref

from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

from factbase.security.throttling import ClientAddressThrottleMixin
from factbase.shared_cache import key as cache_key
from factbase.shared_cache import redis_client

#: The window's counter, incremented; given its expiry when this increment created it. One atomic command
#: (redis-py sends it by its SHA1, ``EVALSHA``, and the script itself once if the server lacks it).
WINDOW_COUNT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""
#: The script registered once per redis-py client (``register_script``: it sends the script's SHA1, and the
#: script itself when the server lacks it).
_scripts = weakref.WeakKeyDictionary()


def _window_count(client):
    script = _scripts.get(client)
    if script is None:
        script = _scripts[client] = client.register_script(WINDOW_COUNT)
    return script


class AnonWindowThrottle(ClientAddressThrottleMixin, AnonRateThrottle):
    """At most ``rate`` requests per window (second, minute, hour or day) per anonymous client."""

    cache_format = "throttle_%(scope)s_%(ident)s"
    #: The cache holding the counters (DRF's ``cache`` attribute is a proxy of the default one).
    cache_alias = "default"

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        ident_key = self.get_cache_key(request, view)
        if ident_key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        key = f"{ident_key}_{window}"
        self.window_end = (window + 1) * self.duration
        timeout = int(self.duration) + 1
        cache = caches[self.cache_alias]
        client = redis_client(self.cache_alias)
        if client is not None:
            count = _window_count(client)(keys=[cache_key(key, self.cache_alias)], args=[timeout])
            return count <= self.num_requests
        # add() sets the counter only if absent (atomic); it expires with its window.
        cache.add(key, 0, timeout=timeout)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr(): a new window starts here
            cache.add(key, 1, timeout=timeout)
            count = 1
        return count <= self.num_requests

    def wait(self):
        return max(0.0, self.window_end - self.now)

    timer = staticmethod(time.time)
