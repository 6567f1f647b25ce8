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
    "CACHE_URL": "redis://127.0.0.1:6379/0",
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
        ({"CACHE_URL": ""}, "CACHE_URL must name the shared cache in production"),
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


REPLICA_PROBE = """
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica1"]) as replica:
    api = Client().get("/api/v1/claims/")
print("api", api.status_code, len(primary), len(replica) > 0)
with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica1"]) as replica:
    admin = Client().get("/admin/login/")
print("admin", admin.status_code, len(replica))
"""


def test_api_reads_go_to_a_second_database_alias_and_the_admin_stays_on_the_primary(tmp_path, database_templates):
    database = database_templates.sqlite(tmp_path / "primary.sqlite3")  # migrated (tests/sharing.py)
    result = manage(
        "shell", "--no-imports", "-c", REPLICA_PROBE, DATABASE_URL=database, DATABASE_REPLICA_URLS=database
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["api 200 0 True", "admin 200 0"]


@pytest.mark.parametrize("value", ["²", "five", "-1", "5.0"])
def test_a_malformed_prepare_threshold_stops_the_start_with_its_name(value):
    result = manage("check", **{**PRODUCTION, "DB_PREPARE_THRESHOLD": value})
    assert result.returncode != 0
    assert "DB_PREPARE_THRESHOLD must be a whole number or 'off'" in result.stderr and "Traceback" not in result.stderr.split("ImproperlyConfigured")[-1]


@pytest.mark.parametrize("value, expected", [("", "True 5"), ("0", "True 0"), ("12", "True 12"), ("off", "None None"),
                                             ("OFF", "None None")])
def test_postgresql_connections_prepare_statements_unless_told_off(value, expected):
    env = {**PRODUCTION, **({"DB_PREPARE_THRESHOLD": value} if value else {})}
    result = manage("shell", "-c", "from django.conf import settings; o = settings.DATABASES['default'].get('OPTIONS', {}); "
                    "print(o.get('server_side_binding'), o.get('prepare_threshold'), o.get('options'))", **env)
    assert result.returncode == 0, result.stderr
    line = result.stdout.splitlines()[-1]
    assert line.startswith(expected + " ")
    # Every run is planned for its own parameters unless a read asks for the kept plan (factbase.plans).
    assert line.endswith("-c plan_cache_mode=force_custom_plan") == (expected != "None None")
