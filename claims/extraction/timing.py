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
import functools
import re
from dataclasses import dataclass

from factbase.choices import DatePrecision

from . import cues as C
from .dates import DateMention


@dataclass(frozen=True)
class When:
    value: dt.date
    precision: str


# A pattern that matches nothing, not even the empty text before a date at the start of a sentence (r"$^" matches an
# empty string: a Korean sentence opening with "26일" was classed as an event's day, having no event words at all).
_NEVER = r"(?!)"


def classify(sentence: str, dates: list[DateMention], cue_ends: list[int], language: str) -> dict[str, list[DateMention]]:
    classes = {"since": [], "until": [], "statement": [], "own": [], "event": []}
    event_after = re.compile(C.EVENT_AFTER.get(language, _NEVER))
    event_before = re.compile(C.EVENT_BEFORE.get(language, _NEVER), re.IGNORECASE)
    since_before = re.compile(C.SINCE_BEFORE.get(language, _NEVER), re.IGNORECASE)
    since_after = re.compile(C.SINCE_AFTER.get(language, _NEVER))
    until_before = re.compile(C.UNTIL_BEFORE.get(language, _NEVER), re.IGNORECASE)
    until_after = re.compile(C.UNTIL_AFTER.get(language, _NEVER))
    statement_before = re.compile(C.STATEMENT_BEFORE.get(language, _NEVER), re.IGNORECASE)
    complementizers = "|".join(map(re.escape, C.COMPLEMENTIZERS.get(language, ()))) or _NEVER
    complementizer_after = re.compile(rf"\s*,?\s*(?:{complementizers})(?!\w)", re.IGNORECASE)
    event_connective = re.compile(_EVENT_CONNECTIVE_AFTER.get(language, _NEVER))
    until_extra = re.compile(_UNTIL_BEFORE_EXTRA.get(language, _NEVER), re.IGNORECASE)
    until_after_extra = re.compile(_UNTIL_AFTER_EXTRA.get(language, _NEVER))
    event_extra = re.compile(_EVENT_BEFORE_EXTRA.get(language, _NEVER), re.IGNORECASE)
    since_extra = re.compile(_SINCE_BEFORE_EXTRA.get(language, _NEVER), re.IGNORECASE)
    for date in dates:
        before = sentence[max(0, date.start - 70):date.start]
        after = sentence[date.end:date.end + (70 if language == "ko" else 30)]
        if event_after.match(after) or event_before.search(sentence[max(0, date.start - 60):date.start]) \
                or event_connective.match(after) or event_extra.search(sentence[max(0, date.start - 130):date.start]):
            classes["event"].append(date)  # the day of an attack or a quake: not when the figure holds
        elif (until_before.search(before) or until_after.match(after) or until_extra.search(before)
              or until_after_extra.match(after)) and not (language == "ko" and re.match(_KO_SINCE_RIGHT_AFTER, after)):
            classes["until"].append(date)
        elif re.search(_SOURCE_FROM_BEFORE.get(language, _NEVER), before, re.IGNORECASE):
            # round 9: "according to a statement from the ministry on Monday": "from" names the source, not the start of
            # a count; the day after it is the statement's
            classes["statement"].append(date)
        elif since_before.search(before) or since_after.match(after) or since_extra.search(before):
            classes["since"].append(date)
        elif any(0 <= date.start - end <= 25 for end in cue_ends) or statement_before.search(before) \
                or (any(0 <= date.start - end <= 70 and not re.search(r"\d", sentence[end:date.start]) for end in cue_ends)
                    and complementizer_after.match(after)):
            # "قالت الهيئة …، فى وقت متأخر الاثنين إن …", "the ministry said late on Monday that …": the date
            # between the verb and the reported clause is the statement's.
            classes["statement"].append(date)
        elif language == "el" and re.fullmatch(_EL_GENITIVE_WEEKDAY, date.wording, re.IGNORECASE):
            # "τη νύχτα της Παρασκευής", "αργά το βράδυ της Τρίτης": a part of a day in the genitive dates an
            # occurrence (the quake, the collision); only an until word or a statement makes it a count's date
            classes["event"].append(date)
        else:
            classes["own"].append(date)
    return classes


# Round 10: Korean "2월1일 이후 현재까지" (from 1 February until now): the day right before 이후/이래/부터 starts the count,
# whatever until word follows it.
_KO_SINCE_RIGHT_AFTER = r"(?:\([^)]*\))?\s?(?:이후|이래|부터)"


_EL_GENITIVE_WEEKDAY = r"(?:δευτέρας|τρίτης|τετάρτης|πέμπτης|παρασκευής|σαββάτου|κυριακής)"


