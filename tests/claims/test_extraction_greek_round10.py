"""Round 10 of the Greek attribution rules (issue 15): general rules read from the misses of a fresh batch of real
articles, each written for a class of constructions — a clause structure (the subject after the verb and the one told,
a reported clause inside another), a cue class (counting and recording, going on, the passive of a reporting verb with
adverbs before its agent), a case rule (a genitive is a complement, a preposition opens a phrase of its own, a group word
after a name heads its own phrase). Each test is a constructed sentence and fails on the rules before the round."""

import pytest

from tests.claims.extraction_probes import actor, afp, extract, hop_keys as hops, reuters


# --- cues ----------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_recording_a_count_names_its_subject_as_the_source():
    [police] = extract("Η αστυνομία καταγράφει 15 νεκρούς.", language="el")
    assert police.claimant.key == "officials"
    [capital, _] = extract("Από την πλευρά του, το Νέο Δελχί καταγράφει 15 αμάχους και πέντε στρατιώτες νεκρούς.",
                           language="el")
    assert capital.claimant.key == "proposed:νεο δελχι"
    [counted] = extract("Οι αρχές μετρούσαν 2.900 τραυματίες.", language="el")
    assert counted.claimant.key == "officials"
    # the passive and the subjunctive of recording fold like its present, and are no one's count
    [recorded] = extract("Η αστυνομία ανέφερε ότι έχουν καταγραφεί 15 νεκροί.", language="el")
    assert recorded.claimant.key == "officials"  # the police's verb, not "καταγραφεί" read as a count of its own
    [alone] = extract("Έχουν καταγραφεί 15 νεκροί στην πόλη.", language="el")
    assert alone.claimant.key != "officials"


@pytest.mark.django_db
def test_going_on_keeps_the_speaker_and_the_medium_he_spoke_to():
    reuters()
    first, second = extract("«Τουλάχιστον 20 άνθρωποι σκοτώθηκαν», δήλωσε στο Reuters ο Νίκος Παππάς.\n\n"
                            "«Περίπου 300 κρατούμενοι δραπέτευσαν», συνέχισε ο Παππάς.", language="el")
    assert first.claimant.key == second.claimant.key == "proposed:νικοσ παππασ"
    assert hops(second) == [["reuters"]]


@pytest.mark.django_db
def test_a_passive_of_a_reporting_verb_with_adverbs_before_its_agent():
    [known] = extract("Τουλάχιστον 51 άνθρωποι σκοτώθηκαν, έγινε σήμερα γνωστό από αστυνομική πηγή.", language="el")
    assert known.claimant.key == "officials"
    [announced] = extract("Τουλάχιστον 40 άνθρωποι σκοτώθηκαν, όπως ανακοινώθηκε χθες από το υπουργείο Υγείας.",
                          language="el")
    assert announced.claimant.key == "proposed:υπουργειο υγειασ"


@pytest.mark.django_db
def test_somewhere_about_is_approximately():
    [candidate] = extract("Οι αρχές ανέφεραν κάπου 2.900 τραυματίες.", language="el")
    assert candidate.quantity.qualifier == "approximately"


# --- clause structure: the subject after the verb -----------------------------------------------------------------

@pytest.mark.django_db
def test_an_unnamed_group_after_the_medium_told_is_the_subject():
    reuters()
    [candidate] = extract("Τουλάχιστον 20 άνθρωποι σκοτώθηκαν, είπε στο Reuters αξιωματούχος.", language="el")
    assert candidate.claimant.key == "officials"
    assert hops(candidate) == [["reuters"]]


@pytest.mark.django_db
def test_the_one_informed_in_the_accusative_relays_the_source_after_it():
    afp(aliases=["Γαλλικό Πρακτορείο"])
    [candidate] = extract("Τζιχαντιστές σκότωσαν τουλάχιστον εννιά ανθρώπους, ενημέρωσαν την Τρίτη το Γαλλικό "
                          "Πρακτορείο πηγή του στον στρατό κι αυτόπτες μάρτυρες.", language="el")
    assert candidate.claimant.key == "officials"
    assert hops(candidate) == [["afp"]]


@pytest.mark.django_db
def test_an_unnamed_source_after_its_verb_is_officials():
    [candidate] = extract("Τουλάχιστον 20 άνθρωποι σκοτώθηκαν, ανέφερε μια στρατιωτική πηγή.", language="el")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_the_speaker_of_a_reported_clause_counts_and_the_reporter_relays():
    actor("ocha", "UN Office for the Coordination of Humanitarian Affairs", "international_organization", "", ["OCHA"],
          language="el")
    [candidate] = extract("Το OCHA επισημαίνει πως οι τοπικές αρχές μετρούσαν κάπου 2.900 τραυματίες.", language="el")
    assert candidate.claimant.key == "officials"
    assert hops(candidate) == [["ocha"]]


# --- case and agreement ------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_government_of_the_country_is_not_another_countrys_government():
    actor("pakistan-government", "Government of Pakistan", "government", "PK", ["κυβέρνηση του Πακιστάν"], language="el")
    [candidate] = extract("Περισσότεροι από 2.000 άμαχοι έχουν σκοτωθεί στην Ελ Φασέρ του δυτικού Σουδάν, όπως "
                          "ανακοίνωσε η κυβέρνηση της χώρας.", language="el")
    assert candidate.claimant.key == "proposed:κυβερνηση τησ χωρασ"


@pytest.mark.django_db
def test_a_genitive_complement_is_not_a_body_of_its_own():
    actor("ohchr", "Office of the UN High Commissioner for Human Rights", "international_organization", "",
          ["Γραφείο του Ύπατου Αρμοστή των Ηνωμένων Εθνών για τα Δικαιώματα του Ανθρώπου"], language="el")
    [candidate] = extract("Τουλάχιστον 900 πτώματα ανασύρθηκαν, ανακοίνωσε χθες ο Οργανισμός Ηνωμένων Εθνών.",
                          language="el")
    assert candidate.claimant.key != "ohchr"


@pytest.mark.django_db
def test_a_preposition_opens_a_phrase_of_its_own_inside_no_description():
    [candidate] = extract("Τουλάχιστον 9 άνθρωποι σκοτώθηκαν, ανέφερε πηγή του στον στρατό.", language="el")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_kata_with_sources_and_their_genitive_complement_is_according_to():
    [candidate] = extract("Κατά πηγές του στρατού, 20 άνθρωποι σκοτώθηκαν.", language="el")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_unnamed_sources_a_medium_cites_are_officials_through_that_medium():
    actor("cnn", "CNN", "news_outlet", "US", ["CNN"], language="el")
    [candidate] = extract("Τουλάχιστον 20 άνθρωποι σκοτώθηκαν, σύμφωνα με το CNN που επικαλείται πηγές.", language="el")
    assert candidate.claimant.key == "officials"
    assert hops(candidate) == [["cnn"]]


@pytest.mark.django_db
def test_a_description_does_not_run_across_a_comma():
    reuters()
    [candidate] = extract("Σύμφωνα με το Reuters, η αστυνομία ανακοίνωσε 20 νεκρούς.", language="el")
    assert candidate.claimant.key == "officials"
    assert hops(candidate) == [["reuters"]]
