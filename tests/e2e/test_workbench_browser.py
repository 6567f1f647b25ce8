"""The curation workbench in a real headless Chromium (Debian's, through Playwright), on the seed data.

- a curator selects words of the seed article and makes a new claim from them (exact offsets), adds a
  selection as an appearance of an existing claim, and accepts an extraction candidate in place;
- a reviewer publishes from the review queue;
- the proposition chart's legend and date ticks;
- full-page screenshots of every admin screen at 1,400 px, each checked for horizontal overflow, saved to
  ``$FACTBASE_SCREENSHOTS`` (default ``test-artifacts/screenshots``; the folder is printed).
"""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command

from claims.analysis.charts import estimates_chart_svg
from claims.models import Appearance, Claim, ClaimStatus, Estimate, Proposition
from factbase.models import ImportRun
from sources.models import Actor, Document
from tests.e2e.conftest import WIDTH, log_in, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_QUOTE = "σύμφωνα με όσα ανέφερε η κρατική εφημερίδα KCNA την Πέμπτη"
APPEARANCE_QUOTE = "ανέφερε το KCNA"
CANDIDATE_QUOTE = "καθώς και να συναναστραφεί με"


def seed():
    call_command("import_bundle", str(settings.BASE_DIR / "seeds"), verbosity=0)
    return Document.objects.get(key="seed-000-96f8c3dbb12c4205")  # the Greek article of seeds/seed.yaml


def extraction_candidate(document, quote, key):
    """A draft as ``import_article --extract`` leaves it: first brought in by an extraction run."""
    run = ImportRun.objects.create(command="import_article", operator="test")
    claim = Claim.objects.create(key=key, claimant=Actor.objects.get(key="seed-outlet"), summary="Kim also met other leaders.",
                                 status=ClaimStatus.DRAFT, first_import_run=run, last_import_run=run)
    start = document.body.index(quote)
    Appearance.objects.create(claim=claim, document=document, quote=quote, start=start, end=start + len(quote))
    return claim


def select_text(page, text):
    """Drag the mouse over the first occurrence of ``text`` in the reading view's body, as a person would."""
    box = page.evaluate("""(text) => {
        const walker = document.createTreeWalker(document.getElementById('reading'), NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            if (node.parentElement.closest('.notes')) continue;
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            node.parentElement.scrollIntoView({block: 'center'});
            const range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + text.length);
            const rects = range.getClientRects(), first = rects[0], last = rects[rects.length - 1];
            return [first.left, first.top + first.height / 2, last.right, last.top + last.height / 2];
        }
        return null;
    }""", text)
    assert box, f"{text!r} is not a single text piece of the reading view"
    page.mouse.move(box[0] + 1, box[1])
    page.mouse.down()
    page.mouse.move(box[2] - 1, box[3], steps=8)
    page.mouse.up()
    page.wait_for_selector("#selection-panel:not([hidden])")


def test_curator_makes_claims_from_the_document_and_a_reviewer_publishes_from_the_queue(live_server, make_user, chromium,
                                                                                         shots):
    make_user("curator", groups=["curator"], is_staff=True)
    make_user("reviewer", groups=["reviewer"], is_staff=True)
    document = seed()
    candidate = extraction_candidate(document, CANDIDATE_QUOTE, "seed-x001")
    base, reading = live_server.url, f"{live_server.url}/admin/sources/document/{document.pk}/read/"

    page = log_in(chromium, base, "curator")
    page.goto(reading)
    assert page.locator("mark.q").count() >= 16 and page.locator("mark.q.candidate").count() == 1
    shoot(page, shots, "30-reading-view")
    # Hover names claimant, claim and status (generated content, so read it from the attribute shown).
    tip = page.locator("mark.q[data-claims='nis-nk-troops-russia-deaths-2025-09']").first.get_attribute("data-tip")
    assert tip.startswith("National Intelligence Service (South Korea) — nis-nk-troops-russia-deaths-2025-09 (published)")

    # 1. Select words → new claim from this quote.
    select_text(page, NEW_QUOTE)
    start = document.body.index(NEW_QUOTE)
    assert page.inner_text("#selection-span") == f"[{start}:{start + len(NEW_QUOTE)}]"
    assert page.inner_text("#selection-quote") == NEW_QUOTE
    shoot(page, shots, "31-reading-selection")
    form = page.locator("#new-claim-form")
    form.locator("input[name=key]").fill("outlet-kcna-reported-on-thursday")
    form.locator("input[name=claimant]").fill("seed-outlet")
    form.locator("select[name=kind]").select_option("statement")
    form.locator("textarea[name=summary]").fill("KCNA reported Kim's pledge and Putin's praise on Thursday.")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("ul.messagelist li.success")
    shoot(page, shots, "32-reading-new-claim-made")
    claim = Claim.objects.get(key="outlet-kcna-reported-on-thursday")
    appearance = claim.appearances.get()
    assert (appearance.start, appearance.end, appearance.quote) == (start, start + len(NEW_QUOTE), NEW_QUOTE)
    assert document.body[appearance.start:appearance.end] == appearance.quote

    # 2. Select words → add as an appearance of that (draft) claim.
    select_text(page, APPEARANCE_QUOTE)
    page.fill("#add-appearance-form input[name=claim]", claim.key)
    page.click("#add-appearance-form button[type=submit]")
    page.wait_for_selector("ul.messagelist li.success")
    second = claim.appearances.exclude(pk=appearance.pk).get()
    assert second.quote == APPEARANCE_QUOTE and document.body[second.start:second.end] == APPEARANCE_QUOTE

    # 3. Accept the extraction candidate in place.
    page.click(f"div.note[data-claim='{candidate.key}'] form.candidate-accept button")
    page.wait_for_selector("ul.messagelist li.success")
    assert "accepted" in page.inner_text("ul.messagelist")
    candidate.refresh_from_db()
    assert candidate.status == ClaimStatus.IN_REVIEW
    shoot(page, shots, "33-reading-candidate-accepted")

    # 4. The reviewer sees the count on the index and publishes from the queue in one click.
    review = log_in(chromium, base, "reviewer")
    assert "1 claim awaits review." in review.inner_text("#review-queue-box")
    shoot(review, shots, "34-admin-index")
    review.click("#review-queue-box a.review-queue-link")
    review.wait_for_selector("#review-queue")
    shoot(review, shots, "35-review-queue")
    review.click(f"tr[data-claim='{candidate.key}'] button[value=publish]")
    review.wait_for_selector("ul.messagelist li.success")
    assert f"Claim {candidate.key} published." in review.inner_text("ul.messagelist")
    assert "Nothing awaits review" in review.inner_text("#review-queue")
    shoot(review, shots, "36-review-queue-published")
    candidate.refresh_from_db()
    assert candidate.status == ClaimStatus.PUBLISHED


