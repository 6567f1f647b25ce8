"""Round 8 of issue 15 (Arabic claimants): each rule of the round on a constructed sentence of the kind that taught it
(tests/claims/realtext/tuning/ar-73..106). Every test fails on the rules before the round."""

import pytest

from tests.claims.test_extraction import actor, extract


def who(candidate):
    return candidate.claimant.name if candidate.claimant.proposed else candidate.claimant.key


def claimants(found):
    return [(int(c.quantity.number if c.quantity.number is not None else c.quantity.lower or c.quantity.upper), who(c))
            for c in found]


def hops(candidate):
    return [[ref.name if ref.proposed else ref.key for ref in step] for step in candidate.hops]


@pytest.mark.django_db
def test_a_spokesman_for_a_body_is_the_ranked_name_in_apposition_after_it():
    actor("jordan-army", "Jordan Armed Forces", "military", "JO", ["الجيش الأردني"], language="ar")
    found = extract("أعلن الجيش الأردني مقتل 3 جنود.\n\nوقال المتحدث العسكري باسم الجيش، العقيد سامي الخطيب، إن 12 "
                    "مسلحا قتلوا.", language="ar")
    assert claimants(found) == [(3, "jordan-army"), (12, "سامي الخطيب")]


@pytest.mark.django_db
def test_admitting_is_a_verb_of_saying():
    actor("jordan-army", "Jordan Armed Forces", "military", "JO", ["الجيش الأردني"], language="ar")
    assert claimants(extract("أقر الجيش الأردني بمقتل 4 من جنوده.", language="ar")) == [(4, "jordan-army")]
    assert claimants(extract("أقرت الوزارة الأردنية بإصابة 9 جنود.", language="ar")) != [(9, "proposed")]


@pytest.mark.django_db
def test_the_egyptian_spelling_of_officials_is_officials():
    assert claimants(extract("ذكر مسئولون أن الانهيار أسفر عن مقتل 8 أشخاص.", language="ar")) == [(8, "officials")]


@pytest.mark.django_db
def test_authorities_of_a_country_are_unnamed_officials_not_the_country():
    actor("chad", "Chad", "country", "TD", ["تشاد"], language="ar")
    found = extract("وكانت سلطات تشاد أعلنت أنه تم التعرف على 17 جثة.", language="ar")
    assert claimants(found) == [(17, "officials")]


@pytest.mark.django_db
def test_a_governor_of_a_place_only_described_is_unnamed_officials():
    found = extract("قتل 14 شخصا على الأقل، حسبما قال حكّام تلك المحافظات.\n\nوأصيب 30 آخرون في المدينة، حسبما قال حاكم "
                    "هذه المحافظة لقناة محلية.\n\nوأفادت قناة محلية نقلا عن حاكم ولاية قندوز مقتل 6 أشخاص.", language="ar")
    assert [who for _, who in claimants(found)] == ["officials", "officials", "officials"]
    # a governor with his name is the person
    named = extract("وقال محافظ ولاية قندوز عبد الله نوري إن 5 أشخاص قتلوا.", language="ar")
    assert [who(c) for c in named] != ["officials"]


@pytest.mark.django_db
def test_a_generic_head_noun_before_a_known_body_is_no_name():
    actor("iraq-civil-defence", "Iraqi Civil Defence", "government_agency", "IQ", ["الدفاع المدني العراقي"], language="ar")
    found = extract("أعلنت رئاسة الدفاع المدني العراقي إنقاذ 40 شخصا.", language="ar")
    assert claimants(found) == [(40, "iraq-civil-defence")]
