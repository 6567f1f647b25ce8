"""claims.extraction.dates: dates in article text resolved against the publication date, with a precision."""

import datetime as dt

import pytest

from claims.extraction.dates import find_dates, resolve_relative_date

THURSDAY = dt.date(2025, 9, 4)


@pytest.mark.parametrize(
    ("text", "language", "expected", "precision"),
    [
        ("την Τετάρτη", "el", dt.date(2025, 9, 3), "day"),
        ("την Πέμπτη", "el", dt.date(2025, 9, 4), "day"),  # the publication's own weekday is that day
        ("τη Δευτέρα", "el", dt.date(2025, 9, 1), "day"),
        ("αυτή την εβδομάδα", "el", dt.date(2025, 9, 1), "week"),
        ("χθες", "el", dt.date(2025, 9, 3), "day"),
        ("τον Αύγουστο", "el", dt.date(2025, 8, 1), "month"),
        ("φέτος", "el", dt.date(2025, 1, 1), "year"),
        ("yesterday", "en", dt.date(2025, 9, 3), "day"),
        ("last month", "en", dt.date(2025, 8, 1), "month"),
        ("last week", "en", dt.date(2025, 8, 25), "week"),
        ("on Wednesday", "en", dt.date(2025, 9, 3), "day"),
        ("on Friday", "en", dt.date(2025, 8, 29), "day"),  # news reports the past
        ("in December", "en", dt.date(2024, 12, 1), "month"),
        ("last year", "en", dt.date(2024, 1, 1), "year"),
        ("어제", "ko", dt.date(2025, 9, 3), "day"),
        ("지난주", "ko", dt.date(2025, 8, 25), "week"),
        ("이번 주", "ko", dt.date(2025, 9, 1), "week"),
        ("수요일", "ko", dt.date(2025, 9, 3), "day"),
        ("9월 3일", "ko", dt.date(2025, 9, 3), "day"),
        ("на этой неделе", "ru", dt.date(2025, 9, 1), "week"),
        ("вчера", "ru", dt.date(2025, 9, 3), "day"),
        ("в среду", "ru", dt.date(2025, 9, 3), "day"),
        ("3 сентября", "ru", dt.date(2025, 9, 3), "day"),
        ("в августе", "ru", dt.date(2025, 8, 1), "month"),
        ("الأربعاء", "ar", dt.date(2025, 9, 3), "day"),
        ("هذا الأسبوع", "ar", dt.date(2025, 9, 1), "week"),
        ("أمس", "ar", dt.date(2025, 9, 3), "day"),
        ("الشهر الماضي", "ar", dt.date(2025, 8, 1), "month"),
    ],
)
def test_resolves_against_the_publication_date(text, language, expected, precision):
    resolved = resolve_relative_date(text, language=language, published_on=THURSDAY)
    assert (resolved.value, resolved.precision) == (expected, precision)


def test_falls_back_to_dateparser_for_other_expressions():
    resolved = resolve_relative_date("2 days ago", language="en", published_on=THURSDAY)
    assert (resolved.value, resolved.precision) == (dt.date(2025, 9, 2), "day")


def test_text_that_is_no_date_gives_none():
    assert resolve_relative_date("the soldiers", language="en", published_on=THURSDAY) is None
    assert resolve_relative_date("", language="en", published_on=THURSDAY) is None


def test_finds_every_date_in_a_text_with_exact_spans():
    text = "Ο Κιμ και ο Πούτιν συναντήθηκαν την Τετάρτη. Η υπηρεσία εκτίμησε αυτή την εβδομάδα ότι…"
    found = find_dates(text, language="el", published_on=THURSDAY)
    assert [(m.value, m.precision, m.wording) for m in found] == [
        (dt.date(2025, 9, 3), "day", "Τετάρτη"),
        (dt.date(2025, 9, 1), "week", "αυτή την εβδομάδα"),
    ]
    assert all(text[m.start:m.end] == m.wording for m in found)


def test_month_number_inside_a_larger_number_is_not_a_month():
    found = find_dates("11월에", language="ko", published_on=THURSDAY)
    assert [(m.value, m.precision) for m in found] == [(dt.date(2024, 11, 1), "month")]


def test_arabic_conjunction_glued_to_a_date_word():
    found = find_dates("وأمس", language="ar", published_on=THURSDAY)
    assert [(m.value, m.wording) for m in found] == [(dt.date(2025, 9, 3), "أمس")]


def test_korean_day_of_month_alone_is_the_most_recent_such_day():
    [mention] = find_dates("현지 시간 29일 밝혔습니다", language="ko", published_on=dt.date(2025, 11, 30))
    assert (mention.value, mention.precision) == (dt.date(2025, 11, 29), "day")


def test_arabic_month_spellings_without_hamza_and_maghrebi_names_are_months():
    found = find_dates("منذ 15 أفريل وحتى 17 ابريل", language="ar", published_on=dt.date(2023, 4, 24))
    assert [m.value for m in found] == [dt.date(2023, 4, 15), dt.date(2023, 4, 17)]


def test_abbreviated_english_months_with_a_full_stop():
    [mention] = find_dates("since Oct. 7, 2023", language="en", published_on=dt.date(2024, 2, 3))
    assert mention.value == dt.date(2023, 10, 7)
