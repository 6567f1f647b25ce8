"""Arabic claimants and hops (sixteenth session), on constructed sentences of common reporting shapes (none taken from
the corpus):

- "المتحدثة باسم <body>": "باسم" (on behalf of) opens the body; the name after the body is the speaker's, and the feminine
  title alone later ("وقالت المتحدثة") refers back to her;
- a body's head noun in the construct state with its owner named inside ("مفوضية الأمم المتحدة لشؤون …") is one body:
  the registry's actor held under that name in another order, else the whole name proposed, else (an office of the owner)
  the owner;
- 'بحسب "<country> <word>"': a quoted name of which a country is only a part is a medium proposed, no country;
- a held medium spelled with another long vowel ("أسوشييتد برس") is that medium; "برس" is no word opened by "بـ";
- a name's first word is no title because a title begins with it ("ناي" is no "نائب");
- a day between commas after the verb is an aside; two sources ("مصدران أمنيان") are officials;
- "نقل موقع (12) عن X قول Y": a site named in brackets cites the medium X for Y's saying — Y speaks, through the site
  and X, and goes on through them;
- a quotation with a figure right after the verb is what was said, not its subject.
"""

import pytest

from tests.claims.extraction_probes import actor, claimants, extract, figures_through, publisher
from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated


def _un():
    actor("un", "United Nations", "international_organization", "", ["الأمم المتحدة"], language="ar")


def _water_commission():
    actor("unwc", "UN Water Commission", "international_organization", "", ["المفوضية السامية لشؤون المياه"],
          language="ar")


@pytest.mark.django_db
def test_the_spokeswoman_of_a_body_in_the_construct_state_is_named_after_it():
    _un()
    found = figures_through(extract(
        "وقالت المتحدثة باسم مفوضية الأمم المتحدة السامية لشؤون المياه سلمى نوار، الخميس، إن 40 شخصا قتلوا.\n"
        "وقالت المتحدثة: \"سجلنا وفاة 12 آخرين\".", language="ar", publisher=publisher()))
    assert found == [(40, "سلمى نوار", []), (12, "سلمى نوار", [])]


@pytest.mark.django_db
def test_a_body_in_the_construct_state_is_the_one_held_in_another_order():
    _un()
    _water_commission()
    found = claimants(extract("وقالت مفوضية الأمم المتحدة لشؤون المياه في بيان إن 40 شخصا قتلوا.", language="ar",
                              publisher=publisher()))
    assert found == [(40, "unwc")]


@pytest.mark.django_db
def test_a_body_in_the_construct_state_after_kana_is_the_one_held():
    _un()
    _water_commission()
    found = claimants(extract("وكانت مفوضية الأمم المتحدة لشؤون المياه أعلنت الأسبوع الماضي فقدان 61 شخصا.",
                              language="ar", publisher=publisher()))
    assert found == [(61, "unwc")]


@pytest.mark.django_db
def test_the_spokesman_of_a_held_body_with_no_name_after_it_is_the_body():
    _un()
    _water_commission()
    found = claimants(extract("وقال المتحدث باسم مفوضية الأمم المتحدة لشؤون المياه إن 40 شخصا قتلوا.", language="ar",
                              publisher=publisher()))
    assert found == [(40, "unwc")]


@pytest.mark.django_db
def test_a_body_no_actor_holds_is_proposed_whole():
    _un()
    found = claimants(extract("وقال صندوق الأمم المتحدة للسكان إن 40 امرأة قتلن.", language="ar", publisher=publisher()))
    assert found == [(40, "صندوق الأمم المتحدة للسكان")]


@pytest.mark.django_db
def test_an_office_of_the_owner_is_the_owner():
    _un()
    found = claimants(extract("وقال مكتب الأمم المتحدة في فريدونيا إن 50 شخصا قتلوا.", language="ar",
                              publisher=publisher()))
    assert found == [(50, "un")]


@pytest.mark.django_db
def test_a_quoted_name_with_a_country_in_it_is_a_medium_not_the_country():
    actor("freedonia", "Freedonia", "country", "FD", ["فريدونيا"], language="ar")
    found = figures_through(extract('وقال الوزير سامي نعمان، بحسب "فريدونيا الغد": "قتل 30 شخصا".', language="ar",
                                    publisher=publisher()))
    assert [(n, who) for n, who, _ in found] == [(30, "سامي نعمان")]
    assert [[ref.name for ref in step] for step in extract(
        'وقال الوزير سامي نعمان، بحسب "فريدونيا الغد"، إن 30 شخصا قتلوا.', language="ar",
        publisher=publisher())[0].hops] == [["فريدونيا الغد"]]


