"""Greek claimants and hops (sixteenth session), on constructed sentences (none taken from the corpus):

- a title is never a name: the doctor's abbreviated title ("ο Δρ. Σαλίμ αλ Χαντάρι") is skipped to the person, whose
  transliterated Arabic particles ("αλ", "ελ", "μπιν") belong to his name;
- a date word is never a name: a month in any case ("της 30ής Ιουνίου") is no speaker; an acronym in brackets after a
  place noun ("στη χώρα (MINUZA)") glosses the phrase before it and is no place;
- "the Press" of a press release ("ανακοίνωση Τύπου") alone is no one's name: the statement's owner in the genitive
  speaks;
- a statement relayed by a medium ("ανακοίνωση του υπουργείου … που επικαλέστηκε το πρακτορείο ειδήσεων NOVA"): the
  aorist of "επικαλούμαι" cites as its present does, the medium after its noun relays, the statement's owner speaks;
- a body with a relative clause saying who runs it ("Το υπουργείο Υγείας που διοικείται από την Ένωση"): the body of
  that owner, not the owner;
- an unnamed source as the subject before its verb ("Τοπική πηγή, η οποία …, είπε"): unnamed officials;
- Latin words in lower case after a Latin name are the rest of the foreign name ("Kabul news");
- an adverb inside a phrase of saying ("έκανε επίσης λόγο"); the imperfect "αναφερόταν σε" with its subject dropped;
- a press release's owner in the genitive ("δελτίο τύπου της …") is a source, not a place, and a federation, a council or
  a fund is named whole ("Διεθνούς Ομοσπονδίας Συλλόγων …").

Each case fails on the rules before the session."""


import pytest

from tests.claims.extraction_probes import actor, claimants, extract, figures_through, publisher
from tests.claims.test_extraction_hostile_speed_fourteenth import _extraction_time


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "«Οι νεκροί έφτασαν τους 12», ανέφερε ο Δρ. Σαλίμ αλ Χαντάρι, εκπρόσωπος του νοσοκομείου.",
    "«Οι νεκροί έφτασαν τους 12», ανέφερε μέσω X ο Δρ. Σαλίμ αλ Χαντάρι, εκπρόσωπος του νοσοκομείου.",
    "«Οι νεκροί έφτασαν τους 12», δήλωσε ο Δρ Σαλίμ αλ Χαντάρι.",
])
def test_an_abbreviated_title_is_no_name_and_the_particle_joins_the_name(text):
    found = extract(text, language="el", publisher=publisher())
    assert claimants(found) == [(12, "Σαλίμ αλ Χαντάρι")]


@pytest.mark.django_db
def test_a_month_is_no_speaker():
    found = extract("Μεταξύ της 1ης Απριλίου και της 30ής Ιουνίου, «75 άνθρωποι σκοτώθηκαν σε επεισόδια», σύμφωνα με την "
                    "έκθεση της αποστολής των Ηνωμένων Εθνών στη χώρα της Αφρικής (MINUZA).", language="el",
                    publisher=publisher())
    assert claimants(found) == [(75, "MINUZA")]


@pytest.mark.django_db
def test_an_acronym_in_brackets_after_a_place_noun_glosses_the_phrase_and_is_no_place():
    found = extract("Φέτος 75 άνθρωποι σκοτώθηκαν, σύμφωνα με την έκθεση της αποστολής στη χώρα (MINUZA).", language="el",
                    publisher=publisher())
    assert claimants(found) == [(75, "MINUZA")]


def _ministry():
    return actor("nordland-health", "Ministry of Health (Nordland)", "government_agency", "",
                 ["υπουργείο Υγείας της Νορδλάνδης"], language="el")


