"""Carry-forward of the speaker (fourteenth session), the same rules in el, en, ko, ar and ru, on constructed sentences
(none taken from the corpus):

- a person who relayed the last figure through a medium ("…, the director said, VOA reports") and speaks again in a
  quotation goes on through that medium;
- an agentless passive of estimating ("…으로 추산된다", "casualties are estimated at …") is the estimate of the source
  last named, through its relays.

Each case fails on the rules before the session."""

import time

import pytest

from tests.claims.extraction_probes import actor, extract, figures_through, publisher

VOA = {"en": ["Voice of America", "VOA"], "el": ["Φωνή της Αμερικής", "VOA"], "ko": ["미국의소리", "VOA"],
       "ar": ["صوت أمريكا"], "ru": ["VOA", "Голос Америки"]}


def _voa(language):
    actor("voa", "Voice of America", "news_outlet", "US", VOA[language], language=language)


# A country's estimate passed on by a person and a medium ("according to US estimates, …, director X said, VOA
# reports"), then the person quoted again by surname: his own words, through the same medium.
HOP_SPEAKS_AGAIN = {
    "en": "According to Freedonia, about 15,000 soldiers were killed, director John Marlow told VOA on "
          "Wednesday.\n\"About 45,000 were wounded,\" Marlow said at the forum.",
    "el": "Σύμφωνα με εκτιμήσεις της Φρειδονίας, περίπου 15.000 στρατιώτες σκοτώθηκαν, δήλωσε ο διευθυντής Νίκος "
          "Βέργος, μεταδίδει το VOA.\n«Περίπου 45.000 τραυματίστηκαν», είπε ο Βέργος στο φόρουμ.",
    "ar": "وفقا لتقديرات فريدونيا، قتل نحو 15 ألف جندي، حسبما قال المدير جون مارلو في تصريح لصوت أمريكا.\n"
          "وقال مارلو في المنتدى: \"أصيب نحو 45 ألفا\".",
    "ru": "По оценкам Фридонии, погибли около 15 тысяч военных, заявил в среду директор Иван Петров, передает VOA.\n"
          "«Около 45 тысяч ранены», – заявил Петров на форуме.",
}
COUNTRY = {"en": ["Freedonia"], "el": ["Φρειδονία", "Φρειδονίας"], "ar": ["فريدونيا"], "ru": ["Фридония", "Фридонии"]}
PERSON = {"en": "John Marlow", "el": "Νίκος Βέργος", "ar": "جون مارلو", "ru": "Иван Петров"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(HOP_SPEAKS_AGAIN))
def test_a_person_who_relayed_a_figure_goes_on_through_the_same_medium_when_quoted(language):
    _voa(language)
    actor("freedonia", "Freedonia", "country", "FD", COUNTRY[language], language=language)
    found = figures_through(extract(HOP_SPEAKS_AGAIN[language], language=language, publisher=publisher()))
    assert [figure for figure, _, _ in found] == [15000, 45000]
    assert found[0][1] == "freedonia" and found[0][2][-1] == ["voa"]
    assert PERSON[language] in found[1][1]
    assert found[1][2] == [["voa"]]


# A source through a medium; then the next paragraph's figure with an agentless passive of estimating.
PASSIVE_ESTIMATE = {
    "en": "According to Voice of America, the Ministry of Defence estimated that 40,000 soldiers were killed.\n"
          "Casualties, including the wounded, are estimated at up to 200,000.",
    "el": "Σύμφωνα με τη Φωνή της Αμερικής, το υπουργείο Άμυνας εκτίμησε ότι σκοτώθηκαν 40.000 στρατιώτες.\n"
          "Οι απώλειες, μαζί με τους τραυματίες, εκτιμάται ότι φτάνουν τις 200.000.",
    "ko": "미국의소리에 따르면 국방부는 전사자 수가 4만명에 달한다고 추산했다.\n"
          "부상자를 포함한 사상자 수는 최대 20만명에 달하는 것으로 추산된다.",
    "ru": "Министерство обороны сообщило, что погибли 40 тысяч военных, передает VOA.\n"
          "Общие потери, включая раненых, оцениваются в 200 тысяч.",
}
MINISTRY = {"en": ["Ministry of Defence"], "el": ["υπουργείο Άμυνας"], "ko": ["국방부"], "ru": ["Министерство обороны", "министерство обороны"]}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(PASSIVE_ESTIMATE))
def test_an_agentless_passive_of_estimating_is_the_last_sources_estimate(language):
    _voa(language)
    actor("mod", "Ministry of Defence", "government_agency", "GB", MINISTRY[language], language=language)
    found = figures_through(extract(PASSIVE_ESTIMATE[language], language=language, publisher=publisher()))
    assert [figure for figure, _, _ in found] == [40000, 200000]
    assert found[0][1:] == ("mod", [["voa"]])
    assert found[1][1:] == ("mod", [["voa"]])


