#!/usr/bin/env python3
"""factbase's two commands, for a fresh machine that has only python3.

    python3 dev.py run     set everything up (virtualenv, packages, database, seed data) and serve
    python3 dev.py test    run the whole test suite (pytest arguments may follow)

Also: ``python3 dev.py setup`` (everything but the server). Uses only the standard library, so that
it works before anything is installed. DATABASE_URL selects the database (default: SQLite file).
"""

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"


def say(message):
    print(f"[factbase] {message}", flush=True)


def run(*args, **kwargs):
    result = subprocess.run([str(a) for a in args], cwd=ROOT, **kwargs)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_virtualenv():
    if PYTHON.exists():
        return
    if sys.version_info < (3, 11):
        sys.exit(f"factbase needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    say(f"creating the virtual environment in {VENV}")
    result = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
    if result.returncode != 0 and shutil.which("apt-get") and os.geteuid() == 0:
        say("python3 -m venv failed; installing Debian's python3-venv")
        shutil.rmtree(VENV, ignore_errors=True)
        run("apt-get", "update", "-q")
        run("apt-get", "install", "-y", "-q", "python3-venv")
        result = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
    if result.returncode != 0:
        shutil.rmtree(VENV, ignore_errors=True)
        sys.exit("could not create a virtual environment: install the venv module (Debian: apt-get install python3-venv)")


def ensure_packages():
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    say("installing the pinned packages from requirements.txt")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-r", REQUIREMENTS)
    STAMP.write_text(digest)


def setup():
    ensure_virtualenv()
    ensure_packages()
    say("applying migrations")
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v", "0")
    # Seeds go into an empty database only: later starts leave it as the curators left it (and say so).
    say("loading the seed data from seeds/ (into an empty database only)")
    run(PYTHON, "manage.py", "import_bundle", "seeds/", "--if-empty")


def serve():
    setup()
    address = os.environ.get("FACTBASE_ADDRESS", "127.0.0.1:8000")
    say(f"the API is at http://{address}/api/v1/ and its docs at http://{address}/api/docs/")
    say(f"the admin is at http://{address}/admin/ — create your login first with:")
    say("    .venv/bin/python manage.py createsuperuser")
    say("(there is no default user or password)")
    os.execv(str(PYTHON), [str(PYTHON), "manage.py", "runserver", address])


def redis_answers() -> bool:
    """Whether the Redis the tests marked ``redis`` use accepts connections (standard library only)."""
    url = os.environ.get("FACTBASE_TEST_REDIS_URL") or "redis://127.0.0.1:6379/0"
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=2):
            return True
    except OSError:
        return False


def test_processes() -> int:
    """One more than the cores this process may use, at most eight."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores + 1, 8)


def test(pytest_args):
    ensure_virtualenv()
    ensure_packages()
    database = os.environ.get("DATABASE_URL", "sqlite (default)")
    say(f"running the test suite on {database.split('@')[-1]}")
    if not any(arg.startswith("-m") for arg in pytest_args):
        left_out = []
        if not database.startswith(("postgres:", "postgresql:")):
            # The tests marked postgresql (concurrency, planner and index checks) fail on SQLite by design.
            say("SQLite: leaving out the tests marked postgresql (run them with DATABASE_URL=postgres://...; CI does)")
            left_out.append("not postgresql")
        if not redis_answers():
            # Login protection and throttling are tested on local memory always, on Redis when one answers.
            say("no Redis at FACTBASE_TEST_REDIS_URL (default 127.0.0.1:6379): leaving out the tests marked redis "
                "(start redis-server to run them; CI does)")
            left_out.append("not redis")
        if left_out:
            pytest_args = ["-m", " and ".join(left_out), *pytest_args]
    if not any(arg == "-n" or arg.startswith(("-n=", "--numprocesses", "-p no:xdist")) or (arg.startswith("-n") and arg[2:].isdigit())
               for arg in pytest_args):
        # One process (pytest-xdist) more than the machine has cores: three on the 2-core machines this runs on.
        # A third of the suite's time is spent waiting on other processes (servers, browsers, imports run as
        # commands), and the extra process keeps both cores busy meanwhile (docs/benchmarks.md, "Issue 12, twelfth
        # session"). Tests that start servers share an xdist group and run one after the other in one process
        # (--dist loadgroup).
        pytest_args = ["-n", os.environ.get("FACTBASE_TEST_PROCESSES", str(test_processes())), *pytest_args]
    if not any(arg.startswith("--dist") for arg in pytest_args):
        pytest_args = ["--dist", "loadgroup", *pytest_args]
    os.execv(str(PYTHON), [str(PYTHON), "-m", "pytest", *pytest_args])


def main(argv):
    command = argv[0] if argv else "help"
    if command == "run":
        serve()
    elif command == "setup":
        setup()
    elif command == "test":
        test(argv[1:])
    else:
        print(__doc__)
        sys.exit(0 if command in {"help", "-h", "--help"} else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
