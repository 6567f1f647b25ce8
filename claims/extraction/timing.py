"""When a figure holds (its as-of date) and when it was stated, from the dates of its sentence.

Each date expression of the sentence (:func:`claims.extraction.dates.find_dates`) is classed:

- **since**: the start of a count ("since October 7", "منذ 7 أكتوبر", "10월7일 이후", "από τότε") — never
  the as-of date;
- **until**: the end of a count ("until 18 March", "έως τις 18 Μαρτίου", "19일 0시까지", "حتى 17 ابريل",
  "до 17 апреля") — the as-of date;
- **statement**: the day a reporting verb gives ("said on Monday", "ανακοίνωσε σήμερα") — the stated-on date;
- **event**: the day of the event the figure is about ("Friday’s attack", "지난 7일 발생한 강진") — ignored;
- otherwise the figure's **own** time words ("killed on 12 May", "in April", "지난 4월", "в апреле",
  "في أبريل").

A figure's as-of date is, in order: an until date; the statement date when the text says "so far"
(지금까지, до сих пор); its own date nearest to it; the statement date; the date of the previous figure
for "the same period" / "이날"; the previous sentence's date when the same source goes on speaking; the
publication date.
"""

import datetime as dt
import re
from dataclasses import dataclass

from factbase.choices import DatePrecision

from . import cues as C
from .dates import DateMention


@dataclass(frozen=True)
class When:
    value: dt.date
    precision: str


def classify(sentence: str, dates: list[DateMention], cue_ends: list[int], language: str) -> dict[str, list[DateMention]]:
    classes = {"since": [], "until": [], "statement": [], "own": [], "event": []}
    event_after = re.compile(C.EVENT_AFTER.get(language, r"$^"))
    event_before = re.compile(C.EVENT_BEFORE.get(language, r"$^"), re.IGNORECASE)
    since_before = re.compile(C.SINCE_BEFORE.get(language, r"$^"), re.IGNORECASE)
    since_after = re.compile(C.SINCE_AFTER.get(language, r"$^"))
    until_before = re.compile(C.UNTIL_BEFORE.get(language, r"$^"), re.IGNORECASE)
    until_after = re.compile(C.UNTIL_AFTER.get(language, r"$^"))
    statement_before = re.compile(C.STATEMENT_BEFORE.get(language, r"$^"), re.IGNORECASE)
    complementizers = "|".join(map(re.escape, C.COMPLEMENTIZERS.get(language, ()))) or r"$^"
    complementizer_after = re.compile(rf"\s*,?\s*(?:{complementizers})(?!\w)", re.IGNORECASE)
    for date in dates:
        before = sentence[max(0, date.start - 70):date.start]
        after = sentence[date.end:date.end + (70 if language == "ko" else 30)]
        if event_after.match(after) or event_before.search(sentence[max(0, date.start - 60):date.start]):
            classes["event"].append(date)  # the day of an attack or a quake: not when the figure holds
        elif until_before.search(before) or until_after.match(after):
            classes["until"].append(date)
        elif since_before.search(before) or since_after.match(after):
            classes["since"].append(date)
        elif any(0 <= date.start - end <= 25 for end in cue_ends) or statement_before.search(before) \
                or (any(0 <= date.start - end <= 70 and not re.search(r"\d", sentence[end:date.start]) for end in cue_ends)
                    and complementizer_after.match(after)):
            # "قالت الهيئة …، فى وقت متأخر الاثنين إن …", "the ministry said late on Monday that …": the date
            # between the verb and the reported clause is the statement's.
            classes["statement"].append(date)
        else:
            classes["own"].append(date)
    return classes


def figure_as_of(
    *, sentence: str, position: int, classes: dict[str, list[DateMention]], language: str,
    carried: When | None, previous_figure: When | None,
) -> When | None:
    """The as-of date of a figure at ``position`` in ``sentence``; None: the publication date."""
    def nearest(mentions):
        return min(mentions, key=lambda d: abs(d.start - position)) if mentions else None

    lowered = sentence.casefold()
    if classes["until"]:
        date = nearest(classes["until"])
        return When(date.value, date.precision)
    so_far = any(phrase in lowered for phrase in C.SO_FAR.get(language, ()))
    if so_far:
        date = classes["statement"][0] if classes["statement"] else None
        return When(date.value, date.precision) if date else None
    if any(phrase in lowered for phrase in C.SAME_PERIOD.get(language, ())) and previous_figure:
        return previous_figure
    own = [d for d in classes["own"] if not _clause_break(sentence, d, position, language)]
    if own:
        # The figure's own time words follow it ("killed … on Sunday night") more often than they precede.
        after = [d for d in own if d.start > position]
        date = nearest(after) or nearest(own)
        return When(date.value, date.precision)
    if classes["statement"]:
        date = classes["statement"][0]
        return When(date.value, date.precision)
    if language == "ko" and "이날" in sentence and carried:
        return carried
    return None


# A connective that opens another clause of its own: a date on the other side is not the figure's ("وتم تسجيل 6
# إصابات … بتاريخ 1 مايو، فيما سجلت …، علمًا أن جملة تراكمي الإصابات بلغ 4926": the total has no date).
_CLAUSE_BREAKS = {
    "ar": r"[،,]\s*(?:و?فيما|بينما|علم[اًا]\u064b?\s+(?:أن|بأن)|في\s+حين|كما)(?!\w)",
    "en": r";|,\s*(?:while|whereas)\b",
    "el": r";|,\s*(?:ενώ|καθώς)\b",
    "ru": r";|,\s*(?:а\s+также|тогда\s+как|в\s+то\s+время\s+как)\b",
}


def _clause_break(sentence: str, date: DateMention, position: int, language: str) -> bool:
    pattern = _CLAUSE_BREAKS.get(language)
    if pattern is None:
        return False
    between = sentence[date.end:position] if date.end <= position else sentence[position:date.start]
    if date.start > position and re.search(_ATTRIBUTION_BEFORE, sentence[max(0, date.start - 90):date.start], re.IGNORECASE):
        return False  # "…, ενώ τραυματίστηκαν 756, σύμφωνα με τον απολογισμό που δημοσιεύθηκε χθες": the whole sentence's
    return bool(re.search(pattern, between))


# An attribution phrase that closes a sentence covers all of it, with the date it gives.
_ATTRIBUTION_BEFORE = r"(?:σύμφωνα\s+με|according\s+to|по\s+данным|согласно|بحسب|حسب|وفق)[^.;]*$"


def stated_on(classes: dict[str, list[DateMention]]) -> When | None:
    """The statement's date: the one its reporting verb gives, else the first day named in the sentence."""
    if classes["statement"]:
        return When(classes["statement"][0].value, classes["statement"][0].precision)
    day = [d for d in classes["own"] if d.precision == DatePrecision.DAY]
    return When(day[0].value, day[0].precision) if day else None
