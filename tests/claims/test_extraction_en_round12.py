"""Round 12 of issue 15 (English claimants, relays, as-of dates and number precision): each rule of the round on a short
sentence written for the test, of the general shape the rule reads — a clause structure, a class of words. Every test
fails on the rules before the round (commit c347551)."""

import datetime as dt

import pytest

from claims.extraction.numbers import read_quantity
from tests.claims.extraction_probes import actor, extract, hops, who

TUESDAY = dt.date(2025, 3, 4)


def reuters():
    actor("reuters", "Reuters", "news_agency", "GB", ["Reuters"])


# --- subjects ----------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_subject_stands_before_modifiers_set_off_by_commas():
    # an apposition, then a participial phrase naming a place: the person heading them speaks, not the place
    [candidate] = extract("Maria Lopez, mayor of the coastal district of San Ramon, bordering Peru, told reporters that "
                          "nine people had died.")
    assert who(candidate) == "Maria Lopez"
    # an apposition, then a description of the place in the apposition
    [candidate] = extract("Twelve people were hurt, John Mensah, a senior police officer in the district of Tamale, "
                          "the scene of the crash, said.")
    assert who(candidate) == "John Mensah"


@pytest.mark.django_db
def test_a_person_described_with_three_modifiers_is_the_person_named_next():
    found = extract("The toll has risen to 40, the national flood response chief has said.\n\n"
                    "National Coordinator Anna Berg said 12 people were missing.")
    assert [who(c) for c in found] == ["Anna Berg", "Anna Berg"]


@pytest.mark.django_db
def test_and_joins_an_organisations_name_and_its_bracketed_acronym_is_the_same_body():
    found = extract("The National Office for Relief and Civil Protection (NORCP) said 12 people died.\n\n"
                    "The NORCP also said four people were missing.")
    assert [who(c) for c in found] == ["National Office for Relief and Civil Protection"] * 2
    [candidate] = extract("The State Drought Response and Recovery Council said 30 people died.")
    assert who(candidate) == "State Drought Response and Recovery Council"


@pytest.mark.django_db
def test_a_body_described_first_takes_the_name_it_is_given_next():
    found = extract("At least 44 people died, the disaster management office says.\n\n"
                    "The cyclone displaced 900 people, the National Agency for Disaster Management (NADM) said.")
    assert [who(c) for c in found] == ["National Agency for Disaster Management"] * 2


@pytest.mark.django_db
def test_an_owners_possessive_before_a_description_is_the_owners_descriptor():
    actor("un", "United Nations", "international_organization", "", ["UN", "United Nations"])
    actor("ocha", "UN Office for the Coordination of Humanitarian Affairs", "international_organization", "",
          ["OCHA"], descriptors=["the UN humanitarian office"])
    [candidate] = extract("The storm killed 14 people, according to the United Nations' humanitarian office.")
    assert who(candidate) == "ocha"


# --- media ------------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_state_media_described_speak_and_reporting_the_figure_points_back():
    found = extract("The death toll from the floods has reached 80.\n\nState radio reported the figure on Tuesday.",
                    published_on=TUESDAY)
    assert [who(c) for c in found] == ["State radio"]


@pytest.mark.django_db
def test_a_government_described_after_a_medium_spoke_is_no_medium():
    found = extract("State television said ten people died.\n\n"
                    "The interim government has said that tolls exceeding 300 are false.")
    assert [who(c) for c in found] == ["State television", "interim government"]
    assert found[1].quantity.qualifier == "more_than"


@pytest.mark.django_db
def test_a_name_with_news_after_it_relays_the_speaker():
    [candidate] = extract("Minister Carla Ruiz said on Friday that 25 people had died, Efe news reported.")
    assert (who(candidate), hops(candidate)) == ("Carla Ruiz", [["Efe"]])


@pytest.mark.django_db
def test_a_surname_again_keeps_the_relay_its_person_spoke_through():
    reuters()
    found = extract("Ten bodies were found, Omar Haddad, a civil defence official, told Reuters.\n\n"
                    "Six people were injured, Haddad added.")
    assert [(who(c), hops(c)) for c in found] == [("Omar Haddad", [["reuters"]])] * 2


@pytest.mark.django_db
def test_the_medium_told_described_is_the_last_one_named():
    found = extract("The Coast Courier newspaper reported 12 deaths.\n\n"
                    "Five people were killed on the ferry, Inspector Tom Reed told the newspaper.")
    assert [(who(c), hops(c)) for c in found] == [("Coast Courier", []), ("Tom Reed", [["Coast Courier"]])]


# --- numbers and dates ----------------------------------------------------------------------------------------------------

def test_surpassing_a_number_is_more_than_it():
    [quantity] = read_quantity("unofficial death tolls surpassing 400 are false", language="en")
    assert (quantity.number, quantity.qualifier) == (400, "more_than")


def test_one_in_a_list_of_counts_is_a_figure():
    found = read_quantity("The dead included 7 in Lima, three in Cusco and one in Puno.", language="en")
    assert [q.number for q in found] == [7, 3, 1]
    assert not read_quantity("One person was seen running.", language="en")  # still the indefinite article


@pytest.mark.django_db
def test_the_same_number_after_the_article_refers_back():
    found = extract("Floods killed 30 people, police said.\n\nRelatives buried the 30 victims on Friday.")
    assert [int(c.quantity.number) for c in found] == [30]


@pytest.mark.django_db
def test_time_words_after_an_event_verbs_object_date_the_event():
    [candidate] = extract("At least 20 people died when the storm struck the coast last week, officials said.",
                          published_on=TUESDAY)
    assert (candidate.as_of, str(candidate.as_of_precision)) == (TUESDAY, "day")
