"""Production refuses to start on unsafe settings — one line naming the setting and the fix — while
development and tests need no configuration at all. Each case reads the settings in a fresh process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from factbase.security.production import estimated_entropy_bits, secret_key_problem

ROOT = Path(__file__).resolve().parents[2]
CLEARED = {"SECRET_KEY", "SECRET_KEY_FALLBACKS", "ALLOWED_HOSTS", "DJANGO_ENV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE",
           "TRUSTED_PROXIES", "TRUSTED_PROXY_COUNT", "CACHE_URL", "LOGIN_FAILURE_LIMIT", "LOGIN_LOCKOUT_MINUTES"}
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "factbase.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
}
READ_SETTINGS = "import factbase.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"


def read_settings(**env):
    base = {k: v for k, v in os.environ.items() if k not in CLEARED}
    return subprocess.run([sys.executable, "-c", READ_SETTINGS], cwd=ROOT, env={**base, **env},
                          capture_output=True, text=True, timeout=120)


def refusal(result) -> str:
    """The one line the refusal prints (the exception's message)."""
    assert result.returncode != 0, result.stdout
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: "), result.stderr
    return last.removeprefix("django.core.exceptions.ImproperlyConfigured: ")


@pytest.mark.parametrize("override,setting,fix", [
    ({"DEBUG": "1"}, "DEBUG must be off in production", "set DEBUG=0"),
    ({"DEBUG": "true"}, "DEBUG must be off in production", "set DEBUG=0"),
    ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must be set in production", "ALLOWED_HOSTS=factbase.example.org"),
    ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS must not contain '*'", "ALLOWED_HOSTS=factbase.example.org"),
    ({"ALLOWED_HOSTS": "factbase.example,*"}, "ALLOWED_HOSTS must not contain '*'", "list the site's host names"),
    ({"SECRET_KEY": ""}, "SECRET_KEY must be set in production", "secrets.token_urlsafe(64)"),
    ({"SECRET_KEY": "a" * 50}, "SECRET_KEY is too weak for production: it is low in entropy", "token_urlsafe"),
    ({"SECRET_KEY": "changeme" * 7}, "SECRET_KEY is too weak for production: it contains the placeholder 'changeme'",
     "token_urlsafe"),
    ({"SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(50)}, "placeholder 'djangoinsecure'", "token_urlsafe"),
    ({"SECRET_KEY": secrets.token_urlsafe(20)}, "SECRET_KEY is too weak for production: it is 27 characters long",
     "token_urlsafe"),
    ({"SECRET_KEY": "abcdefghijklmnopqrstuvwxyz" * 3}, "it repeats 'abcdefgh'... every 26 characters", "token_urlsafe"),
    ({"TRUSTED_PROXIES": "10.0.0.0/8", "TRUSTED_PROXY_COUNT": "1"}, "set TRUSTED_PROXIES or TRUSTED_PROXY_COUNT, not both",
     "Reverse proxies"),
    ({"TRUSTED_PROXIES": "10.0.0.0/8,proxy.internal"}, "TRUSTED_PROXIES: 'proxy.internal' is not an IP address",
     "e.g. 10.0.0.0/8"),
    ({"TRUSTED_PROXY_COUNT": "one"}, "TRUSTED_PROXY_COUNT must be a whole number", "not 'one'"),
])
def test_production_refuses_to_start(override, setting, fix):
    message = refusal(read_settings(**{**PRODUCTION, **override}))
    assert setting in message and fix in message


def test_a_random_key_and_named_hosts_start():
    result = read_settings(**PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['factbase.example']"


def test_development_needs_no_configuration():
    result = read_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "True"


@pytest.mark.parametrize("make", [
    lambda: secrets.token_urlsafe(64), lambda: secrets.token_urlsafe(38), lambda: secrets.token_hex(25),
    lambda: secrets.token_hex(32),
])
def test_random_keys_of_any_usual_alphabet_are_strong_enough(make):
    for _ in range(200):
        assert secret_key_problem(make()) is None


def test_an_entropy_estimate_sees_through_repetition():
    assert estimated_entropy_bits("changeme" * 20) < 128 < estimated_entropy_bits(secrets.token_urlsafe(64))
