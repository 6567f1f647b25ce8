"""import_bundle merges, it does not own: what curators, other bundles and commands did survives a re-import.

Each loss of issue 11 as it was found, then the merge rules one by one: conflicts (reported; --theirs,
--ours), explicit removal (--prune, its dry run, reviewer decisions kept), adding to an existing record
by key, the version and history of what an import changes, and a failure mid-write (one line, nothing
written).
"""

import copy
import io
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError

from claims.ingest.bundle import ConflictError, bundle_import
from claims.models import Appearance, AttributionHop, Claim, ClaimRelation, ClaimStance, Estimate
from claims.services import claims as claim_services
from claims.services import parts as part_services
from claims.services import workflow
from sources.models import Actor, ActorAlias

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"
NIS_CLAIM = "nis-nk-troops-russia-deaths-2025-09"

BODY = ("The agency said that about 2,000 soldiers were killed. Officials said that 350 died. "
        "Analysts said the toll is rising.")

BUNDLE = {
    "bundle": "merge-test",
    "actors": [
        {"key": "nis", "name": "National Intelligence Service", "kind": "intelligence_agency", "country": "KR",
         "aliases": [{"name": "국가정보원", "language": "ko"}]},
        {"key": "kcna", "name": "Korean Central News Agency", "kind": "state_media", "country": "KP"},
    ],
    "documents": [{"key": "d1", "language": "en", "published_on": "2025-09-04", "publisher": "kcna", "body": BODY}],
    "propositions": [{"key": "p1", "title": "Deaths", "kind": "quantity", "measure": "deaths", "unit": "people"}],
    "claims": [
        {"key": "c1", "claimant": "nis", "kind": "estimate", "summary": "About 2,000 soldiers were killed.",
         "stated_on": "2025-W36", "hedge": "estimated", "status": "published",
         "appearances": [{"document": "d1", "quote": "about 2,000 soldiers were killed",
                          "hops": [{"actor": "kcna", "relation": "paraphrased", "language": "ko"}]}],
         "estimates": [{"proposition": "p1", "value": 2000, "qualifier": "approximately", "as_of": "2025-W36",
                        "wording": "about 2,000"}],
         "relations": [{"kind": "updates", "target": "c2"}]},
        {"key": "c2", "claimant": "kcna", "summary": "350 died.", "stated_on": "2025-04",
         "appearances": [{"document": "d1", "quote": "350 died"}]},
    ],
}


