"""gunicorn settings of the production server (``make serve``; see docs/operations.md, "Serving").

Threaded workers (``gthread``): a worker's main thread keeps answering the master's heartbeat while its
threads serve requests, so ``timeout`` bounds a stuck worker, not a request — a CSV export streaming for
minutes is served to its end (with the default ``sync`` worker the master killed the worker 30 s into
the export and the client was left with part of the file). HTTP/1.1 responses without a length go out
chunked: a stream cut short (a killed worker, a dropped connection) lacks the final empty chunk, which
every HTTP/1.1 client reports as an error — never as a complete file.
"""

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKERS", "3"))
worker_class = "gthread"
#: Requests served at once by each worker; a long export holds one thread, not the worker.
threads = int(os.environ.get("THREADS", "4"))
#: Seconds without a heartbeat after which the master restarts a worker (a hung process, not a long request).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
#: On reload (HUP) or stop (TERM), running requests — exports included — get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "300"))
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
#: The worker's process id is logged with each request (%(p)s), so a log shows which worker served what.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(D)sus pid=%(p)s'
#: No control socket: it would be one fixed path (~/.gunicorn/gunicorn.ctl) shared by every server on the machine.
control_socket_disable = True


def post_worker_init(worker):
    """Once a worker has loaded the application: import the URL configuration (and with it every view), then
    move everything alive so far — Django, the apps, the views, the extraction rules — out of the garbage
    collector's reach (``gc.freeze``): those objects live as long as the process.

    Without it every full collection walked about 140,000 start-up objects: in 300 timeline requests (which
    keep many objects alive while they run) 32 full collections took 5.9 s, 20 ms a request on average; frozen,
    each costs less than half as much. The thresholds stay Python's (larger ones made each young collection
    slower by as much as they saved, measured in docs/benchmarks.md)."""
    import gc
    import sys

    if "django.conf" in sys.modules and sys.modules["django.conf"].settings.configured:  # a Django application
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 — imports the views now, not on the first request
    gc.collect()  # any other WSGI application (the benchmark's yardstick) is frozen as it is, Django untouched
    gc.freeze()