# Guard (passes before the session too): figures the author states, then the passive — no one's estimate but the author's.
PASSIVE_AFTER_THE_AUTHOR = {
    "en": "According to the Ministry of Defence, 40 soldiers were killed.\nAnother 11 are in hospital.\n"
          "About 110 soldiers are estimated to have been at the base.",
    "el": "Σύμφωνα με το υπουργείο Άμυνας, σκοτώθηκαν 40 στρατιώτες.\nΆλλοι 11 νοσηλεύονται.\n"
          "Εκτιμάται ότι περίπου 110 στρατιώτες βρίσκονταν στη βάση.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(PASSIVE_AFTER_THE_AUTHOR))
def test_a_passive_of_estimating_after_the_authors_figures_stays_the_authors(language):
    """A guard: the passive goes on with the speaker of the figures just before it, and those were the author's."""
    actor("mod", "Ministry of Defence", "government_agency", "GB",
          {"en": ["Ministry of Defence"], "el": ["υπουργείο Άμυνας"]}[language], language=language)
    found = figures_through(extract(PASSIVE_AFTER_THE_AUTHOR[language], language=language, publisher=publisher()))
    assert [(figure, speaker) for figure, speaker, _ in found] == [(40, "mod"), (11, "paper"), (110, "paper")]


@pytest.mark.parametrize("language", ["en", "el", "ko", "ru"])
def test_many_passives_of_estimating_are_read_quickly(language):
    """Hostile text: 5,000 passives of estimating in one sentence are read within a few seconds."""
    from claims.extraction.attribution.agents import passive_estimate
    from claims.extraction.attribution.cuefinding import find_cues

    word = {"en": "casualties are estimated at", "el": "εκτιμάται ότι", "ko": "것으로 추산된다",
            "ru": "потери оцениваются в"}[language]
    sentence = " ".join([f"{word} 5"] * 5000)
    started = time.perf_counter()
    cues = find_cues(sentence, language, [])
    assert sum(passive_estimate(cue, sentence, language) for cue in cues) >= 1000
    assert time.perf_counter() - started < 5


# The owner of a report noun: "حصيلة سابقة لوزارة الصحة", "по предыдущим данным Минздрава" — the body after the noun
# speaks, and "earlier" (سابقة) is no one's name.
REPORT_OWNER = {
    "ar": "وأفادت حصيلة سابقة لوزارة الصحة بسقوط 492 قتيلا.",
    "ru": "По предыдущим данным Минздрава, погибли 492 человека.",
}
# The same in the languages whose rules read it before the session (a guard).
REPORT_OWNER_GUARD = {
    "en": "According to an earlier toll by the health ministry, 492 people were killed.",
    "el": "Σύμφωνα με προηγούμενο απολογισμό του υπουργείου Υγείας, σκοτώθηκαν 492 άνθρωποι.",
    "ko": "보건부의 앞선 집계에 따르면 492명이 숨졌다.",
}
HEALTH = {"en": ["health ministry"], "el": ["υπουργείο Υγείας", "υπουργείου Υγείας"], "ko": ["보건부"],
          "ar": ["وزارة الصحة"], "ru": ["Минздрав", "Минздрава"]}


def _owner_found(text, language):
    actor("health", "Ministry of Health", "government_agency", "LB", HEALTH[language], language=language)
    found = figures_through(extract(text, language=language, publisher=publisher()))
    return [(figure, speaker) for figure, speaker, _ in found]


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(REPORT_OWNER))
def test_the_owner_of_an_earlier_report_is_its_speaker(language):
    assert _owner_found(REPORT_OWNER[language], language) == [(492, "health")]


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(REPORT_OWNER_GUARD))
def test_the_owner_of_an_earlier_report_is_its_speaker_in_the_other_languages(language):
    """A guard: English, Greek and Korean read the owner after "according to" already."""
    assert _owner_found(REPORT_OWNER_GUARD[language], language) == [(492, "health")]


# "Name (ACRONYM)": a speaker written with its acronym in brackets is proposed under the name, and the bare acronym later
# is the same speaker.
# (English reads it with the round-12 rule already: no case here.)
NAME_AND_ACRONYM = {
    "el": "Περίπου 700 άνθρωποι σκοτώθηκαν, ανακοίνωσε ο Διεθνής Οργανισμός Αρωγής (ΔΟΑ).\n"
          "Άλλοι 300 αγνοούνται, πρόσθεσε ο ΔΟΑ.",
    "ru": "Около 700 человек погибли, сообщила Международная организация помощи (МОП).\n"
          "Еще 300 человек пропали без вести, добавила МОП.",
    "ko": "국제구호기구(IOR)는 약 700명이 숨졌다고 밝혔다.\nIOR는 300명이 실종됐다고 덧붙였다.",
    "ar": "قالت المنظمة الدولية للإغاثة (آي أو آر) إن نحو 700 شخص قتلوا.\nوقالت آي أو آر إن 300 شخص فقدوا.",
}
FULL_NAME = {"el": "Διεθνής Οργανισμός Αρωγής",
             "ru": "Международная организация помощи", "ko": "국제구호기구", "ar": "المنظمة الدولية للإغاثة"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(NAME_AND_ACRONYM))
def test_a_name_with_its_acronym_in_brackets_is_proposed_under_the_name(language):
    found = figures_through(extract(NAME_AND_ACRONYM[language], language=language, publisher=publisher()))
    assert [(figure, speaker) for figure, speaker, _ in found] == [(700, FULL_NAME[language]), (300, FULL_NAME[language])]


@pytest.mark.django_db
def test_many_names_with_acronyms_in_one_sentence_are_read_quickly():
    """Hostile text: 5,000 Greek names with their acronyms in brackets in one sentence are read within a few seconds."""
    from claims.extraction.actors import ActorIndex
    from claims.extraction.attribution.items import _spelled_by_acronym
    from claims.extraction.attribution.state import DocumentState

    from claims.extraction.actors import ActorRef

    state = DocumentState(language="el", index=ActorIndex.from_database(),
                          narrator=ActorRef(key="paper", name="Paper", kind="news_outlet"))
    sentence = " ".join(["ο Διεθνής Οργανισμός Αρωγής (ΔΟΑ) και"] * 5000)
    started = time.perf_counter()
    items = _spelled_by_acronym(sentence, state, [], [])
    assert len(items) == 5000
    assert time.perf_counter() - started < 5
