"""import_bundle: bundles of actors, documents, propositions and claims, imported idempotently and atomically."""

import copy
import datetime as dt
import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.ingest.bundle import run as importing
from claims.ingest.bundle import BundleError, Progress, bundle_import
from claims.models import (
    ESTIMATE_BOUNDS_MESSAGE,
    ESTIMATE_QUALIFIER_MESSAGE,
    Appearance,
    AttributionHop,
    Claim,
    ClaimRelation,
    ClaimStance,
    Estimate,
    Proposition,
    Qualifier,
)
from factbase.models import BundleBase, ImportRun
from sources.models import Actor, ActorAlias, Document

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "bundles" / "sample"

BODY = "The agency said that about 2,000 soldiers were killed. Officials said that 350 died. Officials said that 350 died."

# A small bundle that tests mutate, one bad field at a time.
BASE = {
    "format": "factbase-bundle/1",
    "actors": [
        {"key": "nis", "name": "National Intelligence Service", "kind": "intelligence_agency", "country": "KR",
         "aliases": [{"name": "국가정보원", "language": "ko"}]},
        {"key": "kcna", "name": "Korean Central News Agency", "kind": "state_media", "country": "KP"},
    ],
    "documents": [
        {"key": "d1", "language": "en", "published_on": "2025-09-04", "publisher": "kcna", "body": BODY},
    ],
    "propositions": [
        {"key": "p1", "title": "Deaths", "kind": "quantity", "measure": "deaths", "unit": "people"},
    ],
    "claims": [
        {"key": "c1", "claimant": "nis", "kind": "estimate", "summary": "About 2,000 soldiers were killed.",
         "stated_on": "2025-W36", "hedge": "estimated",
         "appearances": [{"document": "d1", "quote": "about 2,000 soldiers were killed",
                          "hops": [{"actor": "kcna", "relation": "paraphrased", "language": "ko"}]}],
         "estimates": [{"proposition": "p1", "value": 2000, "qualifier": "approximately", "as_of": "2025-W36",
                        "wording": "about 2,000"}]},
        {"key": "c2", "claimant": "kcna", "summary": "Older figure.", "stated_on": "2025-04",
         "appearances": [{"document": "d1", "quote": "350 died", "start": BODY.index("350 died"),
                          "end": BODY.index("350 died") + len("350 died")}],
         "relations": []},
    ],
}


def write(tmp_path, data, name="bundle.yaml"):
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def table_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def history_count():
    return sum(m._default_manager.count() for m in apps.get_models() if m.__name__.startswith("Historical"))


def import_sample(**kwargs):
    return bundle_import(paths=[SAMPLE], operator="tester", **kwargs)


# --- creating ------------------------------------------------------------------------------------------

def test_import_creates_every_record_with_its_fields():
    report = import_sample()

    assert report.counts == {
        "actors": {"created": 5, "updated": 0, "unchanged": 0},
        "documents": {"created": 2, "updated": 0, "unchanged": 0},
        "propositions": {"created": 2, "updated": 0, "unchanged": 0},
        "claims": {"created": 3, "updated": 0, "unchanged": 0},
    }
    nis = Actor.objects.get(key="nis")
    assert nis.parent.key == "kr-government"
    assert (nis.wikidata_id, nis.reliability) == ("Q1093466", "B")
    assert sorted(nis.aliases.values_list("language", "name")) == [("el", "Εθνική Υπηρεσία Πληροφοριών"), ("ko", "국가정보원")]
    assert "국가정보원" in nis.search_text

    claim = Claim.objects.get(key="nis-nk-deaths-2025-09")
    assert (claim.stated_on, claim.stated_on_precision) == (dt.date(2025, 9, 1), "week")
    assert [s.key for s in claim.subjects.all()] == ["north-korea"]
    estimate = claim.estimates.get()
    assert (estimate.value, estimate.qualifier, estimate.as_of, estimate.as_of_precision) == (
        Decimal("2000"), "approximately", dt.date(2025, 9, 1), "week")
    # An estimate implies the stance "estimates" on its proposition.
    assert list(claim.stances.values_list("proposition__key", "stance")) == [("nk-troops-russia-deaths", "estimates")]
    assert list(claim.relations_out.values_list("kind", "target__key")) == [("updates", "nis-nk-deaths-2025-04")]

    reinforcements = Claim.objects.get(key="kcna-nk-reinforcements").estimates.get()
    assert (reinforcements.value, reinforcements.period_start, reinforcements.period_end) == (
        Decimal("6000"), dt.date(2025, 9, 1), dt.date(2025, 12, 31))


def test_dated_article_body_file_gives_published_on_and_body_without_header():
    import_sample()

    document = Document.objects.get(key="sample-article")
    assert document.published_on == dt.date(2025, 9, 4)
    assert document.body.startswith("Η υπηρεσία πληροφοριών NIS")
    assert document.published_time == dt.time(10, 15)
    assert document.retrieved_at == dt.datetime(2025, 9, 4, 12, tzinfo=dt.timezone.utc)
    assert document.publisher.key == "example-outlet"


def test_importer_locates_quotes_itself_and_keeps_given_offsets():
    import_sample()

    located = Appearance.objects.get(claim__key="nis-nk-deaths-2025-09")
    assert located.document.body[located.start:located.end] == "περίπου 2.000 Βορειοκορεάτες στρατιώτες"
    given = Appearance.objects.get(claim__key="kcna-nk-reinforcements")
    assert (given.start, given.end) == (130, 152)
    assert list(given.hops.values_list("position", "actor__key", "relation", "language")) == [
        (1, "kcna", "paraphrased", "ko")]


