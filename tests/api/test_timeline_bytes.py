"""The timeline endpoint's response body, byte for byte, on a world with many estimates.

``timeline_golden.json`` holds the SHA-256 and length of each body the endpoint served before the timeline was read through
subqueries and built with shared nested objects (see claims.analysis.timeline): any change to the order of
keys, a date's or a number's text, a nested object or a list shows here. The world is built with fixed ids
so that the bodies are the same on every database and in every run; no estimate has a null ``holds_on``
(which sorts first on SQLite and last on PostgreSQL).

To record them again after a deliberate change of output: ``TIMELINE_GOLDEN_WRITE=1 pytest`` this file (and
say in the commit why the bytes changed).
"""

import datetime as dt
import hashlib
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from claims.models import Appearance, AttributionHop, Claim, ClaimStatus, Estimate, EstimateWording, JointClaimant, Proposition
from sources.models import Actor, ActorKind, Document

GOLDEN = Path(__file__).with_name("timeline_golden.json")
URLS = [
    "/api/v1/propositions/deaths/timeline/",
    "/api/v1/propositions/deaths/timeline/?known_on=2025-03-15",
    "/api/v1/propositions/deaths/timeline/?known_on=2024-01-01",
    "/api/v1/propositions/deaths/timeline/?format=json",
]
KINDS = [ActorKind.INTELLIGENCE_AGENCY, ActorKind.COUNTRY, ActorKind.NGO, ActorKind.NEWS_AGENCY, ActorKind.LEGISLATOR]
QUALIFIERS = ["exact", "approximately", "at_least", "at_most", "more_than", "fewer_than", "range", "unknown"]


def _numbers(qualifier: str, n: int) -> dict:
    base = Decimal(100 + 37 * n) + (Decimal("0.25") if n % 5 == 0 else 0)
    if qualifier == "range":
        return {"value": None, "lower": base, "upper": base + 50}
    if qualifier in ("at_least", "more_than"):
        return {"value": None, "lower": base}
    if qualifier in ("at_most", "fewer_than"):
        return {"value": None, "upper": base}
    if qualifier == "unknown":
        return {"value": None}
    return {"value": base}


