import datetime as dt

import pytest

from factbase.dates import DateFormatError, describe, format_date_with_precision, normalize, parse_date_with_precision


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2025-09-03", (dt.date(2025, 9, 3), "day")),
        ("2025-W36", (dt.date(2025, 9, 1), "week")),
        ("2025-09", (dt.date(2025, 9, 1), "month")),
        ("2025", (dt.date(2025, 1, 1), "year")),
    ],
)
def test_parse_and_format_round_trip(text, expected):
    assert parse_date_with_precision(text) == expected
    assert format_date_with_precision(*expected) == text


@pytest.mark.parametrize("text", ["2025-02-30", "2025-W54", "2025-13", "yesterday", "", "0000", 20250903])
def test_impossible_or_unreadable_dates_are_refused(text):
    with pytest.raises(DateFormatError):
        parse_date_with_precision(text)


def test_this_week_of_thursday_is_the_monday():
    assert normalize(dt.date(2025, 9, 4), "week") == dt.date(2025, 9, 1)
    assert describe(dt.date(2025, 9, 1), "week") == "week of 2025-09-01"
