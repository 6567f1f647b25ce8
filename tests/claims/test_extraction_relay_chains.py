"""Relay chains (issue 15, fourteenth session): a medium citing a medium or a source, and a speaker relaying a briefing
or an estimate. The claimant is the innermost source; the hops are the relays nearest the document first. Kinds C and
D of "Batch G's misses, by kind" (tests/claims/realtext/README.md). Each sentence is constructed, in each language that
has the construction."""

import time

import pytest

from tests.claims.extraction_probes import actor, extract, figures_through, publisher

MEDIA = {
    "reuters": ("Reuters", "news_agency", "GB", {"en": ["Reuters"], "el": ["Reuters"], "ru": ["Reuters", "Рейтер"],
                                                 "ar": ["رويترز"], "ko": ["로이터"]}),
    "ria": ("RIA Novosti", "state_media", "RU", {"en": ["RIA"], "el": ["RIA"], "ru": ["РИА Новости"],
                                                "ar": ["ريا نوفوستي"], "ko": ["리아노보스티 통신"]}),
}
MINISTRY = {"en": ["the Russian defence ministry"], "el": ["ρωσικό υπουργείο Άμυνας"], "ru": ["Минобороны России"],
            "ar": ["وزارة الدفاع الروسية"], "ko": ["러시아 국방부"]}


def _registry(language):
    for key, (name, kind, country, aliases) in MEDIA.items():
        actor(key, name, kind, country, aliases[language], language=language)
    actor("russia-mod", "Russian Ministry of Defence", "government_agency", "RU", MINISTRY[language], language=language)


SOURCE_THEN_CITING = {
    "en": "At least 40 soldiers were killed, according to the Russian defence ministry, Reuters reported, citing RIA.",
    "el": "Συνολικά 40 στρατιώτες σκοτώθηκαν, σύμφωνα με το ρωσικό υπουργείο Άμυνας, μεταδίδει το Reuters, "
          "επικαλούμενο το RIA.",
    "ru": "Погибли 40 военных, по данным Минобороны России, передает Reuters со ссылкой на РИА Новости.",
    "ar": "قتل 40 جنديا، بحسب وزارة الدفاع الروسية، كما نقلت رويترز عن ريا نوفوستي.",
    "ko": "러시아 국방부에 따르면 군인 40명이 숨졌다고 로이터가 리아노보스티 통신을 인용해 보도했다.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(SOURCE_THEN_CITING))
def test_a_source_named_before_a_medium_citing_a_medium_is_the_claimant(language):
    """"…, according to X, Reuters reported, citing RIA": X said it, RIA carried it, Reuters cited RIA — the inner
    "citing" is a relay, not the source."""
    _registry(language)
    found = extract(SOURCE_THEN_CITING[language], language=language, publisher=publisher())
    assert figures_through(found) == [(40, "russia-mod", [["reuters"], ["ria"]])]


INVERTED = {
    "ru": "«Погибли 56 человек», — приводит сообщение Reuters со ссылкой на Минобороны России РИА Новости.",
}


# A medium carrying another medium's report, which cites the source: the carrier after the verb (Russian "приводит X
# сообщение Y со ссылкой на Z", the subject last) or before it ("RIA carried a Reuters report citing Z").
CARRIED_REPORT = {
    "ru": "«Погибли 56 человек», — приводит сообщение Reuters со ссылкой на Минобороны России РИА Новости.",
    "en": "RIA carried a Reuters report citing the Russian defence ministry as saying 56 soldiers were killed.",
    "el": "Το RIA μεταδίδει ρεπορτάζ του Reuters, επικαλούμενο το ρωσικό υπουργείο Άμυνας, ότι σκοτώθηκαν 56 στρατιώτες.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(CARRIED_REPORT))
def test_a_medium_carrying_a_report_that_cites_a_source_is_the_outer_relay(language):
    """The medium that carries the report is nearest the document, the medium whose report it is next, the source they
    cite the claimant — wherever the carrier stands (the Russian subject after its verb)."""
    _registry(language)
    found = extract(CARRIED_REPORT[language], language=language, publisher=publisher())
    assert figures_through(found) == [(56, "russia-mod", [["ria"], ["reuters"]])]
