"""A real production server for the serving tests: gunicorn with ``gunicorn.conf.py`` and production settings,
on a scratch database of the vendor under test (PostgreSQL when ``DATABASE_URL`` names it, else a SQLite
file), filled with the seed and ``bench/load``'s data set, and Redis as the shared cache.

These tests start processes and bind ports, and share the session's scratch database: they run in one xdist
group, one after the other, in one worker (so the scratch database is filled once).
"""

import http.client
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("FACTBASE_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
CLAIMS = 2000

pytestmark = pytest.mark.xdist_group("servers")


def _run(args, env, timeout=300):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="session")
def scratch_database(tmp_path_factory, database_templates):
    """A database URL holding the seed and 2,000 generated claims, dropped at the end. It starts as a copy of
    the run's migrated template (tests/sharing.py), so ``bench/load``'s migrate has nothing left to do."""
    url = database_templates.vendor_under_test(tmp_path_factory.mktemp("serving"), "serving")
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_ENV": "development"}
    _run([sys.executable, "bench/load", "--claims", str(CLAIMS), "--database-url", url,
          "--workdir", str(tmp_path_factory.mktemp("bench-data"))], env)
    yield url
    database_templates.drop(url)


class Server:
    """One gunicorn master with its workers; ``url(path)`` addresses it; ``log()`` is what it wrote."""

    def __init__(self, process, port, log_path):
        self.process, self.port, self.log_path = process, port, log_path

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    ready_at = 0

    def log(self):
        return self.log_path.read_text(errors="replace")

    def log_since_ready(self):
        """What the server wrote once it answered (a worker restarted while booting is not the test's concern)."""
        return self.log()[self.ready_at:]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@pytest.fixture
def start_server(scratch_database, tmp_path):
    """``start_server(*gunicorn_args, app=..., **env)``: gunicorn with gunicorn.conf.py and production settings."""
    servers = []

    def start(*args, app="factbase.wsgi:application", **env):
        log_path = tmp_path / f"gunicorn-{len(servers)}.log"
        environment = {
            **os.environ,
            "DJANGO_ENV": "production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": scratch_database,
            "ALLOW_SQLITE": "1",
            "CACHE_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "BIND": "127.0.0.1:0",
            "WORKERS": "1",
            "GUNICORN_ACCESS_LOG": "-",
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        handle = open(log_path, "w")
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", *args, app],
            cwd=ROOT, env=environment, stdout=handle, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        port = None
        while time.monotonic() < deadline and port is None:
            match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log_path.read_text(errors="replace"))
            if match:
                port = int(match.group(1))
            elif process.poll() is not None:
                break
            else:
                time.sleep(0.1)
        server = Server(process, port, log_path)
        servers.append(server)
        assert port, f"gunicorn did not start:\n{server.log()[-3000:]}"
        # Ready when a worker answers (a worker still importing the application may be restarted by the
        # master on a loaded machine: ask until one answers).
        ready = time.monotonic() + 120
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", "/", headers={"X-Forwarded-Proto": "https"})  # a redirect: not throttled
                if connection.getresponse().status == 302:
                    break
            except (OSError, http.client.HTTPException):
                pass
            finally:
                connection.close()
            assert time.monotonic() < ready, f"gunicorn never answered:\n{server.log()[-3000:]}"
            time.sleep(0.2)
        server.ready_at = len(server.log())
        return server

    yield start
    for server in servers:
        server.stop()
