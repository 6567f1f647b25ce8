"""Concurrency on PostgreSQL: overlapping imports at once, and two admin saves of one claim racing.

Each racer runs in its own thread with its own database connection (Django gives every thread one),
so these tests use real transactions (``transaction=True``). They are marked ``postgresql``: SQLite
serialises writers with a file lock and cannot show these races; on SQLite they fail with a message
saying so (CI runs them in its PostgreSQL pass, ``pytest -m postgresql``).
"""

import io
import json
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.test import Client
from django.urls import reverse

from claims.models import Claim, ClaimStatus
from sources.models import Actor, Document
from tests.claims.factories import AppearanceFactory, ClaimFactory
from tests.security.conftest import numbered_bundle, require_postgresql

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _run_in_threads(*targets):
    """Start every target at the same moment (a barrier); return each one's outcome (None or the exception)."""
    barrier = threading.Barrier(len(targets))
    outcomes = [None] * len(targets)

    def runner(index, target):
        try:
            barrier.wait()
            target()
        except BaseException as error:  # noqa: BLE001 — reported to the test, which judges it
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i, t)) for i, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a racer hung (deadlock?)"
    return outcomes


def test_overlapping_imports_at_once_end_with_no_duplicates_and_nothing_lost(tmp_path):
    require_postgresql()
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(json.dumps(numbered_bundle(0, 120)), encoding="utf-8")
    second.write_text(json.dumps(numbered_bundle(60, 180)), encoding="utf-8")

    def importer(path):
        return lambda: call_command("import_bundle", str(path), stdout=io.StringIO())

    outcomes = _run_in_threads(importer(first), importer(second))
    for path, outcome in zip((first, second), outcomes):
        if outcome is None:
            continue
        # The loser may be refused, but only with a clear message, and a rerun must then succeed.
        assert isinstance(outcome, CommandError), f"{path.name} failed with {type(outcome).__name__}: {outcome}"
        assert path.name in str(outcome)
        call_command("import_bundle", str(path), stdout=io.StringIO())
    keys = list(Claim.objects.values_list("key", flat=True))
    assert len(keys) == len(set(keys)) == 180
    assert Actor.objects.count() == 180 and Document.objects.count() == 180
    assert Claim.objects.filter(appearances__isnull=True).count() == 0
    # Both bundles now import as "nothing changed": every record of each is there, as written.
    for path in (first, second):
        out = io.StringIO()
        call_command("import_bundle", str(path), stdout=out)
        assert "Nothing changed" in out.getvalue()


def _change_data(claim, summary):
    data = {
        "key": claim.key, "claimant": claim.claimant_id, "kind": claim.kind, "summary": summary,
        "summary_language": claim.summary_language, "stated_on": claim.stated_on.isoformat(),
        "stated_on_precision": claim.stated_on_precision, "hedge": claim.hedge, "location": "",
        "location_country": "", "verdict": claim.verdict, "credibility": "", "rationale": "",
        "expected_version": claim.version,
    }
    for prefix in ("appearances", "estimates", "stances", "relations_out"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MIN_NUM_FORMS": 0,
                     f"{prefix}-MAX_NUM_FORMS": 1000})
    return data


@pytest.mark.parametrize("attempt", range(3))
def test_two_admin_saves_of_one_claim_racing_keep_exactly_one(make_user, attempt):
    require_postgresql()
    claim = AppearanceFactory(claim=ClaimFactory(status=ClaimStatus.DRAFT)).claim
    claim = Claim.objects.get(pk=claim.pk)
    version, history = claim.version, claim.history.count()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    clients = []
    for name in ("alice", "bob"):
        client = Client()
        client.force_login(make_user(name, groups=["reviewer"], is_staff=True))
        clients.append(client)
    responses = [None, None]

    def save(index, summary):
        def run():
            responses[index] = clients[index].post(url, _change_data(claim, summary))
        return run

    outcomes = _run_in_threads(save(0, "Alice's summary."), save(1, "Bob's summary."))
    assert outcomes == [None, None], outcomes
    assert all(r.status_code in (200, 302) for r in responses), [r.status_code for r in responses]
    claim.refresh_from_db()
    assert claim.version == version + 1, "exactly one of the two saves may land"
    assert claim.summary in ("Alice's summary.", "Bob's summary.")
    assert claim.history.count() == history + 1
    loser = responses[1] if claim.summary == "Alice's summary." else responses[0]
    refused = loser.content.decode() if loser.status_code == 200 else str(
        [str(m) for m in loser.wsgi_request._messages])
    assert "changed by someone else" in refused


def test_a_save_waiting_on_a_locked_claim_is_refused_once_the_other_commits(make_user):
    """Deterministic version of the race: B posts while A holds the row lock and then commits a change."""
    require_postgresql()
    from django.db import transaction

    from claims.services import workflow

    claim = Claim.objects.get(pk=AppearanceFactory(claim=ClaimFactory(status=ClaimStatus.DRAFT)).claim.pk)
    alice = make_user("alice", groups=["reviewer"], is_staff=True)
    bob_client = Client()
    bob_client.force_login(make_user("bob", groups=["reviewer"], is_staff=True))
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    locked, bob_started = threading.Event(), threading.Event()
    result = {}

    def alice_saves():
        with transaction.atomic():
            mine = Claim.objects.select_for_update().get(pk=claim.pk)
            locked.set()
            bob_started.wait(10)
            # Bob's request is now blocked on this row lock (or past its form check): give it a moment.
            threading.Event().wait(0.5)
            mine.summary = "Alice got there first."
            workflow.claim_save(claim=mine, by=alice, expected_version=claim.version)

    def bob_saves():
        locked.wait(10)
        bob_started.set()
        result["response"] = bob_client.post(url, _change_data(claim, "Bob's late summary."))

    outcomes = _run_in_threads(alice_saves, bob_saves)
    assert outcomes == [None, None], outcomes
    claim.refresh_from_db()
    assert claim.summary == "Alice got there first." and claim.version == 2
    response = result["response"]
    text = response.content.decode() if response.status_code == 200 else str(
        [str(m) for m in response.wsgi_request._messages])
    assert "changed by someone else" in text

