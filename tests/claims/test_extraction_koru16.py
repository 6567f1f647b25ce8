"""Korean and Russian claimants and hops (sixteenth session), on constructed sentences (none taken from the corpus):

- a genitive or demonstrative owner before a titled name ("이 단체의 X Y 대표는") is no part of the person's name;
- a topic in an adverbial case ("지역에서는", "주민들에게는") is no subject; a particle spaced apart from a Latin name
  ("WFP 는") marks that name;
- "X 집계에 따르면" (X's count, no genitive) is X's; "현지 매체 X가" is the medium X;
- the media named together before "에 따르면" relay a quotation side by side, as they do the sentence;
- a body described ("국제구호단체가 밝혔다") is the one the next sentence introduces with the same head ("구호단체 X는");
- Russian: a body's head noun in the prepositional case is proposed in the nominative ("в Минздраве Молдовы" ->
  "Минздрав Молдовы"); a place after "в" before an impersonal plural verb is its unnamed officials;
- "Министерство здравоохранения страны" is no other ministry the registry holds;
- a capitalised adjective, a lower-case head and its complement are one body's name ("Международная организация по
  защите детей"), and "организации" later refers back to it, without the relay of its first statement when it is the
  body's data ("согласно данным организации");
- "сообщила в среду, 4 июня, пресс-служба латвийского министерства обороны": the date in apposition skipped, the body of
  the adjective's country.
"""

import time

import pytest

from tests.claims.extraction_probes import actor, extract, figures_through, publisher


def _ko_media():
    actor("reuters", "Reuters", "news_agency", "GB", ["로이터", "로이터통신"], language="ko")
    actor("ap", "Associated Press", "news_agency", "US", ["AP통신", "AP"], language="ko")
    actor("yonhap", "Yonhap News Agency", "news_agency", "KR", ["연합뉴스"], language="ko")


@pytest.mark.django_db
def test_a_genitive_owner_is_no_part_of_a_titled_name():
    _ko_media()
    found = figures_through(extract("난민 120명이 숨졌다고 구호단체가 밝혔다.\n이 단체의 카림 하산 아흐메드 대표는 사망자 중에는 "
                                    "어린이 40명이 포함돼 있다고 덧붙였다.", language="ko", publisher=publisher()))
    assert found[1][0] == 40 and "카림 하산" in found[1][1] and "단체" not in found[1][1]


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "이미 그 지역에서는 올해 홍수로 300 명이 숨진 것으로 WFP 는 보고 있다.",
    "주민들에게는 올해 홍수로 300명이 숨진 것으로 WFP는 보고 있다.",
])
def test_an_adverbial_topic_is_no_subject(text):
    actor("wfp", "World Food Programme", "international_organization", "", ["WFP", "세계식량계획"], language="ko")
    assert figures_through(extract(text, language="ko", publisher=publisher()))[0][:2] == (300, "wfp")


@pytest.mark.django_db
def test_a_count_owned_without_the_genitive():
    _ko_media()
    found = figures_through(extract("(서울=연합뉴스) 민주연합전선(DUF)은 공세를 발표했다.\nDUF 집계에 따르면 정부군 사망자는 700명가량이다.",
                                    language="ko", publisher=publisher()))
    assert found == [(700, "민주연합전선", [["yonhap"]])]


@pytest.mark.django_db
def test_a_medium_after_its_genre_word():
    _ko_media()
    found = figures_through(extract("반군은 800명이 숨졌다고 발표했다고 현지 매체 미지마가 보도했다.", language="ko", publisher=publisher()))
    assert found[0][2] == [["proposed:미지마"]]


@pytest.mark.django_db
def test_parallel_media_relay_a_quotation_side_by_side():
    _ko_media()
    found = figures_through(extract('AP·로이터 통신에 따르면 아민 카디르 총리는 "병사 90명이 숨졌다"고 밝혔다.', language="ko",
                                    publisher=publisher()))
    assert found[0][2] == [["ap", "reuters"]]


