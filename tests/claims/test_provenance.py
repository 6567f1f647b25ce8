import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Appearance
from sources.models import Document
from tests.claims.factories import AppearanceFactory

pytestmark = pytest.mark.django_db


def test_clean_database_verifies():
    AppearanceFactory()
    call_command("verify_provenance")


def test_a_body_edited_behind_the_models_back_is_reported_and_flagged(capsys):
    appearance = AppearanceFactory()
    # Simulate corruption that bypassed save(): neither the hash nor the flags were updated.
    Document.objects.filter(pk=appearance.document_id).update(body="Something else entirely, much longer than before.")
    with pytest.raises(CommandError, match="3 problem"):  # stored hash, seal, quote
        call_command("verify_provenance")
    err = capsys.readouterr().err
    assert f"document {appearance.document.key}: body SHA-256" in err
    assert f"claim {appearance.claim.key}" in err and "expected 'about 2,000 soldiers were killed'" in err
    assert Appearance.objects.get(pk=appearance.pk).needs_review


def test_no_flag_only_reports():
    appearance = AppearanceFactory()
    Appearance.objects.filter(pk=appearance.pk).update(start=appearance.start + 1, end=appearance.end + 1)
    with pytest.raises(CommandError, match="1 problem"):
        call_command("verify_provenance", "--no-flag")
    assert not Appearance.objects.get(pk=appearance.pk).needs_review
