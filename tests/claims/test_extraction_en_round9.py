"""Round 9 of issue 15 (English probes): each rule of the round on a constructed sentence of the common wire-style
constructions it was found failing on — not on corpus articles. Every test fails on the rules before the round."""

import datetime as dt

import pytest

from claims.extraction.dates import find_dates
from tests.claims.extraction_probes import extract, who

TUESDAY = dt.date(2025, 3, 4)
MONDAY = dt.date(2025, 3, 3)


# --- claimants -------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_body_described_with_a_modifier_and_no_actor_is_proposed_as_written():
    [candidate] = extract("At least 12 people were killed, the health ministry said in a statement on Monday.",
                          published_on=TUESDAY)
    assert (who(candidate), candidate.as_of) == ("health ministry", MONDAY)
    [candidate] = extract("Twelve people were killed over the weekend, the health ministry said.", published_on=TUESDAY)
    assert who(candidate) == "health ministry"  # not "weekend, the health ministry"
    [candidate] = extract("Twelve people were killed, a spokesperson for the health ministry said on Monday.")
    assert who(candidate) == "health ministry"
    [candidate] = extract("Twelve people were killed, the Israeli military said.")
    assert who(candidate) == "Israeli military"


@pytest.mark.django_db
def test_the_ministry_referring_back_is_the_body_proposed_before():
    found = extract("The Interior Ministry said the strike hit a market.\n\n"
                    "Twelve people were killed and 30 wounded, the ministry said on Monday.")
    assert [who(c) for c in found] == ["Interior Ministry", "Interior Ministry"]


@pytest.mark.django_db
def test_an_organisations_name_joined_by_for_and_of_is_whole():
    [candidate] = extract("Twelve people were killed, the Syrian Observatory for Human Rights said on Monday.")
    assert who(candidate) == "Syrian Observatory for Human Rights"
    [candidate] = extract("The Office of the High Commissioner for Human Rights said 12 people were killed.")
    assert who(candidate) == "Office of the High Commissioner for Human Rights"


@pytest.mark.django_db
def test_a_programme_or_a_fund_names_an_organisation_of_every_word():
    [candidate] = extract("The World Food Programme estimated that 12,000 people had fled.")
    assert who(candidate) == "World Food Programme"


@pytest.mark.django_db
def test_a_person_after_a_presidents_title_speaks_though_a_possessive_follows_the_verb():
    [candidate] = extract("Twelve civilians were killed, Ukrainian President Volodymyr Zelenskiy said in his nightly "
                          "video address.")
    assert who(candidate) == "Volodymyr Zelenskiy"


@pytest.mark.django_db
def test_a_body_with_its_description_in_apposition_is_the_subject():
    [candidate] = extract("More than 12,000 people had fled, the Norwegian Refugee Council, a humanitarian group, said.")
    assert who(candidate) == "Norwegian Refugee Council"
    [candidate] = extract("UNHCR, the U.N. refugee agency, said 12,000 people had fled.")
    assert who(candidate) == "UNHCR"
    [candidate] = extract("Airwars, a London-based monitoring group, said 12 civilians were killed.")
    assert who(candidate) == "Airwars"


# --- dates -----------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_day_after_a_statement_from_a_source_is_the_statements_not_a_start():
    [candidate] = extract("At least 12 people were killed, according to a statement from the health ministry on Monday.",
                          published_on=TUESDAY)
    assert candidate.as_of == MONDAY
    assert candidate.since is None


@pytest.mark.django_db
def test_the_previous_day_is_the_day_before_the_statements():
    [candidate] = extract("The ministry had reported 12 deaths the previous day, the health ministry said on Monday.",
                          published_on=TUESDAY)
    assert candidate.as_of == dt.date(2025, 3, 2)


def test_the_day_before_alone_is_the_day_before_publication_and_before_a_noun_is_no_date():
    assert [(d.wording, d.value) for d in find_dates("Twelve died a day earlier.", language="en", published_on=TUESDAY)] \
        == [("a day earlier", MONDAY)]
    assert find_dates("Twelve died the day before the attack.", language="en", published_on=TUESDAY) == []
