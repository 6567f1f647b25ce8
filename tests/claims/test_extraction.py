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


# --- Attribution from the sentence's structure, hops, proposed actors, re-reports (issue 15) -------------

from claims.extraction.matching import candidates_match, rereport_accept  # noqa: E402
from claims.extraction.proposals import proposed_actor_confirm, proposed_actor_merge  # noqa: E402
from claims.models import ClaimRelation  # noqa: E402
from sources.models import ProposedActor  # noqa: E402
from tests.claims.extraction_probes import actor, extract  # noqa: E402
from tests.claims.realtext import corpus as realtext  # noqa: E402


@pytest.mark.django_db
def test_according_to_takes_its_object_not_the_first_known_actor_after_it():
    actor("north-korea", "North Korea", "country", "KP", ["North Korea"])
    [candidate] = extract("According to South Korean and Western intelligence, North Korea has sent about 11,000 troops.")
    assert candidate.claimant.key != "north-korea"


@pytest.mark.django_db
def test_coordinated_qualifiers_of_one_noun_are_every_claimant_and_the_draft_takes_the_first():
    actor("north-korea", "North Korea", "country", "KP", ["North Korea"])
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"], ["South Korean intelligence"])
    [candidate] = extract("According to South Korean and Western intelligence, North Korea has sent about 11,000 troops.")
    assert candidate.claimant.key == "nis"
    assert [(ref.key, ref.proposed, ref.kind) for ref in candidate.claimants] == [
        ("nis", False, "intelligence_agency"), ("proposed:western intelligence", True, "intelligence_agency"),
    ]
    assert candidate.summary.startswith("National Intelligence Service and Western intelligence: about 11,000")


@pytest.mark.django_db
def test_coordinated_subjects_of_one_verb_are_every_claimant_in_the_order_written():
    actor("ukraine", "Ukraine", "country", "UA", ["Ukraine"])
    actor("russia", "Russia", "country", "RU", ["Russia"])
    [candidate] = extract("Ukraine and Russia said 300 prisoners were exchanged.")
    assert [ref.key for ref in candidate.claimants] == ["ukraine", "russia"] and candidate.claimant.key == "ukraine"


@pytest.mark.django_db
def test_a_lone_claimant_is_the_only_one():
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"])
    [candidate] = extract("The NIS said 2,000 soldiers were killed.")
    assert [ref.key for ref in candidate.claimants] == ["nis"]


@pytest.mark.django_db
def test_an_acronym_is_found_only_as_written():
    actor("who", "World Health Organization", "international_organization", "", ["ΠΟΥ"], language="el")
    [candidate] = extract("Τουλάχιστον 50 νεκροί, σύμφωνα με απολογισμό που έδωσε ο κυβερνήτης Πάβλο Κιριλένκο.", language="el")
    assert candidate.claimant.key != "who" and candidate.claimant.name == "Πάβλο Κιριλένκο"


@pytest.mark.django_db
def test_a_description_several_actors_share_is_the_one_the_document_is_about():
    actor("gaza-health-ministry", "Ministry of Health (Gaza)", "government_agency", "PS", ["Gaza Health Ministry"])
    actor("ukraine-health-ministry", "Ministry of Health of Ukraine", "government_agency", "UA", ["Ukrainian Health Ministry"])
    [candidate] = extract("GAZA -- At least 16,248 people have been killed in the Gaza Strip, the health ministry said.")
    assert candidate.claimant.key == "gaza-health-ministry"


@pytest.mark.django_db
def test_the_ministry_is_the_last_ministry_named_not_the_last_speaker():
    actor("gaza-health-ministry", "Ministry of Health (Gaza)", "government_agency", "PS", ["가자지구 보건부"], language="ko")
    actor("idf", "Israel Defense Forces", "military", "IL", ["이스라엘군"], language="ko")
    found = extract("부상자도 10만6962명…가자지구 보건부 밝혀\n\n이스라엘군은 1만7000여명의 무장 대원을 사살했다고 밝혔다.\n\n"
                    "보건부는 총 4만5028명이 사망했다고 말했다.", language="ko")
    assert [(c.quantity.number, c.claimant.key) for c in found][1:] == [(17000, "idf"), (45028, "gaza-health-ministry")]


@pytest.mark.django_db
def test_a_straight_quoted_passage_of_two_sentences_is_one_sentence_of_its_speaker():
    actor("russia-mod", "Ministry of Defence of Russia", "government_agency", "RU", ["Минобороны России"],
          ["военное ведомство"], language="ru")
    found = extract('Об этом сообщили в Минобороны России.\n\n"Потери ВСУ составили до 495 военнослужащих. Уничтожены 40 '
                    'станций", - говорится в сообщении военного ведомства.', language="ru")
    assert [(c.quantity.number, c.claimant.key) for c in found] == [(495, "russia-mod"), (40, "russia-mod")]


@pytest.mark.django_db
def test_a_descriptor_on_the_actor_resolves_the_speaker():
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"], ["South Korea's spy agency"])
    [candidate] = extract("About 2,000 soldiers have been killed, South Korea's spy agency said on Wednesday.")
    assert candidate.claimant.key == "nis"
    assert (candidate.as_of, candidate.as_of_precision) == (dt.date(2025, 9, 3), "day")


@pytest.mark.django_db
def test_a_korean_descriptor_resolves_the_speaker():
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["국정원"], ["정보당국"], language="ko")
    [candidate] = extract("정보당국은 북한군 사상자가 4700여명이라고 밝혔다.", language="ko")
    assert (candidate.claimant.key, candidate.quantity.number, candidate.quantity.qualifier) == ("nis", 4700, "approximately")


@pytest.mark.django_db
def test_a_name_inside_a_korean_compound_is_not_the_speaker():
    actor("north-korea", "North Korea", "country", "KP", ["북한"], language="ko")
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["국정원"], language="ko")
    [candidate] = extract("국정원은 북한군 2000명이 숨졌다고 밝혔다.", language="ko")
    assert candidate.claimant.key == "nis"


@pytest.mark.django_db
def test_the_agency_and_it_carry_the_last_named_source():
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"])
    found = extract("The NIS said 2,000 soldiers were killed. It added that 6,000 more would be sent. "
                    "The agency estimates that 1,000 are in Russia.")
    assert [c.claimant.key for c in found] == ["nis", "nis", "nis"]


@pytest.mark.django_db
def test_an_unknown_named_speaker_is_proposed_with_a_kind_guessed_from_the_title():
    [candidate] = extract("At least 600 of them had died, lawmaker Lee Seong-kweun told reporters.")
    assert candidate.claimant.proposed and candidate.claimant.pk is None
    assert (candidate.claimant.name, candidate.claimant.kind) == ("Lee Seong-kweun", "legislator")


