"""The over-HTTP benchmark's yardstick (``bench/lib/raw_app.py``, plain SQL and orjson) answers what the API answers.

``bench/http`` divides the API's time by the yardstick's for the same URLs: the ratio is fair only when both
write the same JSON. For every kind of URL the benchmark asks — the claims list (default page, ``page_size``,
``claimant`` + ``stated_on`` dates, ``q``), a claim's detail, a proposition's timeline — the parsed JSON of the
API (Django's test client, an anonymous reader) and of the yardstick (its WSGI ``application``, on its own
psycopg connection to the test database) must be equal, field for field; the pagination cursors only as
present or absent (each writes its own). The data has what the generated benchmark data lacks: joint
claimants, parallel hops with medium and dates, recorded wordings, several appearances per claim, drafts.

PostgreSQL only (the yardstick is written for it): asked for on SQLite, the test fails.
"""

import datetime as dt
import os
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

import orjson
import pytest
from django.db import connection

from bench.lib import raw_app
from claims.models import Appearance, EstimateWording, JointClaimant
from tests.claims.factories import (
    AppearanceFactory,
    AttributionHopFactory,
    ClaimFactory,
    ClaimStanceFactory,
    EstimateFactory,
    PropositionFactory,
    varied_estimates,
)
from tests.sources.factories import ActorFactory, DocumentFactory

BODY = ("Officials said about 2,000 soldiers were killed and 4,700 wounded; at least about 100 more. "
        "Περίπου 2.000 στρατιώτες σκοτώθηκαν, είπε η υπηρεσία. The zeppelinium report was leaked.")
QUOTE = "about 2,000 soldiers were killed"
GREEK = "Περίπου 2.000 στρατιώτες σκοτώθηκαν"


def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.fail("asked for a PostgreSQL test (marked postgresql) on SQLite: set DATABASE_URL to PostgreSQL")