def build_many_estimates():
    """Eight claimants, twelve documents (two without publisher), 48 claims (some drafts) with 0–3 appearances,
    relay chains with parallel steps, joint claimants, recorded wordings, 1–2 estimates of ``deaths`` each (and
    some of another proposition), every qualifier; every id fixed."""
    actors = [
        Actor.objects.create(id=9100 + i, key=f"actor-{i:02d}", name=f"Actor Ω {i}", kind=KINDS[i % len(KINDS)],
                             country=["KR", "KP", "UA", "", "FR"][i % 5])
        for i in range(8)
    ]
    outlets = [
        Actor.objects.create(id=9200 + i, key=f"outlet-{i}", name=f"Outlet {i}", kind=ActorKind.NEWS_OUTLET, country="KR")
        for i in range(3)
    ]
    deaths = Proposition.objects.create(id=9300, key="deaths", title="Deaths", kind="quantity", measure="deaths", unit="people")
    other = Proposition.objects.create(id=9301, key="wounded", title="Wounded", kind="quantity", measure="wounded", unit="people")
    body = "Officials said about 2,000 soldiers were killed; others said 300 to 400 and at least 600 «ως 2.000»."
    quotes = ["about 2,000 soldiers were killed", "300 to 400", "at least 600", "«ως 2.000»"]
    documents = [
        Document.objects.create(
            id=9400 + i, key=f"doc-{i:02d}", title=f"Report {i} — «{i}»", language=["en", "ko", "fr"][i % 3],
            publisher=None if i in (3, 8) else outlets[i % 3], url=f"https://example.org/{i}",
            published_on=dt.date(2024, 6, 1) + dt.timedelta(days=45 * i), body=body,
        )
        for i in range(12)
    ]
    for n in range(48):
        claim = Claim.objects.create(
            id=9500 + n, key=f"claim-{n:02d}", claimant=actors[n % 8], summary=f"Claim {n} about the war.",
            status=ClaimStatus.DRAFT if n % 11 == 7 else ClaimStatus.PUBLISHED, kind="estimate" if n % 2 else "statement",
            hedge="estimated" if n % 3 == 0 else "asserted", interested=n % 4 == 0,
            stated_on=dt.date(2024, 5, 1) + dt.timedelta(days=11 * n),
        )
        appearances = []
        for k in range(n % 4):
            document = documents[(n + 5 * k) % 12]
            quote = quotes[(n + k) % 4]
            start = body.index(quote)
            appearances.append(Appearance.objects.create(
                id=9700 + 4 * n + k, claim=claim, document=document, quote=quote, start=start, end=start + len(quote),
                medium="report" if k == 1 else "", stated_on=claim.stated_on if k == 0 else None,
                stated_on_precision="day" if k == 0 else "year",
            ))
        for k, appearance in enumerate(appearances):
            if (n + k) % 3 == 0:
                AttributionHop.objects.create(id=9900 + 8 * n + 2 * k, appearance=appearance, position=1,
                                              actor=outlets[(n + k) % 3], relation="reported", language="en")
                AttributionHop.objects.create(id=9901 + 8 * n + 2 * k, appearance=appearance, position=1 + (n % 2),
                                              actor=actors[(n + 3) % 8], relation="paraphrased", medium="press_conference",
                                              passed_on=dt.date(2024, 12, 19), passed_on_precision="day")
        if n % 5 == 1:
            JointClaimant.objects.create(id=10300 + n, claim=claim, actor=actors[(n + 1) % 8], position=3)
            JointClaimant.objects.create(id=10350 + n, claim=claim, actor=actors[(n + 2) % 8], position=2)
        for e in range(1 + n % 2):
            qualifier = QUALIFIERS[(n + e) % len(QUALIFIERS)]
            estimate = Estimate.objects.create(
                id=10500 + 2 * n + e, claim=claim, proposition=deaths, qualifier=qualifier, **_numbers(qualifier, n + e),
                unit="soldiers" if n % 6 == 0 else "",
                as_of=None if n % 3 == 1 else dt.date(2024, 5, 1) + dt.timedelta(days=7 * (n % 9)),
                as_of_precision="month" if n % 3 == 1 else "day",
                period_start=dt.date(2024, 1, 1) if n % 6 == 4 else None, period_end=dt.date(2024, 3, 31) if n % 6 == 4 else None,
                wording=quotes[(n + e) % 4] if n % 7 else "",
            )
            for k, appearance in enumerate(appearances):
                if (n + k + e) % 4 == 2:
                    EstimateWording.objects.create(id=10700 + 8 * n + 4 * e + k, estimate=estimate, appearance=appearance,
                                                   wording=appearance.quote[:6], offset=0)
        if n % 4 == 3:
            Estimate.objects.create(id=10650 + n, claim=claim, proposition=other, qualifier="exact", value=Decimal(n),
                                    as_of=dt.date(2024, 9, 1), as_of_precision="month", wording="7")
    Claim.objects.filter(id__gte=9500, id__lt=9548).update(first_published_on=None)
    for claim in Claim.objects.filter(id__gte=9500, id__lt=9548):
        first = claim.appearances.order_by("document__published_on").values_list("document__published_on", flat=True).first()
        Claim.objects.filter(pk=claim.pk).update(first_published_on=first or claim.stated_on)


def _bodies(client) -> dict[str, str]:
    """``{url: "sha256 length"}`` of each body."""
    found = {}
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        found[url] = f"{hashlib.sha256(response.content).hexdigest()} {len(response.content)}"
    return found


@pytest.fixture
def many_estimates(db):
    build_many_estimates()


@pytest.mark.parametrize("reader", ["public", "staff"])
def test_timeline_body_is_byte_identical_to_the_recorded_one(many_estimates, api_client, staff, reader):
    if reader == "staff":
        api_client.force_authenticate(staff)
    bodies = _bodies(api_client)
    recorded = json.loads(GOLDEN.read_text()) if GOLDEN.exists() else {}
    if os.environ.get("TIMELINE_GOLDEN_WRITE"):
        recorded[reader] = bodies
        GOLDEN.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n")
    for url in URLS:
        assert bodies[url] == recorded[reader][url], url


def test_the_world_covers_what_the_bytes_are_meant_to_cover(many_estimates, api_client):
    timeline = api_client.get(URLS[0]).json()
    rows = timeline["estimates"]
    assert len(rows) > 50
    assert {row["qualifier"] for row in rows} == set(QUALIFIERS)
    assert {row["appearance_count"] for row in rows} == {0, 1, 2, 3}
    assert any(row["joint_claimants"] for row in rows)
    assert any(hop["position"] == 2 for row in rows for a in row["appearances"] for hop in a["hops"])
    assert any(a["document"]["publisher"] is None for row in rows for a in row["appearances"])
    assert {a["wording"] is None for row in rows for a in row["appearances"]} == {True, False}
    assert any(a["wording"] and a["wording"] != row["wording"] for row in rows for a in row["appearances"])
    assert all(row["holds_on"] is not None for row in rows)
    assert timeline["independent_origins"] == 8
    assert len(api_client.get(URLS[1]).json()["estimates"]) < len(rows)
