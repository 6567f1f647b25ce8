"""Round 8 of issue 15 (Arabic claimants): each rule of the round on a constructed sentence of the kind that taught it
(tests/claims/realtext/tuning/ar-73..106). Every test fails on the rules before the round."""

import pytest

from tests.claims.extraction_probes import actor, claimants, extract, hops, who


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


@pytest.mark.django_db
def test_the_subject_before_a_relative_clause_speaks_not_the_medium_the_clause_names():
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["فرانس برس"], language="ar")
    actor("chad-interior", "Ministry of the Interior of Chad", "government_agency", "TD", ["وزارة الداخلية التشادية"],
          language="ar")
    found = extract("وأعلنت وزارة الداخلية التشادية في بيان مقتل 5 أشخاص.\n\nوأضاف البيان الذي تلقت فرانس برس نسخة منه أن 19 "
                    "شخصا أصيبوا.", language="ar")
    assert [who for _, who in claimants(found)] == ["chad-interior", "chad-interior"]


@pytest.mark.django_db
def test_a_portfolio_with_a_nationality_adjective_is_that_countrys_ministry():
    actor("morocco", "Morocco", "country", "MA", ["المغرب"], language="ar")
    actor("morocco-interior", "Ministry of the Interior of Morocco", "government_agency", "MA",
          ["وزارة الداخلية المغربية"], language="ar")
    # the subject ends at the adjective, whatever follows it (here a next sentence glued on after its full stop)
    found = extract("ارتفعت حصيلة الفيضانات إلى 21 قتيلا، حسبما أفادت الداخلية المغربية الثلاثاء.وضربت أمطار غزيرة "
                    "الجنوب.", language="ar")
    assert claimants(found) == [(21, "morocco-interior")]


@pytest.mark.django_db
def test_data_published_on_a_bodys_site_are_that_bodys():
    actor("jordan-army", "Jordan Armed Forces", "military", "JO", ["الجيش الأردني"], language="ar")
    found = extract("أعلن الجيش الأردني مقتل 3 جنود.\n\nوكشفت أحدث المعطيات المنشورة على الموقع الرسمي للجيش، ارتفاع "
                    "عدد المصابين إلى 250.", language="ar")
    assert claimants(found) == [(3, "jordan-army"), (250, "jordan-army")]


@pytest.mark.django_db
def test_a_bodys_name_shortened_to_its_head_and_last_words_is_the_body_named_before():
    actor("ocha", "UN Office for the Coordination of Humanitarian Affairs", "international_organization", "",
          ["مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"], language="ar")
    found = extract("أعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية مقتل 90 مدنيا.\n\nوأضاف مكتب الشؤون الإنسانية في بيان "
                    "أن 1285 أسرة نزحت.", language="ar")
    assert claimants(found) == [(90, "ocha"), (1285, "ocha")]
    # a body never named in full is proposed as written
    alone = extract("وأضاف مكتب الشؤون الإنسانية في بيان أن 300 أسرة نزحت.", language="ar")
    assert claimants(alone) == [(300, "مكتب الشؤون الإنسانية")]


@pytest.mark.django_db
def test_a_second_clause_after_bainama_is_its_own_speakers():
    found = extract('وقالت قناة "الشروق" على تويتر إن الحصيلة 41، بينما ذكرت صحيفة "الفجر" الحكومية أن العدد 42 شخصا.',
                    language="ar")
    assert claimants(found) == [(41, "الشروق"), (42, "الفجر")]


@pytest.mark.django_db
def test_the_police_not_named_are_unnamed_officials():
    found = extract('وقالت قناة "الشروق" إن الحصيلة 41.\n\nوسبق أن أعلنت الشرطة، التي اتهمت مسلحين بالهجوم، أن عدد '
                    'القتلى 25.', language="ar")
    assert claimants(found) == [(41, "الشروق"), (25, "officials")]


@pytest.mark.django_db
def test_a_record_of_another_body_the_speaker_points_to_is_that_bodys_through_the_speaker():
    actor("ocha", "UN Office for the Coordination of Humanitarian Affairs", "international_organization", "",
          ["مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"], language="ar")
    [before, after] = extract("وأوضح مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أن المخيم كان يؤوي 300 ألف شخص، مشيرا إلى "
                              "تسجيل المفوضية السامية للاجئين نزوح نحو 120 ألف شخص.", language="ar")
    assert (who(before), hops(before)) == ("ocha", [])
    assert (who(after), hops(after)) == ("المفوضية السامية للاجئين", [["ocha"]])
    # a record with no body named stays the speaker's
    [alone] = extract("وأوضح مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية أن المخيم أفرغ، مشيرا إلى تسجيل نزوح 90 ألف "
                      "شخص.", language="ar")
    assert who(alone) == "ocha"


@pytest.mark.django_db
def test_titles_and_a_portfolio_with_no_name_are_an_unnamed_official():
    found = extract("صرحت وزير الدولة لشؤون الإعلام الناطق الرسمي باسم الحكومة عن ارتفاع عدد الوفيات الى 10 اشخاص.",
                    language="ar")
    assert claimants(found) == [(10, "officials")]
    # a title with a name is that person
    named = extract("وقال وزير الصحة الدكتور حسن الغباش إن 12 شخصا توفوا.", language="ar")
    assert claimants(named) == [(12, "حسن الغباش")]


@pytest.mark.django_db
def test_a_noun_that_refers_back_followed_by_two_definite_words_is_an_organisations_full_name():
    actor("un", "United Nations", "international_organization", "", ["الأمم المتحدة"], language="ar")
    found = extract("قالت المنظمة الدولية للهجرة، التابعة للأمم المتحدة، إن أكثر من 130 مهاجرا فقدوا.", language="ar")
    assert claimants(found) == [(130, "المنظمة الدولية للهجرة")]
    # one adjective after it describes the organisation named before
    described = extract("أعلنت منظمة الصحة العالمية وفاة 12 شخصا.\n\nوأضافت المنظمة الأممية أن 40 آخرين أصيبوا.",
                        language="ar")
    assert [who for _, who in claimants(described)][1] == "منظمة الصحة العالمية"


@pytest.mark.django_db
def test_an_organisation_proposed_is_the_one_the_organisation_refers_back_to():
    found = extract("ذكرت منظمة الهجرة الدولية أن 10 أشخاص نجوا.\n\nووصل عدد الغرقى خلال العام إلى حوالي 3000 شخص، حسبما "
                    "أفادت المنظمة.", language="ar")
    assert claimants(found) == [(10, "منظمة الهجرة الدولية"), (3000, "منظمة الهجرة الدولية")]


@pytest.mark.django_db
def test_a_quotation_announced_as_the_cited_sources_words_is_that_sources_through_the_citer():
    actor("un-news", "UN News", "news_outlet", "", ["أخبار الأمم المتحدة"], language="ar")
    actor("who", "World Health Organization", "international_organization", "", ["منظمة الصحة العالمية"], language="ar")
    [_, quoted] = extract("أعلنت منظمة الصحة العالمية وفاة 4 أشخاص.\n\nونقل موقع أخبار الأمم المتحدة عن المنظمة قولها "
                              "في بيان اليوم: “إن ما لا يقل عن ثلاثين شخصا لقوا حتفهم”.", language="ar")
    assert (who(quoted), hops(quoted)) == ("who", [["un-news"]])
