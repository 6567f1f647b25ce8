"""Anonymous throttling whose state lives in the shared cache, at a fixed cost per request.

DRF's ``AnonRateThrottle`` keeps, per client, the list of its request times within the window and
rewrites the whole list on every request: with a shared cache (Redis) that is a growing value read and
written each time (its cost grows with the rate). Here each client has one counter per window
(``cache.add`` then ``cache.incr``, atomic in Redis): the same limit, two small round trips whatever the
rate. Who the client is (``get_ident``) is DRF's.
"""

import time

from rest_framework.throttling import AnonRateThrottle

from factbase.security.throttling import ClientAddressThrottleMixin


class AnonWindowThrottle(ClientAddressThrottleMixin, AnonRateThrottle):
    """At most ``rate`` requests per window (second, minute, hour or day) per anonymous client."""

    cache_format = "throttle_%(scope)s_%(ident)s"

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
        # add() sets the counter only if absent (atomic); it expires with its window.
        self.cache.add(key, 0, timeout=int(self.duration) + 1)
        try:
            count = self.cache.incr(key)
        except ValueError:  # expired between add() and incr(): a new window starts here
            self.cache.add(key, 1, timeout=int(self.duration) + 1)
            count = 1
        return count <= self.num_requests

    def wait(self):
        return max(0.0, self.window_end - self.now)

    timer = staticmethod(time.time)
