"""Raw articles as archived: the seed's " date YYYY-MM-DD <body>" format."""

import datetime as dt
import re

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
