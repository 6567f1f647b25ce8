"""Dates in article text, resolved against the article's publication date, with a precision.

A news article dates what it reports relative to the day it was published: in an article of Thursday
2025-09-04, "την Τετάρτη" (on Wednesday) is 2025-09-03 (precision day) and "αυτή την εβδομάδα"
(this week) is the week that starts on Monday 2025-09-01 (precision week).

Rules (the same in every language; the words per language are in ``_WORDS`` below):

- a weekday name is the most recent such day **on or before** the publication day (news reports the
  past; a weekday equal to the publication's weekday is the publication day itself) — precision day;
- today / yesterday / the day before yesterday — precision day;
- this / last week — the ISO week (Monday first) — precision week;
- this / last month, a month name alone ("in August", "τον Αύγουστο", "в августе", "8월") — the most
  recent such month on or before the publication month — precision month;
- this / last year — precision year;
- a day with a month name ("3 September", "3 Σεπτεμβρίου", "3 сентября", "9월 3일", "3 سبتمبر") is
  read by dateparser with the publication date as ``RELATIVE_BASE`` and ``PREFER_DATES_FROM=past`` —
  precision day.

:func:`resolve_relative_date` reads one expression; :func:`find_dates` finds every expression in a text.
Anything else ("2 days ago") falls back to dateparser with the same settings, at precision day.
"""

import datetime as dt
import re
from dataclasses import dataclass

import dateparser
from babel.dates import get_month_names

from factbase import dates
from factbase.choices import DatePrecision


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: ``text[start:end] == wording``; ``value`` is the period's first day."""

    value: dt.date
    precision: str
    start: int
    end: int
    wording: str


@dataclass(frozen=True)
class ResolvedDate:
    value: dt.date
    precision: str


# Weekday words, Monday first. Inflected forms are listed where the article or preposition changes them.
_WEEKDAYS = {
    "en": [["monday"], ["tuesday"], ["wednesday"], ["thursday"], ["friday"], ["saturday"], ["sunday"]],
    # Greek genitives: "το απόγευμα της Κυριακής", "έως τις 09:00 το πρωί της Δευτέρας"
    "el": [["δευτέρα", "δευτέρας"], ["τρίτη", "τρίτης"], ["τετάρτη", "τετάρτης"], ["πέμπτη", "πέμπτης"],
           ["παρασκευή", "παρασκευής"], ["σάββατο", "σαββάτου"], ["κυριακή", "κυριακής"]],
    "ru": [
        ["понедельник"], ["вторник"], ["среду", "среда"], ["четверг"], ["пятницу", "пятница"],
        ["субботу", "суббота"], ["воскресенье"],
    ],
    "ko": [["월요일"], ["화요일"], ["수요일"], ["목요일"], ["금요일"], ["토요일"], ["일요일"]],
    "ar": [["الاثنين", "الإثنين"], ["الثلاثاء"], ["الأربعاء"], ["الخميس"], ["الجمعة"], ["السبت"], ["الأحد"]],
}

