"""One declared shape per resource (``factbase.shapes``): the JSON, the nested brief forms, the CSV columns,
the timeline's nested objects, ClaimReview and the OpenAPI schema all come from it.
"""

import csv
import io
from collections import OrderedDict

import pytest

from claims.shapes import APPEARANCE, CLAIM, ESTIMATE, HOP, PROPOSITION, STANCE
from factbase.kept_statements import KeptStatements
from factbase.shapes import Column, Csv
from sources.shapes import ACTOR, DOCUMENT

RESOURCES = {
    "claims": CLAIM, "appearances": APPEARANCE, "estimates": ESTIMATE, "propositions": PROPOSITION,
    "actors": ACTOR, "documents": DOCUMENT,
}


def names(shape):
    return [field.name for field in shape.fields]


def brief(shape):
    return names(shape.brief_shape())


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_object_of_a_list_has_exactly_the_declared_fields_in_order(world, api_client, resource):
    results = api_client.get(f"/api/v1/{resource}/").json()["results"]
    assert results
    for obj in results:
        assert list(obj) == names(RESOURCES[resource])


@pytest.mark.parametrize("resource, ref", [
    ("claims", "nis-2000"), ("actors", "nis"), ("documents", "kathimerini-2025-09-04"),
    ("propositions", "nk-troops-russia-deaths"),
])
def test_a_detail_has_exactly_the_declared_fields(world, api_client, resource, ref):
    assert list(api_client.get(f"/api/v1/{resource}/{ref}/").json()) == names(RESOURCES[resource])


def test_every_nested_object_is_its_brief_form(world, api_client):
    claim = api_client.get("/api/v1/claims/nis-2000/").json()
    assert list(claim["claimant"]) == brief(ACTOR)
    assert all(list(subject) == brief(ACTOR) for subject in claim["subjects"])
    (appearance,) = claim["appearances"]
    assert list(appearance) == brief(APPEARANCE)
    assert list(appearance["document"]) == brief(DOCUMENT)
    assert list(appearance["document"]["publisher"]) == brief(ACTOR)
    assert all(list(hop) == names(HOP) and list(hop["actor"]) == brief(ACTOR) for hop in appearance["hops"])
    assert all(list(estimate) == brief(ESTIMATE) and list(estimate["proposition"]) == brief(PROPOSITION)
               for estimate in claim["estimates"])
    assert all(list(stance) == names(STANCE) for stance in claim["stances"])
    estimate = api_client.get("/api/v1/estimates/").json()["results"][0]
    assert list(estimate["claim"]) == brief(CLAIM) and list(estimate["claim"]["claimant"]) == brief(ACTOR)


def test_the_timeline_nests_the_brief_forms(world, api_client):
    timeline = api_client.get("/api/v1/propositions/nk-troops-russia-deaths/timeline/").json()
    assert list(timeline["proposition"]) == brief(PROPOSITION)
    for estimate in timeline["estimates"]:
        assert list(estimate["claim"]) == brief(CLAIM)
        assert list(estimate["claimant"]) == brief(ACTOR)
        assert list(estimate["first_appearance"]) == [*brief(APPEARANCE), "wording"]
        assert list(estimate["first_appearance"]["document"]) == brief(DOCUMENT)
    assert all(list(entry["claimant"]) == brief(ACTOR) for entry in timeline["series"])


def test_url_is_always_the_api_address_and_source_url_the_publication(world, api_client):
    timeline = api_client.get("/api/v1/propositions/nk-troops-russia-deaths/timeline/").json()
    claim = api_client.get("/api/v1/claims/nis-2000/").json()
    documents = [claim["appearances"][0]["document"], timeline["estimates"][-1]["first_appearance"]["document"]]
    for document in documents:
        assert document["url"].startswith("http://testserver/api/v1/documents/")
        assert api_client.get(document["url"]).json()["source_url"] == document["source_url"]
    for actor in (claim["claimant"], timeline["estimates"][0]["claimant"]):
        assert actor["url"] == f"http://testserver/api/v1/actors/{actor['key']}/"


@pytest.mark.parametrize("resource", RESOURCES)
def test_csv_columns_are_the_declared_ones(world, api_client, resource):
    response = api_client.get(f"/api/v1/{resource}/?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == RESOURCES[resource].csv_headers()
    assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize("resource, component", [
    ("claims", "Claim"), ("actors", "Actor"), ("documents", "Document"), ("propositions", "Proposition"),
    ("appearances", "Appearance"), ("estimates", "Estimate"),
])
def test_the_schema_describes_the_declared_fields(world, api_client, resource, component):
    schema = api_client.get("/api/schema/?format=json").json()["components"]["schemas"]
    assert list(schema[component]["properties"]) == names(RESOURCES[resource])
    assert list(schema[f"Brief{component}"]["properties"]) == brief(RESOURCES[resource]) or RESOURCES[resource].brief == ()


def test_a_field_added_to_a_declaration_shows_in_json_csv_and_the_schema(world, api_client, monkeypatch):
    """What adding a field to Claim costs: the model, its migration and one line in its shape."""
    from factbase.api import serializers

    monkeypatch.setattr(CLAIM, "fields", [*CLAIM.fields, Column("rating_text")])
    monkeypatch.setattr(CLAIM, "csv", [*CLAIM.csv, Csv("rating_text", "rating_text")])
    monkeypatch.setattr(CLAIM, "csv_fields", [*CLAIM.csv_fields, "rating_text"])
    monkeypatch.setattr(CLAIM, "_csv", None)
    monkeypatch.setattr(CLAIM, "_compiled", {})  # steps worked out from the fields, once per shape
    monkeypatch.setattr(CLAIM, "_templates", OrderedDict())  # the details' kept rows query (Shape.matching), likewise
    monkeypatch.setattr(CLAIM, "_statements", KeptStatements())  # and their kept statements (PostgreSQL)
    monkeypatch.setattr(serializers, "_classes", {})
    assert api_client.get("/api/v1/claims/nis-2000/").json()["rating_text"] == ""
    header = next(iter(api_client.get("/api/v1/claims/?format=csv").streaming_content)).decode()
    assert header.strip().endswith(",rating_text")
    schema = api_client.get("/api/schema/?format=json").json()["components"]["schemas"]
    assert "rating_text" in schema["Claim"]["properties"]


def test_export_commands_never_import_the_api_package():
    import ast
    from pathlib import Path

    from django.conf import settings

    for command in ("export_csv", "export_claimreview"):
        tree = ast.parse((Path(settings.BASE_DIR) / "claims" / "management" / "commands" / f"{command}.py").read_text())
        imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        assert not [name for name in imported if ".api" in name or name.endswith("api")], (command, imported)


def test_a_shape_that_names_a_field_twice_is_refused_when_built():
    # its object maker is compiled from the fields: a name twice would be one key, whose value depends on how the
    # maker is written, not on the declaration
    from factbase.models import ImportRun
    from factbase.shapes import Shape

    twice = Shape(model=ImportRun, name="Twice", fields=[Column("id"), Column("id", source="command")])
    with pytest.raises(ValueError, match="names a field twice"):
        twice.build([{"id": 1, "command": "import_bundle"}])