@pytest.mark.django_db
def test_a_surname_alone_is_the_speaker_proposed_earlier():
    found = extract("Governor Yevgeny Balitsky said 10 people were killed. Five were rescued, Balitsky said later.")
    assert found[0].claimant == found[1].claimant and found[0].claimant.name == "Yevgeny Balitsky"


@pytest.mark.django_db
def test_a_briefed_lawmaker_is_a_hop_between_the_document_and_the_agency():
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"])
    [candidate] = extract("About 2,000 were killed, according to lawmaker Lee Seong-kweun, who was briefed by the NIS.")
    assert candidate.claimant.key == "nis"
    assert [[r.name for r in step] for step in candidate.hops] == [["Lee Seong-kweun"]]


@pytest.mark.django_db
def test_a_wire_credit_is_the_first_hop_and_a_cited_agency_the_next():
    actor("reuters", "Reuters", "news_agency", aliases=["Reuters"])
    actor("ria", "RIA Novosti", "state_media", "RU", ["RIA"])
    actor("russia", "Russia", "country", "RU", ["Russia"])
    actor("russia-mod", "Ministry of Defence of Russia", "government_agency", "RU", ["Russian Defence Ministry"])
    publisher = actor("screener", "MarketScreener", "news_outlet")
    [killed, wounded] = extract(
        "(Reuters) - A base in Russia's Belgorod region was attacked. The state RIA news agency cited the defence "
        "ministry as saying that 11 people were killed and 15 others were wounded.", publisher=publisher)
    assert killed.claimant.key == "russia-mod"
    assert [[r.key for r in step] for step in killed.hops] == [["reuters"], ["ria"]]


@pytest.mark.django_db
def test_parallel_wire_credits_are_one_step_with_several_actors():
    for key, name in (("ana-mpa", "ΑΠΕ-ΜΠΕ"), ("afp", "AFP"), ("reuters", "Reuters")):
        actor(key, name, "news_agency", aliases=[name], language="el")
    actor("zelensky", "Volodymyr Zelensky", "person", "UA", ["Ζελένσκι"], language="el")
    [candidate] = extract("Τουλάχιστον 18 άνθρωποι σκοτώθηκαν, ανακοίνωσε ο Ζελένσκι.\n\nΠηγή: ΑΠΕ-ΜΠΕ / AFP – Reuters",
                          language="el")
    assert [[r.key for r in step] for step in candidate.hops] == [["ana-mpa"], ["afp", "reuters"]]


@pytest.mark.django_db
def test_a_figure_with_its_own_time_words_holds_then_not_on_the_publication_day():
    actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"])
    [candidate] = extract("The NIS said at least 600 had died in April.", published_on=dt.date(2025, 9, 4))
    assert (candidate.as_of, candidate.as_of_precision) == (dt.date(2025, 4, 1), "month")


@pytest.mark.django_db
def test_a_count_since_a_date_holds_on_the_publication_day_and_keeps_its_start():
    actor("moh", "Ministry of Health (Gaza)", "government_agency", "PS", ["Gaza Health Ministry"])
    [candidate] = extract("The Gaza Health Ministry said 15,899 people have been killed since October 7.",
                          published_on=dt.date(2023, 12, 5))
    assert (candidate.as_of, candidate.as_of_written) == (dt.date(2023, 12, 5), False)
    assert candidate.since == dt.date(2023, 10, 7)


@pytest.mark.django_db
def test_headline_figures_are_kept_only_when_the_body_lacks_them():
    found = extract("Death toll rises to 10 in Tokmak\n\nThe death toll has risen to 10, officials said.\n\n"
                    "Officials said 13 people were hospitalised.")
    assert sorted(c.quantity.number for c in found) == [10, 13]
    found = extract("Floods kill 49\n\nForty were killed and 9 are missing, officials said.")
    assert 49 in [c.quantity.number for c in found]


def test_a_sentence_ends_after_a_closing_quotation_and_not_after_an_abbreviation():
    text = "He said the toll was “at least 600.” However, Reps. Smith and Jones disagreed. Next."
    assert [text[s:e] for s, e in split_sentences(text, "en")] == [
        "He said the toll was “at least 600.”", "However, Reps. Smith and Jones disagreed.", "Next.",
    ]


def _saved_seed_like_document():
    return Document.objects.create(key="doc", language="en", published_on=dt.date(2025, 9, 4),
                                   body="At least 600 of them had died, lawmaker Lee Seong-kweun told reporters.")


@pytest.mark.django_db
def test_a_proposed_speaker_is_saved_pending_and_its_draft_waits_on_a_placeholder():
    document = _saved_seed_like_document()
    candidates = extract_candidates(document=document)
    counts = candidates_save(document=document, candidates=candidates)
    proposal = ProposedActor.objects.get()
    assert (proposal.name, proposal.status, proposal.kind) == ("Lee Seong-kweun", "pending", "legislator")
    assert counts["proposed_actors"] == 1
    claim = Claim.objects.get()
    assert (claim.claimant.key, claim.status) == ("proposed-speaker", "draft")
    assert not Actor.objects.filter(name="Lee Seong-kweun").exists()


@pytest.mark.django_db
def test_confirming_a_proposed_actor_creates_it_and_repoints_only_the_waiting_drafts():
    document = _saved_seed_like_document()
    candidates_save(document=document, candidates=extract_candidates(document=document))
    resolution = proposed_actor_confirm(proposal=ProposedActor.objects.get())
    claim = Claim.objects.get()
    assert claim.claimant == resolution.actor and resolution.actor.name == "Lee Seong-kweun"
    assert resolution.actor.aliases.filter(name="Lee Seong-kweun", language="en").exists()
    assert ProposedActor.objects.get().status == "confirmed"


@pytest.mark.django_db
def test_merging_a_proposed_actor_adds_an_alias_and_leaves_a_curators_change_alone():
    document = _saved_seed_like_document()
    candidates_save(document=document, candidates=extract_candidates(document=document))
    lee = actor("lee-seong-kweun", "Lee Seong-kweun (MP)", "legislator")
    claim = Claim.objects.get()
    Claim.objects.filter(pk=claim.pk).update(claimant=lee)  # a curator re-attributed it already
    resolution = proposed_actor_merge(proposal=ProposedActor.objects.get(), into=lee)
    assert lee.aliases.filter(name="Lee Seong-kweun").exists()
    assert resolution.repointed == [] and "claimant already changed" in resolution.left_alone[0]


