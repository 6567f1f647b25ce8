"""Archives through Django's storage API: a folder by default, an S3-compatible bucket in production."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from sources.capture.storage import archive_name, archive_open, archive_store


def test_an_archive_is_stored_once_under_its_name(archives):
    name = archive_name(payload=b"<html>same</html>", url="https://news.example/a")
    assert archive_store(name=name, data=b"first") == (name, True)
    assert archive_store(name=name, data=b"second") == (name, False)
    with archive_open(name) as stream:
        assert stream.read() == b"first"


def test_the_same_bytes_at_two_addresses_are_two_archives():
    first = archive_name(payload=b"<html>same</html>", url="https://news.example/a")
    second = archive_name(payload=b"<html>same</html>", url="https://mirror.example/a")
    assert first != second and first.split("-")[0] == second.split("-")[0]


def test_a_bucket_setting_selects_the_s3_backend():
    env = {**os.environ, "CAPTURE_S3_BUCKET": "factbase-archives", "CAPTURE_S3_ENDPOINT_URL": "https://s3.example",
           "CAPTURE_S3_REGION": "eu-west-1", "DJANGO_SETTINGS_MODULE": "factbase.settings"}
    code = "import django; django.setup(); from django.conf import settings; import json; print(json.dumps(settings.STORAGES['captures']))"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=django_settings.BASE_DIR, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "factbase-archives", "endpoint_url": "https://s3.example", "region_name": "eu-west-1",
                    "location": "captures", "default_acl": "private", "querystring_auth": True, "file_overwrite": False},
    }


@pytest.fixture
def s3_bucket(settings, monkeypatch):
    """An S3 API on loopback (moto's server, not a real bucket) and the captures storage pointed at it with
    the options the production settings use."""
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    endpoint = f"http://127.0.0.1:{port}"
    import boto3

    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket="factbase-archives")
    settings.STORAGES = {**settings.STORAGES, "captures": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": "factbase-archives", "endpoint_url": endpoint, "region_name": "us-east-1",
                    "location": "captures", "default_acl": "private", "querystring_auth": True, "file_overwrite": False},
    }}
    yield client
    server.stop()


def test_captures_are_archived_in_the_bucket_and_verified_from_it(site, capture, s3_bucket, capsys):
    first = capture(site.url("/news/seoul-2000.html"))
    again = capture(site.url("/news/seoul-2000.html"))
    keys = [item["Key"] for item in s3_bucket.list_objects_v2(Bucket="factbase-archives")["Contents"]]
    assert keys == [f"captures/{first.warc_archive}"]
    assert (first.outcome, again.outcome, again.warc_record_id) == ("created", "unchanged", first.warc_record_id)
    call_command("verify_provenance")
    assert "re-read the archived response of 1 captured documents" in capsys.readouterr().out