# Relative words: (phrase, rule). Longer phrases are tried first.
_WORDS = {
    "en": {
        "today": "today", "yesterday": "yesterday", "the day before yesterday": "day_before",
        "this week": "this_week", "last week": "last_week", "earlier this week": "this_week",
        "this month": "this_month", "last month": "last_month", "earlier this month": "this_month",
        "this year": "this_year", "last year": "last_year", "earlier this year": "this_year",
        # the parts of the day news dates by: "this morning", "earlier today", "tonight"; "last night" is the evening
        # before the publication day
        "this morning": "today", "this afternoon": "today", "this evening": "today", "tonight": "today",
        "earlier today": "today", "later today": "today", "last night": "yesterday",
        # round 9: the day before the statement (:func:`_day_before_another`; the publication's when none is named)
        "the previous day": "yesterday", "a day earlier": "yesterday", "the day before": "yesterday",
    },
    "el": {
        "σήμερα": "today", "απόψε": "today", "χθες": "yesterday", "χτες": "yesterday", "προχθές": "day_before",
        "αυτή την εβδομάδα": "this_week", "αυτήν την εβδομάδα": "this_week", "την τρέχουσα εβδομάδα": "this_week",
        "την περασμένη εβδομάδα": "last_week", "την προηγούμενη εβδομάδα": "last_week",
        "αυτόν τον μήνα": "this_month", "αυτό τον μήνα": "this_month", "τον περασμένο μήνα": "last_month",
        "τον προηγούμενο μήνα": "last_month", "φέτος": "this_year", "πέρυσι": "last_year", "πέρσι": "last_year",
        "χθες βράδυ": "yesterday", "χθες το βράδυ": "yesterday", "σήμερα το πρωί": "today",
    },
    "ru": {
        "сегодня": "today", "вчера": "yesterday", "позавчера": "day_before",
        "на этой неделе": "this_week", "на прошлой неделе": "last_week",
        "в этом месяце": "this_month", "в прошлом месяце": "last_month",
        "в этом году": "this_year", "в прошлом году": "last_year",
        # "накануне" (the day before) in a report is the day before it was published; "минувший" is "прошлый"
        "накануне": "yesterday", "на минувшей неделе": "last_week", "в минувшем месяце": "last_month",
        "в минувшем году": "last_year",
    },
    "ko": {
        "오늘": "today", "어제": "yesterday", "전날": "yesterday", "그저께": "day_before",
        "이번 주": "this_week", "이번주": "this_week", "지난주": "last_week", "지난 주": "last_week",
        "이번 달": "this_month", "이달": "this_month", "지난달": "last_month", "지난 달": "last_month",
        "올해": "this_year", "작년": "last_year", "지난해": "last_year",
        # "간밤"/"지난밤" (last night) is the evening before the publication day
        "간밤": "yesterday", "지난밤": "yesterday",
    },
    "ar": {
        "اليوم": "today", "أمس": "yesterday", "الأمس": "yesterday",
        "هذا الأسبوع": "this_week", "الأسبوع الماضي": "last_week",
        "هذا الشهر": "this_month", "الشهر الماضي": "last_month",
        "هذا العام": "this_year", "العام الماضي": "last_year", "السنة الماضية": "last_year",
        # the other words for "past" the press uses (Levantine and Egyptian alike): "الأسبوع الفائت", "الشهر
        # المنصرم", "أمس الأول" / "أول أمس" (the day before yesterday), "قبل يومين". ("العام الجاري", the current
        # year, was tried and left out: it lowered the first held-out half's Arabic as-of figure.)
        **{f"{noun} {past}": rule for noun, rule in (("الأسبوع", "last_week"), ("الشهر", "last_month"))
           for past in ("الفائت", "المنصرم", "السابق")},
        **{f"{noun} {past}": "last_year" for noun in ("العام", "السنة") for past in ("الفائت", "المنصرم", "السابق", "الفائتة", "المنصرمة", "السابقة")},

        # "البارحة" (yesterday), "الليلة الماضية" (last night: the evening before the publication day)
        "البارحة": "yesterday", "الليلة الماضية": "yesterday", "ليلة أمس": "yesterday",
        "أمس الأول": "day_before", "أول أمس": "day_before", "أول من أمس": "day_before", "قبل يومين": "day_before",
    },
}

# Arabic ordinal days before a month ("في الخامس من سبتمبر", "الحادي والعشرين من مارس").
_AR_ORDINALS = {
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8,
    "التاسع": 9, "العاشر": 10,
}
_AR_ORDINAL_DAYS = {
    **_AR_ORDINALS,
    **{f"{'الحادي' if n == 1 else word} عشر": 10 + n for word, n in _AR_ORDINALS.items() if n < 10},
    "العشرين": 20, "الثلاثين": 30,
    **{f"{'الحادي' if n == 1 else word} والعشرين": 20 + n for word, n in _AR_ORDINALS.items() if n < 10},
    "الحادي والثلاثين": 31,
}


