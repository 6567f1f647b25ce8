"""The HTTP exchanges of a capture as a WARC file (ISO 28500, WARC/1.1), and a response read back.

Written with warcio: one ``warcinfo`` record, then a ``request`` and a ``response`` record per exchange
(redirects included), gzip-compressed per record. Digests are SHA-256 (``sha256:`` + base32, as warcio
writes and checks them): ``WARC-Payload-Digest`` over the response body as received (after the chunked
transfer coding is removed, before any content coding such as gzip is undone — the WARC definition), and
``WARC-Block-Digest`` over the HTTP headers and body. The transfer coding is gone from the stored body, so
the ``Transfer-Encoding`` header is kept as ``X-Archive-Orig-Transfer-Encoding``, as web archives do.
"""

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from importlib.metadata import version

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date, iso_date_to_datetime
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from .errors import CaptureError, ResponseRefused
from .fetching import Exchange, FetchResult, header, media_type

SOFTWARE = f"factbase capture (warcio {version('warcio')}, httpx {version('httpx')})"
ROBOTS_POLICY = "robots.txt not consulted: one page fetched at a curator's request, never crawled (docs/operations.md)"


def sha256_digest(data: bytes) -> str:
    """``sha256:<base32>``, the form warcio writes and checks."""
    digester = Digester("sha256")
    digester.update(data)
    return str(digester)


def _archived_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("X-Archive-Orig-Transfer-Encoding" if name.lower() == "transfer-encoding" else name, value)
            for name, value in headers]


def _record(writer, *, uri, record_type, status_line, protocol, headers, payload, date, extra=None):
    http_headers = StatusAndHeaders(status_line, headers, protocol=protocol)
    http_headers.compute_headers_buffer()
    warc_headers = {
        "WARC-Date": date,
        "WARC-Payload-Digest": sha256_digest(payload),
        "WARC-Block-Digest": sha256_digest(http_headers.headers_buff + payload),
        **(extra or {}),
    }
    return writer.create_warc_record(uri, record_type, payload=io.BytesIO(payload), length=len(payload),
                                     http_headers=http_headers, warc_headers_dict=warc_headers)