# Korean connective forms of the event verbs ("29일(현지시각) 폭발사고가 발생해 최소 5명이 사망하고"): the date is the
# event's, as before "발생한" (the attributive form).
_EVENT_CONNECTIVE_AFTER = {
    # also "강타한"/"덮친" (struck), and a place of up to six words between the day and the verb ("어제(1일) 오후 부산 동구
    # 좌천동 목욕탕에서 발생한 폭발사고")
    # (round 12: not after a comma that sets the day off, as EVENT_AFTER says)
    "ko": r"^(?!(?:\([^)]*\))?\s?,)(?:\([^)]*\))?\s?(?:\S+\s){0,6}?\S*(?:발생한|일어난|벌어진|발생해|발생하여|발생하면서|벌어져|강타한|강타해|덮친|덮쳐)",
}
# Until words the shared cues do not carry: English "by Wednesday" (a deadline: the count as it stood then), and an
# until word with a clock time and a part of the day between it and the day ("μέχρι τις 17:00 το απόγευμα της
# Κυριακής", "until 5 p.m. on Sunday", "до 9:00 понедельника").
_CLOCK = r"\d{1,2}(?:[:.]\d\d(?:\s*(?:a\.m\.|p\.m\.|am|pm))?|\s*(?:a\.m\.|p\.m\.|am|pm))"
# A part of the day may stand there too ("until late Sunday", "μέχρι το βράδυ της Κυριακής", "на утро 11 марта",
# "حتى مساء الأحد").
_UNTIL_BEFORE_EXTRA = {
    "en": rf"(?:\bby\s+|(?:until|up to|through|till|as of)\s+(?:{_CLOCK}\s+(?:\S+\s+){{0,3}}|(?:late|early)\s+(?:on\s+)?))(?:the\s+)?$",
    "el": rf"(?:έως|μέχρι|ως)\s+(?:τις\s+)?(?:{_CLOCK}\s+(?:\S+\s+){{0,4}}|(?:το|τη|την)\s+(?:πρωί|βράδυ|απόγευμα|μεσημέρι|νύχτα)\s+(?:της|του)\s+)$",
    "ru": rf"(?:\bдо|\bпо|\bна)\s+(?:{_CLOCK}\s+(?:\S+\s+){{0,3}}|(?:утро|вечер|полдень|середину|конец|начало)\s+)$",
    "ar": rf"(?:حتى|لغاية)\s+(?:(?:الساعة\s+)?{_CLOCK}\s+(?:\S+\s+){{0,4}}|(?:صباح|مساء|ظهر|فجر|ليل|ليلة|نهاية)\s+(?:يوم\s+)?)$",
}
# Round 7. The day of an attack named by its noun after "in"/"after" ("في هجوم صاروخي على مخيم النيرب … مساء
# الثلاثاء", "قتلوا جراء قصف … الاثنين") is the event's; so is the day an offensive or operation began ("began the
# ground offensive to capture the city on Oct. 17").
_EVENT_BEFORE_EXTRA = {
    "ar": r"(?<!\w)(?:في|إثر|اثر|جراء|خلال)\s+(?:هجوم|الهجوم|قصف|القصف|غارة|الغارة|غارات|انفجار|الانفجار|تفجير|"
          r"التفجير|اشتباكات|حادث|الحادث|حريق|الحريق)(?!\w)[^،,.;:!؟]{0,90}$",
    "en": r"(?<!\w)(?:began|begun|launched|started|opened)\s+(?:the|an|a|its|their)\s+[^,.;]{0,60}?"
          r"(?:offensive|operation|assault|campaign|attack|invasion)\b[^,.;]{0,50}?\s+(?:on\s+)?$"
          # round 10: an event verb with its object or place between it and the day ("a suicide blast that hit a
          # political gathering in the Bajaur district … on Sunday")
          r"|(?<!\w)(?:struck|hit|rocked|occurred|happened|erupted|took\s+place)\s+(?:(?!said|says|told)[^\d,.;:]){1,110}?"
          # (round 12: a week or a day without "on" too: "when Cyclone Gezani struck Madagascar last week", "the earthquake
          # that rocked Mexico earlier this week")
          r"\s+(?:on\s+|earlier\s+|late\s+|early\s+)?$",
}
# "بينهم 55 بعد دخول وقف إطلاق النار حيز التنفيذ الخميس", "after the ceasefire took effect on Thursday": a count
# from a moment on, as "since" says.
_SINCE_BEFORE_EXTRA = {
    "ar": r"(?<!\w)بعد\s+(?:دخول|بدء|بداية|سريان|إعلان|اعلان|انطلاق)(?!\w)[^،,.;:!؟]{0,60}$",
    "en": r"(?<!\w)(?:after|since)\s+(?:the|an?|its|their)\s+[^,.;]{0,60}?(?:took\s+effect|came\s+into\s+force|began|"
          r"started|resumed|erupted|broke\s+out|was\s+declared|was\s+launched)\s+(?:on\s+|early\s+|late\s+)?$",
}
# Round 9: a document or a spokesperson "from" a body, then the day ("a statement from the health ministry on Monday",
# "figures from the UN released on Friday"): the source's "from", which the since words would take for a start.
_SOURCE_FROM_BEFORE = {
    "en": r"(?<!\w)(?:statement|report|figures|data|tally|count|update|estimates?|information|spokes(?:man|woman|person))"
          r"\s+from\s+[^,.;]{0,60}?\s+(?:(?:released|published|issued)\s+)?(?:on\s+|late\s+|early\s+)?$",
}
# Korean gives the hour between the day and "기준"/"현재"/"까지": "26일 오후 4시10분 기준".
_UNTIL_AFTER_EXTRA = {
    "ko": r"^(?:\([^)]*\))?\s?(?:오전|오후|새벽|밤|저녁|아침)?\s?\d{1,2}시(?:\s?\d{1,2}분|\s?반)?\s?(?:기준|현재|까지)",
}


