"""Arabic claimants and relays (fifteenth session), on constructed sentences of common reporting shapes (none taken from
the corpus):

- a dual subject ("وزارتا الدفاع الفريدونية والسيلفانية") is the first of the two bodies;
- a name in brackets inside a title's subject ("رئيس هيئة … (إف آر إيه) سامي نعمان") is skipped: the person speaks;
- a participle of saying ("مؤكداً أن") has the subject of the verb that opens the sentence;
- a phrase of time or manner after the verb ("في مطلع أبريل", "بشكل نهائي") is no name; a body's noun after it is;
- "بأنه" ends a subject as "بأن" does;
- a paragraph that ends with a colon announces the next one and a bulleted list after it;
- the medium a speaker talked to ("في حديث لـ", "في اتصال هاتفي مع", "لقناة") relays him;
- "أمّا X، فقد أعلنت": the topic is the subject;
- a media office ("المركز الإعلامي لـ") speaks for its body; a rank after a spokesman's body begins his name; a body's
  name without its nationality adjective is that of the country the text is about; "بحسب ما أوردته جريدة".
"""

import time

import pytest

from tests.claims.extraction_probes import actor, claimants, extract, figures_through, publisher


def _freedonia():
    actor("freedonia", "Freedonia", "country", "FD", ["فريدونيا"], language="ar")


@pytest.mark.django_db
def test_a_dual_subject_is_the_first_body_proposed():
    found = claimants(extract("قدرت وزارتا الدفاع الفريدونية والسيلفانية عدد القتلى بنحو 500 جندي.", language="ar",
                              publisher=publisher()))
    assert found == [(500, "وزارة الدفاع الفريدونية")]


@pytest.mark.django_db
def test_a_dual_subject_is_the_first_body_by_its_descriptor():
    actor("fis", "Freedonian Intelligence Service", "intelligence_agency", "FD", ["جهاز المخابرات الفريدوني"],
          descriptors=["المخابرات الفريدونية"], language="ar")
    actor("sis", "Sylvanian Intelligence Service", "intelligence_agency", "SY", ["جهاز المخابرات السيلفاني"],
          descriptors=["المخابرات السيلفانية"], language="ar")
    found = claimants(extract("قدرت وكالتا المخابرات الفريدونية والسيلفانية، عدد القتلى بحوالي 9 آلاف جندي.",
                              language="ar", publisher=publisher()))
    assert found == [(9000, "fis")]


@pytest.mark.django_db
def test_a_name_in_brackets_inside_the_subject_is_skipped():
    actor("fra", "Freedonian Relief Agency", "government_agency", "FD", ["هيئة الإغاثة الفريدونية"], language="ar")
    found = claimants(extract("وقال مدير هيئة الإغاثة الفريدونية (إف آر إيه) سامي نعمان، الأربعاء، إن 120 شخصا قتلوا.",
                              language="ar", publisher=publisher()))
    assert found == [(120, "سامي نعمان")]


@pytest.mark.django_db
def test_a_participle_of_saying_has_the_opening_verbs_subject():
    found = claimants(extract("وعرض رئيس هيئة الإغاثة سامي نعمان تقديرات جديدة، مؤكداً أن 300 شخص نزحوا.",
                              language="ar", publisher=publisher()))
    assert found == [(300, "سامي نعمان")]


@pytest.mark.django_db
def test_a_participle_in_a_sentence_without_a_verb_first_is_no_speaker():
    # guard: the opening words are a phrase of time, no verb: the participle says nothing of its own
    found = claimants(extract("وفي وقت لاحق، مشيرة إلى أن 12 شخصا قتلوا.", language="ar", publisher=publisher()))
    assert found == [(12, "paper")]


@pytest.mark.django_db
def test_a_phrase_of_time_after_the_verb_is_no_name():
    _freedonia()
    found = claimants(extract("وقالت فريدونيا إن 10 جنود قتلوا.\nوأعلنت في مطلع أبريل الماضي مقتل 40 جنديا.",
                              language="ar", publisher=publisher()))
    assert found == [(10, "freedonia"), (40, "freedonia")]