def test_derived_columns_are_right_after_import():
    import_sample()

    claim = Claim.objects.get(key="nis-nk-deaths-2025-09")
    assert claim.first_published_on == dt.date(2025, 9, 4)
    assert "περιπου 2 000 βορειοκορεατεσ στρατιωτεσ" in claim.search_text
    assert "about 2 000 north korean soldiers" in claim.search_text  # the translation
    assert Claim.objects.get(key="nis-nk-deaths-2025-04").first_published_on == dt.date(2025, 4, 30)


def test_new_claims_derived_columns_equal_a_refresh_from_the_stored_rows(tmp_path):
    """New claims get their derived columns before the INSERT (computed from the located appearances, the
    search vector in the same statement on PostgreSQL): they must equal what the one refresh function
    computes from the stored rows — also when the bundle's quote differs typographically from the body."""
    from claims.services.derived import claims_refresh_derived

    data = copy.deepcopy(BASE)
    data["documents"][0]["body"] = BODY + " Their 2,000 soldiers\u2019 units were killed."
    data["claims"][0]["appearances"][0]["quote"] = "2,000 soldiers' units were killed"
    data["claims"][0]["appearances"][0]["translation"] = "περίπου 2.000"
    data["claims"][0]["appearances"][0]["translation_language"] = "el"
    data["claims"][0]["estimates"][0]["wording"] = "2,000"
    bundle_import(paths=[write(tmp_path, data)], operator="tester")

    def derived():
        return {c.key: (c.search_text, c.first_published_on, str(c.search_vector))
                for c in Claim.objects.order_by("key")}

    imported = derived()
    assert imported["c1"][0].count("units") == 1 and "περιπου 2 000" in imported["c1"][0]
    assert Appearance.objects.get(claim__key="c1").quote == "2,000 soldiers\u2019 units were killed"
    assert imported["c1"][1] == dt.date(2025, 9, 4)
    if connection.vendor == "postgresql":
        assert "'units'" in imported["c1"][2]
    Claim.objects.update(search_text="", first_published_on=None, search_vector=None)
    claims_refresh_derived(claim_ids=Claim.objects.values_list("pk", flat=True))
    assert derived() == imported


def test_import_run_is_recorded_with_files_operator_and_counts(django_user_model):
    user = django_user_model.objects.create_user(username="tester")

    report = import_sample()

    run = ImportRun.objects.get()
    assert report.run_id == run.pk
    assert (run.command, run.operator, run.user) == ("import_bundle", "tester", user)
    assert run.finished_at is not None
    bundle = SAMPLE / "bundle.yaml"
    assert {"name": str(bundle), "sha256": hashlib.sha256(bundle.read_bytes()).hexdigest()} in run.files
    assert any(f["name"].endswith("article.txt") and f.get("role") == "body_file" for f in run.files)
    assert (run.created, run.updated, run.unchanged) == (12, 0, 0)
    assert run.counts["claims"] == {"created": 3, "updated": 0, "unchanged": 0}
    for model in (Actor, Document, Proposition, Claim):
        assert set(model.objects.values_list("first_import_run", "last_import_run")) == {(run.pk, run.pk)}


# --- idempotence and updates ---------------------------------------------------------------------------

def test_reimporting_the_same_bundle_changes_nothing_and_writes_no_history():
    first = import_sample()
    before = {label: n for label, n in table_counts().items() if label != "factbase.ImportRun"}
    history_before = history_count()

    second = import_sample()

    assert second.total("created") == second.total("updated") == 0
    assert second.total("unchanged") == 12
    assert not second.changed
    assert {label: n for label, n in table_counts().items() if label != "factbase.ImportRun"} == before
    assert history_count() == history_before
    for model in (Actor, Document, Proposition, Claim):
        assert set(model.objects.values_list("last_import_run", flat=True)) == {first.run_id}


def test_changed_record_is_updated_and_stamped_with_the_run_others_keep_theirs(tmp_path):
    first = bundle_import(paths=[write(tmp_path, BASE)])
    changed = copy.deepcopy(BASE)
    changed["claims"][0]["summary"] = "Roughly 2,000 soldiers were killed."

    second = bundle_import(paths=[write(tmp_path, changed)])

    assert second.counts["claims"] == {"created": 0, "updated": 1, "unchanged": 1}
    assert second.counts["actors"] == {"created": 0, "updated": 0, "unchanged": 2}
    c1 = Claim.objects.get(key="c1")
    assert (c1.first_import_run_id, c1.last_import_run_id) == (first.run_id, second.run_id)
    assert "roughly" in c1.search_text
    assert Claim.objects.get(key="c2").last_import_run_id == first.run_id
    assert Actor.objects.get(key="nis").last_import_run_id == first.run_id