def build():
    """Claims with every part the API shows, several times over; returns the keys the URLs need."""
    nis = ActorFactory(key="nis", name="National Intelligence Service", kind="intelligence_agency", country="KR")
    western = ActorFactory(key="western-intel", name="Western intelligence", kind="unnamed_group")
    kcna = ActorFactory(key="kcna", name="Korean Central News Agency", kind="state_media", country="KP")
    yonhap = ActorFactory(key="yonhap", name="Yonhap", kind="news_agency", country="KR")
    lawmakers = [ActorFactory(key=f"lawmaker-{n}", name=f"Lawmaker {n}", kind="legislator", country="KR") for n in (1, 2)]
    subjects = [ActorFactory(name=name) for name in ("Zeta group", "alpha analysts", "Ωμέγα", "Beta")]
    documents = [
        DocumentFactory(body=BODY, published_on=dt.date(2025, 9, 4), published_time=dt.time(18, 30)),
        DocumentFactory(body=BODY, published_on=dt.date(2025, 9, 4), published_time=None, publisher=None),
        DocumentFactory(body=BODY, published_on=dt.date(2025, 9, 4), published_time=dt.time(6, 0), language="el"),
        DocumentFactory(body=BODY, published_on=dt.date(2025, 1, 7), language="ko", url="https://news.example/a b?c=d"),
        DocumentFactory(body=BODY, published_on=dt.date(2026, 2, 1)),
    ]
    deaths = PropositionFactory(key="deaths", title="Deaths among the troops", cumulative=True)
    wounded = PropositionFactory(key="wounded", measure="wounded", unit="people")

    # The joint claim: a lead and two joint claimants, five appearances (two with hops in parallel at one step),
    # estimates of every kind, recorded wordings, stances.
    joint = ClaimFactory(key="joint", claimant=nis, status="published", kind="estimate", hedge="estimated",
                         stated_on=dt.date(2025, 9, 3), stated_on_precision="week", interested=True, verdict="corroborated",
                         credibility=2, assessed_at=dt.datetime(2025, 9, 5, 13, 14, 15, 123456, tzinfo=dt.UTC),
                         location="Kursk", location_country="RU", rationale="Several «independent» reports.")
    joint.subjects.add(*subjects)
    for position, actor in ((3, kcna), (2, western)):
        JointClaimant.objects.create(claim=joint, actor=actor, position=position)
    appearances = [AppearanceFactory(claim=joint, document=document, quote=QUOTE) for document in documents[:2]]
    appearances += [AppearanceFactory(claim=joint, document=document, quote=GREEK) for document in documents[2:]]
    Appearance.objects.filter(pk=appearances[0].pk).update(
        translation="περίπου 2.000", translation_language="el", stated_on=dt.date(2025, 9, 3), stated_on_precision="day",
        medium="closed_briefing",
    )
    for appearance in appearances[:3]:
        AttributionHopFactory(appearance=appearance, position=2, actor=lawmakers[0], relation="paraphrased",
                              medium="press_conference", passed_on=dt.date(2025, 9, 1), passed_on_precision="week")
        AttributionHopFactory(appearance=appearance, position=1, actor=yonhap, relation="reported", language="ko",
                              medium="wire_copy")
        AttributionHopFactory(appearance=appearance, position=2, actor=lawmakers[1], relation="briefed")
    estimates = varied_estimates(joint, deaths, wounded)
    EstimateWording.objects.create(estimate=estimates[0], appearance=appearances[2], wording="Περίπου 2.000", offset=0)
    EstimateWording.objects.create(estimate=estimates[0], appearance=appearances[3], wording="2.000", offset=8)
    for proposition, stance in ((wounded, "mentions"), (deaths, "estimates"), (PropositionFactory(), "refutes")):
        ClaimStanceFactory(claim=joint, proposition=proposition, stance=stance)

    # A series of estimates by several claimants for the timeline, as-of dates missing in some (the timeline then
    # orders them by period, stated or published date); drafts that nobody outside may see.
    for n in range(12):
        claimant = (nis, kcna, yonhap)[n % 3]
        claim = ClaimFactory(key=f"series-{n}", claimant=claimant, status="published", kind="estimate",
                             stated_on=dt.date(2024, 1 + n % 12, 1 + n), summary=f"Estimate {n} of the deaths in Kursk.")
        AppearanceFactory(claim=claim, document=documents[n % len(documents)], quote=QUOTE if n % 2 else GREEK)
        EstimateFactory(claim=claim, proposition=deaths, value=Decimal(100 * (n + 1)),
                        qualifier=("approximately", "exact", "more_than", "at_most")[n % 4],
                        lower=Decimal(100 * (n + 1)) if n % 4 == 2 else None,
                        upper=Decimal(100 * (n + 1)) if n % 4 == 3 else None,
                        as_of=None if n % 5 == 0 else dt.date(2024, 1 + n % 12, 10), as_of_precision="day",
                        wording="about 2,000" if n % 3 else "not in the quote")
    draft = ClaimFactory(key="draft", claimant=nis, status="draft", stated_on=dt.date(2025, 9, 4))
    JointClaimant.objects.create(claim=draft, actor=western, position=2)
    AppearanceFactory(claim=draft, document=documents[0], quote=QUOTE)
    EstimateFactory(claim=draft, proposition=deaths, value=Decimal(5000))
    # Enough claims for more than a page; one whose only match for "zeppelinium" is in its quote.
    for n in range(55):
        claim = ClaimFactory(key=f"filler-{n}", claimant=lawmakers[n % 2], status="published" if n % 7 else "in_review",
                             stated_on=dt.date(2023, 1 + n % 12, 1 + n % 28))
        AppearanceFactory(claim=claim, document=documents[n % len(documents)],
                          quote="The zeppelinium report was leaked" if n == 30 else QUOTE)
    return {"joint": joint.key, "busiest": deaths.key, "small": wounded.key}


