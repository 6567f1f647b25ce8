"""Who states a figure that has no speaker of its own (issue 15, thirteenth session), the same rule in el, en, ko, ar and
ru, on constructed sentences (none taken from the corpus): a count, a toll, a report or data as the subject of a verb of
saying is no one — the figures are the text's author's, not the source named before, unless the phrase names whose
count it is; and an opening clause with figures before a verb that reports only what follows it ("…, while the police
said that …") is the author's too. Each case fails on the rules before the session."""

import time

import pytest

from claims.extraction.attribution.clauses import author_clause, non_agent_subject
from claims.extraction.attribution.state import Cue
from tests.claims.extraction_probes import actor, claimants, extract, publisher


def _police(language):
    names = {"en": ["the police"], "el": ["η αστυνομία", "αστυνομία"], "ko": ["경찰"], "ar": ["الشرطة"],
             "ru": ["полиция", "полиции"]}
    actor("police", "Police", "government_agency", "", names[language], language=language)


# A speaker named first; then a count as the subject of a verb of saying (past an aside between commas, or after the
# verb); then the same count with its owner named. (Arabic, whose verbs without a subject found already gave such a
# sentence to the author before the session, has no case here: it would not fail before.)
COUNT_SUBJECT = {
    "en": "Governor Anna Berg said 40 people were killed. The first tally, on Saturday, reported 3 deaths. "
          "The police's tally reported 5 deaths.",
    "el": "Ο κυβερνήτης Νίκος Βέργος δήλωσε ότι 40 άνθρωποι σκοτώθηκαν. Ο πρώτος απολογισμός, το Σάββατο, έκανε λόγο "
          "για 3 νεκρούς. Ο απολογισμός της αστυνομίας έκανε λόγο για 5 νεκρούς.",
    "ko": "안나 베르크 주지사는 40명이 숨졌다고 밝혔다. 첫 집계는 사망자가 3명이라고 밝혔다. 경찰 집계는 사망자가 5명이라고 밝혔다.",
    "ru": "Губернатор Анна Берг заявила, что погибли 40 человек. Первые данные, в субботу, сообщали о 3 погибших. "
          "Данные полиции сообщали о 5 погибших.",
}
SPEAKER = {"en": "Anna Berg", "el": "Νίκος Βέργος", "ko": "안나 베르크", "ru": "Анна Берг"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(COUNT_SUBJECT))
def test_a_count_as_the_subject_states_for_the_author_unless_its_owner_is_named(language):
    _police(language)
    found = claimants(extract(COUNT_SUBJECT[language], language=language, publisher=publisher()))
    assert [n for n, _ in found] == [40, 3, 5]
    assert found[0][1] in (SPEAKER[language], f"~{SPEAKER[language]}") or SPEAKER[language] in found[0][1]
    assert found[1] == (3, "paper")  # not the governor going on
    assert found[2] == (5, "police")


# An opening clause with a figure and no cue, then a verb of saying with "that" after it: it reports only what follows.
OPENING_CLAUSE = {
    "en": "Another 23 people are missing, while the police said that 15 bodies were found.",
    "el": "Άλλοι 23 άνθρωποι αγνοούνται, ενώ η αστυνομία ανακοίνωσε ότι βρέθηκαν 15 σοροί.",
    "ar": "وما زال 23 شخصا في عداد المفقودين، فيما قالت الشرطة إن 15 جثة انتشلت.",
    "ru": "Еще 23 человека числятся пропавшими, а полиция сообщила, что найдены 15 тел.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(OPENING_CLAUSE))
def test_a_clause_before_a_verb_that_reports_what_follows_it_is_the_authors(language):
    _police(language)
    found = claimants(extract(OPENING_CLAUSE[language], language=language, publisher=publisher()))
    assert found == [(23, "paper"), (15, "police")]


@pytest.mark.parametrize("language", ["en", "el", "ko", "ar", "ru"])
@pytest.mark.parametrize("unit", ["a", " ", ",", ", and", "، و", " και", "toll ", "απολογισμός, "])
def test_the_rules_stay_linear_on_hostile_text(language, unit):
    text = (unit * (10_000 // len(unit) + 1))[:10_000]
    cue = Cue(len(text) - 1, len(text), "speech", "asserted", "left", "said")
    started = time.perf_counter()
    non_agent_subject(cue, text, [], language)
    author_clause(text, [cue], [0, 5000], language)
    assert time.perf_counter() - started < 1.0
