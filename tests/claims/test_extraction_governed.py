"""Arabic reporting verbs with their object first (issue 15, thirteenth session), on constructed sentences: a
preposition the verb governs standing right after it ("أشار إلى", "كشف عن", "أفاد بوفاة …") opens what was reported,
so the subject was left out and the speaker of the sentence before goes on. A subject that begins with the letter ب
("وقال بوتين", "وأفاد بيان لوزارة …") is still the subject. Each case fails on the rules before the session."""

import pytest

from tests.claims.extraction_probes import actor, extract, who

LEAD = "وقال الدفاع المدني السوري في بيان اليوم إن 300 عائلة تضررت من السيول. "


@pytest.fixture
def civil_defence(db):
    actor("sy-civil-defence", "Syrian Civil Defence", "ngo", "SY", ["الدفاع المدني السوري"], language="ar")


@pytest.mark.parametrize("sentence, figure", [
    ("وأشار إلى وفاة متطوعة وإصابة ستة آخرين.", 6),
    ("وكشف عن فقدان 4 أشخاص في المنطقة.", 4),
    ("وأعلن عن انتشال 9 جثث من تحت الأنقاض.", 9),
    ("وأفاد بوفاة طفلين وإنقاذ طفل وشاب.", 2),
    ("وأقر بمقتل 7 من عناصره.", 7),
])
def test_a_verb_with_its_governed_preposition_first_keeps_the_speaker(civil_defence, sentence, figure):
    found = extract(LEAD + sentence, language="ar")
    assert [(int(c.quantity.number), who(c)) for c in found] == [(300, "sy-civil-defence"),
                                                                (figure, "sy-civil-defence")]


def test_a_subject_beginning_with_the_letter_ba_is_still_the_subject(civil_defence):
    actor("sy-health-ministry", "Ministry of Health of Syria", "government_agency", "SY", ["وزارة الصحة السورية"],
          language="ar")
    found = extract(LEAD + "وأفاد بيان وزارة الصحة السورية بأن 7 أشخاص قتلوا. وقال بوتين إن 5 جنود قتلوا.", language="ar")
    assert [(int(c.quantity.number), who(c)) for c in found] == [
        (300, "sy-civil-defence"), (7, "sy-health-ministry"), (5, "بوتين")]
