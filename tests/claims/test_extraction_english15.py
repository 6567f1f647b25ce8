"""English claimants and relay hops (fifteenth session), on constructed sentences (none taken from the corpus):

- the one told ("told Congress", "told the broadcaster Metro TV") is never the subject of "told"; a medium told relays;
- a person described by a title first ("the chairman of the …") is the person the next sentence names;
- a speaker saying that unnamed sources indicate something relays them: the sources (officials) are the claimant;
- an unnamed titled speaker ("a provincial government spokesman said") is the person the next speaking sentence names;
- a running total that a speaker's verb after it covers is the speaker's;
- a medium saying figures "according to" a body described ("the local emergency rescue command") relays that body;
- "X reported quoting Y", "Quoting unidentified sources, he said": the one quoted is the claimant;
- a lead ending "…, Paper reports citing TASS" on Paper's own site is TASS's copy; the publisher is no hop.

Each positive case fails on the rules before the session."""

import time

import pytest

from claims.extraction.candidates import ActorIndex, extract_candidates
from sources.models import Document
from tests.claims.extraction_probes import actor, extract, figures_through, publisher


def _xinhua():
    actor("xinhua", "Xinhua News Agency", "state_media", "CN", ["Xinhua"])


@pytest.mark.django_db
def test_the_one_told_is_no_subject_and_a_described_chairman_is_the_general_named_next():
    text = ("The bombing killed an estimated 900 soldiers, the chairman of the Joint Chiefs of Staff told Congress on "
            "Monday.\nAdm. Peter K. Vance, answering a question from the panel, said U.S. intelligence sources "
            "indicate that about 300 more were wounded.")
    found = figures_through(extract(text, publisher=publisher()))
    assert [figure for figure, _, _ in found] == [900, 300]
    assert "Vance" in found[0][1] and found[0][2] == []
    assert found[1][1] == "officials"
    assert len(found[1][2]) == 1 and "vance" in found[1][2][0][0]


@pytest.mark.django_db
def test_a_medium_told_after_its_common_noun_relays_the_speaker_going_on():
    text = ("The toll has risen to 120, Governor Ana Ruiz Delgado said on Monday.\n"
            "Delgad told the broadcaster Kompas TV that 120 people died.")
    found = figures_through(extract(text, publisher=publisher()))
    assert [figure for figure, _, _ in found] == [120, 120]
    assert "Delgado" in found[1][1]
    assert found[1][2] == [["proposed:kompas tv"]]


@pytest.mark.django_db
def test_an_unnamed_spokesman_is_the_person_the_next_sentence_names_as_its_speaker():
    text = ("A blast at a market killed 41 people, a district government spokesman said on Friday. The number of "
            "wounded rose to 90, said Tariq Mehmood Jan.")
    found = figures_through(extract(text, publisher=publisher()))
    assert [figure for figure, _, _ in found] == [41, 90]
    assert all("Mehmood Jan" in who for _, who, _ in found)


@pytest.mark.django_db
def test_an_unnamed_spokesman_stays_officials_when_no_one_is_named_next():
    text = ("A blast at a market killed 41 people, a district government spokesman said on Friday.\n"
            "Rescue work went on through the night.")
    found = figures_through(extract(text, publisher=publisher()))
    assert [(figure, who) for figure, who, _ in found] == [(41, "officials")]


@pytest.mark.django_db
def test_a_running_total_with_a_speaker_after_it_is_the_speakers():
    text = "Rescuers found three more bodies, raising the death toll to at least 19, officials said."
    found = figures_through(extract(text, publisher=publisher()))
    assert [(figure, who) for figure, who, _ in found] == [(3, "officials"), (19, "officials")]


@pytest.mark.django_db
def test_a_running_total_without_a_speaker_after_it_stays_the_writers():
    text = "The governor said 12 people died on Sunday, bringing the death toll this year to at least 140."
    found = figures_through(extract(text, publisher=publisher()))
    assert found[1][:2] == (140, "paper")


@pytest.mark.django_db
def test_a_medium_saying_a_described_bodys_figures_relays_it():
    _xinhua()
    text = ("State news agency Xinhua said on Sunday that 35 people had been pulled from the rubble, according to the "
            "provincial flood relief command.")
    found = figures_through(extract(text, publisher=publisher()))
    assert found == [(35, "provincial flood relief command", [["xinhua"]])]


@pytest.mark.django_db
def test_a_daily_reporting_quoting_a_ministry_relays_it():
    actor("moh", "Ministry of Health (Freedonia)", "government_agency", "FD", ["Freedonian Ministry of Health"])
    text = ("\"At least 50 people were killed,\" the Al-Nahar daily reported quoting the Freedonian Ministry of Health "
            "as saying.")
    found = figures_through(extract(text, publisher=publisher()))
    assert found[0][0] == 50 and found[0][1] == "moh"


@pytest.mark.django_db
def test_a_speaker_quoting_unidentified_sources_relays_them():
    text = ("Agency spokesman Paul Okafor Reyes gave no figure. Quoting unidentified sources, he said the coast guard had "
            "rescued 88 migrants.")
    found = figures_through(extract(text, publisher=publisher()))
    assert found[0][0] == 88 and found[0][1] == "officials"


@pytest.mark.django_db
def test_a_lead_reporting_a_cited_wire_credits_the_wire_and_the_publisher_is_no_hop():
    actor("tass", "TASS", "state_media", "RU", ["TASS"])
    outlet = publisher("trend", "Trend News Agency", "news_agency")
    from sources.models import ActorAlias
    ActorAlias.objects.create(actor=outlet, name="Trend", language="en")
    text = ("At least 40 people were killed on Monday, the island’s health ministry said on Tuesday, "
            "Trend reports citing TASS.\nMore than 300 houses were destroyed and 200 people were injured in the city.")
    found = figures_through(extract(text, publisher=outlet))
    assert found[0][0] == 40 and "health ministry" in found[0][1] and found[0][2] == [["tass"]]
    assert found[-1] == (200, "tass", [])


def test_the_told_reader_is_fast_on_hostile_text():
    from claims.extraction.attribution.english import _TOLD_BEFORE

    text = "told " + "word " * 20000
    started = time.process_time()
    for position in range(0, len(text), 97):
        _TOLD_BEFORE.search(text[max(0, position - 60):position])
    assert time.process_time() - started < 2
