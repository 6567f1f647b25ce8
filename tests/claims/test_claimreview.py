"""ClaimReview JSON-LD in (import_claimreview) and out (export_claimreview)."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Claim
from factbase.models import ImportRun
from sources.models import Actor, Document
from tests.claims.factories import AppearanceFactory
from tests.sources.factories import ActorAliasFactory, ActorFactory

pytestmark = pytest.mark.django_db
HERE = Path(__file__).parent / "claimreview"


def counts():
    return Claim.objects.count(), Document.objects.count(), Actor.objects.count(), ImportRun.objects.count()


def test_datafeed_becomes_a_draft_claim_with_rating_kept_as_written():
    kcna = ActorFactory(key="kcna", name="KCNA")
    ActorAliasFactory(actor=kcna, name="Korean Central News Agency", language="en")
    call_command("import_claimreview", str(HERE / "datafeed.json"))
    claim = Claim.objects.get()
    assert claim.claimant == kcna  # matched by alias, not duplicated
    assert (claim.rating_text, claim.verdict, claim.status) == ("Mostly False", "misleading", "draft")
    assert "https://kcna.example/350" in claim.rationale
    appearance = claim.appearances.get()
    assert appearance.document.body[appearance.start:appearance.end] == appearance.quote
    assert appearance.document.publisher.name == "Example Fact Check"
    assert [(hop.actor.name, hop.relation) for hop in appearance.hops.all()] == [("Example Fact Check", "summarised")]
    assert claim.first_import_run.command == "import_claimreview"


def test_reimport_changes_nothing(capsys):
    call_command("import_claimreview", str(HERE / "datafeed.json"))
    before = counts()
    call_command("import_claimreview", str(HERE / "datafeed.json"))
    assert "0 created, 0 updated, 1 unchanged" in capsys.readouterr().out
    assert counts()[:3] == before[:3]


def test_unmapped_rating_refuses_the_whole_file():
    before = counts()
    with pytest.raises(CommandError, match=r"\$.@graph\[1\].reviewRating.alternateName: the rating 'Four Pinocchios'"):
        call_command("import_claimreview", str(HERE / "graph.json"))
    assert counts() == before


def test_rating_map_overrides_the_table(tmp_path):
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Four Pinocchios: false\nTrue: corroborated\n")
    call_command("import_claimreview", str(HERE / "graph.json"), "--rating-map", str(mapping))
    verdicts = dict(Claim.objects.values_list("rating_text", "verdict"))
    assert verdicts == {"True": "corroborated", "Four Pinocchios": "false"}
    assert Actor.objects.get(name="Vladimir Putin").kind == "person"


def test_unmapped_option_gives_a_fallback_verdict():
    call_command("import_claimreview", str(HERE / "graph.json"), "--unmapped", "unverified")
    assert Claim.objects.get(rating_text="Four Pinocchios").verdict == "unverified"


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "the file is empty"),
        (b"{not json", "malformed JSON at line 1"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b'{"@type": "Person"}', "not a ClaimReview"),
        (b'[{"@type": "ClaimReview", "datePublished": "2025-01-01"}]', r"\$\[0\].claimReviewed: required"),
        (b'{"@type": "ClaimReview", "claimReviewed": "x", "datePublished": "2025-02-30", "reviewRating": {}}', "is not a date"),
        (b'{"@type": "ClaimReview", "claimReviewed": "x", "datePublished": "2025-02-03", "reviewRating": {"alternateName": "False"}}', "author: required"),
        (b'{"@type": "ClaimReview", "claimReviewed": ["x"], "datePublished": "2025-02-03"}', "expected text, found list"),
    ],
)
def test_bad_files_are_refused_with_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = counts()
    with pytest.raises(CommandError, match=message):
        call_command("import_claimreview", str(path))
    assert counts() == before


def test_missing_file_and_bad_rating_map(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_claimreview", str(tmp_path / "absent.json"))
    bad_map = tmp_path / "map.yaml"
    bad_map.write_text("True: maybe\n")
    with pytest.raises(CommandError, match="'maybe', which is not one of"):
        call_command("import_claimreview", str(HERE / "graph.json"), "--rating-map", str(bad_map))


def test_export_then_import_round_trips_the_verdicts(tmp_path):
    appearance = AppearanceFactory(claim__status="published", claim__verdict="false", claim__credibility=5)
    AppearanceFactory(claim__status="draft", claim__verdict="false")  # unpublished: not exported
    out = tmp_path / "feed.json"
    call_command("export_claimreview", str(out), "--base-url", "https://factbase.example")
    feed = json.loads(out.read_text())
    assert feed["@type"] == "DataFeed" and len(feed["dataFeedElement"]) == 1
    review = feed["dataFeedElement"][0]
    assert review["claimReviewed"] == appearance.claim.summary
    assert review["reviewRating"]["alternateName"] == "false"
    assert review["itemReviewed"]["author"]["name"] == appearance.claim.claimant.name
    # Reading our own feed back gives the same verdict, with the rating kept as written.
    call_command("import_claimreview", str(out))
    imported = Claim.objects.get(key__startswith="cr-")
    assert (imported.verdict, imported.rating_text, imported.claimant) == ("false", "false", appearance.claim.claimant)
