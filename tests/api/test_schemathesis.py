"""Property-based run over every endpoint of the OpenAPI schema, through the WSGI app.

For each operation, schemathesis generates requests from the schema — valid ones, and invalid ones
(negative mode: wrong types, values out of enums and ranges) — and checks that none gives a server error
and that every response conforms to the schema (documented status code, content type and body).
Deterministic (derandomised) and bounded (25 examples per operation and mode).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from factbase.wsgi import application

SCHEMA = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Django's test client does this too: without it the WSGI app closes the database connection after
    each request (request_finished → close_old_connections), losing the test's transaction on PostgreSQL."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_endpoint_is_covered():
    assert len(OPERATIONS) == 18


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=[operation.label for operation in OPERATIONS])
def test_no_server_errors_and_no_schema_violations(world, operation, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=25, derandomize=True, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


# --- hostile values in every parameter of every operation ---------------------------------------------------
# Schemathesis' negative mode breaks the schema's types and enums with random values; the values below are
# the ones that broke this API before (a 500 each): orderings that only look valid, digits Python reads in
# one place and refuses in another, thousands of words, NUL. Every parameter of every operation gets each.

HOSTILE_VALUES = ["--id", "-", ",", "²", "١٢", "9" * 30, "\x00", "a " * 1000]


def _operations_and_parameters():
    for operation in OPERATIONS:
        path = operation.path
        if "{" in path:
            path = path.replace("{id_or_key}", "nis-2000" if "claims" in path else "nk-troops-russia-deaths"
                                if "propositions" in path else "1")
        for parameter in operation.definition.raw.get("parameters", []):
            if parameter.get("in") == "query":
                yield operation.label, path, parameter["name"]


PARAMETERS = sorted(set(_operations_and_parameters()))
BY_OPERATION = {}
for _label, _path, _name in PARAMETERS:
    BY_OPERATION.setdefault((_label, _path), []).append(_name)


def test_the_hostile_sweep_reaches_every_query_parameter():
    assert len(PARAMETERS) > 100 and len(BY_OPERATION) == 12  # every operation that takes query parameters


@pytest.mark.parametrize("label, path", sorted(BY_OPERATION), ids=[label for label, _ in sorted(BY_OPERATION)])
def test_hostile_values_in_any_parameter_are_never_a_server_error(world, api_client, staff, label, path):
    api_client.force_login(staff)
    for name in BY_OPERATION[(label, path)]:
        for value in HOSTILE_VALUES:
            response = api_client.get(path, {name: value})
            assert response.status_code < 500, (path, name, value, response.content[:300])
            if response.status_code == 400:
                assert name in response.json()["errors"], (path, name, value, response.json())


@pytest.mark.parametrize("path", sorted({path for _, path, _ in PARAMETERS if "{" not in path}))
def test_hostile_ids_in_any_path_are_never_a_server_error(world, api_client, staff, path):
    api_client.force_login(staff)
    base = path.rstrip("/").rsplit("/", 1)[0] + "/" if path.count("/") > 4 else path
    for value in ("²", "١٢", "５", "0", "9" * 30, "-", "--"):
        response = api_client.get(f"{base}{value}/")
        assert response.status_code < 500, (base, value, response.content[:300])
