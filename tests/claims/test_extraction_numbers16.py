"""Number forms read on fresh text (sixteenth session; docs/extraction.md, "Numbers read on fresh text (sixteenth
session)"): a fraction of a multiplier and the lakh, "N-strong", Russian nouns of number after a hedge and thousands
with the rest after them, the Arabic decimal comma before a multiplier and "22 و800", Korean 개 before materiel."""

from decimal import Decimal

import pytest

from claims.extraction.numbers import read_quantity
from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated

BUDGET = 3.0


def _read(text, language):
    return [(q.wording, q.qualifier, q.number) for q in read_quantity(text, language=language)]


def test_a_fraction_of_a_multiplier_is_one_number():
    assert _read("The floods left nearly half a million people homeless.", "en") == [
        ("nearly half a million", "approximately", Decimal(500000))]
    assert _read("Aid reached more than three quarters of a million refugees.", "en") == [
        ("more than three quarters of a million", "more_than", Decimal(750000))]
    assert _read("The fire displaced about half a lakh villagers.", "en") == [
        ("about half a lakh", "approximately", Decimal(50000))]


def test_lakh_is_a_multiplier():
    assert _read("Officials said 3 lakh people had fled.", "en") == [("3 lakh", "exact", Decimal(300000))]


def test_a_force_n_strong_is_a_count_of_troops():
    assert _read("A 12,000-strong peacekeeping force will stay.", "en") == [("12,000", "exact", Decimal(12000))]
    assert _read("a ten-day-old baby", "en") == []


def test_russian_noun_of_number_after_a_hedge():
    assert _read("В боях погибли более тысячи солдат.", "ru") == [("более тысячи", "more_than", Decimal(1000))]
    assert _read("Сбиты свыше десятка ракет.", "ru") == [("свыше десятка", "more_than", Decimal(10))]
    assert _read("Тысячи людей вышли на улицы.", "ru") == []
    assert _read("Городу более тысячи лет.", "ru") == []


def test_russian_thousands_and_the_rest_after_them():
    assert _read("Ранены 4 тыс. 312 человек.", "ru") == [("4 тыс. 312", "exact", Decimal(4312))]
    assert _read("около 57 тысяч 200 беженцев", "ru") == [("около 57 тысяч 200", "approximately", Decimal(57200))]


def test_arabic_decimal_comma_before_a_multiplier():
    assert _read("فر نحو 2,5 مليون شخص من منازلهم", "ar") == [("نحو 2,5 مليون", "approximately", Decimal("2500000"))]


def test_arabic_thousands_left_out_before_waw():
    assert _read("وصل 31 و400 شخص إلى المخيم", "ar") == [("31 و400", "exact", Decimal(31400))]
    assert [q.qualifier for q in read_quantity("بين 40 و300 شخص", language="ar")] == ["range"]


def test_korean_gae_before_materiel():
    assert _read("군은 30개가 넘는 미사일을 쐈다", "ko") == [("30개가 넘는", "more_than", Decimal(30))]
    assert _read("14개 도시에서 시위가 열렸다", "ko") == []


@pytest.mark.django_db
@pytest.mark.parametrize("language, unit", [
    ("en", "about three quarters of a million "),
    ("en", "half a lakh 3 lakh "),
    ("ru", "более тысячи 3 тыс. 56 "),
    ("ar", "نحو 1,5 مليون 22 و800 "),
    ("ko", "20개가 넘는 드론 "),
])
def test_the_forms_repeated_for_ten_thousand_characters_extract_in_seconds(language, unit):
    elapsed = _extraction_time(_repeated(unit) + ".", language)
    assert elapsed < BUDGET, f"{elapsed:.2f} s"
