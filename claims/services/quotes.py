"""Finding and checking verbatim quotes in document bodies — the way curators paste them.

A curator copies a quote from a browser or a word processor: the straight apostrophe may stand for the
article's curly one, a dash may be another dash, a non-breaking space an ordinary one, and the same
accented letter may come composed (NFC) or decomposed (NFD). :func:`quote_locate` finds the quote through
those differences and returns the **document's exact span** (so ``body[start:end]`` is what gets stored),
with a sentence saying what was normalised. A quote that is still absent gets an error naming the closest
passage of the body and the first character that differs (position, expected, found).

What is tolerated (both sides are *folded* before comparing, with a map back to the body's offsets):

- quotation marks: “ ” „ ‟ « » ″ and " are one; apostrophes and single quotes: ‘ ’ ‚ ‛ ‹ › ′ and ' are one;
- dashes: ‐ ‑ ‒ – — ― − and - are one;
- white space: any run of spaces, tabs, line breaks, no-break or thin spaces is one space; soft hyphens
  and zero-width characters are ignored; leading and trailing white space of the quote is ignored;
- Unicode normalisation: NFC and NFD forms of the same text are one; the ellipsis … is three dots.

Nothing else is: letters, digits, their case and punctuation other than the above must be as the document
has them (a quote is verbatim; "2.000" is not "2,000").

:func:`wording_check` holds an estimate's ``wording`` to the same standard against its claim's quotes.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass

DOUBLE_QUOTES = "\"“”„‟«»″〝〞＂"
SINGLE_QUOTES = "'‘’‚‛‹›′＇`´"
DASHES = "-‐‑‒–—―−﹘﹣－"
IGNORED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

CLASSES = {
    "quotation marks": DOUBLE_QUOTES,
    "apostrophes and single quotes": SINGLE_QUOTES,
    "dashes": DASHES,
}


class QuoteError(ValueError):
    pass


class QuoteNotFound(QuoteError):
    """The quote is not in the body, even folded; ``closest`` is the nearest passage (start, end) or None."""

    def __init__(self, message, *, closest=None, difference=None):
        super().__init__(message)
        self.closest = closest
        self.difference = difference  # {"position", "offset", "expected", "found"} or None


class QuoteAmbiguous(QuoteError):
    pass


class WordingNotInQuotes(QuoteError):
    pass


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote is: the document's exact span ``text == body[start:end]`` and what was normalised."""

    start: int
    end: int
    text: str
    normalised: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if not self.normalised:
            return ""
        return (f"the quote was found at {self.start}–{self.end} after normalising {', '.join(self.normalised)}; "
                f"the document's exact text is stored")


