"""The OpenAPI 3 schema generates without warnings, validates, documents every filter; docs are served."""

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from claims.api.filters import ClaimFilterSet


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_generates_without_warnings_and_validates(tmp_path):
    # --fail-on-warn turns every drf-spectacular warning (unresolvable type, name clash...) into an error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))


def test_schema_validates_against_the_openapi_3_metaschema(schema):
    validate_schema(schema)


def test_schema_loads_in_schemathesis(schema):
    import schemathesis

    loaded = schemathesis.openapi.from_dict(schema)
    assert len(list(loaded.get_all_operations())) >= 17


def test_every_claim_filter_is_documented(schema):
    documented = {parameter["name"] for parameter in schema["paths"]["/api/v1/claims/"]["get"]["parameters"]}
    for name in ClaimFilterSet.base_filters:
        if name in ("stated_on", "published_on", "assessed_at"):
            assert {f"{name}_after", f"{name}_before"} <= documented
        else:
            assert name in documented, name


def test_timeline_is_documented_with_known_on(schema):
    operation = schema["paths"]["/api/v1/propositions/{id_or_key}/timeline/"]["get"]
    assert "known_on" in {parameter["name"] for parameter in operation["parameters"]}
    assert "400" in operation["responses"] and "404" in operation["responses"]


def test_schema_and_docs_are_served(db, api_client):
    assert api_client.get("/api/schema/").status_code == 200
    assert api_client.get("/api/docs/").status_code == 200


def test_every_operation_documents_its_errors_and_the_browsable_view(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"400", "404", "429"} <= set(responses), (path, method)
            assert responses["429"]["content"]["application/json"]["schema"]["required"], (path, method)
            staff_only = path.startswith("/api/v1/import-runs/")
            assert ({"401", "403"} <= set(responses)) == staff_only, (path, method)
            if "content" in responses.get("200", {}):
                assert "text/html" in responses["200"]["content"], (path, method)


def test_the_id_or_key_path_parameter_is_described(schema):
    described = [
        parameter["description"]
        for operations in schema["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", ())
        if parameter["in"] == "path" and parameter["name"] == "id_or_key"
    ]
    assert len(described) >= 8
    assert set(described) == {"The numeric id or the stable key (all digits mean an id)."}
