"""Round 11 of issue 15: a body described, not named — found by a descriptor of a registry actor, by a name written all
in lower case, or by a description resolved to an actor — belongs to a country the text is about, in every language.
An actor of another country, not named before, whose country the text does not name, is not meant: the description is
proposed as a new actor. Each test is a constructed sentence and fails on the rules before the round (commit 5a290ba),
but the guard that a body of the country the text names, or one named before, is kept. A text that names no country
says nothing against a descriptor (the round-10 and earlier tests of a descriptor alone still hold)."""

import pytest

from tests.claims.extraction_probes import actor, extract, who


@pytest.mark.django_db
def test_an_arabic_descriptor_of_another_countrys_body_is_proposed():
    actor("gaza-civil-defence", "Palestinian Civil Defence (Gaza)", "government_agency", "PS",
          descriptors=["الدفاع المدني"], language="ar")
    actor("saudi-arabia", "Saudi Arabia", "country", "SA", ["السعودية"], language="ar")
    [candidate] = extract("وقال الدفاع المدني في السعودية إن 12 شخصا لقوا حتفهم في السيول.", language="ar")
    assert candidate.claimant.proposed and who(candidate) == "الدفاع المدني"


@pytest.mark.django_db
def test_a_greek_lower_case_alias_of_another_countrys_agency_is_a_description():
    actor("afad", "Disaster and Emergency Management Presidency (AFAD)", "government_agency", "TR",
          ["AFAD", "υπηρεσία διαχείρισης καταστροφών"], language="el")
    actor("indonesia", "Indonesia", "country", "ID", ["Ινδονησία"], language="el")
    [candidate] = extract("Τουλάχιστον 16 άνθρωποι σκοτώθηκαν στις πλημμύρες στην Ινδονησία, σύμφωνα με την υπηρεσία "
                          "διαχείρισης καταστροφών.", language="el")
    assert candidate.claimant.proposed and who(candidate) == "υπηρεσία διαχείρισης καταστροφών"


@pytest.mark.django_db
def test_an_english_descriptor_of_another_countrys_agency_is_proposed():
    actor("afad", "Disaster and Emergency Management Presidency (AFAD)", "government_agency", "TR", ["AFAD"],
          descriptors=["the disaster agency"])
    actor("indonesia", "Indonesia", "country", "ID", ["Indonesia"])
    [candidate] = extract("At least 16 people were killed in the floods in Indonesia, the disaster agency said.")
    assert candidate.claimant.proposed and who(candidate) == "disaster agency"


@pytest.mark.django_db
def test_a_korean_descriptor_of_another_countrys_ministry_is_proposed():
    actor("gaza-health-ministry", "Gaza Health Ministry", "government_agency", "PS", ["가자지구 보건부"],
          descriptors=["보건부"], language="ko")
    actor("sudan", "Sudan", "country", "SD", ["수단"], language="ko")
    [candidate] = extract("수단 서부에서 충돌이 이어졌다. 보건부는 최소 30명이 숨졌다고 밝혔다.", language="ko")
    assert candidate.claimant.proposed and who(candidate) == "보건부"


@pytest.mark.django_db
def test_a_russian_descriptor_of_another_countrys_service_is_proposed():
    actor("ukraine-emergency-service", "State Emergency Service of Ukraine", "government_agency", "UA", ["ГСЧС"],
          descriptors=["служба по чрезвычайным ситуациям"], language="ru")
    actor("indonesia", "Indonesia", "country", "ID", ["Индонезии"], language="ru")
    [candidate] = extract("При наводнении в Индонезии погибли 16 человек, сообщила служба по чрезвычайным ситуациям.",
                          language="ru")
    assert candidate.claimant.proposed and who(candidate) == "служба по чрезвычайным ситуациям"


@pytest.mark.django_db
def test_a_described_body_of_the_country_the_text_names_is_kept():
    actor("gaza-civil-defence", "Palestinian Civil Defence (Gaza)", "government_agency", "PS",
          descriptors=["الدفاع المدني"], language="ar")
    actor("palestine", "Palestine", "country", "PS", ["فلسطين", "غزة"], language="ar")
    [candidate] = extract("وقال الدفاع المدني في غزة إن 12 شخصا قتلوا في الغارة.", language="ar")
    assert who(candidate) == "gaza-civil-defence"
    actor("afad", "Disaster and Emergency Management Presidency (AFAD)", "government_agency", "TR", ["AFAD"],
          descriptors=["the disaster agency"])
    [candidate] = extract("The disaster agency AFAD said on Monday that 40 people died in Turkey. Later the disaster "
                          "agency said 12 more had died.")[1:]
    assert who(candidate) == "afad"  # named before


@pytest.mark.django_db
def test_a_description_resolved_to_another_countrys_ministry_is_proposed():
    actor("morocco-interior-ministry", "Interior Ministry of Morocco", "government_agency", "MA", ["Moroccan Interior Ministry"])
    actor("peru", "Peru", "country", "PE", ["Peru"])
    [candidate] = extract("In Peru, the interior ministry said 14 people had died in the landslide.")
    assert candidate.claimant.proposed


@pytest.mark.django_db
def test_a_descriptor_with_a_proper_name_in_it_says_whose_it_is():
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"], ["South Korea's spy agency"])
    actor("russia", "Russia", "country", "RU", ["Russia"])
    [candidate] = extract("Russia has lost about 2,000 soldiers, South Korea's spy agency said on Wednesday.")
    assert who(candidate) == "nis"
