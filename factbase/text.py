"""Text normalisation for search: case- and accent-insensitive in any script.

``normalize_for_search("Πούτιν") == normalize_for_search("πουτιν") == "πουτιν"``. Used to fill the
stored search columns and to prepare queries, so that SQLite and PostgreSQL give the same answers.
"""

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # NFKD and NFKC leave ASCII as it is, and it has no combining marks
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Recompose so that scripts whose syllables are built from jamo (Hangul) compare as typed.
    return unicodedata.normalize("NFKC", stripped)


def normalize_for_search(text: str) -> str:
    """Lower-case (casefold), accent-free, punctuation as spaces, single-spaced."""
    if not text:
        return ""
    text = strip_accents(text.casefold())
    text = text.replace("ς", "σ")  # Greek final sigma folds with medial sigma
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def search_terms(query: str) -> list[str]:
    """The normalised words of a free-text query."""
    return [term for term in normalize_for_search(query).split(" ") if term]
