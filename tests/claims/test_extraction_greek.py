"""The Greek round of issue 15 (seventh session): Greek claimant attribution from the language's grammar — case (nominative
subject, genitive complement, accusative object), word order (the verb of saying before its subject), articles and
honorifics, periphrastic tenses, bodies named in lower case, and media named in Latin script. Each test is an
excerpt-like sentence of the kind the fresh Greek batch (tests/claims/realtext/tuning/el-90..95) showed, and each fails on
the rules before the round."""

import pytest

from tests.claims.extraction_probes import actor, afp, extract, hop_keys as hops


# --- names and case ----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_latin_script_name_does_not_decline_in_greek_text():
    # "newsis" with a Greek case ending is no "News18"; a Latin word after an outlet is no genitive place either
    actor("newsis", "Newsis", "news_agency", "KR", ["Newsis"])
    actor("cnn", "CNN", "news_outlet", "US", ["CNN"], language="el")
    [first, second] = extract("Ωστόσο, το τηλεοπτικό κανάλι CNN News18 της Ινδίας ανέφερε ότι στο αεροπλάνο υπήρχαν "
                              "220 επιβάτες και 12 μέλη πληρώματος.", language="el")
    assert {first.claimant.key, second.claimant.key} == {"proposed:news18"}


@pytest.mark.django_db
def test_the_accusative_article_after_according_to_marks_the_source_not_a_place():
    [candidate] = extract("Τουλάχιστον 10 από τους τραυματίες βρίσκονται σε κρίσιμη κατάσταση, σύμφωνα με τον Μουχάμαντ "
                          "Άσιμ Χαν, εκπρόσωπο του νοσοκομείου Lady Reading της Πεσάβαρ.", language="el")
    assert candidate.claimant.proposed and "χαν" in candidate.claimant.key


@pytest.mark.django_db
def test_a_name_after_a_place_noun_is_a_place_and_a_definite_spokesman_with_a_complement_is_unnamed():
    afp()
    [first, second] = extract("Ο εκπρόσωπος της επαρχίας Τσέμπου (κεντρικές Φιλιππίνες) διευκρίνισε στο Γαλλικό Πρακτορείο "
                              "πως άλλα 35 πτώματα ανακαλύφθηκαν, αυξάνοντας τον περιφερειακό απολογισμό σε 76 νεκρούς.",
                              language="el")
    assert [(c.claimant.key, hops(c)) for c in (first, second)] == [("officials", [["afp"]])] * 2


@pytest.mark.django_db
def test_an_honorific_abbreviation_ends_no_clause():
    [_, candidate] = extract(
        "Άλλοι 150 άνθρωποι έχασαν τη ζωή τους στην Αϊτή, με τον Ύπατο Αρμοστή, Φόλκερ Τουρκ, να εκφράζει την ανησυχία του.\n\n"
        "«Τουλάχιστον 150 άνθρωποι σκοτώθηκαν», τόνισε ο κ. Τουρκ, σύμφωνα με ανακοίνωση των υπηρεσιών του.", language="el")
    assert candidate.claimant.key == "proposed:φολκερ τουρκ"


# --- media -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_medium_after_se_is_the_one_told_after_any_verb_and_after_an_apposition():
    actor("dpa", "Deutsche Presse-Agentur", "news_agency", "DE", ["Γερμανικό Πρακτορείο"], language="el")
    afp()
    first, second = extract(
        "«Τουλάχιστον 89 άνθρωποι έχασαν τη ζωή τους», δήλωσε ο Αγιάζ Χαν, εκπρόσωπος της αστυνομίας στην πόλη, στο "
        "Γερμανικό Πρακτορείο.\n\nΝωρίτερα αξιωματούχος ιατρικών υπηρεσιών έκανε λόγο στο Γαλλικό Πρακτορείο για τουλάχιστον "
        "27 νεκρούς.", language="el")
    assert (first.claimant.key, hops(first)) == ("proposed:αγιαζ χαν", [["dpa"]])
    assert (second.claimant.key, hops(second)) == ("officials", [["afp"]])