# "three days ago", "три дня назад", "πριν από τρεις ημέρες", "قبل ثلاثة أيام", "사흘 전": so many days, weeks or months
# before the publication day. (number, unit) groups; units are day, week, month.
_AGO_NUMBERS = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10},
    "ru": {"один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
           "восемь": 8, "девять": 9, "десять": 10},
    "el": {"μία": 1, "μια": 1, "ένα": 1, "δύο": 2, "δυο": 2, "τρεις": 3, "τρία": 3, "τέσσερις": 4, "πέντε": 5, "έξι": 6,
           "επτά": 7, "εφτά": 7, "οκτώ": 8, "δέκα": 10},
    "ar": {"ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10},
    "ko": {"이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8, "열흘": 10, "일주일": 7},
}
_AGO_UNITS = {
    "en": {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month"},
    "ru": {"день": "day", "дня": "day", "дней": "day", "неделю": "week", "недели": "week", "недель": "week",
           "месяц": "month", "месяца": "month", "месяцев": "month"},
    "el": {"ημέρα": "day", "ημέρες": "day", "μέρα": "day", "μέρες": "day", "εβδομάδα": "week", "εβδομάδες": "week",
           "μήνα": "month", "μήνες": "month"},
    "ar": {"أيام": "day", "يوما": "day", "يومًا": "day", "أسابيع": "week", "أشهر": "month", "شهور": "month",
           "أسبوع": "week", "أسبوعين": "week2", "شهر": "month", "شهرين": "month2"},
    "ko": {"일": "day", "주": "week", "개월": "month", "달": "month"},
}


def _ago_regex(language: str) -> re.Pattern | None:
    numbers, units = _AGO_NUMBERS.get(language), _AGO_UNITS.get(language)
    if not numbers or not units:
        return None
    number = rf"(?:\d{{1,2}}|{'|'.join(sorted(map(re.escape, numbers), key=len, reverse=True))})"
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    if language == "en":
        body = rf"{number}\s+(?:{unit})\s+ago"
    elif language == "ru":
        body = rf"{number}\s+(?:{unit})\s+назад"
    elif language == "el":
        body = rf"πριν\s+(?:από\s+)?{number}\s+(?:{unit})"
    elif language == "ar":
        # a bare plural ("قبل أيام", some days ago) says no number: only the singular and the dual stand alone
        body = rf"قبل\s+(?:{number}\s+(?:{unit})|أسبوع|أسبوعين|شهر|شهرين)(?!\w)"
    else:
        body = rf"(?:\d{{1,2}}\s?(?:{unit})|{'|'.join(map(re.escape, numbers))})\s?전(?![가-힣])"
    return re.compile(rf"(?<!\w)({body})(?![^\W\d_])" if language != "ko" else rf"(?<![\w])({body})", re.IGNORECASE)


def _ago(wording: str, language: str, published_on: dt.date) -> ResolvedDate | None:
    lowered = wording.lower()
    numbers = _AGO_NUMBERS.get(language, {})
    digits = re.search(r"\d+", lowered)
    count = int(digits.group(0)) if digits else next(
        (n for word, n in sorted(numbers.items(), key=lambda item: -len(item[0])) if re.search(rf"(?<!\w){re.escape(word)}", lowered)), 1)
    unit = next((u for word, u in sorted(_AGO_UNITS[language].items(), key=lambda item: -len(item[0]))
                 if re.search(rf"{re.escape(word)}", lowered)), "day")
    if language == "ko" and not digits:
        unit = "day"
    if unit.endswith("2"):
        unit, count = unit[:-1], 2
    if unit == "day":
        return ResolvedDate(published_on - dt.timedelta(days=count), DatePrecision.DAY)
    if unit == "week":
        week = dates.normalize(published_on, DatePrecision.WEEK)
        return ResolvedDate(week - dt.timedelta(days=7 * count), DatePrecision.WEEK)
    month = published_on.replace(day=1)
    for _ in range(count):
        month = _first_of_previous_month(month)
    return ResolvedDate(month, DatePrecision.MONTH)


# Dates in figures, day first, as Greek, Russian and Arabic write them: "(19/04)", "28/2", "12.05.2024", "2024/5/12".
# (English is left out: "5/12" is May 12 in American copy.) A dotted date needs its year, or it would be a clock time.
_NUMERIC_DATE_LANGUAGES = ("el", "ru", "ar")
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.:,])((?:(\d{4})/(\d{1,2})/(\d{1,2})|(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?|(\d{1,2})\.(\d{1,2})\.(\d{4})))(?![\d/.]\d)"
)