@pytest.mark.django_db
def test_a_rereport_of_an_existing_claim_is_proposed_as_an_appearance_with_its_reason(django_user_model):
    from django.contrib.auth.models import Group

    nis = actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"])
    first = Document.objects.create(key="first", language="en", published_on=dt.date(2025, 9, 4),
                                    body="The NIS said about 2,000 soldiers were killed.")
    candidates_save(document=first, candidates=extract_candidates(document=first))
    original = Claim.objects.get(claimant=nis)
    second = Document.objects.create(key="second", language="en", published_on=dt.date(2025, 9, 5),
                                     body="About 2,000 soldiers were killed this week, the NIS said.")
    candidates = extract_candidates(document=second)
    assert candidates_match(candidates=candidates, exclude_document=second) == 1
    assert candidates[0].match.claim_key == original.key and "Same claimant" in candidates[0].match.reason
    counts = candidates_save(document=second, candidates=candidates)
    relation = ClaimRelation.objects.get()
    assert (counts["rereports"], relation.kind, relation.state, relation.target) == (1, "repeats", "suggested", original)
    reviewer = django_user_model.objects.create_user("r", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    appearance = rereport_accept(relation=relation, by=reviewer)
    assert appearance.claim == original and original.appearances.count() == 2
    assert Claim.objects.get(pk=relation.source_id).status == "retracted"


def test_the_frozen_held_out_half_matches_its_manifest():
    realtext.verify_manifest()


@pytest.mark.parametrize("frozen", ["heldout2", "heldout3"])
def test_a_held_out_file_missing_from_the_manifest_is_refused(tmp_path, monkeypatch, frozen):
    import shutil

    copy = tmp_path / "realtext"
    shutil.copytree(realtext.HERE, copy)
    (copy / frozen / "xx-99.yaml").write_text("id: xx-99\n", encoding="utf-8")
    monkeypatch.setattr(realtext, "HERE", copy)
    monkeypatch.setattr(realtext, "MANIFEST", copy / "heldout" / "MANIFEST.sha256")
    with pytest.raises(realtext.ManifestMismatch, match=f"{frozen}/xx-99.yaml is not in the manifest"):
        realtext.verify_manifest()


@pytest.mark.parametrize("frozen, which", [
    ("heldout", "article"), ("heldout2", "article"), ("heldout2", "actors.yaml"),
    ("heldout3", "article"), ("heldout3", "actors.yaml"),
])
def test_a_changed_held_out_file_is_refused(tmp_path, monkeypatch, frozen, which):
    import shutil

    copy = tmp_path / "realtext"
    shutil.copytree(realtext.HERE, copy)
    articles = [path for path in sorted((copy / frozen).glob("*.yaml")) if path.name != "actors.yaml"]
    changed = copy / frozen / "actors.yaml" if which == "actors.yaml" else articles[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(realtext, "HERE", copy)
    monkeypatch.setattr(realtext, "MANIFEST", copy / "heldout" / "MANIFEST.sha256")
    with pytest.raises(realtext.ManifestMismatch, match=f"{frozen}/{changed.name} changed since it was frozen"):
        realtext.verify_manifest()


def test_every_frozen_set_is_loaded_listed_in_the_manifest_and_adds_its_actors_to_the_registry():
    import yaml

    listed = {line.split(None, 1)[1].strip() for line in realtext.MANIFEST.read_text(encoding="utf-8").splitlines()}
    halves = {article.half for article in realtext.load_articles()}
    registry = {row["key"] for row in realtext.registry_rows()}
    for frozen in realtext.FROZEN:
        assert frozen in halves and frozen in realtext.HALVES
        for path in sorted((realtext.HERE / frozen).glob("*.yaml")):
            assert f"{frozen}/{path.name}" in listed
        extra = realtext.HERE / frozen / "actors.yaml"
        if extra.exists():
            assert {row["key"] for row in yaml.safe_load(extra.read_text(encoding="utf-8"))} <= registry
    assert (realtext.HERE / "heldout3" / "actors.yaml").exists()


# Regression floors on the real-text corpus (see bench/extraction and docs/benchmarks.md for the figures
# and the targets): recall per language and half must not fall below what the rules reach now,
# less a small margin. They guard against regressions; they are not the targets, which the held-out half
# does not all meet.
REAL_TEXT_FLOORS = {
    # tuning hops 0.8 -> 0.7: round 6's numbers batch (en-50.., ar-80.., el-80.., ru-80.., ko-50..) brought credits the hop
    # rules do not read yet ("/ سبوتنيك", "Источник: РЕН ТВ", "Από ΚΥΠΕ"): ar 0.76, ru 0.77 on rules unchanged for hops
    # tuning claimant 0.9 -> 0.88: round 7 merged batches written after their rules were final and never tuned on
    # (ar-105..107 0.53, ko-65/66, ar-95/96): tuning claimant ar 0.896, ko 0.90 on the merged rules
    # tuning claimant 0.88 -> 0.86: batches H and I of the fifteenth session (30 articles found and annotated without
    # running extraction, scored before any rule changed for them: claimant 0.55) joined the tuning half: en 0.89 -> 0.87
    # tuning claimant 0.86 -> 0.82: batches J, K, L and M of the sixteenth session (60 articles found and annotated
    # without running extraction, scored before any rule changed for them: claimant 0.61) joined the tuning half: en
    # 0.87 -> 0.84; back to 0.86 on the session's merged rules (en and ru 0.88, the lowest)
    "tuning": {"numbers": 0.95, "qualifier": 0.95, "claimant": 0.86, "hops": 0.7, "as_of": 0.85},
    "heldout": {"numbers": 0.95, "qualifier": 0.95, "claimant": 0.8, "hops": 0.9, "as_of": 0.8},
    "heldout2": {"numbers": 0.75, "qualifier": 0.7, "claimant": 0.25, "hops": 0.0, "as_of": 0.6},
    # heldout3's lowest recall per aspect on the rules it was frozen on (620104e), less a margin: numbers 0.96
    # (ko), qualifier 0.94 (ko), claimant 0.33 (el), hops 0.00 (ko, ar), as-of 0.82 (en)
    "heldout3": {"numbers": 0.9, "qualifier": 0.9, "claimant": 0.25, "hops": 0.0, "as_of": 0.75},
}


@pytest.mark.django_db
def test_real_text_recall_does_not_fall_below_its_floors_in_any_language():
    articles = realtext.load_articles()
    registry = realtext.actors_create(articles)
    index = ActorIndex.from_database()
    tallies = realtext.score(articles, lambda article: realtext.extract(article, index), registry)
    failures = [
        f"{half} {language} {aspect}: recall {tally.recall:.2f} < {floor}"
        for (half, language), aspects in tallies.items() if language != "all"
        for aspect, tally in aspects.items()
        for floor in [REAL_TEXT_FLOORS[half][aspect]] if tally.recall < floor
    ]
    assert not failures, failures


# --- Coordinated claimants saved as joint claimants (issue 15, third session) -------------------------

from claims.services.provenance import claim_claimants  # noqa: E402

INTELLIGENCE = "According to South Korean and Western intelligence, North Korea has sent about 11,000 troops."


def _document(body, key="joint"):
    return Document.objects.create(key=key, language="en", published_on=dt.date(2025, 9, 4), body=body)


@pytest.mark.django_db
def test_coordinated_known_claimants_are_saved_as_the_lead_and_its_joint_claimant():
    ukraine = actor("ukraine", "Ukraine", "country", "UA", ["Ukraine"])
    russia = actor("russia", "Russia", "country", "RU", ["Russia"])
    document = _document("Ukraine and Russia said 300 prisoners were exchanged.")
    counts = candidates_save(document=document, candidates=extract_candidates(document=document))
    claim = Claim.objects.get()
    assert claim_claimants(claim=claim) == [ukraine, russia] and claim.status == "draft"
    assert counts["joint_claimants"] == 1 and counts["proposed_actors"] == 0


@pytest.mark.django_db
def test_an_unmatched_coordinated_partner_is_proposed_and_waits_as_a_joint_claimant():
    actor("north-korea", "North Korea", "country", "KP", ["North Korea"])
    nis = actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"], ["South Korean intelligence"])
    document = _document(INTELLIGENCE)
    counts = candidates_save(document=document, candidates=extract_candidates(document=document))
    claim = Claim.objects.get()
    proposal = ProposedActor.objects.get()
    assert (proposal.name, proposal.kind, proposal.status) == ("Western intelligence", "intelligence_agency", "pending")
    assert proposal.waiting == [{"claim": claim.key, "role": "joint_claimant", "place": 2}]
    assert [a.key for a in claim_claimants(claim=claim)] == ["nis", "proposed-speaker"]
    assert counts["proposed_actors"] == 1 and not Actor.objects.filter(name="Western intelligence").exists()
    resolution = proposed_actor_confirm(proposal=proposal, kind="unnamed_group")
    assert claim_claimants(claim=claim) == [nis, resolution.actor] and resolution.repointed == [claim.key]
    assert resolution.actor.kind == "unnamed_group"


@pytest.mark.django_db
def test_merging_a_proposed_partner_that_is_already_a_claimant_changes_nothing():
    actor("north-korea", "North Korea", "country", "KP", ["North Korea"])
    nis = actor("nis", "National Intelligence Service", "intelligence_agency", "KR", ["NIS"], ["South Korean intelligence"])
    document = _document(INTELLIGENCE)
    candidates_save(document=document, candidates=extract_candidates(document=document))
    resolution = proposed_actor_merge(proposal=ProposedActor.objects.get(), into=nis)
    assert resolution.repointed == [] and "already one of its claimants" in resolution.left_alone[0]
    assert [a.key for a in claim_claimants(claim=Claim.objects.get())] == ["nis", "proposed-speaker"]


@pytest.mark.django_db
def test_a_proposed_lead_and_a_proposed_partner_both_wait_and_both_are_placed_when_confirmed():
    document = _document("Governor Ivan Petrov and Mayor Olga Sidorova said 40 people were killed.")
    candidates_save(document=document, candidates=extract_candidates(document=document))
    claim = Claim.objects.get()
    assert [a.key for a in claim_claimants(claim=claim)] == ["proposed-speaker"]  # an actor is named once
    partner = proposed_actor_confirm(proposal=ProposedActor.objects.get(name="Olga Sidorova")).actor
    lead = proposed_actor_confirm(proposal=ProposedActor.objects.get(name="Ivan Petrov")).actor
    assert claim_claimants(claim=Claim.objects.get()) == [lead, partner]


@pytest.mark.django_db
def test_parallel_relays_of_one_step_share_its_position_when_saved():
    actor("ukraine", "Ukraine", "country", "UA", ["Ukraine"])
    for key, name in (("ape", "ΑΠΕ-ΜΠΕ"), ("afp", "AFP"), ("reuters", "Reuters")):
        actor(key, name, "news_agency", aliases=[name], language="el")
    document = Document.objects.create(
        key="wires", language="el", published_on=dt.date(2025, 9, 4),
        body="Τουλάχιστον 12 άνθρωποι σκοτώθηκαν, ανακοίνωσε η Ουκρανία.\n\nΠηγή: ΑΠΕ-ΜΠΕ / AFP – Reuters")
    candidates_save(document=document, candidates=extract_candidates(document=document))
    hops = Appearance.objects.get(claim__estimates__isnull=False).hops.order_by("position", "actor__key")
    assert [(h.position, h.actor.key) for h in hops] == [(1, "ape"), (2, "afp"), (2, "reuters")]


# --- Round 3: attribution that generalises (issue 15, third session) ---------------------------------

@pytest.mark.django_db
def test_a_sentence_opening_subject_set_off_by_commas_is_the_speaker():
    [candidate] = extract("Ο Βαλεντίν Ρεζνιτσένκο, κυβερνήτης στην περιοχή, σε μήνυμά του (τοπική ώρα) ανέφερε ότι 73 άνθρωποι "
                          "τραυματίστηκαν.", language="el")
    assert (candidate.claimant.name, candidate.claimant.proposed) == ("Βαλεντίν Ρεζνιτσένκο", True)


@pytest.mark.django_db
def test_a_back_reference_gives_the_unattributed_figures_before_it_to_its_speaker():
    actor("ohchr", "Office of the UN High Commissioner for Human Rights", "international_organization",
          descriptors=["Управление ООН по правам человека"], language="ru")
    found = extract("Убиты свыше 10,000 мирных жителей.\n\nСвыше 560 погибших - дети. Об этом 21 ноября сообщило "
                    "Управление ООН по правам человека.", language="ru")
    # "10,000" is ten thousand, even in Russian (whose decimal mark is the comma)
    assert [(c.quantity.number, c.quantity.qualifier, c.claimant.key) for c in found] == [
        (10000, "more_than", "ohchr"), (560, "more_than", "ohchr")]


@pytest.mark.django_db
def test_a_back_reference_after_an_attributed_figure_makes_its_speaker_a_relay():
    actor("un", "United Nations", "international_organization", aliases=["ООН"], language="ru")
    [candidate] = extract("ООН зафиксировала 26 384 жертвы. Такие цифры назвала заместитель Генерального секретаря ООН, "
                          "Высокий представитель по вопросам разоружения Изуми Накамицу, добавив, что цифры выше.",
                          language="ru")
    assert candidate.claimant.key == "un"
    assert [[ref.name for ref in step] for step in candidate.hops] == [["Изуми Накамицу"]]


@pytest.mark.django_db
def test_the_medium_told_is_a_relay_and_not_the_subject():
    actor("reuters", "Reuters", "news_agency", aliases=["Reuters"], language="el")
    actor("sdu", "Sudan Doctors' Union", "ngo", aliases=["Ένωση Ιατρών του Σουδάν"], language="el")
    found = extract("Τουλάχιστον 25 άνθρωποι σκοτώθηκαν.\n\nΤην είδηση έκανε γνωστή στο Reuters η Ένωση Ιατρών του "
                    "Σουδάν.", language="el")
    assert [(c.claimant.key, [[r.key for r in s] for s in c.hops]) for c in found] == [("sdu", [["reuters"]])]


@pytest.mark.django_db
def test_an_unknown_medium_after_a_relaying_verb_is_proposed_as_a_news_outlet():
    actor("un", "United Nations", "international_organization", aliases=["ООН"], language="ru")
    [candidate] = extract("По оценкам ООН, число жертв составляет 3381 человек, пишет портал The Guardian.", language="ru")
    [[relay]] = candidate.hops
    assert (candidate.claimant.key, relay.name, relay.kind, relay.proposed) == ("un", "Guardian", "news_outlet", True)


@pytest.mark.django_db
def test_quoted_as_saying_makes_the_person_the_speaker_and_the_named_agency_a_relay():
    [candidate] = extract('"The number of casualties has risen to more than 450," the Houthi-run Saba news agency quoted '
                          'Abdul-Salam al-Madani, a deputy to the health minister, as saying.')
    assert candidate.claimant.name == "Abdul-Salam al-Madani"
    assert [[(r.name, r.kind) for r in s] for s in candidate.hops] == [[("Saba", "news_outlet")]]


@pytest.mark.django_db
def test_a_long_description_resolves_without_its_modifiers_to_the_actor_the_text_is_about():
    actor("gaza-moh", "Ministry of Health (Gaza)", "government_agency", "PS", ["Gaza Health Ministry"],
          ["the Hamas-run Health Ministry"])
    actor("sanaa-moh", "Ministry of Public Health and Population (Sanaa)", "government_agency", "YE",
          ["Houthi health ministry", "Sanaa health ministry"])
    [candidate] = extract("The toll from the strikes on Sanaa rose to 35, the Houthi-run health ministry said.")
    assert candidate.claimant.key == "sanaa-moh"


@pytest.mark.django_db
def test_a_nationality_adjective_or_of_the_country_picks_that_countrys_ministry():
    actor("greece-moh", "Ministry of Health (Greece)", "government_agency", "GR", ["υπουργείο Υγείας"], language="el")
    actor("lebanon", "Lebanon", "country", "LB", ["Λίβανος", "Λίβανο"], language="el")
    actor("lebanon-moh", "Ministry of Public Health of Lebanon", "government_agency", "LB",
          ["υπουργείο Υγείας του Λιβάνου"], language="el")
    found = extract("Τουλάχιστον 55 άνθρωποι σκοτώθηκαν, ανακοίνωσε το λιβανέζικο υπουργείο Υγείας.\n\nΟι επιθέσεις στον "
                    "Λίβανο στοίχισαν τη ζωή σε 3.823 ανθρώπους, σύμφωνα με το υπουργείο Υγείας της χώρας.", language="el")
    assert [c.claimant.key for c in found] == ["lebanon-moh", "lebanon-moh"]


@pytest.mark.django_db
def test_arabic_vowel_marks_do_not_hide_a_verb_and_a_subject_before_it_speaks():
    actor("sudan-army", "Sudanese Armed Forces", "military", "SD", ["الجيش السوداني"], language="ar")
    [candidate] = extract("الجيش السوداني يُعلن وفاة 8 مواطنين", language="ar")
    assert candidate.claimant.key == "sudan-army"


@pytest.mark.django_db
def test_an_arabic_name_in_apposition_after_a_long_title_is_the_speaker():
    [candidate] = extract("قال وزير الصحة الليبي في الحكومة المكلفة من البرلمان بطبرق، عثمان عبد الجليل، صباح اليوم، إن "
                          "التقديرات تشير إلى نحو ألفي قتيل", language="ar")
    assert (candidate.claimant.name, candidate.quantity.number, candidate.quantity.qualifier) == (
        "عثمان عبد الجليل", 2000, "approximately")


@pytest.mark.django_db
def test_an_unknown_korean_according_to_source_is_proposed_and_relays_the_speaker():
    found = extract("대만 중앙통신사에 따르면 대만 중앙재해대응센터는 사망자가 9명으로 집계됐다고 밝혔다.\n\n"
                    "센터는 또 부상자가 821명이라고 덧붙였다.", language="ko")
    assert [c.claimant.name for c in found] == ["대만 중앙재해대응센터", "대만 중앙재해대응센터"]
    assert [[[(r.name, r.kind) for r in s] for s in c.hops] for c in found] == [[[("대만 중앙통신사", "news_outlet")]]] * 2


@pytest.mark.django_db
def test_a_korean_place_dateline_with_two_wires_is_two_steps_nearest_the_document_first():
    for key, name in (("ap", "AP"), ("newsis", "뉴시스")):
        actor(key, name, "news_agency", aliases=[name], language="ko")
    [candidate] = extract("사망자 수가 최소 56명으로 계속 증가하고 있다.\n\n[치안주르(인도네시아)=AP/뉴시스]", language="ko")
    assert (candidate.claimant.key, [[r.key for r in s] for s in candidate.hops]) == ("ap", [["newsis"]])


@pytest.mark.parametrize("language, text", [
    ("ko", "규모 5.6의 지진으로 사망자가 나왔다."), ("en", "A 7.8-magnitude earthquake struck."),
    ("el", "ο σεισμός των 7,8 Ρίχτερ"), ("ru", "Землетрясение магнитудой 7,5 произошло на юге."),
    ("ru", "с 1 по 7 апреля погибли"), ("ar", "تدمير دبابة تي 55"), ("ar", "خلال الساعات الـ 24 الماضية"),
    ("ar", "منذ السابع من أكتوبر/تشرين الأول 2023"),
])
def test_magnitudes_days_models_and_years_are_no_figures(language, text):
    from claims.extraction.numbers import read_quantity

    assert read_quantity(text, language=language) == []


@pytest.mark.parametrize("language, text, number, qualifier", [
    ("el", "Ξεπερνούν τους 8.300 οι νεκροί", 8300, "more_than"),
    ("en", "the toll exceeded 1,000", 1000, "more_than"),
    ("ru", "число погибших превысило 43 556", 43556, "more_than"),
    ("ar", "أن يتجاوز عدد الضحايا 10 آلاف", 10000, "more_than"),
])
def test_verbs_of_passing_a_mark_are_hedges(language, text, number, qualifier):
    from claims.extraction.numbers import read_quantity

    [quantity] = read_quantity(text, language=language)
    assert (quantity.number, quantity.qualifier) == (number, qualifier)


@pytest.mark.django_db
def test_a_dateline_in_capitals_is_no_speaker_and_the_chief_described_is_the_person_named_next():
    found = extract("NAY PYI TAW — The death toll is at 2,719, the chief of the ruling junta said on Tuesday.\n\n"
                    "In a speech, Min Aung Hlaing said there were 4,521 people injured.")
    assert [c.claimant.name for c in found] == ["Aung Hlaing", "Aung Hlaing"]


@pytest.mark.django_db
def test_the_date_of_the_event_is_not_when_its_toll_holds():
    [candidate] = extract("Число жертв произошедшего в пятницу землетрясения достигло 1 305, сообщило МВД.", language="ru",
                          published_on=dt.date(2023, 9, 9))
    assert (candidate.as_of, candidate.as_of_written) == (dt.date(2023, 9, 9), False)


@pytest.mark.django_db
def test_an_acronym_is_the_actor_of_the_country_the_text_names():
    actor("morocco", "Morocco", "country", "MA", ["Марокко"], language="ru")
    actor("ma-interior", "Ministry of the Interior of Morocco", "government_agency", "MA", ["МВД Марокко"], language="ru")
    found = extract("Число жертв землетрясения в Марокко достигло 1 305. Об этом говорится в коммюнике МВД королевства.",
                    language="ru")
    assert [c.claimant.key for c in found] == ["ma-interior"]


@pytest.mark.django_db
def test_a_wire_named_after_the_statement_relays_it():
    [candidate] = extract("The toll has risen to more than 2,700, the military chief Min Aung Hlaing said Tuesday, Kyodo reports.")
    assert [[(r.name, r.kind) for r in s] for s in candidate.hops] == [[("Kyodo", "news_outlet")]]


# --- Round 4 rules (issue 15, fourth session) ---------------------------------------------------------


@pytest.mark.django_db
def test_a_reporting_verb_is_never_read_as_an_actor_that_shares_its_spelling():
    actor("afad", "AFAD", "government_agency", "TR", ["أفاد"], language="ar")
    [candidate] = extract("قتل 12 شخصا، حسبما أفاد مسؤولون.", language="ar")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_an_arabic_wire_and_place_line_is_a_dateline_credit():
    actor("dpa", "Deutsche Presse-Agentur", "news_agency", "DE", ["د ب أ"], language="ar")
    actor("iq-moh", "Ministry of Health of Iraq", "government_agency", "IQ", ["وزارة الصحة العراقية"], language="ar")
    [candidate] = extract("د ب أ- بغداد\n\nأعلنت وزارة الصحة العراقية وفاة 107 أشخاص.", language="ar")
    assert (candidate.claimant.key, [[r.key for r in s] for s in candidate.hops]) == ("iq-moh", [["dpa"]])


@pytest.mark.django_db
def test_an_arabic_ministry_affiliated_to_a_group_is_the_ministry_of_that_groups_country():
    actor("gaza-moh", "Ministry of Health (Gaza)", "government_agency", "PS", ["وزارة الصحة في غزة"],
          ["وزارة الصحة التابعة لحركة حماس"], language="ar")
    actor("sanaa-moh", "Ministry of Health (Sanaa)", "government_agency", "YE", ["وزارة الصحة في صنعاء"], language="ar")
    actor("houthis", "Ansar Allah (Houthis)", "armed_group", "YE", ["الحوثيين"], language="ar")
    actor("gaza-cd", "Civil Defence (Gaza)", "government_agency", "PS", ["الدفاع المدني"], language="ar")
    [candidate] = extract("أعلنت وزارة الصحة التابعة للحوثيين أن 9 أشخاص قتلوا، فيما تبحث فرق الدفاع المدني عن مفقودين.",
                          language="ar")
    assert candidate.claimant.key == "sanaa-moh"


@pytest.mark.django_db
def test_the_subject_of_a_reported_clause_before_a_quotation_speaks_and_the_medium_relays():
    actor("ina", "Iraqi News Agency", "state_media", "IQ", ["وكالة الأنباء العراقية"], language="ar")
    actor("nineveh", "Nineveh Health Directorate", "government_agency", "IQ", ["دائرة صحة نينوى"], language="ar")
    [candidate] = extract("ذكرت وكالة الأنباء العراقية أن دائرة صحة نينوى “أحصت 150 قتيلا في الحريق الذي اندلع”.",
                          language="ar")
    assert (candidate.claimant.key, [[r.key for r in s] for s in candidate.hops]) == ("nineveh", [["ina"]])


@pytest.mark.django_db
def test_a_greek_ministers_portfolio_is_no_name_and_the_person_after_it_speaks():
    [candidate] = extract("Όπως ανακοίνωσε ο υπουργός Κλιματικής Κρίσης και Πολιτικής Προστασίας, Βασίλης Κικίλιας, έως "
                          "τώρα δέκα άτομα έχουν χάσει τη ζωή τους.", language="el")
    assert (candidate.claimant.name, candidate.claimant.proposed) == ("Βασίλης Κικίλιας", True)


@pytest.mark.django_db
def test_according_to_a_spokesman_of_an_organisation_names_the_person_in_apposition():
    actor("fire-service", "Hellenic Fire Service", "government_agency", "GR", ["Πυροσβεστική"], language="el")
    [candidate] = extract("Τουλάχιστον 16 άνθρωποι έχασαν τη ζωή τους, σύμφωνα με επίσημη ενημέρωση από εκπρόσωπο της "
                          "Πυροσβεστικής, Βασίλη Βαθρακογιάννη.", language="el")
    assert candidate.claimant.name == "Βασίλη Βαθρακογιάννη"
    assert candidate.hops == []


@pytest.mark.django_db
def test_official_figures_from_an_organisation_are_the_organisations():
    actor("gr-cp", "Ministry of Civil Protection (Greece)", "government_agency", "GR",
          ["υπουργείο Πολιτικής Προστασίας"], language="el")
    [candidate] = extract("Οι αγνοούμενοι είναι 3, σύμφωνα με τα επίσημα στοιχεία από το υπουργείο Πολιτικής Προστασίας.",
                          language="el")
    assert candidate.claimant.key == "gr-cp"


@pytest.mark.django_db
def test_two_figures_offered_as_alternatives_are_a_range():
    [candidate] = extract('"It could be 250 or 260," the official said.')
    assert (candidate.quantity.lower, candidate.quantity.upper, candidate.quantity.qualifier) == (250, 260, "range")


@pytest.mark.django_db
def test_a_russian_dash_set_quotation_is_one_sentence_of_the_source_named_after_it():
    actor("ru-sk", "Investigative Committee of Russia", "government_agency", "RU", ["Следственный комитет"],
          language="ru")
    found = extract("В Следственном комитете сообщили о работе на месте.\n\n– Предварительно установлено, что погибших "
                    "более 60 человек. К сожалению, количество жертв может увеличиться, – говорится на сайте ведомства.",
                    language="ru")
    assert [(c.quantity.lower, c.claimant.key) for c in found] == [(60, "ru-sk")]


@pytest.mark.django_db
def test_a_russian_passive_with_its_agent_gives_the_figures_before_it_to_that_agent():
    actor("sanaa-moh", "Ministry of Health (Sanaa)", "government_agency", "YE", ["Минздрав хуситов"], language="ru")
    found = extract("Как минимум 9 человек погибли. Эти данные были озвучены Минздравом хуситов.", language="ru")
    assert [c.claimant.key for c in found] == ["sanaa-moh"]


@pytest.mark.django_db
def test_cited_with_no_one_quoted_is_the_subjects_own_statement():
    actor("who", "World Health Organization", "international_organization", aliases=["WHO"])
    [candidate] = extract("The WHO cited nearly 2,900 injuries in the fighting.")
    assert (candidate.claimant.key, candidate.quantity.qualifier) == ("who", "approximately")


@pytest.mark.django_db
def test_a_dotted_acronym_names_its_actor_and_a_group_next_to_it_is_that_actor():
    actor("un", "United Nations", "international_organization", aliases=["UN"])
    [candidate] = extract("The rebels are backed by some 4,000 troops, according to U.N. experts.")
    assert candidate.claimant.key == "un"


@pytest.mark.django_db
def test_a_name_with_particles_opening_the_sentence_is_the_subject_of_its_verb():
    [candidate] = extract("Vivian van de Perre, the deputy head of the mission in the country (DRC), announced that nearly "
                          "3,000 people have died.")
    assert candidate.claimant.name == "Vivian van de Perre"


@pytest.mark.django_db
def test_the_date_of_the_fighting_a_toll_counts_is_not_its_as_of_date():
    [candidate] = extract("Fighting last week left at least 900 people dead, the agency said Monday.",
                          published_on=dt.date(2025, 2, 3))
    assert candidate.as_of == dt.date(2025, 2, 3)


@pytest.mark.django_db
def test_a_korean_passive_naming_whose_announcement_it_was_is_that_announcers():
    [candidate] = extract("마우이카운티의 11일 오후 9시 발표에서 확인된 사망자 수는 80명으로 확인됐다.", language="ko")
    assert (candidate.claimant.name, candidate.claimant.proposed) == ("마우이카운티", True)


@pytest.mark.django_db
def test_arabic_compound_number_words_are_one_number():
    [candidate] = extract("ارتفعت حصيلة قتلى الفيضانات إلى تسعة وستين شخصا.", language="ar")
    assert candidate.quantity.number == 69


@pytest.mark.django_db
def test_a_ratio_is_no_figure():
    found = extract("Περισσότεροι από 33 εκατομμύρια άνθρωποι, δηλαδή ένας στους επτά κατοίκους, έχουν πληγεί.", language="el")
    assert [c.quantity.number for c in found] == [33_000_000]


@pytest.mark.django_db
def test_a_nationality_adjective_picks_the_government_of_that_country():
    actor("pakistan", "Pakistan", "country", "PK", ["Πακιστάν"], language="el")
    actor("pk-gov", "Government of Pakistan", "government", "PK", ["κυβέρνηση του Πακιστάν"], language="el")
    actor("pk-ndma", "NDMA", "government_agency", "PK", ["Εθνική Αρχή Διαχείρισης Καταστροφών"], language="el")
    found = extract("Ξεπέρασαν τους 1.000 οι νεκροί, σύμφωνα με την Εθνική Αρχή Διαχείρισης Καταστροφών.\n\n"
                    "Περισσότεροι από 33 εκατομμύρια άνθρωποι έχουν πληγεί, σύμφωνα με την πακιστανική κυβέρνηση.",
                    language="el")
    assert [c.claimant.key for c in found] == ["pk-ndma", "pk-gov"]


@pytest.mark.django_db
def test_an_arabic_verb_of_transport_is_no_citing_cue():
    actor("pk-army", "Pakistan Army", "military", "PK", ["الجيش الباكستاني"], language="ar")
    actor("pakistan", "Pakistan", "country", "PK", ["باكستان"], language="ar")
    [candidate] = extract("وقال الجيش الباكستانى إن مروحياته نقلت ثلاثين مريضا إلى بيشاور، وتقتل الفيضانات الناجمة عن "
                          "الأمطار الناس فى باكستان.", language="ar")
    assert candidate.claimant.key == "pk-army"


@pytest.mark.django_db
def test_a_day_between_the_verb_and_its_reported_clause_is_the_statements():
    [candidate] = extract("وفى بيان، قالت الهيئة، فى وقت متأخر الاثنين إن الفيضانات أضرت بنحو 300 ألف شخص حتى الآن.",
                          language="ar", published_on=dt.date(2015, 7, 28))
    assert (candidate.quantity.number, candidate.quantity.qualifier, candidate.as_of) == (
        300_000, "approximately", dt.date(2015, 7, 27))


@pytest.mark.django_db
def test_a_credit_label_in_capitals_credits_the_outlet_named():
    actor("naftemporiki", "Naftemporiki", "news_outlet", "GR", ["Naftemporiki"], language="el")
    [candidate] = extract("Σε 278 ανέρχεται ο αριθμός των νεκρών.\n\nΠΗΓΗ: Naftemporiki", language="el")
    assert candidate.claimant.key == "naftemporiki"


@pytest.mark.django_db
def test_a_greek_description_takes_the_capitalised_genitives_after_its_noun():
    actor("italy", "Italy", "country", "IT", ["Ιταλία"], language="el")
    actor("it-cp", "Civil Protection Department (Italy)", "government_agency", "IT",
          ["Υπηρεσία Πολιτικής Προστασίας της Ιταλίας"], language="el")
    [candidate] = extract("Σεισμός στην Ιταλία. Η υπηρεσία Πολιτικής Προστασίας τόνισε πως 388 τραυματίες νοσηλεύονται.",
                          language="el")
    assert candidate.claimant.key == "it-cp"


@pytest.mark.django_db
def test_a_name_between_commas_before_the_verb_is_its_subject():
    [candidate] = extract("Ο δήμαρχος του Ακούμολι, Στέφανο Πετρούτσι, δήλωσε ότι περίπου 2.500 κάτοικοι έχουν μείνει "
                          "άστεγοι.", language="el")
    assert candidate.claimant.name == "Στέφανο Πετρούτσι"


@pytest.mark.django_db
def test_the_group_heading_the_sentence_is_the_subject_of_a_verb_after_a_comma():
    [candidate] = extract("Υψηλόβαθμος αξιωματούχος του τμήματος στη Ρώμη, ανέφερε ότι 190 άνθρωποι σκοτώθηκαν.",
                          language="el")
    assert candidate.claimant.key == "officials"


@pytest.mark.django_db
def test_according_to_a_russian_title_in_the_genitive_is_the_person_named_before():
    actor("ria", "RIA Novosti", "state_media", "RU", ["РИА Новости"], language="ru")
    found = extract("«Число погибших — 3643», — сказал пресс-секретарь полиции Камал Сингх Бам. По словам "
                    "пресс-секретаря, в Катманду погибли 914 человек, сообщает РИА Новости.", language="ru")
    assert [(c.claimant.name, [[r.key for r in s] for s in c.hops]) for c in found] == [
        ("Сингх Бам", []), ("Сингх Бам", [["ria"]])]


@pytest.mark.django_db
def test_a_name_followed_by_a_known_acronym_in_brackets_is_that_actor():
    actor("ocha", "UN Office for the Coordination of Humanitarian Affairs", "international_organization",
          aliases=["OCHA"])
    [candidate] = extract("Περίπου 11.300 άνθρωποι σκοτώθηκαν, ανέφερε το Γραφείο Συντονισμού Ανθρωπιστικών Υποθέσεων "
                          "(OCHA) των Ηνωμένων Εθνών.", language="el")
    assert candidate.claimant.key == "ocha"


@pytest.mark.django_db
def test_according_to_a_source_before_another_speaker_makes_the_speaker_a_relay():
    actor("libya", "Libya", "country", "LY", ["Λιβύη"], language="el")
    actor("lrc", "Libyan Red Crescent", "ngo", "LY", ["Ερυθρά Ημισέληνος της Λιβύης"], language="el")
    actor("ocha", "UN Office for the Coordination of Humanitarian Affairs", "international_organization",
          aliases=["OCHA"])
    [candidate] = extract("Σύμφωνα με τη λιβυκή Ερυθρά Ημισέληνο, οι πλημμύρες στοίχισαν τη ζωή σε περίπου 11.300 "
                          "ανθρώπους, ανέφερε το OCHA.", language="el")
    assert (candidate.claimant.key, [[r.key for r in s] for s in candidate.hops]) == ("lrc", [["ocha"]])


@pytest.mark.django_db
def test_an_official_described_by_a_title_and_never_named_is_an_unnamed_official():
    [candidate] = extract("Ο δήμαρχος της Ντέρνα είπε ότι οι νεκροί είναι 18.000-20.000.", language="el")
    assert (candidate.claimant.key, candidate.quantity.qualifier) == ("officials", "range")


@pytest.mark.django_db
def test_a_minister_without_article_is_the_person_named_next():
    found = extract("Περισσότερα από 1.000 πτώματα έχουν περισυλλεγεί, δήλωσε σήμερα υπουργός της κυβέρνησης.\n\n"
                    "«Είναι μεγάλη καταστροφή», δήλωσε τηλεφωνικά στο Reuters ο Χισέμ Σκιουάτ.", language="el")
    assert [(c.claimant.name, c.quantity.qualifier) for c in found] == [("Χισέμ Σκιουάτ", "more_than")]


@pytest.mark.django_db
def test_an_arabic_organisation_named_in_quotation_marks_after_its_generic_noun_speaks():
    actor("white-helmets", "Syria Civil Defence (White Helmets)", "ngo", "SY", ["الخوذ البيضاء", "الدفاع المدني السوري"],
          language="ar")
    found = extract('أعلنت منظمة "الخوذ البيضاء" أن أكثر من 1730 لقوا حتفهم.\n\nأكدت منظمة "الدفاع المدني السوري" '
                    'أن الحصيلة ارتفعت لأكثر من 1280 حالة وفاة.', language="ar")
    assert [(c.claimant.key, c.quantity.qualifier) for c in found] == [
        ("white-helmets", "more_than"), ("white-helmets", "more_than")]


@pytest.mark.django_db
def test_according_to_what_an_actor_announced_names_that_actor():
    actor("sy-gov", "Government of Syria", "government", "SY", ["الحكومة السورية"], language="ar")
    [candidate] = extract("ارتفع عدد القتلى إلى أكثر من 2500، وفقًا لما أعلنته الحكومة السورية.", language="ar")
    assert candidate.claimant.key == "sy-gov"


@pytest.mark.django_db
def test_a_name_glossed_in_brackets_is_no_wire_credit():
    actor("sana", "Syrian Arab News Agency", "state_media", "SY", ["SANA"], language="ko")
    found = extract("CNN은 사망자가 최소 2361명으로 집계됐다고 전했다. 시리아 국영 사나(SANA)통신은 사망자를 820명이라고 "
                    "보도했다.", language="ko")
    assert [[[r.key for r in s] for s in c.hops] for c in found] == [[], []]


@pytest.mark.django_db
def test_a_short_russian_name_changes_only_a_final_vowel():
    actor("hamas", "Hamas", "armed_group", "PS", ["Хамас"], language="ru")
    [candidate] = extract("«Число жертв превысило две тысячи», — сказал Хамад.", language="ru")
    assert (candidate.claimant.key, candidate.claimant.proposed) == ("proposed:хамад", True)


@pytest.mark.django_db
def test_a_russian_back_reference_citing_someone_gives_him_the_figures_and_the_agency_relays():
    actor("ria", "RIA Novosti", "state_media", "RU", ["РИА Новости"], language="ru")
    [candidate] = extract("Число погибших превысило 2 тысячи человек. О данной информации сообщили в информационном "
                          "агентстве РИА Новости ссылаясь на Усаму Хамада, председателя правительства.", language="ru")
    assert (candidate.claimant.name, [[r.key for r in s] for s in candidate.hops]) == ("Усаму Хамада", [["ria"]])
