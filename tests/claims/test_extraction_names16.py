"""What is never a proposed actor's name (issue 15, sixteenth session): a date, an initial or a title's abbreviation, an
oblique phrase, the words of a count, a head noun or a demonstrative alone; the sentence falls back to its next reading
(the name after the span, the actor named nearby, the source carried on, unnamed officials). Sentences of our own in the
shape of the constructions (docs/extraction.md, "What is never a proposed actor's name (sixteenth session)")."""

import pytest

from claims.extraction.attribution.proposing import names_no_one, ru_nominative
from tests.claims.extraction_probes import actor, extract, publisher, who


# --- The gate, word class by word class ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, language", [
    ("Απριλίου", "el"), ("Σαββατοκύριακο", "el"), ("October", "en"), ("Sept", "en"), ("مطلع مارس الجاري", "ar"),
    ("Δρ", "el"), ("И", "ru"), ("Б", "ru"),
    ("Στην Ιταλία", "el"), ("На Камчатке", "ru"), ("باسم هيئة", "ar"), ("وفي حديث مع", "ar"),
    ("그 기관의", "ko"), ("벌써 수단에서", "ko"),
    ("Τουλάχιστον", "el"), ("Более", "ru"), ("Dozens", "en"),
    ("Τύπου", "el"), ("هيئة", "ar"), ("Agency", "en"),
])
def test_a_span_of_no_name_words_is_no_proposed_name(name, language):
    assert names_no_one(name, language)


@pytest.mark.parametrize("name, language", [
    ("Ερυθράς Ημισελήνου", "el"), ("Press Office", "en"), ("Максим Ефимов", "ru"), ("May", "en"),
    ("국민통합정부", "ko"), ("국무회의", "ko"), ("Управлением", "ru"), ("Υπατος Αρμοστής", "el"),
    ("مكتب الطبيب الشرعي", "ar"), ("بسام أبو علي", "ar"), ("Στέλιος Μαρτίου", "el"),
])
def test_a_name_with_such_a_word_in_it_stays_a_name(name, language):
    assert not names_no_one(name, language)


# --- The fallback: the name after a span that is no subject -------------------------------------------------------

@pytest.mark.django_db
def test_a_greek_title_abbreviation_lets_the_name_after_it_speak():
    text = "«Οι νεκροί έφτασαν τους 14», ανέφερε ο Δρ. Νίκος Παπαδάκης, διευθυντής του νοσοκομείου."
    found = extract(text, language="el", publisher=publisher())
    assert [(int(c.quantity.number), who(c)) for c in found] == [(14, "Νίκος Παπαδάκης")]


@pytest.mark.django_db
def test_a_greek_month_in_the_genitive_is_no_speaker():
    text = ("Μεταξύ της 1ης Φεβρουαρίου και της 30ής Απριλίου, «212 άνθρωποι σκοτώθηκαν σε επιθέσεις», σύμφωνα με την "
            "έκθεση της αποστολής (MINUSCA).")
    found = extract(text, language="el", publisher=publisher())
    assert [who(c) for c in found if int(c.quantity.number) == 212] == ["MINUSCA"]


@pytest.mark.django_db
def test_a_russian_initial_is_the_person_named_before():
    text = ('Об этом сообщил губернатор Иван Петров. "Ранены 12 человек", - сказал И.Петров.')
    found = extract(text, language="ru", publisher=publisher())
    assert [(int(c.quantity.number), who(c)) for c in found] == [(12, "Иван Петров")]


@pytest.mark.django_db
def test_a_korean_genitive_lets_the_person_after_it_speak():
    text = "이 단체의 김민준 대표는 사망자 중에 어린이 37명이 포함돼 있다고 덧붙였다."
    found = extract(text, language="ko", publisher=publisher())
    assert [(int(c.quantity.number), who(c)) for c in found] == [(37, "김민준")]


@pytest.mark.django_db
def test_a_korean_locative_phrase_is_no_speaker():
    text = "벌써 수단에서는 올해 사망 512명의 피해가 발생했다고 유엔은 밝혔다."
    actor("un", "United Nations", "international_organization", aliases=["유엔"], language="ko")
    found = extract(text, language="ko", publisher=publisher())
    assert [(int(c.quantity.number), who(c)) for c in found] == [(512, "un")]


# --- Head nouns, titles and adjectives alone ----------------------------------------------------------------------

@pytest.mark.django_db
def test_an_arabic_title_alone_without_the_article_is_an_unnamed_official():
    text = "قتل 41 شخصا في القصف، وفق ما أفاد متحدث باسم هذه الجماعة."
    found = extract(text, language="ar", publisher=publisher())
    assert [(int(c.quantity.number), who(c)) for c in found] == [(41, "officials")]


@pytest.mark.django_db
def test_a_greek_press_release_is_no_speaker():
    text = "«Είκοσι άνθρωποι σκοτώθηκαν», σύμφωνα με ανακοίνωση Τύπου της οργάνωσης."
    found = extract(text, language="el", publisher=publisher())
    assert [who(c) for c in found] == ["paper"]


def _state(language):
    from claims.extraction.actors import ActorRef
    from claims.extraction.attribution.state import DocumentState
    from claims.extraction.candidates import ActorIndex

    return DocumentState(language=language, index=ActorIndex.from_database(),
                         narrator=ActorRef("paper", "Paper", "news_outlet"))


@pytest.mark.django_db
def test_an_english_adjective_of_a_group_the_registry_holds_is_not_proposed():
    from claims.extraction.attribution.proposing import _proposed

    actor("houthis", "Houthis", "armed_group", aliases=["Houthis"])
    state = _state("en")
    assert _proposed(state, "Houthi", "") is None
    assert _proposed(state, "Hadi", "").name == "Hadi"


# --- A Russian body named where it speaks from ---------------------------------------------------------------------

@pytest.mark.parametrize("name, nominative", [
    ("Минздраве Армении", "Минздрав Армении"), ("Министерстве обороны", "Министерство обороны"),
    ("Управлении МЧС", "Управление МЧС"), ("Правительстве Непала", "Правительство Непала"),
    ("Администрации Курска", "Администрации Курска"), ("Москве", "Москве"), ("Минобороны", "Минобороны"),
])
def test_a_russian_body_in_the_prepositional_is_put_in_the_nominative(name, nominative):
    assert ru_nominative(name) == nominative


@pytest.mark.django_db
def test_a_russian_ministry_where_it_speaks_from_is_proposed_in_the_nominative():
    text = "Ранее в Минздраве Грузии сообщали о гибели 240 военных."
    found = extract(text, language="ru", publisher=publisher())
    assert [(int(c.quantity.number), who(c)) for c in found] == [(240, "Минздрав Грузии")]


# --- Hostile text: the gate asks a fixed set of words once per span ------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("language, unit", [
    ("el", "ο Δρ. Στους "), ("el", "Στη Σάμο είπε "), ("ru", "сказал М.Ефимов "), ("ru", "в Минздраве Армении сообщили "),
    ("ar", "وقال متحدث باسم مفوضية "), ("ko", "이 단체의 "), ("en", "by a Houthi drone "), ("en", "Dozens of "),
])
def test_no_name_spans_repeated_for_ten_thousand_characters_extract_in_seconds(language, unit):
    from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated

    elapsed = _extraction_time(_repeated(unit) + " 12.", language)
    assert elapsed < 3.0, f"{elapsed:.2f} s"
