"""A number that counts the unnamed people who speak is no figure of what they report (issue 15, thirteenth session):
"Two of the sources said 28 …" states one figure, 28. A number of the same people as victims is still a figure. The
first case fails on the rules before the session (both numbers were proposed); the others guard the boundary."""

import pytest

from tests.claims.extraction_probes import extract, who


def _figures(found):
    return [(int(c.quantity.number), who(c)) for c in found]


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Two of the sources said 28 people were killed in the attack.",
    "Three of the officials told reporters that 28 people were killed in the attack.",
])
def test_the_number_of_the_speakers_is_no_figure(text):
    assert _figures(extract(text, language="en")) == [(28, "officials")]


@pytest.mark.django_db
def test_the_same_people_as_victims_are_a_figure():
    assert _figures(extract("Police said two officers and 28 civilians were killed.", language="en")) == [
        (2, "officials"), (28, "officials")]


@pytest.mark.django_db
def test_a_number_far_before_the_speakers_is_kept():
    assert _figures(extract("At least 28 people were killed on Friday in three attacks, security sources said.",
                            language="en")) == [(28, "officials")]


# Korean counts after the noun: "관계자 3명이 전했다" (three officials said). The number of victims before the
# speaker, in the reported clause, is a figure.
@pytest.mark.django_db
@pytest.mark.parametrize("text, expected", [
    ("보안 소식통 2명은 28명이 숨졌다고 밝혔다.", [(28, "officials")]),
    ("28명이 숨졌다고 정부 관계자 3명이 전했다.", [(28, "officials")]),
    ("경찰관 2명이 숨졌다고 경찰은 밝혔다.", [(2, "officials")]),
])
def test_korean_speakers_counted_after_the_noun(text, expected):
    assert _figures(extract(text, language="ko")) == expected


# Arabic: the number of victims before "according to" its sources is a figure.
@pytest.mark.django_db
def test_a_figure_before_according_to_is_kept():
    assert _figures(extract("قتل 5 أشخاص بحسب مصادر أمنية.", language="ar")) == [(5, "officials")]