def test_changes_to_child_lists_are_merged_and_dropped_rows_go_only_with_prune(tmp_path):
    path = write(tmp_path, BASE)
    bundle_import(paths=[path])
    changed = copy.deepcopy(BASE)
    changed["actors"][0]["aliases"] = [{"name": "NIS", "language": "en"}]
    changed["claims"][0]["appearances"][0]["hops"] = [{"actor": "nis", "relation": "briefed"},
                                                      {"actor": "kcna", "relation": "reported"}]
    changed["claims"][0]["estimates"] = [{"proposition": "p1", "lower": 1500, "upper": "2500.5", "qualifier": "range",
                                          "as_of": "2025-W36"}]
    changed["claims"][0]["stances"] = [{"proposition": "p1", "stance": "supports"}]
    changed["claims"][1]["relations"] = [{"kind": "updates", "target": "c1"}]
    changed["claims"][1]["appearances"] = []
    write(tmp_path, changed)

    report = bundle_import(paths=[path])

    assert report.counts["actors"] == {"created": 0, "updated": 1, "unchanged": 1}
    assert report.counts["claims"] == {"created": 0, "updated": 2, "unchanged": 0}
    nis = Actor.objects.get(key="nis")
    # Added; the alias the bundle dropped stays until --prune.
    assert sorted(nis.aliases.values_list("name", "language")) == [("NIS", "en"), ("국가정보원", "ko")]
    assert list(AttributionHop.objects.order_by("position").values_list("actor__key", "relation")) == [
        ("nis", "briefed"), ("kcna", "reported")]
    estimate = Estimate.objects.get()  # the same estimate (proposition and date), its figure changed
    assert (estimate.value, estimate.lower, estimate.upper) == (None, Decimal("1500"), Decimal("2500.5"))
    assert list(ClaimStance.objects.values_list("stance", flat=True)) == ["supports"]
    assert list(ClaimRelation.objects.values_list("source__key", "kind", "target__key")) == [("c2", "updates", "c1")]
    assert Claim.objects.get(key="c2").appearances.count() == 1
    assert len(report.prunable) == 2

    pruned = bundle_import(paths=[path], prune=True)

    assert len([p for p in pruned.prunable if p.remove]) == 2
    assert list(nis.aliases.values_list("name", "language")) == [("NIS", "en")]
    assert "국가정보원" not in Actor.objects.get(key="nis").search_text
    c2 = Claim.objects.get(key="c2")
    assert not c2.appearances.exists()
    assert c2.first_published_on is None
    assert not bundle_import(paths=[path]).changed


def test_numeric_strings_floats_and_integers_are_the_same_estimate(tmp_path):
    bundle_import(paths=[write(tmp_path, BASE)])
    for value in ("2000", 2000.0, "2000.0000"):
        changed = copy.deepcopy(BASE)
        changed["claims"][0]["estimates"][0]["value"] = value
        assert not bundle_import(paths=[write(tmp_path, changed)]).changed, value


def test_float_estimate_values_are_read_through_their_text(tmp_path):
    changed = copy.deepcopy(BASE)
    changed["claims"][0]["estimates"][0]["value"] = 0.1
    bundle_import(paths=[write(tmp_path, changed, "b.json")])
    assert Estimate.objects.get().value == Decimal("0.1")


def test_dry_run_reports_counts_and_writes_nothing():
    before = table_counts()

    report = import_sample(dry_run=True)

    assert report.counts["claims"]["created"] == 3
    assert table_counts() == before


def test_json_bundle_and_folders_are_read_recursively_in_order(tmp_path):
    first = copy.deepcopy(BASE)
    second = {"actors": [{"key": "putin", "name": "Vladimir Putin", "kind": "person", "parent": "nis"}]}
    (tmp_path / "b").mkdir()
    write(tmp_path, first, "a.json")
    write(tmp_path / "b", second, "c.yml")
    (tmp_path / "notes.txt").write_text("not a bundle")

    report = bundle_import(paths=[tmp_path])

    assert [Path(f["name"]).name for f in report.files] == ["a.json", "c.yml"]
    assert Actor.objects.get(key="putin").parent.key == "nis"


def test_a_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path, BASE)
    report = bundle_import(paths=[path, tmp_path])
    assert len(report.files) == 1 and report.counts["claims"]["created"] == 2


def test_actor_parent_may_come_later_in_the_bundle(tmp_path):
    data = {"actors": [{"key": "child", "name": "Child", "kind": "person", "parent": "mother"},
                       {"key": "mother", "name": "Mother", "kind": "government"}]}
    bundle_import(paths=[write(tmp_path, data)])
    assert Actor.objects.get(key="child").parent.key == "mother"


# --- bad input: one clear message, nothing written -------------------------------------------------------

def _mutate(change):
    def build(tmp_path):
        data = copy.deepcopy(BASE)
        change(data)
        return write(tmp_path, data)
    return build


def _raw(text, name="bundle.yaml"):
    def build(tmp_path):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path
    return build