@pytest.mark.django_db
def test_the_press_of_a_press_release_is_no_name_and_the_agency_citing_it_relays():
    _ministry()
    found = extract("«Εννέα άνθρωποι σκοτώθηκαν», σύμφωνα με ανακοίνωση Τύπου του υπουργείου Υγείας της Νορδλάνδης που "
                    "επικαλέστηκε το κρατικό πρακτορείο ειδήσεων NOVA.", language="el", publisher=publisher())
    assert figures_through(found) == [(9, "nordland-health", [["proposed:nova"]])]


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Το υπουργείο Υγείας που διοικείται από την Ένωση λέει ότι 240 άνθρωποι έχουν σκοτωθεί.",
    "Το υπουργείο Υγείας που ελέγχεται από την Ένωση ανέφερε ότι 240 άνθρωποι έχουν σκοτωθεί.",
])
def test_a_body_run_by_an_owner_is_the_owners_body_not_the_owner(text):
    actor("union", "The Union", "armed_group", "", ["Ένωση"], language="el")
    actor("union-health", "Ministry of Health (Union)", "government_agency", "", [], language="el")
    from sources.models import Actor, ActorAlias, AliasKind
    ActorAlias.objects.create(actor=Actor.objects.get(key="union-health"), name="υπουργείο Υγείας της Ένωσης",
                              language="el", kind=AliasKind.DESCRIPTOR)
    found = extract(text, language="el", publisher=publisher())
    assert claimants(found) == [(240, "union-health")]


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Τοπική πηγή είπε ότι 21 άνθρωποι σκοτώθηκαν.",
    "Νοσοκομειακή πηγή, η οποία ζήτησε να μην κατονομαστεί, είπε ότι 21 άνθρωποι σκοτώθηκαν.",
])
def test_an_unnamed_source_before_its_verb_is_unnamed_officials(text):
    found = extract(text, language="el", publisher=publisher())
    assert claimants(found) == [(21, "officials")]


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Το τοπικό μέσο ενημέρωσης Kabul news έκανε λόγο για 31 νεκρούς, επικαλούμενο τοπικές πηγές.",
    "Το Kabul news έκανε επίσης λόγο για 31 νεκρούς, επικαλούμενο τοπικές πηγές.",
])
def test_a_latin_name_keeps_its_lower_case_words_and_an_adverb_stands_inside_the_phrase(text):
    found = extract(text, language="el", publisher=publisher())
    assert [(figure, who, [[hop.lower() for hop in step] for step in steps])
            for figure, who, steps in figures_through(found)] == [(31, "officials", [["proposed:kabul news"]])]


@pytest.mark.django_db
def test_the_imperfect_of_referring_with_no_subject_is_the_last_speaker():
    found = extract("«Οι νεκροί είναι 15», δήλωσε ο Πέτρος Αλεξίου. Νωρίτερα, αναφερόταν σε 9 νεκρούς.", language="el",
                    publisher=publisher())
    assert claimants(found) == [(15, "Πέτρος Αλεξίου"), (9, "Πέτρος Αλεξίου")]


@pytest.mark.django_db
def test_a_press_releases_owner_is_a_source_and_a_federation_is_named_whole():
    found = extract("Σύμφωνα με ένα δελτίο τύπου της Διεθνούς Ομοσπονδίας Συλλόγων Ναυαγοσωστών, 40 άνθρωποι διασώθηκαν.",
                    language="el", publisher=publisher())
    assert claimants(found) == [(40, "Διεθνούς Ομοσπονδίας Συλλόγων Ναυαγοσωστών")]


HOSTILE_UNITS = [
    "Τοπική πηγή, η οποία ζήτησε να μην κατονομαστεί, είπε ",
    "Το υπουργείο Υγείας που διοικείται από τη Χαμάς λέει 12 ",
    "ανέφερε μέσω X ο Δρ. Ανίς αλ Ασμπάχι, ",
    "έκανε επίσης λόγο για 3 ",
    "ανακοίνωση Τύπου του υπουργείου που επικαλέστηκε το επίσημο πρακτορείο ειδήσεων SABA ",
    "Tolo news έκανε λόγο ",
    "της 31ης Μαρτίου (BINUH) ",
    "δελτίο τύπου της Διεθνούς Ομοσπονδίας Συλλόγων Ναυαγοσωστών ",
]


@pytest.mark.django_db
@pytest.mark.parametrize("unit", HOSTILE_UNITS)
def test_the_sessions_constructions_repeated_for_ten_thousand_characters_extract_in_seconds(unit):
    body = (unit * (10000 // len(unit) + 1))[:10000] + "."
    elapsed = _extraction_time(body, "el")
    assert elapsed < 3.0, f"{elapsed:.2f} s"
