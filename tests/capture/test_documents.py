"""What a capture does to documents: creates one, leaves an unchanged one alone, records a changed page as
a new version (flagging quotes that no longer match), and never overwrites what a curator did."""

import datetime as dt
import hashlib

from claims.models import Appearance
from factbase.models import ImportRun
from sources.capture.models import CaptureJob
from sources.models import Document, sha256_text
from tests.capture.server import PAGES
from tests.claims.factories import AppearanceFactory
from tests.sources.factories import ActorFactory, DocumentFactory

QUOTE = "about 2,000 North Korean soldiers have been killed"
ARTICLE = (PAGES / "news-article.html").read_bytes()  # as the fixture site serves it


def test_a_capture_creates_the_document_with_its_archive_and_digests(site, capture, archives):
    job = capture(site.url("/old-address"))
    document = job.document
    assert (job.state, job.outcome, job.attempts, job.error) == ("done", "created", 1, "")
    assert document.url == site.url("/news/seoul-2000.html")
    assert document.body_sha256 == sha256_text(document.body) == job.body_sha256
    assert document.warc_archive == job.warc_archive
    assert (archives / document.warc_archive).exists()
    assert document.warc_record_id.startswith("<urn:uuid:")
    assert document.warc_payload_digest.startswith("sha256:")
    assert document.retrieved_at is not None
    assert job.redirects == [{"url": site.url("/old-address"), "status": 301, "location": "/news/seoul-2000.html"}]
    assert (job.final_url, job.http_status, job.content_type) == (site.url("/news/seoul-2000.html"), 200, "text/html")


def test_the_archive_is_named_by_the_digest_of_the_response(site, capture):
    job = capture(site.url("/news/seoul-2000.html"))
    payload_hex = hashlib.sha256(ARTICLE).hexdigest()
    url_hex = hashlib.sha256(site.url("/news/seoul-2000.html").encode()).hexdigest()[:16]
    assert job.warc_archive == f"warc/{payload_hex[:2]}/{payload_hex}-{url_hex}.warc.gz"


def test_the_capture_is_recorded_as_an_import_run_of_the_document(site, capture):
    job = capture(site.url("/news/seoul-2000.html"))
    run = ImportRun.objects.get()
    assert job.import_run == run == job.document.first_import_run == job.document.last_import_run
    assert run.command == "capture_url"
    assert run.files == [{"name": site.url("/news/seoul-2000.html"), "sha256": hashlib.sha256(ARTICLE).hexdigest()}]
    assert (run.created, run.updated) == (1, 0)


def test_the_options_of_the_job_describe_a_new_document(site, capture):
    publisher = ActorFactory(key="daily-ledger", kind="news_outlet")
    document = capture(site.url("/news/seoul-2000.html"), kind="wire_report", publisher=publisher).document
    assert (document.kind, document.publisher) == ("wire_report", publisher)


def test_recapturing_an_unchanged_page_changes_nothing(site, capture, archives):
    first = capture(site.url("/news/seoul-2000.html"))
    document = first.document
    before = Document.objects.values().get(pk=document.pk)
    second = capture(site.url("/short"))
    assert (second.state, second.outcome, second.document) == ("done", "unchanged", document)
    assert Document.objects.values().get(pk=document.pk) == before
    assert document.history.count() == 1
    assert ImportRun.objects.count() == 1
    assert second.warc_archive == first.warc_archive and second.warc_record_id == first.warc_record_id
    assert len(list(archives.rglob("*.warc.gz"))) == 1  # the same response is stored once


def test_a_changed_page_becomes_a_new_version_and_stale_quotes_are_flagged(site, capture):
    document = capture(site.url("/live/losses.html")).document
    appearance = AppearanceFactory(document=document, quote=QUOTE)
    site.version = 2
    job = capture(site.url("/live/losses.html"))
    document.refresh_from_db()
    assert (job.outcome, job.document) == ("updated", document)
    assert "about 2,500 North Korean soldiers have been killed" in document.body
    assert document.history.count() == 2
    latest = document.history.first()
    assert latest.history_change_reason == (
        f"re-captured from {site.url('/live/losses.html')} (capture job #{job.pk}): the page changed")
    assert document.history.last().body.count(QUOTE) == 1
    assert Appearance.objects.get(pk=appearance.pk).needs_review is True
    assert document.warc_archive == job.warc_archive != CaptureJob.objects.get(pk=job.pk - 1).warc_archive
    assert document.last_import_run == job.import_run and document.first_import_run != job.import_run


