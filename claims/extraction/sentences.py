"""Cutting an article into paragraphs and sentences, and finding quotations, in el, en, ko, ar and ru.

Fixed rules rather than a library: measured against pysbd 0.3.4 on the same hand-segmented cases
(``bench/segmentation``, figures in docs/benchmarks.md), these rules found more of the boundaries and
made fewer false ones, and pysbd has no Korean. A sentence ends at ``. ! ? ؟ 。`` (or at a closing
quotation mark right after one) when what follows is white space and then not a lower-case letter, except
after an abbreviation ("Reps.", "Sept.", "Gen.", "κ.", "г.", "тыс.") or an initial ("A."); quotation
marks are balanced, so a sentence never ends inside «…», “…” or a straight-quoted "…" closed on the same
line; a line break always ends a sentence.
"""

import re

from factbase.text import strip_accents

# Words that end with a full stop without ending the sentence (compared case-insensitively, without
# the stop). Month abbreviations, titles, and the units news copy abbreviates.
_ABBREVIATIONS = {
    "en": {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "rep", "reps", "sen",
        "sens", "gov", "pres", "st", "mt", "jr", "sr", "inc", "corp", "ltd", "co", "no", "nos", "vs", "etc", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k",
        "e.g", "i.e", "a.m", "p.m", "fig", "vol", "est", "brig", "cmdr", "supt", "insp", "cpl", "lieut",
    },
    "el": {"κ", "κα", "δρ", "δρα", "καθ", "π.χ", "δηλ", "χιλ", "εκατ", "δισ", "αρ", "σελ", "βλ", "κλπ", "κ.λπ", "στρ", "υπ", "ιαν", "φεβ", "σεπτ", "οκτ", "νοεμ", "δεκ"},
    "ru": {
        "г", "гг", "т.е", "т.д", "т.п", "тыс", "млн", "млрд", "руб", "им", "ул", "пр", "проф", "ген", "англ", "др",
        "мин", "см", "ст", "обл", "р", "чел", "янв", "февр", "сент", "окт", "нояб", "дек",
        # "корр. ТАСС" (correspondent), "зам. министра", "пред. правления"
        "корр", "спецкорр", "зам", "пред", "нач",
    },
    "ar": set(),
    "ko": set(),
}
_OPENERS = "«“„"
_CLOSERS = "»”"
_TERMINALS = ".!?؟。"
# A quotation may hold another one ("«… теплоход «Арабелла», и …»": Russian writes both with guillemets): one level
# of nesting is read as one quotation, the outer one.
QUOTATION = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)+»|«[^«»]+»|“[^“”]+”|„[^„“”]+[“”]|\"[^\"\n]+\"")


def base_language(language: str) -> str:
    return (language or "en").split("-")[0].lower()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by a blank line (or a single line break)."""
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        _add_span(text, spans, start, match.start())
        start = match.end()
    _add_span(text, spans, start, len(text))
    return spans


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (see the module docstring for the rules)."""
    language = base_language(language)
    abbreviations = _ABBREVIATIONS.get(language, set()) | _ABBREVIATIONS["en"]
    spans, start, depth = [], 0, 0
    length = len(text)
    index = 0
    while index < length:
        char = text[index]
        if char == "\n":
            depth = 0
            _add_span(text, spans, start, index)
            start = index + 1
        elif char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
            # 600.” However — a quotation that ends its sentence.
            if depth == 0 and index > 0 and text[index - 1] in _TERMINALS and _ends_here(text, index + 1):
                _add_span(text, spans, start, index + 1)
                start = index + 1
        elif char == '"' and depth == 0 and index > 0 and text[index - 1] in _TERMINALS and _ends_here(text, index + 1):
            # A straight closing quotation mark after a full stop: `… at least 600." However`.
            if text[start:index].count('"') % 2 == 1:
                _add_span(text, spans, start, index + 1)
                start = index + 1
        elif char in _TERMINALS and depth == 0:
            if _inside_straight_quotes(text, start, index) or _inside_dash_quotation(text, start, index):
                pass  # '"Потери … артиллерии. Уничтожены …", - говорится': one quotation, one sentence
            elif _ends_here(text, index + 1) and not (char == "." and _abbreviation_before(text, index, abbreviations)):
                if not (text[index + 1:index + 2] in _CLOSERS or text[index + 1:index + 2] == '"'):
                    _add_span(text, spans, start, index + 1)
                    start = index + 1
        index += 1
    _add_span(text, spans, start, length)
    return spans


def _inside_straight_quotes(text: str, start: int, index: int) -> bool:
    """Whether ``index`` is inside a straight-quoted passage "…" opened in this sentence and closed later on
    the same line (not only by the closing mark right after the stop: `600." However` ends there)."""
    if text[start:index].count('"') % 2 == 0:
        return False
    line_end = text.find("\n", index)
    rest = text[index + 1:line_end if line_end != -1 else len(text)]
    return '"' in rest and not re.match(r'\s*"', text[index + 1:])


# A line of reported speech set off by dashes (Russian and Greek typography): "– Предварительно установлено …
# более 60 человек. К сожалению, … увеличиться, – говорится на сайте ведомства."
DASH_QUOTATION = re.compile(r"(?m)^[ \t]*[–—][ \t]+[^\n]+?[,.!?…][ \t]+[–—](?=[ \t]+[^\W\d_])")


def _inside_dash_quotation(text: str, start: int, index: int) -> bool:
    """Whether ``index`` is inside a dash-set quotation that opens this sentence's line: one sentence, its
    speaker's (the verb after the closing dash)."""
    line_start = text.rfind("\n", 0, start) + 1
    match = DASH_QUOTATION.match(text, line_start)
    return bool(match) and start <= index < match.end() and line_start <= start


def _ends_here(text: str, position: int) -> bool:
    """Whether a sentence may end just before ``position``: end of text, or white space then no lower-case."""
    following = text[position:position + 1]
    if not following:
        return True
    if not following.isspace():
        return False
    next_letter = text[position:].lstrip()[:1]
    return not next_letter or not next_letter.islower()


def _abbreviation_before(text: str, dot: int, abbreviations: set[str]) -> bool:
    match = re.search(r"([^\W\d_](?:[\w.]*[^\W\d_])?)$", text[max(0, dot - 12):dot])
    if not match:
        return False
    word = strip_accents(match.group(1).casefold())
    if word in abbreviations:
        return True
    # An initial ("John F. Kennedy") — one capital letter, not a one-letter word ending a sentence in
    # languages without case.
    return len(word) == 1 and match.group(1).isupper()


def _add_span(text, spans, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def quotation_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in the sentence, marks included."""
    spans = [(m.start(), m.end()) for m in QUOTATION.finditer(sentence)]
    dash = DASH_QUOTATION.match(sentence)
    if dash and not any(s < dash.end() and dash.start() < e for s, e in spans):
        spans.insert(0, (dash.start(), dash.end() - 1))  # the quotation without its closing dash
    return spans
