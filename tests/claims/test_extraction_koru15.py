"""Korean and Russian relay shapes (fifteenth session), on constructed sentences (none taken from the corpus):

- a copyright line closing the text credits whose copy it is ("※ 저작권자 ⓒ 뉴스1코리아, 무단전재-재배포 금지");
- a one-word name glued to the particle of "을/를 인용해" is the actor it names ("유엔을 인용해");
- "X 등 외신이" (X and other media) is X; "외신에 따르면" is the foreign press, proposed as written;
- "ссылаясь" without its preposition, "со ссылками на", and unnamed media ("СМИ") that relay nothing;
- "газета X писала" is the newspaper's own report;
- unnamed people a medium cites before the medium ("со ссылкой на представителей правительства сообщило агентство AFP").
"""

import time

import pytest

from claims.extraction.hops import _copyright_credit
from tests.claims.extraction_probes import actor, extract, figures_through, publisher


def _wires():
    actor("un", "United Nations", "international_organization", "", ["유엔"], language="ko")
    actor("reuters", "Reuters", "news_agency", "GB", ["로이터", "로이터통신"], language="ko")
    actor("ap", "Associated Press", "news_agency", "US", ["AP통신"], language="ko")
    actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language="ru")
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["AFP"], language="ru")


@pytest.mark.django_db
def test_a_copyright_line_credits_the_copy():
    _wires()
    found = figures_through(extract("산사태로 14명이 숨졌다.\n경찰은 3명이 실종됐다고 밝혔다.\n"
                                    "※ 저작권자 ⓒ 뉴스1코리아, 무단전재-재배포 금지", language="ko", publisher=publisher()))
    assert found[0][:2] == (14, "뉴스1코리아")
    assert found[1][2] == [["proposed:뉴스1코리아"]]


@pytest.mark.django_db
def test_a_name_glued_to_the_citing_particle_is_matched():
    _wires()
    found = figures_through(extract("로이터는 유엔을 인용해 최소 30명이 숨졌다고 보도했다.", language="ko", publisher=publisher()))
    assert found == [(30, "un", [["reuters"]])]


@pytest.mark.django_db
@pytest.mark.parametrize("text, who", [
    ("홍수로 40명이 숨졌다고 AP통신 등 외신이 보도했다.", "ap"),
    ("외신에 따르면 홍수로 40명이 숨졌다.", "외신"),
    ("외신은 홍수로 40명이 숨졌다고 전했다.", "외신"),
])
def test_foreign_media(text, who):
    _wires()
    assert figures_through(extract(text, language="ko", publisher=publisher()))[0][:2] == (40, who)


@pytest.mark.django_db
@pytest.mark.parametrize("text, expected", [
    ("В результате пожара погибли 12 человек, сообщает ТАСС, ссылаясь источники в экстренных службах.",
     (12, "officials", [["tass"]])),
    ("В результате пожара погибли 12 человек, сообщают СМИ со ссылками на местные власти.", (12, "officials", [])),
    ("Погибли 15 человек. Об этом со ссылкой на представителей правительства сообщило агентство AFP.",
     (15, "officials", [["afp"]])),
])
def test_russian_citing_forms(text, expected):
    _wires()
    assert figures_through(extract(text, language="ru", publisher=publisher()))[0] == expected


@pytest.mark.django_db
def test_a_newspaper_that_wrote_is_the_claimant():
    _wires()
    found = figures_through(extract("Ранее газета Daily Mail писала, что погибли двое детей.", language="ru",
                                    publisher=publisher()))
    assert found[0][:2] == (2, "Daily Mail")


def test_the_copyright_reader_is_fast_on_hostile_lines():
    started = time.perf_counter()
    for line in ("ⓒ " + "가 " * 70, "저작권자 " * 30, "© " + " " * 140 + "x", "ⓒⓒⓒ" + "1" * 140):
        _copyright_credit(line, "ko")
    assert time.perf_counter() - started < 1
