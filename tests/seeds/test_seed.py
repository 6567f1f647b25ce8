"""The seed bundle: the Greek article of 2025-09-04 and every claim in it, loaded with ``import_bundle seeds/``.

These tests are the specification of the seed: who claims what, through whom, in which exact words, when,
and with which numbers. They read the database the importer wrote, never the YAML.
"""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from claims.models import Appearance, AttributionHop, Claim, ClaimRelation, ClaimStance, Estimate, Proposition
from factbase import dates
from factbase.models import ImportRun
from factbase.text import normalize_for_search
from sources.articles import parse_dated_article
from sources.models import Actor, ActorAlias, Document

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SEED_FILE = "000_96f8c3dbb12c4205.txt"
SHARED_SEED = REPO / ".." / "shared" / "seed-documents" / SEED_FILE
DOCUMENT_KEY = "seed-000-96f8c3dbb12c4205"
KCNA_HOP = [("kcna", "paraphrased", "ko")]

# key: (claimant, kind, hedge, stated_on, precision, interested, [(quote, hops)...])
EXPECTED_CLAIMS = {
    "kim-fully-support-russian-army": (
        "kim-jong-un", "intention", "asserted", dt.date(2025, 9, 3), "day", True,
        [("Κιμ Γιονγκ Ουν δήλωσε ότι η χώρα του θα «υποστηρίξει πλήρως» τον ρωσικό στρατό ως «αδελφικό καθήκον»", KCNA_HOP)],
    ),
    "putin-relations-special-trust-friendship-alliance": (
        "putin", "statement", "asserted", dt.date(2025, 9, 3), "day", True,
        [
            ("Βλαντιμίρ Πούτιν χαρακτήρισε τις σχέσεις των δύο χωρών «ιδιαίτερες»", KCNA_HOP),
            ("δήλωσε ότι οι σχέσεις των δύο χωρών είναι «ιδιαίτερες σχέσεις εμπιστοσύνης, φιλίας και συμμαχίας»", KCNA_HOP),
        ],
    ),
    "putin-praised-nk-soldiers": (
        "putin", "statement", "asserted", dt.date(2025, 9, 3), "day", True,
        [("Ο Πούτιν «επαίνεσε ιδιαίτερα» τους Βορειοκορεάτες στρατιώτες που πολεμούν κατά της Ουκρανίας", KCNA_HOP)],
    ),
    "kcna-frank-views-exchanged": (
        "kcna", "event", "asserted", dt.date(2025, 9, 4), "day", True,
        [("Ο Κιμ Γιονγκ Ουν και ο πρόεδρος Πούτιν αντάλλαξαν ειλικρινείς απόψεις για σημαντικά διεθνή και περιφερειακά ζητήματα", [])],
    ),
    "kcna-long-term-cooperation-absolute-will": (
        "kcna", "event", "asserted", dt.date(2025, 9, 4), "day", True,
        [(
            "Ο Κιμ και ο Πούτιν συζήτησαν λεπτομερώς τα μακροπρόθεσμα σχέδια για συνεργασία και επιβεβαίωσαν "
            "την «απόλυτη βούλησή» τους να αναβαθμίσουν τις διμερείς σχέσεις σε υψηλό επίπεδο",
            [],
        )],
    ),
    "outlet-kim-putin-met-beijing-2025-09-03": (
        "seed-outlet", "event", "asserted", dt.date(2025, 9, 4), "day", False,
        [(
            "Ο Κιμ και ο Πούτιν πραγματοποίησαν συνάντηση την Τετάρτη στο περιθώριο των εορτασμών της Κίνας για "
            "την επίσημη παράδοση της Ιαπωνίας στον Β' Παγκόσμιο Πόλεμο στο Πεκίνο",
            [],
        )],
    ),
    "outlet-leaders-beside-xi-at-parade": (
        "seed-outlet", "event", "asserted", dt.date(2025, 9, 4), "day", False,
        [("Οι δύο ηγέτες στάθηκαν δίπλα στον Κινέζο πρόεδρο Σι Τζινπίνγκ σε μια τεράστια στρατιωτική παρέλαση", [])],
    ),
    "outlet-first-three-leaders-meeting-since-cold-war": (
        "seed-outlet", "statement", "asserted", dt.date(2025, 9, 4), "day", False,
        [("στην πρώτη συνάντηση των ηγετών των τριών χωρών από τις αρχές του Ψυχρού Πολέμου", [])],
    ),
    "outlet-kim-first-meeting-putin-xi-together": (
        "seed-outlet", "statement", "asserted", dt.date(2025, 9, 4), "day", False,
        [("Το ταξίδι του Κιμ στο Πεκίνο του έδωσε την πρώτη ευκαιρία να συναντήσει τον Πούτιν και τον Σι μαζί", [])],
    ),
    "outlet-more-than-twenty-leaders-attended": (
        "seed-outlet", "estimate", "asserted", dt.date(2025, 9, 4), "day", False,
        [("τους περισσότερους από είκοσι άλλους εθνικούς ηγέτες που παρευρέθηκαν στις εκδηλώσεις", [])],
    ),
    "outlet-nk-sent-soldiers-munitions-missiles": (
        "seed-outlet", "statement", "asserted", dt.date(2025, 9, 4), "day", False,
        [(
            "Η Βόρεια Κορέα έστειλε στρατιώτες, πυρομαχικά και πυραύλους στη Ρωσία για να υποστηρίξει τη Μόσχα "
            "στον πόλεμο της κατά της Ουκρανίας",
            [],
        )],
    ),
    "analysts-meeting-propaganda-victory-for-kim": (
        "analysts-unnamed", "assessment", "asserted", dt.date(2025, 9, 1), "week", False,
        [(
            "Οι αναλυτές θεωρούν την άνευ προηγουμένου συνάντησή του την Τετάρτη με τον Σι και τον Πούτιν ως μια "
            "σημαντική προπαγανδιστική νίκη για τον ηγέτη της απομονωμένης χώρας",
            [],
        )],
    ),
    "nis-nk-troops-russia-deaths-2025-09": (
        "nis", "estimate", "estimated", dt.date(2025, 9, 1), "week", False,
        [(
            "Η υπηρεσία πληροφοριών της Νότιας Κορέας εκτίμησε αυτή την εβδομάδα ότι περίπου 2.000 Βορειοκορεάτες "
            "στρατιώτες που στάλθηκαν να πολεμήσουν για τη Ρωσία έχουν σκοτωθεί",
            [],
        )],
    ),
    "nis-nk-planned-additional-deployment-2025-09": (
        "nis", "estimate", "believed", dt.date(2025, 9, 1), "week", False,
        [("Πιστεύει ότι η Βόρεια Κορέα σχεδιάζει να αποστείλει άλλους 6.000 στρατιώτες", [])],
    ),
    "nis-nk-combat-troops-already-in-russia-2025-09": (
        "nis", "estimate", "believed", dt.date(2025, 9, 1), "week", False,
        [("με περίπου 1.000 στρατιώτες μάχης να βρίσκονται ήδη στη Ρωσία", [])],
    ),
}