@pytest.mark.django_db
def test_a_quoted_country_alone_is_the_country():
    # guard: the quotation holds the country's name and nothing else
    actor("freedonia", "Freedonia", "country", "FD", ["فريدونيا"], language="ar")
    found = claimants(extract('وبحسب "فريدونيا"، قتل 30 شخصا.', language="ar", publisher=publisher()))
    assert found == [(30, "freedonia")]


@pytest.mark.django_db
def test_a_held_medium_spelled_with_another_long_vowel_is_that_medium():
    actor("wire", "Freedonia Wire", "news_agency", "FD", ["فريدونيا تايمز برس"], language="ar")
    found = figures_through(extract("وقال الوزير سامي نعمان لوكالة فريدونيا تاييمز برس، إن 70 شخصا قتلوا.",
                                    language="ar", publisher=publisher()))
    assert found == [(70, "سامي نعمان", [["wire"]])]


@pytest.mark.django_db
def test_a_name_with_other_consonants_is_another_medium():
    # guard: one consonant more is another name, proposed as written
    actor("wire", "Freedonia Wire", "news_agency", "FD", ["فريدونيا تايمز برس"], language="ar")
    found = extract("وقال الوزير سامي نعمان لوكالة فريدونيا تايمرز برس، إن 70 شخصا قتلوا.", language="ar",
                    publisher=publisher())
    assert [step[0].key for step in found[0].hops] != ["wire"]


@pytest.mark.django_db
def test_a_first_name_that_a_title_begins_with_is_no_title():
    found = claimants(extract('وقال ناي فون لات المتحدث باسم الحكومة "قتل 17 شخصا".', language="ar",
                              publisher=publisher()))
    assert found == [(17, "ناي فون لات")]


@pytest.mark.django_db
def test_a_day_between_commas_after_the_verb_is_an_aside_and_two_sources_are_officials():
    found = claimants(extract("قتل 15 جنديا، على ما أفاد، الثلاثاء، مصدران أمنيان.", language="ar", publisher=publisher()))
    assert found == [(15, "officials")]


@pytest.mark.django_db
def test_a_site_named_in_brackets_cites_a_medium_for_the_saying_of_a_person():
    actor("afp", "Agence France-Presse", "news_agency", "FR", ["وكالة فرانس برس", "فرانس برس"], language="ar")
    found = figures_through(extract(
        "ونقل موقع (12) عن “فرانس برس” قول العقيد سامي نعمان: “هاجمت طائرات حربية القرية”.\n"
        "وأضاف “قتل نحو 30 شخصًا، بينهم أطفال ونساء”، وأصيب نحو 40 آخرين.", language="ar", publisher=publisher()))
    assert found == [(30, "سامي نعمان", [["proposed:12"], ["afp"]]), (40, "سامي نعمان", [["proposed:12"], ["afp"]])]


@pytest.mark.django_db
def test_a_quotation_with_a_figure_right_after_the_verb_is_no_subject():
    # the quotation opens the verb's object, followed by a comma; the subject was left out (the speaker goes on)
    found = claimants(extract("وقال الوزير سامي نعمان إن القصف مستمر.\nوأضاف “قتل نحو 30 شخصًا، بينهم أطفال”، وأصيب 40 آخرون.",
                              language="ar", publisher=publisher()))
    assert found == [(30, "سامي نعمان"), (40, "سامي نعمان")]


BUDGET = 3.0  # CPU seconds for 10,000 characters


@pytest.mark.django_db
@pytest.mark.parametrize("unit", [
    "قالت المتحدثة باسم مفوضية الأمم المتحدة ",
    "مفوضية الأمم المتحدة لحقوق ",
    'بحسب "روسيا اليوم" ',
    "لوكالة أسوشييتد برس، ",
    "وكانت مكتب الأمم المتحدة ",
    "أفاد، الثلاثاء، ",
    "ونقل موقع (12) عن “فرانس برس” قول العقيد ",
    "وأضاف “قتل نحو 30 شخصًا، ",
])
def test_the_sixteenth_sessions_constructions_repeated_extract_in_seconds(unit):
    _un()
    actor("russia", "Russia", "country", "RU", ["روسيا"], language="ar")
    elapsed = _extraction_time(_repeated(unit) + " 12.", "ar")
    assert elapsed < BUDGET, f"{elapsed:.2f} s"
