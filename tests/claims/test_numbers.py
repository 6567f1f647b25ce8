"""claims.extraction.numbers.read_quantity: numbers with their hedges, read in the text's language."""

from decimal import Decimal

import pytest

from claims.extraction.numbers import read_quantity


def only(text, language):
    quantities = read_quantity(text, language=language)
    assert len(quantities) == 1, quantities
    quantity = quantities[0]
    assert text[quantity.start:quantity.end] == quantity.wording
    return quantity


@pytest.mark.parametrize(
    ("text", "language", "number", "qualifier", "wording"),
    [
        # Greek groups thousands with '.', and reads its hedges.
        ("εκτίμησε ότι περίπου 2.000 στρατιώτες σκοτώθηκαν", "el", "2000", "approximately", "περίπου 2.000"),
        ("άλλους 6.000 στρατιώτες", "el", "6000", "exact", "6.000"),
        ("τουλάχιστον 600 νεκροί", "el", "600", "at_least", "τουλάχιστον 600"),
        ("πάνω από 10.000 εργάτες", "el", "10000", "more_than", "πάνω από 10.000"),
        ("με τους περισσότερους από είκοσι άλλους ηγέτες", "el", "20", "more_than", "περισσότερους από είκοσι"),
        ("έως 500 εκατομμύρια δολάρια", "el", "500000000", "at_most", "έως 500 εκατομμύρια"),
        ("1,5 εκατομμύρια βλήματα", "el", "1500000", "exact", "1,5 εκατομμύρια"),
        # English
        ("about 2,000 soldiers", "en", "2000", "approximately", "about 2,000"),
        ("more than 10,000 troops", "en", "10000", "more_than", "more than 10,000"),
        ("at least 600 deaths", "en", "600", "at_least", "at least 600"),
        ("some 11,000 troops", "en", "11000", "approximately", "some 11,000"),
        ("nearly 12,000 troops", "en", "12000", "approximately", "nearly 12,000"),
        ("up to 3,000 casualties", "en", "3000", "at_most", "up to 3,000"),
        ("twenty leaders", "en", "20", "exact", "twenty"),
        ("1.5 million shells", "en", "1500000", "exact", "1.5 million"),
        ("fewer than 100 civilians", "en", "100", "fewer_than", "fewer than 100"),
        # Korean numerals, prefixes and suffixes
        ("1만5000여 명이 파병됐다", "ko", "15000", "approximately", "1만5000여"),
        ("약 2000명이 전사했다", "ko", "2000", "approximately", "약 2000"),
        ("2천여 명", "ko", "2000", "approximately", "2천여"),
        ("최소 600명", "ko", "600", "at_least", "최소 600"),
        ("300명 이상이 다쳤다", "ko", "300", "at_least", "300명 이상"),
        ("사상자가 3000명을 넘는 것으로", "ko", "3000", "more_than", "3000명을 넘는"),
        # Russian
        ("около 2 000 военных", "ru", "2000", "approximately", "около 2 000"),
        ("ещё 6 тыс. военных", "ru", "6000", "exact", "6 тыс."),
        ("более 300 ракет", "ru", "300", "more_than", "более 300"),
        ("не менее 20 тыс. рабочих", "ru", "20000", "at_least", "не менее 20 тыс."),
        ("примерно в 2 тыс. человек", "ru", "2000", "approximately", "примерно в 2 тыс."),
        # Arabic, with Arabic-Indic digits
        ("نحو ٢٠٠٠ جندي", "ar", "2000", "approximately", "نحو ٢٠٠٠"),
        ("6 آلاف جندي", "ar", "6000", "exact", "6 آلاف"),
        ("ستة آلاف جندي", "ar", "6000", "exact", "ستة آلاف"),
        ("حوالي 15 ألف عامل", "ar", "15000", "approximately", "حوالي 15 ألف"),
        ("وأكثر من ألف صاروخ", "ar", "1000", "more_than", "أكثر من ألف"),
        ("ما لا يقل عن 600 جندي", "ar", "600", "at_least", "ما لا يقل عن 600"),
        ("600 جندي على الأقل", "ar", "600", "at_least", "600 جندي على الأقل"),
    ],
)
def test_reads_number_and_hedge_in_the_texts_language(text, language, number, qualifier, wording):
    quantity = only(text, language)
    assert quantity.number == Decimal(number)
    assert quantity.qualifier == qualifier
    assert quantity.wording == wording


def test_same_digits_mean_different_numbers_in_greek_and_english():
    assert only("2.500 στρατιώτες", "el").number == Decimal("2500")
    assert only("2.500 soldiers", "en").number == Decimal("2.5")


def test_bounds_follow_the_estimate_shapes():
    approx = only("about 2,000", "en")
    assert (approx.value, approx.lower, approx.upper) == (Decimal(2000), None, None)
    at_least = only("at least 600", "en")
    assert (at_least.value, at_least.lower, at_least.upper) == (Decimal(600), Decimal(600), None)
    more = only("more than 10,000", "en")
    assert (more.value, more.lower, more.upper) == (None, Decimal(10000), None)
    up_to = only("up to 3,000", "en")
    assert (up_to.value, up_to.lower, up_to.upper) == (None, None, Decimal(3000))


