"""Round 12 of issue 15: Korean relays and claimants by grammatical class — a medium's name spaced either way, a wire
named after the place of a credit, credits glued to a place or in lenticular brackets, photo credits and bylines left
open, an unknown medium reporting what a speaker said, a medium told after the reported clause, newspapers named by their
last word, unnamed police, "X도" subjects, spokesmen of a named body — and the dates and numerals met with them
(tests/claims/realtext/tuning/ko-110..113, ko-100..102). Each test is a constructed sentence and fails on the rules before
the round (commit c347551)."""

import datetime as dt

import pytest

from tests.claims.extraction_probes import actor, extract, hops, numbers, publisher, who


def wires():
    actor("reuters", "Reuters", "news_agency", "GB", ["로이터통신", "로이터 통신", "로이터"], language="ko")
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["AFP통신"], language="ko")
    actor("ap", "Associated Press", "news_agency", "US", ["AP통신"], language="ko")
    actor("yonhap", "Yonhap News Agency", "news_agency", "KR", ["연합뉴스"], language="ko")
    actor("newsis", "Newsis", "news_agency", "KR", ["뉴시스"], language="ko")


# --- credits -----------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_wire_named_after_the_place_of_a_korean_credit_is_the_step_after_the_medium_that_translated_it():
    wires()
    [candidate] = extract("현지 당국자는 9명이 숨졌다고 밝혔다.\n\n(카라치 AP=연합뉴스) kim@yna.co.kr", language="ko",
                          publisher=publisher())
    assert hops(candidate) == [["yonhap"], ["ap"]]
    [candidate] = extract("(리마 EFE=연합뉴스) 현지 당국자는 9명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == [["yonhap"], ["EFE"]]  # a wire no actor holds, in Latin capitals: proposed
    [candidate] = extract("(서울=연합뉴스) 현지 당국자는 9명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == [["yonhap"]]  # the place alone adds no step


@pytest.mark.django_db
def test_a_korean_credit_glued_to_its_place_or_in_lenticular_brackets_is_the_first_step():
    wires()
    [candidate] = extract("현지 당국자는 9명이 숨졌다고 밝혔다.\n\n카이로연합뉴스", language="ko", publisher=publisher())
    assert hops(candidate) == [["yonhap"]]
    [candidate] = extract("【서울=뉴시스】 현지 당국자는 9명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert hops(candidate) == [["newsis"]]


@pytest.mark.django_db
def test_a_korean_photo_credit_with_an_equals_sign_and_a_byline_left_open_are_no_credit():
    wires()
    [candidate] = extract("홍수로 주민 30명이 숨졌다.\n\n(사진=연합뉴스)", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("paper", [])
    [candidate] = extract("(도쿄= 이 특파원 = 일본(오키나와) 남부에서 주민 30명이 숨졌다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("paper", [])


# --- relays ------------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_korean_medium_named_with_a_space_its_registry_name_has_not_is_that_medium_told():
    wires()
    [candidate] = extract("현지 당국자는 8명이 숨졌다고 AP 통신에 밝혔다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["ap"]])


@pytest.mark.django_db
def test_an_unknown_korean_medium_reporting_what_a_speaker_said_relays_it():
    [candidate] = extract("미얀마 보건부는 31명이 숨졌다고 밝혔다고 현지 이라와디 통신이 전했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("미얀마 보건부", [["이라와디 통신"]])


@pytest.mark.django_db
def test_a_newspaper_named_by_its_last_word_is_the_source_of_a_korean_according_to():
    [candidate] = extract("워싱턴포스트(WP)에 따르면 주민 17명이 숨졌다.", language="ko", publisher=publisher())
    assert who(candidate) == "워싱턴포스트"
    [candidate] = extract("방콕포스트 등에 따르면 주민 17명이 숨졌다.", language="ko", publisher=publisher())
    assert who(candidate) == "방콕포스트"
    [candidate] = extract("영국 일간 가디언은 주민 17명이 숨졌다고 보도했다.", language="ko", publisher=publisher())
    assert who(candidate) == "가디언"  # "일간" (daily) is no part of the name


# --- claimants ---------------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_unnamed_korean_police_are_officials_and_a_named_force_is_proposed():
    wires()
    [candidate] = extract("공장에서 불이 나 최소 6명이 숨졌다고 현지 경찰이 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "officials"
    [candidate] = extract("AP통신은 인근 경찰을 인용해 6명이 숨졌다고 보도했다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["ap"]])
    [candidate] = extract("(서울=연합뉴스) 박 기자 = 경찰은 6명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert (who(candidate), hops(candidate)) == ("officials", [["yonhap"]])
    [candidate] = extract("필리핀 경찰은 6명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "필리핀 경찰"


@pytest.mark.django_db
def test_a_korean_subject_marked_with_do_too_is_the_source():
    [candidate] = extract("경제지 파이낸셜타임스도 이날 사망자 숫자가 12명이라고 보도했다.", language="ko", publisher=publisher())
    assert who(candidate) == "파이낸셜타임스"
    first, second = extract("칠레와 페루 당국도 각각 4명과 2명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert (who(first), who(second)) == ("officials", "officials")


@pytest.mark.django_db
def test_a_korean_spokesman_after_a_named_body_is_proposed_with_the_body_s_name():
    [candidate] = extract("북키부주 정부 대변인은 민간인 52명이 숨졌다고 밝혔다.", language="ko", publisher=publisher())
    assert who(candidate) == "북키부주 정부 대변인"


# --- dates and numerals ------------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_korean_day_set_off_by_a_comma_after_the_subject_dates_the_statement_not_the_event_after_it():
    [candidate] = extract("주지사는 현지시간 12일, 기자회견을 열고 산악지대에서 발생한 산사태로 15명이 숨졌다고 밝혔다.",
                          language="ko", publisher=publisher(), published_on=dt.date(2025, 9, 13))
    assert candidate.as_of == dt.date(2025, 9, 12)


@pytest.mark.django_db
def test_the_afternoon_before_a_korean_clock_time_is_no_since_word():
    [candidate] = extract("국방부는 지난 11일 성명을 통해 오후 2시께 기지에 포탄이 떨어져 병사 3명이 다쳤다고 발표했다.",
                          language="ko", publisher=publisher(), published_on=dt.date(2025, 9, 13))
    assert candidate.as_of == dt.date(2025, 9, 11)


@pytest.mark.django_db
def test_a_korean_count_since_the_year_began_holds_on_the_publication_day():
    [candidate] = extract("올해 들어서만 주민 1천200여 명이 숨진 것으로 전해졌다.", language="ko", publisher=publisher(),
                          published_on=dt.date(2025, 9, 13))
    assert (candidate.as_of, candidate.as_of_written) == (dt.date(2025, 9, 13), False)  # not the year 2025


def test_a_korean_age_by_decade_and_a_count_of_buildings_are_no_figures():
    assert numbers("이 사고로 60대 여성 1명과 30대 남성 A씨가 숨졌다.", "ko") == [1]
    assert numbers("주변 건물 3동과 버스 4대가 파손됐다.", "ko") == [4]
    assert numbers("드론 30대가 격추됐다.", "ko") == [30]  # launchers and vehicles are counted by 대
