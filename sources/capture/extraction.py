"""The main text and metadata of an archived response: HTML through trafilatura, PDF through pypdf, plain
text as it is.

Extraction is a pure function of the archived response (its bytes, headers, address and date), so
``verify_provenance`` can run it again on the archive and expect the stored body exactly. Its settings
are fixed here for that reason: precision over recall (navigation, ads, comments, related links and
footers left out), no comments, tables kept, and the publication date looked for in the page's metadata
and markup only (not guessed from any date in the text), no later than the capture itself.
"""

import datetime as dt
import io
import logging
import re
from dataclasses import dataclass
from importlib.metadata import version

import langcodes
from django.core.exceptions import ValidationError

from factbase.validators import validate_language
from sources.articles import detect_language

from .errors import ResponseRefused
from .fetching import ACCEPTED_TYPES, header
from .warc import ArchivedResponse

EXTRACTOR = f"trafilatura {version('trafilatura')}, pypdf {version('pypdf')}"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)

# trafilatura logs every page it finds no text in at WARNING; the capture reports that itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


@dataclass(frozen=True)
class ExtractedText:
    """What a captured response says: its main text and what it says about itself."""

    body: str
    title: str = ""
    authors: str = ""
    published_on: dt.date | None = None
    language: str = ""


def extract_response(response: ArchivedResponse, *, limit: int) -> ExtractedText:
    """The main text and metadata of ``response``; ResponseRefused when there is no text to keep."""
    kind = ACCEPTED_TYPES.get(response.content_type)
    if kind is None:
        raise ResponseRefused(f"{response.url}: {response.content_type or 'no content type'} is not HTML, plain text or PDF")
    content = response.content(limit=limit)
    if kind == "html":
        extracted = _from_html(content, response)
    elif kind == "pdf":
        extracted = _from_pdf(content, response)
    else:
        extracted = ExtractedText(body=_clean(_decode(content, response)))
    if not extracted.body:
        raise ResponseRefused(f"{response.url}: no main text was found in the page")
    language = (_language_tag(extracted.language) or _language_tag(header(response.headers, "content-language"))
                or detect_language(extracted.body))
    return ExtractedText(
        body=extracted.body, title=extracted.title[:500], authors=extracted.authors[:500],
        published_on=extracted.published_on, language=language,
    )


def _charset(response: ArchivedResponse) -> str | None:
    match = _CHARSET.search(header(response.headers, "content-type"))
    if not match:
        return None
    try:
        "".encode(match.group(1))
    except LookupError:
        return None
    return match.group(1)


def _decode(content: bytes, response: ArchivedResponse) -> str:
    charset = _charset(response)
    if charset:
        return content.decode(charset, errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes  # imported when needed, as the other readers below

        best = from_bytes(content).best()
        return str(best) if best is not None else content.decode("utf-8", errors="replace")


def _clean(text: str) -> str:
    # PostgreSQL text cannot hold NUL; line endings are one kind; quotes are located in this exact string.
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _from_html(content: bytes, response: ArchivedResponse) -> ExtractedText:
    # The readers (trafilatura, lxml, pypdf, charset_normalizer) are imported when a capture first needs them, not
    # with the app: together they cost about a quarter of a second of every process's start (a server's worker, a
    # management command), most of which never read a page.
    import trafilatura

    # A charset the server declared wins; without one trafilatura reads the page's own declaration.
    markup = content.decode(_charset(response), errors="replace") if _charset(response) else content
    document = trafilatura.bare_extraction(
        markup, url=response.url, favor_precision=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, with_metadata=True, deduplicate=False,
        date_extraction_params={
            "original_date": True, "extensive_search": False, "max_date": response.date.date().isoformat(),
        },
    )
    if document is None:
        return ExtractedText(body="")
    published_on = None
    if document.date:
        try:
            published_on = dt.date.fromisoformat(document.date[:10])
        except ValueError:
            published_on = None
    return ExtractedText(
        body=_clean(document.text or ""), title=_clean(document.title or ""), authors=_clean(document.author or ""),
        published_on=published_on, language=_html_language(markup),
    )


def _html_language(markup: str | bytes) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(markup[:65536] if isinstance(markup, str) else markup)
    except (ValueError, lxml.etree.ParserError):
        return ""
    if root.tag != "html":
        root = root.getroottree().getroot()
    return (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()


def _from_pdf(content: bytes, response: ArchivedResponse) -> ExtractedText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ResponseRefused(f"{response.url}: the PDF is encrypted; its text cannot be read")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except PdfReadError as exc:
        raise ResponseRefused(f"{response.url}: not a readable PDF ({exc})") from None
    body = _clean("\n\n".join(text.strip() for text in pages if text.strip()))
    if not body:
        raise ResponseRefused(f"{response.url}: the PDF has no text layer (a scan?); nothing to quote from")
    published_on = None
    try:
        created = info.creation_date if info is not None else None
    except (ValueError, TypeError):  # a malformed date string in the PDF's metadata: no date, not a failure
        created = None
    if created is not None:
        published_on = min(created.date(), response.date.date())
    return ExtractedText(
        body=body, title=_clean(str(info.title or "")) if info else "", authors=_clean(str(info.author or "")) if info else "",
        published_on=published_on,
    )


def _language_tag(text: str) -> str:
    """``text`` as a standard BCP 47 tag ("en", "ko", "pt-BR"), or "" when it is not one."""
    text = (text or "").split(",")[0].strip()
    if not text:
        return ""
    try:
        tag = langcodes.standardize_tag(text)
        validate_language(tag)
    except (ValueError, ValidationError, LookupError):
        return ""
    return tag if langcodes.Language.get(tag).is_valid() else ""
