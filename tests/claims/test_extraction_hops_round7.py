"""Round 7 of issue 15: relay hops in Korean, Arabic and Russian — the chain between a claimant and the document (wire
credits, datelines, "X를 인용해", "نقلت X عن", "Об этом со ссылкой на …"). Each test is a constructed sentence of the
kind the round's fresh batch (tests/claims/realtext/tuning/ko-60..64, ar-90..94, ru-100..103) showed, and each fails on
the rules before the round, but one: it guards the exception of the first (a credit after a sentence's end)."""

import pytest

from tests.claims.extraction_probes import actor, extract, hop_keys as hops, publisher


@pytest.mark.django_db
def test_a_medium_in_brackets_inside_a_sentence_glosses_a_name_and_is_no_credit():
    actor("sana", "SANA", "state_media", "SY", ["سانا"], language="ar")
    actor("anadolu", "Anadolu Agency", "news_agency", "TR", ["الأناضول"], language="ar")
    [candidate] = extract("ونقلت وكالة الأنباء السورية (سانا)، السبت، عن مسؤول قوله إن 12 شخصا قتلوا.\n\n"
                          "وأضاف المسؤول أن البحث مستمر.-(الأناضول)", language="ar", publisher=publisher())
    assert hops(candidate)[0] == ["anadolu"]
    assert ["sana"] not in hops(candidate)[:1]


@pytest.mark.django_db
def test_a_medium_in_brackets_after_a_sentence_end_is_still_a_credit():
    actor("ap", "Associated Press", "news_agency", "US", ["AP"])
    [candidate] = extract("Officials said 40 people were killed.\n\nThe official spoke on condition of anonymity.(AP) RUP",
                          publisher=publisher())
    assert hops(candidate) == [["ap"]]


@pytest.mark.django_db
def test_a_korean_place_and_medium_credit_proposes_a_medium_no_actor_holds():
    [candidate] = extract("필리핀 민방위청은 12명이 숨졌다고 밝혔다.\n\n(서울=뉴스1)", language="ko", publisher=publisher())
    assert [[ref.name for ref in step] for step in candidate.hops] == [["뉴스1"]]
    assert candidate.hops[0][0].proposed and candidate.hops[0][0].kind == "news_outlet"
    found = extract("환율은 (1달러=1천300원) 기준이며 12명이 숨졌다고 당국은 밝혔다.", language="ko", publisher=publisher())
    assert found and all(candidate.hops == [] for candidate in found)


@pytest.mark.django_db
def test_a_korean_subject_with_deung_is_the_name_before_it():
    actor("cnn", "CNN", "news_outlet", "US", ["CNN"], language="ko")
    actor("ap", "Associated Press", "news_agency", "US", ["AP통신"], language="ko")
    [candidate] = extract("폭풍으로 최소 59명이 사망했다고 CNN 등이 30일 보도했다.", language="ko", publisher=publisher())
    assert candidate.claimant.key == "cnn"
    [candidate] = extract("재난당국은 사망자 수가 844명으로 증가했다고 발표했다고 AP통신 등이 보도했다.", language="ko",
                          publisher=publisher())
    assert hops(candidate) == [["ap"]]


@pytest.mark.django_db
def test_a_korean_medium_citing_a_source_relays_it():
    actor("reuters", "Reuters", "news_agency", "GB", ["로이터"], language="ko")
    actor("cnn", "CNN", "news_outlet", "US", ["CNN"], language="ko")
    [candidate] = extract("로이터는 인도네시아의 재난경감청을 인용해 사망자가 259명으로 늘었다고 전했다.", language="ko",
                          publisher=publisher())
    assert (candidate.claimant.name, hops(candidate)) == ("재난경감청", [["reuters"]])
    [candidate] = extract("CNN은 8일 밤에 주정부 소식통을 인용해 사망자가 347명에 달한다고 보도했다.", language="ko",
                          publisher=publisher())
    assert (candidate.claimant.key, hops(candidate)) == ("officials", [["cnn"]])
    [first, _] = extract("포쿠스온라인은 이날 안사 통신을 인용해 35명이 숨지고 11명이 목숨을 잃었다고 전했다.", language="ko",
                         publisher=publisher())
    assert first.claimant.name == "안사 통신"
    assert [[ref.name for ref in step] for step in first.hops] == [["포쿠스온라인"]]


@pytest.mark.django_db
def test_a_sentence_opening_subject_is_not_made_a_medium_by_an_empty_context():
    actor("ap", "Associated Press", "news_agency", "US", ["AP통신"], language="ko")
    [candidate] = extract("인도네시아 재난당국은 사망자 수가 844명이라고 발표했다고 AP통신이 보도했다.", language="ko",
                          publisher=publisher())
    assert candidate.claimant.kind != "news_outlet"
    assert hops(candidate) == [["ap"]]


