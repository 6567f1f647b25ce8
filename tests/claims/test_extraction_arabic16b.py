"""Sixteenth session, second Arabic round (tests/claims/realtext/tuning/ar-220..252): each rule on a constructed
sentence of the kind that taught it. Every test fails on the rules before the round."""

import pytest

from tests.claims.extraction_probes import actor, claimants, extract


@pytest.mark.django_db
def test_distributing_the_toll_is_stating_it_and_its_subject_is_the_source():
    actor("sohr", "Syrian Observatory for Human Rights", "ngo", "SY", ["المرصد السوري لحقوق الإنسان"], language="ar")
    found = extract("أعلن المرصد السوري لحقوق الإنسان حصيلة جديدة بلغت 90 قتيلا. ووزّع المرصد الحصيلة كما يلي: 40 من "
                    "المدنيين، و50 من المقاتلين.", language="ar")
    assert claimants(found) == [(90, "sohr"), (40, "sohr"), (50, "sohr")]


@pytest.mark.django_db
def test_raising_the_toll_is_stating_it():
    actor("jordan-health", "Ministry of Health of Jordan", "government_agency", "JO", ["وزارة الصحة الأردنية"],
          language="ar")
    found = extract("ورفعت وزارة الصحة الأردنية الحصيلة إلى 17 قتيلا.", language="ar")
    assert claimants(found) == [(17, "jordan-health")]


@pytest.mark.django_db
def test_raising_something_else_is_no_verb_of_saying():
    actor("jordan-health", "Ministry of Health of Jordan", "government_agency", "JO", ["وزارة الصحة الأردنية"],
          language="ar")
    found = extract("ورفعت وزارة الصحة الأردنية حالة التأهب في 12 مستشفى.", language="ar")
    assert claimants(found) != [(12, "jordan-health")]


@pytest.mark.django_db
def test_unnamed_rescuers_and_a_doctor_are_unnamed_officials():
    found = extract("قتل 9 أشخاص في القصف، حسبما أفاد عناصر إنقاذ وطبيب السبت.", language="ar")
    assert claimants(found) == [(9, "officials")]
    found = extract("وأفاد عناصر الإنقاذ بأن أكثر من 30 شخصا في عداد المفقودين.", language="ar")
    assert claimants(found) == [(30, "officials")]
    found = extract("وأصيب 4 أشخاص، حسبما قال طبيب في المستشفى.", language="ar")
    assert claimants(found) == [(4, "officials")]


@pytest.mark.django_db
@pytest.mark.parametrize("unit", ["ووزع المرصد ", "رفعت الوزارة الحصيلة ", "وزع حصيلة ", "عناصر إنقاذ وطبيب "])
def test_the_toll_verb_repeated_for_ten_thousand_characters_extracts_in_seconds(unit):
    from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated

    elapsed = _extraction_time(_repeated(unit) + " الحصيلة 5.", "ar")
    assert elapsed < 4.0, f"{elapsed:.2f} s"  # 2.5 s measured, as "أعلنت الوزارة" repeated (2.1 s); 4 for a noisy machine
