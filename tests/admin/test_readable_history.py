"""History a person can read: names, labels, minutes, no "None", a claim's parts included, past versions read-only."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import ClaimStatus
from factbase.readable_history import readable_history
from factbase.models import ImportRun
from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory

pytestmark = pytest.mark.django_db


def history_page(client, claim):
    return client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()


def test_changes_read_as_labels_with_the_user_by_name_to_the_minute(admin_client, superuser):
    claim = ClaimFactory(key="k", credibility=None)
    claim.credibility, claim.verdict, claim.interested = 3, "plausible", True
    claim._history_user = superuser
    claim.save()
    entry = readable_history(sources=[("", claim.history.all())])[0]
    assert entry["who"] == "root" and entry["what"] == "changed"
    assert len(entry["when"]) == len("2025-09-04 14:05")
    changes = {c["field"]: (c["old"], c["new"]) for c in entry["changes"]}
    assert changes["credibility"] == ("(empty)", "3 — possibly true")
    assert changes["verdict"] == ("unassessed", "plausible")
    assert changes["interested"] == ("no", "yes")
    page = history_page(admin_client, claim)
    assert "None" not in page.replace("NoneType", "") and "pk=None" not in page
    assert ".000" not in page


def test_an_import_run_is_named_when_no_user_made_the_change():
    run = ImportRun.objects.create(command="import_bundle", files=[{"name": "seed.yaml", "sha256": "ab" * 32}])
    claim = ClaimFactory(first_import_run=run, last_import_run=run)
    assert readable_history(sources=[("", claim.history.all())])[0]["who"] == f"import run #{run.pk} (import_bundle)"


def test_claim_history_includes_changes_to_its_appearances_and_estimates(admin_client):
    claim = ClaimFactory(key="nis-2000", status=ClaimStatus.DRAFT)
    AppearanceFactory(claim=claim)
    estimate = EstimateFactory(claim=claim, value=Decimal("2000"), qualifier="approximately")
    estimate.value = Decimal("2500")
    estimate.save()
    page = history_page(admin_client, claim)
    assert f"estimate #{estimate.pk}" in page and "2,000 → 2,500" in page
    assert "appearance #" in page and "about 2,000 soldiers were killed" in page


def test_history_queries_do_not_grow_with_the_number_of_changes(admin_client):
    claim = ClaimFactory()
    EstimateFactory(claim=claim)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(reverse("admin:claims_claim_history", args=[claim.pk])).status_code == 200
        return len(queries)

    few = count()
    for n in range(5):
        EstimateFactory(claim=claim)
        claim.summary = f"Changed {n}."
        claim.save()
    assert count() <= few  # the first view may warm a per-process cache (content types); never more queries


def test_past_versions_show_no_buttons_to_save(admin_client):
    claim = ClaimFactory()
    record = claim.history.first()
    page = admin_client.get(reverse("admin:claims_claim_simple_history", args=[claim.pk, record.history_id])).content.decode()
    assert "history-version" in page and "A past version, shown read-only" in page
    assert 'name="_save"' not in page


def test_a_part_imported_without_a_user_names_the_run_from_its_reason():
    run = ImportRun.objects.create(command="import_bundle")
    appearance = AppearanceFactory()
    record = appearance.history.first()
    record.history_change_reason = f"import_bundle run #{run.pk}"
    record.save()
    entry = readable_history(sources=[("appearance", appearance.history.all())])[0]
    assert entry["who"] == f"import run #{run.pk} (import_bundle)"


def test_a_related_claim_is_named_by_its_key_not_a_summary_cut_mid_word(admin_client):
    from claims.models import ClaimRelation

    source = ClaimFactory(key="source-claim")
    target = ClaimFactory(key="target-claim", summary="North Korea has sent soldiers, ammunition and missiles to Russia to "
                                                      "support Moscow in its war against Ukraine.")
    ClaimRelation.objects.create(source=source, target=target, kind="supports")
    entries = readable_history(sources=[("relation", ClaimRelation.history.filter(source_id=source.pk))])
    shown = {change["field"]: change["new"] for change in entries[0]["changes"]}
    assert shown["target"] == "target-claim"