def _set(path, value):
    """A change that sets data[path...] = value; path like ("claims", 0, "summary")."""
    def change(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    return change


def _delete(path):
    def change(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
    return change


def _two_documents_with_one_url(data):
    data["documents"][0]["url"] = "https://example.org/a"
    data["documents"].append(dict(data["documents"][0], key="d2"))


BILLION_LAUGHS = """
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
actors: [*c,*c,*c,*c,*c,*c,*c,*c,*c]
"""

BAD_CASES = [
    ("malformed_yaml", _raw("actors: [\n  - {key: a\n"), "malformed YAML"),
    ("malformed_json", _raw('{"actors": [', "bundle.json"), "malformed JSON"),
    ("nested_too_deeply", _raw('{"actors": ' + "[" * 50000 + "]" * 50000 + "}", "bundle.json"),
     "malformed JSON: nested too deeply"),
    ("yaml_aliases", _raw(BILLION_LAUGHS), "YAML aliases (*a) are not allowed"),
    ("yaml_python_object", _raw("actors: !!python/object/apply:os.system ['true']\n"), "malformed YAML"),
    ("empty_file", _raw(""), "the file is empty"),
    ("wording_not_in_any_quote", _mutate(_set(("claims", 0, "estimates", 0, "wording"), "about 9,999")),
     "claims[0] (key c1): estimates[0].wording: the estimate's wording 'about 9,999' does not occur"),
    ("empty_mapping", _raw("format: factbase-bundle/1\n"), "the bundle holds no records"),
    ("not_a_mapping", _raw("- a\n- b\n"), "a bundle is a mapping"),
    ("wrong_format", _mutate(_set(("format",), "other/2")), "format: 'other/2' is not 'factbase-bundle/1'"),
    ("unknown_top_level_key", _mutate(_set(("people",), [])), "unknown top-level key 'people'"),
    ("unknown_record_key", _mutate(_set(("actors", 0, "colour"), "red")),
     "actors[0] (key nis): colour: unknown field (the fields of actor records are: key, name, kind,"),
    ("unknown_child_key", _mutate(_set(("claims", 0, "appearances", 0, "page"), 3)),
     "claims[0] (key c1): appearances[0].page: unknown field (the fields of appearance records are:"),
    ("unknown_hop_key", _mutate(_set(("claims", 0, "appearances", 0, "hops", 0, "via"), "x")),
     "claims[0] (key c1): appearances[0].hops[0].via: unknown field"),
    ("missing_claimant", _mutate(_set(("claims", 0, "claimant"), "nobody")),
     "claims[0] (key c1): claimant: no actor with key 'nobody' in the bundle or the database"),
    ("missing_document", _mutate(_set(("claims", 0, "appearances", 0, "document"), "nowhere")),
     "claims[0] (key c1): appearances[0].document: no document with key 'nowhere'"),
    ("missing_proposition", _mutate(_set(("claims", 0, "estimates", 0, "proposition"), "p9")),
     "claims[0] (key c1): estimates[0].proposition: no proposition with key 'p9'"),
    ("missing_relation_target", _mutate(_set(("claims", 1, "relations"), [{"kind": "updates", "target": "c9"}])),
     "claims[1] (key c2): relations[0].target: no claim with key 'c9'"),
    ("missing_publisher", _mutate(_set(("documents", 0, "publisher"), "nobody")),
     "documents[0] (key d1): publisher: no actor with key 'nobody'"),
    ("duplicate_key", _mutate(lambda d: d["actors"].append(dict(d["actors"][1]))),
     "actors[2] (key kcna): key: 'kcna' appears twice in the bundle"),
    ("invalid_enum", _mutate(_set(("claims", 0, "estimates", 0, "qualifier"), "about")),
     "claims[0] (key c1): estimates[0].qualifier: 'about' is not one of exact, approximately, at_least,"),
    ("invalid_actor_kind", _mutate(_set(("actors", 0, "kind"), "spy")), "actors[0] (key nis): kind: 'spy' is not one of"),
    ("invalid_hop_relation", _mutate(_set(("claims", 0, "appearances", 0, "hops", 0, "relation"), "whispered")),
     "appearances[0].hops[0].relation: 'whispered' is not one of"),
    ("impossible_date", _mutate(_set(("claims", 0, "stated_on"), "2025-13")), "claims[0] (key c1): stated_on: impossible date"),
    ("impossible_week", _mutate(_set(("claims", 0, "stated_on"), "2025-W54")), "claims[0] (key c1): stated_on: impossible date"),
    ("unreadable_date", _mutate(_set(("claims", 0, "stated_on"), "last week")), "claims[0] (key c1): stated_on: unreadable date"),
    ("impossible_plain_date", _mutate(_set(("documents", 0, "published_on"), "2025-02-30")),
     "documents[0] (key d1): published_on: impossible date '2025-02-30'"),
    ("week_where_day_needed", _mutate(_set(("documents", 0, "published_on"), "2025-W36")),
     "documents[0] (key d1): published_on: '2025-W36' is not a date of the form YYYY-MM-DD"),
    ("lower_above_upper", _mutate(_set(("claims", 0, "estimates", 0), {
        "proposition": "p1", "lower": 10, "upper": 5, "qualifier": "range"})),
     f"claims[0] (key c1): estimates[0]: {ESTIMATE_BOUNDS_MESSAGE}"),
    ("qualifier_without_bound", _mutate(_set(("claims", 0, "estimates", 0, "qualifier"), "at_least")),
     f"claims[0] (key c1): estimates[0]: {ESTIMATE_QUALIFIER_MESSAGE[Qualifier.AT_LEAST]}"),
    ("as_of_and_period", _mutate(_set(("claims", 0, "estimates", 0, "period_start"), "2025-01-01")),
     "claims[0] (key c1): estimates[0]: give either as_of or a period, not both"),
    ("boolean_value", _mutate(_set(("claims", 0, "estimates", 0, "value"), True)),
     "claims[0] (key c1): estimates[0].value: expected a number, got a boolean"),
    ("text_value", _mutate(_set(("claims", 0, "estimates", 0, "value"), "about 2000")),
     "claims[0] (key c1): estimates[0].value: 'about 2000' is not a number"),
    ("too_precise_value", _mutate(_set(("claims", 0, "estimates", 0, "value"), "2000.12345")),
     "claims[0] (key c1): estimates[0].value: "),
    ("quote_not_found", _mutate(_set(("claims", 0, "appearances", 0, "quote"), "about 3,000 soldiers")),
     "claims[0] (key c1): appearances[0].quote: in document 'd1': the quote 'about 3,000 soldiers' does not occur in the document body"),
    ("quote_found_twice", _mutate(_set(("claims", 0, "appearances", 0, "quote"), "350 died")),
     "claims[0] (key c1): appearances[0].quote: in document 'd1': the quote '350 died' occurs more than once"),
    ("offsets_do_not_match", _mutate(_set(("claims", 1, "appearances", 0, "start"), 3)),
     "claims[1] (key c2): appearances[0].quote: in document 'd1': the quote does not match the document at 3–83"),
    ("only_start_given", _mutate(_set(("claims", 0, "appearances", 0, "start"), 3)),
     "claims[0] (key c1): appearances[0].end: give both start and end, or neither"),
    ("list_for_text", _mutate(_set(("claims", 0, "summary"), ["a", "b"])),
     "claims[0] (key c1): summary: expected text, got a list"),
    ("text_for_list", _mutate(_set(("claims", 0, "subjects"), "nis")),
     "claims[0] (key c1): subjects: expected a list of keys, got text"),
    ("text_for_child_list", _mutate(_set(("claims", 0, "appearances"), "d1")),
     "claims[0] (key c1): appearances: expected a list of appearance records, got text"),
    ("mapping_for_record_list", _mutate(_set(("actors",), {"key": "x"})), "actors: expected a list of records"),
    ("number_for_key", _mutate(_set(("claims", 1, "key"), 12)), "claims[1]: key: expected text, got a whole number"),
    ("missing_required", _mutate(_delete(("claims", 0, "summary"))), "claims[0] (key c1): summary: is required"),
    ("missing_key", _mutate(_delete(("propositions", 0, "key"))), "propositions[0]: key: is required"),
    ("missing_body", _mutate(_delete(("documents", 0, "body"))), "documents[0] (key d1): body: is required"),
    ("empty_body", _mutate(_set(("documents", 0, "body"), "")), "documents[0] (key d1): body: This field cannot be blank"),
    ("translation_without_language", _mutate(_set(("claims", 0, "appearances", 0, "translation"), "x")),
     "claims[0] (key c1): appearances[0].translation_language: a translation needs its language"),
    ("duplicate_url", _mutate(_two_documents_with_one_url),
     "documents[1] (key d2): url: another document already has this URL"),
    ("missing_body_file", _mutate(_set(("documents", 0), {"key": "d1", "language": "en", "published_on": "2025-09-04",
                                                           "body_file": "missing.txt"})),
     "documents[0] (key d1): body_file: no such file"),
    ("body_file_outside_the_folder", _mutate(_set(("documents", 0), {
        "key": "d1", "language": "en", "published_on": "2025-09-04", "body_file": "../../../etc/passwd"})),
     "documents[0] (key d1): body_file: '../../../etc/passwd' must be a relative path inside the bundle's folder"),
    ("absolute_body_file", _mutate(_set(("documents", 0), {
        "key": "d1", "language": "en", "published_on": "2025-09-04", "body_file": "/etc/hostname"})),
     "documents[0] (key d1): body_file: '/etc/hostname' must be a relative path"),
    ("invalid_country", _mutate(_set(("actors", 0, "country"), "XX")),
     "actors[0] (key nis): country: 'XX' is not an ISO 3166-1 alpha-2 country code"),
    ("invalid_language", _mutate(_set(("documents", 0, "language"), "not a tag")),
     "documents[0] (key d1): language: 'not a tag' is not a valid BCP 47 language tag"),
    ("invalid_alias_language", _mutate(_set(("actors", 0, "aliases", 0, "language"), "??")),
     "actors[0] (key nis): aliases[0].language: '??' is not a valid BCP 47"),
    ("invalid_wikidata_id", _mutate(_set(("actors", 0, "wikidata_id"), "X12")),
     "actors[0] (key nis): wikidata_id: 'X12' is not a Wikidata item id"),
    ("invalid_key_slug", _mutate(_set(("propositions", 0, "key"), "not a slug")), "propositions[0] (key not a slug): key: "),
    ("credibility_out_of_range", _mutate(_set(("claims", 0, "credibility"), 9)),
     "claims[0] (key c1): credibility: 9 is not one of 1, 2, 3, 4, 5, 6"),
    ("quantity_without_unit", _mutate(_set(("propositions", 0, "unit"), "")),
     "propositions[0] (key p1): unit: a quantity proposition needs a unit"),
    ("relation_to_itself", _mutate(_set(("claims", 1, "relations"), [{"kind": "repeats", "target": "c2"}])),
     "claims[1] (key c2): relations[0].target: a claim cannot relate to itself"),
    ("parent_cycle", _mutate(lambda d: (d["actors"][0].update(parent="kcna"), d["actors"][1].update(parent="nis"))),
     "actors[0] (key nis): parent: 'kcna' leads back to 'nis'"),
    ("bad_time_type", _mutate(_set(("documents", 0, "published_time"), 615)),
     "documents[0] (key d1): published_time: expected a time as quoted text"),
    ("same_span_twice", _mutate(lambda d: d["claims"][0]["appearances"].append(copy.deepcopy(d["claims"][0]["appearances"][0]))),
     "claims[0] (key c1): appearances[1]: the same span"),
]


@pytest.mark.parametrize("build,expected", [case[1:] for case in BAD_CASES], ids=[case[0] for case in BAD_CASES])
def test_bad_bundle_fails_with_one_clear_message_and_writes_nothing(tmp_path, build, expected):
    import_sample()  # the database already holds records that a failed import must not touch
    path = build(tmp_path)
    before = table_counts()

    with pytest.raises(CommandError) as error:
        call_command("import_bundle", str(path), stdout=io.StringIO())

    message = str(error.value)
    assert message.startswith(f"{path}: "), message
    assert expected in message, message
    assert "\n" not in message.strip() and "Traceback" not in message
    assert table_counts() == before


def test_late_error_rolls_back_records_written_before_it(tmp_path):
    data = copy.deepcopy(BASE)
    data["claims"][1]["summary"] = ""
    before = table_counts()

    with pytest.raises(BundleError, match=r"claims\[1\] \(key c2\): summary: "):
        bundle_import(paths=[write(tmp_path, data)])

    assert table_counts() == before


def test_error_in_second_file_rolls_back_the_first(tmp_path):
    write(tmp_path, BASE, "a.yaml")
    (tmp_path / "b.yaml").write_text("actors: [{key: x}]\n")
    before = table_counts()

    with pytest.raises(BundleError, match=r"b.yaml: actors\[0\] \(key x\): name: is required"):
        bundle_import(paths=[tmp_path])

    assert table_counts() == before


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_missing_paths_and_empty_folders_are_refused(tmp_path, kind):
    target = tmp_path / "nothing.yaml" if kind == "file" else tmp_path
    (tmp_path / "readme.txt").write_text("no bundles here")
    expected = "no such file or folder" if kind == "file" else "the folder holds no bundle"
    with pytest.raises(CommandError, match=expected):
        call_command("import_bundle", str(target), stdout=io.StringIO())
    assert not ImportRun.objects.exists()


def test_dated_article_header_must_agree_with_published_on(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2025-09-04 Text of the article.", encoding="utf-8")
    data = {"documents": [{"key": "a", "language": "en", "body_file": "a.txt", "body_format": "dated_article",
                           "published_on": "2025-09-05"}]}
    with pytest.raises(BundleError, match="published_on: 2025-09-05 disagrees with the article's header date 2025-09-04"):
        bundle_import(paths=[write(tmp_path, data)])


# --- the command ---------------------------------------------------------------------------------------

def test_command_prints_counts_and_says_when_nothing_changed():
    out = io.StringIO()
    call_command("import_bundle", str(SAMPLE), "--operator", "alice", stdout=out)
    assert "claims: 3 created, 0 updated, 0 unchanged" in out.getvalue()

    out = io.StringIO()
    call_command("import_bundle", str(SAMPLE), stdout=out)
    assert "claims: 0 created, 0 updated, 3 unchanged" in out.getvalue()
    assert "Nothing changed" in out.getvalue()
    assert ImportRun.objects.order_by("pk").first().operator == "alice"


def test_command_dry_run_rolls_back():
    out = io.StringIO()
    call_command("import_bundle", str(SAMPLE), "--dry-run", stdout=out)
    assert "actors: 5 created" in out.getvalue() and "Dry run" in out.getvalue()
    assert not Actor.objects.exists() and not ImportRun.objects.exists()


# --- JSON Lines ----------------------------------------------------------------------------------------

def jsonl_records(count, prefix=""):
    """An actor, a document and a proposition, then ``count`` claims that refer to them and to each other."""
    body = " ".join(f"Figure number {i} is {i * 10}." for i in range(count))
    yield {"type": "actor", "key": "nis", "name": "NIS", "kind": "intelligence_agency"}
    yield {"type": "document", "key": "doc", "language": "en", "published_on": "2025-09-04", "body": body}
    yield {"type": "proposition", "key": "deaths", "title": "Deaths", "kind": "quantity", "unit": "people"}
    for i in range(count):
        yield {"type": "claim", "key": f"claim-{i}", "claimant": "nis", "summary": f"Figure {i}.",
               "appearances": [{"document": "doc", "quote": f"Figure number {i} is {i * 10}."}],
               "estimates": [{"proposition": "deaths", "value": i * 10, "qualifier": "exact"}],
               "relations": [{"kind": "updates", "target": f"{prefix}claim-{i - 1}"}] if i else []}


def write_jsonl(tmp_path, records, name="bundle.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_json_lines_import_in_batches_refers_to_earlier_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 4)
    path = write_jsonl(tmp_path, jsonl_records(10))

    report = bundle_import(paths=[path])

    assert report.counts["claims"] == {"created": 10, "updated": 0, "unchanged": 0}
    assert ClaimRelation.objects.count() == 9
    assert Claim.objects.get(key="claim-9").relations_out.get().target.key == "claim-8"
    assert all(c.first_published_on == dt.date(2025, 9, 4) for c in Claim.objects.all())
    assert Claim.objects.get(key="claim-3").search_text == "figure 3 figure number 3 is 30"
    assert report.files == [{"name": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}]
    assert not bundle_import(paths=[path]).changed


def test_json_lines_bad_line_fails_the_run_naming_the_line(tmp_path):
    records = list(jsonl_records(5))
    records[5]["estimates"][0]["qualifier"] = "about"
    path = write_jsonl(tmp_path, records)

    with pytest.raises(BundleError) as error:
        bundle_import(paths=[path])

    assert str(error.value).startswith(f"{path}: line 6 (claim, key claim-2): estimates[0].qualifier: 'about' is not one of")
    assert not Claim.objects.exists() and not Actor.objects.exists()


@pytest.mark.parametrize("line,expected", [
    ("{not json", "line 2: malformed JSON"),
    ('{"type": "person", "key": "x"}', "line 2: type: 'person' is not one of actor, document, proposition, claim"),
    ('["actor"]', "line 2: expected a JSON object"),
    ('{"type": "claim", "key": "c", "claimant": "later", "summary": "s"}',
     "line 2 (claim, key c): claimant: no actor with key 'later'"),
])
def test_json_lines_malformed_lines_are_named(tmp_path, line, expected):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"type": "actor", "key": "a", "name": "A", "kind": "person"}\n' + line + "\n"
                    '{"type": "actor", "key": "later", "name": "L", "kind": "person"}\n')
    with pytest.raises(BundleError, match="^" + str(path).replace(".", r"\.") + ": " + expected.replace("(", r"\(").replace(")", r"\)")):
        bundle_import(paths=[path])
    assert not Actor.objects.exists()


def test_json_lines_duplicate_key_across_batches_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 2)
    records = list(jsonl_records(3))
    records.append(dict(records[0], name="NIS again"))
    with pytest.raises(BundleError, match=r"line 7 \(actor, key nis\): key: 'nis' appears twice"):
        bundle_import(paths=[write_jsonl(tmp_path, records)])


def test_json_lines_prints_plain_progress_when_not_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 5)
    lines = []
    path = write_jsonl(tmp_path, jsonl_records(12))

    bundle_import(paths=[path], progress=Progress(write=lines.append, every=5))

    assert lines == [f"{path}: 5 records ({100 * _bytes_upto(path, 5) // path.stat().st_size}%)",
                     f"{path}: 10 records ({100 * _bytes_upto(path, 10) // path.stat().st_size}%)",
                     f"{path}: 15 records (100%)"]