def test_a_body_edited_by_hand_is_not_overwritten(site, capture):
    document = capture(site.url("/live/losses.html")).document
    edited = document.body.replace("officials said", "officials said on Friday")
    document.body = edited
    document.save()
    site.version = 2
    job = capture(site.url("/live/losses.html"))
    document.refresh_from_db()
    assert job.state == "failed"
    assert job.error.startswith(f"document {document.key} has this address and a body that was not captured from it")
    assert "capture_url --replace-body" in job.error
    assert document.body == edited


def test_a_typed_document_with_the_address_is_not_overwritten(site, capture):
    typed = DocumentFactory(url=site.url("/news/seoul-2000.html"), body="A curator typed this text.")
    job = capture(site.url("/news/seoul-2000.html"))
    typed.refresh_from_db()
    assert job.state == "failed" and "was not captured from it" in job.error
    assert (typed.body, typed.warc_archive) == ("A curator typed this text.", "")


def test_replace_body_replaces_a_hand_made_body_as_a_new_version(site, capture):
    typed = DocumentFactory(url=site.url("/news/seoul-2000.html"), body="A curator typed this text.",
                            title="Typed title", language="en")
    job = capture(site.url("/news/seoul-2000.html"), replace_body=True)
    typed.refresh_from_db()
    assert job.outcome == "updated"
    assert "about 2,000 North Korean soldiers" in typed.body
    assert typed.title == "Typed title"  # metadata typed by a curator stays
    assert "kept the title Typed title (changed by hand)" in job.notes[0]
    assert typed.history.count() == 2


def test_metadata_changed_by_a_curator_is_kept_and_the_rest_follows_the_page(site, capture):
    document = capture(site.url("/live/losses.html")).document
    document.title = "Losses: the live page"
    document.save()
    site.version = 2
    job = capture(site.url("/live/losses.html"))
    document.refresh_from_db()
    assert job.outcome == "updated"
    assert document.title == "Losses: the live page"
    assert job.notes == ["kept the title Losses: the live page (changed by hand); the page now says "
                         "Live: North Korean losses in Russia, what we know"]
    assert document.published_on == dt.date(2025, 9, 5)


def test_a_failed_capture_leaves_the_database_without_a_document(site, capture):
    job = capture(site.url("/gone.html"))
    assert (job.state, job.outcome, job.document, job.attempts) == ("failed", "", None, 1)
    assert job.error == f"{site.url('/gone.html')}: the server answered HTTP 404 Not Found"
    assert Document.objects.count() == 0 and ImportRun.objects.count() == 0


def test_an_inline_capture_is_not_retried_and_says_so(site, capture):
    job = capture(site.url("/down.html"))
    assert job.state == "failed"
    assert job.error == f"{site.url('/down.html')}: the server answered HTTP 503 Service Unavailable (not retried: inline capture)"


def test_a_key_taken_by_another_capture_at_the_same_time_is_retried_not_failed(db, site, archives, monkeypatch):
    """Two workers capturing two addresses of one article (same title, same date) both pick the free key; the
    one that writes second must be retried (the retry picks the next free key), never failed for good."""
    from sources.capture import documents
    from sources.capture.jobs import capture_job_run

    first = DocumentFactory(key="2025-09-04-taken-by-the-other-worker", url="https://example.org/other")
    job = CaptureJob.objects.create(url=site.url("/news/seoul-2000.html"))
    monkeypatch.setattr(documents, "_unique_key", lambda *args: first.key)  # what the other worker just wrote
    job, retry_in = capture_job_run(job_id=job.pk, retry=True)
    job.refresh_from_db()
    assert (job.state, job.attempts, retry_in is not None) == ("queued", 1, True), job.error
    assert "at the same time" in job.error
    assert Document.objects.count() == 1
    monkeypatch.undo()
    job, retry_in = capture_job_run(job_id=job.pk, retry=True)
    job.refresh_from_db()
    assert (job.state, job.attempts, retry_in) == ("done", 2, None), job.error
    assert job.document.key != first.key


def test_only_a_taken_key_or_address_counts_as_a_capture_beside_this_one(db):
    from django.core.exceptions import ValidationError

    from sources.capture.documents import _only_taken

    taken = DocumentFactory(key="2025-09-04-a-key", url="https://example.org/a")
    same_address = DocumentFactory.build(url=taken.url, publisher=taken.publisher)
    same_key = DocumentFactory.build(key=taken.key, publisher=taken.publisher)
    empty_body = DocumentFactory.build(key=taken.key, body="", publisher=taken.publisher)
    for document, expected in ((same_address, True), (same_key, True), (empty_body, False)):
        try:
            document.full_clean()
        except ValidationError as exc:
            assert _only_taken(exc) is expected, (document.key, exc)
        else:
            raise AssertionError(f"{document.key} was expected not to be valid")
