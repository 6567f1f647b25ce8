"""Hostile text (thirteenth session): the rules asked for at every verb of a sentence no longer read the whole sentence
before it each time. A sentence of 10,000 characters of reporting verbs has about a thousand of them, and the cues
before each, the clause's adverbials and the attribution phrases' objects were searched for from the sentence's start
for each one (minutes; each timed here in CPU seconds, within 2). Each rewrite is checked to find what the search it
replaces found."""

import random
import re
import time

import pytest

from claims.extraction.attribution import clauses, english
from claims.extraction.attribution.cuefinding import find_cues, may_hold
from claims.extraction import cues as C

BUDGET = 2.0  # CPU seconds for 10,000 characters

# a reporting verb of each language, repeated, then a figure: one sentence of about a thousand cues
VERBS = {
    "en": ("Reuters said ", " 12 people were killed."),
    "el": ("ανέφερε ", " 12 άνθρωποι σκοτώθηκαν."),
    "ru": ("сообщил ", " погибли 12 человек."),
    "ar": ("قال ", " مقتل 12 شخصا."),
    "ko": ("밝혔다 ", " 12명이 숨졌다."),
}


def _repeated(unit: str, length: int = 10000) -> str:
    return (unit * (length // len(unit) + 1))[:length]


@pytest.mark.parametrize("language", sorted(VERBS))
def test_the_attribution_phrases_before_every_verb_of_a_long_sentence_are_found_in_linear_time(language):
    verb, figure = VERBS[language]
    sentence = _repeated(verb) + figure
    started = time.process_time()
    cues = find_cues(sentence, language, [])
    objects = [clauses._phrase_objects(sentence[:cue.start], language) for cue in cues]
    elapsed = time.process_time() - started
    assert len(cues) > 500 and objects == [[]] * len(cues)
    assert elapsed < BUDGET, f"{elapsed:.2f} s"


def test_a_sentence_of_attribution_phrases_still_has_their_objects():
    sentence = "Σύμφωνα με το υπουργείο, σύμφωνα με την αστυνομία, ανέφερε ότι 12 άνθρωποι σκοτώθηκαν"
    cue = [c for c in find_cues(sentence, "el", []) if c.role == C.SPEECH][-1]
    assert may_hold(sentence[:cue.start], "el", (C.ACCORDING, C.CITING))
    assert clauses._phrase_objects(sentence[:cue.start], "el") == [(10, 23), (35, 49)]
    assert not may_hold("Reuters said said said", "en", (C.ACCORDING, C.CITING))


@pytest.mark.parametrize("text", [
    "The spokesman" + " " * 10000 + "said",                         # a run of spaces after the subject
    _repeated("the spokesman said ") + "said",                       # a verb after thousands of words
    _repeated("said also ") + "said",
])
def test_the_adverbial_before_an_english_verb_is_found_in_linear_time(text):
    positions = [m.start() for m in re.finditer(r"said", text)]
    started = time.process_time()
    for position in positions:
        english.adverbial_before(text, position)
    elapsed = time.process_time() - started
    assert elapsed < BUDGET, f"{elapsed:.2f} s"


def test_the_adverbial_before_a_verb_is_the_one_the_whole_text_s_search_finds():
    pieces = ["also", "said", " ", "  ", "late", "on", "a", "an", "in", "statement", "interview", "(IOM)", "(U.N.)",
              "(", ")", ".", ",", "x", "Monday", "morning", "last", "night", "the", "contrary", "\n", "-", "&",
              "yesterday", "soon", "ſ", "K", "for", "his", "part", "then", "Twitter", "abc", "_1", " " * 70,
              "said " * 60, "also " * 60, "late" + " " * 66]
    generator = random.Random(13)
    for _ in range(800):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 24)))
        for position in {len(text), generator.randint(0, len(text))}:
            plain = english._ADVERBIAL.search(text[:position])
            found = english.adverbial_before(text, position)
            assert (plain and plain.span()) == (found and found.span()), repr(text[:position])


def test_the_clause_start_before_every_verb_is_the_last_boundary_before_it():
    generator = random.Random(14)
    for _ in range(3000):
        text = "".join(generator.choice([" ", "-", ",", "a", "«", "—", " - "]) for _ in range(generator.randint(0, 20)))
        for position in range(len(text) + 1):
            plain = [m.end() for m in clauses._BOUNDARY.finditer(text, 0, position)]
            assert clauses._clause_start(text, position) == (plain[-1] if plain else 0), repr(text)
