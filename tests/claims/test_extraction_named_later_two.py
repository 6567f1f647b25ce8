"""Issue 15, thirteenth session (mechanism E, part two): a speaker described on the page is a body the page names.

On sentences written for the test (none taken from the corpus):

- an unnamed spokesman, representative or press office of a body named in the same phrase is that body, proposed as
  written when no actor holds it (Greek in the nominative): "εκπρόσωπος του ιταλικού υπουργείου Άμυνας", "متحدث باسم
  وزارة الدفاع الإيطالية", "представитель министерства обороны Италии" (Korean "국방부 대변인" stays proposed with its
  title, as the corpus annotates it);
- an acronym spelling, by initials or first syllables, a body the page named or proposed before is that body ("ΥΠΑΜ"
  after "υπουργείο Άμυνας", "МЧС" after "Министерство по чрезвычайным ситуациям"); two bodies answering, none is;
- an English body described by its kind ("the regional government said") is the body a later sentence names with a
  place's possessive and those words ("Upper Vanta's regional government"), and the same words after it are it.
"""

import time

import pytest

from claims.extraction.actors import ActorRef
from sources.models import ActorKind
from tests.claims.extraction_probes import extract, who

SPOKESMAN = {
    "el": ("Τουλάχιστον 12 στρατιώτες τραυματίστηκαν, δήλωσε εκπρόσωπος του ιταλικού υπουργείου Άμυνας.",
           "ιταλικό υπουργείο Άμυνας"),
    "el-definite": ("Σύμφωνα με τον εκπρόσωπο του υπουργείου Άμυνας της Ιταλίας, 12 στρατιώτες τραυματίστηκαν.",
                    "υπουργείο Άμυνας της Ιταλίας"),
    "ar": ("وقال متحدث باسم وزارة الدفاع الإيطالية إن 12 جنديا أصيبوا.", "وزارة الدفاع الإيطالية"),
    "ru": ("Представитель министерства обороны Италии сообщил, что ранены 12 военнослужащих.",
           "министерства обороны Италии"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(SPOKESMAN))
def test_an_unnamed_spokesman_of_a_body_named_is_that_body(case):
    text, body = SPOKESMAN[case]
    [candidate] = extract(text, case.split("-")[0])
    assert who(candidate) == body and candidate.claimant.proposed


@pytest.mark.django_db
def test_a_spokesman_named_after_the_body_is_still_the_person():
    [candidate] = extract("Τουλάχιστον 12 στρατιώτες τραυματίστηκαν, δήλωσε ο εκπρόσωπος του υπουργείου Άμυνας "
                          "Νίκος Παππάς.", "el")
    assert who(candidate) != "υπουργείο Άμυνας"


@pytest.mark.django_db
def test_a_syllable_acronym_is_the_body_proposed_before():
    found = extract("Εκπρόσωπος του ιταλικού υπουργείου Άμυνας δήλωσε ότι 12 στρατιώτες τραυματίστηκαν. Το ιταλικό ΥΠΑΜ "
                    "ανέφερε αργότερα ότι 3 αγνοούνται.", "el")
    assert [who(c) for c in found] == ["ιταλικό υπουργείο Άμυνας"] * 2


@pytest.mark.django_db
def test_an_acronym_two_bodies_spell_links_to_neither():
    found = extract("Το υπουργείο Άμυνας ανακοίνωσε ότι 12 στρατιώτες τραυματίστηκαν. Η υπηρεσία Αμυντικών Εξοπλισμών "
                    "ανακοίνωσε ότι 4 οχήματα καταστράφηκαν. Σύμφωνα με το ΥΠΑΜ, 3 αγνοούνται.", "el")
    assert who(found[-1]) == "ΥΠΑΜ"


@pytest.mark.parametrize("acronym, names, expected", [
    ("ΥΠΑΜ", ["ιταλικό υπουργείο Άμυνας"], 0),
    ("МЧС", ["Министерство по чрезвычайным ситуациям"], 0),
    ("CPA", ["Civil Protection Agency"], 0),
    ("ΥΠΑΜ", ["υπουργείο Άμυνας", "υπηρεσία Αμυντικών Μέσων"], None),  # both spell it: refused
    ("ΥΠΑΜ", ["Νίκος Υπάμης"], None),  # one word is no run
])
def test_acronym_link_by_initials_or_syllables(acronym, names, expected):
    from claims.extraction.linking import acronym_link

    refs = [ActorRef(f"proposed:{n}", n, ActorKind.GOVERNMENT_AGENCY, proposed=True) for n in names]
    found = acronym_link(acronym, list(zip(names, refs)))
    assert found == (refs[expected] if expected is not None else None)


@pytest.mark.django_db
def test_a_body_described_is_the_body_a_place_possessive_names_later():
    found = extract("At least 12 people were killed, the regional government said. Upper Vanta's regional government "
                    "said 20 people were missing. The regional government said 30 people were injured.", "en")
    assert [who(c) for c in found] == ["Upper Vanta's regional government"] * 3


@pytest.mark.django_db
def test_a_body_described_and_never_named_stays_officials():
    [candidate] = extract("At least 12 people were killed, the regional government said.", "en")
    assert who(candidate) == "officials"


@pytest.mark.parametrize("filler", ["α" * 10_000, " " * 10_000, "." * 10_000, "εκπρόσωπος του " * 700,
                                    "대변인 " * 2_500, "A's " * 2_500, "متحدث باسم " * 900])
def test_the_new_rules_stay_linear_on_hostile_text(filler):
    from claims.extraction.attribution.descriptions import _EN_PLACE_POSSESSIVE, _spokesman_spans
    from claims.extraction.linking import _spelt_by

    started = time.perf_counter()
    for language in ("el", "ru", "ar"):
        _spokesman_spans(filler, language)
    _EN_PLACE_POSSESSIVE.search(filler[-80:])
    _spelt_by("υπαμεξ", filler.split())
    assert time.perf_counter() - started < 1.0
