"""Candidate-claim extraction: the seed article's expectations, saving drafts, and minimum scores."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from claims.extraction.candidates import UNATTRIBUTED_KEY, ActorIndex, candidates_save, extract_candidates, split_sentences
from claims.models import Appearance, Claim, Estimate, Proposition
from factbase.models import ImportRun
from sources.articles import parse_dated_article
from sources.models import Actor, ActorAlias, Document
from tests.claims.articles.corpus import LANGUAGES, actors_create, extract_article, load_articles, score

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_96f8c3dbb12c4205.txt"

# Floors for precision and recall per language on tests/claims/articles (see bench/extraction for the
# figures): a change that makes extraction worse fails here. The held-out articles were never used to tune
# the rules, so their floor is lower.
MINIMUM = {"claimants": 0.8, "numbers": 0.8, "dates": 0.8}
HELD_OUT_MINIMUM = 0.6


@pytest.fixture
def seed_actors(db):
    """The four actors of the seed, with the Greek names the article uses."""
    rows = [
        ("kcna", "Korean Central News Agency", "state_media", ["KCNA"]),
        ("nis", "National Intelligence Service", "intelligence_agency", ["υπηρεσία πληροφοριών της Νότιας Κορέας"]),
        ("putin", "Vladimir Putin", "person", ["Βλαντιμίρ Πούτιν", "Πούτιν"]),
        ("kim-jong-un", "Kim Jong Un", "person", ["Κιμ Γιονγκ Ουν", "Κιμ"]),
    ]
    for key, name, kind, aliases in rows:
        actor = Actor.objects.create(key=key, name=name, kind=kind)
        for alias in aliases:
            ActorAlias.objects.create(actor=actor, name=alias, language="el")


@pytest.fixture
def seed_document(db):
    published_on, body = parse_dated_article(SEED.read_text(encoding="utf-8"))
    return Document.objects.create(key="seed", language="el", published_on=published_on, body=body)


def by_claimant(candidates):
    result = {}
    for candidate in candidates:
        result.setdefault(candidate.claimant.key, []).append(candidate)
    return result


def test_seed_nis_numbers_are_found_with_hedges_and_dates(seed_actors, seed_document):
    nis = by_claimant(extract_candidates(document=seed_document))["nis"]
    numbers = [(c.quantity.number, c.quantity.qualifier, c.quantity.wording, c.hedge) for c in nis]
    assert numbers == [
        (Decimal(2000), "approximately", "περίπου 2.000", "estimated"),
        (Decimal(6000), "exact", "6.000", "believed"),
        (Decimal(1000), "approximately", "περίπου 1.000", "believed"),
    ]
    # "αυτή την εβδομάδα" in an article of Thursday 2025-09-04: the week of Monday 2025-09-01.
    assert {(c.as_of, c.as_of_precision) for c in nis} == {(dt.date(2025, 9, 1), "week")}
    assert all(c.kind == "estimate" for c in nis)


def test_seed_kcna_relayed_quotes_are_attributed_to_their_speakers_via_kcna(seed_actors, seed_document):
    found = by_claimant(extract_candidates(document=seed_document))
    kim_quotes = [q for c in found["kim-jong-un"] for q in c.quotations]
    putin_quotes = [q for c in found["putin"] for q in c.quotations]
    assert {"υποστηρίξει πλήρως", "αδελφικό καθήκον"} <= set(kim_quotes)
    assert {"ιδιαίτερες", "επαίνεσε ιδιαίτερα", "ιδιαίτερες σχέσεις εμπιστοσύνης, φιλίας και συμμαχίας"} <= set(putin_quotes)
    assert all([r.key for r in c.relays] == ["kcna"] for c in found["putin"] + found["kim-jong-un"])
    kcna_own = [q for c in found["kcna"] for q in c.quotations]
    assert kcna_own == [
        "Ο Κιμ Γιονγκ Ουν και ο πρόεδρος Πούτιν αντάλλαξαν ειλικρινείς απόψεις για σημαντικά διεθνή και περιφερειακά ζητήματα"
    ]


def test_seed_more_than_twenty_leaders_is_an_unattributed_number(seed_actors, seed_document):
    unattributed = by_claimant(extract_candidates(document=seed_document))[UNATTRIBUTED_KEY]
    assert [(c.quantity.number, c.quantity.qualifier, c.quantity.wording) for c in unattributed] == [
        (Decimal(20), "more_than", "περισσότερους από είκοσι")
    ]


def test_seed_first_sentence_is_dated_thursday_and_analysts_are_an_unnamed_group(seed_actors, seed_document):
    found = by_claimant(extract_candidates(document=seed_document))
    assert {(c.stated_on, c.stated_on_precision) for c in found["kim-jong-un"][:1]} == {(dt.date(2025, 9, 4), "day")}
    analysts = found["analysts"]
    assert analysts[0].claimant.kind == "unnamed_group" and analysts[0].hedge == "believed"


def test_every_candidate_quotes_an_exact_span_of_the_body(seed_actors, seed_document):
    candidates = extract_candidates(document=seed_document)
    assert candidates
    assert all(seed_document.body[c.start:c.end] == c.quote for c in candidates)


def test_extraction_reads_actors_in_two_queries_and_writes_nothing(seed_actors, seed_document, django_assert_num_queries):
    with django_assert_num_queries(2):  # actors, then their aliases
        extract_candidates(document=seed_document)
    assert Claim.objects.count() == 0


def test_candidates_save_writes_drafts_with_appearances_hops_and_unsorted_estimates(seed_actors, seed_document):
    run = ImportRun.objects.create(command="test")
    candidates = extract_candidates(document=seed_document)
    counts = candidates_save(document=seed_document, candidates=candidates, run=run)
    assert counts["claims"] == len(candidates) == Claim.objects.count()
    assert set(Claim.objects.values_list("status", flat=True)) == {"draft"}
    assert Claim.objects.filter(first_import_run=run, last_import_run=run).count() == len(candidates)
    for appearance in Appearance.objects.select_related("document"):
        assert appearance.document.body[appearance.start:appearance.end] == appearance.quote
    proposition = Proposition.objects.get(key="unsorted-seed")
    assert (proposition.kind, proposition.unit) == ("quantity", "unspecified")
    estimates = Estimate.objects.filter(proposition=proposition).order_by("id")
    assert [(e.display_value, e.wording) for e in estimates] == [
        (">20", "περισσότερους από είκοσι"), ("≈2,000", "περίπου 2.000"), ("6,000", "6.000"), ("≈1,000", "περίπου 1.000"),
    ]
    putin_claim = Claim.objects.filter(claimant__key="putin").order_by("id").first()
    hops = list(putin_claim.appearances.get().hops.values_list("position", "actor__key", "relation"))
    assert hops == [(1, "kcna", "quoted_verbatim")]
    assert Actor.objects.filter(key=UNATTRIBUTED_KEY, kind="other").exists()
    assert Actor.objects.filter(key="analysts", kind="unnamed_group").exists()


def test_candidates_save_is_all_or_nothing(seed_actors, seed_document):
    candidates = extract_candidates(document=seed_document)
    candidates[-1].start = candidates[-1].start + 1  # the quote no longer matches its span
    with pytest.raises(ValidationError, match="quote does not match"):
        candidates_save(document=seed_document, candidates=candidates)
    assert Claim.objects.count() == 0 and Estimate.objects.count() == 0
    assert not Actor.objects.filter(key=UNATTRIBUTED_KEY).exists()


def test_unattributed_statements_go_to_the_publisher_when_there_is_one(db):
    publisher = Actor.objects.create(key="daily", name="The Daily", kind="news_outlet")
    document = Document(key="d", language="en", published_on=dt.date(2025, 9, 4), publisher=publisher,
                        body="More than 300 people attended the parade.")
    [candidate] = extract_candidates(document=document)
    assert candidate.claimant.key == "daily"


def test_speaker_named_by_an_inflected_alias_in_russian(db):
    actor = Actor.objects.create(key="nis", name="NIS", kind="intelligence_agency")
    ActorAlias.objects.create(actor=actor, name="Национальная служба разведки", language="ru")
    document = Document(key="d", language="ru", published_on=dt.date(2025, 9, 4),
                        body="По данным Национальной службы разведки, Пхеньян направит ещё 6 тыс. военных.")
    [candidate] = extract_candidates(document=document, actors=ActorIndex.from_database())
    assert (candidate.claimant.key, candidate.quantity.number) == ("nis", Decimal(6000))


def test_sentences_do_not_end_inside_quotations_or_after_abbreviations():
    text = "Он сказал: «Это конец. Всё». Отправлено 6 тыс. человек. Next sentence"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Он сказал: «Это конец. Всё».", "Отправлено 6 тыс. человек.", "Next sentence",
    ]


@pytest.mark.django_db
def test_extraction_meets_minimum_precision_and_recall_in_every_language():
    actors_create()
    index = ActorIndex.from_database()
    articles = load_articles()
    assert {a.language for a in articles} == set(LANGUAGES)
    assert all(sum(a.language == language for a in articles) >= 3 for language in LANGUAGES)
    tallies = score(articles, lambda article: extract_article(article, actors=index))
    failures = [
        f"{language} {aspect}: precision {tally.precision:.2f}, recall {tally.recall:.2f}; {tally.misses}"
        for language in (*LANGUAGES, "all")
        for aspect, tally in tallies[language].items()
        if tally.precision < MINIMUM[aspect] or tally.recall < MINIMUM[aspect]
    ]
    failures += [
        f"held-out {aspect}: precision {tally.precision:.2f}, recall {tally.recall:.2f}; {tally.misses}"
        for aspect, tally in tallies["held-out"].items()
        if tally.precision < HELD_OUT_MINIMUM or tally.recall < HELD_OUT_MINIMUM
    ]
    assert not failures, failures


def test_a_cue_with_an_unknown_named_subject_does_not_inherit_the_previous_claimant(db):
    Actor.objects.create(key="nis", name="NIS", kind="intelligence_agency")
    document = Document(key="d", language="en", published_on=dt.date(2025, 9, 4), body=(
        "The NIS said on Wednesday that about 2,000 soldiers died. "
        "He added that 6,000 more would be sent. "
        "A Western diplomat said that some 1,000 were already there."
    ))
    found = [(c.claimant.key, c.quantity.number) for c in extract_candidates(document=document)]
    assert found == [("nis", Decimal(2000)), ("nis", Decimal(6000)), (UNATTRIBUTED_KEY, Decimal(1000))]


def test_seed_without_known_actors_proposes_its_speakers_and_invents_no_actor(seed_document):
    candidates = extract_candidates(document=seed_document)
    known = {c.claimant.key for c in candidates if not c.claimant.proposed}
    assert known <= {UNATTRIBUTED_KEY, "analysts"}
    proposed = {c.claimant.name for c in candidates if c.claimant.proposed}
    assert {"Βλαντιμίρ Πούτιν", "KCNA"} <= proposed
    assert all(c.claimant.pk is None for c in candidates if c.claimant.proposed)