@pytest.mark.parametrize(
    ("text", "language", "lower", "upper"),
    [
        ("between 300 and 400 dead", "en", 300, 400),
        ("300–400 dead", "en", 300, 400),
        ("от 300 до 400 погибших", "ru", 300, 400),
        ("από 300 έως 400 νεκροί", "el", 300, 400),
    ],
)
def test_reads_ranges(text, language, lower, upper):
    quantity = only(text, language)
    assert (quantity.qualifier, quantity.lower, quantity.upper, quantity.value) == ("range", lower, upper, None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("in 2025 the war went on", "en"),
        ("on September 3 they met", "en"),
        ("στις 3 Σεπτεμβρίου", "el"),
        ("3 сентября", "ru"),
        ("в 2025 году", "ru"),
        ("2025년 9월 3일", "ko"),
        ("F-16 jets at 10:30", "en"),
        ("the 3rd battalion", "en"),
        ("Οι δύο ηγέτες των τριών χωρών", "el"),
        ("the two leaders", "en"),
    ],
)
def test_years_days_times_names_and_small_number_words_are_not_quantities(text, language):
    assert read_quantity(text, language=language) == []


def test_small_number_word_counts_with_a_hedge():
    assert only("at least two soldiers", "en").number == Decimal(2)


def test_finds_every_number_of_the_seed_sentence_in_order():
    text = "Πιστεύει ότι η Βόρεια Κορέα σχεδιάζει να αποστείλει άλλους 6.000 στρατιώτες, με περίπου 1.000 στρατιώτες μάχης"
    found = [(q.number, q.qualifier) for q in read_quantity(text, language="el")]
    assert found == [(Decimal(6000), "exact"), (Decimal(1000), "approximately")]


def test_regional_language_tag_uses_its_base_language():
    assert only("περίπου 2.000", "el-GR").number == Decimal(2000)


def test_multiplier_at_the_end_of_a_range_applies_to_both_ends():
    quantity = only("between 3 and 5 million shells", "en")
    assert (quantity.lower, quantity.upper) == (Decimal(3_000_000), Decimal(5_000_000))
    quantity = only("от 3 до 5 млн снарядов", "ru")
    assert (quantity.lower, quantity.upper) == (Decimal(3_000_000), Decimal(5_000_000))


def test_a_span_of_years_is_not_a_range_but_a_later_range_is_read():
    [quantity] = read_quantity("in 2024–2025 there were 300-400 dead", language="en")
    assert (quantity.qualifier, quantity.lower, quantity.upper, quantity.wording) == ("range", 300, 400, "300-400")


def test_russian_do_before_a_year_is_not_up_to():
    assert read_quantity("до 2025 года", language="ru") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("북한군 2000명이 숨졌다", (Decimal(2000), "exact")),
        ("북한군 2000여명이 숨졌다", (Decimal(2000), "approximately")),
        ("2000여 명이 숨졌다", (Decimal(2000), "approximately")),
        ("사상자는 350명 안팎이다", (Decimal(350), "approximately")),
        ("1만7000여명의 무장 대원", (Decimal(17000), "approximately")),
        ("사망자가 2만명에 육박한다", (Decimal(20000), "approximately")),
        ("7만 명을 넘었다", (Decimal(70000), "more_than")),
        ("3천여명이 참가했다", (Decimal(3000), "approximately")),
        ("최소 600명이 숨졌다", (Decimal(600), "at_least")),
    ],
)
def test_korean_counters_and_hedges_are_read_before_the_year_rule(text, expected):
    [quantity] = read_quantity(text, language="ko")
    assert (quantity.number, quantity.qualifier) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("1,2차 공격이 있었다", "ko"), ("14개 산업에서", "ko"), ("over two phases", "en"),
        ("a 10-day-old campaign", "en"), ("in the past 24 hours", "en"), ("σε δύο κοινότητες", "el"),
        ("в течение 24 часов", "ru"), ("في 4 محافظات", "ar"), ("ارتكب 6 مجازر", "ar"), ("2023년 10월 7일", "ko"),
    ],
)
def test_ordinals_durations_and_counts_of_things_that_are_not_the_subject_are_not_figures(text, language):
    assert read_quantity(text, language=language) == []


def test_closer_to_is_approximately():
    [quantity] = read_quantity("closer to 2,000 have died", language="en")
    assert (quantity.number, quantity.qualifier) == (Decimal(2000), "approximately")


def test_a_range_written_with_to_is_a_range():
    [quantity] = read_quantity("NATO estimates that 7,000 to 15,000 soldiers were killed", language="en")
    assert (quantity.lower, quantity.upper, quantity.qualifier) == (Decimal(7000), Decimal(15000), "range")


def test_arabic_thousands_and_rest_are_one_figure():
    [quantity] = read_quantity("نحو 18 ألفا و500 مصاب", language="ar")
    assert (quantity.number, quantity.qualifier) == (Decimal(18500), "approximately")


def test_russian_do_after_a_verb_of_change_is_the_figure_not_a_bound():
    [quantity] = read_quantity("число погибших возросло до 10", language="ru")
    assert (quantity.number, quantity.qualifier) == (Decimal(10), "exact")
    [bound] = read_quantity("потеряли до 170 военнослужащих", language="ru")
    assert bound.qualifier == "at_most"


def test_one_is_a_figure_only_when_hedged():
    assert read_quantity("ένας τραυματίστηκε", language="el") == []
    [quantity] = read_quantity("τουλάχιστον ένας νεκρός", language="el")
    assert (quantity.number, quantity.qualifier) == (Decimal(1), "at_least")