def test_json_lines_draw_a_progress_bar_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 5)
    lines, terminal = [], io.StringIO()
    path = write_jsonl(tmp_path, jsonl_records(12))

    bundle_import(paths=[path], progress=Progress(write=lines.append, stream=terminal, tty=True))

    assert lines == []
    assert "records=15" in terminal.getvalue() and str(path) in terminal.getvalue()


def _bytes_upto(path, lines):
    return sum(len(line) for line in path.read_bytes().splitlines(keepends=True)[:lines])


def test_json_lines_queries_per_record_do_not_grow_with_the_file(tmp_path, monkeypatch):
    """Each batch costs the same: queries grow linearly with records, never with the file so far."""
    monkeypatch.setattr(importing, "BATCH_SIZE", 10)

    def queries_for(count, name):
        path = write_jsonl(tmp_path, [dict(r, key=f"{name[0]}-{r['key']}") if r["type"] == "actor" else r
                                      for r in _actors(count)], name)
        with CaptureQueriesContext(connection) as context:
            bundle_import(paths=[path])
        return len(context.captured_queries)

    ten, twenty, thirty = queries_for(10, "a.jsonl"), queries_for(20, "b.jsonl"), queries_for(30, "c.jsonl")
    assert twenty - ten == thirty - twenty


def _actors(count):
    for i in range(count):
        yield {"type": "actor", "key": f"actor-{i}", "name": f"Actor {i}", "kind": "person",
               "aliases": [{"name": f"Alias {i}", "language": "en"}]}


