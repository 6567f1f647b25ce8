"""Round 10 of issue 15: Russian relay hops and claimants — each rule of the round on a constructed sentence of the kind
that taught it (tests/claims/realtext/tuning/ru-120..127). Each test fails on the rules before the round (commit 75aa36c)."""

import pytest

from tests.claims.extraction_probes import actor, extract, hops, publisher, who


def media():
    actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language="ru")
    actor("ria-novosti", "RIA Novosti", "state_media", "RU", ["РИА Новости"], language="ru")
    actor("interfax", "Interfax", "news_agency", "RU", ["Интерфакс"], language="ru")


@pytest.mark.django_db
def test_the_medium_before_the_verb_is_told_when_a_long_titled_subject_follows_it():
    media()
    [candidate] = extract("Число погибших выросло до 12. Об этом ТАСС сообщил заместитель главы администрации региона "
                          "Иван Петров.", language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Иван Петров", [["tass"]])


@pytest.mark.django_db
def test_a_time_and_a_quoted_medium_in_the_dative_stand_between_the_verb_and_its_subject():
    media()
    [candidate] = extract('Погибли 12 человек, сообщил в пятницу "Интерфаксу" директор центра медицины катастроф Иван Петров.',
                          language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Иван Петров", [["interfax"]])


@pytest.mark.django_db
def test_an_occasion_before_the_verb_an_acting_title_and_a_correspondent_s_medium():
    [candidate] = extract("Пострадали 14 человек. Об этом во время брифинга сообщил и.о. министра здравоохранения Иван Петров, "
                          "передает корреспондент УНН.", language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Иван Петров", [["УНН"]])
    assert candidate.hops[0][0].kind == "news_outlet"


@pytest.mark.django_db
def test_a_ministry_s_short_name_in_lower_case_is_a_body_qualified_by_the_country_after_it():
    actor("ukraine", "Ukraine", "country", "UA", ["Украина", "Украины"], language="ru")
    [candidate] = extract("По сведениям минздрава, заражены 1319 человек.", language="ru", publisher=publisher())
    assert who(candidate) == "минздрава"
    [candidate] = extract("Ранее минздрав Украины сообщал о девяти случаях инфицирования.", language="ru",
                          publisher=publisher())
    assert who(candidate) == "минздрав Украины"
    [candidate] = extract("Минздрав Украины сообщил о 9 погибших.", language="ru", publisher=publisher())
    assert who(candidate) == "Минздрав Украины"
    media()  # after a title, the ministry is the title's complement; the person named after it speaks
    [candidate] = extract("Погибли 12 человек, сообщил РИА Новости глава Минздрава Иван Петров.", language="ru",
                          publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Иван Петров", [["ria-novosti"]])


@pytest.mark.django_db
def test_a_surname_opening_the_sentence_before_a_verb_of_saying_is_the_speaker():
    media()
    [candidate] = extract("Иванова сообщила «РИА Новости», что двое детей здоровы.", language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Иванова", [["ria-novosti"]])
    [candidate] = extract("Москва сообщила о 5 погибших.", language="ru", publisher=publisher())
    assert who(candidate) != "Москва"  # no surname's ending: a place, not a person


@pytest.mark.django_db
def test_a_title_alone_closing_a_quotation_is_the_person_just_named_through_the_same_medium():
    media()
    [candidate] = extract("Иванова сообщила «РИА Новости», что ребенок здоров. «Еще двое зараженных находятся в больнице», "
                          "— уточнила министр.", language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Иванова", [["ria-novosti"]])


@pytest.mark.django_db
def test_po_slovam_kotorogo_is_the_person_before_it_and_the_medium_quoting_him_relays():
    media()
    [candidate] = extract("ТАСС цитирует главу района Ивана Петрова, по словам которого погибли 12 человек.", language="ru",
                          publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Ивана Петрова", [["tass"]])


@pytest.mark.django_db
def test_information_received_from_another_source_is_that_source_s_through_the_medium_that_has_it():
    media()
    [candidate] = extract("По информации ТАСС, полученной от экстренных служб, погибли 12 человек.", language="ru",
                          publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["tass"]])
