"""Raw articles as archived: reading the seed's " date YYYY-MM-DD <body>" format (or plain text with a
date given separately), guessing the language from the script, and saving an article as a Document."""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from factbase.cleaning import FULL
from factbase.system import system_user

from .models import Document, DocumentKind, sha256_text
from .services import documents_create

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+", re.IGNORECASE)


class ArticleFormatError(ValueError):
    pass


def parse_dated_article(text: str) -> tuple[dt.date, str]:
    """Split a raw article into its publication date and body.

    The archive format is `` date 2025-09-04 `` followed by the body on the same line. The body returned
    is the text after the header with surrounding white space removed.
    """
    match = _HEADER.match(text)
    if not match:
        raise ArticleFormatError("the file does not start with a 'date YYYY-MM-DD' header")
    try:
        published_on = dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise ArticleFormatError(f"the header date {match.group(1)!r} is not a real date") from None
    body = text[match.end():].strip()
    if not body:
        raise ArticleFormatError("the article has a date header but no text")
    return published_on, body


# --- Reading raw article files and guessing their language -------------------------------------------

# Scripts that name one language among those this project handles. Latin script says little (English,
# French, German...), so it gives the caller's default.
_SCRIPTS = [
    ("el", ("\u0370", "\u03ff"), ("\u1f00", "\u1fff")),  # Greek and Greek Extended
    ("ko", ("\uac00", "\ud7af"), ("\u1100", "\u11ff"), ("\u3130", "\u318f")),  # Hangul
    ("ru", ("\u0400", "\u04ff")),  # Cyrillic: Russian unless told otherwise
    ("ar", ("\u0600", "\u06ff"), ("\u0750", "\u077f"), ("\ufb50", "\ufdff"), ("\ufe70", "\ufeff")),  # Arabic
]


def detect_language(text: str, *, default: str = "en") -> str:
    """The language a text is most likely written in, from its script.

    Counts the letters of each script: the script with most letters decides — Greek → ``el``, Hangul →
    ``ko``, Cyrillic → ``ru``, Arabic → ``ar``. Text in Latin letters (or no letters) gives ``default``.
    A script detector cannot tell Russian from Ukrainian or Arabic from Persian: give ``--language`` then.
    """
    counts = dict.fromkeys([language for language, *_ in _SCRIPTS], 0)
    latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if char.isascii() or "\u00c0" <= char <= "\u024f":
            latin += 1
            continue
        for language, *ranges in _SCRIPTS:
            if any(low <= char <= high for low, high in ranges):
                counts[language] += 1
                break
    language, count = max(counts.items(), key=lambda item: item[1])
    return language if count > latin else default


def decode_article_bytes(data: bytes, *, name: str) -> str:
    """The text of a raw article file, or ArticleFormatError saying why it cannot be one.

    Refuses empty files, binary files (a NUL byte) and files that are not UTF-8 (a byte-order mark is
    accepted and dropped).
    """
    if not data.strip():
        raise ArticleFormatError(f"{name}: the file is empty")
    if b"\x00" in data:
        raise ArticleFormatError(f"{name}: the file is binary (it contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleFormatError(
            f"{name}: the file is not UTF-8 text (byte {exc.start} cannot be decoded); convert it to UTF-8 first"
        ) from None
    if not text.strip():
        raise ArticleFormatError(f"{name}: the file is empty")
    return text


def split_article(text: str, *, published_on: dt.date | None, name: str) -> tuple[dt.date, str]:
    """The publication date and body of a raw article.

    A file with a ``date YYYY-MM-DD`` header gives its own date (a ``published_on`` given as well must
    agree with it); plain text needs ``published_on``.
    """
    if _HEADER.match(text):
        try:
            header_date, body = parse_dated_article(text)
        except ArticleFormatError as exc:
            raise ArticleFormatError(f"{name}: {exc}") from None
        if published_on is not None and published_on != header_date:
            raise ArticleFormatError(
                f"{name}: the header says {header_date.isoformat()} but --date says {published_on.isoformat()}"
            )
        return header_date, body
    if published_on is None:
        raise ArticleFormatError(
            f"{name}: no publication date — the file has no 'date YYYY-MM-DD' header; give --date YYYY-MM-DD"
        )
    body = text.strip()
    if not body:
        raise ArticleFormatError(f"{name}: the file is empty")
    return published_on, body


# --- Saving an article as a Document -----------------------------------------------------------------

@dataclass(frozen=True)
class ArticleFile:
    """A raw article file read and checked: ready to become a Document."""

    name: str
    sha256: str  # of the file's bytes, as recorded in the import run
    published_on: dt.date
    language: str
    body: str
    key: str  # the document key it gets if it is new


def article_file_read(path: Path, *, published_on: dt.date | None = None, language: str | None = None) -> ArticleFile:
    """Read and check one raw article file; ArticleFormatError names the file and what is wrong."""
    name = str(path)
    if not path.exists():
        raise ArticleFormatError(f"{name}: no such file")
    if not path.is_file():
        raise ArticleFormatError(f"{name}: not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleFormatError(f"{name}: cannot be read ({exc.strerror})") from None
    text = decode_article_bytes(data, name=name)
    published_on, body = split_article(text, published_on=published_on, name=name)
    return ArticleFile(
        name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        published_on=published_on,
        language=language or detect_language(body),
        body=body,
        key=article_key(path, published_on),
    )


def article_key(path: Path, published_on: dt.date) -> str:
    """``<date>-<file name as a slug>``, e.g. ``2025-09-04-000-96f8c3dbb12c4205`` (at most 90 characters,
    leaving room for a ``-2`` suffix when another document already has the key)."""
    stem = slugify(path.stem) or "article"
    date = published_on.isoformat()
    key = stem if stem.startswith(date) else f"{date}-{stem}"
    return key[:90].rstrip("-")


def article_document_save(*, article: ArticleFile, run, publisher=None, url: str = "", title: str = "",
                          kind: str = DocumentKind.NEWS_ARTICLE, by=None) -> tuple[Document, bool]:
    """The Document holding ``article``'s body: the existing one with the same text (by body SHA-256),
    whose ``last_import_run`` becomes ``run``, or a new one written by ``documents_create`` as ``by``
    (default: the system user). Returns (document, created)."""
    existing = Document.objects.filter(body_sha256=sha256_text(article.body)).order_by("id").first()
    if existing is not None and existing.body == article.body:
        Document.objects.filter(pk=existing.pk).update(last_import_run=run)
        existing.last_import_run = run
        return existing, False
    if url and Document.objects.filter(url=url).exists():
        raise ArticleFormatError(f"{article.name}: another document with a different text already has the URL {url}")
    key, suffix = article.key, 1
    while Document.objects.filter(key=key).exists():
        suffix += 1
        key = f"{article.key}-{suffix}"
    document = Document(
        key=key, kind=kind, title=(title or _first_sentence(article.body))[:500], url=url, publisher=publisher,
        language=article.language, published_on=article.published_on, body=article.body,
        body_sha256=sha256_text(article.body),
    )
    try:
        document.full_clean()
    except ValidationError as exc:
        raise ArticleFormatError(f"{article.name}: {_describe(exc)}") from None
    documents_create(documents=[document], by=by or system_user(), run=run,
                     reason=f"{run.command} run #{run.pk}" if run is not None else "", validate=FULL)
    return document, True


def _first_sentence(body: str, limit: int = 200) -> str:
    first = re.split(r"(?<=[.!?؟])\s", body.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items())
    return " ".join(exc.messages)
