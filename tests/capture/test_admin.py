"""Capture from the admin: paste an address, follow the job, open the document."""

import pytest
from django.urls import reverse

from sources.capture.models import CaptureJob

pytestmark = pytest.mark.django_db
ADD = reverse("admin:capture_capturejob_add")
LIST = reverse("admin:capture_capturejob_changelist")


def job_page(job):
    return reverse("admin:capture_capturejob_change", args=[job.pk])


@pytest.fixture
def submit(client, curator, django_capture_on_commit_callbacks):
    client.force_login(curator)

    def post(url, **fields):
        data = {"url": url, "kind": "news_article", "published_on": "", "publisher": "", **fields}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(ADD, data)
        return response

    return post


def test_the_capture_page_says_how_the_capture_will_run(client, curator):
    client.force_login(curator)
    page = client.get(ADD).content.decode()
    assert "Capture a page from its address" in page
    assert "When you press Save, the page is captured: it runs now, in this request (no job queue is configured)." in page


def test_pasting_an_address_captures_it_and_the_job_page_links_the_document(site, client, submit, curator):
    response = submit(site.url("/news/seoul-2000.html"))
    job = CaptureJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job_page(job)
    assert job.requested_by == curator and job.state == "done"
    page = client.get(job_page(job)).content.decode()
    assert "done — document created" in page
    document_url = reverse("admin:sources_document_change", args=[job.document_id])
    assert f'<a class="capture-document" href="{document_url}">' in page
    assert 'http-equiv="refresh"' not in page
    document_page = client.get(document_url).content.decode()
    assert "about 2,000 North Korean soldiers" in document_page and job.document.warc_payload_digest in document_page


def test_a_failed_capture_shows_its_error(site, client, submit):
    submit(site.url("/image.png"))
    job = CaptureJob.objects.get()
    page = client.get(job_page(job)).content.decode()
    assert job.state == "failed"
    assert "image/png is not captured; only HTML, plain text and PDF are" in page


def test_an_unfinished_job_page_refreshes_itself(client, curator):
    job = CaptureJob.objects.create(url="https://news.example/a")
    client.force_login(curator)
    page = client.get(job_page(job)).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page and "queued" in page


def test_an_address_that_is_not_http_is_refused_by_the_form(client, curator):
    client.force_login(curator)
    response = client.post(ADD, {"url": "ftp://files.example/a", "kind": "news_article"})
    assert response.status_code == 200 and CaptureJob.objects.count() == 0
    assert "Enter a valid URL." in response.content.decode()


def test_capture_again_submits_new_jobs_and_keeps_the_old_ones(site, client, submit):
    submit(site.url("/down.html"))
    failed = CaptureJob.objects.get()
    site_hits_before = len(site.hits)
    response = client.post(LIST, {"action": "capture_again", "_selected_action": [failed.pk]})
    assert response.status_code == 302
    assert CaptureJob.objects.count() == 2 and CaptureJob.objects.get(pk=failed.pk).state == "failed"
    assert len(site.hits) >= site_hits_before


def test_jobs_cannot_be_edited(client, curator):
    job = CaptureJob.objects.create(url="https://news.example/a")
    client.force_login(curator)
    response = client.post(job_page(job), {"url": "https://elsewhere.example/"})
    assert response.status_code == 403
    assert CaptureJob.objects.get(pk=job.pk).url == "https://news.example/a"


def test_staff_without_document_permissions_cannot_capture(client, make_user):
    client.force_login(make_user("visitor", is_staff=True))
    assert client.get(ADD).status_code == 403
    assert client.get(LIST).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(ADD)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
