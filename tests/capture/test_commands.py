"""capture_url and capture_worker, as an operator runs them."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Claim, ClaimStatus
from sources.capture.models import CaptureJob
from sources.models import Document
from tests.sources.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(capsys):
    def run_command(*args):
        call_command("capture_url", *args)
        return capsys.readouterr()
    return run_command


def test_capture_url_captures_in_the_foreground(site, run):
    out = run(site.url("/news/seoul-2000.html"), site.url("/ko/article.html")).out
    jobs = list(CaptureJob.objects.order_by("id"))
    assert [job.state for job in jobs] == ["done", "done"]
    assert f"capture job #{jobs[0].pk}: document 2025-09-04-seoul-says-2000-north-korean-soldiers-killed-fighting-for-ru created (en," in out
    assert f"capture job #{jobs[1].pk}: document 2025-09-04-article created (ko," in out


def test_capture_url_extract_proposes_draft_claims_as_import_article_does(site, run):
    ActorFactory(key="nis", name="National Intelligence Service", kind="intelligence_agency", country="KR")
    out = run(site.url("/news/seoul-2000.html"), "--extract").out
    document = Document.objects.get()
    claims = Claim.objects.filter(appearances__document=document).distinct()
    assert claims.exists() and set(claims.values_list("status", flat=True)) == {ClaimStatus.DRAFT}
    assert f"{claims.count()} draft claims" in out
    for appearance in document.appearances.all():
        assert document.body[appearance.start:appearance.end] == appearance.quote
    job = CaptureJob.objects.get()
    assert set(claims.values_list("first_import_run", flat=True)) == {job.import_run_id}


def test_capture_url_reports_failures_and_exits_non_zero(site, run):
    with pytest.raises(CommandError, match=r"1 of 2 capture\(s\) failed"):
        run(site.url("/news/seoul-2000.html"), site.url("/image.png"))
    assert CaptureJob.objects.filter(state="failed").count() == 1


@pytest.mark.parametrize("args, message", [
    (["not-an-address"], "'not-an-address' is not an http:// or https:// address"),
    (["ftp://files.example/a.txt"], "'ftp://files.example/a.txt' is not an http:// or https:// address"),
    (["http://news.example/a", "--date", "2025-13-01"], "--date '2025-13-01' is not a date in the form YYYY-MM-DD"),
    (["http://news.example/a", "--publisher", "nobody"], "--publisher 'nobody': no actor has this key"),
    (["http://news.example/a", "--queue", "--extract"], "--extract runs in the foreground"),
    (["http://news.example/a", "--queue"], "--queue needs a job queue: set CELERY_BROKER_URL"),
])
def test_bad_arguments_are_refused_before_anything_is_recorded(args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        call_command("capture_url", *args)
    assert CaptureJob.objects.count() == 0


def test_capture_worker_needs_a_broker():
    with pytest.raises(CommandError, match="CELERY_BROKER_URL is not set"):
        call_command("capture_worker")
