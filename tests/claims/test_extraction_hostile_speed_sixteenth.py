"""Hostile text (sixteenth session): whole articles of 10,000 characters go through ``extract_candidates`` within a
few CPU seconds where they took over 10 s before (docs/extraction.md, "Hostile text (sixteenth session)"): a Korean
report ("…숨졌다고 밝혔다") repeated without a sentence break, whose every verb read the rest of the sentence again; and a
Greek text that ends on a reporting verb after a comma no longer fails."""

import pytest

from claims.extraction.candidates import ActorIndex, extract_candidates
from sources.models import Document
from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated

BUDGET = 5.0  # CPU seconds for 10,000 characters on a noisy machine; the code before took over 10 s


@pytest.mark.django_db
@pytest.mark.parametrize("unit", [
    "경찰은 12명이 숨졌다고 밝혔다 ",
    "경찰은 12명이 숨졌다고 밝혔습니다, ",
    "AP통신은 현지 당국자를 인용해 12명이 숨졌다고 보도했다 ",
    "이 통신은 12명이 숨졌다고 덧붙였다, ",
])
def test_a_korean_report_repeated_in_one_sentence_extracts_in_seconds(unit):
    elapsed = _extraction_time(_repeated(unit) + ".", "ko")
    assert elapsed < BUDGET, f"{elapsed:.2f} s"


@pytest.mark.django_db
@pytest.mark.parametrize("body", [
    "Τουλάχιστον 12 άνθρωποι σκοτώθηκαν, όπως μετέδωσε",
    "Τουλάχιστον 12 άνθρωποι σκοτώθηκαν, ανακοίνωσε",
    _repeated("Τουλάχιστον 12 άνθρωποι σκοτώθηκαν, όπως μετέδωσε το Reuters επικαλούμενο διπλωματικές πηγές "),
])
def test_a_greek_text_ending_on_a_reporting_verb_after_a_comma_extracts(body):
    document = Document(key="hostile", language="el", body=body)
    candidates = extract_candidates(document=document, actors=ActorIndex.from_database())
    assert any(candidate.quantity is not None and candidate.quantity.value == 12 for candidate in candidates)
