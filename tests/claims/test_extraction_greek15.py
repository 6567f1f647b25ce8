"""Greek reporting constructions of news copy (fifteenth session), on constructed sentences (none taken from the corpus):

- verbs of saying news copy uses that were not cues: posting ("ανάρτησε/ανήρτησε στο X ότι"), repeating ("επανέλαβε"),
  admitting ("παραδέχθηκε/παραδέχτηκε"), denying ("διέψευσε");
- an apposition that gives the person a rank or title in lower case after its article ("Ο εκπρόσωπος του στρατού, ο
  συνταγματάρχης Νίκος Ιωάννου, δήλωσε"): the person speaks, not the body of the title before it.

Each case fails on the rules before the session unless marked as a guard."""

import pytest

from tests.claims.extraction_probes import actor, claimants, extract, figures_through, publisher


def _zelensky():
    return actor("zelensky", "Volodymyr Zelensky", "person", "UA", ["Βολοντίμιρ Ζελένσκι", "Ζελένσκι"], language="el")


def _army():
    return actor("idf", "Israel Defense Forces", "military", "IL", ["ισραηλινός στρατός"], language="el")


@pytest.mark.django_db
@pytest.mark.parametrize("verb", ["ανάρτησε στο X", "ανήρτησε στο X", "επανέλαβε", "παραδέχθηκε", "παραδέχτηκε",
                                  "είχε επαναλάβει", "διέψευσε"])
def test_more_greek_verbs_of_saying_are_cues(verb):
    _zelensky()
    found = extract(f"Ο Ζελένσκι {verb} ότι 30 στρατιώτες σκοτώθηκαν.", language="el", publisher=publisher())
    assert claimants(found) == [(30, "zelensky")]


@pytest.mark.django_db
def test_a_denial_is_hedged_denied():
    _zelensky()
    found = extract("Ο Ζελένσκι διέψευσε ότι 30 στρατιώτες σκοτώθηκαν.", language="el", publisher=publisher())
    assert [c.hedge for c in found] == ["denied"]


RANKED_APPOSITION = [
    "Ο εκπρόσωπος του ισραηλινού στρατού, ο υποστράτηγος Νίκος Ιωάννου, δήλωσε ότι 20 μαχητές σκοτώθηκαν.",
    "Σύμφωνα με τον εκπρόσωπο του ισραηλινού στρατού, τον υποστράτηγο Νίκο Ιωάννου, 20 μαχητές σκοτώθηκαν.",
    "Είκοσι μαχητές σκοτώθηκαν, δήλωσε ο εκπρόσωπος του ισραηλινού στρατού, ο υποστράτηγος Νίκος Ιωάννου.",
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", RANKED_APPOSITION)
def test_a_person_in_apposition_with_a_rank_speaks_not_the_body_of_the_title(text):
    _army()
    found = extract(text, language="el", publisher=publisher())
    assert [figure for figure, _ in claimants(found)] == [20]
    assert "Ιωάνν" in claimants(found)[0][1]
