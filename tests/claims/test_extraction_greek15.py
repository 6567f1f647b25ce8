"""Greek reporting constructions of news copy (fifteenth session), on constructed sentences (none taken from the corpus):

- verbs of saying news copy uses that were not cues: posting ("ανάρτησε/ανήρτησε στο X ότι"), repeating ("επανέλαβε"),
  admitting ("παραδέχθηκε/παραδέχτηκε"), denying ("διέψευσε");
- an apposition that gives the person a rank or title in lower case after its article ("Ο εκπρόσωπος του στρατού, ο
  συνταγματάρχης Νίκος Ιωάννου, δήλωσε"): the person speaks, not the body of the title before it;
- the medium spoken to at the head of the sentence ("Μιλώντας στο Reuters, ο …"), in an interview with a paper named
  after its adjective ("στη γαλλική εφημερίδα Le Monde"), or an acronym no actor has ("Μιλώντας στην ΕΡΤ"): a relay;
- a titled person's first name in -ας/-ης after a building in the genitive ("ο εκπρόσωπος του νοσοκομείου Ανδρέας
  Λάμπρου"), and a minister's name after a portfolio of two genitives with no comma ("ο υπουργός Κλιματικής Κρίσης
  Γιάννης Κεφαλογιάννης");
- an impersonal passive naming the document ("Σε ανακοίνωση του Λιμενικού αναφέρεται ότι", "Όπως αναφέρεται στην
  ανακοίνωση"): the document's owner, else the last source; issuing a statement ("εξέδωσε ανακοίνωση") is announcing;
- a verb after "όπως" has its subject after it, unnamed sources too ("όπως ανέφεραν υγειονομικές πηγές στο Reuters");
- an acronym in the genitive after a report ("σύμφωνα με πληροφορίες του ΣΚΑΪ") or after a spokesman ("ο εκπρόσωπος
  του ΥΠΕΞ") is a source, not a place; a first name before a person held by his surname alone is his;
- a minister described with a portfolio ("ο Τούρκος υπουργός Υγείας") is no ministry of another portfolio.

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


def _reuters():
    return actor("reuters", "Reuters", "news_agency", "GB", ["Reuters"], language="el")


@pytest.mark.django_db
def test_the_medium_spoken_to_at_the_head_of_the_sentence_relays():
    _reuters()
    _zelensky()
    found = extract("Μιλώντας στο Reuters, ο Ζελένσκι είπε ότι 16 πύραυλοι καταρρίφθηκαν.", language="el",
                    publisher=publisher())
    assert figures_through(found) == [(16, "zelensky", [["reuters"]])]


@pytest.mark.django_db
def test_a_titled_person_after_a_building_speaks_through_the_medium_at_the_head():
    _reuters()
    found = extract("Μιλώντας στο Reuters, ο εκπρόσωπος του νοσοκομείου Ανδρέας Λάμπρου είπε ότι 16 τραυματίες "
                    "νοσηλεύονται.", language="el", publisher=publisher())
    assert figures_through(found) == [(16, "Ανδρέας Λάμπρου", [["reuters"]])]


@pytest.mark.django_db
def test_an_acronym_spoken_to_is_a_medium_and_the_minister_is_named_after_his_portfolio():
    found = extract("Μιλώντας στην ΕΡΤ, ο υπουργός Κλιματικής Κρίσης Γιάννης Κεφαλογιάννης ανέφερε ότι 40 πυροσβέστες "
                    "τραυματίστηκαν.", language="el", publisher=publisher())
    assert [(figure, who, hops) for figure, who, hops in figures_through(found)] == \
        [(40, "Γιάννης Κεφαλογιάννης", [[found[0].hops[0][0].key]])]
    assert found[0].hops[0][0].name == "ΕΡΤ"


@pytest.mark.django_db
def test_a_paper_named_after_its_adjective_in_an_interview_relays():
    _zelensky()
    found = extract("Ο Ζελένσκι δήλωσε σε συνέντευξή του στη γαλλική εφημερίδα Le Monde ότι 31.000 στρατιώτες έχουν "
                    "σκοτωθεί.", language="el", publisher=publisher())
    assert [(figure, who) for figure, who, _ in figures_through(found)] == [(31000, "zelensky")]
    assert [[ref.name for ref in step] for step in found[0].hops] == [["Le Monde"]]


def _coast_guard():
    return actor("coast-guard", "Hellenic Coast Guard", "government_agency", "GR", ["Λιμενικό Σώμα", "Λιμενικό"],
                 language="el")


IMPERSONAL = [
    ("Σε ανακοίνωση του Λιμενικού αναφέρεται ότι 48 μετανάστες διασώθηκαν.", [(48, "coast-guard")]),
    # guard (passes before): the owner after the verb
    ("Όπως σημειώνεται σε ανακοίνωση του Λιμενικού, 48 μετανάστες διασώθηκαν.", [(48, "coast-guard")]),
    ("Το Λιμενικό ανακοίνωσε ότι 12 μετανάστες διασώθηκαν. Όπως αναφέρεται στην ανακοίνωση, άλλοι 48 μεταφέρθηκαν "
     "στο λιμάνι.", [(12, "coast-guard"), (48, "coast-guard")]),
    ("Το Λιμενικό εξέδωσε ανακοίνωση. Σε αυτήν αναφέρεται ότι 48 μετανάστες διασώθηκαν.", [(48, "coast-guard")]),
    # guard (passes before): "Σημειώνεται ότι" with no document is the writer's aside
    ("Το Λιμενικό ανακοίνωσε ότι 12 μετανάστες διασώθηκαν. Σημειώνεται ότι 48 μετανάστες είχαν διασωθεί την "
     "προηγούμενη εβδομάδα.", [(12, "coast-guard"), (48, "paper")]),
]


@pytest.mark.django_db
@pytest.mark.parametrize("text,expected", IMPERSONAL)
def test_an_impersonal_passive_is_the_documents_owner(text, expected):
    _coast_guard()
    assert claimants(extract(text, language="el", publisher=publisher())) == expected


@pytest.mark.django_db
def test_unnamed_sources_after_a_verb_after_opos_are_officials_through_the_medium_told():
    _reuters()
    found = extract("Περισσότεροι από 50 άνθρωποι σκοτώθηκαν, όπως ανέφεραν υγειονομικές πηγές στο Reuters.",
                    language="el", publisher=publisher())
    assert figures_through(found) == [(50, "officials", [["reuters"]])]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Σύμφωνα με πληροφορίες του ΣΚΑΪ, πέντε άνθρωποι έχουν συλληφθεί.",
                                  "Σύμφωνα με ρεπορτάζ της ΕΡΤ, πέντε άνθρωποι έχουν συλληφθεί."])
def test_an_acronym_owning_a_report_is_its_source(text):
    found = extract(text, language="el", publisher=publisher())
    assert [(figure, who) for figure, who in claimants(found)] in ([(5, "ΣΚΑΪ")], [(5, "ΕΡΤ")])


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Ο εκπρόσωπος του ΥΠΕΞ ανέφερε ότι 40 Έλληνες πολίτες απομακρύνθηκαν.",
                                  "Σύμφωνα με τον εκπρόσωπο του ΥΠΕΞ, 40 Έλληνες πολίτες απομακρύνθηκαν."])
def test_an_unnamed_spokesman_of_an_acronym_speaks_for_it(text):
    assert claimants(extract(text, language="el", publisher=publisher())) == [(40, "ΥΠΕΞ")]


@pytest.mark.django_db
def test_a_spokesman_of_an_acronym_named_in_apposition_speaks():
    # guard (passes before): the person named after the acronym, not the acronym
    found = extract("Στα νοσοκομεία διακομίστηκαν 68 τραυματίες, όπως ενημέρωσε ο εκπρόσωπος της ΠΟΕΔΗΝ, Μιχάλης "
                    "Γιαννάκος.", language="el", publisher=publisher())
    assert claimants(found) == [(68, "Μιχάλης Γιαννάκος")]


@pytest.mark.django_db
def test_a_first_name_before_a_person_held_by_surname_is_his():
    actor("gladkov", "Vyacheslav Gladkov", "person", "RU", ["Γκλάντκοφ"], language="el")
    found = extract("Ένας άνθρωπος σκοτώθηκε και 14 τραυματίστηκαν, ανέφερε ο Βιάτσεσλαβ Γκλάντκοφ.", language="el",
                    publisher=publisher())
    assert claimants(found) == [(14, "gladkov")]


@pytest.mark.django_db
def test_a_minister_of_one_portfolio_is_no_ministry_of_another():
    actor("turkey-mod", "Ministry of National Defence of Turkey", "government_agency", "TR",
          ["υπουργείο Άμυνας της Τουρκίας", "τουρκικό υπουργείο Άμυνας"], language="el")
    actor("turkey", "Turkey", "country", "TR", ["Τουρκία"], language="el")
    health = extract("Πέντε άνθρωποι σκοτώθηκαν, ανακοίνωσε σήμερα ο Τούρκος υπουργός Υγείας.", language="el",
                     publisher=publisher())
    assert claimants(health) == [(5, "officials")]
    # guard (passes before): the minister of the portfolio the ministry has
    defence = extract("Πέντε στρατιώτες σκοτώθηκαν, ανακοίνωσε σήμερα ο Τούρκος υπουργός Άμυνας.", language="el",
                      publisher=publisher())
    assert claimants(defence) == [(5, "turkey-mod")]
