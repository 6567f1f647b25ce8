"""``factbase.db.postgresql``: Django's PostgreSQL backend whose health check sends nothing while the connection is
idle and sound, and falls back to Django's ``SELECT 1`` when the socket has something to read (a connection the
server closed). The production server's test (tests/serving) drops connections under a running worker."""

import select

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.db.backends.postgresql import base as django_base

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def parent_checks(monkeypatch):
    calls = []
    check = django_base.DatabaseWrapper.is_usable

    def counted(self):
        calls.append(self.alias)
        return check(self)

    monkeypatch.setattr(django_base.DatabaseWrapper, "is_usable", counted)
    return calls


def test_every_postgresql_database_uses_the_backend():
    engines = {alias: database["ENGINE"] for alias, database in settings.DATABASES.items()}
    assert engines["default"] == "factbase.db.postgresql", engines


def test_an_idle_sound_connection_is_usable_without_a_round_trip(parent_checks):
    connection.ensure_connection()
    assert connection.is_usable() is True
    assert parent_checks == []


def test_a_connection_the_server_closed_is_not_usable(parent_checks):
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    with psycopg.connect(**{key: value for key, value in params.items() if key in ("host", "port", "user", "dbname", "password")},
                         autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    try:
        # The server's farewell reaches the socket (wait for it: the check itself never waits), then Django's own
        # check runs, and fails.
        poller = select.poll()
        poller.register(connection.connection.fileno(), select.POLLIN)
        assert poller.poll(5000), "the server's farewell never reached the socket"
        assert connection.is_usable() is False and parent_checks
    finally:
        connection.close()
    connection.ensure_connection()
    assert connection.is_usable() is True


def test_connections_keep_tcp_alive():
    connection.ensure_connection()
    options = connection.get_connection_params()
    assert (options["keepalives"], options["keepalives_idle"], options["keepalives_count"]) == (1, 30, 3)
