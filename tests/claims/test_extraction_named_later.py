"""Issue 15, thirteenth session (mechanism E): a speaker described on the page and found by its name elsewhere on it.

On sentences written for the test (none taken from the corpus):

- a Greek title's genitive complement ("ο υφυπουργός Πολιτικής Προστασίας") is whose minister, not a name: the person
  described is the one named next; a name in the title's own case after the complement, or after a title in the
  genitive, is still the person's name;
- "the agency" ("το πρακτορείο", "агентство", "통신", "الوكالة") is the agency named last, not the last speaker (the
  authorities the agency quoted);
- a people's word standing alone as a speaker ("οι Ιταλοί", "the Italians", "이탈리아인들은") is its country, when the
  registry holds it.
"""

import time

import pytest

from tests.claims.extraction_probes import actor, extract, who


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Τουλάχιστον 12 άνθρωποι σκοτώθηκαν στις πλημμύρες, ανακοίνωσε ο υπουργός Δημόσιας Τάξης. «Βρήκαμε 12 νεκρούς», "
    "δήλωσε ο Πάμπλο Ρίβας στο ραδιόφωνο.",
    "Τουλάχιστον 12 άνθρωποι σκοτώθηκαν, ανακοίνωσε σήμερα ο υφυπουργός Πολιτικής Προστασίας. «Είναι τραγωδία», "
    "είπε ο Πάμπλο Ρίβας.",
])
def test_a_greek_titles_complement_is_no_name_and_the_person_is_named_next(text):
    found = extract(text, "el")
    assert found and all(who(candidate) == "Πάμπλο Ρίβας" for candidate in found)


@pytest.mark.django_db
@pytest.mark.parametrize("text, name", [
    ("Τουλάχιστον 12 άνθρωποι σκοτώθηκαν, ανακοίνωσε ο υπουργός Υγείας Νίκος Παππάς.", "Νίκος Παππάς"),
    ("Τουλάχιστον 12 άνθρωποι σκοτώθηκαν, σύμφωνα με δήλωση του υπουργού Νίκου Παππά.", "Νίκου Παππά"),
])
def test_a_name_after_a_title_is_still_the_persons(text, name):
    [candidate] = extract(text, "el")
    assert who(candidate) == name


XINHUA = {"en": "Xinhua", "el": "Xinhua", "ru": "Синьхуа", "ko": "신화통신", "ar": "شينخوا"}
AGENCY_AFTER_AUTHORITIES = {
    "ar": 'وقالت وكالة الأنباء الصينية "شينخوا" إن السلطات المحلية أكدت وقوع الانهيار. وأشارت الوكالة إلى أن 9 أشخاص '
          'لقوا مصرعهم.',
    "ar-named": "وقالت وكالة شينخوا إن السلطات المحلية أكدت وقوع الانهيار. وأشارت الوكالة إلى أن 9 أشخاص لقوا مصرعهم.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(AGENCY_AFTER_AUTHORITIES))
def test_the_agency_is_the_agency_named_last_not_the_last_speaker(case):
    language = case.split("-")[0]
    actor("xinhua", "Xinhua News Agency", "state_media", "CN", [XINHUA[language]], language=language)
    [candidate] = extract(AGENCY_AFTER_AUTHORITIES[case], language)
    assert who(candidate) == "xinhua"


ITALY = {"el": ["Ιταλία"], "en": ["Italy"], "ko": ["이탈리아"]}
FRANCE = {"el": ["Γαλλία"], "en": ["France"], "ko": ["프랑스"]}
DEMONYMS = {
    "el": "Στην πυρκαγιά αγνοούνται 15 άνθρωποι, όπως έχουν ανακοινώσει οι Ιταλοί.",
    "en": "Fifteen people are missing, the Italians said.",
    "ko": "이탈리아인들은 15명을 찾고 있다고 밝혔다.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(DEMONYMS))
def test_a_peoples_word_as_a_speaker_is_its_country(language):
    actor("italy", "Italy", "country", "IT", ITALY[language], language=language)
    actor("france", "France", "country", "FR", FRANCE[language], language=language)
    [candidate] = extract(DEMONYMS[language], language)
    assert who(candidate) == "italy"


@pytest.mark.django_db
def test_a_peoples_word_of_no_country_held_is_proposed_as_before():
    actor("france", "France", "country", "FR", ["Γαλλία"], language="el")
    [candidate] = extract("Στην πυρκαγιά αγνοούνται 15 άνθρωποι, όπως έχουν ανακοινώσει οι Ιταλοί.", "el")
    assert who(candidate) == "Ιταλοί"


@pytest.mark.parametrize("filler", ["α" * 10_000, " " * 10_000, "." * 10_000, "Άμυνας " * 1_500])
def test_the_new_rules_stay_linear_on_hostile_text(filler):
    from claims.extraction.actors import ActorIndex
    from claims.extraction.attribution.countries import country_of_demonym
    from claims.extraction.attribution.names import _el_title_complement, el_complement_of_title

    index = ActorIndex({})
    started = time.perf_counter()
    sentence = "ο υφυπουργός " + filler
    _el_title_complement(sentence, len("ο υφυπουργός "), filler.split(), {"υπουργοσ"})
    el_complement_of_title("υφυπουργός", filler.split())
    el_complement_of_title(filler, ["Άμυνας"])
    country_of_demonym(filler, "el", index)
    country_of_demonym(filler.replace("α", "s"), "en", index)
    assert time.perf_counter() - started < 1.0
