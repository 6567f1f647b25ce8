"""The cyclic garbage collector waits while a response is being built: ``DeferredCollection`` (WSGI).

A request that builds a large response keeps everything it makes alive until the response is rendered: a
proposition's timeline at 200,000 claims holds some hundred thousand dicts and lists. Python's collector, run
every 700 new objects, walks them again and again — and, as they survive, promotes them, so that the older
generations' collections walk them too: about 8 ms of a 90 ms timeline (in-process, median), and a full
collection of 150 ms for one request in ten. Almost none of that is garbage: the objects are freed by reference
counting the moment the response is sent.

So, under the production server (gunicorn) and for reads (GET, HEAD), the collector is paused (``gc.disable``) while a request is the only
one its process is serving, from the moment it reaches the application until its response has been sent (the server
closes the response); what it left behind is then collected as usual, once the client has its answer. Bounds:

- a second request arriving meanwhile resumes the collector for both: threads under load collect as Python always
  does. (A first version kept it paused while requests overlapped, up to 2,000,000 objects, then collected: at
  concurrency 32 that collection walked every object of every request in flight, and the p99 rose to 5.6 s.)
- a streaming response (a CSV export, for minutes) resumes it as soon as the application returns: its rows are made
  while it is sent; so does a file the server sends itself;
- a request that fails resumes it like any other (``close`` or the exception);
- a caller that never closes the response (not a WSGI server: some test clients) resumes it when it drops the
  response (``__del__``), so the collector is never left paused.
"""

import gc
import threading

#: The servers (``SERVER_SOFTWARE``) under which responses are deferred: those known to close every response, as
#: PEP 3333 asks (gunicorn closes it in a ``finally``). Other callers — test clients that never close what they
#: get — are served as they are.
SERVERS = ("gunicorn/",)
#: Only reads are deferred: a write (an admin save or bulk action) may run long and make garbage cycles as it goes.
READS = ("GET", "HEAD")

#: Re-entrant: a response dropped during a collection (``__del__``) may leave while this thread holds it.
_lock = threading.RLock()
_active = 0


_resume = True  # whether the collector was on when the lone request paused it (restored, never forced on)


def _enter():
    global _active, _resume
    with _lock:
        _active += 1
        if _active == 1:
            _resume = gc.isenabled()
            gc.disable()
        elif _resume:
            gc.enable()


def _leave():
    global _active
    with _lock:
        _active -= 1
        if _active == 0 and _resume:
            gc.enable()


class _Closing:
    """The application's response iterable, leaving the deferral once when the server closes it."""

    def __init__(self, result, leave):
        self._result = result
        self._leave = leave

    def __iter__(self):
        return iter(self._result)

    def close(self):
        try:
            close = getattr(self._result, "close", None)
            if close is not None:
                close()
        finally:
            self._release()

    def _release(self):
        leave, self._leave = self._leave, None
        if leave is not None:
            leave()

    def __del__(self):
        self._release()


class DeferredCollection:
    """WSGI middleware: no cyclic garbage collection while this process builds and sends a response."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") not in READS or not environ.get("SERVER_SOFTWARE", "").startswith(SERVERS):
            return self.application(environ, start_response)
        _enter()
        try:
            result = self.application(environ, start_response)
        except BaseException:
            _leave()
            raise
        file_wrapper = environ.get("wsgi.file_wrapper")
        sent_by_server = isinstance(file_wrapper, type) and isinstance(result, file_wrapper)
        if sent_by_server or getattr(result, "streaming", False):
            # A file the server sends itself (static files), or rows made while they are sent: nothing to defer,
            # and the server must see the object it can send as it likes.
            _leave()
            return result
        return _Closing(result, _leave)


def deferring() -> bool:
    """Whether the collector is paused for a request of this process."""
    return _active > 0 and not gc.isenabled()
