"""The English round of issue 15 (claims/extraction/attribution/english.py): rules from English grammar — reporting
participles, participial and coordinated attributions, honorifics and titles before names, unnamed authorities, the
subject past adverbials and appositions — each with an excerpt-like sentence of the kind that taught it (tests/claims/
realtext/tuning/en-60..67). Every test fails on the rules before the round."""

import pytest

from tests.claims.extraction_probes import actor, claimants, extract, who


@pytest.mark.django_db
def test_a_reporting_participle_used_as_an_adjective_or_passive_is_no_verb_of_saying():
    found = extract("Police spokesman Wasiu Abiodun said the gunmen fled.\n\n"
                    "Five workers were confirmed dead in the collapse.\n\n"
                    "The confirmed death toll approached 600 on Sunday.")
    assert [who(c) for c in found] == ["unattributed", "unattributed"]


@pytest.mark.django_db
def test_with_x_saying_is_an_attribution_whose_subject_is_x():
    found = extract("Six people are critical, local police chief Jahedur Rahman told reporters.\n\n"
                    "It was unclear how many people were trapped, with Rahman saying no more than 10 people remained "
                    "unaccounted for.")
    assert claimants(found) == [(6, "Jahedur Rahman"), (10, "Jahedur Rahman")]


@pytest.mark.django_db
def test_an_honorific_is_no_part_of_the_name_so_mr_surname_is_the_person_named_before():
    found = extract("They also destroyed the market, police spokesman Wasiu Abiodun said in a statement. "
                    "Mr Abiodun said more than 30 victims lost their lives.\n\n"
                    "Reverend Friar Stephen Kabirat told local media that the gunmen killed more than 40 people.")
    assert claimants(found) == [(30, "Wasiu Abiodun"), (40, "Stephen Kabirat")]


@pytest.mark.django_db
def test_a_capitalised_title_is_no_name_and_the_person_follows_its_of_complement():
    [candidate] = extract("The toll rose to 13, Superintendent of Police M Deepika said on Monday.")
    assert who(candidate) == "M Deepika"


@pytest.mark.django_db
def test_an_event_noun_before_a_headline_colon_names_no_speaker():
    [candidate] = extract("Bangladesh Building Collapse: Death Toll Nears 600")
    assert who(candidate) == "unattributed"


@pytest.mark.django_db
def test_a_known_surname_after_a_title_and_given_name_is_another_person_who_heads_the_subject():
    actor("khan", "Khan", "news_outlet", "", ["Khan"])
    found = extract("Some 2,437 people have been rescued, Lieutenant Imran Khan of the army control room said.\n\n"
                    "Khan said the confirmed death toll now stands at 590.")
    assert claimants(found) == [(2437, "Imran Khan"), (590, "Imran Khan")]


@pytest.mark.django_db
def test_police_rescuers_and_unnamed_governments_are_unnamed_officials():
    found = extract("At least 30 people have been killed after gunmen attacked a village, police said.\n\n"
                    "However, according to the police the death toll rose to 13.\n\n"
                    "At least 42 people were killed, the government said.\n\n"
                    "Around 100 people are feared buried, a county government said.")
    assert [who(c) for c in found] == ["officials"] * 4


@pytest.mark.django_db
def test_the_army_with_no_organisation_named_before_is_unnamed_officials():
    [candidate] = extract("The death toll approached 600 on Sunday after dozens of bodies were pulled out, the army said.")
    assert who(candidate) == "officials"


@pytest.mark.django_db
def test_an_unnamed_group_that_is_no_authority_is_proposed_as_worded():
    found = extract("At least two residents put the death toll at 37.")
    assert [who(c) for c in found if c.quantity.number == 37] == ["residents"]


@pytest.mark.django_db
def test_the_subject_is_found_past_a_time_adverbial_and_appositions_and_relative_clauses():
    found = extract("Biswajit Sahu, Chief Public Relations Officer of the railway, last night said at least nine people "
                    "were killed.\n\n"
                    "Reverend Stephen Kabirat, spokesman for the Catholic Church of Kontagora Diocese, where the attack "
                    "happened, told local media that the gunmen killed more than 40 people.")
    assert claimants(found) == [(9, "Biswajit Sahu"), (40, "Stephen Kabirat")]


@pytest.mark.django_db
def test_x_reports_that_is_the_wires_own_report():
    actor("xinhua", "Xinhua News Agency", "state_media", "CN", ["Xinhua"])
    found = extract("Officials say 12 people are missing.\n\n"
                    "The Xinhua news agency reports that 15 people died in a landslide.")
    assert claimants(found) == [(12, "officials"), (15, "xinhua")]


@pytest.mark.django_db
def test_a_second_clause_naming_its_own_speaker_is_that_speakers():
    found = extract("It was unclear how many people were trapped, with police chief Jahedur Rahman saying no more than "
                    "10 people remained unaccounted for, while fire service director Mizanur Hossain said up to 40 "
                    "people might still be under the rubble.")
    assert claimants(found) == [(10, "Jahedur Rahman"), (40, "Mizanur Hossain")]


@pytest.mark.django_db
def test_a_countrys_body_described_after_a_possessive_that_no_actor_is_proposed_as_worded():
    found = extract("Indonesia's disaster mitigation agency said 14 people died. The agency said another 5 were missing.")
    assert claimants(found) == [(14, "Indonesia's disaster mitigation agency"), (5, "Indonesia's disaster mitigation agency")]
