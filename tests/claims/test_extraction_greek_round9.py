"""Round 9 of the Greek attribution rules (issue 15): rules found by constructed probes of the most common Greek
news-reporting constructions (verb-first and subject-first attribution, "σύμφωνα με", "όπως δήλωσε", "κατά", "με
βάση", described and plural bodies, "ο ίδιος"), not by reading articles. Each test is a constructed sentence of one
construction, and each fails on the rules before the round."""

import pytest

from tests.claims.extraction_probes import actor, extract


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
    [planned] = extract("Με βάση το σχέδιο του ΟΗΕ, 2.000 στρατιώτες θα αποσυρθούν.", language="el")
    assert planned.claimant.key != "un"


@pytest.mark.django_db
def test_kata_with_the_police_is_according_to_the_police():
    [candidate] = extract("Κατά την αστυνομία, 8 άνθρωποι συνελήφθησαν.", language="el")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
@pytest.mark.parametrize("verb", ["ξεκαθάρισε", "διαβεβαίωσε", "αποκάλυψε", "προειδοποίησε", "κατήγγειλε"])
def test_other_verbs_of_saying_name_their_subject_as_the_source(verb):
    [candidate] = extract(f"Ο Νίκος Παππάς {verb} ότι 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:νικοσ παππασ"
    assert candidate.hedge == "asserted"


@pytest.mark.django_db
@pytest.mark.parametrize("verb", ["υποστηρίζει", "ισχυρίζεται"])
def test_claiming_in_the_present_is_an_allegation(verb):
    [candidate] = extract(f"Ο Νίκος Παππάς {verb} ότι 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:νικοσ παππασ"
    assert candidate.hedge == "alleged"


@pytest.mark.django_db
def test_speaking_of_in_the_present_plural_is_a_statement():
    [candidate] = extract("Οι αρχές κάνουν λόγο για 20 νεκρούς.", language="el")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_the_same_ones_in_the_feminine_plural_go_on_with_the_source_before():
    [first, second] = extract("Οι αρχές ανέφεραν ότι 20 άνθρωποι σκοτώθηκαν. Οι ίδιες πρόσθεσαν ότι 30 τραυματίστηκαν.",
                              language="el")
    assert first.claimant.key == second.claimant.key == "officials"


@pytest.mark.django_db
def test_the_agent_of_a_passive_reporting_verb_is_the_source():
    [announced] = extract("Όπως ανακοινώθηκε από το υπουργείο Υγείας, 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert announced.claimant.key == "proposed:υπουργειο υγειασ"
    [confirmed] = extract("Ο θάνατος 20 ανθρώπων επιβεβαιώθηκε από την αστυνομία.", language="el")
    assert confirmed.claimant.key == "officials"


# --- described bodies ----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_air_force_described_by_its_country_is_a_body_proposed_as_written():
    [candidate] = extract("Η ουκρανική πολεμική αεροπορία ανακοίνωσε ότι καταρρίφθηκαν 20 drones.", language="el")
    assert candidate.claimant.key == "proposed:ουκρανικη πολεμικη αεροπορια"


# --- a person named as the subject of a sentence with no figure ----------------------------------------------

@pytest.mark.django_db
def test_the_same_one_goes_on_with_the_subject_of_a_sentence_without_a_verb_of_saying():
    [candidate] = extract("Ο υπουργός Υγείας Νίκος Παππάς επισκέφθηκε το νοσοκομείο. Ο ίδιος ανέφερε ότι 40 άνθρωποι "
                          "σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:νικοσ παππασ"


@pytest.mark.django_db
def test_a_dropped_subject_goes_on_with_the_subject_of_the_sentence_before():
    [candidate] = extract("Ο Νίκος Παππάς επισκέφθηκε το νοσοκομείο. Δήλωσε ότι 40 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:νικοσ παππασ"
    [objected] = extract("Η αστυνομία συνέλαβε τον Νίκο Παππά. Ανέφερε ότι 40 άνθρωποι σκοτώθηκαν.", language="el")
    assert objected.claimant.key != "proposed:νικο παππα"


@pytest.mark.django_db
def test_a_fire_service_in_lower_case_no_actor_holds_is_proposed_as_written():
    [candidate] = extract("Όπως ανέφερε η πυροσβεστική, 8 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:πυροσβεστικη"


@pytest.mark.django_db
def test_a_fire_service_in_lower_case_is_not_the_ministry_that_spoke_before():
    actor("health", "Ministry of Health", "government_agency", "GR", ["υπουργείο Υγείας"], language="el")
    [first, second] = extract("Το υπουργείο Υγείας ανακοίνωσε ότι 30 άνθρωποι νοσηλεύονται. Η πυροσβεστική ανέφερε ότι "
                              "8 άνθρωποι σκοτώθηκαν.", language="el")
    assert first.claimant.key == "health"
    assert second.claimant.key == "proposed:πυροσβεστικη"


@pytest.mark.django_db
def test_the_armed_forces_of_a_country_are_a_body_proposed_with_their_country():
    [candidate] = extract("Οι ένοπλες δυνάμεις της Ουκρανίας ανακοίνωσαν ότι 40 drones καταρρίφθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:ενοπλεσ δυναμεισ τησ ουκρανιασ"
    [staff] = extract("Το Γενικό Επιτελείο των ουκρανικών ενόπλων δυνάμεων ανακοίνωσε ότι 40 drones καταρρίφθηκαν.",
                          language="el")
    assert staff.claimant.key == "proposed:γενικο επιτελειο"


# --- unnamed sources and police ------------------------------------------------------------------------------

@pytest.mark.django_db
def test_sources_of_a_body_only_described_are_unnamed_officials():
    [candidate] = extract("Σύμφωνα με πηγές της κυβέρνησης, 8 στρατιώτες σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "officials"
    [named] = extract("Σύμφωνα με πηγές του υπουργείου Άμυνας, 30 στρατιώτες σκοτώθηκαν.", language="el")
    assert named.claimant.key == "proposed:υπουργειου αμυνασ"


@pytest.mark.django_db
def test_the_local_police_are_unnamed_officials():
    [candidate] = extract("Σύμφωνα με την τοπική αστυνομία, 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "officials"


# --- a title, its genitive complements, then the name --------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("title", ["Ο επικεφαλής της τοπικής διοίκησης", "Ο επικεφαλής της περιφερειακής διοίκησης",
                                   "Ο αρχηγός της πυροσβεστικής", "Ο διοικητής της τοπικής αστυνομίας"])
def test_a_first_name_in_os_after_a_described_body_begins_the_titles_person(title):
    [candidate] = extract(f"{title} Νίκος Παππάς ανέφερε ότι 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:νικοσ παππασ"


@pytest.mark.django_db
def test_a_name_in_the_nominative_after_a_titles_building_is_the_titles_person():
    [candidate] = extract("Ο διευθυντής του νοσοκομείου Νίκος Παππάς ανέφερε ότι 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "proposed:νικοσ παππασ"
    [hospital] = extract("Ο διευθυντής του νοσοκομείου Αλ Σίφα ανέφερε ότι 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert hospital.claimant.key != "proposed:αλ σιφα"
