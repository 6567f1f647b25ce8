"""Round 7 of issue 15 (English attribution and dates, Arabic numbers): each rule of the round on a constructed
sentence of the kind that taught it (tests/claims/realtext/tuning/en-80..87, ar-100..104). Every test fails on the
rules before the round."""

import datetime as dt

import pytest

from claims.extraction.numbers import read_quantity
from tests.claims.test_extraction import extract


def numbers(text, language="en"):
    return [(q.wording, q.qualifier) for q in read_quantity(text, language=language)]


def who(candidate):
    return candidate.claimant.name if candidate.claimant.proposed else candidate.claimant.key


def claimants(found):
    return [(int(c.quantity.number if c.quantity.number is not None else c.quantity.lower or c.quantity.upper), who(c))
            for c in found]


def as_of(found):
    return [(c.as_of, c.as_of_precision) for c in found]


# --- numbers ---------------------------------------------------------------------------------------------------------

def test_hundreds_and_the_number_after_them_are_one_number_word():
    assert numbers("Two hundred twenty nine civilians were killed.") == [("Two hundred twenty nine", "exact")]
    assert numbers("Three hundred and five people were hurt.") == [("Three hundred and five", "exact")]


def test_events_counted_after_coordinated_modifiers_are_no_figure():
    assert numbers("They were killed in 527 terrorist and violent attacks.") == []
    assert numbers("Forces conducted more than 2,100 air, artillery and mortar attacks.") == []
    # a preposition or a noun of people between keeps the figure
    assert numbers("Militants killed 10 civilians in attacks.") == [("10", "exact")]


def test_a_percentage_of_change_is_no_figure():
    assert numbers("It shows a 15 percent increase on the month before.") == []
    assert numbers("Casualties rose, a 24% rise.") == []


def test_the_value_a_figure_replaced_after_to_n_from_is_no_figure():
    assert numbers("Seven more died, bringing the number to 82 from 75 the other day.") == [("Seven", "exact"), ("82", "exact")]
    assert numbers("The toll stands at 40, up from 31.") == [("40", "exact")]


def test_an_arabic_ordinal_teen_or_an_age_is_no_count():
    assert numbers("وقتل فتى في السادسة عشرة من العمر", "ar") == []
    assert numbers("في الحادي عشر من الشهر قتل عشرة أشخاص", "ar") == [("عشرة", "exact")]


def test_an_arabic_verb_of_exceeding_is_more_than():
    assert numbers("وأوضح المرصد أن مجموع القتلى فاق 1300 شخصا", "ar") == [("فاق 1300", "more_than")]


# --- dates -----------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_month_after_a_future_verb_is_the_coming_one():
    [candidate] = extract("The number of U.S. troops will grow to about 98,000 by September.",
                          published_on=dt.date(2010, 6, 10))
    assert (candidate.as_of, candidate.as_of_precision) == (dt.date(2010, 9, 1), "month")


@pytest.mark.django_db
def test_the_day_of_an_attack_named_after_in_is_the_events_in_arabic():
    [candidate, _] = extract("قالت الأمم المتحدة في بيان اليوم الخميس إن عشرة مدنيين قتلوا وأصيب 30 آخرون في هجوم "
                             "صاروخي على مخيم النيرب قرب مدينة حلب مساء الثلاثاء.", language="ar",
                             published_on=dt.date(2019, 5, 16))
    assert candidate.as_of == dt.date(2019, 5, 16)


@pytest.mark.django_db
def test_the_day_an_offensive_began_is_the_events():
    [candidate] = extract("A coalition of about 100,000 forces began the ground offensive to capture the city on Oct. 17.",
                          published_on=dt.date(2016, 10, 28))
    assert candidate.as_of == dt.date(2016, 10, 28)


@pytest.mark.django_db
def test_a_count_after_a_ceasefire_came_into_force_counts_since_then():
    found = extract("قتل اكثر من 11100 شخص، بينهم 55 بعد دخول وقف إطلاق النار حيز التنفيذ الخميس، بحسب ما افاد "
                    "المرصد اليوم الاثنين.", language="ar", published_on=dt.date(2012, 4, 16))
    assert [c.as_of for c in found] == [dt.date(2012, 4, 16), dt.date(2012, 4, 16)]
    [candidate] = extract("At least 55 people were killed after the ceasefire took effect on Thursday, the group said "
                          "on Monday.", published_on=dt.date(2012, 4, 16))
    assert candidate.as_of == dt.date(2012, 4, 16)


@pytest.mark.django_db
def test_a_day_in_the_relative_clause_of_an_included_figure_is_not_the_totals():
    found = extract("A total of 23 troops were killed since Monday, including four soldiers who died when their "
                    "helicopter was shot down earlier Wednesday.", published_on=dt.date(2010, 6, 10))
    assert [c.as_of for c in found] == [dt.date(2010, 6, 10), dt.date(2010, 6, 9)]
