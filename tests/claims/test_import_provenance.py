"""Bundles carry the provenance of issue 14: joint claimants, parallel relays, the medium and date of hops and
appearances, each report's wording, combined qualifiers, cumulative propositions and their parts.

Read (with an error naming file, record and key for a bad value, nothing written), merged by the rules of
docs/import-format.md ("Merging": a curator's change is a conflict, never overwritten), removed only with
--prune, and written back by export_bundle so that export → import into an empty database → export gives the
same file.
"""

import copy
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import (
    Appearance,
    AttributionHop,
    Claim,
    ClaimRelation,
    ClaimStance,
    Estimate,
    EstimateWording,
    JointClaimant,
    Proposition,
    QuantityRelation,
)
from claims.services import parts as part_services
from claims.services import provenance
from factbase.models import BundleBase
from sources.models import Actor, ActorAlias, Document

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"

BODY = ("According to South Korean and Western intelligence, about 2,000 soldiers were killed, lawmakers said. "
        "Officials said about 4,700 were wounded or killed, including over 4,000 wounded.")
QUOTE = "According to South Korean and Western intelligence, about 2,000 soldiers were killed, lawmakers said"

BUNDLE = {
    "bundle": "provenance-test",
    "actors": [
        {"key": "nis", "name": "National Intelligence Service", "kind": "intelligence_agency", "country": "KR"},
        {"key": "western", "name": "Western intelligence", "kind": "unnamed_group"},
        {"key": "lee", "name": "Lee Seong-kweun", "kind": "legislator", "country": "KR"},
        {"key": "park", "name": "Park Sun-won", "kind": "legislator", "country": "KR"},
        {"key": "afp", "name": "AFP", "kind": "news_agency", "country": "FR"},
    ],
    "documents": [{"key": "d1", "language": "en", "published_on": "2025-09-04", "body": BODY}],
    "propositions": [
        {"key": "casualties", "title": "Casualties", "kind": "quantity", "measure": "casualties", "unit": "people",
         "cumulative": True, "parts": [{"proposition": "deaths"}, {"proposition": "wounded"}]},
        {"key": "deaths", "title": "Deaths", "kind": "quantity", "measure": "deaths", "unit": "people",
         "cumulative": True},
        {"key": "wounded", "title": "Wounded", "kind": "quantity", "measure": "wounded", "unit": "people"},
    ],
    "claims": [
        {"key": "c1", "claimant": "nis", "joint_claimants": ["western"], "kind": "estimate",
         "summary": "About 2,000 soldiers were killed.", "stated_on": "2025-W36", "status": "published",
         "appearances": [{
             "document": "d1", "quote": QUOTE, "stated_on": "2025-09-02", "medium": "closed_briefing",
             "hops": [
                 {"actor": "afp", "relation": "reported", "language": "en", "medium": "wire_copy"},
                 {"actor": "lee", "relation": "briefed", "language": "ko", "medium": "press_conference",
                  "passed_on": "2025-09-02"},
                 {"actor": "park", "relation": "briefed", "language": "ko", "step": 2, "medium": "press_conference",
                  "passed_on": "2025-W36"},
             ],
             "wordings": [{"proposition": "deaths", "wording": "about 2,000"}],
         }],
         "estimates": [
             {"proposition": "deaths", "value": 2000, "qualifier": "approximately", "as_of": "2025-W36",
              "wording": "about 2,000"},
             {"proposition": "wounded", "lower": 4000, "qualifier": "at_least", "approximate": True,
              "as_of": "2025-W36"},
         ]},
    ],
}


