"""Round 10 of issue 15: Korean relays and claimants by grammatical class — bare words for a medium, names before a
title, media interviewing a speaker or citing a source in a relative clause, a source named again by a shorter form,
counted nouns, a descriptor owned by another name — and the numerals, dates and credits met with them
(tests/claims/realtext/tuning/ko-80..87). Each test is a constructed sentence and fails on the rules before the round
(commit 1cec1b0)."""

import datetime as dt

import pytest

from claims.extraction.dates import find_dates
from claims.extraction.numbers import read_quantity
from tests.claims.extraction_probes import actor, extract, hops, publisher, who


def wires():
    actor("reuters", "Reuters", "news_agency", "GB", ["로이터통신", "로이터 통신", "로이터"], language="ko")
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["AFP통신"], language="ko")
    actor("ap", "Associated Press", "news_agency", "US", ["AP통신"], language="ko")
    actor("xinhua", "Xinhua News Agency", "state_media", "CN", ["신화통신"], language="ko")


# --- relays ------------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_medium_a_korean_speaker_gave_an_interview_or_a_call_to_relays_the_figure():
    wires()
    [candidate] = extract("한 경찰 관계자는 AFP통신과의 인터뷰에서 12명이 숨졌다고 말했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["afp"]])
    [candidate] = extract("구조 당국자는 신화통신과 가진 전화 통화에서 9명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == [["xinhua"]]
    [candidate] = extract('현지 주지사는 로이터와의 인터뷰에서 "20명이 숨졌다"고 말했다.', language="ko", publisher=publisher())
    assert hops(candidate) == [["reuters"]]  # the quotation's speaker, through the medium interviewing him


@pytest.mark.django_db
def test_the_medium_that_cited_a_korean_source_in_a_relative_clause_relays_it():
    wires()
    [candidate] = extract("AP통신이 인용한 현지 당국은 11명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["ap"]])


@pytest.mark.django_db
def test_a_korean_source_named_again_by_a_shorter_name_keeps_its_relay_after_another_source_spoke():
    wires()
    first, second, third = extract(
        "로이터에 따르면 미얀마 국영TV는 민간인 240명이 숨졌다고 보도했다.\n\n"
        "앞서 인권단체 정치범지원협회는 민간인 737명이 숨졌다고 밝혔다.\n\n"
        "국영TV는 또 경찰 15명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert (who(first), hops(first)) == ("미얀마 국영TV", [["reuters"]])
    assert hops(second) == []
    assert (who(third), hops(third)) == ("미얀마 국영TV", [["reuters"]])


@pytest.mark.django_db
def test_a_date_before_an_unknown_medium_in_a_korean_according_to_is_no_part_of_its_name():
    [candidate] = extract("7일(현지시간) UPI통신에 따르면 수단 외교부는 사망자가 114명으로 늘었다고 발표했다.", language="ko",
                          publisher=publisher())
    assert hops(candidate) == [["UPI통신"]]


@pytest.mark.django_db
def test_a_korean_wire_credit_naming_the_publisher_in_hangul_is_no_hop():
    [candidate] = extract("(서울=뉴스1) 김 기자 = 보안부 장관은 14명이 숨졌다고 밝혔다.", language="ko",
                          publisher=publisher("news1", "News1", "news_agency"))
    assert hops(candidate) == []
    [candidate] = extract("(서울=뉴스1) 김 기자 = 보안부 장관은 14명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == [["뉴스1"]]  # on another outlet's page, News1 is the first step


# --- claimants ---------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_bare_korean_word_for_a_medium_is_the_medium_last_named():
    wires()
    first, second, third = extract("중국 관영 신화통신은 사망자가 107명으로 늘었다고 보도했다. 통신은 34명이 다쳤다고 전했다.\n\n"
                                   "방송은 또 학생 900여명이 매몰됐다고 보도했다.", language="ko", publisher=publisher())
    assert (who(first), who(second), who(third)) == ("xinhua", "xinhua", "xinhua")


@pytest.mark.django_db
def test_a_person_s_name_before_a_korean_title_is_proposed_without_the_title():
    [candidate] = extract('살리프 트라오레 보안장관은 "14명이 숨졌다"고 말했다.', language="ko", publisher=publisher())
    assert who(candidate) == "살리프 트라오레"
    [candidate] = extract("남코르도판주 주지사는 14명이 숨졌다고 말했다.", language="ko", publisher=publisher())
    assert who(candidate) == "남코르도판주 주지사"  # a place before the title is no name
    wires()
    [candidate] = extract("신화통신은 63명이 어린이라고 무함마드 이브라힘 압델 카림 주지사의 성명을 인용해 보도했다.", language="ko",
                          publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("무함마드 이브라힘 압델 카림", [["xinhua"]])


@pytest.mark.django_db
def test_the_owner_of_an_interview_or_a_report_cited_in_korean_is_the_source():
    wires()
    [candidate] = extract("AFP통신은 현지 관계자의 인터뷰를 인용해 25명이 숨졌다고 전했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["afp"]])


@pytest.mark.django_db
def test_a_noun_a_number_counts_is_no_korean_source():
    [_, second, third] = extract("국영TV는 240명이 숨졌다고 밝혔다. 또 7명의 군인과 15명의 경찰이 목숨을 잃었다고 보도했다.",
                                 language="ko", publisher=publisher())
    assert (who(second), who(third)) == ("국영TV", "국영TV")


@pytest.mark.django_db
def test_a_korean_descriptor_after_another_name_belongs_to_that_name():
    actor("myanmar-junta", "Myanmar junta", "government", "MM", ["미얀마 군정"], ["군정"], language="ko")
    [candidate] = extract("기니 군정은 사망자 수가 56명으로 집계됐다고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "기니 군정"
    [candidate] = extract("군정은 사망자 수가 56명으로 집계됐다고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "myanmar-junta"  # the descriptor alone still describes the actor


@pytest.mark.django_db
def test_a_verbal_ending_before_a_korean_subject_is_no_part_of_its_name():
    [candidate] = extract("알자지라 방송에 따르면 보건부는 50명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "보건부"


# --- figures, dates, names ---------------------------------------------------------------------------------------------

def test_korean_numerals_multiply_thousands_by_ten_thousands():
    values = [q.value or q.lower for text in ("1천200만명이 넘는다", "5천만 명", "2억5천만 명", "1만5000명", "9천 6백여 세대")
              for q in read_quantity(text, language="ko")]
    assert values == [12_000_000, 50_000_000, 250_000_000, 15_000, 9_600]


@pytest.mark.django_db
def test_a_korean_count_taken_up_again_as_a_whole_is_no_new_figure():
    figures = extract("사망자가 114명으로 늘었다.\n\n사망자 114명 중 63명이 어린이라고 신화통신은 보도했다.", language="ko",
                      publisher=publisher())
    assert [c.quantity.value for c in figures] == [114, 63]


def test_a_korean_relative_month_and_a_day_are_one_date():
    [date] = find_dates("지난달 30일에는 48명이 숨졌다.", language="ko", published_on=dt.date(2025, 12, 8))
    assert (date.value, date.precision) == (dt.date(2025, 11, 30), "day")


@pytest.mark.django_db
def test_a_korean_day_before_ihu_starts_the_count_and_is_no_as_of_date():
    [candidate] = extract("당국은 쿠데타가 일어난 2월1일 이후 현재까지 총 258명이 숨졌다고 밝혔다.", language="ko",
                          published_on=dt.date(2021, 4, 20), publisher=publisher())
    assert candidate.as_of == dt.date(2021, 4, 20)


@pytest.mark.django_db
def test_a_name_ending_in_a_digit_is_not_named_inside_a_longer_number():
    actor("news1", "News1", "news_agency", "KR", ["News1"], language="el")
    [candidate] = extract("Σύμφωνα με το CNN News18, 220 άνθρωποι σκοτώθηκαν.", language="el", publisher=publisher())
    assert who(candidate) != "news1"


@pytest.mark.django_db
def test_a_korean_medium_a_speaker_appeared_on_or_sent_a_statement_to_relays_the_figure():
    wires()
    [candidate] = extract("현지 경찰청장은 알자지라 방송에 출연해 30명이 숨졌다고 말했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("현지 경찰청장", [["알자지라 방송"]])
    [candidate] = extract("유엔 관계자는 로이터에 보낸 성명에서 25명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["reuters"]])


@pytest.mark.django_db
def test_a_name_and_a_bare_word_for_a_medium_in_a_korean_according_to_is_a_medium_relaying_the_speaker():
    [candidate] = extract("알자지라 방송에 따르면 보건부는 50명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("보건부", [["알자지라 방송"]])
    [candidate] = extract("현지 방송에 따르면 보건부는 50명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == []  # an unnamed medium relays nothing


@pytest.mark.django_db
def test_a_korean_description_with_nothing_before_it_to_refer_to_is_proposed_as_written():
    wires()
    [candidate] = extract("보건부는 AP통신에 60명이 숨졌다고 말했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("보건부", [["ap"]])