def figure_as_of(
    *, sentence: str, position: int, classes: dict[str, list[DateMention]], language: str,
    carried: When | None, previous_figure: When | None,
) -> When | None:
    """The as-of date of a figure at ``position`` in ``sentence``; None: the publication date."""
    def nearest(mentions):
        return min(mentions, key=lambda d: abs(d.start - position)) if mentions else None

    lowered = sentence.casefold()
    until = [d for d in classes["until"] if not _clause_break(sentence, d, position, language)]
    if until:
        # "13 dead, but by Wednesday this week 73 bodies": an until date on the other side of a clause break is
        # the other clause's
        date = nearest(until)
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
    # ", but" / ", αλλά" / ", но": the adversative opens a clause of its own too
    # round 7: ", including four soldiers who died … earlier Wednesday": a relative clause of the included figure
    # dates that figure, not the total before "including"
    "en": r";|,\s*(?:while|whereas|but)\b|,\s*including\s+[^,;]*?\b(?:who|which|whose)\b",
    "el": r";|,\s*(?:ενώ|καθώς|αλλά)(?!\w)",
    "ru": r";|,\s*(?:а\s+также|тогда\s+как|в\s+то\s+время\s+как|но)(?!\w)",
}


def _clause_break(sentence: str, date: DateMention, position: int, language: str) -> bool:
    if language == "el" and _other_side_of_quotation(sentence, date, position):
        return True
    pattern = _CLAUSE_BREAKS.get(language)
    if pattern is None:
        return False
    between = sentence[date.end:position] if date.end <= position else sentence[position:date.start]
    if date.start > position and re.search(_ATTRIBUTION_BEFORE, sentence[max(0, date.start - 90):date.start], re.IGNORECASE):
        return False  # "…, ενώ τραυματίστηκαν 756, σύμφωνα με τον απολογισμό που δημοσιεύθηκε χθες": the whole sentence's
    return bool(re.search(pattern, between))


def _other_side_of_quotation(sentence: str, date: DateMention, position: int) -> bool:
    """Round 12: a date inside a quotation and a figure outside it ("«Ως την 30ή Νοεμβρίου, πάνω από 48.500 …», αριθμός …
    με τους 14.000 που καταγράφονταν την 28η"): the quotation is a statement of its own, whose dates are its own figures'.
    (A figure inside a quoted fragment may still take a date the writer's words give it after the quotation.)"""
    return any(start <= date.start < end and not start <= position < end for start, end in _quotation_spans(sentence))


@functools.lru_cache(maxsize=64)
def _quotation_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The sentence's quotations, found once per sentence: ``_other_side_of_quotation`` asks for every pair of a date
    and a figure (the review measured 82% of a long quoted sentence's time re-finding them)."""
    from .sentences import quotation_spans
    return tuple(quotation_spans(sentence))


# An attribution phrase that closes a sentence covers all of it, with the date it gives.
_ATTRIBUTION_BEFORE = r"(?:σύμφωνα\s+με|according\s+to|по\s+данным|согласно|بحسب|حسب|وفق)[^.;]*$"


def stated_on(classes: dict[str, list[DateMention]]) -> When | None:
    """The statement's date: the one its reporting verb gives, else the first day named in the sentence."""
    if classes["statement"]:
        return When(classes["statement"][0].value, classes["statement"][0].precision)
    day = [d for d in classes["own"] if d.precision == DatePrecision.DAY]
    return When(day[0].value, day[0].precision) if day else None