@pytest.mark.django_db
@pytest.mark.parametrize("second", ['스위스에 본부를 둔 구호단체 국경구호연맹은 "주민 500명이 다쳤다"고 밝혔다.',
                                    '구호단체인 국경구호연맹(BRL)은 "주민 500명이 다쳤다"고 밝혔다.'])
def test_a_described_body_is_the_one_named_next(second):
    found = figures_through(extract("홍수로 300명이 숨졌다고 국제구호단체가 밝혔다.\n" + second, language="ko",
                                    publisher=publisher()))
    assert found[0][1] == found[1][1] and "국경구호연맹" in found[0][1]


@pytest.mark.django_db
def test_a_body_in_the_prepositional_case_is_proposed_in_the_nominative():
    found = figures_through(extract("Ранее в Минздраве Молдовы сообщали о гибели 44 человек.", language="ru",
                                    publisher=publisher()))
    assert found[0][:2] == (44, "Минздрав Молдовы")


@pytest.mark.django_db
def test_a_place_where_they_said_is_its_officials():
    found = figures_through(extract("В Южной Осетии сообщили о гибели 12 человек.", language="ru", publisher=publisher()))
    assert found[0][:2] == (12, "officials")


@pytest.mark.django_db
def test_a_ministry_of_a_portfolio_no_actor_holds():
    actor("russia-mod", "Ministry of Defence of Russia", "government_agency", "RU", ["Минобороны России", "Министерство обороны"],
          language="ru")
    actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language="ru")
    found = figures_through(extract("Минобороны России сообщило о 3 погибших.\nРанее Министерство здравоохранения страны сообщило, "
                                    "что 21 человек погиб.", language="ru", publisher=publisher()))
    assert found[1][:2] == (21, "Министерство здравоохранения")


@pytest.mark.django_db
def test_an_adjective_body_and_its_data():
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["AFP"], language="ru")
    found = figures_through(extract("Погибли 30 детей. Как передает агентство AFP, об этом сообщила Международная организация по "
                                    "защите детей.\nСогласно данным организации, среди погибших - 11 девочек.", language="ru",
                                    publisher=publisher()))
    assert found[0][1] == "Международная организация по защите детей"
    assert found[1] == (11, "Международная организация по защите детей", [])


@pytest.mark.django_db
def test_a_dated_setting_before_the_press_service_of_an_adjectives_body():
    actor("latvia-mod", "Ministry of Defence of Latvia", "government_agency", "LV", ["Министерство обороны Латвии"],
          language="ru")
    found = figures_through(extract("Двое военных погибли на учениях, сообщила в среду, 4 июня, пресс-служба латвийского "
                                    "министерства обороны.", language="ru", publisher=publisher()))
    assert found[0][:2] == (2, "latvia-mod")


@pytest.mark.django_db
@pytest.mark.parametrize("text, language", [
    ("이미 그 지역에서는 300 명이 숨진 것으로 WFP 는 보고 있다. " * 150, "ko"),
    ("이 단체의 카림 하산 대표는 40명이 포함됐다고 덧붙였다. NUG 집계에 따르면 700명가량이다. " * 120, "ko"),
    ("300명이 숨졌다고 국제구호단체가 밝혔다. 구호단체 국경구호연맹은 500명이 다쳤다고 밝혔다. " * 120, "ko"),
    ("В Южной Осетии сообщили о гибели 12 человек. Ранее в Минздраве Молдовы сообщали о 4. " * 110, "ru"),
    ("Согласно данным организации, 11. Международная организация по защите детей сообщила о 3. " * 110, "ru"),
    ("сообщила в среду, 4 июня, пресс-служба латвийского министерства обороны о 2. " * 130, "ru"),
])
def test_hostile_text_is_fast(text, language):
    started = time.process_time()
    extract(text[:10000], language=language, publisher=publisher())
    assert time.process_time() - started < 3
