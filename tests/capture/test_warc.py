"""The archive: a WARC file any WARC reader can read, with digests that prove the response."""

import gzip
import hashlib
import io

import pytest
from warcio.archiveiterator import ArchiveIterator

from sources.capture.fetching import fetch
from sources.capture.warc import ArchiveDamaged, sha256_digest, warc_build, warc_read_response


def _records(data: bytes):
    out = []
    for record in ArchiveIterator(io.BytesIO(data), check_digests="raise"):
        out.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()))
    return out


def test_the_archive_holds_a_request_and_a_response_for_every_hop(site):
    data, final_id = warc_build(fetch(site.url("/old-address")))
    records = _records(data)
    assert [(kind, uri) for kind, uri, _ in records] == [
        ("warcinfo", None),
        ("response", site.url("/old-address")), ("request", site.url("/old-address")),
        ("response", site.url("/news/seoul-2000.html")), ("request", site.url("/news/seoul-2000.html")),
    ]
    assert b"Seoul says 2,000 North Korean soldiers" in records[3][2]
    assert b"robots.txt not consulted" in records[0][2]


def test_the_payload_digest_is_the_sha256_of_the_body_as_received(site):
    result = fetch(site.url("/gzipped.html"))
    data, final_id = warc_build(result)
    response = warc_read_response(io.BytesIO(data), record_id=final_id)
    assert response.payload == result.final.payload
    assert response.payload_digest == sha256_digest(result.final.payload)
    assert response.payload_digest.startswith("sha256:")
    assert b"<title>Seoul says" in response.content(limit=10**6)


def test_warcio_checks_both_digests_of_every_record(site):
    data, _ = warc_build(fetch(site.url("/short")))
    for record in ArchiveIterator(io.BytesIO(data), check_digests=True):
        record.content_stream().read()
        assert record.digest_checker.passed is not False, record.digest_checker.problems


def test_a_changed_byte_in_the_archive_is_detected(site):
    data, final_id = warc_build(fetch(site.url("/news/seoul-2000.html")))
    tampered = gzip.decompress(data).replace(b"about 2,000 North Korean", b"about 9,000 North Korean")
    with pytest.raises(ArchiveDamaged, match="payload digest failed"):
        warc_read_response(io.BytesIO(tampered), record_id=final_id)


def test_a_missing_record_is_reported(site):
    data, _ = warc_build(fetch(site.url("/news/seoul-2000.html")))
    with pytest.raises(ArchiveDamaged, match="the archive has no response record <urn:uuid:nope>"):
        warc_read_response(io.BytesIO(data), record_id="<urn:uuid:nope>")


def test_a_chunked_response_keeps_its_transfer_encoding_under_another_name(site):
    site.huge_chunks = 2
    result = fetch(site.url("/huge.html"))
    data, final_id = warc_build(result)
    response = warc_read_response(io.BytesIO(data), record_id=final_id)
    names = [name for name, _ in response.headers]
    assert "X-Archive-Orig-Transfer-Encoding" in names and "Transfer-Encoding" not in names
    assert hashlib.sha256(response.content(limit=10**7)).digest() == hashlib.sha256(result.final.payload).digest()
