"""The reading view of a document: marks per claim, translations beside, candidates in place, and the
writes it makes (new claim from a quote, add as appearance, accept / reject / merge a candidate)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.admin.reading import paragraph_bounds, render_paragraph, reading_marks
from claims.models import Appearance, Claim, ClaimRelation, ClaimStatus, RelationKind, RelationState
from factbase.models import ImportRun
from tests.claims.factories import AppearanceFactory, ClaimFactory
from tests.sources.factories import DocumentFactory

from .conftest import GREEK_BODY, GREEK_QUOTE

pytestmark = pytest.mark.django_db


def url(document):
    return reverse("claims_document_reading", args=[document.pk])


def candidate(document, quote, key="cand-1"):
    run = ImportRun.objects.create(command="import_article", operator="test")
    claim = ClaimFactory(key=key, status=ClaimStatus.DRAFT, first_import_run=run, last_import_run=run)
    return AppearanceFactory(claim=claim, document=document, quote=quote).claim


def test_each_claim_gets_its_own_colour_and_a_tip_naming_claimant_claim_and_status(admin_client, greek_document, nis):
    first = AppearanceFactory(document=greek_document, quote=GREEK_QUOTE, claim=ClaimFactory(key="nis-2000", claimant=nis))
    second = AppearanceFactory(document=greek_document, quote="«ιδιαίτερες»", claim=ClaimFactory(key="putin-special"))
    content = admin_client.get(url(greek_document)).content.decode()
    assert f'class="q c0" tabindex="0" data-o="{first.start}" data-e="{first.end}" data-claims="nis-2000"' in content
    assert f'class="q c1" tabindex="0" data-o="{second.start}" data-e="{second.end}" data-claims="putin-special"' in content
    assert "National Intelligence Service — nis-2000 (draft)" in content


def test_translation_is_shown_beside_its_quote(admin_client, greek_document):
    AppearanceFactory(document=greek_document, quote=GREEK_QUOTE, translation="about 2,000 North Korean soldiers have been killed",
                      translation_language="en")
    content = admin_client.get(url(greek_document)).content.decode()
    assert 'class="translation" lang="en"' in content
    assert "about 2,000 North Korean soldiers have been killed" in content


def test_every_piece_of_text_carries_the_offsets_of_the_body():
    body = "First para «quote» here.\r\n\r\nSecond\r\npara."
    document = DocumentFactory.build(body=body)
    spans = paragraph_bounds(body)
    assert [body[a:b] for a, b in spans] == ["First para «quote» here.", "Second\r\npara."]
    html = render_paragraph(body, *spans[1], [])
    # The carriage return is left out (HTML would turn it into a line feed) and offsets stay exact.
    assert f'<span data-o="{spans[1][0]}" data-e="{spans[1][0] + 6}">Second</span>' in html
    assert f'data-o="{spans[1][0] + 7}"' in html
    assert document.body == body


def test_body_text_is_escaped(admin_client):
    document = DocumentFactory(body='Hostile <script>alert("x")</script> and about 2,000 soldiers were killed.')
    AppearanceFactory(document=document)
    content = admin_client.get(url(document)).content.decode()
    assert '<script>alert("x")</script>' not in content
    assert "&lt;script&gt;" in content


def test_candidates_are_marked_in_place_with_their_decisions(admin_client, greek_document):
    target = AppearanceFactory(document=greek_document, quote="«ιδιαίτερες»", claim=ClaimFactory(key="putin-special")).claim
    claim = candidate(greek_document, GREEK_QUOTE)
    ClaimRelation.objects.create(source=claim, target=target, kind=RelationKind.REPEATS, state=RelationState.SUGGESTED)
    content = admin_client.get(url(greek_document)).content.decode()
    assert 'class="q c1 candidate"' in content or 'class="q c0 candidate"' in content
    assert 'name="action" value="accept"' in content and 'name="action" value="merge"' in content
    assert 'name="into" list="claims-here" required size="22" placeholder="claim key"\n                value="putin-special"' in content


def test_new_claim_from_a_selection_stores_the_exact_span(admin_client, greek_document, nis):
    start = GREEK_BODY.index(GREEK_QUOTE)
    response = admin_client.post(url(greek_document), {
        "action": "new_claim", "start": start, "end": start + len(GREEK_QUOTE), "quote": GREEK_QUOTE,
        "key": "nis-2000-dead", "claimant": "Υπηρεσία Πληροφοριών", "kind": "estimate", "hedge": "estimated",
        "stated_on": "2025-09-04", "stated_on_precision": "week", "summary": "About 2,000 soldiers were killed.",
        "translation": "about 2,000 soldiers killed", "translation_language": "en",
    })
    assert response.status_code == 302 and response["Location"].endswith(f"#q{start}")
    claim = Claim.objects.get(key="nis-2000-dead")
    assert (claim.claimant, claim.status, claim.stated_on) == (nis, ClaimStatus.DRAFT, dt.date(2025, 9, 1))
    appearance = claim.appearances.get()
    assert (appearance.start, appearance.end, appearance.quote) == (start, start + len(GREEK_QUOTE), GREEK_QUOTE)
    assert appearance.translation_language == "en"


@pytest.mark.parametrize("change, message", [
    ({"quote": "something else"}, "does not match document"),
    ({"end": 100000}, "is not a span of document"),
    ({"start": "x"}, "start must be a character offset"),
    ({"claimant": "nobody-at-all"}, "no actor is called"),
    ({"key": ""}, "give the new claim a key"),
    ({"summary": ""}, "summary"),
])
def test_bad_new_claim_is_a_400_naming_the_problem_and_writes_nothing(admin_client, greek_document, nis, change, message):
    start = GREEK_BODY.index(GREEK_QUOTE)
    data = {"action": "new_claim", "start": start, "end": start + len(GREEK_QUOTE), "quote": GREEK_QUOTE, "key": "k",
            "claimant": "nis", "kind": "estimate", "hedge": "estimated", "stated_on": "2025-09-04",
            "stated_on_precision": "day", "summary": "About 2,000.", **change}
    response = admin_client.post(url(greek_document), data)
    assert response.status_code == 400
    assert message.lower() in response.content.decode().lower()
    assert not Claim.objects.exists() and not Appearance.objects.exists()


def test_add_as_appearance_of_an_existing_claim(admin_client, greek_document):
    claim = AppearanceFactory(document=greek_document, quote="«ιδιαίτερες»", claim=ClaimFactory(key="putin-special")).claim
    quote = "«ιδιαίτερες», επανέλαβε"
    start = GREEK_BODY.rindex(quote)
    response = admin_client.post(url(greek_document), {"action": "add_appearance", "claim": "putin-special",
                                                       "start": start, "end": start + len(quote), "quote": quote})
    assert response.status_code == 302
    assert claim.appearances.filter(start=start, end=start + len(quote), quote=quote).exists()


def test_curator_cannot_add_to_a_published_claim(curator_client, greek_document):
    claim = ClaimFactory(key="published-one", status=ClaimStatus.PUBLISHED)
    start = GREEK_BODY.index(GREEK_QUOTE)
    response = curator_client.post(url(greek_document), {"action": "add_appearance", "claim": claim.key, "start": start,
                                                          "end": start + len(GREEK_QUOTE), "quote": GREEK_QUOTE})
    assert response.status_code == 400
    assert "may not add to claim published-one" in response.content.decode()
    assert not claim.appearances.exists()


def test_accept_sends_a_candidate_to_review(curator_client, greek_document):
    claim = candidate(greek_document, GREEK_QUOTE)
    assert curator_client.post(url(greek_document), {"action": "accept", "claim": claim.key}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_reject_retracts_a_candidate_with_its_reason(reviewer_client, greek_document):
    claim = candidate(greek_document, GREEK_QUOTE)
    assert reviewer_client.post(url(greek_document), {"action": "reject", "claim": claim.key, "reason": ""}).status_code == 400
    assert reviewer_client.post(url(greek_document), {"action": "reject", "claim": claim.key,
                                                      "reason": "not a claim"}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RETRACTED
    assert claim.history.first().history_change_reason == "retracted: rejected candidate: not a claim"


def test_merge_moves_the_quote_to_the_existing_claim(reviewer_client, greek_document):
    target = ClaimFactory(key="nis-2000", status=ClaimStatus.PUBLISHED)
    claim = candidate(greek_document, GREEK_QUOTE)
    response = reviewer_client.post(url(greek_document), {"action": "merge", "claim": claim.key, "into": "nis-2000"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RETRACTED
    assert target.appearances.get().quote == GREEK_QUOTE


def test_a_claim_that_is_not_a_candidate_cannot_be_accepted_here(reviewer_client, greek_document):
    claim = AppearanceFactory(document=greek_document, quote=GREEK_QUOTE).claim
    response = reviewer_client.post(url(greek_document), {"action": "reject", "claim": claim.key, "reason": "x"})
    assert response.status_code == 400
    assert "is not an extraction candidate" in response.content.decode()


def test_reading_needs_staff(client, greek_document):
    response = client.get(url(greek_document))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_queries_do_not_grow_with_the_number_of_quotes(admin_client, greek_document):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url(greek_document)).status_code == 200
        return len(queries)

    candidate(greek_document, GREEK_QUOTE, key="cand-a")
    few = count()
    for n, quote in enumerate(["«ιδιαίτερες»", "Βλαντιμίρ Πούτιν", "επανέλαβε"]):
        AppearanceFactory(document=greek_document, quote=quote)
        candidate(greek_document, quote, key=f"cand-{n}")
    assert count() == few


def test_reading_query_count(admin_client, greek_document, django_assert_num_queries):
    AppearanceFactory(document=greek_document, quote=GREEK_QUOTE)
    candidate(greek_document, "«ιδιαίτερες»")
    admin_client.get(url(greek_document))  # warm the session and content types
    # session, user, document, appearances (with claims, claimants, runs), suggested relations, claimants list
    with django_assert_num_queries(6):
        admin_client.get(url(greek_document))


def test_marks_leave_retracted_claims_out(greek_document):
    AppearanceFactory(document=greek_document, quote=GREEK_QUOTE, claim=ClaimFactory(status=ClaimStatus.RETRACTED))
    assert reading_marks(greek_document) == []


def test_a_candidate_without_a_date_shows_the_documents_date_and_its_claimant_once(admin_client, greek_document, nis):
    claim = candidate(greek_document, GREEK_QUOTE)
    Claim.objects.filter(pk=claim.pk).update(stated_on=None, claimant=nis,
                                             summary="National Intelligence Service: περίπου 2.000 — the sentence")
    content = admin_client.get(url(greek_document)).content.decode()
    assert "unknown date" not in content and ">2025-09-04 <small>(document's date)</small></span>" in content
    assert "National Intelligence Service: National Intelligence Service" not in content
    assert "National Intelligence Service: περίπου 2.000 — the sentence" in content