def test_json_lines_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    with pytest.raises(BundleError, match="the file is empty"):
        bundle_import(paths=[path])


def test_identical_json_lines_reimport_costs_the_same_queries_whatever_its_size(tmp_path):
    """Nothing to write: a fixed number of lookups per record type and batch, none per record."""
    (tmp_path / "small").mkdir()
    (tmp_path / "large").mkdir()
    small = write_jsonl(tmp_path / "small", jsonl_records(5))
    large = write_jsonl(tmp_path / "large", ({**r, "key": f"big-{r['key']}"} if r["type"] == "claim" else r
                                             for r in jsonl_records(40, prefix="big-")))
    bundle_import(paths=[small])
    with CaptureQueriesContext(connection) as small_queries:
        assert not bundle_import(paths=[small]).changed
    bundle_import(paths=[large], choice="theirs")  # the document's body grows: the second bundle takes it
    with CaptureQueriesContext(connection) as large_queries:
        assert not bundle_import(paths=[large]).changed

    assert len(small_queries.captured_queries) == len(large_queries.captured_queries)


# --- the fast path: bulk inserts per batch, the precise path when the database refuses ----------------------

def _new_claims(count, prefix):
    """Records for ``count`` new claims on a fresh actor, document and proposition (keys start with prefix)."""
    body = " ".join(f"Sentence {i} of {prefix}." for i in range(count))
    yield {"type": "actor", "key": f"{prefix}-actor", "name": "A", "kind": "person",
           "aliases": [{"name": "Ä", "language": "de"}]}
    yield {"type": "document", "key": f"{prefix}-doc", "language": "en", "published_on": "2025-09-04", "body": body}
    yield {"type": "proposition", "key": f"{prefix}-p", "title": "P", "kind": "quantity", "unit": "people",
           "subjects": [f"{prefix}-actor"]}
    for i in range(count):
        yield {"type": "claim", "key": f"{prefix}-c{i}", "claimant": f"{prefix}-actor", "summary": f"Claim {i}.",
               "subjects": [f"{prefix}-actor"],
               "appearances": [{"document": f"{prefix}-doc", "quote": f"Sentence {i} of {prefix}.",
                                "hops": [{"actor": f"{prefix}-actor", "relation": "reported"}]}],
               "stances": [{"proposition": f"{prefix}-p", "stance": "supports"}],
               "estimates": [{"proposition": f"{prefix}-p", "value": i, "qualifier": "exact"}],
               "relations": [{"kind": "updates", "target": f"{prefix}-c{i - 1}"}] if i else []}