def _fold_char(char: str) -> str:
    if char in IGNORED:
        return ""
    if char in DOUBLE_QUOTES:
        return '"'
    if char in SINGLE_QUOTES:
        return "'"
    if char in DASHES:
        return "-"
    if char == "…":
        return "..."
    if char.isspace():
        return " "
    return unicodedata.normalize("NFD", char)


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` folded (see the module docstring) and, for each folded character, its index in ``text``."""
    out, index = [], []
    previous_space = True  # drops leading white space
    for i, char in enumerate(text):
        folded = _fold_char(char)
        for piece in folded:
            if piece == " ":
                if previous_space:
                    continue
                previous_space = True
            else:
                previous_space = False
            out.append(piece)
            index.append(i)
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def _normalised(quote: str, found: str) -> tuple[str, ...]:
    """Names of the kinds of difference between the quote as pasted and the document's text."""
    what = []
    if any(unicodedata.is_normalized(form, quote) != unicodedata.is_normalized(form, found) for form in ("NFC", "NFD")):
        what.append("Unicode form (NFC/NFD)")
    for name, chars in CLASSES.items():
        mine = [c for c in quote if c in chars]
        theirs = [c for c in found if c in chars]
        if mine != theirs:
            what.append(f"{name} ({_chars(mine)} in the quote, {_chars(theirs)} in the document)")
    if re.findall(r"\s+", quote.strip()) != re.findall(r"\s+", found) or quote != quote.strip():
        what.append("white space (runs, no-break or thin spaces, line breaks)")
    if any(c in IGNORED for c in quote + found):
        what.append("soft hyphens and zero-width characters")
    if ("…" in quote) != ("…" in found):
        what.append("the ellipsis (… and ...)")
    return tuple(what)


def _chars(chars) -> str:
    unique = "".join(dict.fromkeys(chars))
    return " ".join(unique) if unique else "none"


def quote_locate(*, body: str, quote: str) -> QuoteMatch:
    """The only occurrence of ``quote`` in ``body``, exact or through the tolerated differences.

    Raises ``QuoteNotFound`` (with the closest passage and the first differing character) when it is
    absent, ``QuoteAmbiguous`` when it occurs more than once (then the caller must give offsets).
    """
    if not quote or not quote.strip():
        raise QuoteNotFound("the quote is empty")
    first = body.find(quote)
    if first >= 0:
        second = body.find(quote, first + 1)
        if second >= 0:
            raise _ambiguous(quote, first, second)
        return QuoteMatch(first, first + len(quote), quote)
    folded_body, body_index = fold(body)
    folded_quote, quote_index = fold(quote)
    if not folded_quote:
        raise QuoteNotFound("the quote is empty once white space and invisible characters are set aside")
    at = folded_body.find(folded_quote)
    if at < 0:
        raise _not_found(body, quote, folded_body, body_index, folded_quote, quote_index)
    again = folded_body.find(folded_quote, at + 1)
    start = body_index[at]
    end = body_index[at + len(folded_quote) - 1] + 1
    while end < len(body) and unicodedata.combining(body[end]):  # keep a decomposed letter whole
        end += 1
    if again >= 0:
        raise _ambiguous(quote, start, body_index[again])
    found = body[start:end]
    return QuoteMatch(start, end, found, _normalised(quote, found))


def quote_matches_span(*, body: str, quote: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is ``quote`` (exactly, or through the tolerated differences)."""
    if start < 0 or end > len(body) or start >= end:
        return False
    found = body[start:end]
    return found == quote or fold(found)[0] == fold(quote)[0]


def _ambiguous(quote, first, second):
    return QuoteAmbiguous(
        f"the quote {_short(quote)!r} occurs more than once in the document body "
        f"(at offsets {first} and {second}); give start and end"
    )


def _not_found(body, quote, folded_body, body_index, folded_quote, quote_index):
    matcher = difflib.SequenceMatcher(None, folded_body, folded_quote, autojunk=False)
    block = matcher.find_longest_match(0, len(folded_body), 0, len(folded_quote))
    if block.size == 0:
        return QuoteNotFound(
            f"the quote {_short(quote)!r} does not occur in the document body, and no passage of it resembles "
            f"the quote (checked after normalising quotation marks, apostrophes, dashes, white space and "
            f"Unicode form)"
        )
    aligned = max(0, block.a - block.b)
    k = next((i for i in range(len(folded_quote))
              if aligned + i >= len(folded_body) or folded_body[aligned + i] != folded_quote[i]), len(folded_quote))
    window_end = min(len(folded_body), aligned + len(folded_quote)) - 1
    start, end = body_index[aligned], body_index[max(aligned, window_end)] + 1
    position = quote_index[k] if k < len(quote_index) else len(quote)
    if aligned + k < len(folded_body):
        offset = body_index[aligned + k]
        expected = body[offset]
    else:
        offset, expected = len(body), "the end of the document"
    found = quote[position] if position < len(quote) else "the end of the quote"
    difference = {"position": position, "offset": offset, "expected": expected, "found": found}
    return QuoteNotFound(
        f"the quote {_short(quote)!r} does not occur in the document body (even after normalising quotation "
        f"marks, apostrophes, dashes, white space and Unicode form). The closest passage is at {start}–{end}: "
        f"{_short(body[start:end])!r}. They first differ at character {position} of the quote (document offset "
        f"{offset}): expected {expected!r} as the document has it, found {found!r}",
        closest=(start, end), difference=difference,
    )


def wording_check(*, wording: str, quotes: list[str], label: str = "the estimate's wording") -> None:
    """``wording`` must occur in one of ``quotes`` (with the tolerance of :func:`quote_locate`); else a clear error.

    An empty wording is allowed (nothing was worded).
    """
    if not wording or not wording.strip():
        return
    if any(wording in quote for quote in quotes):
        return  # exactly as a quote has it (the common case: no folding needed)
    folded_wording = fold(wording)[0]
    folded_quotes = [fold(quote)[0] for quote in quotes]
    if any(folded_wording in quote for quote in folded_quotes):
        return
    if not quotes:
        raise WordingNotInQuotes(
            f"{label} {wording!r} cannot be checked: the claim has no quote yet (add its appearance first)"
        )
    best = max(quotes, key=lambda q: difflib.SequenceMatcher(None, fold(q)[0], folded_wording,
                                                             autojunk=False).find_longest_match().size)
    raise WordingNotInQuotes(
        f"{label} {wording!r} does not occur in any quote of its claim (the closest is {_short(best)!r}); "
        f"give the quantity exactly as the quote words it"
    )


def locate_quote(body: str, quote: str) -> tuple[int, int]:
    """``(start, end)`` of :func:`quote_locate` (kept for callers that need only the span)."""
    match = quote_locate(body=body, quote=quote)
    return match.start, match.end


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