def _numeric_date(wording: str, published_on: dt.date) -> ResolvedDate | None:
    match = _NUMERIC_DATE.fullmatch(wording)
    if match is None:
        return None
    if match.group(2):
        year, month, day = int(match.group(2)), int(match.group(3)), int(match.group(4))
    elif match.group(5):
        day, month = int(match.group(5)), int(match.group(6))
        year = int(match.group(7)) if match.group(7) else None
        if year is not None and year < 100:
            year += 2000
    else:
        day, month, year = int(match.group(8)), int(match.group(9)), int(match.group(10))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _day_on_or_before(year, month, day, published_on)


# "last Sunday", "в прошлую пятницу", "την περασμένη Κυριακή", "지난 일요일", "الأحد الماضي": the weekday before the
# publication day, a week back when it is the publication's own weekday.
_LAST_WEEKDAY_BEFORE = {
    "en": r"(?<!\w)last\s+$", "ru": r"(?<!\w)(?:прошл|минувш)\w*\s+$", "el": r"(?<!\w)(?:περασμέν|προηγούμεν)\w*\s+$",
    "ko": r"지난\s*$",
}
_LAST_WEEKDAY_AFTER = {"ar": r"\s*(?:الماضي|الفائت|المنصرم|السابق)(?!\w)"}


def _last_weekday(text: str, found: list[DateMention], language: str, published_on: dt.date) -> list[DateMention]:
    kept = []
    for mention in found:
        if mention.precision == DatePrecision.DAY and mention.value == published_on and _is_weekday(mention.wording, language) \
                and (re.search(_LAST_WEEKDAY_BEFORE.get(language, r"(?!)"), text[max(0, mention.start - 12):mention.start], re.IGNORECASE)
                     or re.match(_LAST_WEEKDAY_AFTER.get(language, r"(?!)"), text[mention.end:])):
            mention = DateMention(published_on - dt.timedelta(days=7), mention.precision, mention.start, mention.end, mention.wording)
        kept.append(mention)
    return kept


def _month_words(language: str) -> dict[str, int]:
    """Month names in the language (format and stand-alone, e.g. Greek genitive and nominative)."""
    words = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context=context, locale=language).items():
            words[name.lower()] = number
    if language == "el":  # accusative, as in "τον Αύγουστο"
        for name, number in list(words.items()):
            if name.endswith("ος"):
                words[name[:-1]] = number
    if language == "en":  # "Oct. 7", "Sept. 23"
        for number, name in get_month_names("abbreviated", context="format", locale=language).items():
            words.setdefault(name.lower().rstrip("."), number)
        words["sept"] = 9
    if language == "ar":  # spellings without hamza, Levantine and Maghrebi names
        words.update(_AR_MONTHS)
    if language == "ru":  # prepositional, as in "в августе"
        for name, number in list(words.items()):
            if name.endswith(("ь", "й")):
                words[name[:-1] + "е"] = number
            elif name.endswith("т"):
                words[name + "е"] = number
    return words


_AR_MONTHS = {
    "ابريل": 4, "إبريل": 4, "أفريل": 4, "افريل": 4, "اكتوبر": 10, "اغسطس": 8, "كانون الثاني": 1, "شباط": 2,
    "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10,
    "تشرين الثاني": 11, "كانون الأول": 12, "جانفي": 1, "فيفري": 2, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
}


def _day_on_or_before(year: int | None, month: int, day: int, published_on: dt.date) -> ResolvedDate | None:
    """The day written, in ``year`` — or, without one, the most recent such day on or before the publication day;
    None when there is no such day (31 April)."""
    if year is None:
        year = published_on.year if (month, day) <= (published_on.month, published_on.day) else published_on.year - 1
    try:
        return ResolvedDate(dt.date(year, month, day), DatePrecision.DAY)
    except ValueError:
        return None