@pytest.mark.django_db
def test_a_body_after_a_phrase_of_time_is_the_subject():
    found = claimants(extract("أعلنت في وقت سابق وزارة الصحة الفريدونية مقتل 12 شخصا.", language="ar",
                              publisher=publisher()))
    assert found == [(12, "وزارة الصحة الفريدونية")]


@pytest.mark.django_db
def test_bianahu_ends_the_subject():
    found = claimants(extract("تفيد هيئة الإسعاف بأنه تم نقل 45 مصابا إلى المستشفيات.", language="ar",
                              publisher=publisher()))
    assert found == [(45, "هيئة الإسعاف")]


@pytest.mark.django_db
def test_a_paragraph_ending_with_a_colon_announces_the_list_after_it():
    body = ("تفيد هيئة الإسعاف بأنه تم نقل 45 مصابا إلى المستشفيات، وذلك على النحو الآتي:\n\n"
            "وخلال الليلة الماضية، استقبلت المستشفيات 20 مصابا، بينهم:\n\n• 3 في حالة خطيرة\n\n• 17 في حالة طفيفة")
    found = claimants(extract(body, language="ar", publisher=publisher()))
    assert found == [(45, "هيئة الإسعاف"), (20, "هيئة الإسعاف"), (3, "هيئة الإسعاف"), (17, "هيئة الإسعاف")]


@pytest.mark.django_db
def test_without_a_colon_the_next_paragraph_is_the_authors():
    # guard: the same paragraphs without the announcing colon
    body = ("تفيد هيئة الإسعاف بأنه تم نقل 45 مصابا إلى المستشفيات.\n\n"
            "وخلال الليلة الماضية، استقبلت المستشفيات 20 مصابا.")
    found = claimants(extract(body, language="ar", publisher=publisher()))
    assert found == [(45, "هيئة الإسعاف"), (20, "paper")]


MEDIA_TOLD = {
    "call": "وقال مدير الدفاع المدني سامي نعمان في اتصال هاتفي مع وكالة فرانس برس إن 15 شخصا قتلوا.",
    "interview": "ووصف سامي نعمان، في حديث لـ”إذاعة الشرق”، الوضع بالكارثي، مشيرا إلى أن 70 شخصا ما زالوا مفقودين.",
    "dative": "وقُتل 23 شخصا في المدينة، حسبما قال حاكم هذه المحافظة لقناة سما نور الإخبارية.",
    "aside": "سامي نعمان وفي مداخلة مع الساحل ذكر أن الفرق أجلت أكثر من 80 شخصا.",
}
TOLD = {"call": "afp", "interview": "إذاعة الشرق", "dative": "سما نور", "aside": "الساحل"}


@pytest.mark.django_db
@pytest.mark.parametrize("shape", sorted(MEDIA_TOLD))
def test_the_medium_a_speaker_talked_to_relays_him(shape):
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["وكالة فرانس برس", "فرانس برس"], language="ar")
    found = extract(MEDIA_TOLD[shape], language="ar", publisher=publisher())
    assert len(found) == 1
    hops = [[ref.key if not ref.proposed else ref.name for ref in step] for step in found[0].hops]
    assert hops == [[TOLD[shape]]]


@pytest.mark.django_db
def test_the_journalists_told_are_no_medium():
    # guard: "في حديث مع الصحفيين" names no medium
    found = figures_through(extract("وقال سامي نعمان في حديث مع الصحفيين إن 40 شخصا قتلوا.", language="ar",
                                    publisher=publisher()))
    assert found == [(40, "سامي نعمان", [])]