def test_reading_view_reads_without_javascript(live_server, make_user, chromium, shots):
    make_user("curator", groups=["curator"], is_staff=True)
    document = seed()
    extraction_candidate(document, CANDIDATE_QUOTE, "seed-x001")
    page = log_in(chromium, live_server.url, "curator", javascript=False)
    page.goto(f"{live_server.url}/admin/sources/document/{document.pk}/read/")
    assert page.locator("mark.q").count() >= 16
    assert page.locator("blockquote.translation").count() >= 15
    assert page.is_visible("text=Making claims from a selection needs JavaScript")
    assert page.is_hidden("#selection-panel")
    # The candidate's decision is a plain form: it works without script.
    page.click("div.note[data-claim='seed-x001'] form.candidate-accept button")
    page.wait_for_selector("ul.messagelist li.success")
    assert Claim.objects.get(key="seed-x001").status == ClaimStatus.IN_REVIEW
    shoot(page, shots, "37-reading-without-javascript")


def test_chart_legend_and_ticks_and_every_admin_screen_fits(live_server, make_user, chromium, shots):
    make_user("root", is_staff=True, is_superuser=True)
    document = seed()
    extraction_candidate(document, CANDIDATE_QUOTE, "seed-x001")
    deaths = Proposition.objects.get(key="nk-troops-russia-deaths")
    # Three years of estimates by two more claimants, one of them a party to the war (interested).
    analysts = Actor.objects.create(key="isw", name="Institute for the Study of War, Washington D.C. (analysts)", kind="ngo")
    ministry = Actor.objects.create(key="kp-mod", name="Ministry of National Defence of the DPRK", kind="military", country="KP")
    for n in range(12):
        for actor, interested, value in ((analysts, False, 100 + 150 * n), (ministry, True, 50 + 30 * n)):
            claim = Claim.objects.create(key=f"{actor.key}-{n}", claimant=actor, summary=f"Estimate {n}.", interested=interested,
                                         status=ClaimStatus.PUBLISHED, stated_on=dt.date(2023, 1, 1) + dt.timedelta(days=90 * n))
            Estimate.objects.create(claim=claim, proposition=deaths, qualifier="range" if n % 4 == 0 else "approximately",
                                    value=Decimal(value), lower=Decimal(value - 40) if n % 4 == 0 else None,
                                    upper=Decimal(value + 40) if n % 4 == 0 else None,
                                    as_of=dt.date(2023, 1, 1) + dt.timedelta(days=90 * n))
    base = live_server.url
    page = log_in(chromium, base, "root")

    page.goto(f"{base}/admin/claims/proposition/{deaths.pk}/change/")
    chart = page.locator("#proposition-estimates svg.estimates-chart")
    ticks = chart.locator("text.tick").all_text_contents()
    assert 2 <= len(ticks) <= 7 and len(set(ticks)) == len(ticks), ticks
    assert all(re.fullmatch(r"\d{4}(-\d{2})?", tick) for tick in ticks), ticks
    legend = chart.locator("g.legend").text_content()
    for name in ("National Intelligence Service (South Korea)", "Institute for the Study of War, Washington D.C. (analysts)",
                 "Ministry of National Defence of the DPRK (interested party)"):
        assert name.replace(" ", "") in legend.replace(" ", "").replace("\n", ""), legend
    # Every legend line is inside the chart's box (nothing cut off at the edge).
    chart_box = chart.bounding_box()
    for line in chart.locator("g.legend text").all():
        box = line.bounding_box()
        assert box["x"] + box["width"] <= chart_box["x"] + chart_box["width"], line.text_content()
    assert "range (band)" in chart.locator("g.marker-key").text_content()
    # The ministry and, from the second seed bundle, North Korea itself are parties to the war.
    assert chart.locator("g.series.interested").count() >= 1 and chart.locator(".band").count() >= 1
    shoot(page, shots, "40-proposition-chart")

    # The public SVG, embedded as a newsroom would: an <img> on a page of its own.
    embed = chromium.new_page(viewport={"width": WIDTH, "height": 900})
    embed.set_content(f'<img id="chart" src="{base}/charts/propositions/{deaths.key}.svg" alt="chart">')
    embed.wait_for_function("document.getElementById('chart').complete")
    assert embed.evaluate("document.getElementById('chart').naturalWidth") == 760
    embed.screenshot(path=str(shots / "41-public-chart-embedded.png"))
    embed.close()

    # The chart with 1, 5 and 40 estimates over a week, a year and three years, side by side, to look at.
    from tests.claims.test_charts import series_of

    sheet = chromium.new_page(viewport={"width": 2320, "height": 900})
    spans = {7: "a week", 365: "a year", 3 * 365: "three years"}
    sheet.set_content("".join(
        '<div style="display:inline-block;margin:2px;border:1px solid #ccc">' + estimates_chart_svg(
            series=series_of(count, days), unit="people", standalone=True,
            title=f"{count} estimate{'' if count == 1 else 's'} over {spans[days]}") + "</div>"
        for count in (1, 5, 40) for days in spans
    ))
    sheet.screenshot(path=str(shots / "42-chart-spans.png"), full_page=True)
    sheet.close()

    # A Korean article as extraction leaves it: candidates in place, dated by the article where their
    # sentence names no day of its own.
    call_command("import_article", str(settings.BASE_DIR / "tests" / "claims" / "articles" / "ko_01.txt"), "--extract",
                 verbosity=0)
    korean = Document.objects.get(key="2025-09-04-ko_01")
    page.goto(f"{base}/admin/sources/document/{korean.pk}/read/")
    assert page.locator("mark.q.candidate").count() >= 3
    notes = page.inner_text("#reading")
    assert "unknown date" not in notes and "2025-09-04 (document's date)" in notes
    shoot(page, shots, "43-reading-extracted-korean")

    claim = Claim.objects.get(key="nis-nk-troops-russia-deaths-2025-09")
    estimate = claim.estimates.first()
    appearance = claim.appearances.first()
    screens = {
        "admin-index": "/admin/",
        "claim-list": "/admin/claims/claim/",
        "claim-page": f"/admin/claims/claim/{claim.pk}/change/",
        "claim-history": f"/admin/claims/claim/{claim.pk}/history/",
        "claim-past-version": f"/admin/claims/claim/{claim.pk}/history/{claim.history.last().history_id}/",
        "claim-add": "/admin/claims/claim/add/",
        "document-list": "/admin/sources/document/",
        "document-page": f"/admin/sources/document/{document.pk}/change/",
        "document-reading": f"/admin/sources/document/{document.pk}/read/",
        "appearance-list": "/admin/claims/appearance/",
        "appearance-page": f"/admin/claims/appearance/{appearance.pk}/change/",
        "estimate-list": "/admin/claims/estimate/",
        "estimate-page": f"/admin/claims/estimate/{estimate.pk}/change/",
        "proposition-list": "/admin/claims/proposition/",
        "stance-list": "/admin/claims/claimstance/",
        "relation-list": "/admin/claims/claimrelation/",
        "hop-list": "/admin/claims/attributionhop/",
        "actor-list": "/admin/sources/actor/",
        "actor-page": f"/admin/sources/actor/{Actor.objects.get(key='nis').pk}/change/",
        "alias-list": "/admin/sources/actoralias/",
        "proposed-actor-list": "/admin/sources/proposedactor/",
        "import-run-list": "/admin/factbase/importrun/",
        "review-queue": "/admin/claims/claim/review-queue/",
        "capture-jobs": "/admin/capture/capturejob/",
        "lockouts": "/admin/security/loginlockout/",
    }
    for number, (name, path) in enumerate(screens.items(), start=44):
        response = page.goto(f"{base}{path}")
        assert response.status == 200, (path, response.status)
        shoot(page, shots, f"{number}-{name}")
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/history/")
    history = page.inner_text("#change-history")
    assert "None" not in history and "pk=" not in history
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", history) and not re.search(r"\d{2}:\d{2}:\d{2}\.\d", history)
