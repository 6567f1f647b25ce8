"""The Russian round of issue 15 (seventh session): Russian claimant attribution from the language's grammar — a region's
adjective in the genitive before its noun ("властей Кемеровской области") is no speaker, a title with a region in the
genitive names the person after it, an abbreviated directorate ("ГУ МВД РФ") is one organisation's name, "по его словам"
carries the last named speaker, and a subject separated from its verb by where it spoke ("в эфире телеканала") still
speaks. Each test is an excerpt-like sentence of the kind the fresh Russian batch (tests/claims/realtext/tuning/ru-90..94)
showed, and each fails on the rules before the round."""

import pytest

from tests.claims.extraction_probes import actor, extract, hop_keys as hops, tass


@pytest.mark.django_db
def test_a_region_adjective_before_its_noun_is_no_speaker_and_the_authorities_are_officials():
    tass()
    [candidate] = extract("Горноспасатели нашли тела 20 погибших в шахте «Листвяжная», передает ТАСС со ссылкой на властей "
                          "Кемеровской области.", language="ru")
    assert (candidate.claimant.key, hops(candidate)) == ("officials", [["tass"]])


@pytest.mark.django_db
def test_a_title_with_a_region_in_the_genitive_names_the_person_after_it():
    [candidate] = extract("Тела еще 6 погибших шахтеров подняты из шахты \"Листвяжная\". Об этом сообщил губернатор "
                          "Кемеровской области Сергей Цивилев.", language="ru")
    assert candidate.claimant.proposed and "цивилев" in candidate.claimant.key


@pytest.mark.django_db
def test_an_abbreviated_directorate_is_one_name_with_every_letter():
    [candidate] = extract("Со своей стороны пресс-служба краевого ГУ МВД РФ сообщает, что в городе Крымске обнаружены тела "
                          "35 погибших при наводнении.", language="ru")
    assert candidate.claimant.key == "proposed:гу мвд рф"


@pytest.mark.django_db
def test_po_ego_slovam_carries_the_speaker_named_before():
    [_, candidate] = extract("В результате наводнения погибли 67 человек. Об этом сообщил начальник отдела информации Главного "
                             "управления МВД по Краснодарскому краю Игорь Желябин. По его словам, общая численность погибших "
                             "там составляет 11 человек.", language="ru")
    assert candidate.claimant.proposed and "желябин" in candidate.claimant.key


@pytest.mark.django_db
def test_a_subject_apart_from_its_verb_by_where_it_spoke_still_speaks():
    [_, candidate] = extract("По данным Минпросвещения, погибли восемь человек. Президент Татарстана Рустам Минниханов в эфире "
                             "телеканала \"Россия-1\" подтвердил гибель семи детей.", language="ru")
    assert candidate.claimant.proposed and "минниханов" in candidate.claimant.key
    [candidate] = extract("Мэр города Иван Петров в интервью телеканалу «Звезда» сообщил, что погибли 5 человек.", language="ru")
    assert candidate.claimant.key == "proposed:иван петров"
    [candidate] = extract("Число погибших выросло до 12, сообщил в своем Telegram-канале губернатор Иван Петров.", language="ru")
    assert candidate.claimant.key == "proposed:иван петров"


@pytest.mark.django_db
def test_a_medium_named_after_its_noun_in_the_dative_is_the_one_told_and_relays_the_speaker():
    [quoted] = extract("“Число жертв в Дерне превысило две тысячи”, — сказал Хамад ливийскому телеканалу Al-Masar.", language="ru")
    [plain] = extract("Осама Хамад рассказал телеканалу Al-Masar, что число жертв превысило две тысячи.", language="ru")
    for candidate in (quoted, plain):
        assert (candidate.claimant.key, hops(candidate)) == ("proposed:" + candidate.claimant.name.casefold(),
                                                             [["proposed:al masar"]])
        assert "хамад" in candidate.claimant.key


@pytest.mark.django_db
def test_a_credit_line_naming_an_unknown_medium_by_its_shape_is_a_wire_step_and_a_person_stays_the_author():
    actor("mchs-russia", "EMERCOM of Russia", "government_agency", "RU", ["МЧС РФ", "МЧС России"], language="ru")
    body = ("Двое детей погибли при обрушении дома, сообщает МЧС РФ.\n\n"
            "На месте работают 50 спасателей.\n\n"
            "Источник: {}")
    attributed, unattributed = extract(body.format("РЕН ТВ"), language="ru")
    assert (attributed.claimant.key, hops(attributed)) == ("mchs-russia", [["proposed:рен тв"]])
    assert (unattributed.claimant.key, hops(unattributed)) == ("proposed:рен тв", [])
    _, by_person = extract(body.format("председатель ОГА Ярослав Янушевич"), language="ru")
    assert by_person.claimant.key == "proposed:ярослав янушевич"


@pytest.mark.django_db
def test_a_short_quoted_name_is_no_quotation_and_a_medium_reports_what_no_source_of_its_paragraph_said():
    [_, candidate] = extract("Об этом сообщил глава Иркутской области Игорь Кобзев. Погибли 2 человека, сообщил Кобзев.\n\n"
                             "Ранее в Мадриде в баре «Mis Tesoros» произошел взрыв из-за утечки газа, пострадали по меньшей "
                             "мере 25 человек, пишет Ura.ru.", language="ru")
    assert (candidate.claimant.key, hops(candidate)) == ("proposed:ura", [])


@pytest.mark.django_db
def test_an_adverb_opening_the_sentence_is_no_part_of_the_speakers_name():
    [candidate] = extract("Позже Кобзев уточнил, что всего пострадали четыре человека.", language="ru")
    assert candidate.claimant.key == "proposed:кобзев"


@pytest.mark.django_db
def test_a_surname_alone_after_po_slovam_is_proposed_in_the_nominative():
    [candidate] = extract("По словам Петрова, погибли 5 человек.", language="ru")
    assert candidate.claimant.key == "proposed:петров"
    [candidate] = extract("Губернатор Иван Петров прибыл на место. По словам Петрова, погибли 5 человек.", language="ru")
    assert candidate.claimant.key == "proposed:иван петров"


@pytest.mark.django_db
def test_the_one_a_medium_quotes_may_carry_a_title():
    tass()
    [quoted] = extract("«Погибли 5 человек», — цитирует ТАСС губернатора Ивана Петрова.", language="ru")
    [plain] = extract("Погибли 5 человек, цитирует ТАСС губернатора Ивана Петрова.", language="ru")
    for candidate in (quoted, plain):
        assert (candidate.claimant.key, hops(candidate)) == ("proposed:иван петров", [["tass"]])
