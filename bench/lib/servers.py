"""Production servers for the over-HTTP benchmarks: gunicorn with ``gunicorn.conf.py`` on a port of its own.

``Server(database_url, workdir, name)`` starts the product (production settings, one worker and thread
unless told otherwise); ``app="bench.lib.raw_app:application"`` starts the plain-SQL yardstick instead.
``get(path)`` times one request on a kept-alive connection.
"""

import http.client
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Server:
    def __init__(self, database_url, workdir, name, *, app="factbase.wsgi:application", workers=1, threads=1):
        self.log_path = Path(workdir) / f"gunicorn-{name}.log"
        env = {
            **os.environ, "DJANGO_ENV": "production", "SECRET_KEY": secrets.token_urlsafe(64), "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url, "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/2"),
            "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}", "API_ANON_RATE": "100000000/minute",
            "BIND": "127.0.0.1:0", "WORKERS": str(workers), "THREADS": str(threads), "GUNICORN_ACCESS_LOG": "/dev/null",
            "LOG_LEVEL": "ERROR", "PYTHONPATH": str(ROOT),
        }
        self.handle = open(self.log_path, "w")
        self.process = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", str(ROOT / "gunicorn.conf.py"), app],
                                        cwd=ROOT, env=env, stdout=self.handle, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        self.port = None
        while self.port is None and time.monotonic() < deadline:
            match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", self.log_path.read_text(errors="replace"))
            if match:
                self.port = int(match.group(1))
            elif self.process.poll() is not None:
                raise RuntimeError(self.log_path.read_text())
            else:
                time.sleep(0.1)
        if self.port is None:
            raise RuntimeError(f"gunicorn did not start: {self.log_path.read_text()[-2000:]}")
        self.connection = None

    def connect(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)

    def get(self, path, connection=None):
        """(status, seconds, body) of one GET on a kept-alive connection (this server's, or ``connection``)."""
        own = connection is None
        for attempt in (1, 2):
            if own and self.connection is None:
                self.connection = self.connect()
            conn = self.connection if own else connection
            try:
                start = time.perf_counter()
                conn.request("GET", path, headers={"X-Forwarded-Proto": "https"})
                response = conn.getresponse()
                body = response.read()
                return response.status, time.perf_counter() - start, body
            except (http.client.HTTPException, OSError):
                conn.close()
                if own:
                    self.connection = None
                if attempt == 2 or not own:
                    raise

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