# key: (proposition, value, lower, upper, qualifier, as_of, precision, wording)
EXPECTED_ESTIMATES = {
    "nis-nk-troops-russia-deaths-2025-09": (
        "nk-troops-russia-deaths", Decimal(2000), None, None, "approximately", dt.date(2025, 9, 1), "week", "περίπου 2.000",
    ),
    "nis-nk-planned-additional-deployment-2025-09": (
        "nk-troops-russia-planned-deployment", Decimal(6000), None, None, "exact", dt.date(2025, 9, 1), "week", "άλλους 6.000",
    ),
    "nis-nk-combat-troops-already-in-russia-2025-09": (
        "nk-troops-russia-planned-deployment-in-russia", Decimal(1000), None, None, "approximately",
        dt.date(2025, 9, 1), "week", "περίπου 1.000",
    ),
    "outlet-more-than-twenty-leaders-attended": (
        "beijing-2025-commemoration-leaders", None, Decimal(20), None, "more_than", dt.date(2025, 9, 3), "day",
        "περισσότερους από είκοσι",
    ),
}


def import_seed():
    out = io.StringIO()
    # The first seed bundle on its own (seeds/ also holds the NIS series, tests/seeds/test_nis_series.py).
    call_command("import_bundle", str(SEEDS / "seed.yaml"), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def _seed_loaded(django_db_setup, django_db_blocker):
    """Import the seed once for the module, inside a transaction rolled back when the module is done.

    Each test's own transaction (the ``db`` fixture) nests inside it as a savepoint, so a test that
    writes (the re-import test) leaves the next test the seed exactly as imported.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        import_seed()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seed(_seed_loaded, db):
    return Document.objects.get(key=DOCUMENT_KEY)


def test_seed_article_is_byte_identical_to_the_shared_original():
    assert SHARED_SEED.is_file(), f"the shared seed document is missing at {SHARED_SEED}"
    assert (SEEDS / SEED_FILE).read_bytes() == SHARED_SEED.read_bytes()


def test_seed_document_body_is_the_text_after_the_date_header(seed):
    published_on, body = parse_dated_article((SEEDS / SEED_FILE).read_text(encoding="utf-8"))
    assert seed.body == body
    assert seed.body.startswith("Ο ηγέτης της Βόρειας Κορέας Κιμ Γιονγκ Ουν")
    assert seed.body.endswith("σύμφωνα με το KCNA.")
    assert seed.published_on == published_on == dt.date(2025, 9, 4)
    assert seed.language == "el"
    assert seed.kind == "news_article"
    assert seed.publisher.key == "seed-outlet"


def test_seed_loads_every_claim_and_nothing_else(seed):
    assert set(Claim.objects.values_list("key", flat=True)) == set(EXPECTED_CLAIMS)
    assert Document.objects.count() == 1


@pytest.mark.parametrize("key", sorted(EXPECTED_CLAIMS))
def test_seed_claim_has_its_claimant_date_hedge_quotes_and_hops(seed, key):
    claimant, kind, hedge, stated_on, precision, interested, appearances = EXPECTED_CLAIMS[key]
    claim = Claim.objects.select_related("claimant").get(key=key)
    assert claim.claimant.key == claimant
    assert (claim.kind, claim.hedge, claim.interested) == (kind, hedge, interested)
    assert (claim.stated_on, claim.stated_on_precision) == (stated_on, precision)
    assert (claim.status, claim.verdict, claim.credibility) == ("published", "unassessed", None)
    assert claim.first_published_on == dt.date(2025, 9, 4)
    got = [
        (appearance.quote, [(hop.actor.key, hop.relation, hop.language) for hop in appearance.hops.order_by("position")])
        for appearance in claim.appearances.order_by("start")
    ]
    assert got == appearances


def test_every_appearance_quotes_the_document_exactly_with_an_english_translation(seed):
    appearances = list(Appearance.objects.select_related("document"))
    assert len(appearances) == sum(len(expected[-1]) for expected in EXPECTED_CLAIMS.values()) == 16
    for appearance in appearances:
        assert appearance.document == seed
        assert appearance.quote == seed.body[appearance.start:appearance.end]
        assert seed.body.count(appearance.quote) == 1
        assert not appearance.needs_review
        assert appearance.translation and appearance.translation_language == "en"


def test_every_paragraph_of_the_article_is_covered_by_a_claim(seed):
    spans = list(Appearance.objects.values_list("start", "end"))
    offset = 0
    for paragraph in seed.body.split("\n\n"):
        start = seed.body.index(paragraph, offset)
        end = offset = start + len(paragraph)
        assert any(start <= a and b <= end for a, b in spans), f"no claim quotes the paragraph {paragraph[:40]!r}"


def test_nis_death_estimate_reads_about_2000_in_the_week_of_2025_09_01(seed):
    estimate = Estimate.objects.select_related("claim__claimant", "proposition").get(
        proposition__key="nk-troops-russia-deaths"
    )
    assert estimate.claim.claimant.key == "nis"
    assert estimate.value == Decimal(2000)
    assert estimate.qualifier == "approximately"
    assert (estimate.as_of, estimate.as_of_precision) == (dt.date(2025, 9, 1), "week")
    assert estimate.wording == "περίπου 2.000"
    reading = f"claimant {estimate.claim.claimant.name}, {estimate.display_value}, {estimate.qualifier}, " + dates.describe(
        estimate.as_of, estimate.as_of_precision
    )
    assert reading == "claimant National Intelligence Service (South Korea), ≈2,000, approximately, week of 2025-09-01"
    assert estimate.effective_unit == "people"
    assert estimate.wording in estimate.claim.appearances.get().quote


@pytest.mark.parametrize("key", sorted(EXPECTED_ESTIMATES))
def test_seed_estimate_has_its_number_qualifier_date_and_wording(seed, key):
    proposition, value, lower, upper, qualifier, as_of, precision, wording = EXPECTED_ESTIMATES[key]
    estimate = Estimate.objects.get(claim__key=key)
    assert estimate.proposition.key == proposition
    assert (estimate.value, estimate.lower, estimate.upper, estimate.qualifier) == (value, lower, upper, qualifier)
    assert (estimate.as_of, estimate.as_of_precision, estimate.wording) == (as_of, precision, wording)
    assert ClaimStance.objects.get(claim__key=key, proposition__key=proposition).stance == "estimates"
    assert estimate.proposition.kind == "quantity" and estimate.proposition.unit == "people"


def test_only_the_four_quantities_carry_estimates(seed):
    assert set(Estimate.objects.values_list("claim__key", flat=True)) == set(EXPECTED_ESTIMATES)
    assert set(Proposition.objects.filter(kind="quantity").values_list("key", flat=True)) == {
        estimate[0] for estimate in EXPECTED_ESTIMATES.values()
    }


def test_claims_that_say_north_korea_sent_soldiers_support_the_outlets_report(seed):
    relations = set(ClaimRelation.objects.values_list("source__key", "kind", "target__key", "state"))
    assert relations == {
        (source, "supports", "outlet-nk-sent-soldiers-munitions-missiles", "accepted")
        for source in [
            "putin-praised-nk-soldiers",
            "nis-nk-troops-russia-deaths-2025-09",
            "nis-nk-combat-troops-already-in-russia-2025-09",
        ]
    }
    assert all(rationale for rationale in ClaimRelation.objects.values_list("rationale", flat=True))


def test_military_support_proposition_is_supported_by_kim_putin_nis_and_the_outlet(seed):
    supporters = set(
        ClaimStance.objects.filter(proposition__key="nk-military-support-to-russia").values_list("claim__claimant__key", "stance")
    )
    assert supporters == {("kim-jong-un", "supports"), ("putin", "supports"), ("nis", "supports"), ("seed-outlet", "supports")}


@pytest.mark.parametrize(
    "key,kind,country,parent,wikidata_id",
    [
        ("kim-jong-un", "person", "KP", "kp-government", "Q56226"),
        ("putin", "person", "RU", "ru-government", "Q7747"),
        ("xi-jinping", "person", "CN", "cn-government", "Q15031"),
        ("kcna", "state_media", "KP", "kp-government", "Q311093"),
        ("nis", "intelligence_agency", "KR", "kr-government", ""),
        ("kp-government", "government", "KP", None, ""),
        ("kr-government", "government", "KR", None, ""),
        ("ru-government", "government", "RU", None, ""),
        ("cn-government", "government", "CN", None, ""),
        ("north-korea", "country", "KP", None, ""),
        ("russia", "country", "RU", None, ""),
        ("ukraine", "country", "UA", None, ""),
        ("china", "country", "CN", None, ""),
        ("analysts-unnamed", "unnamed_group", "", None, ""),
        ("seed-outlet", "news_outlet", "GR", None, ""),
    ],
)
def test_seed_actor_has_its_kind_country_affiliation_and_graded_reliability(seed, key, kind, country, parent, wikidata_id):
    actor = Actor.objects.select_related("parent").get(key=key)
    assert (actor.kind, actor.country, actor.wikidata_id) == (kind, country, wikidata_id)
    assert (actor.parent.key if actor.parent else None) == parent
    assert actor.reliability_rationale, "every grade, even F, says why"
    assert {"el", "en"} <= set(actor.aliases.values_list("language", flat=True))


@pytest.mark.parametrize(
    "key,grade", [("kcna", "D"), ("kim-jong-un", "D"), ("putin", "D"), ("nis", "B"), ("analysts-unnamed", "F"), ("seed-outlet", "F")]
)
def test_claimants_carry_an_admiralty_reliability_grade(seed, key, grade):
    assert Actor.objects.get(key=key).reliability == grade


@pytest.mark.parametrize(
    "name,key",
    [
        ("Κιμ Γιονγκ Ουν", "kim-jong-un"), ("김정은", "kim-jong-un"), ("Kim Jong-un", "kim-jong-un"),
        ("Βλαντιμίρ Πούτιν", "putin"), ("Владимир Путин", "putin"), ("Σι Τζινπίνγκ", "xi-jinping"),
        ("조선중앙통신", "kcna"), ("국가정보원", "nis"), ("Εθνική Υπηρεσία Πληροφοριών", "nis"),
    ],
)
def test_actor_is_found_by_its_greek_english_and_native_names(seed, name, key):
    assert ActorAlias.objects.filter(name=name, actor__key=key).exists()
    matches = Actor.objects.filter(search_text__contains=normalize_for_search(name))
    assert key in set(matches.values_list("key", flat=True))


def test_importing_the_seed_twice_leaves_the_same_rows(seed):
    models = [Actor, ActorAlias, Document, Proposition, Claim, Appearance, AttributionHop, ClaimStance, Estimate, ClaimRelation]

    def snapshot():
        dump = {}
        for model in models:
            dump[model.__name__] = list(model.objects.order_by("pk").values())
            if hasattr(model, "history"):
                dump[f"{model.__name__} history"] = model.history.count()
        dump["subjects"] = sorted(Claim.subjects.through.objects.values_list("claim_id", "actor_id"))
        return dump

    before = snapshot()
    assert len(before["Claim"]) == len(EXPECTED_CLAIMS)
    runs_before = ImportRun.objects.count()
    import_seed()
    after = snapshot()
    assert {name: len(rows) if isinstance(rows, list) else rows for name, rows in after.items()} == {
        name: len(rows) if isinstance(rows, list) else rows for name, rows in before.items()
    }
    assert after == before
    assert ImportRun.objects.count() == runs_before + 1
    second_run = ImportRun.objects.latest("pk")
    assert (second_run.created, second_run.updated) == (0, 0)