@pytest.mark.django_db
def test_an_arabic_wire_abbreviation_credits_the_wire_the_registry_holds():
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["فرانس برس"], language="ar")
    [candidate] = extract("(أ ف ب)\n\nأعلنت مصادر أمنية إصابة ستة أشخاص بجروح.", language="ar", publisher=publisher())
    assert (candidate.claimant.key, hops(candidate)) == ("officials", [["afp"]])


@pytest.mark.django_db
def test_an_arabic_medium_named_in_quotation_marks_relays_the_spokesman_it_quotes():
    [candidate, _] = extract('وذكر موقع "إيران انترناشيونال" نقلا عن المتحدث باسم هيئة الطوارئ الإيرانية، مجتبى خالدي، أن '
                             "الفيضانات أدت إلى مقتل 12 شخصا وفقدان اثنين آخرين.", language="ar", publisher=publisher())
    assert candidate.claimant.name == "مجتبى خالدي"
    assert [[(ref.name, ref.kind) for ref in step] for step in candidate.hops] == [[("إيران انترناشيونال", "news_outlet")]]


@pytest.mark.django_db
def test_an_arabic_unnamed_source_after_an_relaying_agency_is_officials():
    actor("sana", "SANA", "state_media", "SY", ["سانا"], language="ar")
    [candidate] = extract("ونقلت وكالة سانا، السبت، عن مصدر في قيادة الشرطة قوله إن 37 شخصا قتلوا.", language="ar",
                          publisher=publisher())
    assert (candidate.claimant.key, hops(candidate)) == ("officials", [["sana"]])
    [candidate] = extract("وقتل 12 شخصا نقلا عن مصادر طبية.", language="ar", publisher=publisher())
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_an_arabic_official_count_with_no_source_named_is_officials():
    [candidate] = extract("ارتفعت حصيلة قتلى الهجوم إلى 37 قتيلا، حسب إحصائية رسمية.", language="ar", publisher=publisher())
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_an_arabic_statement_carried_by_a_medium_has_that_medium_as_a_relay():
    actor("afad", "AFAD", "government_agency", "TR", ["إدارة الكوارث والطوارئ"], language="ar")
    [candidate] = extract('وأوضحت إدارة الكوارث والطوارئ، في بيان أوردته قناة "روسيا اليوم" الإخبارية، أن الزلزال خلف إصابة '
                          "1466 شخصا بجروح.", language="ar", publisher=publisher())
    assert candidate.claimant.key == "afad"
    assert [[ref.name for ref in step] for step in candidate.hops] == [["روسيا اليوم"]]


@pytest.mark.django_db
def test_a_russian_medium_in_the_dative_is_the_one_told_not_the_speaker():
    actor("interfax", "Interfax", "news_agency", "RU", ["Интерфакс"], language="ru")
    [candidate] = extract("Речь идет о трех пострадавших. Об этом Интерфаксу заявил начальник управления по работе со СМИ "
                          "администрации региона Антон Горелкин.", language="ru", publisher=publisher())
    assert candidate.claimant.proposed and "горелкин" in candidate.claimant.key
    assert hops(candidate) == [["interfax"]]


@pytest.mark.django_db
def test_a_russian_back_reference_citing_an_unnamed_source_makes_it_the_claimant():
    actor("tass", "TASS", "state_media", "RU", ["ТАСС"], language="ru")
    [candidate] = extract("На месте крушения обнаружены тела еще двух погибших. Об этом со ссылкой на источник в силовых "
                          "структурах в понедельник сообщает ТАСС.", language="ru", publisher=publisher())
    assert (candidate.claimant.key, hops(candidate)) == ("officials", [["tass"]])


@pytest.mark.django_db
def test_a_russian_kak_sentence_with_its_own_figure_does_not_point_back():
    actor("interfax", "Interfax", "news_agency", "RU", ["Интерфакс"], language="ru")
    [writers, hers] = extract("По предварительным данным, на борту были 71 человек. Как рассказала пресс-секретарь "
                              "администрации Елена Абрамова, погибли по меньшей мере три иностранца, передает \"Интерфакс\".",
                              language="ru", publisher=publisher())
    assert (writers.claimant.key, hops(writers)) == ("paper", [])
    assert hops(hers) == [["interfax"]]


@pytest.mark.django_db
def test_an_opening_publisher_slash_wire_credit_names_the_wire_after_the_slash():
    [candidate] = extract("( أردو بوینت / سبوتنيك - 19 سبتمبر 2019ء) أعلن المتحدث باسم حاكم زابول، غول إسلام سيال، اليوم الخميس "
                          "عن مقتل 12 شخصا.", language="ar", publisher=publisher("urdupoint", "UrduPoint"))
    assert [[(ref.name, ref.kind) for ref in step] for step in candidate.hops] == [[("سبوتنيك", "news_outlet")]]