def write(tmp_path, data, name="bundle.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_bundle", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def export(path):
    call_command("export_bundle", str(path), stdout=io.StringIO())
    return path.read_text(encoding="utf-8")


def table_counts():
    """Rows per table (but the import runs, which every run records, a failed one never)."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()
            if model._meta.label != "factbase.ImportRun"}


def empty_database():
    for model in (EstimateWording, JointClaimant, QuantityRelation, ClaimRelation, Estimate, ClaimStance,
                  AttributionHop, Appearance, Claim, Proposition, Document, ActorAlias, BundleBase):
        model.objects.all().delete()
    while Actor.objects.exists():  # children before parents (parent is PROTECTed)
        Actor.objects.filter(children__isnull=True).delete()


# --- reading -------------------------------------------------------------------------------------------------

def test_every_new_key_is_read_into_its_rows(tmp_path):
    run(write(tmp_path, BUNDLE))

    claim = Claim.objects.get(key="c1")
    assert [link.actor.key for link in claim.joint_claimants.order_by("position")] == ["western"]
    appearance = claim.appearances.get()
    assert (appearance.stated_on, appearance.stated_on_precision, appearance.medium) == (
        dt.date(2025, 9, 2), "day", "closed_briefing")
    hops = [(h.position, h.actor.key, h.relation, h.medium, h.passed_on, h.passed_on_precision)
            for h in appearance.hops.order_by("position", "actor__key")]
    assert hops == [
        (1, "afp", "reported", "wire_copy", None, "day"),
        (2, "lee", "briefed", "press_conference", dt.date(2025, 9, 2), "day"),
        (2, "park", "briefed", "press_conference", dt.date(2025, 9, 1), "week"),  # parallel relays: one step
    ]
    wording = EstimateWording.objects.get()
    assert (wording.estimate.proposition.key, wording.appearance_id, wording.wording) == ("deaths", appearance.pk,
                                                                                         "about 2,000")
    assert QUOTE[wording.offset:].startswith("about 2,000")
    wounded = Estimate.objects.get(proposition__key="wounded")
    assert (wounded.qualifier, wounded.approximate, wounded.lower, wounded.display_value) == (
        "at_least", True, Decimal(4000), "≥~4,000")
    assert list(Proposition.objects.filter(cumulative=True).order_by("key").values_list("key", flat=True)) == [
        "casualties", "deaths"]
    assert sorted(QuantityRelation.objects.values_list("part__key", "whole__key", "kind", "factor")) == [
        ("deaths", "casualties", "part_of", None), ("wounded", "casualties", "part_of", None)]


def test_reimporting_the_same_bundle_changes_nothing(tmp_path):
    path = write(tmp_path, BUNDLE)
    run(path)
    before = table_counts()
    version = Claim.objects.get(key="c1").version

    out, _ = run(path)

    assert "Nothing changed" in out
    assert table_counts() == before and Claim.objects.get(key="c1").version == version


def _bad(mutate):
    data = copy.deepcopy(BUNDLE)
    mutate(data)
    return data


def _claim(data):
    return data["claims"][0]


def _appearance(data):
    return data["claims"][0]["appearances"][0]


BAD_VALUES = [
    (lambda d: _claim(d).update(joint_claimants="western"),
     "claims[0] (key c1): joint_claimants: expected a list of keys, got text"),
    (lambda d: _claim(d).update(joint_claimants=["nobody"]),
     "claims[0] (key c1): joint_claimants[0]: no actor with key 'nobody' in the bundle or the database"),
    (lambda d: _claim(d).update(joint_claimants=["western", "western"]),
     "claims[0] (key c1): joint_claimants: 'western' is listed twice"),
    (lambda d: _claim(d).update(joint_claimants=["nis"]),
     "claims[0] (key c1): joint_claimants: [0] nis is already the claim's lead claimant"),
    (lambda d: _appearance(d)["hops"][2].update(step=0),
     "claims[0] (key c1): appearances[0].hops[2].step: expected a step of 1 or more, got 0"),
    (lambda d: _appearance(d)["hops"][2].update(step=1),
     "claims[0] (key c1): appearances[0].hops[2].step: step 1 after step 2: hops are listed from the document outwards"),
    (lambda d: _appearance(d)["hops"][2].update(actor="lee"),
     "claims[0] (key c1): appearances[0].hops[2].actor: 'lee' is listed twice at step 2"),
    (lambda d: _appearance(d)["hops"][0].update(medium="carrier pigeon"),
     "claims[0] (key c1): appearances[0].hops[0].medium: 'carrier pigeon' is not one of closed_briefing, briefing"),
    (lambda d: _appearance(d)["hops"][1].update(passed_on="2025-13"),
     "claims[0] (key c1): appearances[0].hops[1].passed_on: impossible date '2025-13'"),
    (lambda d: _appearance(d).update(medium="telepathy"),
     "claims[0] (key c1): appearances[0].medium: 'telepathy' is not one of closed_briefing"),
    (lambda d: _appearance(d).update(stated_on="2025-02-30"),
     "claims[0] (key c1): appearances[0].stated_on: impossible date '2025-02-30'"),
    (lambda d: _appearance(d)["wordings"][0].update(wording="nearly 2,000"),
     "claims[0] (key c1): appearances[0].wordings[0].wording: the wording 'nearly 2,000' does not occur in the "
     "appearance's quote"),
    (lambda d: _appearance(d)["wordings"][0].update(proposition="casualties"),
     "claims[0] (key c1): appearances[0].wordings[0].proposition: the claim has no estimate of 'casualties'"),
    (lambda d: _appearance(d)["wordings"][0].update(offset=3),
     "claims[0] (key c1): appearances[0].wordings[0].offset: 'about 2,000' is not at offset 3 of the appearance's quote"),
    (lambda d: _appearance(d)["wordings"].append({"proposition": "deaths", "wording": "about 2,000"}),
     "claims[0] (key c1): appearances[0].wordings[1]: a second wording of the same estimate in the same appearance"),
    (lambda d: _appearance(d)["wordings"][0].update(colour="red"),
     "claims[0] (key c1): appearances[0].wordings[0].colour: unknown field (the fields of wording records are:"),
    (lambda d: _claim(d)["estimates"][1].update(approximate="yes"),
     "claims[0] (key c1): estimates[1].approximate: expected true or false, got text"),
    (lambda d: _claim(d)["estimates"][0].update(qualifier="exact", approximate=True),
     "claims[0] (key c1): estimates[0]: 'approximate' combines with at_least, more_than, at_most, fewer_than or "
     "range only"),
    (lambda d: d["propositions"][1].update(cumulative="always"),
     "propositions[1] (key deaths): cumulative: expected true or false, got text"),
    (lambda d: d["propositions"][0]["parts"][0].update(kind="same_measure"),
     "propositions[0] (key casualties): parts[0].factor: a same_measure part needs a positive factor"),
    (lambda d: d["propositions"][0]["parts"][0].update(factor=2),
     "propositions[0] (key casualties): parts[0].factor: a same_measure part needs a positive factor"),
    (lambda d: d["propositions"][0]["parts"][0].update(proposition="nowhere"),
     "propositions[0] (key casualties): parts[0].proposition: no proposition with key 'nowhere'"),
    (lambda d: d["propositions"][0]["parts"][0].update(proposition="casualties"),
     "propositions[0] (key casualties): parts[0].proposition: a proposition cannot be a part of itself"),
    (lambda d: d["propositions"][2].update(kind="statement", unit=""),
     "propositions[0] (key casualties): parts[1].proposition: parts link quantities: 'wounded' is not a quantity "
     "proposition"),
    (lambda d: d["propositions"][0]["parts"][0].update(kind="sum"),
     "propositions[0] (key casualties): parts[0].kind: 'sum' is not one of part_of, same_measure"),
]


@pytest.mark.parametrize("mutate, message", BAD_VALUES, ids=[m.split(": ", 1)[1][:60] for _, m in BAD_VALUES])
def test_a_bad_value_for_a_new_key_is_refused_naming_record_and_key_and_nothing_is_written(tmp_path, mutate, message):
    path = write(tmp_path, _bad(mutate))
    before = table_counts()

    with pytest.raises(CommandError) as error:
        run(path)

    text = str(error.value)
    assert "\n" not in text
    assert text.startswith(f"{path}: {message}"), text
    assert table_counts() == before


def test_a_bad_value_makes_the_command_exit_non_zero(tmp_path):
    # A CommandError is how a Django command exits non-zero (manage.py exits with its returncode, 1): asserted
    # here in-process, as running manage.py would close the test's database connection.
    path = write(tmp_path, _bad(lambda d: _claim(d).update(joint_claimants=["nobody"])))
    before = table_counts()
    with pytest.raises(CommandError) as error:
        run(path)
    assert error.value.returncode == 1
    assert table_counts() == before


# --- merging -------------------------------------------------------------------------------------------------

def _imported(tmp_path):
    path = write(tmp_path, BUNDLE)
    run(path)
    return path


def test_a_curators_wording_survives_a_reimport_of_the_unchanged_bundle(tmp_path, reviewer):
    path = _imported(tmp_path)
    claim = Claim.objects.get(key="c1")
    Claim.objects.filter(pk=claim.pk).update(status="draft")
    provenance.estimate_wording_set(estimate=Estimate.objects.get(proposition__key="deaths"),
                                    appearance=claim.appearances.get(), wording="2,000", by=reviewer)

    run(path)

    assert EstimateWording.objects.get().wording == "2,000"


def test_a_wording_changed_here_and_in_the_bundle_is_a_conflict_until_a_side_is_chosen(tmp_path, reviewer):
    path = _imported(tmp_path)
    claim = Claim.objects.get(key="c1")
    Claim.objects.filter(pk=claim.pk).update(status="draft")
    provenance.estimate_wording_set(estimate=Estimate.objects.get(proposition__key="deaths"),
                                    appearance=claim.appearances.get(), wording="2,000", by=reviewer)
    changed = _bad(lambda d: _appearance(d)["wordings"][0].update(wording="soldiers were killed"))
    write(tmp_path, changed)

    with pytest.raises(CommandError, match="1 conflict"):
        _, err = run(path)
    assert EstimateWording.objects.get().wording == "2,000"
    out, _ = run(path, "--ours")
    assert "wordings[d1@" in out and "|deaths@2025-09-01/week].wording: here '2,000'" in out
    assert EstimateWording.objects.get().wording == "2,000"
    run(path, "--theirs")  # the base is now the bundle's: no conflict; the curator's value stays
    assert EstimateWording.objects.get().wording == "2,000"


def test_a_wording_changed_in_the_bundle_only_is_taken(tmp_path):
    path = _imported(tmp_path)
    write(tmp_path, _bad(lambda d: _appearance(d)["wordings"][0].update(wording="2,000 soldiers")))

    run(path)

    assert EstimateWording.objects.get().wording == "2,000 soldiers"


def test_a_hop_medium_changed_by_a_curator_is_kept_and_a_bundle_change_to_it_is_a_conflict(tmp_path, reviewer):
    path = _imported(tmp_path)
    hop = AttributionHop.objects.get(actor__key="afp")
    part_services.parts_update(changes=[(hop, {"medium": "article"})], by=reviewer)

    run(path)  # unchanged bundle: the curator's medium stays
    assert AttributionHop.objects.get(actor__key="afp").medium == "article"

    write(tmp_path, _bad(lambda d: _appearance(d)["hops"][0].update(medium="broadcast")))
    with pytest.raises(CommandError, match="1 conflict"):
        run(path)
    assert AttributionHop.objects.get(actor__key="afp").medium == "article"

    out, _ = run(path, "--theirs")
    assert ".hops: here " in out and "took the bundle's value (--theirs)" in out
    assert AttributionHop.objects.get(actor__key="afp").medium == "broadcast"
    assert AttributionHop.objects.filter(position=2).count() == 2  # the parallel step is still one step


def test_a_joint_claimant_removed_by_a_curator_stays_removed_and_a_bundle_change_is_a_conflict(tmp_path, reviewer):
    path = _imported(tmp_path)
    claim = Claim.objects.get(key="c1")
    provenance.claim_joint_claimants_set(claim=claim, actors=[], by=reviewer)

    run(path)
    assert not JointClaimant.objects.exists()

    write(tmp_path, _bad(lambda d: _claim(d).update(joint_claimants=["western", "afp"])))
    with pytest.raises(CommandError, match="1 conflict"):
        run(path)
    run(path, "--theirs")
    assert [link.actor.key for link in Claim.objects.get(key="c1").joint_claimants.all()] == ["western", "afp"]


def test_approximate_is_merged_with_the_figure(tmp_path, reviewer):
    path = _imported(tmp_path)
    write(tmp_path, _bad(lambda d: _claim(d)["estimates"][1].update(approximate=False)))

    run(path)

    assert Estimate.objects.get(proposition__key="wounded").approximate is False


def test_cumulative_and_parts_merge_and_prune(tmp_path):
    path = _imported(tmp_path)
    Proposition.objects.filter(key="deaths").update(cumulative=False)  # changed here, not in the bundle: kept

    def drop_wounded(d):
        d["propositions"][0]["parts"] = [{"proposition": "deaths"}]
    write(tmp_path, _bad(drop_wounded))

    out, _ = run(path)
    assert Proposition.objects.get(key="deaths").cumulative is False
    assert "no longer in it and were kept" in out or "kept" in out
    assert QuantityRelation.objects.count() == 2

    out, _ = run(path, "--prune")
    assert list(QuantityRelation.objects.values_list("part__key", flat=True)) == ["deaths"]


def test_a_wording_the_bundle_no_longer_lists_is_removed_only_with_prune(tmp_path):
    path = _imported(tmp_path)
    write(tmp_path, _bad(lambda d: _appearance(d).update(wordings=[])))

    run(path)
    assert EstimateWording.objects.count() == 1
    run(path, "--prune")
    assert not EstimateWording.objects.exists()


def test_a_second_bundle_adds_a_wording_and_a_parallel_relay_to_an_existing_appearance(tmp_path):
    _imported(tmp_path)
    body = "국정원은 북한군 2천여 명이 사망했다고 밝혔다."
    second = {
        "bundle": "second",
        "documents": [{"key": "d-ko", "language": "ko", "published_on": "2025-09-02", "body": body}],
        "claims": [{"key": "c1", "appearances": [{
            "document": "d-ko", "quote": body, "medium": "closed_briefing",
            "hops": [{"actor": "lee", "relation": "briefed", "language": "ko"},
                     {"actor": "park", "relation": "briefed", "language": "ko", "step": 1}],
            "wordings": [{"proposition": "deaths", "as_of": "2025-W36", "wording": "2천여 명"}]}]}],
    }
    run(write(tmp_path, second, "second.yaml"))

    claim = Claim.objects.get(key="c1")
    assert sorted(EstimateWording.objects.filter(appearance__claim=claim).values_list("wording", flat=True)) == [
        "2천여 명", "about 2,000"]
    korean = claim.appearances.get(document__key="d-ko")
    assert sorted(korean.hops.values_list("position", "actor__key")) == [(1, "lee"), (1, "park")]


# --- the round trip ------------------------------------------------------------------------------------------

def _curate_more():
    """What the bundles above do not state, added through the services as the admin would."""
    hundreds = Proposition.objects.create(key="nk-troops-russia-deaths-hundreds", title="Deaths, in hundreds",
                                          kind="quantity", measure="deaths", unit="hundreds of people")
    provenance.quantity_relation_set(part=hundreds, whole=Proposition.objects.get(key="nk-troops-russia-deaths"),
                                     kind="same_measure", factor=Decimal("100"))
    claim = Claim.objects.get(key="kp-nk-troops-russia-deaths-2025-08")
    estimate = Estimate.objects.create(claim=claim, proposition=Proposition.objects.get(key="nk-troops-russia-deaths"),
                                       lower=300, upper=400, qualifier="range", approximate=True,
                                       period_start=dt.date(2025, 6, 1), period_end=dt.date(2025, 8, 31))
    provenance.estimate_wording_set(estimate=estimate, appearance=claim.appearances.get(), wording="350")
    hop = AttributionHop.objects.get(appearance__claim=claim)
    AttributionHop.objects.create(appearance=hop.appearance, position=3, actor=Actor.objects.get(key="nis"),
                                  relation="summarised", passed_on=dt.date(2025, 8, 1), passed_on_precision="month")


@pytest.mark.parametrize("name", ["out.yaml", "out.json", "out.jsonl"])
def test_export_import_into_an_empty_database_export_gives_the_same_bundle(tmp_path, name):
    run(SEEDS)
    _curate_more()
    first = export(tmp_path / f"first-{name}")

    empty_database()
    assert not Claim.objects.exists() and not Actor.objects.exists()
    run(tmp_path / f"first-{name}")
    second = export(tmp_path / f"second-{name}")

    assert second == first
    out, _ = run(tmp_path / f"first-{name}")
    assert "Nothing changed" in out


def test_the_export_writes_every_new_key(tmp_path):
    run(SEEDS)
    _curate_more()
    data = yaml.safe_load(export(tmp_path / "out.yaml"))

    claims = {c["key"]: c for c in data["claims"]}
    propositions = {p["key"]: p for p in data["propositions"]}
    assert claims["nis-western-intel-nk-troops-sent-2024-12"]["joint_claimants"] == ["western-intelligence"]
    september = claims["nis-nk-troops-russia-deaths-2025-09"]
    korean = next(a for a in september["appearances"] if a["document"] == "example-ko-2025-09-02")
    assert korean["stated_on"] == "2025-09-02" and korean["medium"] == "closed_briefing"
    assert korean["hops"] == [
        {"actor": "lee-seong-kweun", "relation": "briefed", "language": "ko", "step": 1, "medium": "briefing",
         "passed_on": "2025-09-02"},
        {"actor": "park-sun-won", "relation": "briefed", "language": "ko", "step": 1, "medium": "briefing",
         "passed_on": "2025-09-02"},
    ]
    assert korean["wordings"] == [{"proposition": "nk-troops-russia-deaths", "wording": "2천여 명"}]
    assert [a["wordings"][0]["wording"] for a in september["appearances"]] == ["περίπου 2.000", "2천여 명",
                                                                                "nearly 2,000"]
    december = claims["nis-nk-troops-russia-deaths-2024-12"]["estimates"][0]
    assert (december["qualifier"], december["approximate"], december["lower"]) == ("at_least", True, 100)
    assert propositions["nk-troops-russia-deaths"]["cumulative"] is True
    assert propositions["nk-troops-russia-casualties"]["parts"] == [
        {"proposition": "nk-troops-russia-deaths"}, {"proposition": "nk-troops-russia-wounded"}]
    assert propositions["nk-troops-russia-deaths"]["parts"] == [
        {"proposition": "nk-troops-russia-deaths-hundreds", "kind": "same_measure", "factor": 100}]
    north_korea = claims["kp-nk-troops-russia-deaths-2025-08"]
    assert north_korea["appearances"][0]["hops"][-1] == {
        "actor": "nis", "relation": "summarised", "step": 3, "passed_on": "2025-08"}
    assert north_korea["appearances"][0]["wordings"] == [  # the period June–August, then August
        {"proposition": "nk-troops-russia-deaths", "period_start": "2025-06-01", "period_end": "2025-08-31",
         "wording": "350"},
        {"proposition": "nk-troops-russia-deaths", "as_of": "2025-08", "wording": "about 350"},
    ]


def test_an_appearance_medium_and_date_changed_by_a_curator_are_kept_or_a_conflict(tmp_path, reviewer):
    path = _imported(tmp_path)
    appearance = Claim.objects.get(key="c1").appearances.get()
    part_services.parts_update(changes=[(appearance, {"medium": "press_conference"})], by=reviewer)

    run(path)
    assert Claim.objects.get(key="c1").appearances.get().medium == "press_conference"

    write(tmp_path, _bad(lambda d: _appearance(d).update(medium="statement", stated_on="2025-09-03")))
    with pytest.raises(CommandError, match="1 conflict"):
        run(path)
    out, _ = run(path, "--ours")
    assert ".medium: here 'press_conference'" in out
    appearance = Claim.objects.get(key="c1").appearances.get()
    assert (appearance.medium, appearance.stated_on) == ("press_conference", dt.date(2025, 9, 3))


def test_prune_dry_run_lists_the_wording_and_the_part_it_would_remove(tmp_path):
    path = _imported(tmp_path)

    def drop(d):
        _appearance(d)["wordings"] = []
        d["propositions"][0]["parts"] = [{"proposition": "deaths"}]
    write(tmp_path, _bad(drop))

    out, _ = run(path, "--prune", "--dry-run")

    assert "claims[0] (key c1): wording d1@" in out and "|deaths@2025-09-01/week" in out
    assert "propositions[0] (key casualties): part wounded" in out
    assert EstimateWording.objects.count() == 1 and QuantityRelation.objects.count() == 2


def test_json_lines_carry_the_new_keys_and_name_the_line_of_a_bad_one(tmp_path):
    import json

    lines = [{"type": kind[:-1], **record} for kind in ("actors", "documents", "propositions", "claims")
             for record in BUNDLE[kind]]
    lines.sort(key=lambda r: r["key"] == "casualties")  # a whole after its parts (a line refers to earlier lines)
    path = tmp_path / "bundle.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    run(path)
    assert JointClaimant.objects.count() == 1 and EstimateWording.objects.count() == 1
    assert QuantityRelation.objects.count() == 2 and AttributionHop.objects.filter(position=2).count() == 2

    next(line for line in lines if line["type"] == "claim")["appearances"][0]["hops"][2]["step"] = 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad.jsonl: line \d+ \(claim, key c1\): appearances\[0\]\.hops\[2\]\.step: "
                                           r"step 1 after step 2"):
        run(bad)
