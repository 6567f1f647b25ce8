"""Issue 15, fourteenth session: described sources resolved to their actor (batch G's kind B).

On sentences written for the test (none taken from the corpus):

- a people's adjective with a figures, tally or estimate noun ("according to Italian figures", "по итальянским
  данным", "وحسب الأرقام الرسمية الإيطالية", "σύμφωνα με ιταλικά στοιχεία") is that country;
- the owner of a report noun ("an earlier toll by the health ministry", "وأفادت حصيلة سابقة لوزارة الصحة", "по
  предыдущим данным Минздрава") is the speaker, and "earlier" is never a name;
- "Name (ACRONYM)" proposes the name, not the acronym.
"""

import time

import pytest

from claims.extraction.attribution.described import country_of_figures
from claims.extraction.candidates import ActorIndex
from tests.claims.extraction_probes import actor, extract, who


ITALY = {"el": ["Ιταλία"], "en": ["Italy"], "ko": ["이탈리아"], "ru": ["Италия"], "ar": ["إيطاليا"]}
FRANCE = {"el": ["Γαλλία"], "en": ["France"], "ko": ["프랑스"], "ru": ["Франция"], "ar": ["فرنسا"]}
DEMONYM_FIGURES = {
    "en": "The flood killed 40 people, according to Italian tallies.",
    "en-figures": "According to Italian official figures, the flood killed 40 people.",
    "el": "Σύμφωνα με ιταλικά στοιχεία, 40 άνθρωποι σκοτώθηκαν στις πλημμύρες.",
    "ru": "По итальянским данным, в результате наводнения погибли 40 человек.",
    "ar": "وحسب الأرقام الرسمية الإيطالية، فقد قتل 40 شخصا في الفيضانات.",
    "ar-estimates": "وبحسب التقديرات الإيطالية، قتل 40 شخصا في الفيضانات.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(DEMONYM_FIGURES))
def test_a_peoples_adjective_with_a_figures_noun_is_its_country(case):
    language = case.split("-")[0]
    actor("italy", "Italy", "country", "IT", ITALY[language], language=language)
    actor("france", "France", "country", "FR", FRANCE[language], language=language)
    [candidate] = extract(DEMONYM_FIGURES[case], language)
    assert who(candidate) == "italy"


@pytest.mark.django_db
def test_a_peoples_adjective_with_media_is_no_country():
    """Guard: "σύμφωνα με γεωργιανά μέσα ενημέρωσης" (Georgian media) ends in a complement in the genitive, not in a
    figures noun, so the media are not read as the country."""
    actor("georgia", "Georgia", "country", "GE", ["Γεωργία"], language="el")
    [candidate] = extract("«Βρήκαμε 35 νεκρούς», δήλωσε ο Νίκος Παππάς, σύμφωνα με γεωργιανά μέσα ενημέρωσης.", "el")
    assert who(candidate) != "georgia"


@pytest.mark.django_db
@pytest.mark.parametrize("language, words", [
    ("en", "according to Italian official tallies "), ("ru", "по итальянским официальным данным "),
    ("ar", "وحسب الأرقام الرسمية الإيطالية "), ("el", "σύμφωνα με ιταλικά στοιχεία "),
])
def test_the_figures_reader_is_linear_in_hostile_text(language, words):
    """The reader is asked at every attribution phrase: 5,000 phrases in one sentence, each read once, within 2 s
    (it reads at most 120 characters after its phrase)."""
    actor("italy", "Italy", "country", "IT", ITALY[language], language=language)
    index = ActorIndex.from_database()
    text = words * 5000
    started = time.process_time()
    for position in range(0, len(text), len(words)):
        country_of_figures(position, text, [], language, index)
    assert time.process_time() - started < 2
