"""Finding and checking verbatim quotes in document bodies."""


class QuoteError(ValueError):
    pass


class QuoteNotFound(QuoteError):
    pass


class QuoteAmbiguous(QuoteError):
    pass


def locate_quote(body: str, quote: str) -> tuple[int, int]:
    """The (start, end) of the only occurrence of ``quote`` in ``body``.

    Raises QuoteNotFound when it is absent and QuoteAmbiguous when it occurs more than once (then the
    caller must give offsets).
    """
    if not quote:
        raise QuoteNotFound("the quote is empty")
    first = body.find(quote)
    if first < 0:
        raise QuoteNotFound(f"the quote {_short(quote)!r} does not occur in the document body")
    second = body.find(quote, first + 1)
    if second >= 0:
        raise QuoteAmbiguous(
            f"the quote {_short(quote)!r} occurs more than once in the document body "
            f"(at offsets {first} and {second}); give start and end"
        )
    return first, first + len(quote)


def describe_mismatch(body: str, quote: str, start: int, end: int) -> str | None:
    """None when ``body[start:end] == quote``; otherwise a sentence saying where they differ."""
    if start < 0 or end > len(body) or start >= end:
        return f"the span {start}–{end} lies outside the document body (length {len(body)})"
    found = body[start:end]
    if found == quote:
        return None
    at = next((i for i, (a, b) in enumerate(zip(found, quote)) if a != b), min(len(found), len(quote)))
    return (
        f"the quote does not match the document at {start}–{end}: they differ from character {at} "
        f"(quote has {_short(quote[at:at + 20])!r}, document has {_short(found[at:at + 20])!r})"
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
