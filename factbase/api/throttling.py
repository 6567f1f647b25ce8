"""Anonymous throttling whose state lives in the shared cache, at a fixed cost per request or less.

DRF's ``AnonRateThrottle`` keeps, per client, the list of its request times within the window and
rewrites the whole list on every request: with a shared cache (Redis) that is a growing value read and
written each time (its cost grows with the rate). Here each client has one counter per window: the same
limit at a fixed cost whatever the rate. Who the client is (``get_ident``) is DRF's.

**Leases.** A worker process does not ask the shared counter once per request: it takes a *lease* of
``lease_size(limit)`` requests at a time (1% of the window's limit, at least 1 and at most ``LEASE_MAX``),
adding the whole lease to the counter in one command, and answers the client's next requests in this window
from what is left of it, with no round trip. The counter therefore counts every request any worker may
answer, so the limit is never exceeded across processes; what a worker leased and did not use before the
window ended is lost, so a client spread over ``P`` processes may be refused up to ``(P - 1) × lease``
requests early (at most ``P - 1`` per cent of the limit) — and likewise by a lease another thread of the same
worker is still taking when the counter is found spent. With a limit under 200 a lease is one request and
the count is exact. A counter found past the limit stays past it for the rest of the window, so a refused
client is refused locally until the window ends, without asking again. The Redis round trip and redis-py's
work were about a sixth of a claim detail's time in the process (docs/benchmarks.md).

- Redis (``CACHE_URL``, production): one command per lease, a server-side script (``WINDOW_COUNT``:
  ``INCRBY``, and ``EXPIRE`` when the counter has no expiry yet — atomic, one reply), through one client kept
  per process (``factbase.shared_cache``). Going through Django's cache API instead cost three round trips
  (``add``, then ``incr``, which checks ``EXISTS`` first) and a new redis-py client object for each, about
  0.4 ms of every request. The key is the cache's own (``make_key``: its prefix and version), so both see
  the same counter.
- Any other cache (local memory in development and tests): ``add`` then ``incr`` by the lease, atomic there too.
"""

import threading
import time
import weakref

from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

from factbase.security.throttling import ClientAddressThrottleMixin
from factbase.shared_cache import key as cache_key
from factbase.shared_cache import redis_client

#: The window's counter, increased by a lease (ARGV[2]); given its expiry (ARGV[1]) when it has none. One
#: atomic command (redis-py sends it by its SHA1, ``EVALSHA``, and the script itself once if the server lacks it).
WINDOW_COUNT = """
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count
"""
#: A lease is this fraction of the limit (1 / LEASE_SHARE), at least one request ...
LEASE_SHARE = 100
#: ... and at most this many.
LEASE_MAX = 100
#: The script registered once per redis-py client (``register_script``: it sends the script's SHA1, and the
#: script itself when the server lacks it).
_scripts = weakref.WeakKeyDictionary()


def _window_count(client):
    script = _scripts.get(client)
    if script is None:
        script = _scripts[client] = client.register_script(WINDOW_COUNT)
    return script


def lease_size(limit: int) -> int:
    """How many requests a worker takes from the shared counter at a time for a limit of ``limit`` per window."""
    return max(1, min(LEASE_MAX, limit // LEASE_SHARE))


class Leases:
    """What this process may still answer, per counter key, in the current window of each duration: requests
    leased and not yet used, or ``REFUSED`` once the shared counter was found past the limit. Threads of a
    worker share it (one lock); a new window forgets the last one's."""

    REFUSED = -1

    def __init__(self, most: int = 10_000):
        #: At most this many clients remembered per window: a new one past it asks the shared counter for every
        #: request (as with no lease), so rotating addresses cannot grow a worker's memory.
        self.most = most
        self._lock = threading.Lock()
        # duration -> (window number, {key: requests left or REFUSED}, {keys found spent while a lease was held})
        self._windows = {}

    def clear(self):
        """Forget every lease (tests; a process starts with none)."""
        with self._lock:
            self._windows.clear()

    def _current(self, duration, window):
        held = self._windows.get(duration)
        if held is None or held[0] != window:
            held = self._windows[duration] = (window, {}, set())
        return held[1], held[2]

    def take(self, key, duration, window):
        """True: answer from a lease; False: refuse (known past the limit); None: ask the shared counter."""
        with self._lock:
            left, spent = self._current(duration, window)
            held = left.get(key, 0)
            if held == self.REFUSED:
                return False
            if held > 0:
                # The last request of a lease held when the counter was found spent leaves the key refused: no
                # thread asks the counter again in this window.
                left[key] = self.REFUSED if held == 1 and key in spent else held - 1
                return True
            return None

    def grant(self, key, duration, window, requests):
        """Keep ``requests`` more (besides the one being answered); less than 0 marks the key refused, 0 keeps
        nothing."""
        with self._lock:
            left, spent = self._current(duration, window)
            if requests == 0 or (key not in left and len(left) >= self.most):
                return
            if requests < 0:
                # Spent for the rest of the window: a lease still held here (another thread's), or one granted
                # before the counter was spent but arriving after this refusal, is used first; its last request
                # then leaves the key refused (take), so no thread asks the counter again.
                spent.add(key)
                if left.get(key, 0) <= 0:
                    left[key] = self.REFUSED
            else:  # a lease taken before the counter was spent is good even if another thread found it spent since
                left[key] = max(left.get(key, 0), 0) + requests


#: This process's leases (one per worker process; gunicorn's threads share it).
leases = Leases()


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
        # Leases are kept under the cache's own key (its prefix and version): one counter, one lease.
        shared_key = cache_key(key, self.cache_alias)
        answer = leases.take(shared_key, self.duration, window)
        if answer is not None:
            return answer
        lease = lease_size(self.num_requests)
        count = self._add(key, shared_key, lease, timeout=int(self.duration) + 1)
        # The counter held count - lease before this lease: what is left under the limit, up to the lease.
        granted = min(lease, self.num_requests - (count - lease))
        leases.grant(shared_key, self.duration, window, granted - 1)
        return granted >= 1

    def _add(self, key, shared_key, lease, timeout):
        """The window's counter after adding ``lease`` to it (created, with its expiry, when absent)."""
        client = redis_client(self.cache_alias)
        if client is not None:
            return _window_count(client)(keys=[shared_key], args=[timeout, lease])
        cache = caches[self.cache_alias]
        # add() sets the counter only if absent (atomic); it expires with its window.
        cache.add(key, 0, timeout=timeout)
        try:
            return cache.incr(key, lease)
        except ValueError:  # expired between add() and incr(): a new window starts here
            cache.add(key, lease, timeout=timeout)
            return lease

    def wait(self):
        return max(0.0, self.window_end - self.now)

    timer = staticmethod(time.time)
