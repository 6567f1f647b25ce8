"""Round 9 of the Greek attribution rules (issue 15): rules found by constructed probes of the most common Greek
news-reporting constructions (verb-first and subject-first attribution, "σύμφωνα με", "όπως δήλωσε", "κατά", "με
βάση", described and plural bodies, "ο ίδιος"), not by reading articles. Each test is a constructed sentence of one
construction, and each fails on the rules before the round."""

import pytest

from tests.claims.test_extraction import actor, extract


def united_nations():
    return actor("un", "United Nations", "international_organization", "", ["ΟΗΕ"], language="el")


# --- cues ----------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_reckoning_is_estimating():
    [candidate] = extract("Η Παγκόσμια Τράπεζα υπολογίζει ότι οι ζημιές φτάνουν τα 5 δισ. δολάρια.", language="el")
    assert candidate.claimant.key == "proposed:παγκοσμια τραπεζα"


@pytest.mark.django_db
def test_on_the_basis_of_figures_is_according_to_their_source():
    united_nations()
    [candidate] = extract("Με βάση στοιχεία του ΟΗΕ, 2.000 άμαχοι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "un"


@pytest.mark.django_db
def test_on_the_basis_of_a_plan_is_no_attribution():
    united_nations()
    [candidate] = extract("Με βάση το σχέδιο του ΟΗΕ, 2.000 στρατιώτες θα αποσυρθούν.", language="el")
    assert candidate.claimant.key != "un"


@pytest.mark.django_db
def test_kata_with_the_police_is_according_to_the_police():
    [candidate] = extract("Κατά την αστυνομία, 8 άνθρωποι συνελήφθησαν.", language="el")
    assert candidate.claimant.key == "officials"


# --- described bodies ----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_air_force_described_by_its_country_is_a_body_proposed_as_written():
    [candidate] = extract("Η ουκρανική πολεμική αεροπορία ανακοίνωσε ότι καταρρίφθηκαν 20 drones.", language="el")
    assert candidate.claimant.key == "proposed:ουκρανικη πολεμικη αεροπορια"