def warc_build(result: FetchResult) -> tuple[bytes, str]:
    """The WARC file of a fetch, and the WARC-Record-ID of its final response record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record("capture.warc.gz", {
        "software": SOFTWARE, "format": "WARC File Format 1.1", "robots": ROBOTS_POLICY,
    }))
    final_id = ""
    for exchange in result.exchanges:
        date = datetime_to_iso_date(exchange.started_at.astimezone(dt.timezone.utc).replace(tzinfo=None), use_micros=True)
        extra = {"WARC-IP-Address": exchange.peer_address} if exchange.peer_address else {}
        response = _record(
            writer, uri=exchange.url, record_type="response", status_line=f"{exchange.status} {exchange.reason}".strip(),
            protocol=_protocol(exchange.http_version), headers=_archived_headers(exchange.response_headers),
            payload=exchange.payload, date=date, extra=extra,
        )
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        request = _record(
            writer, uri=exchange.url, record_type="request",
            status_line=f"{exchange.request_method} {exchange.request_target} {_protocol(exchange.http_version)}",
            protocol="", headers=exchange.request_headers, payload=b"", date=date,
            extra={"WARC-Concurrent-To": response_id},
        )
        writer.write_record(response)
        writer.write_record(request)
        final_id = response_id
    return buffer.getvalue(), final_id


def _protocol(http_version: str) -> str:
    # HTTP/2 responses are written with an HTTP/1.1 status line, as other archivers do: replay tools
    # read HTTP/1.x messages.
    return http_version if http_version in {"HTTP/1.0", "HTTP/1.1"} else "HTTP/1.1"


@dataclass
class ArchivedResponse:
    """A response record read back from an archive, its digests checked."""

    record_id: str
    url: str
    date: dt.datetime
    status: int
    headers: list[tuple[str, str]]
    payload: bytes
    payload_digest: str

    @property
    def content_type(self) -> str:
        return media_type(header(self.headers, "content-type"))

    def content(self, *, limit: int) -> bytes:
        """The body with its content coding (gzip, deflate) undone, at most ``limit`` bytes."""
        encoding = header(self.headers, "content-encoding").strip().lower()
        if encoding in {"", "identity"}:
            data = self.payload
        elif encoding in BufferedReader.get_supported_decompressors():
            try:
                data = BufferedReader(io.BytesIO(self.payload), decomp_type=encoding).read(limit + 1)
            except Exception as exc:  # zlib/brotli errors: a damaged or lying response
                raise ResponseRefused(f"{self.url}: the {encoding} body cannot be decompressed ({exc})") from None
        else:
            raise ResponseRefused(f"{self.url}: the content coding {encoding!r} is not supported")
        if len(data) > limit:
            raise ResponseRefused(f"{self.url}: the decompressed response is larger than the limit (CAPTURE_MAX_BYTES)")
        return data


class ArchiveDamaged(CaptureError):
    """An archive that cannot be read, lacks the record, or whose digests do not match its content."""


def warc_read_response(stream, *, record_id: str) -> ArchivedResponse:
    """The response record ``record_id`` of the WARC file in ``stream``, with both of its digests checked
    against its content (ArchiveDamaged names what does not match)."""
    try:
        for record in ArchiveIterator(stream, check_digests=True):
            if record.rec_type != "response" or record.rec_headers.get_header("WARC-Record-ID") != record_id:
                continue
            payload = record.raw_stream.read()
            record.raw_stream.read()  # to the end: the digest checker concludes there
            checker = record.digest_checker
            if checker.problems:
                raise ArchiveDamaged(f"record {record_id}: " + "; ".join(checker.problems))
            recorded = record.rec_headers.get_header("WARC-Payload-Digest") or ""
            if not recorded:
                raise ArchiveDamaged(f"record {record_id} has no WARC-Payload-Digest")
            found = _digest_like(recorded, payload)
            if found != recorded:
                raise ArchiveDamaged(f"record {record_id}: payload digest is {found}, the record says {recorded}")
            return ArchivedResponse(
                record_id=record_id, url=record.rec_headers.get_header("WARC-Target-URI"),
                date=iso_date_to_datetime(record.rec_headers.get_header("WARC-Date")).replace(tzinfo=dt.timezone.utc),
                status=int(record.http_headers.get_statuscode() or 0), headers=list(record.http_headers.headers),
                payload=payload, payload_digest=recorded,
            )
    except ArchiveLoadFailed as exc:
        raise ArchiveDamaged(f"the archive cannot be read: {exc}") from None
    except (OSError, EOFError, ValueError) as exc:
        raise ArchiveDamaged(f"the archive cannot be read: {type(exc).__name__}: {exc}") from None
    raise ArchiveDamaged(f"the archive has no response record {record_id}")


def _digest_like(recorded: str, payload: bytes) -> str:
    """The digest of ``payload`` in the algorithm and form of ``recorded`` (sha256/sha1, base32)."""
    algorithm = recorded.split(":", 1)[0].lower()
    if algorithm not in hashlib.algorithms_available:
        raise ArchiveDamaged(f"unknown digest algorithm in {recorded!r}")
    digester = Digester(algorithm)
    digester.update(payload)
    return str(digester)


def warc_find_response(stream, *, url: str, payload_digest: str) -> str:
    """The WARC-Record-ID of the response record for ``url`` with ``payload_digest`` (the last one, the
    final response of the capture stored under the archive's name)."""
    found = ""
    try:
        for record in ArchiveIterator(stream):
            headers = record.rec_headers
            if (record.rec_type == "response" and headers.get_header("WARC-Target-URI") == url
                    and headers.get_header("WARC-Payload-Digest") == payload_digest):
                found = headers.get_header("WARC-Record-ID")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        raise ArchiveDamaged(f"the archive cannot be read: {exc}") from None
    if not found:
        raise ArchiveDamaged(f"the archive holds no response for {url} with payload digest {payload_digest}")
    return found
