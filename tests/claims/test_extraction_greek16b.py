"""Greek claimants (sixteenth session, second round), on constructed sentences (none taken from the corpus):

- a count whose owner is named in the genitive, as the subject of a verb of amounting ("ο συνολικός απολογισμός του
  υπουργείου … ανέρχεται σε 452"): the owner states the figure, not the publisher; a plural genitive ("ο αριθμός των
  αγνοουμένων") is what is counted, and a sentence with "σύμφωνα με" after the verb is left to that phrase;
- a statement's noun with its owner in the genitive and then "ότι" ("μετά την ανακοίνωση του υπουργείου … ότι
  σκοτώθηκαν 41"): the owner states the clause.

Each case fails on the rules before the session, except the guard of the plural genitive (it holds before and must
hold after); the last test times each construction repeated for 10,000 characters."""

import pytest

from tests.claims.extraction_probes import actor, claimants, extract, publisher


def _ministry():
    return actor("nordland-health", "Ministry of Health (Nordland)", "government_agency", "",
                 ["υπουργείο Υγείας της Νορδλάνδης"], language="el")


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Έτσι, ο συνολικός απολογισμός του υπουργείου Υγείας της Νορδλάνδης ανέρχεται σε 452 νεκρούς.",
    "Ο νέος αριθμός του υπουργείου Υγείας της Νορδλάνδης φτάνει τους 452 νεκρούς.",
])
def test_a_count_with_its_owner_in_the_genitive_amounting_to_a_figure_is_the_owners(text):
    _ministry()
    found = extract(text, language="el", publisher=publisher())
    assert claimants(found) == [(452, "nordland-health")]


@pytest.mark.django_db
def test_a_count_of_a_plural_genitive_with_according_after_it_is_left_to_according():
    _ministry()
    found = extract("Ο αριθμός των αγνοουμένων ανέρχεται τώρα στους 3, σύμφωνα με τα στοιχεία από το υπουργείο Υγείας "
                    "της Νορδλάνδης.", language="el", publisher=publisher())
    assert claimants(found) == [(3, "nordland-health")]


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Οι συγκρούσεις ξέσπασαν μια μέρα μετά την ανακοίνωση του υπουργείου Υγείας της Νορδλάνδης ότι σκοτώθηκαν 41 "
    "άνθρωποι.",
    "Η εκτίμηση του υπουργείου Υγείας της Νορδλάνδης πως 41 άνθρωποι αγνοούνται προκάλεσε ανησυχία.",
])
def test_a_statement_with_its_owner_in_the_genitive_then_that_is_the_owners(text):
    _ministry()
    found = extract(text, language="el", publisher=publisher())
    assert claimants(found) == [(41, "nordland-health")]


@pytest.mark.django_db
@pytest.mark.parametrize("unit", [
    "ο απολογισμός του υπουργείου ανέρχεται σε ",
    "την ανακοίνωση του υπουργείου ότι ",
    "ο απολογισμός του υπουργείου της χώρας της περιοχής ",
])
def test_the_constructions_repeated_for_ten_thousand_characters_extract_in_seconds(unit):
    from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated

    elapsed = _extraction_time(_repeated(unit) + "12.", "el")
    assert elapsed < 3.0, f"{elapsed:.2f} s"
