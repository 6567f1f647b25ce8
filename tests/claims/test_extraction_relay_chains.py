"""Relay chains (issue 15, fourteenth session): a medium citing a medium or a source, and a speaker relaying a briefing
or an estimate. The claimant is the innermost source; the hops are the relays nearest the document first. Kinds C and
D of "Batch G's misses, by kind" (tests/claims/realtext/README.md). Each sentence is constructed, in each language that
has the construction."""

import time

import pytest

from claims.extraction.actors import folded
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


# A speaker saying what he was briefed or told: the ones who briefed him (unnamed: officials) said it, he relays it.
BRIEFED_QUOTE = {
    "en": 'Senator John Smith told CNN: "We were briefed that 600 soldiers were killed."',
    "el": "Ο βουλευτής Γιάννης Παππάς είπε στο CNN πως «ενημερωθήκαμε ότι 600 στρατιώτες σκοτώθηκαν».",
    "ru": "Депутат Иван Петров сказал CNN: «Нам сообщили, что погибли 600 военных».",
    "ar": 'وقال النائب جون سميث لقناة "سي إن إن": "أُبلغنا بأن 600 جندي قتلوا".',
    "ko": '존 스미스 의원은 CNN에 "600명이 숨졌다고 보고받았다"고 말했다.',
}
CNN = {"en": ["CNN"], "el": ["CNN"], "ru": ["CNN"], "ar": ["سي إن إن"], "ko": ["CNN"]}
SPEAKER = {"en": "John Smith", "el": "Γιάννης Παππάς", "ru": "Иван Петров", "ar": "جون سميث", "ko": "존 스미스"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(BRIEFED_QUOTE))
def test_a_speaker_saying_he_was_briefed_relays_the_briefing(language):
    """"We were briefed that 600 …": the briefing's officials are the claimant, the medium told and then the speaker
    relay them (nearest the document first)."""
    actor("cnn", "CNN", "news_outlet", "US", CNN[language], language=language)
    found = extract(BRIEFED_QUOTE[language], language=language, publisher=publisher())
    [(number, claimant, steps)] = figures_through(found)
    assert (number, claimant, steps[0]) == (600, "officials", ["cnn"])
    assert len(steps) == 2 and steps[1][0].startswith("proposed:") and folded(SPEAKER[language].split()[-1]) in steps[1][0]


GOING_ON = {
    "en": 'Senator John Smith told CNN: "We were briefed that 600 soldiers were killed." Smith added that 80 tanks were lost.',
    "el": "Ο βουλευτής Γιάννης Παππάς είπε στο CNN πως «ενημερωθήκαμε ότι 600 στρατιώτες σκοτώθηκαν». "
          "Είπε ακόμη πως 80 άρματα χάθηκαν.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(GOING_ON))
def test_a_speaker_who_relayed_a_briefing_goes_on_through_the_medium_told(language):
    """Guard test (passes on the code before the session too): after relaying the briefing — its claimant now the
    officials, the speaker a relay — the speaker going on says something of his own, still to the medium he spoke to."""
    actor("cnn", "CNN", "news_outlet", "US", CNN[language], language=language)
    found = extract(GOING_ON[language], language=language, publisher=publisher())
    [(number, claimant, steps)] = [f for f in figures_through(found) if f[0] == 80]
    assert folded(SPEAKER[language].split()[-1]) in claimant.replace("proposed:", "") or \
        folded(SPEAKER[language].split()[-1]) in folded(claimant)
    assert steps == [["cnn"]]


def test_hostile_text_of_reports_and_briefings_is_read_in_linear_time():
    """Guard test: 5,000 report nouns with a medium each, and 5,000 "we were briefed", read within 2 CPU seconds."""
    from claims.extraction.actors import ActorRef
    from claims.extraction.attribution.chains import _says_briefed
    from claims.extraction.attribution.media import _report_owner
    from claims.extraction.attribution.state import _Item

    unit = "a report, to the CNN and "  # no report of CNN's: every item is tried
    sentence = unit * 5000
    cnn = ActorRef(key="cnn", name="CNN", kind="news_outlet")
    items = [_Item(k * len(unit) + 17, k * len(unit) + 20, cnn, "name") for k in range(5000)]
    started = time.process_time()
    for language in ("en", "el", "ru", "ar", "ko"):
        assert _report_owner(sentence, items, language) is None
        _says_briefed("we were briefed that " * 5000, language)
    assert time.process_time() - started < 2
