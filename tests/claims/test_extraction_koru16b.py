"""Korean and Russian claimants (sixteenth session, second round), on constructed sentences (none taken from the corpus):

- Russian: a body's feminine adjective and "-ия" head noun in an oblique case are proposed in the nominative
  ("по данным Всемирной организации по туризму" -> "Всемирная организация по туризму");
- Korean: a role noun before a person's name ("경찰 아흐메드 살레") is no part of the name;
- a closing "Источник и фото - site.ru" credits the copy, and a site's address alone is the registry medium whose name
  or alias is its label.
"""

import pytest

from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated

from tests.claims.extraction_probes import actor, extract, figures_through, publisher


@pytest.mark.django_db
@pytest.mark.parametrize("written", ["Всемирной организации по туризму", "Всемирной организация по туризму"])
def test_ru_feminine_body_name_in_the_nominative(written):
    found = figures_through(extract(f"По данным {written}, в этом году страну посетили 340 тысяч туристов.",
                                    language="ru", publisher=publisher()))
    assert found[0][:2] == (340000, "Всемирная организация по туризму")


@pytest.mark.django_db
@pytest.mark.parametrize("words", [["Донецкой", "областной"], ["Российской", "Федерации"], ["Русской", "православной"]])
def test_ru_other_pairs_are_left_as_written(words):
    from claims.extraction.attribution.names import ru_feminine_body_nominative
    assert ru_feminine_body_nominative(words) == words


@pytest.mark.django_db
def test_ko_role_noun_before_a_name():
    actor("reuters", "Reuters", "news_agency", "GB", ["로이터", "로이터통신"], language="ko")
    found = figures_through(extract("홍수로 주민 31명이 숨졌다고 현지 경찰 아흐메드 살레가 밝혔다.",
                                    language="ko", publisher=publisher()))
    assert found[0][:2] == (31, "아흐메드 살레")




@pytest.mark.django_db
@pytest.mark.parametrize("closing", ["Источник и фото - vesti.ru", "Источник: vesti.ru", "Источник — Вести"])
def test_ru_closing_source_line_credits_the_copy(closing):
    actor("vesti", "Vesti", "news_outlet", "RU", ["Вести", "Vesti"], language="ru")
    found = figures_through(extract("При пожаре на складе погибли 13 человек, сообщили местные чиновники.\n"
                                    f"{closing}", language="ru", publisher=publisher()))
    assert found[0][0] == 13 and found[0][2] == [["vesti"]]

@pytest.mark.django_db
@pytest.mark.parametrize("language, unit", [
    ("ru", "По данным Международной организации по миграции, 12 человек. "),
    ("ko", "현지 경찰 아흐메드 살레가 12명이 숨졌다고 밝혔다. "),
    ("ru", "Источник и фото - vesti.ru 12 "),
])
def test_the_constructions_repeated_for_ten_thousand_characters_extract_in_seconds(language, unit):
    elapsed = _extraction_time(_repeated(unit), language)
    assert elapsed < 3.0, f"{elapsed:.2f} s"
