"""Quotes the way curators paste them: typographic differences are tolerated, the document's exact span is
stored, the message says what was normalised; a quote still absent names the closest passage and the
first character that differs; an estimate's wording must occur in one of its claim's quotes."""

import unicodedata

import pytest

from claims.services.quotes import (
    QuoteAmbiguous,
    QuoteNotFound,
    WordingNotInQuotes,
    quote_locate,
    wording_check,
)

BODY = ("Ο Πούτιν είπε: «Οι σχέσεις είναι ‘ιδιαίτερες’» — και\u00a0τα  2.000 μέλη. "
        "It’s done – really. Café society.")


def test_exact_quote_needs_no_normalisation():
    match = quote_locate(body=BODY, quote="τα  2.000 μέλη")
    assert (BODY[match.start:match.end], match.normalised, match.message) == ("τα  2.000 μέλη", (), "")


def test_straight_apostrophe_and_hyphen_find_the_curly_apostrophe_and_en_dash():
    match = quote_locate(body=BODY, quote="It's done - really.")
    assert match.text == "It’s done – really." == BODY[match.start:match.end]
    assert "apostrophes and single quotes (' in the quote, ’ in the document)" in match.message
    assert "dashes (- in the quote, – in the document)" in match.message
    assert "the document's exact text is stored" in match.message


def test_straight_double_quotes_stand_for_guillemets_and_spaces_collapse():
    match = quote_locate(body=BODY, quote='"Οι σχέσεις είναι \'ιδιαίτερες\'" - και τα 2.000')
    assert match.text == "«Οι σχέσεις είναι ‘ιδιαίτερες’» — και\u00a0τα  2.000"
    assert "quotation marks (\" in the quote, « » in the document)" in match.message
    assert "white space" in match.message


def test_nfd_body_and_nfc_quote_are_one():
    body = unicodedata.normalize("NFD", BODY)
    match = quote_locate(body=body, quote="Café society")
    assert match.text == body[match.start:match.end] == unicodedata.normalize("NFD", "Café society")
    assert "Unicode form (NFC/NFD)" in match.message


def test_absent_quote_names_the_closest_passage_and_the_first_difference():
    with pytest.raises(QuoteNotFound) as caught:
        quote_locate(body=BODY, quote="τα 2,000 μέλη")
    message = str(caught.value)
    assert "The closest passage is at" in message and "'τα  2.000 μέλη'" in message
    assert "first differ at character 4 of the quote" in message
    assert "expected '.' as the document has it, found ','" in message
    assert caught.value.difference == {"position": 4, "offset": BODY.index("2.000") + 1, "expected": ".", "found": ","}


def test_a_quote_found_twice_once_folded_is_ambiguous():
    with pytest.raises(QuoteAmbiguous, match="occurs more than once"):
        quote_locate(body="it’s here and it’s there", quote="it's")


def test_wording_must_occur_in_a_quote_with_the_same_tolerance():
    wording_check(wording="περίπου 2.000", quotes=["σκοτώθηκαν περίπου\u00a02.000 στρατιώτες"])
    with pytest.raises(WordingNotInQuotes) as caught:
        wording_check(wording="about 9,999", quotes=["περίπου 2.000 στρατιώτες"])
    assert "'about 9,999' does not occur in any quote of its claim" in str(caught.value)
    assert "the closest is 'περίπου 2.000 στρατιώτες'" in str(caught.value)


def test_wording_without_any_quote_says_so():
    with pytest.raises(WordingNotInQuotes, match="the claim has no quote yet"):
        wording_check(wording="2,000", quotes=[])
