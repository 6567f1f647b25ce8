"""Round 10 of issue 15 (Arabic relay hops and claimants): each rule of the round on a constructed sentence of the kind
that taught it (tests/claims/realtext/tuning/ar-130..137). Every test fails on the rules before the round."""

import datetime as dt
from decimal import Decimal

import pytest

from claims.extraction.dates import find_dates
from claims.extraction.numbers import read_quantity
from tests.claims.extraction_probes import actor, claimants, extract, hops, who


def quantities(text):
    return [(q.value if q.value is not None else q.lower, q.qualifier) for q in read_quantity(text, language="ar")]


# numbers


def test_number_words_and_hedges_are_read_without_the_hamza():
    assert quantities("قال إن اربعة اشخاص على الاقل اصيبوا") == [(Decimal(4), "at_least")]
    assert quantities("وصل عدد النازحين إلى ثلاثة الاف شخص") == [(Decimal(3000), "exact")]


def test_a_number_joined_by_tatweels_to_a_preposition_or_a_hedged_article_is_read():
    assert quantities("ارتفاع حصيلة الضحايا لـ183 قتيلا") == [(Decimal(183), "exact")]
    assert quantities("مقتل ما يقارب الــ4 آلاف مدني") == [(Decimal(4000), "approximately")]
    assert quantities("القتلى الـ44 في الحادث") == []  # the article alone: a count given before


def test_one_of_a_noun_after_a_preposition_is_no_count():
    assert quantities("وأشار إلى أن ستة قتلى من عائلة واحدة") == [(Decimal(6), "exact")]
    assert quantities("ولا يزال شخص واحد في عداد المفقودين") == [(Decimal(1), "exact")]


# dates


def test_a_year_named_by_its_noun_is_a_date_of_precision_year():
    [mention] = find_dates("مقتل 4 آلاف مدني في أفغانستان عام 2018", language="ar", published_on=dt.date(2019, 5, 27))
    assert (mention.value, mention.precision) == (dt.date(2018, 1, 1), "year")


@pytest.mark.django_db
def test_a_figure_of_a_year_named_holds_for_that_year():
    actor("un", "United Nations", "international_organization", "", ["الأمم المتحدة"], language="ar")
    [found] = extract("وتشير الأمم المتحدة إلى مقتل نحو 4 آلاف مدني في أفغانستان عام 2018.", language="ar",
                      published_on=dt.date(2019, 5, 27))
    assert (who(found), found.as_of, found.as_of_precision) == ("un", dt.date(2018, 1, 1), "year")


# claimants and relays


@pytest.mark.django_db
def test_the_present_tense_of_pointing_out_is_a_verb_of_saying():
    actor("un", "United Nations", "international_organization", "", ["الأمم المتحدة"], language="ar")
    assert claimants(extract("وتشير الأمم المتحدة إلى مقتل 300 مدني.", language="ar")) == [(300, "un")]
    actor("sohr", "Syrian Observatory for Human Rights", "ngo", "SY", ["المرصد السوري لحقوق الإنسان"], language="ar")
    assert claimants(extract("ووثق المرصد السوري لحقوق الإنسان مقتل 12 مدنيا.", language="ar")) == [(12, "sohr")]
    # a figure right after the verb is its object, no subject of it (the speaker of the sentence says it)
    found = extract("قال وزير الصحة، عثمان عبد الجليل، إن التقديرات الأولية تشير إلى نحو ألفي قتيل.", language="ar")
    assert claimants(found) == [(2000, "عثمان عبد الجليل")]


@pytest.mark.django_db
def test_a_correspondent_citing_a_source_relays_it_in_the_quotation():
    publisher = actor("anahid", "Anahid News", "news_outlet")
    found = extract("وأفاد مراسل RT نقلا عن مصدر أمني بأن “الانفجار تسبب بمقتل 9 أشخاص على الأقل”.", language="ar",
                    publisher=publisher)
    assert claimants(found) == [(9, "officials")]
    assert hops(found[0]) == [["RT"]]


@pytest.mark.django_db
def test_our_correspondent_is_the_author_and_the_body_after_an_is_the_source():
    publisher = actor("anahid", "Anahid News", "news_outlet")
    found = extract("ونقل مراسلنا عن خلية الإعلام الأمني تأكيدها أن “الانفجار أسفر عن مقتل 12 مواطنا”.", language="ar",
                    publisher=publisher)
    assert claimants(found) == [(12, "خلية الإعلام الأمني")]
    assert hops(found[0]) == []


@pytest.mark.django_db
def test_a_correspondent_reporting_what_he_saw_is_his_medium():
    found = extract('وقالت مراسلة "تلفزيون قاسيون" إن القصف أدى إلى مقتل أربعة مدنيين.', language="ar")
    assert claimants(found) == [(4, "تلفزيون قاسيون")]
    assert found[0].claimant.kind == "news_outlet"


@pytest.mark.django_db
def test_a_source_line_naming_a_two_letter_medium_credits_the_copy():
    publisher = actor("anahid", "Anahid News", "news_outlet")
    found = extract("قال مسؤولون إن 5 أشخاص قتلوا.\n\nالمصدر: RT", language="ar", publisher=publisher)
    assert claimants(found) == [(5, "officials")]
    assert hops(found[0]) == [["RT"]]


@pytest.mark.django_db
def test_a_source_line_naming_a_medium_in_arabic_script_credits_the_copy():
    found = extract("قال مسؤولون إن 5 أشخاص قتلوا.\n\nالمصدر: سكاي نيوز عربية", language="ar")
    assert hops(found[0]) == [["سكاي نيوز عربية"]]
    unnamed = extract("قال مسؤولون إن 5 أشخاص قتلوا.\n\nالمصدر: وكالات", language="ar")
    assert hops(unnamed[0]) == []  # "agencies": no medium named


@pytest.mark.django_db
def test_an_unnamed_spokesman_for_a_body_is_the_body():
    found = extract('قال متحدث باسم مستشفى "ليدي ريدينغ" القريب من موقع الحادث، إن المستشفى استقبل سبعة قتلى و70 جريحا.',
                    language="ar")
    assert claimants(found) == [(7, "مستشفى ليدي ريدينغ"), (70, "مستشفى ليدي ريدينغ")]
    police = extract("وقال ناطق باسم الشرطة إن 3 أشخاص قتلوا.", language="ar")
    assert claimants(police) == [(3, "officials")]


@pytest.mark.django_db
def test_the_subject_of_a_pluperfect_stands_between_kana_and_the_verb():
    found = extract("وكان مصدر في الشرطة العراقية، قال سابقا إن الحصيلة بلغت 26 قتيلا و95 جريحا.", language="ar")
    assert claimants(found) == [(26, "officials"), (95, "officials")]


@pytest.mark.django_db
def test_another_spelling_of_a_country_says_whose_institution_a_bare_name_is():
    actor("syria", "Syria", "country", "SY", ["سوريا"], language="ar")
    actor("gaza-cd", "Palestinian Civil Defence (Gaza)", "ngo", "PS", ["الدفاع المدني"], language="ar")
    actor("white-helmets", "White Helmets", "ngo", "SY", ["الدفاع المدني السوري"], language="ar")
    found = extract("قتل 44 مدنيا في بلدة زردنا، شمال غربي سورية.\n\nوقال الدفاع المدني إن الغارة أدت إلى مقتل ثمانية مدنيين.",
                    language="ar")
    assert claimants(found)[-1] == (8, "white-helmets")
