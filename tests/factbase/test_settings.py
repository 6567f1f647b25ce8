"""Production settings refuse unsafe defaults; development works with none."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ENV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "factbase.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
}


def test_production_settings_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize(
    "override,message",
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set in production"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "SECRET_KEY is too weak"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY is too weak"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must be set in production"),
        ({"DATABASE_URL": "sqlite:///prod.sqlite3"}, "production runs on PostgreSQL"),
        ({"DEBUG": "perhaps"}, "DEBUG must be a boolean"),
    ],
)
def test_production_refuses_unsafe_configuration(override, message):
    result = manage("check", **{**PRODUCTION, **override})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_is_never_in_debug_by_default():
    result = manage("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_unknown_environment_name_is_refused():
    result = manage("check", DJANGO_ENV="staging")
    assert result.returncode != 0 and "DJANGO_ENV must be" in result.stderr


def test_replica_urls_become_replica_database_aliases():
    code = "from factbase.routers import replica_aliases; print(','.join(replica_aliases()))"
    result = manage(
        "shell", "--no-imports", "-c", code,
        DATABASE_REPLICA_URLS="postgres://postgres@127.0.0.1:5432/r1, postgres://postgres@127.0.0.1:5432/r2",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "replica1,replica2"
