"""verify_provenance re-reads every captured document's archive: digests and extraction must agree."""

import gzip

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sources.capture.verification import capture_verify, captures_verify
from sources.models import Document


def test_a_captured_document_verifies(site, capture, capsys):
    capture(site.url("/news/seoul-2000.html"))
    capture(site.url("/ko/article.html"))
    call_command("verify_provenance")
    out = capsys.readouterr().out
    assert "re-read the archived response of 2 captured documents" in out
    assert "0 problem(s)" in out


def test_documents_without_an_archive_are_not_checked_here(site, capture):
    from tests.sources.factories import DocumentFactory

    DocumentFactory()
    capture(site.url("/news/seoul-2000.html"))
    assert captures_verify()[0] == 1


def test_a_tampered_archive_is_reported(site, capture, archives, capsys):
    document = capture(site.url("/news/seoul-2000.html")).document
    path = archives / document.warc_archive
    # Stored back uncompressed (WARC readers take both): one figure changed in the archived page.
    path.write_bytes(gzip.decompress(path.read_bytes()).replace(b"about 2,000", b"about 9,000"))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("verify_provenance")
    err = capsys.readouterr().err
    assert f"document {document.key}: archive {document.warc_archive}: record {document.warc_record_id}: " in err
    assert "payload digest failed" in err


def test_a_missing_archive_is_reported(site, capture, archives):
    document = capture(site.url("/news/seoul-2000.html")).document
    (archives / document.warc_archive).unlink()
    [problem] = capture_verify(document)
    assert str(problem).startswith(f"document {document.key}: archive {document.warc_archive}: the archive")
    assert "cannot be opened" in str(problem)


def test_a_body_that_is_not_the_extracted_text_is_reported(site, capture):
    document = capture(site.url("/news/seoul-2000.html")).document
    Document.objects.filter(pk=document.pk).update(body=document.body.replace("about 2,000", "about 3,000"))
    document.refresh_from_db()
    [problem] = capture_verify(document)
    assert f"the body is not the text extracted from its archived response {document.warc_record_id}" in str(problem)
    assert "archive gives '2,000 North Korean" in str(problem) and "body has '3,000 North Korean" in str(problem)


def test_a_recorded_digest_that_differs_from_the_archive_is_reported(site, capture):
    document = capture(site.url("/news/seoul-2000.html")).document
    Document.objects.filter(pk=document.pk).update(warc_payload_digest="sha256:AAAA")
    document.refresh_from_db()
    [problem] = capture_verify(document)
    assert "but the document records sha256:AAAA" in str(problem)
