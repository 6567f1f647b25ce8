"""Round 12 of issue 15: Russian claimants and relays — each rule of the round on a constructed sentence of the kind that
taught it (tests/claims/realtext/tuning/ru-150..153 and batch C's ru-141). Each test fails on the rules before the round
(commit cd94d6e: batch D annotated, no rule changed)."""

import datetime as dt

import pytest

from tests.claims.extraction_probes import actor, claimants, extract, hops, publisher, who


def media():
    actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language="ru")
    actor("ria-novosti", "RIA Novosti", "state_media", "RU", ["РИА Новости"], language="ru")


def emercom():
    actor("mchs-russia", "EMERCOM", "government_agency", "RU", ["МЧС России", "МЧС"], language="ru")


@pytest.mark.django_db
def test_the_medium_told_without_quotation_marks_stands_between_the_verb_and_a_titled_subject():
    media()
    emercom()
    [candidate] = extract("Четыре человека выбрались сами, сообщил РИА Новости представитель пресс-службы ГУ МЧС по "
                          "Новосибирской области Павел Винаков.", language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("Павел Винаков", [["ria-novosti"]])


@pytest.mark.django_db
def test_a_body_named_by_its_noun_complements_and_place_is_one_name():
    [candidate] = extract("Управление гражданской авиации Непала подтвердило гибель 68 человек.", language="ru",
                          publisher=publisher())
    assert who(candidate) == "Управление гражданской авиации Непала"
    [candidate] = extract("Государственная служба по чрезвычайным ситуациям Украины сообщила о 5 погибших.", language="ru",
                          publisher=publisher())
    assert who(candidate) == "Государственная служба по чрезвычайным ситуациям Украины"


@pytest.mark.django_db
def test_a_title_repeated_without_the_name_is_the_person_not_the_body_named_between():
    media()
    found = extract("Представитель авиакомпании Иван Петров сообщил РИА Новости, что погибли 72 человека. Управление "
                    "гражданской авиации Непала подтвердило гибель 68 человек. По данным представителя авиакомпании, на "
                    "борту находились 66 пассажиров.", language="ru", publisher=publisher())
    assert claimants(found) == [(72, "Иван Петров"), (68, "Управление гражданской авиации Непала"), (66, "Иван Петров")]


@pytest.mark.django_db
def test_official_data_belong_to_their_owner_else_to_unnamed_officials():
    emercom()
    [candidate] = extract("Число погибших, по официальным данным властей региона, достигло 25.", language="ru",
                          publisher=publisher())
    assert who(candidate) == "officials"
    [candidate] = extract("По официальным данным, погибли 25 человек.", language="ru", publisher=publisher())
    assert who(candidate) == "officials"
    [candidate] = extract("По официальным данным МЧС, погибли 7 человек.", language="ru", publisher=publisher())
    assert who(candidate) == "mchs-russia"


@pytest.mark.django_db
def test_a_source_of_a_medium_is_an_unnamed_official_the_medium_relays():
    media()
    [candidate] = extract("По сообщению источника РИА Новости, два человека погибли.", language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["ria-novosti"]])
    [candidate] = extract("Погибли три человека, сообщил источник ТАСС в экстренных службах.", language="ru",
                          publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["tass"]])


@pytest.mark.django_db
def test_the_subject_of_the_main_clause_after_a_relayed_kak_soobshchaet_speaks():
    media()
    [candidate] = extract("Как сообщает ТАСС со ссылкой на телеканал BFMTV, МВД Франции привело обновленные данные, "
                          "согласно которым погибли 27 человек.", language="ru", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("МВД Франции", [["tass"], ["BFMTV"]])


@pytest.mark.django_db
def test_a_verb_whose_subject_opens_a_later_clause_says_only_that_clause():
    found = extract("Их жертвами стали 20 военных: со стороны противника насчитывалось 11 погибших, Минобороны Армении "
                    "сообщало о пяти раненых.", language="ru", publisher=publisher())
    assert claimants(found) == [(20, "paper"), (11, "paper"), (5, "Минобороны Армении")]
    found = extract("Погибли 5 человек, губернатор Иван Петров сообщил, что трое из них в тяжелом состоянии.", language="ru",
                    publisher=publisher())
    assert claimants(found) == [(5, "paper"), (3, "Иван Петров")]
    # the subject after its verb says the clause before it, as always
    [candidate] = extract("Погибли 20 военных, сообщило Минобороны Армении.", language="ru", publisher=publisher())
    assert who(candidate) == "Минобороны Армении"


@pytest.mark.django_db
def test_kak_opening_a_statement_of_its_own_does_not_point_back():
    found = extract("Число погибших достигло 25. Как писала газета, с 12 июля на границе идут бои.", language="ru",
                    published_on=dt.date(2020, 7, 14), publisher=publisher())
    assert [(int(c.quantity.number), c.as_of) for c in found] == [(25, dt.date(2020, 7, 14))]
