"""``python3 dev.py setup`` (and ``run``, which calls it) loads seeds/ into an empty database only.

Run for real, in a child process, on a SQLite file of its own: the issue's first loss was a reviewer's
assessment reset by the next ``dev.py run``.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLAIM = "nis-nk-troops-russia-deaths-2025-09"

ASSESS = f"""
from django.contrib.auth.models import Group, User
from claims.models import Claim
from claims.services.workflow import claim_assess
reviewer = User.objects.create_user("rev", password="a-long-test-password")
reviewer.groups.add(Group.objects.get(name="reviewer"))
claim_assess(claim=Claim.objects.get(key="{CLAIM}"), by=reviewer, verdict="plausible", credibility=3, rationale="Track record.")
"""
SHOW = f"from claims.models import Claim; c = Claim.objects.get(key='{CLAIM}'); print(c.verdict, c.credibility, c.rationale)"


def _run(args, env):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_dev_setup_loads_seeds_into_an_empty_database_only(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}", "DJANGO_ENV": "development",
           "DEBUG": "0"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    python = str(ROOT / ".venv" / "bin" / "python")

    first = _run([sys.executable, "dev.py", "setup"], env)
    # Both seed bundles: the Greek article's 15 claims and the NIS series' 4, which adds to one of the 15.
    assert "claims: 19 created, 1 updated" in first
    _run([python, "manage.py", "shell", "-c", ASSESS], env)

    second = _run([sys.executable, "dev.py", "setup"], env)

    assert "The database already holds" in second and "not imported" in second
    shown = _run([python, "manage.py", "shell", "-c", SHOW], env).strip().splitlines()[-1]
    assert shown == "plausible 3 Track record."


pytestmark = pytest.mark.xdist_group("subprocess-dev")