@pytest.mark.django_db
def test_a_latin_medium_name_relays_the_speaker_it_is_cited_for():
    [first, _] = extract("Παράλληλα, σύμφωνα με το Sky News, ο ηγέτης του Χονγκ Κονγκ, Τζον Λι, δήλωσε ότι 279 άνθρωποι "
                         "αγνοούνται και 29 άνθρωποι παραμένουν στο νοσοκομείο.", language="el")
    assert (first.claimant.key, hops(first)) == ("proposed:τζον λι", [["proposed:sky news"]])


# --- verbs, subjects and word order --------------------------------------------------------------------

@pytest.mark.django_db
def test_the_pluperfect_with_an_adverb_after_the_auxiliary_is_a_reporting_verb():
    [candidate] = extract("Ο Ραφαελίτο Αλεχάντρο είχε προηγουμένως επιβεβαιώσει το θάνατο τουλάχιστον 17 θυμάτων.",
                          language="el")
    assert candidate.claimant.key == "proposed:ραφαελιτο αλεχαντρο"


@pytest.mark.django_db
def test_a_body_described_in_lower_case_is_proposed_not_the_last_source():
    afp()
    actor("italy-civil-protection", "Civil Protection Department (Italy)", "government_agency", "IT",
          ["Υπηρεσία Πολιτικής Προστασίας της Ιταλίας"], language="el")
    actor("philippines", "Philippines", "country", "PH", ["Φιλιππίνες"], language="el")
    first, second = extract(
        "Ο τυφώνας στοίχισε τη ζωή σε πάνω από 90 ανθρώπους στις Φιλιππίνες, σύμφωνα με το Γαλλικό Πρακτορείο.\n\n"
        "Νωρίτερα η πολιτική προστασία στο αρχιπέλαγος,είχε κάνει λόγο για 66 νεκρούς.", language="el")
    assert first.claimant.key == "afp"
    assert (second.claimant.key, second.claimant.proposed, hops(second)) == ("proposed:πολιτικη προστασια", True, [])


@pytest.mark.django_db
def test_the_subject_of_a_verb_after_a_comma_follows_the_verb():
    [candidate] = extract("Ένοπλοι σκότωσαν 18 ανθρώπους στη βορειοανατολική πόλη της Νιγηρίας, το Μαϊντουγκούρι, "
                          "ανακοίνωσαν οι αρχές.", language="el")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_an_official_of_an_organisation_named_by_its_acronym_speaks_for_it():
    [candidate] = extract("Ένοπλοι σκότωσαν 18 ανθρώπους στη βορειοανατολική πόλη της Νιγηρίας, το Μαϊντουγκούρι, "
                          "ανακοίνωσε αξιωματούχος της κρατικής υπηρεσίας αντιμετώπισης εκτάκτων αναγκών (SEMA).",
                          language="el")
    assert candidate.claimant.key == "proposed:sema"


@pytest.mark.django_db
def test_a_report_set_off_as_the_subject_names_no_one():
    first, second = extract("Οι νεκροί αυξήθηκαν σε 24, ανακοίνωσαν οι αρχές.\n\nΟ προηγούμενος επίσημος απολογισμός μια "
                            "μέρα νωρίτερα, έκανε λόγο για 16 νεκρούς.", language="el")
    assert first.claimant.key == "officials"
    assert second.claimant.key != "officials"


@pytest.mark.django_db
def test_kata_with_a_source_is_according_to_and_unnamed_sources_are_officials():
    first, second = extract("Ένοπλοι επιτέθηκαν σε αυτοκινητοπομπή, σκοτώνοντας τέσσερις ανθρώπους κι απαγάγοντας άλλους "
                            "τρεις, κατά επίσημες συγκλίνουσες πηγές.", language="el")
    assert (first.claimant.key, second.claimant.key) == ("officials", "officials")
    [during] = extract("Κατά τη διάρκεια της νύχτας ανασύρθηκαν ακόμη δέκα πτώματα.", language="el")
    assert during.claimant.key != "officials"