def api_json(client, path):
    response = client.get(path, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, (path, response.content[:500])
    return orjson.loads(response.content)


def raw_json(path):
    target, _, query = path.partition("?")
    captured = {}

    def start_response(status, headers):
        captured["status"] = status

    body = b"".join(raw_app.application(
        {"REQUEST_METHOD": "GET", "PATH_INFO": target, "QUERY_STRING": query, "HTTP_HOST": "testserver",
         "wsgi.url_scheme": "http"}, start_response,
    ))
    assert captured["status"].startswith("200"), (path, captured["status"], body[:500])
    return orjson.loads(body)


def differences(api, raw, where=""):
    """Where ``raw`` differs from ``api`` (field paths), the pagination cursors compared as present/absent."""
    if isinstance(api, dict) and isinstance(raw, dict):
        found = [f"{where}.{key}: only in the API" for key in api.keys() - raw.keys()]
        found += [f"{where}.{key}: only in the yardstick" for key in raw.keys() - api.keys()]
        for key in api.keys() & raw.keys():
            if key in ("next", "previous") and where == "":
                if (api[key] is None) != (raw[key] is None):
                    found.append(f".{key}: {api[key]!r} vs {raw[key]!r}")
            else:
                found += differences(api[key], raw[key], f"{where}.{key}")
        return found
    if isinstance(api, list) and isinstance(raw, list):
        found = [] if len(api) == len(raw) else [f"{where}: {len(api)} items vs {len(raw)}"]
        for index, (a, r) in enumerate(zip(api, raw)):
            found += differences(a, r, f"{where}[{index}]")
        return found
    if api != raw or type(api) is not type(raw):  # 2000.0 is not 2000, True is not 1
        return [f"{where}: {api!r} vs {raw!r}"]
    return []


@pytest.fixture
def yardstick(monkeypatch):
    """``raw_app`` on its own connection to the test database (it reads ``DATABASE_URL``), closed afterwards."""
    _require_postgresql()
    parts = urlsplit(os.environ["DATABASE_URL"])
    monkeypatch.setenv("DATABASE_URL", urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}")))
    monkeypatch.setattr(raw_app, "_connection", None)
    yield raw_app
    if raw_app._connection is not None:
        raw_app._connection.close()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # committed: the yardstick reads on its own connection
def test_the_yardstick_answers_what_the_api_answers(client, yardstick):
    keys = build()
    paths = [
        "/api/v1/claims/",
        "/api/v1/claims/?page_size=200",
        "/api/v1/claims/?page_size=10",
        "/api/v1/claims/?claimant=nis&stated_on_after=2024-01-01&stated_on_before=2025-12-31",
        "/api/v1/claims/?claimant=western-intel&stated_on_after=2025-01-01&stated_on_before=2025-12-31",  # joint only
        "/api/v1/claims/?claimant=lawmaker-1&stated_on_after=2023-01-01&stated_on_before=2023-06-30&page_size=5",
        "/api/v1/claims/?q=kursk",
        "/api/v1/claims/?q=Western",  # a joint claimant's name only
        "/api/v1/claims/?q=intelligence",  # a lead claimant's name, and a joint claimant's
        "/api/v1/claims/?q=zeppelinium",  # a quote only
        "/api/v1/claims/?q=στρατιωτεσ",  # accents and case folded
        "/api/v1/claims/?q=nomatchanywhere",
        f"/api/v1/claims/{keys['joint']}/",
        "/api/v1/claims/series-3/",
        f"/api/v1/propositions/{keys['busiest']}/timeline/",
        f"/api/v1/propositions/{keys['small']}/timeline/",
    ]
    for path in paths:
        api, raw = api_json(client, path), raw_json(path)
        assert differences(api, raw) == [], path
    # What the comparisons covered: the joint claim with its claimants, hops and wordings, more than a page,
    # a timeline with every appearance and the series of each claimant.
    joint = api_json(client, f"/api/v1/claims/{keys['joint']}/")
    assert [actor["key"] for actor in joint["joint_claimants"]] == ["western-intel", "kcna"]
    assert len(joint["appearances"]) == 5
    mediums = {hop["medium"] for appearance in joint["appearances"] for hop in appearance["hops"]}
    assert mediums == {"wire_copy", "press_conference", ""}
    assert api_json(client, "/api/v1/claims/?page_size=10")["next"] is not None
    assert [claim["key"] for claim in api_json(client, "/api/v1/claims/?q=Western")["results"]] == ["joint"]
    timeline = api_json(client, f"/api/v1/propositions/{keys['busiest']}/timeline/")
    assert len(timeline["estimates"]) == 15  # the draft's is hidden
    assert timeline["independent_origins"] == 4  # nis, kcna, yonhap and western-intel (joint)
    assert {appearance["wording"] for estimate in timeline["estimates"] for appearance in estimate["appearances"]} >= {
        "Περίπου 2.000", "2.000", "about 2,000", None}


def test_differences_sees_a_missing_field_a_value_and_a_number_type():
    """The comparison itself: it would report what the yardstick used to leave out."""
    api = {"next": "x", "previous": None,
           "results": [{"id": 1, "joint_claimants": [], "value": 2000.0, "hops": [{"medium": None}]}]}
    assert differences(api, {**api, "next": "y"}) == []
    assert differences(api, {**api, "next": None}) == [".next: 'x' vs None"]
    assert differences(api, {**api, "results": [{"id": 1, "value": 2000.0, "hops": [{"medium": None}]}]}) == [
        ".results[0].joint_claimants: only in the API"]
    assert differences(api, {**api, "results": [{"id": 1, "joint_claimants": [], "value": 2000.0, "hops": [{}]}]}) == [
        ".results[0].hops[0].medium: only in the API"]
    assert differences({"value": 2000.0}, {"value": 2000}) == [".value: 2000.0 vs 2000"]
    assert differences({"interested": True}, {"interested": 1}) == [".interested: True vs 1"]