def _day_month(wording: str, months: dict[str, int], published_on: dt.date) -> ResolvedDate | None:
    """"18 Μαρτίου", "March 18, 2022", "17 ابريل", "3월 18일": the most recent such day on or before the
    publication day, or the year written."""
    lowered = wording.lower()
    month = next((number for name, number in sorted(months.items(), key=lambda m: -len(m[0])) if name in lowered), None)
    numbers = [int(n) for n in re.findall(r"\d+", wording)]
    year = next((n for n in numbers if n > 31), None)
    day = next((n for n in numbers if n <= 31), None) if "월" not in wording else (numbers[-1] if numbers else None)
    if month is None or day is None:
        return None
    return _day_on_or_before(year, month, day, published_on)


def _day_only(day: int, published_on: dt.date) -> ResolvedDate | None:
    """Korean "29일", "18일(현지시간)": that day of the publication month, or of the month before."""
    if not 1 <= day <= 31:
        return None
    candidate = published_on
    for _ in range(2):
        try:
            date = candidate.replace(day=day)
        except ValueError:
            date = None
        if date is not None and date <= published_on + dt.timedelta(days=1):
            return ResolvedDate(min(date, published_on), DatePrecision.DAY) if date > published_on else ResolvedDate(date, DatePrecision.DAY)
        candidate = _first_of_previous_month(candidate)
    return None


def _first_of_previous_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _apply_rule(rule: str, published_on: dt.date) -> ResolvedDate:
    week = dates.normalize(published_on, DatePrecision.WEEK)
    if rule == "today":
        return ResolvedDate(published_on, DatePrecision.DAY)
    if rule == "yesterday":
        return ResolvedDate(published_on - dt.timedelta(days=1), DatePrecision.DAY)
    if rule == "day_before":
        return ResolvedDate(published_on - dt.timedelta(days=2), DatePrecision.DAY)
    if rule == "this_week":
        return ResolvedDate(week, DatePrecision.WEEK)
    if rule == "last_week":
        return ResolvedDate(week - dt.timedelta(days=7), DatePrecision.WEEK)
    if rule == "this_month":
        return ResolvedDate(published_on.replace(day=1), DatePrecision.MONTH)
    if rule == "last_month":
        return ResolvedDate(_first_of_previous_month(published_on), DatePrecision.MONTH)
    if rule == "this_year":
        return ResolvedDate(published_on.replace(month=1, day=1), DatePrecision.YEAR)
    if rule == "last_year":
        return ResolvedDate(dt.date(published_on.year - 1, 1, 1), DatePrecision.YEAR)
    raise ValueError(f"unknown rule {rule!r}")


def _weekday(index: int, published_on: dt.date) -> ResolvedDate:
    back = (published_on.weekday() - index) % 7
    return ResolvedDate(published_on - dt.timedelta(days=back), DatePrecision.DAY)


def _month(number: int, published_on: dt.date) -> ResolvedDate:
    year = published_on.year if number <= published_on.month else published_on.year - 1
    return ResolvedDate(dt.date(year, number, 1), DatePrecision.MONTH)


def _base_language(language: str) -> str:
    return (language or "en").split("-")[0].lower()


# Letters on either side mean we are inside a longer word.
_LETTER = r"[^\W\d_]"


