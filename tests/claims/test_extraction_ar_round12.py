"""Round 12 of issue 15 (Arabic claimants and relays): each rule of the round on a constructed sentence of the kind that
taught it (tests/claims/realtext/tuning/ar-150..163). Every test fails on the rules before the round."""

import datetime as dt

import pytest

from claims.extraction.dates import find_dates
from tests.claims.extraction_probes import actor, claimants, extract, hop_keys, numbers, publisher, who


def _afp():
    return actor("afp", "Agence France-Presse", "news_agency", "FR", ["وكالة فرانس برس", "فرانس برس"], language="ar")


def _dpa():
    return actor("dpa", "Deutsche Presse-Agentur", "news_agency", "DE", ["وكالة الأنباء الألمانية", "د ب أ"], language="ar")


@pytest.mark.django_db
def test_a_name_in_apposition_after_a_long_title_is_the_speaker():
    found = extract("أعلن نائب مدير المركز الوطني للإغاثة في البلاد، سمير حداد، وفاة 14 شخصا.\n\n"
                    "وقالت وزيرة الشؤون الاجتماعية ورئيسة لجنة الطوارئ، هالة منصور، إن 900 أسرة تضررت.", language="ar")
    assert claimants(found) == [(14, "سمير حداد"), (900, "هالة منصور")]


@pytest.mark.django_db
def test_a_definite_title_and_its_adjective_then_a_name_is_that_person():
    found = extract("وقال المسؤول الأمني كريم ناصر لوسائل إعلام محلية إن 9 أشخاص قتلوا.", language="ar")
    assert claimants(found) == [(9, "كريم ناصر")]


@pytest.mark.django_db
def test_an_official_introduced_indefinitely_is_the_one_named_later_with_the_same_title():
    found = extract("قال مسؤول طبي إن 40 شخصا أصيبوا.\n\nوقال المسؤول الطبي رامي يوسف للصحفيين إن 6 منهم في حالة حرجة.",
                    language="ar")
    assert claimants(found) == [(40, "رامي يوسف"), (6, "رامي يوسف")]
    # another indefinite official, with no one named after him, stays unnamed
    assert claimants(extract("قال مسؤول طبي إن 40 شخصا أصيبوا.", language="ar")) == [(40, "officials")]


@pytest.mark.django_db
def test_an_earlier_toll_with_no_owner_is_the_writers():
    paper = publisher()
    found = extract("قال مسؤول إن 20 شخصا قتلوا.\n\nوكانت حصيلة سابقة أشارت إلى مقتل 12 شخصا.", language="ar",
                    publisher=paper)
    assert claimants(found) == [(20, "officials"), (12, "paper")]


@pytest.mark.django_db
def test_the_spokesman_going_on_by_title_or_surname_keeps_the_agency_he_spoke_to():
    _afp()
    found = extract('وبدأ الهجوم صباحا، بحسب ما قال المتحدث باسم حاكم الإقليم جمال الدين رحيمي لوكالة فرانس برس.\n\n'
                    'وأكد المتحدث أن 5 مسلحين قتلوا.\n\nوأوضح رحيمي أن 12 مدنيا أصيبوا.', language="ar")
    assert [(int(c.quantity.number), hop_keys(c)) for c in found] == [(5, [["afp"]]), (12, [["afp"]])]


@pytest.mark.django_db
def test_a_source_introduced_afresh_does_not_keep_the_last_ones_relays():
    _dpa()
    found = extract("وقال مصدر عسكري لوكالة الأنباء الألمانية إن 7 مدنيين قتلوا.\n\n"
                    "كما قتل 3 جنود، حسبما أعلن مصدر أمني، الذي أضاف أن 4 آخرين أصيبوا.", language="ar")
    assert [(int(c.quantity.number), who(c), hop_keys(c)) for c in found] == [
        (7, "officials", [["dpa"]]), (3, "officials", []), (4, "officials", [])]


@pytest.mark.django_db
def test_the_sources_in_the_plural_refer_back_and_the_medium_told_is_no_subject():
    _dpa()
    found = extract("أفادت مصادر طبية بأن 5 مدنيين قتلوا.\n\nوقالت المصادر في المستشفى لوكالة الأنباء الألمانية إن 11 "
                    "آخرين أصيبوا.", language="ar")
    assert [(int(c.quantity.number), who(c), hop_keys(c)) for c in found] == [
        (5, "officials", []), (11, "officials", [["dpa"]])]


@pytest.mark.django_db
def test_an_agency_named_by_the_pattern_of_its_name_relays_the_speaker():
    found = extract("وقال قائد الشرطة، عادل فهمي، في مؤتمر صحفي إن المهاجمين قتلوا، بحسب وكالة نوفا الإيطالية للأنباء.\n\n"
                    'وأردف: "وصل عدد المهاجمين إلى 15 شخصا".', language="ar")
    assert [(int(c.quantity.number), who(c), [[r.name for r in s] for s in c.hops]) for c in found] == [
        (15, "عادل فهمي", [["نوفا"]])]


@pytest.mark.django_db
def test_a_medium_noun_before_an_unquoted_name_is_that_medium():
    found = extract("ارتفع عدد القتلى إلى 8، بحسب ما أفادت شبكة النهار الجديد اليوم.", language="ar")
    assert claimants(found) == [(8, "النهار الجديد")]


@pytest.mark.django_db
def test_a_nationality_adjective_after_a_description_of_another_countrys_body_makes_a_new_body():
    actor("gaza-civil-defence", "Palestinian Civil Defence (Gaza)", "government_agency", "PS", ["الدفاع المدني في غزة"],
          descriptors=["الدفاع المدني"], language="ar")
    found = extract("أعلن الدفاع المدني الموريتاني ارتفاع عدد الضحايا إلى 23 شخصا.", language="ar")
    assert claimants(found) == [(23, "الدفاع المدني الموريتاني")]


def test_the_nominative_dual_of_a_noun_with_a_sound_plural_is_two():
    assert numbers('وقال "قتل مهاجمان في التفجير"', "ar") == [2]
    assert numbers("وعثر على رضيعين", "ar") == [2]
    assert numbers("وأصيب المهاجمين", "ar") == []  # the plural's spelling


def test_sources_counted_after_a_citing_verb_and_distances_are_no_figures():
    assert numbers("ونقلت عن ضابطين في الشرطة أن 105 أشخاص أصيبوا", "ar") == [105]
    assert numbers("الواقعة على بعد 60 كيلومتراً غربي بغداد", "ar") == []


def test_a_month_glossed_with_a_space_in_a_dateline_is_no_date_of_its_own():
    found = find_dates("واشنطن 13 ديسمبر كانون الأول (رويترز) – أعلنت الوزارة", language="ar",
                       published_on=dt.date(2025, 12, 13))
    assert [(d.value, d.precision) for d in found] == [(dt.date(2025, 12, 13), "day")]
