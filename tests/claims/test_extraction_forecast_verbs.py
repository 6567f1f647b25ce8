"""Verbs of forecasting and the Korean progressive of estimating (issue 15, fourteenth session): "predicted",
"projected", "예측했다", "추정하고 있다", "прогнозирует", "προέβλεψε", "توقعت" are verbs of saying like "estimated", whose
subject states the figure as an estimate. Batch G's "the Pentagon predicted" and "영국 정보부는 … 예측했다" fell to
the publisher. Each case fails on the rules before the session."""

import pytest

from tests.claims.extraction_probes import actor, extract, who


@pytest.fixture
def ministry(db):
    names = {"en": ["the defence ministry"], "ko": ["국방부"], "ru": ["Минобороны"], "el": ["υπουργείο Άμυνας"],
             "ar": ["وزارة الدفاع"]}
    created = actor("mod", "Ministry of Defence", "government_agency", "GB", names["en"])
    for language in ("ko", "ru", "el", "ar"):
        for name in names[language]:
            created.aliases.create(name=name, language=language)


@pytest.mark.parametrize("language, body, figure", [
    ("en", "The defence ministry predicted that 1,000 soldiers would be lost each day.", 1000),
    ("en", "The defence ministry projected that 2,500 troops had been wounded.", 2500),
    ("en", "The defence ministry forecast that 300 more people could die.", 300),
    ("ko", "국방부는 하루에 1000명 이상의 사상자가 나올 것으로 예측했다.", 1000),
    ("ko", "국방부는 사망자가 5000명에 이른 것으로 추정하고 있다.", 5000),
    ("ko", "국방부는 부상자가 700명에 달하는 것으로 추산하고 있다.", 700),
    ("ru", "Минобороны прогнозирует, что потери составят 900 человек.", 900),
    ("el", "Το υπουργείο Άμυνας προέβλεψε ότι 400 στρατιώτες θα σκοτωθούν.", 400),
    ("ar", "وتوقعت وزارة الدفاع مقتل 600 جندي خلال الشهر.", 600),
])
def test_a_forecast_is_stated_by_the_subject_of_its_verb(ministry, language, body, figure):
    found = extract(body, language=language)
    assert [(int(c.quantity.number), who(c)) for c in found] == [(figure, "mod")]
    assert found[0].hedge in ("estimated", "believed")


def test_a_korean_place_or_time_as_topic_is_no_speaker_of_a_subjectless_estimate(ministry):
    found = extract("국방부는 1일 사고를 발표했다. 사고 당시 현장에는 30명이 작업을 하고 있었던 것으로 추정하고 있다.",
                    language="ko")
    assert [(int(c.quantity.number), who(c)) for c in found] == [(30, "mod")]