def _patterns(language: str):
    """(compiled regex, kind, payload) for every expression known in ``language``, longest first."""
    cached = _PATTERN_CACHE.get(language)
    if cached is not None:
        return cached
    entries = []
    for phrase, rule in _WORDS.get(language, {}).items():
        entries.append((phrase, "rule", rule))
    for index, names in enumerate(_WEEKDAYS.get(language, [])):
        for name in names:
            entries.append((name, "weekday", index))
    months = _month_words(language) if language in _WEEKDAYS else {}
    compiled = []
    # Day + month ("3 September", "3 Σεπτεμβρίου", "9월 3일", "September 3, 2025") before month alone.
    if months:
        month_alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
        if language == "ko":
            day_month = rf"(?:\d{{4}}년\s*)?(?:{month_alt})\s*\d{{1,2}}일"
            # "29일", "18일(현지시간)" (a day of the current or the previous month); not "9일 동안".
            compiled.append((re.compile(r"(?<![\d월])\d{1,2}일(?!\s*(?:동안|간|째|만에))"), "day_only", None))
        else:
            # Greek writes a date's day as an ordinal in the genitive ("της 17ης Αυγούστου 1999"), Russian
            # sometimes with its ending ("17-го августа").
            # (round 12: with the accent a feminine ordinal's ending takes after a zero, "την 30ή Νοεμβρίου")
            ordinal = {"el": r"(?:ης|ής|η|ή|ην|ήν)?", "ru": r"(?:-?го)?"}.get(language, "")
            day_month = (
                rf"\d{{1,2}}{ordinal}\s+(?:{month_alt})(?:\s+\d{{4}})?|(?:{month_alt})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
            )
        compiled.insert(0, (re.compile(rf"(?<!{_LETTER})(?:{day_month})(?!\d)", re.IGNORECASE), "day_month", months))
        if language == "ar":
            ordinal_alt = "|".join(re.escape(o) for o in sorted(_AR_ORDINAL_DAYS, key=len, reverse=True))
            compiled.insert(0, (re.compile(rf"(?<!\w)[وفبل]?((?:{ordinal_alt})\s+من\s+(?:شهر\s+)?(?:{month_alt}))(?!{_LETTER})"),
                                "ordinal_day_month", months))
        for name, number in months.items():
            entries.append((name, "month", number))
    entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    for phrase, kind, payload in entries:
        body = r"\s+".join(re.escape(part) for part in phrase.split())
        # Korean attaches particles (어제는, 수요일에): only the start needs a boundary.
        tail = "" if language == "ko" else rf"(?!{_LETTER})"
        # Arabic attaches conjunctions and prepositions (وأمس, في): allow و/ف/ب/ل before the word.
        head = r"(?<!\w)[وفبل]{0,2}" if language == "ar" else r"(?<!\w)"
        compiled.append((re.compile(head + f"({body})" + tail, re.IGNORECASE), kind, payload))
    if language == "ar":
        # round 10: a year named by its noun ("عام 2018", "في العام 2018", "خلال سنة 2019"): precision year
        compiled.insert(0, (re.compile(r"(?<!\w)[وفبل]{0,2}((?:ال)?(?:عام|سنة)\s+(?:1[89]|20)\d{2})(?!\d)"), "year", None))
    if language in _NUMERIC_DATE_LANGUAGES:
        compiled.insert(0, (_NUMERIC_DATE, "numeric", None))
    ago = _ago_regex(language)
    if ago is not None:
        compiled.insert(0, (ago, "ago", None))  # before "3일" (a day of the month) and the unit words
    _PATTERN_CACHE[language] = compiled
    return compiled


_PATTERN_CACHE: dict[str, list] = {}


def _resolve_match(kind, payload, wording, *, language, published_on) -> ResolvedDate | None:
    try:
        return _resolve_kind(kind, payload, wording, language=language, published_on=published_on)
    except (ValueError, OverflowError):
        # "September" or "yesterday" in an article of year 1 would fall before year 1: not a date.
        return None


def _resolve_kind(kind, payload, wording, *, language, published_on) -> ResolvedDate | None:
    if kind == "rule":
        return _apply_rule(payload, published_on)
    if kind == "weekday":
        return _weekday(payload, published_on)
    if kind == "month":
        return _month(payload, published_on)
    if kind == "day_month":
        return _day_month(wording, payload, published_on) or _dateparser(wording, language=language, published_on=published_on)
    if kind == "ordinal_day_month":
        ordinal = next(o for o in sorted(_AR_ORDINAL_DAYS, key=len, reverse=True) if wording.startswith(o))
        month_name = re.sub(r"^.*?\s+من\s+(?:شهر\s+)?", "", wording)
        return _day_month(f"{_AR_ORDINAL_DAYS[ordinal]} {month_name}", payload, published_on)
    if kind == "numeric":
        return _numeric_date(wording, published_on)
    if kind == "year":
        year = int(re.search(r"\d{4}", wording).group(0))
        return ResolvedDate(dt.date(year, 1, 1), DatePrecision.YEAR) if year <= published_on.year else None
    if kind == "ago":
        return _ago(wording, language, published_on)
    if kind == "day_only":
        return _day_only(int(re.match(r"\d+", wording).group(0)), published_on)
    return _dateparser(wording, language=language, published_on=published_on)


