"""Credits in every form (issue 15, thirteenth session), on constructed texts (none taken from the corpus): a head
dateline with its days, a credit line in one of its frames (a "copy" frame anywhere, a "pointer" frame closing the text)
and the medium a speaker spoke to. The credited wire is step 1 of every attributed figure; a related story's link, a
photo credit and a pointer frame before the last paragraph credit nothing. Every positive case fails on the rules before
the session (main at b1a2433)."""

import time

import pytest

from claims.extraction.hops import _DATE_ONLY, _DATE_TAIL, _framed_credit, _frames, _glosses
from tests.claims.extraction_probes import extract, figures_through, hop_keys, media, publisher

_NAMES = {
    "afp": ("Agence France-Presse", "news_agency", "FR", {"en": ["AFP"], "el": ["Γαλλικό Πρακτορείο", "AFP"],
                                                          "ko": ["AFP통신", "AFP"], "ar": ["فرانس برس", "أ ف ب"],
                                                          "ru": ["AFP", "Франс Пресс"]}),
    "reuters": ("Reuters", "news_agency", "GB", {"en": ["Reuters"], "el": ["Reuters"], "ko": ["로이터통신", "로이터"],
                                                "ar": ["وكالة رويترز", "رويترز"], "ru": ["Рейтер"]}),
    "bbc": ("BBC", "news_outlet", "GB", {"en": ["BBC"], "el": ["BBC"], "ko": ["BBC"], "ar": ["بي بي سي"], "ru": ["Би-би-си"]}),
}


def _media(*keys, language):
    media(_NAMES, *keys, language=language)


_figures = figures_through


# A head dateline that gives its days before and after the credit in brackets: the wire's copy.
DATELINE = {
    "en": "Lyon, June 4 (AFP) Jun 04, 2025\n\nThe regional governor Marc Dupuis said 14 people were injured.",
    "el": "Λυών, 4 Ιουνίου (AFP) 4 Ιουνίου 2025\n\nΟ περιφερειάρχης Μαρκ Ντιπουί δήλωσε ότι 14 άνθρωποι τραυματίστηκαν.",
    "ru": "Лион, 4 июня (AFP) 4 июня 2025\n\nГубернатор региона Марк Дюпюи заявил, что пострадали 14 человек.",
    "ar": "ليون، 4 يونيو (أ ف ب) 4 يونيو 2025\n\nوقال مارك دوبوي إن 14 شخصا أصيبوا.",
}
SPEAKERS = {"en": "Marc Dupuis", "el": "Μαρκ Ντιπουί", "ru": "Марк Дюпюи", "ar": "مارك دوبوي"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(DATELINE))
def test_a_head_dateline_with_its_days_credits_its_wire(language):
    _media("afp", language=language)
    found = extract(DATELINE[language], language=language, publisher=publisher())
    assert _figures(found) == [(14, SPEAKERS[language], [["afp"]])]