@pytest.mark.django_db
def test_a_correspondent_of_a_medium_is_no_medium_told():
    # guard: "مراسل لرويترز" is the medium's own reporter, not a medium told
    actor("reuters", "Reuters", "news_agency", "GB", ["رويترز"], language="ar")
    found = figures_through(extract("وقال مسؤولون إن 31 جثة انتشلت. وأفاد مراسل لرويترز بأن 12 جثة أخرى نقلت.",
                                    language="ar", publisher=publisher()))
    assert found[1][2] == []


@pytest.mark.django_db
def test_a_topicalised_subject_speaks():
    _freedonia()
    actor("sylvania", "Sylvania", "country", "SY", ["سيلفانيا"], language="ar")
    body = "وحسب أرقام سيلفانيا، قتل 13 ألف جندي. أمّا فريدونيا، فقد اعترفت في مطلع مارس بخسارة أقل من 500 جندي."
    found = claimants(extract(body, language="ar", publisher=publisher()))
    assert found == [(13000, "sylvania"), (500, "freedonia")]


@pytest.mark.django_db
def test_a_media_office_speaks_for_its_body():
    found = claimants(extract("وقال المركز الإعلامي للمديرية العامة للإطفاء بفريدونيا، في بيان، إن 12 شخصا قتلوا.",
                              language="ar", publisher=publisher()))
    assert found == [(12, "المديرية العامة للإطفاء")]


@pytest.mark.django_db
def test_a_rank_after_the_body_a_spokesman_speaks_for_begins_his_name():
    found = claimants(extract("وأكد المتحدث الرسمي باسم الدفاع المدني الفريدوني العقيد سامي العلي النعمان أن 5 أشخاص ما زالوا "
                              "مفقودين.", language="ar", publisher=publisher()))
    assert found == [(5, "سامي العلي النعمان")]


@pytest.mark.django_db
def test_a_body_without_its_nationality_adjective_is_the_countrys():
    _freedonia()
    actor("fcd", "Freedonia Civil Defence", "ngo", "FD", ["الدفاع المدني الفريدوني"], language="ar")
    body = "قتل 20 مدنيا في قصف على شمال فريدونيا.\nوقال الدفاع المدني إن 8 مدنيين قتلوا في القصف."
    assert claimants(extract(body, language="ar", publisher=publisher())) == [(20, "paper"), (8, "fcd")]


@pytest.mark.django_db
def test_a_newspaper_named_with_a_number_carries_the_figure():
    found = claimants(extract('وبحسب ما أوردته جريدة "الساحل 24" الإلكترونية، انهار المبنى الذي يؤوي 6 أسر.',
                              language="ar", publisher=publisher()))
    assert found == [(6, "الساحل 24")]


@pytest.mark.django_db
def test_hostile_participles_and_brackets_stay_fast():
    body = ("وعرض رئيس هيئة (إف آر إيه) سامي نعمان في حديث لـ”إذاعة” تقديرات، مؤكداً أن 3 قتلوا، " * 300) + "."
    started = time.perf_counter()
    extract(body, language="ar", publisher=publisher())
    assert time.perf_counter() - started < 30


@pytest.mark.django_db
def test_a_body_between_kana_and_the_verb_speaks():
    actor("fna", "Freedonian News Agency", "state_media", "FD", ["وكالة فنا"], language="ar")
    body = ("وأفادت وكالة فنا عن ارتفاع عدد الضحايا إلى 16 قتيلا.\n"
            "وكانت وزارة الداخلية الفريدونية أعلنت في وقت سابق «انتشال 13 جثة».")
    assert claimants(extract(body, language="ar", publisher=publisher())) == [
        (16, "fna"), (13, "وزارة الداخلية الفريدونية")]


@pytest.mark.django_db
def test_the_object_pronoun_of_afada_is_no_name():
    found = claimants(extract("قتل 16 شخصا، وفق حصيلة جديدة أفادت بها هيئة الإسعاف الفريدونية.", language="ar",
                              publisher=publisher()))
    assert found == [(16, "هيئة الإسعاف الفريدونية")]