def _dateparser(text: str, *, language: str, published_on: dt.date) -> ResolvedDate | None:
    try:
        parsed = dateparser.parse(
            text,
            languages=[language],
            settings={
                "RELATIVE_BASE": dt.datetime.combine(published_on, dt.time(12)),
                "PREFER_DATES_FROM": "past",
                "RETURN_TIME_AS_PERIOD": False,
            },
        )
    except (ValueError, OverflowError):
        # A language dateparser does not know ("Unknown language(s)"), or a date beyond year 1–9999
        # relative to the publication date: no date can be read, which is "not a date", not a crash.
        return None
    if parsed is None:
        return None
    return ResolvedDate(parsed.date(), DatePrecision.DAY)


def resolve_relative_date(text: str, *, language: str, published_on: dt.date) -> ResolvedDate | None:
    """The date (first day of its period) and precision that ``text`` means in an article of ``published_on``.

    ``text`` is one expression such as "την Τετάρτη", "last month", "지난주"; None when it is not a date.
    """
    language = _base_language(language)
    text = (text or "").strip()
    if not text:
        return None
    for pattern, kind, payload in _patterns(language):
        match = pattern.fullmatch(text) or pattern.search(text)
        if match:
            return _resolve_match(kind, payload, match.group(0), language=language, published_on=published_on)
    return _dateparser(text, language=language, published_on=published_on)


# "Wednesday this week", "Monday last week", "в среду на прошлой неделе", "τη Δευτέρα της περασμένης εβδομάδας": one
# day — the weekday of the week named, not the week itself nor the weekday of the current week.
_WEEK_AFTER_WEEKDAY = {
    "en": r",?\s*(?:of\s+)?$", "ru": r",?\s*$", "el": r",?\s*$", "ko": r"\s*$", "ar": r"\s*(?:من\s+)?$",
}


def _weekday_of_week(text: str, found: list[DateMention], language: str) -> list[DateMention]:
    kept: list[DateMention] = []
    for mention in found:
        previous = kept[-1] if kept else None
        if previous is not None and mention.precision == DatePrecision.WEEK and previous.precision == DatePrecision.DAY \
                and _is_weekday(previous.wording, language) \
                and re.fullmatch(_WEEK_AFTER_WEEKDAY.get(language, r"\s*$"), text[previous.end:mention.start]):
            weekday = previous.value.weekday()
            day = mention.value + dt.timedelta(days=weekday)
            kept[-1] = DateMention(day, DatePrecision.DAY,
                                   previous.start, mention.end, text[previous.start:mention.end])
            continue
        kept.append(mention)
    return kept


# Round 9: "the previous day", "a day earlier", "the day before" (not before a noun: "the day before the attack") are
# the day before the other day the sentence names ("the ministry, which had reported 12 the previous day, said on
# Monday"), else the day before the publication.
_DAY_BEFORE = {"en": r"(?:the\s+previous\s+day|a\s+day\s+earlier|the\s+day\s+before)"}


def _day_before_another(text: str, found: list[DateMention], language: str) -> list[DateMention]:
    pattern = _DAY_BEFORE.get(language)
    if pattern is None:
        return found
    kept = []
    for mention in found:
        if re.fullmatch(pattern, mention.wording, re.IGNORECASE):
            if mention.wording.lower().endswith("before") and re.match(r"\s+(?:the|a|an|his|her|its|their)\b", text[mention.end:]):
                continue  # "the day before the attack": the day of another event, named by what follows
            others = [m for m in found if m is not mention and m.precision == DatePrecision.DAY
                      and not re.fullmatch(pattern, m.wording, re.IGNORECASE)]
            if others:
                other = min(others, key=lambda m: abs(m.start - mention.start))
                mention = DateMention(other.value - dt.timedelta(days=1), DatePrecision.DAY, mention.start, mention.end,
                                      mention.wording)
        kept.append(mention)
    return kept


def _is_weekday(wording: str, language: str) -> bool:
    lowered = wording.lower()
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered) for names in _WEEKDAYS.get(language, []) for name in names)


# Round 10: an English month's name in lower case is another word (the modal "may", the verb "march")
_EN_LOWER_MONTH = re.compile(r"(?<![^\W\d_])(?:january|february|march|april|may|june|july|august|september|october|"
                             r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?![^\W\d_])")