def write(tmp_path, data, name="bundle.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(*args):
    """import_bundle as an operator runs it: (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_bundle", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def seed():
    return run(SEEDS)


# --- the losses of issue 11, as they were found ------------------------------------------------------------

def test_an_assessment_made_after_the_seed_load_survives_setup_and_a_seed_reimport(reviewer):
    seed()
    claim = Claim.objects.get(key=NIS_CLAIM)
    workflow.claim_assess(claim=claim, by=reviewer, verdict="plausible", credibility=3, rationale="NIS track record.")

    out, _ = run(SEEDS, "--if-empty")  # what dev.py setup / dev.py run do
    assert "already holds" in out and "not imported" in out
    seed()  # and an explicit re-import of the unchanged seeds

    claim.refresh_from_db()
    assert (claim.verdict, claim.credibility, claim.rationale) == ("plausible", 3, "NIS track record.")


def test_appearances_from_a_second_bundle_survive_a_reimport_of_the_first(tmp_path):
    seed()
    bodies = {"en": "Seoul's spy agency said about 2,000 North Korean soldiers have been killed.",
              "ko": "국정원은 북한군 약 2,000명이 사망한 것으로 추정했다.",
              "ar": "قدرت الاستخبارات الكورية الجنوبية مقتل نحو 2000 جندي كوري شمالي."}
    quotes = {"en": "about 2,000 North Korean soldiers have been killed", "ko": "북한군 약 2,000명이 사망",
              "ar": "مقتل نحو 2000 جندي كوري شمالي"}
    second = {
        "bundle": "other-outlets",
        "documents": [{"key": f"other-{lang}", "language": lang, "published_on": "2025-09-04", "body": body}
                      for lang, body in bodies.items()],
        "claims": [{"key": NIS_CLAIM, "appearances": [{"document": f"other-{lang}", "quote": quote}
                                                      for lang, quote in quotes.items()]}],
    }
    seeded = Appearance.objects.filter(claim__key=NIS_CLAIM).count()  # the Greek article's, and the NIS series' two
    run(write(tmp_path, second))
    assert Appearance.objects.filter(claim__key=NIS_CLAIM).count() == seeded + 3

    seed()

    assert Appearance.objects.filter(claim__key=NIS_CLAIM).count() == seeded + 3


def test_relations_suggest_relations_made_survive_a_reimport(tmp_path):
    seed()
    later = {"bundle": "later-figure", "claims": [
        {"key": "nis-2025-12", "claimant": "nis", "summary": "About 3,000 killed.", "stated_on": "2025-12",
         "estimates": [{"proposition": "nk-troops-russia-deaths", "value": 3000, "qualifier": "approximately",
                        "as_of": "2025-12"}]},
        {"key": "kp-2025-09", "claimant": "kcna", "summary": "About 350 killed.", "stated_on": "2025-09",
         "estimates": [{"proposition": "nk-troops-russia-deaths", "value": 350, "qualifier": "approximately",
                        "as_of": "2025-09"}]},
    ]}
    run(write(tmp_path, later))
    call_command("suggest_relations", stdout=io.StringIO())
    suggested = ClaimRelation.objects.filter(state="suggested").count()
    total = ClaimRelation.objects.count()
    assert suggested >= 2

    seed()
    run(write(tmp_path, later))

    assert ClaimRelation.objects.count() == total
    assert ClaimRelation.objects.filter(state="suggested").count() == suggested


def test_a_curators_edit_is_a_conflict_when_the_bundle_changes_the_same_field(tmp_path, curator):
    path = write(tmp_path, BUNDLE)
    run(path)
    claim = Claim.objects.get(key="c2")
    claim_services.claim_update(claim=claim, values={"summary": "About 350 died (curated)."}, by=curator)
    changed = copy.deepcopy(BUNDLE)
    changed["claims"][1]["summary"] = "350 soldiers died."
    write(tmp_path, changed)
    before = Claim.objects.get(key="c2").version

    with pytest.raises(CommandError, match=r"1 conflict: .*nothing was written.*--theirs.*--ours") as error:
        run(path)

    assert "\n" not in str(error.value)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_bundle", str(path), stdout=io.StringIO(), stderr=err)
    line = err.getvalue().strip()
    assert "claims[1] (key c2): summary: here 'About 350 died (curated).' (changed by curator," in line
    assert "in the bundle '350 soldiers died.'" in line
    claim = Claim.objects.get(key="c2")
    assert (claim.summary, claim.version) == ("About 350 died (curated).", before)


def test_theirs_takes_the_bundles_value_and_ours_keeps_the_databases(tmp_path, curator):
    path = write(tmp_path, BUNDLE)
    run(path)
    claim_services.claim_update(claim=Claim.objects.get(key="c2"), values={"summary": "Curated."}, by=curator)
    changed = copy.deepcopy(BUNDLE)
    changed["claims"][1]["summary"] = "Changed in the bundle."
    write(tmp_path, changed)

    out, _ = run(path, "--ours")
    assert Claim.objects.get(key="c2").summary == "Curated."
    assert "kept the database's value (--ours)" in out

    changed["claims"][1]["summary"] = "Changed again in the bundle."
    write(tmp_path, changed)
    out, _ = run(path, "--theirs")
    assert Claim.objects.get(key="c2").summary == "Changed again in the bundle."
    assert "took the bundle's value (--theirs)" in out


def test_an_edit_the_bundle_does_not_touch_is_kept_without_a_conflict(tmp_path, curator):
    path = write(tmp_path, BUNDLE)
    run(path)
    claim_services.claim_update(claim=Claim.objects.get(key="c2"), values={"summary": "Curated."}, by=curator)
    changed = copy.deepcopy(BUNDLE)
    changed["claims"][1]["hedge"] = "alleged"  # another field
    write(tmp_path, changed)

    run(path)

    claim = Claim.objects.get(key="c2")
    assert (claim.summary, claim.hedge) == ("Curated.", "alleged")


# --- what an import changes: version and history -------------------------------------------------------

def test_a_change_raises_the_claims_version_and_shows_in_history_as_the_run(tmp_path):
    path = write(tmp_path, BUNDLE)
    run(path)
    version = Claim.objects.get(key="c2").version
    changed = copy.deepcopy(BUNDLE)
    changed["claims"][1]["summary"] = "350 soldiers died."
    write(tmp_path, changed)

    report = bundle_import(paths=[path])

    claim = Claim.objects.get(key="c2")
    assert claim.version > version
    latest = claim.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason == f"import_bundle run #{report.run_id}"
    assert latest.history_user.username == "factbase-import"


def test_an_unchanged_reimport_changes_nothing(tmp_path):
    path = write(tmp_path, BUNDLE)
    run(path)
    versions = dict(Claim.objects.values_list("key", "version"))

    report = bundle_import(paths=[path])

    assert not report.changed
    assert dict(Claim.objects.values_list("key", "version")) == versions


# --- removal is explicit ---------------------------------------------------------------------------------

def _without_c2_appearance_and_c1_relation():
    changed = copy.deepcopy(BUNDLE)
    changed["claims"][1]["appearances"] = []
    changed["claims"][0]["relations"] = []
    return changed


def test_rows_the_bundle_no_longer_lists_are_kept_without_prune(tmp_path):
    path = write(tmp_path, BUNDLE)
    run(path)
    write(tmp_path, _without_c2_appearance_and_c1_relation())

    out, _ = run(path)

    assert Appearance.objects.filter(claim__key="c2").count() == 1
    assert ClaimRelation.objects.count() == 1
    assert "2 rows this bundle brought are no longer in it and were kept" in out


def test_prune_dry_run_lists_exactly_what_would_go_and_prune_removes_it(tmp_path):
    path = write(tmp_path, BUNDLE)
    run(path)
    write(tmp_path, _without_c2_appearance_and_c1_relation())

    out, _ = run(path, "--prune", "--dry-run")
    assert "claims[1] (key c2): appearance d1@" in out and "claims[0] (key c1): relation updates c2" in out
    assert "Pruned: 2 rows the bundle no longer lists would be removed." in out
    assert Appearance.objects.filter(claim__key="c2").count() == 1 and ClaimRelation.objects.count() == 1

    run(path, "--prune")
    assert Appearance.objects.filter(claim__key="c2").count() == 0
    assert ClaimRelation.objects.count() == 0


def test_prune_never_removes_a_relation_a_reviewer_decided_on(tmp_path, reviewer):
    path = write(tmp_path, BUNDLE)
    run(path)
    part_services.relation_review(relation=ClaimRelation.objects.get(), accept=False, by=reviewer)
    write(tmp_path, _without_c2_appearance_and_c1_relation())

    out, _ = run(path, "--prune")

    assert ClaimRelation.objects.get().state == "rejected"
    assert "relation updates c2 — kept: a reviewer's decision (rejected)" in out


def test_prune_leaves_rows_made_elsewhere(tmp_path):
    path = write(tmp_path, BUNDLE)
    run(path)
    second = {"bundle": "second", "claims": [{"key": "c2", "appearances": [{"document": "d1", "quote": "toll is rising"}]}]}
    run(write(tmp_path, second, "second.yaml"))
    write(tmp_path, _without_c2_appearance_and_c1_relation())

    run(path, "--prune")

    assert list(Appearance.objects.filter(claim__key="c2").values_list("quote", flat=True)) == ["toll is rising"]


# --- adding to an existing record by key ---------------------------------------------------------------

def test_a_bundle_adds_parts_to_an_existing_claim_without_restating_it(tmp_path):
    run(write(tmp_path, BUNDLE))
    addition = {"bundle": "additions", "propositions": [
        {"key": "p2", "title": "Wounded", "kind": "quantity", "unit": "people"}],
        "claims": [{
            "key": "c2",
            "appearances": [{"document": "d1", "quote": "toll is rising",
                             "hops": [{"actor": "nis", "relation": "briefed"}]}],
            "estimates": [{"proposition": "p1", "value": 350, "qualifier": "exact", "as_of": "2025-04"}],
            "stances": [{"proposition": "p2", "stance": "mentions"}],
            "relations": [{"kind": "contradicts", "target": "c1", "state": "suggested"}],
        }, {
            "key": "c1",
            # a hop added at the end of an existing appearance's chain
            "appearances": [{"document": "d1", "quote": "about 2,000 soldiers were killed",
                             "hops": [{"actor": "kcna", "relation": "paraphrased", "language": "ko"},
                                      {"actor": "nis", "relation": "briefed"}]}],
        }]}
    c2 = Claim.objects.get(key="c2")
    summary, claimant = c2.summary, c2.claimant_id

    report = bundle_import(paths=[write(tmp_path, addition, "addition.yaml")])

    assert report.counts["claims"] == {"created": 0, "updated": 2, "unchanged": 0}
    assert report.conflicts == []
    c2 = Claim.objects.get(key="c2")
    assert (c2.summary, c2.claimant_id) == (summary, claimant)
    assert c2.appearances.count() == 2
    assert Estimate.objects.filter(claim=c2, value=350).exists()
    assert set(ClaimStance.objects.filter(claim=c2).values_list("proposition__key", "stance")) == {
        ("p1", "estimates"), ("p2", "mentions")}
    assert ClaimRelation.objects.filter(source=c2, kind="contradicts", target__key="c1").exists()
    chain = AttributionHop.objects.filter(appearance__claim__key="c1").order_by("position")
    assert list(chain.values_list("actor__key", "relation")) == [("kcna", "paraphrased"), ("nis", "briefed")]


def test_adding_to_a_claim_that_does_not_exist_names_the_missing_field(tmp_path):
    addition = {"claims": [{"key": "nobody-yet", "appearances": []}]}
    with pytest.raises(CommandError, match=r"claims\[0\] \(key nobody-yet\): claimant: is required \(there is no claim"):
        run(write(tmp_path, addition))


def test_aliases_added_elsewhere_survive_and_the_bundles_own_are_added_once(tmp_path, curator):
    path = write(tmp_path, BUNDLE)
    run(path)
    from sources import services as source_services

    source_services.actor_alias_add(actor=Actor.objects.get(key="nis"), name="NIS", language="en", by=curator)

    run(path)

    assert set(ActorAlias.objects.filter(actor__key="nis").values_list("name", flat=True)) == {"국가정보원", "NIS"}


# --- a failure mid-write --------------------------------------------------------------------------------

def test_a_connection_dropped_mid_write_ends_in_one_line_and_writes_nothing(tmp_path, monkeypatch):
    run(write(tmp_path, BUNDLE))
    counts = (Claim.objects.count(), Appearance.objects.count(), Estimate.objects.count())
    changed = copy.deepcopy(BUNDLE)
    changed["claims"].append({"key": "c3", "claimant": "nis", "summary": "New.",
                              "appearances": [{"document": "d1", "quote": "Analysts said"}]})
    path = write(tmp_path, changed, "more.yaml")

    def dropped(**kwargs):
        raise OperationalError("server closed the connection unexpectedly\n\tThis probably means the server "
                               "terminated abnormally\n\tbefore or while processing the request.")

    monkeypatch.setattr(part_services, "parts_add", dropped)
    with pytest.raises(CommandError) as error:
        run(path)

    message = str(error.value)
    assert "\n" not in message
    assert message == ("import failed, nothing was imported: OperationalError: "
                       "server closed the connection unexpectedly")
    assert (Claim.objects.count(), Appearance.objects.count(), Estimate.objects.count()) == counts


def test_conflicts_are_raised_after_planning_everything_with_nothing_written(tmp_path, curator, reviewer):
    path = write(tmp_path, BUNDLE)
    run(path)
    # c1 is published: only a reviewer may change it
    claim_services.claim_update(claim=Claim.objects.get(key="c1"), values={"hedge": "believed"}, by=reviewer)
    claim_services.claim_update(claim=Claim.objects.get(key="c2"), values={"summary": "Curated."}, by=curator)
    changed = copy.deepcopy(BUNDLE)
    changed["claims"][0]["hedge"] = "alleged"
    changed["claims"][1]["summary"] = "Bundle."
    changed["claims"][1]["stated_on"] = "2025-05"  # a change without conflict: not written either
    write(tmp_path, changed)

    with pytest.raises(ConflictError) as error:
        bundle_import(paths=[path])

    assert [c.field for c in error.value.report.conflicts] == ["hedge", "summary"]
    assert Claim.objects.get(key="c2").stated_on.month == 4


def test_the_add_to_existing_example_of_the_docs_imports_after_the_seeds(tmp_path):
    seed()
    docs = (Path(settings.BASE_DIR) / "docs" / "import-format.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\nformat: factbase-bundle/1\nbundle: other-outlets\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "other-outlets.yaml"
    path.write_text("format: factbase-bundle/1\nbundle: other-outlets\n" + example, encoding="utf-8")
    claim = Claim.objects.get(key=NIS_CLAIM)
    before = (claim.summary, claim.version, claim.appearances.count(), claim.estimates.count())

    report = bundle_import(paths=[path])

    assert report.counts["claims"] == {"created": 0, "updated": 1, "unchanged": 0} and not report.conflicts
    claim = Claim.objects.get(key=NIS_CLAIM)
    assert claim.summary == before[0] and claim.version > before[1]
    assert (claim.appearances.count(), claim.estimates.count()) == (before[2] + 1, before[3] + 1)
    added = claim.appearances.get(document__key="yonhap-2025-09-04")
    assert list(added.hops.values_list("actor__key", "relation")) == [("lee-seong-kweun", "briefed")]
    assert claim.stances.filter(proposition__key="nk-russia-alliance", stance="mentions").exists()
    assert claim.relations_out.filter(kind="supports", target__key="nis-nk-combat-troops-already-in-russia-2025-09").exists()

    seed()  # re-importing the first bundle leaves what the second one added

    assert Claim.objects.get(key=NIS_CLAIM).appearances.count() == before[2] + 1
