"""Proposed speakers' names and their spans (tenth session): constructed phrases, one per cause found on text the
rules were not written from — a day or a time word before the subject, a clitic, coordinated names, a bracket, a
person only described, a body the registry holds under other words."""

from types import SimpleNamespace

import pytest

from claims.extraction.actors import ActorRef
from claims.extraction.attribution.names import described_actor, shaped_name


@pytest.mark.parametrize("language, span, expected", [
    # a weekday and an article between the verb and its subject ("κατέγραψε την Παρασκευή ο στρατός του Μάλι")
    ("el", "Παρασκευή ο στρατός του Μάλι", "στρατός του Μάλι"),
    ("en", "Friday the Civil Defence Office", "Civil Defence Office"),
    ("ru", "пятницу Управление гражданской обороны", "Управление гражданской обороны"),
    # a preposition with its clitic pronoun ("أفادت بها وكالة …")
    ("ar", "بها وكالة الأنباء المحلية", "وكالة الأنباء المحلية"),
    # coordinated names: the first, as curators annotate coordinated claimants
    ("ko", "말라위와 우루과이", "말라위"),
    ("en", "Malawi and Uruguay", "Malawi"),
    # a bracket glossing the name is no part of it
    ("ko", "콩고민주공화국(민주콩고", "콩고민주공화국"),
    # a name stays whole
    ("en", "Luis Felipe Puente", "Luis Felipe Puente"),
    ("ar", "عبد الجليل عبد الرحيم", "عبد الجليل عبد الرحيم"),
    ("ko", "독일 언론", "독일 언론"),
])
def test_span_is_trimmed_to_the_name(language, span, expected):
    assert shaped_name(span, language) == expected


@pytest.mark.parametrize("language, span", [
    ("ar", "وقت سابق"),       # "في وقت سابق": earlier, a time
    ("ko", "본 사람"),         # "피해를 본 사람": the one who suffered, a relative clause
    ("ko", "숨진 사람들"),
    ("en", "Media"),
    ("ru", "Источники"),
])
def test_what_names_no_one_is_not_proposed(language, span):
    assert shaped_name(span, language) == ""


def _index(names):
    return SimpleNamespace(names=names, descriptors={})


def test_a_body_the_registry_holds_in_other_words_resolves_to_it():
    agency = ActorRef("agency-x", "Arab News Agency of X", "state_media")
    ministry = ActorRef("ministry-x", "Ministry of Interior of X", "government_agency")
    index = _index({"الوكالة العربية الفلانية للانباء": agency, "وزارة الداخلية الفلانية": ministry})
    assert described_actor("وكالة الأنباء الفلانية", "ar", index) is agency
    assert described_actor("وزارة الداخلية الفلانية", "ar", index) is ministry


def test_a_description_two_actors_fit_or_no_body_word_is_not_resolved():
    one = ActorRef("health-a", "Ministry of Health of A", "government_agency")
    two = ActorRef("health-b", "Ministry of Health of B", "government_agency")
    index = _index({"ministry of health of a": one, "ministry of health of b": two})
    assert described_actor("health ministry", "en", index) is None      # two actors fit
    person = ActorRef("someone", "Hassan Ali", "person")
    assert described_actor("Hassan Ali", "en", _index({"hassan ali": person})) is None  # a name, not a description