def test_new_claims_in_one_batch_cost_the_same_queries_however_many(tmp_path):
    """One lookup per record type and one insert per table per batch, whatever the batch holds.

    (30, not more: SQLite takes at most 999 parameters per statement, so bulk_create splits a larger
    insert of claims in two — still a constant number per record.)
    """

    def queries_for(count, prefix):
        path = write_jsonl(tmp_path, _new_claims(count, prefix), f"{prefix}.jsonl")
        with CaptureQueriesContext(connection) as context:
            report = bundle_import(paths=[path])
        assert report.counts["claims"]["created"] == count
        return len(context.captured_queries)

    assert queries_for(10, "ten") == queries_for(30, "thirty")


def test_batches_write_the_same_rows_and_derived_columns_whatever_their_size(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path, _new_claims(6, "x"))
    bundle_import(paths=[path])
    batched = _rows()
    for model in (ClaimRelation, Estimate, ClaimStance, AttributionHop, Appearance, Claim, Proposition, Document, Actor,
                  BundleBase):
        model.objects.all().delete()

    monkeypatch.setattr(importing, "BATCH_SIZE", 1)  # one record per batch
    bundle_import(paths=[path])

    assert _rows() == batched


def _rows():
    return {
        "actors": list(Actor.objects.values_list("key", "name", "search_text")),
        "aliases": list(ActorAlias.objects.values_list("actor__key", "name", "language")),
        "claims": list(Claim.objects.order_by("key").values_list(
            "key", "summary", "search_text", "first_published_on", "subjects__key")),
        "appearances": list(Appearance.objects.order_by("claim__key").values_list("claim__key", "start", "end")),
        "hops": list(AttributionHop.objects.order_by("appearance__claim__key").values_list("appearance__claim__key", "actor__key")),
        "stances": list(ClaimStance.objects.order_by("claim__key").values_list("claim__key", "stance")),
        "estimates": list(Estimate.objects.order_by("claim__key").values_list("claim__key", "value")),
        "relations": list(ClaimRelation.objects.order_by("source__key").values_list("source__key", "target__key")),
        "proposition_subjects": list(Proposition.objects.values_list("key", "subjects__key")),
    }


