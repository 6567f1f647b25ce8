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
    assert len(OPERATIONS) == 17


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
