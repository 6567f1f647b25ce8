"""Capture tests: a local fixture site, archives in a temporary folder, private addresses allowed for
loopback (the fixture site is on 127.0.0.1) unless a test says otherwise, captures inline by default."""

import pytest

from tests.capture.server import FixtureServer


@pytest.fixture
def site():
    with FixtureServer() as server:
        yield server


@pytest.fixture(autouse=True)
def capture_settings(settings, tmp_path):
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = True
    settings.CAPTURE_ALLOWED_NETWORKS = []
    settings.CELERY_BROKER_URL = ""
    settings.CAPTURE_RETRY_DELAY = 0.2
    settings.CAPTURE_RETRY_DELAY_MAX = 1
    settings.CAPTURE_TIMEOUT = 10
    settings.STORAGES = {
        **settings.STORAGES,
        "captures": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                     "OPTIONS": {"location": str(tmp_path / "archives")}},
    }
    return settings


@pytest.fixture
def archives(tmp_path):
    return tmp_path / "archives"


@pytest.fixture
def capture(db, django_capture_on_commit_callbacks):
    """Capture ``url`` inline (as the admin and capture_url do without a queue); the finished job. The job
    runs when its transaction commits: the test's transaction never does, so its callbacks run here."""
    from sources.capture.jobs import capture_job_submit
    from sources.capture.models import CaptureJob

    def run(url, **options):
        with django_capture_on_commit_callbacks(execute=True):
            job = capture_job_submit(url=url, queue=False, **options)
        return CaptureJob.objects.select_related("document").get(pk=job.pk)

    return run
