"""The document page (body with quotes highlighted, escaped; hash; stale quotes) and the proposition page
(an inline SVG chart of every estimate, one series per claimant, with a table and independent origins)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from claims.analysis.charts import estimates_chart_svg, point_label
from claims.models import ClaimStatus
from sources.admin import render_highlighted_body
from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory, PropositionFactory
from tests.sources.factories import ActorFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def test_document_page_highlights_each_quote_and_links_its_claim(admin_client):
    appearance = AppearanceFactory()
    document = appearance.document
    content = admin_client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    claim_url = reverse("admin:claims_claim_change", args=[appearance.claim.pk])
    assert f'<a class="quote" href="{claim_url}"><mark class="q c0" data-claims="{appearance.claim.key}"' in content
    assert ">about 2,000 soldiers were killed</mark></a>" in content
    assert document.body_sha256 in content
    assert "The one quote matches the body." in content


def test_document_page_marks_each_claim_in_the_reading_views_colours_without_script(admin_client):
    document = DocumentFactory(body="The NIS said about 2,000 soldiers were killed. Putin praised the soldiers.")
    first = AppearanceFactory(document=document, quote="about 2,000 soldiers were killed", claim__key="nis-2000")
    second = AppearanceFactory(document=document, quote="Putin praised the soldiers", claim__key="putin-praise",
                               claim__status=ClaimStatus.PUBLISHED)
    content = admin_client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert '<mark class="q c0" data-claims="nis-2000"' in content and '<mark class="q c1" data-claims="putin-praise"' in content
    # The key beside the paragraph: a swatch of the same colour, the claim and its status.
    assert 'class="note c0"' in content and 'class="note c1"' in content and ">published</span>" in content
    assert "claims/reading.css" in content and "<script" not in content.split('class="reading document-quotes document-body"')[1].split("</fieldset>")[0]
    assert "All 2 quotes match the body." in content
    assert first.claim.key in content and second.claim.key in content


def test_document_body_is_escaped(admin_client):
    body = 'Hostile <script>alert("x")</script> text & "the quote" here.'
    document = DocumentFactory(body=body)
    AppearanceFactory(document=document, quote='"the quote"')
    content = admin_client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert '<script>alert("x")</script>' not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content
    assert "&quot;the quote&quot;</mark>" in content


def test_document_page_says_which_quotes_no_longer_match(admin_client, curator):
    from sources.services import document_update

    appearance = AppearanceFactory()
    document = appearance.document
    document_update(document=document, values={"body": document.body.replace("2,000", "3,000")}, by=curator)
    content = admin_client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert "1 quote no longer matches the body and needs review" in content
    assert reverse("admin:claims_appearance_change", args=[appearance.pk]) in content
    assert "<mark" not in content


def test_overlapping_quotes_are_both_highlighted():
    html = render_highlighted_body(body="abcdef", spans=[
        {"start": 0, "end": 4, "href": "/a", "title": "A"}, {"start": 2, "end": 6, "href": "/b", "title": "B"}])
    assert html.count("<mark>") == 3
    assert 'title="A; B"><mark>cd</mark>' in html


def test_point_labels_show_qualifiers():
    assert point_label({"qualifier": "approximately", "value": Decimal("2000")}) == "≈2,000"
    assert point_label({"qualifier": "at_least", "lower": Decimal("600"), "value": None}) == "≥600"
    assert point_label({"qualifier": "more_than", "lower": Decimal("10000")}) == ">10,000"
    assert point_label({"qualifier": "range", "lower": Decimal("300"), "upper": Decimal("400")}) == "300–400"
    assert point_label({"qualifier": "exact", "value": Decimal("350.0000")}) == "350"


def test_chart_draws_ranges_and_arrows_and_escapes_labels():
    svg = estimates_chart_svg(series=[
        {"label": "<NIS>", "points": [
            {"date": dt.date(2024, 12, 1), "qualifier": "at_least", "lower": Decimal("100"), "value": None, "upper": None},
            {"date": dt.date(2025, 4, 1), "qualifier": "range", "lower": Decimal("500"), "upper": Decimal("700"), "value": None},
            {"date": dt.date(2025, 9, 1), "qualifier": "approximately", "value": Decimal("2000")},
        ]},
        {"label": "North Korea", "points": [{"date": dt.date(2025, 4, 28), "qualifier": "exact", "value": Decimal("350")}]},
    ], unit="people")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count('<g class="series"') == 2 and "&lt;NIS&gt;" in svg and "<NIS>" not in svg
    assert 'class="arrow-up"' in svg and 'class="range"' in svg and "≈2,000" in svg and "≥100" in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_proposition_page_shows_chart_table_and_independent_origins(admin_client):
    deaths = PropositionFactory(key="deaths", title="Deaths among North Korean troops deployed to Russia")
    nis, kp = ActorFactory(name="NIS"), ActorFactory(name="North Korea")
    for as_of, value, qualifier in [(dt.date(2025, 1, 13), "300", "approximately"), (dt.date(2025, 9, 1), "2000", "approximately")]:
        EstimateFactory(proposition=deaths, claim=ClaimFactory(claimant=nis, status=ClaimStatus.PUBLISHED),
                        as_of=as_of, as_of_precision="day", value=Decimal(value), qualifier=qualifier)
    EstimateFactory(proposition=deaths, claim=ClaimFactory(claimant=kp, status=ClaimStatus.PUBLISHED),
                    as_of=dt.date(2025, 4, 28), as_of_precision="day", value=Decimal("350"), qualifier="exact",
                    wording="about 350")
    response = admin_client.get(reverse("admin:claims_proposition_change", args=[deaths.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count('<g class="series"') == 2
    assert "Independent origins: <strong>2</strong>" in content
    assert content.count("<tr>") >= 4 and "≈2,000" in content and "about 350" in content
    assert "<script src=" not in content.split('id="proposition-estimates"')[1].split("</fieldset>")[0]