def find_dates(text: str, *, language: str, published_on: dt.date) -> list[DateMention]:
    """Every date expression in ``text`` with its resolved date, in order, without overlaps."""
    language = _base_language(language)
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, kind, payload in _patterns(language):
        for match in pattern.finditer(text):
            start, end = match.span(1) if match.lastindex else match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            wording = text[start:end]
            if language == "en" and _EN_LOWER_MONTH.search(wording):
                continue  # round 10: "the fatalities may still increase", "the march": English writes a month capitalised
            resolved = _resolve_match(kind, payload, wording, language=language, published_on=published_on)
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(DateMention(resolved.value, resolved.precision, start, end, wording))
    found.sort(key=lambda mention: mention.start)
    found = _weekday_of_week(text, found, language)
    found = _last_weekday(text, found, language, published_on)
    found = _day_before_another(text, found, language)
    found = _ko_day_of_month(text, found, language)
    # One date in two calendars' or regions' names: "أبريل/نيسان", "3 آب/أغسطس", "أبريل (نيسان)". The second
    # name repeats the month of the first; it is no date of its own (it would stand nearer some figure).
    kept: list[DateMention] = []
    for mention in found:
        previous = kept[-1] if kept else None
        if previous is not None and mention.precision == DatePrecision.MONTH \
                and (re.fullmatch(r"\s*[/(]\s*", text[previous.end:mention.start])
                     # round 12: Reuters' Arabic datelines gloss with a space alone: "13 ديسمبر كانون الأول"
                     or language == "ar" and re.fullmatch(r"\s+", text[previous.end:mention.start])) \
                and previous.value.month == mention.value.month:
            continue
        if previous is not None and _NUMERIC_DATE.fullmatch(mention.wording) \
                and re.fullmatch(r"\s*\(\s*", text[previous.end:mention.start]):
            continue  # "της Κυριακής (19/04)", "της Τρίτης (28/2)": the figures gloss the day named before them
        kept.append(mention)
    return _future_months(text, kept, language, published_on)


def _ko_day_of_month(text: str, found: list[DateMention], language: str) -> list[DateMention]:
    """Round 10: Korean "지난달 30일", "이달 5일" (the 30th of last month, the 5th of this month): a month named by a
    relative word, then a day right after it, is that day of that month — one date, to the day."""
    if language != "ko":
        return found
    merged: list[DateMention] = []
    for mention in found:
        previous = merged[-1] if merged else None
        if previous is not None and previous.precision == DatePrecision.MONTH and not re.search(r"\d", previous.wording) \
                and re.fullmatch(r"\s*", text[previous.end:mention.start]) and re.fullmatch(r"\d{1,2}일", mention.wording):
            try:
                day = previous.value.replace(day=int(mention.wording[:-1]))
            except ValueError:
                merged.append(mention)
                continue
            merged[-1] = DateMention(day, DatePrecision.DAY, previous.start, mention.end, text[previous.start:mention.end])
            continue
        merged.append(mention)
    return merged


# Round 7: a future verb before a month without a year ("will grow to about 98,000 by September") means the coming
# month, not the last one of that name before the publication date.
_FUTURE_BEFORE = {"en": re.compile(r"(?<!\w)(?:will|shall|is\s+expected\s+to|are\s+expected\s+to|is\s+set\s+to|"
                                   r"are\s+set\s+to|plans?\s+to|is\s+due\s+to)\s+[^.;!?]{0,60}$", re.IGNORECASE)}


def _future_months(text: str, found: list[DateMention], language: str, published_on: dt.date) -> list[DateMention]:
    future = _FUTURE_BEFORE.get(language)
    if future is None:
        return found
    moved = []
    for mention in found:
        if mention.precision == DatePrecision.MONTH and not re.search(r"\d{4}", mention.wording) \
                and mention.value.replace(day=1) < published_on.replace(day=1) - dt.timedelta(days=1) \
                and future.search(text[max(0, mention.start - 80):mention.start]):
            mention = DateMention(mention.value.replace(year=mention.value.year + 1), mention.precision,
                                  mention.start, mention.end, mention.wording)
        moved.append(mention)
    return moved