def test_history_rows_name_the_run_and_the_user_that_wrote_them(tmp_path):
    first = bundle_import(paths=[write_jsonl(tmp_path, _new_claims(3, "h"))])
    changed = list(_new_claims(3, "h"))
    changed[-1]["summary"] = "Changed."
    second = bundle_import(paths=[write_jsonl(tmp_path, changed)])

    created = Claim.history.filter(key="h-c2", history_type="+").get()
    assert created.history_change_reason == f"import_bundle run #{first.run_id}"
    assert created.history_user.username == "factbase-import"
    assert [s.actor.key for s in created.subjects.all()] == ["h-actor"]  # the subjects as the admin history shows them
    updated = Claim.history.filter(key="h-c2", history_type="~").get()
    assert (updated.summary, updated.history_change_reason) == ("Changed.", f"import_bundle run #{second.run_id}")
    for model in (Actor, ActorAlias, Document, Proposition, Appearance, AttributionHop, ClaimStance, Estimate, ClaimRelation):
        reasons = set(model.history.values_list("history_change_reason", flat=True))
        assert reasons == {f"import_bundle run #{first.run_id}"}, model
    assert Claim.history.filter(key="h-c0").count() == 1  # unchanged on the second run: no history row


def test_database_refusal_in_a_bulk_insert_is_named_by_line_and_field(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_SIZE", 3)
    records = [{"type": "actor", "key": f"a{i}", "name": "A", "kind": "person", "wikidata_id": "Q42" if i in (1, 4) else ""}
               for i in range(6)]
    before = table_counts()

    with pytest.raises(BundleError) as error:
        bundle_import(paths=[write_jsonl(tmp_path, records)])

    assert str(error.value).endswith("line 5 (actor, key a4): wikidata_id: another actor already has this Wikidata id")
    assert table_counts() == before


def test_a_key_repeated_in_another_file_of_the_run_is_refused(tmp_path):
    write(tmp_path, BASE, "a.yaml")
    write(tmp_path, {"actors": [BASE["actors"][1]]}, "b.yaml")
    with pytest.raises(BundleError, match=r"b.yaml: actors\[0\] \(key kcna\): key: 'kcna' appears twice"):
        bundle_import(paths=[tmp_path])


def test_json_lines_reference_to_a_later_line_in_the_same_batch_is_refused(tmp_path):
    records = [{"type": "claim", "key": "c", "claimant": "a", "summary": "s"},
               {"type": "actor", "key": "a", "name": "A", "kind": "person"}]
    with pytest.raises(BundleError, match=r"line 1 \(claim, key c\): claimant: no actor with key 'a'"):
        bundle_import(paths=[write_jsonl(tmp_path, records)])


def test_rating_text_and_assessed_at_are_imported(tmp_path):
    data = copy.deepcopy(BASE)
    data["claims"][0].update(rating_text="Mostly False", assessed_at="2025-09-05T08:30:00+02:00", verdict="misleading")
    bundle_import(paths=[write(tmp_path, data)])

    claim = Claim.objects.get(key="c1")
    assert claim.rating_text == "Mostly False"
    assert claim.assessed_at == dt.datetime(2025, 9, 5, 6, 30, tzinfo=dt.timezone.utc)
    assert not bundle_import(paths=[write(tmp_path, data)]).changed


@pytest.mark.parametrize("field,value,expected", [
    ("assessed_at", "tomorrow", "assessed_at: 'tomorrow' is not a date and time"),
    ("rating_text", "x" * 201, "rating_text: Ensure this value has at most 200 characters"),
])
def test_bad_rating_text_or_assessed_at_is_named(tmp_path, field, value, expected):
    data = copy.deepcopy(BASE)
    data["claims"][0][field] = value
    with pytest.raises(BundleError, match=r"claims\[0\] \(key c1\): " + expected):
        bundle_import(paths=[write(tmp_path, data)])
