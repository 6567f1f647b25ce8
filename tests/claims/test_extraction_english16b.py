"""English claimants, second round of the sixteenth session, on constructed sentences (none taken from the corpus):

- a sentence opening "The <title> of <a body>, <ranks> <Name>, said …" has the person named in apposition as its
  speaker, whatever the title is (not the body the title serves, nor the country owning it);
- "X provided this information at a briefing" (gave these figures, shared the details) states the figures the text has
  just given: they are X's;
- "Overnight Thursday to Friday …" opening a sentence is a time, no proposed speaker.

Each positive case fails on the rules before this round."""

import pytest

from tests.claims.extraction_probes import actor, extract, figures_through, publisher
from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time, _repeated

BUDGET = 3.0  # CPU seconds for 10,000 characters


@pytest.mark.django_db
@pytest.mark.parametrize("text, person", [
    ("The Nursing Superintendent of Northfield Civil Hospital, Dr Anna Moreau, said that they were treating 18 injured "
     "from the blast.", "Anna Moreau"),
    ("The director-general of Freedonia's Joint Press Office (JPO), Lieutenant General Tomas Varga, told reporters "
     "that 35 people were wounded.", "Tomas Varga"),
])
def test_the_title_of_a_body_then_the_name_in_apposition_is_the_speaker(text, person):
    actor("freedonia", "Freedonia", "country", "FD", ["Freedonia"])
    found = figures_through(extract(text, publisher=publisher()))
    assert [(figure, who) for figure, who, _ in found] == [(found[0][0], person)]


@pytest.mark.django_db
@pytest.mark.parametrize("closing", [
    "The Secretary of the Relief Ministry Tom Reyes provided this information at a briefing on Tuesday.",
    "Tom Reyes, secretary of the Relief Ministry, shared these details with reporters on Tuesday.",
    "The Secretary of the Relief Ministry Tom Reyes gave these figures at a briefing on Tuesday.",
])
def test_providing_this_information_states_the_figures_just_given(closing):
    text = f"The toll of the fire rose to 11. About 550 people were injured.\n{closing}"
    found = figures_through(extract(text, publisher=publisher()))
    assert [(figure, who) for figure, who, _ in found] == [(11, "Tom Reyes"), (550, "Tom Reyes")]


@pytest.mark.django_db
def test_figures_without_a_closing_statement_stay_the_writers():
    text = "The toll of the fire rose to 11. About 550 people were injured.\nTom Reyes visited the camp on Tuesday."
    found = figures_through(extract(text, publisher=publisher()))
    assert [(figure, who) for figure, who, _ in found] == [(11, "paper"), (550, "paper")]


@pytest.mark.django_db
@pytest.mark.parametrize("unit", [
    "The Chief Pharmacist of Northfield Civil Hospital, Dr Anna Moreau, said that 18 were hurt. ",
    "The head of the of the of the of ",
    "About 550 people were hurt. Tom Reyes provided this information provided these figures. ",
])
def test_the_rounds_constructions_repeated_for_ten_thousand_characters_extract_in_seconds(unit):
    elapsed = _extraction_time(_repeated(unit) + ".", "en")
    assert elapsed < BUDGET, f"{elapsed:.2f} s"


@pytest.mark.django_db
def test_a_night_phrase_with_its_weekday_is_no_speaker():
    # sixteenth session (second round): "Overnight Thursday to Friday" opens the sentence as a time, not a speaker
    text = "Overnight Sunday to Monday gunmen raided a village, killing 15 people, a regional governor said."
    found = figures_through(extract(text, publisher=publisher()))
    assert [(figure, who) for figure, who, _ in found] == [(15, "officials")]