# A "copy" frame (the text made from a wire's material), a line of its own: the wire is step 1.
COPY = {
    "en": ("Police chief Anna Berg said 9 people were missing.\n\nWith material from Reuters.",
           "Anna Berg"),
    "ar": ("وقالت قائدة الشرطة آنا بيرغ إن 9 أشخاص في عداد المفقودين.\n\nبتصرف عن رويترز",
           "آنا بيرغ"),
    "ru": ("Начальник полиции Анна Берг сообщила, что пропали без вести 9 человек.\n\n"
           "С использованием материалов Рейтер.", "Анна Берг"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(COPY))
def test_a_copy_frame_credits_its_wire(language):
    _media("reuters", language=language)
    text, speaker = COPY[language]
    found = extract(text, language=language, publisher=publisher())
    assert _figures(found) == [(9, speaker, [["reuters"]])]


# A "pointer" frame closing the text (it draws on a medium, or sends the reader to its site): step 1 of every figure.
POINTER = {
    "en": ("Mayor Tom Reed said 11 people died.\n\nThis article draws on BBC.", "Tom Reed", ["bbc"]),
    "el": ("Ο δήμαρχος Τομ Ριντ δήλωσε ότι 11 άνθρωποι σκοτώθηκαν.\n\nΔημοσιεύθηκε αρχικά στο BBC", "Τομ Ριντ", ["bbc"]),
    "ko": ("톰 리드 시장은 11명이 숨졌다고 말했다.\n\n*이 기사는 로이터를 참조했습니다.", "톰 리드", ["reuters"]),
    "ar": ("وقال رئيس البلدية توم ريد إن 11 شخصا لقوا حتفهم.\n\nبحسب ما أوردته وكالة رويترز", "توم ريد", ["reuters"]),
    "ru": ("Мэр города Том Рид сообщил, что погибли 11 человек.\n\nПодробнее читайте на primer.ru", "Том Рид",
           ["proposed:primer.ru"]),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(POINTER))
def test_a_closing_pointer_frame_credits_its_medium(language):
    _media("bbc", "reuters", language=language)
    text, speaker, step = POINTER[language]
    found = extract(text, language=language, publisher=publisher())
    assert _figures(found) == [(11, speaker, [step])]


# What is no credit: a link to a related story (a headline, no medium), a photo credit, and a pointer frame before the
# text's last paragraph; the text's own closing credit still counts.
NOT_CREDITS = {
    "en": "Mayor Tom Reed said 11 people died.\n\nRead more at BBC.\n\nRead more: Reuters reporter hurt in storm\n\n"
          "Photo: AFP\n\nWith material from Reuters.",
    "ru": "Мэр города Том Рид сообщил, что погибли 11 человек.\n\nПодробнее читайте на primer.ru\n\n"
          "Фото: AFP\n\nС использованием материалов Рейтер.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(NOT_CREDITS))
def test_related_links_photo_credits_and_early_pointers_are_no_credits(language):
    _media("afp", "bbc", "reuters", language=language)
    found = extract(NOT_CREDITS[language], language=language, publisher=publisher())
    assert [hop_keys(c) for c in found] == [[["reuters"]]]


@pytest.mark.parametrize("sentence, language", [
    ("Read more: Reuters reporter hurt in storm", "en"),
    ("Подробнее читайте: в Москве выпал снег", "ru"),
    ("Читайте также на aif.ru", "ru"),
])
def test_a_related_story_is_no_frame(sentence, language):
    assert _framed_credit(sentence, language, last=True) is None


# The medium a speaker spoke to, marked as a medium by a word for one or by its own name: a relay after the credit.
SPOKE_TO = {
    "el": ("«Μετρήσαμε 16 νεκρούς», είπε ο Χουάν Πέρες μιλώντας στον ραδιοφωνικό σταθμό Onda Sur.\n\nΠηγή: AFP",
           "Χουάν Πέρες", "proposed:onda sur"),
    "en": ("\"We counted 16 dead,\" Juan Perez told Radio Onda.\n\nSource: AFP", "Juan Perez",
           "proposed:radio onda"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(SPOKE_TO))
def test_the_medium_a_speaker_spoke_to_is_a_relay_after_the_credit(language):
    _media("afp", language=language)
    text, speaker, medium = SPOKE_TO[language]
    found = extract(text, language=language, publisher=publisher())
    assert _figures(found) == [(16, speaker, [["afp"], [medium]])]


@pytest.mark.parametrize("language", ["en", "el", "ko", "ar", "ru"])
@pytest.mark.parametrize("filler", ["a", " ", ".", "(", "X ", "1 May ", "ab,"])
def test_credit_patterns_stay_linear_on_hostile_text(language, filler):
    # every frame's pattern on 10,000 characters (past the length a credit line may have), and the dateline's days
    body = (filler * 10_000)[:10_000]
    started = time.perf_counter()
    for _, pattern in _frames(language):
        for text in (body, "по материалам " + body, "이 기사는 " + body + "를 참조했습니다", "with material from " + body + "."):
            pattern.match(text)
    _DATE_ONLY.fullmatch(body)
    _DATE_TAIL.sub("", body)
    line = "Paris, " + body + " (AFP) " + body
    _glosses(line, 7 + len(body) + 1, 7 + len(body) + 6)
    assert _framed_credit(body, language, last=True) is None
    assert time.perf_counter() - started < 1.0
