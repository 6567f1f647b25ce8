"""Round 8 of issue 15: Korean and Russian attribution and relays — each rule of the round on a constructed sentence of
the kind that taught it (tests/claims/realtext/tuning/ko-14..72, ru-100..112). Each test fails on the rules before the
round (commit ce1d990)."""

import pytest

from tests.claims.extraction_probes import actor, extract, hops, publisher, who


# --- Korean ----------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_korean_medium_named_before_deung_inside_an_according_to_relays_the_source():
    [candidate] = extract("아사히신문 등 일본 언론에 따르면 현 당국은 사망자가 12명으로 집계됐다고 발표했다.", language="ko",
                          publisher=publisher())
    assert who(candidate) == "officials"
    assert hops(candidate) == [["아사히신문"]]
    assert candidate.hops[0][0].kind == "news_outlet"


@pytest.mark.django_db
def test_the_genitive_owner_of_words_cited_is_the_korean_source():
    actor("nhk", "NHK", "state_media", "JP", ["NHK"], language="ko")
    [candidate] = extract("사망자가 300명을 넘었다고 NHK가 후쿠시마현 소방 책임자의 말을 인용해 보도했다.", language="ko",
                          publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("후쿠시마현 소방 책임자", [["nhk"]])
    [candidate] = extract("사망자가 40명이라고 NHK가 현지 관계자의 발언을 인용해 전했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["nhk"]])


@pytest.mark.django_db
def test_a_korean_name_spaced_otherwise_than_the_registry_is_still_that_actor():
    actor("xinhua", "Xinhua News Agency", "state_media", "CN", ["신화통신"], language="ko")
    [candidate] = extract("사망자가 최소 50명에 달했다고 중국 관영 신화 통신이 보도했다.", language="ko", publisher=publisher())
    assert who(candidate) == "xinhua"


@pytest.mark.django_db
def test_this_agency_in_korean_is_the_medium_last_named_and_polite_verbs_are_cues():
    actor("xinhua", "Xinhua News Agency", "state_media", "CN", ["신화통신"], language="ko")
    first, second = extract("신화통신은 후난 성에서 92명이 숨졌다고 보도했습니다.\n\n이 통신은 광둥 성에서 33명이 숨졌다고 덧붙였습니다.",
                            language="ko", publisher=publisher())
    assert (who(first), who(second)) == ("xinhua", "xinhua")


@pytest.mark.django_db
def test_a_korean_verb_of_correcting_reports():
    [_, candidate] = extract("중국 당국은 10명이 숨졌다고 밝혔다.\n\n쓰촨성 정부는 93명이 실종됐다고 희생자 현황을 정정했다.",
                             language="ko", publisher=publisher())
    assert who(candidate) == "쓰촨성 정부"


@pytest.mark.django_db
def test_a_korean_medium_a_statement_was_made_through_relays_it():
    first, *_ = extract("중앙통계국은 수해로 600여 명이 사망했다고 관영 조선중앙통신을 통해 공식 발표했다.", language="ko",
                        publisher=publisher())
    assert (who(first), hops(first)) == ("중앙통계국", [["조선중앙통신"]])
    [candidate] = extract("군 당국은 성명을 통해 15명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == []  # through a statement: no medium


@pytest.mark.django_db
def test_a_korean_relative_clause_with_an_adverb_names_the_figure_s_source():
    [candidate] = extract("일본 경찰이 공식적으로 발표한 전체 사망자는 800여 명이다.", language="ko", publisher=publisher())
    assert who(candidate) == "일본 경찰"


@pytest.mark.django_db
def test_korean_authorities_no_name_is_given_for_are_officials():
    [candidate] = extract("인도네시아 재난당국은 사망자 수가 844명으로 증가했다고 발표했다.", language="ko", publisher=publisher())
    assert who(candidate) == "officials"


@pytest.mark.django_db
def test_a_source_cited_before_a_korean_quotation_speaks_in_it():
    actor("cnn", "CNN", "news_outlet", "US", ["CNN"], language="ko")
    [candidate] = extract('CNN은 8일 밤 주정부 소식통을 인용해 "사망자가 347명에 달한다"고 보도했으며 이 숫자를 유지하고 있다.',
                          language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["cnn"]])


@pytest.mark.django_db
def test_korean_media_named_together_before_an_according_to_are_one_step_of_parallel_relays():
    actor("reuters", "Reuters", "news_agency", "GB", ["로이터"], language="ko")
    actor("ap", "Associated Press", "news_agency", "US", ["AP통신", "AP 통신"], language="ko")
    [candidate] = extract("로이터, AP 통신에 따르면 마우이 카운티는 사망자가 80명에 달한다고 밝혔다.", language="ko",
                          publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("마우이 카운티", [["reuters", "ap"]])
    [candidate] = extract("로이터와 AP통신에 따르면 당국은 사망자가 80명에 달한다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == [["reuters", "ap"]]
    [candidate] = extract("AP통신에 따르면 당국은 사망자가 80명에 달한다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == [["ap"]]


@pytest.mark.django_db
def test_a_korean_side_cheuk_is_the_one_named_before_it_and_the_counted_are_no_source():
    actor("russia", "Russia", "country", "RU", ["러시아"], language="ko")
    [candidate] = extract("전쟁 이후 러시아 측은 사망자가 12명이라고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "russia"
    [candidate] = extract("화재 이후 병원 측은 사망자가 12명이라고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "병원 측"
    [candidate] = extract("사망자가 12명이라고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "paper"  # no subject but the people counted: the author's


@pytest.mark.django_db
def test_a_korean_official_who_told_a_medium_is_the_source_and_the_medium_a_relay():
    actor("cnn", "CNN", "news_outlet", "US", ["CNN"], language="ko")
    [candidate] = extract("경찰 관계자는 CNN에 12명이 숨졌다고 말했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["cnn"]])
    [candidate] = extract("CNN 관계자는 12명이 숨졌다고 말했다.", language="ko", publisher=publisher())
    assert who(candidate) == "cnn"  # the medium's own staff: the medium


# --- Russian ---------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_russian_po_materialam_line_credits_the_whole_name_it_gives():
    actor("interfax", "Interfax", "news_agency", "RU", ["Интерфакс"], language="ru")
    [candidate] = extract("Губернатор Иван Петров сообщил, что погибли 12 человек.\n\nПо материалам Интерфакс-Запад",
                          language="ru", publisher=publisher())
    assert hops(candidate) == [["Интерфакс-Запад"]]


@pytest.mark.django_db
def test_a_russian_speaker_named_again_by_surname_keeps_the_relay_he_spoke_through():
    actor("interfax", "Interfax", "news_agency", "RU", ["Интерфакс"], language="ru")
    first, second = extract("Об этом Интерфаксу заявил глава администрации Антон Горелкин: пострадали три человека.\n\n"
                            "«Пострадавших пятеро», - сообщил Горелкин.", language="ru", publisher=publisher())
    assert hops(first) == [["interfax"]]
    assert (who(second), hops(second)) == ("Антон Горелкин", [["interfax"]])


@pytest.mark.django_db
def test_a_russian_broadcaster_of_the_statement_relays_the_quotation():
    actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language="ru")
    _, candidate = extract("Как передает ТАСС, об этом сообщил представитель гражданской обороны Флавиу Годинью, "
                           "погибли 100 человек.\n\n"
                           "«Число погибших составляет 110 человек», - сказал он на пресс-конференции, которую транслировал "
                           "в прямом эфире телеканал Globo.", language="ru", publisher=publisher())
    assert who(candidate) == "Флавиу Годинью"
    assert hops(candidate) == [["tass"], ["Globo"]]
