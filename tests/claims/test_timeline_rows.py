"""claims.analysis.timeline reads values() rows through the declared shapes: the dict it builds is exactly
what a model-instance version builds.

``reference_timeline`` below is the former implementation (select_related/prefetch_related of model
instances), with the nested objects in their declared brief forms (claims.shapes; without ``url``, which
needs a request), kept here as an independent expectation. Outputs are compared with every value's type, so
``Decimal("100")`` vs ``Decimal("100.0000")``, ``1`` vs ``True`` or a ``datetime`` for a ``date`` would fail.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Prefetch
from django.db.models.functions import Coalesce

from claims.analysis.corroboration import independent_origins
from claims.models import Claim, ClaimStatus, Estimate, EstimateWording, JointClaimant
from claims.selectors import appearance_queryset, visible_claims
from claims.analysis.timeline import proposition_timeline
from sources.models import ActorKind
from tests.claims.factories import (
    AppearanceFactory,
    AttributionHopFactory,
    ClaimFactory,
    EstimateFactory,
    PropositionFactory,
)
from tests.sources.factories import ActorFactory, DocumentFactory

# --- the former model-instance implementation, verbatim but for names --------------------------------


def _ref_actor(actor):
    if actor is None:
        return None
    return {"id": actor.pk, "key": actor.key, "name": actor.name, "kind": actor.kind, "country": actor.country}


def _ref_appearance(appearance):
    if appearance is None:
        return None
    document = appearance.document
    return {
        "id": appearance.pk,
        "document": {
            "id": document.pk,
            "key": document.key,
            "title": document.title,
            "published_on": document.published_on,
            "language": document.language,
            "source_url": document.url,
            "publisher": _ref_actor(document.publisher),
        },
        "quote": appearance.quote,
        "start": appearance.start,
        "end": appearance.end,
        "translation": appearance.translation,
        "translation_language": appearance.translation_language,
        "stated_on": appearance.stated_on,
        "stated_on_precision": appearance.stated_on_precision,
        "medium": appearance.medium,
        "hops": [
            {"position": hop.position, "actor": _ref_actor(hop.actor), "relation": hop.relation, "language": hop.language,
             "medium": hop.medium, "passed_on": hop.passed_on, "passed_on_precision": hop.passed_on_precision}
            for hop in appearance.hops.all()
        ],
    }


def _ref_cited(estimate, appearance):
    recorded = {w.appearance_id: w.wording for w in estimate.wordings.all()}.get(appearance.pk)
    if not recorded and estimate.wording and estimate.wording in appearance.quote:
        recorded = estimate.wording
    return {**_ref_appearance(appearance), "wording": recorded or None}


def reference_timeline(*, proposition, claims, known_on=None):
    filtered = claims if known_on is None else claims.filter(first_published_on__lte=known_on)
    estimates = list(
        Estimate.objects.filter(proposition=proposition, claim__in=filtered)
        .select_related("claim__claimant")
        .prefetch_related(
            "wordings", Prefetch("claim__joint_claimants", queryset=JointClaimant.objects.select_related("actor").order_by("position", "id")),
            Prefetch("claim__appearances", queryset=appearance_queryset(known_on=known_on), to_attr="timeline_appearances")
        )
        .annotate(holds_on=Coalesce("as_of", "period_start", "period_end", "claim__stated_on", "claim__first_published_on"))
        .order_by("holds_on", "claim__stated_on", "id")
    )
    rows, series = [], {}
    for estimate in estimates:
        claim = estimate.claim
        appearances = claim.timeline_appearances
        joint = [_ref_actor(link.actor) for link in claim.joint_claimants.all()]
        cited = [_ref_cited(estimate, appearance) for appearance in appearances]
        rows.append(
            {
                "id": estimate.pk,
                "claim": {
                    "id": claim.pk,
                    "key": claim.key,
                    "summary": claim.summary,
                    "claimant": _ref_actor(claim.claimant),
                    "status": claim.status,
                    "kind": claim.kind,
                    "hedge": claim.hedge,
                    "stated_on": claim.stated_on,
                    "stated_on_precision": claim.stated_on_precision,
                    "first_published_on": claim.first_published_on,
                    "interested": claim.interested,
                },
                "claimant": _ref_actor(claim.claimant),
                "value": estimate.value,
                "lower": estimate.lower,
                "upper": estimate.upper,
                "qualifier": estimate.qualifier,
                "approximate": estimate.approximate,
                "unit": estimate.unit or proposition.unit,
                "display_value": estimate.display_value,
                "as_of": estimate.as_of,
                "as_of_precision": estimate.as_of_precision,
                "period_start": estimate.period_start,
                "period_end": estimate.period_end,
                "holds_on": estimate.holds_on,
                "wording": estimate.wording,
                "joint_claimants": joint,
                "appearances": cited,
                "first_appearance": cited[0] if cited else None,
                "appearance_count": len(appearances),
            }
        )
        for actor in (claim.claimant, *(link.actor for link in claim.joint_claimants.all())):
            entry = series.setdefault(actor.pk, {"claimant": _ref_actor(actor), "estimates": []})
            entry["estimates"].append(estimate.pk)
    for entry in series.values():
        entry["latest"] = entry["estimates"][-1]
    about = filtered.filter(estimates__proposition=proposition)
    return {
        "proposition": {
            "id": proposition.pk, "key": proposition.key, "title": proposition.title, "kind": proposition.kind,
            "measure": proposition.measure, "unit": proposition.unit, "cumulative": proposition.cumulative,
            "status": proposition.status,
        },
        "known_on": known_on,
        "independent_origins": independent_origins(claims=about),
        "estimates": rows,
        "series": list(series.values()),
    }


def typed(value):
    """``value`` with the type and exact form of every leaf, and the order of every dict's keys."""
    if isinstance(value, dict):
        return ("dict", [(name, typed(item)) for name, item in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    return (type(value).__name__, repr(value))


# --- a varied proposition ----------------------------------------------------------------------------


@pytest.fixture
def mixed(db):
    """Four claimants; every qualifier; as_of, periods, no date at all; 0, 1 or 3 appearances; hops;
    a document without publisher; a document published late (cut by ``known_on``); a draft; a claim on
    another proposition; a tie on holds_on broken by stated_on then id."""
    nis = ActorFactory(key="nis", name="National Intelligence Service", kind=ActorKind.INTELLIGENCE_AGENCY, country="KR")
    nk = ActorFactory(key="north-korea", name="North Korea", kind=ActorKind.COUNTRY, country="KP")
    isw = ActorFactory(key="isw", name="Institute for the Study of War", kind=ActorKind.NGO, country="")
    ukr = ActorFactory(key="gur", name="Ukrainian military intelligence", kind=ActorKind.INTELLIGENCE_AGENCY, country="UA")
    yonhap = ActorFactory(key="yonhap", name="Yonhap", kind=ActorKind.NEWS_AGENCY, country="KR")
    afp = ActorFactory(key="afp", name="AFP", kind=ActorKind.NEWS_AGENCY, country="FR")
    lawmaker = ActorFactory(key="lee-seong-kweun", name="Lee Seong-kweun", kind=ActorKind.LEGISLATOR, country="KR")

    deaths = PropositionFactory(key="deaths", title="Deaths", unit="people")
    other = PropositionFactory(key="wounded", title="Wounded", unit="people")

    body = "Officials said about 2,000 soldiers were killed; others said 300 to 400 and at least 600."
    early = DocumentFactory(key="early", publisher=yonhap, published_on=dt.date(2024, 12, 19), body=body)
    orphan = DocumentFactory(key="orphan", publisher=None, url="https://example.org/o", published_on=dt.date(2025, 1, 10), body=body)
    middle = DocumentFactory(key="middle", publisher=afp, language="fr", published_on=dt.date(2025, 4, 1), body=body)
    same_day = DocumentFactory(key="same-day", publisher=yonhap, published_on=dt.date(2025, 4, 1), body=body)
    late = DocumentFactory(key="late", publisher=afp, published_on=dt.date(2025, 9, 20), body=body)

    def claim(key, claimant, documents=(), **extra):
        made = ClaimFactory(key=key, claimant=claimant, status=extra.pop("status", ClaimStatus.PUBLISHED), **extra)
        appearances = [
            AppearanceFactory(claim=made, document=document, quote=quote)
            for document, quote in documents
        ]
        return made, appearances

    # Three appearances, the first (by date) relayed through two hops created out of order.
    nis_a, (nis_a_late, nis_a_early, nis_a_orphan) = claim(
        "nis-a", nis, [(late, "about 2,000 soldiers were killed"), (early, "about 2,000 soldiers were killed"),
                       (orphan, "about 2,000")],
        stated_on=dt.date(2024, 12, 19), kind="estimate", hedge="estimated", interested=False,
    )
    AttributionHopFactory(appearance=nis_a_early, position=2, actor=nis, relation="briefed", language="ko")
    AttributionHopFactory(appearance=nis_a_early, position=1, actor=lawmaker, relation="reported", language="en")
    AttributionHopFactory(appearance=nis_a_late, position=1, actor=afp, relation="reported")
    # A parallel relay at step 1 of the same chain, with its medium and date.
    AttributionHopFactory(appearance=nis_a_early, position=1, actor=afp, relation="reported", medium="press_conference",
                          passed_on=dt.date(2024, 12, 19), passed_on_precision="day")
    at_least_100 = EstimateFactory(claim=nis_a, proposition=deaths, value=Decimal(100), lower=Decimal(100), qualifier="at_least",
                                   approximate=True, as_of=dt.date(2024, 12, 19), as_of_precision="day", wording="at least 100")
    # The orphan document worded it its own way (recorded for that appearance only).
    EstimateWording.objects.create(estimate=at_least_100, appearance=nis_a_orphan, wording="2,000", offset=6)
    # Same claim, a second estimate of the same proposition: a range over a period, fractional bounds.
    EstimateFactory(claim=nis_a, proposition=deaths, value=None, lower=Decimal("300.5"), upper=Decimal("400.25"),
                    qualifier="range", as_of=None, period_start=dt.date(2024, 11, 1), period_end=dt.date(2024, 11, 30),
                    wording="300 to 400")
    EstimateFactory(claim=nis_a, proposition=other, value=Decimal(7), qualifier="exact", wording="7")

    # Only a publisher-less document; an exact value with its own unit.
    nis_b, _ = claim("nis-b", nis, [(orphan, "at least 600")], stated_on=dt.date(2025, 1, 10))
    JointClaimant.objects.create(claim=nis_b, actor=isw, position=2)  # a joint claimant: its own series
    EstimateFactory(claim=nis_b, proposition=deaths, value=Decimal("600"), qualifier="exact", unit="soldiers",
                    as_of=dt.date(2025, 1, 1), as_of_precision="month", wording="600")

    # Two appearances on one day (ordered by id), no as_of: holds on stated_on; "more than".
    nk_a, (_, same_day_appearance) = claim(
        "nk-a", nk, [(middle, "300 to 400"), (same_day, "300 to 400")], stated_on=dt.date(2025, 4, 1), interested=True,
    )
    AttributionHopFactory(appearance=same_day_appearance, position=1, actor=yonhap, relation="translated", language="ko")
    EstimateFactory(claim=nk_a, proposition=deaths, value=None, lower=Decimal(300), qualifier="more_than", as_of=None,
                    wording="more than 300")

    # No stated_on and no as_of: holds on first_published_on (cut by known_on before September).
    isw_a, _ = claim("isw-a", isw, [(late, "at least 600")], stated_on=None)
    EstimateFactory(claim=isw_a, proposition=deaths, value=None, upper=Decimal("1500.0001"), qualifier="at_most",
                    as_of=None, wording="no more than 1,500")
    # No appearance at all, nothing to order on but the id: holds_on is None (sorted last on PostgreSQL,
    # first on SQLite — both implementations sort alike); an unknown and a "fewer than".
    isw_b, _ = claim("isw-b", isw, [], stated_on=None)
    EstimateFactory(claim=isw_b, proposition=deaths, value=None, qualifier="unknown", as_of=None, wording="unknown")
    EstimateFactory(claim=isw_b, proposition=deaths, value=None, upper=Decimal(50), qualifier="fewer_than", as_of=None,
                    wording="fewer than 50")

    # A tie on holds_on (2025-04-01) with nk-a, broken by stated_on; approximately, with a period start only.
    gur_a, _ = claim("gur-a", ukr, [(middle, "about 2,000")], stated_on=dt.date(2025, 3, 30))
    EstimateFactory(claim=gur_a, proposition=deaths, value=Decimal("2000"), qualifier="approximately", as_of=None,
                    period_start=dt.date(2025, 4, 1), wording="about 2,000")
    # A tie on holds_on and stated_on: broken by id.
    gur_b, _ = claim("gur-b", ukr, [(same_day, "about 2,000")], stated_on=dt.date(2025, 3, 30))
    EstimateFactory(claim=gur_b, proposition=deaths, value=Decimal("2100"), qualifier="approximately",
                    as_of=dt.date(2025, 4, 1), wording="about 2,100")

    # A draft: only staff see it; it is the only claim of its claimant on the proposition.
    draft, _ = claim("draft", lawmaker, [(early, "about 2,000")], status=ClaimStatus.DRAFT, stated_on=dt.date(2024, 12, 1))
    EstimateFactory(claim=draft, proposition=deaths, value=Decimal(5000), qualifier="approximately",
                    as_of=dt.date(2024, 12, 1), wording="5000")
    return {"proposition": deaths, "other": other}


READERS = {"public": lambda: visible_claims(user=None), "staff": lambda: Claim.objects.all()}
KNOWN_ON = [None, dt.date(2024, 12, 31), dt.date(2025, 4, 1), dt.date(2025, 9, 19)]


@pytest.mark.parametrize("known_on", KNOWN_ON)
@pytest.mark.parametrize("reader", sorted(READERS))
def test_timeline_rows_equal_the_model_instance_timeline(mixed, reader, known_on):
    expected = reference_timeline(proposition=mixed["proposition"], claims=READERS[reader](), known_on=known_on)
    actual = proposition_timeline(proposition=mixed["proposition"], claims=READERS[reader](), known_on=known_on)
    assert typed(actual) == typed(expected)


def test_fixture_covers_what_the_equivalence_is_meant_to_cover(mixed):
    # Guard against a fixture that silently stops exercising a case.
    everything = proposition_timeline(proposition=mixed["proposition"], claims=Claim.objects.all())
    public = proposition_timeline(proposition=mixed["proposition"], claims=visible_claims(user=None))
    rows = public["estimates"]
    assert {row["qualifier"] for row in rows} == {
        "exact", "approximately", "at_least", "at_most", "more_than", "fewer_than", "range", "unknown"
    }
    assert {row["appearance_count"] for row in rows} == {0, 1, 2, 3}
    assert any(row["first_appearance"] and row["first_appearance"]["document"]["publisher"] is None for row in rows)
    assert any(row["first_appearance"] and len(row["first_appearance"]["hops"]) == 3 for row in rows)  # a parallel step
    assert any(row["joint_claimants"] for row in rows)
    assert any(appearance["wording"] == "2,000" for row in rows for appearance in row["appearances"])
    assert any(row["holds_on"] is None for row in rows)
    assert len(public["series"]) == 4 and len(everything["series"]) == 5
    nis_b = {row["id"] for row in rows if row["claim"]["key"] == "nis-b"}
    [isw] = [entry for entry in public["series"] if entry["claimant"]["key"] == "isw"]
    assert nis_b <= set(isw["estimates"])  # a joint claimant's series holds the joint claim's estimates
    assert "draft" not in [row["claim"]["key"] for row in rows]
    cut = proposition_timeline(proposition=mixed["proposition"], claims=visible_claims(user=None), known_on=dt.date(2025, 4, 1))
    nis_a = [row for row in cut["estimates"] if row["claim"]["key"] == "nis-a"]
    assert [row["appearance_count"] for row in nis_a] == [2, 2]  # the September appearance is cut


def test_timeline_rows_show_first_appearance_hops_in_position_order(mixed):
    timeline = proposition_timeline(proposition=mixed["proposition"], claims=visible_claims(user=None))
    [row] = [row for row in timeline["estimates"] if row["claim"]["key"] == "nis-a" and row["qualifier"] == "at_least"]
    first = row["first_appearance"]
    assert first["document"]["key"] == "early"
    assert [(hop["position"], hop["actor"]["key"], hop["relation"]) for hop in first["hops"]] == [
        (1, "lee-seong-kweun", "reported"), (1, "afp", "reported"), (2, "nis", "briefed")
    ]


def test_timeline_rows_display_value_is_the_estimates_own(mixed):
    timeline = proposition_timeline(proposition=mixed["proposition"], claims=Claim.objects.all())
    by_id = Estimate.objects.in_bulk([row["id"] for row in timeline["estimates"]])
    assert [row["display_value"] for row in timeline["estimates"]] == [
        by_id[row["id"]].display_value for row in timeline["estimates"]
    ]
    assert {"≥~100", "300.5–400.25", ">300", "≤1,500.0001", "<50", "unknown", "≈2,000", "600"} <= {
        row["display_value"] for row in timeline["estimates"]
    }


def test_timeline_rows_ties_on_holds_on_are_broken_by_stated_on_then_id(mixed):
    timeline = proposition_timeline(proposition=mixed["proposition"], claims=visible_claims(user=None))
    on_april_first = [row["claim"]["key"] for row in timeline["estimates"] if row["holds_on"] == dt.date(2025, 4, 1)]
    assert on_april_first == ["gur-a", "gur-b", "nk-a"]


@pytest.mark.parametrize("known_on", [None, dt.date(2025, 4, 1)])
def test_timeline_rows_take_five_queries(mixed, django_assert_num_queries, known_on):
    # estimates, joint claimants, appearances, hops, wordings (the origins are the series: no query)
    with django_assert_num_queries(5):
        proposition_timeline(proposition=mixed["proposition"], claims=visible_claims(user=None), known_on=known_on)


def test_timeline_of_a_proposition_without_estimates_takes_one_query(mixed, django_assert_num_queries):
    empty = PropositionFactory(key="empty")
    with django_assert_num_queries(1):  # the estimates: nothing to nest, no origin
        timeline = proposition_timeline(proposition=empty, claims=visible_claims(user=None))
    assert typed(timeline) == typed(reference_timeline(proposition=empty, claims=visible_claims(user=None)))
    assert timeline["estimates"] == [] and timeline["series"] == [] and timeline["independent_origins"] == 0
