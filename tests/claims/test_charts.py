"""Charts that read at a glance: ticks for any span, a full legend, the marker key, interested claimants
apart, range bands; and the public standalone SVG of published estimates."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from claims.analysis.charts import MAX_TICKS, estimates_chart_svg, time_ticks
from claims.models import ClaimStatus
from tests.claims.factories import ClaimFactory, EstimateFactory, PropositionFactory
from tests.sources.factories import ActorFactory

LONG_NAME = "Lee Seong-kweun, member of the National Assembly Intelligence Committee"
NAMES = ["National Intelligence Service (South Korea)", "Korean Central News Agency", LONG_NAME,
         "Institute for the Study of War", "Ministry of Defence of Ukraine"]


def series_of(count, days):
    start, series = dt.date(2024, 12, 1), {}
    for i in range(count):
        name = NAMES[i % len(NAMES)]
        point = {"date": start + dt.timedelta(days=days * i // max(count - 1, 1)), "value": Decimal(100 + 50 * i),
                 "lower": None, "upper": None, "qualifier": "exact", "wording": f"about {100 + 50 * i}"}
        series.setdefault(name, {"label": name, "interested": name.startswith("Korean"), "points": []})["points"].append(point)
    return list(series.values())


def tick_labels(svg):
    return re.findall(r'<text class="tick"[^>]*>([^<]+)</text>', svg)


@pytest.mark.parametrize("count", [1, 5, 40])
@pytest.mark.parametrize("days, pattern", [(7, r"\d{4}-\d{2}-\d{2}"), (365, r"\d{4}-\d{2}"), (3 * 365, r"\d{4}(-\d{2})?")])
def test_ticks_are_distinct_and_fit_any_span(count, days, pattern):
    svg = estimates_chart_svg(series=series_of(count, days), unit="people")
    labels = tick_labels(svg)
    assert 2 <= len(labels) <= MAX_TICKS, labels
    assert len(set(labels)) == len(labels), labels
    assert all(re.fullmatch(pattern if count > 1 else r"\d{4}-\d{2}-\d{2}", label) for label in labels), labels
    positions = [float(x) for x in re.findall(r'<text class="tick" x="([\d.]+)"', svg)]
    assert positions == sorted(positions) and min(b - a for a, b in zip(positions, positions[1:])) >= 70


def test_time_ticks_choose_the_unit_from_the_span():
    assert [t for t, _ in time_ticks(dt.date(2025, 9, 1), dt.date(2025, 9, 4))][:2] == [dt.date(2025, 9, 1), dt.date(2025, 9, 2)]
    months = time_ticks(dt.date(2024, 12, 10), dt.date(2025, 9, 4))
    assert all(t.day == 1 for t, _ in months) and months[0][1] == "2025-01"
    years = time_ticks(dt.date(2015, 3, 1), dt.date(2025, 9, 4))
    assert [label for _, label in years] == ["2016", "2018", "2020", "2022", "2024"]


def test_legend_names_every_claimant_in_full_and_marks_interested_ones():
    svg = estimates_chart_svg(series=series_of(40, 365))
    legend = svg[svg.index('<g class="legend">'):]
    for name in NAMES:
        assert f"<title>{name}</title>" in legend  # the full name on hover
    wrapped = "".join(re.findall(r'<text x="\d+" y="\d+" font-size="12">([^<]+)</text>', legend))
    assert wrapped.replace(" ", "") == "".join(n + (" (interested party)" if n.startswith("Korean") else "") for n in NAMES).replace(" ", "")
    assert svg.count('class="series interested"') == 1
    assert "interested party: the claimant is a party to what it describes" in svg


def test_marker_key_explains_qualifiers_and_ranges_are_bands():
    svg = estimates_chart_svg(series=[{"label": "NIS", "points": [
        {"date": dt.date(2025, 1, 1), "qualifier": "range", "lower": Decimal(300), "upper": Decimal(400), "value": None},
        {"date": dt.date(2025, 4, 1), "qualifier": "range", "lower": Decimal(500), "upper": Decimal(700), "value": None},
        {"date": dt.date(2025, 6, 1), "qualifier": "at_most", "upper": Decimal(900), "value": None, "lower": None},
    ]}])
    assert '<polygon class="band"' in svg
    for words in ("exact", "approximate (≈)", "at least, more than (≥ &gt;)", "at most, fewer than (≤ &lt;)", "range (band)"):
        assert words in svg


def test_point_labels_give_way_to_hover_text_when_crowded():
    crowded = estimates_chart_svg(series=series_of(40, 365))
    assert "<title>Institute for the Study of War, " in crowded and ">150</text>" not in crowded
    assert ">150</text>" in estimates_chart_svg(series=series_of(5, 365))


@pytest.mark.django_db
def test_public_chart_is_an_svg_of_published_claims_only(client):
    deaths = PropositionFactory(key="nk-deaths", title="Deaths", unit="people")
    nis = ActorFactory(name="National Intelligence Service")
    EstimateFactory(proposition=deaths, claim=ClaimFactory(claimant=nis, status=ClaimStatus.PUBLISHED),
                    as_of=dt.date(2025, 9, 1), value=Decimal(2000), qualifier="approximately")
    EstimateFactory(proposition=deaths, claim=ClaimFactory(claimant=ActorFactory(name="Secret draft"), status=ClaimStatus.DRAFT),
                    as_of=dt.date(2025, 4, 1), value=Decimal(1))
    response = client.get(reverse("proposition-chart-svg", args=["nk-deaths"]))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert "public" in response["Cache-Control"] and response["Cross-Origin-Resource-Policy"] == "cross-origin"
    body = response.content.decode()
    assert body.startswith("<svg") and "National Intelligence Service" in body and "Secret draft" not in body


@pytest.mark.django_db
def test_public_chart_ignores_who_asks(admin_client):
    deaths = PropositionFactory(key="nk-deaths")
    EstimateFactory(proposition=deaths, claim=ClaimFactory(claimant=ActorFactory(name="Secret draft"), status=ClaimStatus.DRAFT),
                    as_of=dt.date(2025, 4, 1), value=Decimal(1))
    assert "Secret draft" not in admin_client.get(reverse("proposition-chart-svg", args=["nk-deaths"])).content.decode()


@pytest.mark.django_db
def test_public_chart_of_an_unknown_proposition_is_a_404(client):
    assert client.get("/charts/propositions/no-such-thing.svg").status_code == 404


@pytest.mark.django_db
def test_public_chart_query_count(client, django_assert_num_queries):
    deaths = PropositionFactory(key="nk-deaths")
    for n in range(4):
        EstimateFactory(proposition=deaths, claim=ClaimFactory(status=ClaimStatus.PUBLISHED), as_of=dt.date(2025, 1 + n, 1))
    # the proposition, the estimates (with claims and claimants), joint claimants, their appearances (none: no hops,
    # no wordings); the independent origins are the series, no query
    with django_assert_num_queries(4):
        client.get(reverse("proposition-chart-svg", args=["nk-deaths"]))
    for n in range(6):
        EstimateFactory(proposition=deaths, claim=ClaimFactory(status=ClaimStatus.PUBLISHED), as_of=dt.date(2025, 6, 1 + n))
    with django_assert_num_queries(4):
        client.get(reverse("proposition-chart-svg", args=["nk-deaths"]))
