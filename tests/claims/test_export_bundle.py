"""export_bundle: what it writes imports back into an empty database as the same records."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.ingest.bundle import bundle_import
from claims.models import Appearance, AttributionHop, Claim, ClaimRelation, ClaimStance, Estimate, Proposition
from sources.models import Actor, ActorAlias, Document

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "bundles" / "sample"


def snapshot():
    """Every exported record and child row, by key (ids differ between databases)."""
    return {
        "actors": sorted(Actor.objects.values_list(
            "key", "name", "kind", "country", "parent__key", "description", "wikidata_id", "reliability",
            "reliability_rationale")),
        "aliases": sorted(ActorAlias.objects.values_list("actor__key", "name", "language")),
        "documents": sorted(Document.objects.values_list(
            "key", "kind", "title", "url", "publisher__key", "authors", "language", "published_on", "published_time",
            "retrieved_at", "body", "body_sha256", "archive_url")),
        "propositions": sorted(Proposition.objects.values_list(
            "key", "title", "description", "kind", "measure", "unit", "status", "status_rationale")),
        "proposition_subjects": sorted(Proposition.subjects.through.objects.values_list("proposition__key", "actor__key")),
        "claims": sorted(Claim.objects.values_list(
            "key", "claimant__key", "kind", "summary", "summary_language", "stated_on", "stated_on_precision", "hedge",
            "location", "location_country", "interested", "status", "verdict", "credibility", "rationale",
            "rating_text", "assessed_at", "first_published_on", "search_text")),
        "claim_subjects": sorted(Claim.subjects.through.objects.values_list("claim__key", "actor__key")),
        "appearances": sorted(Appearance.objects.values_list(
            "claim__key", "document__key", "quote", "start", "end", "translation", "translation_language")),
        "hops": sorted(AttributionHop.objects.values_list(
            "appearance__claim__key", "appearance__start", "position", "actor__key", "relation", "language")),
        "stances": sorted(ClaimStance.objects.values_list("claim__key", "proposition__key", "stance")),
        "estimates": sorted(Estimate.objects.values_list(
            "claim__key", "proposition__key", "value", "lower", "upper", "qualifier", "unit", "as_of",
            "as_of_precision", "period_start", "period_end", "wording"), key=repr),
        "relations": sorted(ClaimRelation.objects.values_list("source__key", "target__key", "kind", "state", "rationale")),
    }


def empty_database():
    for model in (ClaimRelation, Estimate, ClaimStance, AttributionHop, Appearance, Claim, Proposition, Document, ActorAlias):
        model.objects.all().delete()
    while Actor.objects.exists():  # children before parents (parent is PROTECTed)
        Actor.objects.filter(children__isnull=True).delete()


def populate():
    bundle_import(paths=[SAMPLE])
    claim = Claim.objects.get(key="nis-nk-deaths-2025-04")
    Claim.objects.filter(pk=claim.pk).update(
        verdict="misleading", rating_text="Mostly False",
        assessed_at=dt.datetime(2025, 9, 5, 6, 30, 15, tzinfo=dt.timezone.utc))
    ClaimRelation.objects.create(source=claim, target=Claim.objects.get(key="kcna-nk-reinforcements"),
                                 kind="contradicts", state="suggested", rationale="Test.")
    Estimate.objects.create(claim=claim, proposition=Proposition.objects.get(key="nk-troops-russia-deaths"),
                            lower="4700.5", qualifier="at_least", period_start="2025-01-01", period_end="2025-03-31")


@pytest.mark.parametrize("name", ["out.yaml", "out.json", "out.jsonl"])
def test_export_then_import_into_an_empty_database_gives_the_same_records(tmp_path, name):
    populate()
    before = snapshot()
    out = tmp_path / name

    call_command("export_bundle", str(out), stdout=io.StringIO())
    empty_database()
    assert not Claim.objects.exists() and not Actor.objects.exists()
    report = bundle_import(paths=[out])

    assert report.counts["claims"]["created"] == 3
    assert snapshot() == before
    assert not bundle_import(paths=[out]).changed


def test_export_writes_the_bundle_format(tmp_path):
    populate()
    out = tmp_path / "out.yaml"

    call_command("export_bundle", str(out), stdout=io.StringIO())

    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["format"] == "factbase-bundle/1"
    claim = next(c for c in data["claims"] if c["key"] == "nis-nk-deaths-2025-09")
    assert claim["stated_on"] == "2025-W36"
    assert claim["estimates"] == [{"proposition": "nk-troops-russia-deaths", "value": 2000, "qualifier": "approximately",
                                   "as_of": "2025-W36", "wording": "περίπου 2.000"}]
    assert [a["key"] for a in data["actors"]].index("kr-government") < [a["key"] for a in data["actors"]].index("nis")


def test_export_of_one_proposition_is_self_contained(tmp_path):
    populate()
    out = tmp_path / "deaths.jsonl"

    call_command("export_bundle", str(out), "--proposition", "nk-troops-russia-deaths", stdout=io.StringIO())

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    claims = [r["key"] for r in records if r["type"] == "claim"]
    # The reinforcements claim is not about deaths but travels as the target of a relation.
    assert claims == ["kcna-nk-reinforcements", "nis-nk-deaths-2025-04", "nis-nk-deaths-2025-09"]
    assert {r["key"] for r in records if r["type"] == "proposition"} == {
        "nk-troops-russia-deaths", "nk-troops-russia-reinforcements"}
    empty_database()
    bundle_import(paths=[out])
    assert Claim.objects.count() == 3


def test_export_since_a_date_after_every_change_holds_nothing(tmp_path):
    populate()
    out = tmp_path / "none.json"
    call_command("export_bundle", str(out), "--since", "2999-01-01", stdout=io.StringIO())
    data = json.loads(out.read_text())
    assert data["claims"] == data["actors"] == data["documents"] == data["propositions"] == []


@pytest.mark.parametrize("args,message", [
    (["out.txt"], "unsupported file type"),
    (["out.yaml", "--since", "yesterday"], "--since: 'yesterday' is not a date"),
    (["out.yaml", "--proposition", "nothing"], "--proposition: no proposition with key 'nothing'"),
])
def test_export_bad_arguments_are_refused(tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_bundle", str(tmp_path / args[0]), *args[1:], stdout=io.StringIO())


def test_export_writes_rating_text_and_assessed_at(tmp_path):
    populate()
    out = tmp_path / "out.json"

    call_command("export_bundle", str(out), stdout=io.StringIO())

    claim = next(c for c in json.loads(out.read_text())["claims"] if c["key"] == "nis-nk-deaths-2025-04")
    assert (claim["rating_text"], claim["assessed_at"]) == ("Mostly False", "2025-09-05T06:30:15+00:00")
    assert "rating_text" not in next(c for c in json.loads(out.read_text())["claims"] if c["key"] != claim["key"])
