"""The review of the thirteenth session's extraction changes (issue 15): each test reproduces a finding on a sentence
of the reviewer's own, and failed on main at 269b2ba."""

import pytest

from claims.extraction.attribution.names import el_complement_of_title
from tests.claims.extraction_probes import extract, publisher, who


# Finding 1: the Greek title-complement rule read a man's first name in "-κλής" (Περικλής, Θεμιστοκλής) or a surname
# in "-λής" (Καραμανλής) as a portfolio in the genitive ("Πολιτικής"), so the minister named after his title was
# dropped and the figure went to unnamed officials.
@pytest.mark.parametrize("words", [["Περικλής", "Μητσάκης"], ["Θεμιστοκλής", "Δεμίρης"], ["Καραμανλής"]])
def test_a_name_in_klis_after_a_title_is_no_complement(words):
    assert not el_complement_of_title("υπουργός", words)


@pytest.mark.parametrize("words", [["Πολιτικής", "Προστασίας"], ["Δημόσιας", "Τάξης"], ["Εξωτερικών"]])
def test_a_portfolio_after_a_title_stays_a_complement(words):
    assert el_complement_of_title("υφυπουργός", words)


@pytest.mark.django_db
@pytest.mark.parametrize("text,speaker", [
    ("Ο υπουργός Περικλής Μητσάκης δήλωσε ότι 12 άνθρωποι σκοτώθηκαν.", "Περικλής Μητσάκης"),
    ("Δήλωσε ο υφυπουργός Θεμιστοκλής Δεμίρης ότι 12 άνθρωποι σκοτώθηκαν.", "Θεμιστοκλής Δεμίρης"),
])
def test_a_minister_named_in_klis_is_the_speaker(text, speaker):
    found = extract(text, language="el", publisher=publisher())
    assert [(int(c.quantity.number), who(c)) for c in found] == [(12, speaker)]
