import csv

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.claims.factories import EstimateFactory

pytestmark = pytest.mark.django_db


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_claims_csv_has_published_claims_only_by_default(tmp_path):
    published = EstimateFactory(claim__status="published", claim__summary="Περίπου 2.000, said NIS")
    EstimateFactory(claim__status="draft")
    call_command("export_csv", "claims", str(tmp_path / "claims.csv"))
    rows = read(tmp_path / "claims.csv")
    assert [row["key"] for row in rows] == [published.claim.key]
    assert rows[0]["summary"] == "Περίπου 2.000, said NIS"


def test_include_unpublished_and_estimates(tmp_path):
    EstimateFactory(claim__status="published")
    EstimateFactory(claim__status="draft")
    call_command("export_csv", "estimates", str(tmp_path / "e.csv"), "--include-unpublished")
    rows = read(tmp_path / "e.csv")
    assert len(rows) == 2 and {row["qualifier"] for row in rows} == {"approximately"}
    assert {"proposition_key", "claim_key", "value", "wording"} <= set(rows[0])


def test_unwritable_output_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot be written"):
        call_command("export_csv", "claims", str(tmp_path / "missing-folder" / "x.csv"))
