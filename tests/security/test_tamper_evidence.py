"""Tamper evidence that does not trust the row it checks: a document body edited in the database together
with the hash stored beside it is still caught, because the body's keyed seal (written by the application,
signed with a key the database does not hold) describes the body as the application wrote it."""

import importlib
import io
import json

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import connection

from factbase.security.models import DocumentSeal
from factbase.security.seals import seal_key_used
from sources.models import Document, sha256_text
from tests.claims.factories import AppearanceFactory
from tests.sources.factories import DocumentFactory

pytestmark = pytest.mark.django_db
OLD_KEY = "old-" + "k" * 20 + "-3f9a7c1e5b2d8046aa91c3e7f05b6d2c94e81a7f"
PASSAGE = "Elsewhere, the agency said nothing."


def verify(*args):
    """verify_provenance's (exit status, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_provenance", *args, stdout=out, stderr=err)
        return 0, out.getvalue(), err.getvalue()
    except CommandError as exc:
        return 1, out.getvalue(), err.getvalue() + str(exc)


def tamper_outside_quotes(document):
    """Append to the body, away from every quote, and recompute the stored hash: only SQL, no model code."""
    body = document.body + " " + PASSAGE
    Document.objects.filter(pk=document.pk).update(body=body, body_sha256=sha256_text(body))
    return body


def test_a_clean_database_verifies():
    AppearanceFactory()
    assert verify()[0] == 0


def test_a_body_edited_with_its_hash_recomputed_is_reported():
    appearance = AppearanceFactory()
    body = tamper_outside_quotes(appearance.document)
    status, _, err = verify()
    assert status == 1 and "1 problem(s)" in err  # the stored hash and the quote both still agree
    assert (f"document {appearance.document.key}: body SHA-256 is {sha256_text(body)}, but the body sealed on "
            in err) and "the body was changed outside the application" in err


def test_the_command_names_the_problem_as_one_line_per_document():
    documents = [DocumentFactory() for _ in range(3)]
    tamper_outside_quotes(documents[1])
    status, _, err = verify()
    assert status == 1 and err.count("changed outside the application") == 1 and documents[1].key in err


def test_an_edit_through_the_application_is_sealed_again():
    document = AppearanceFactory().document
    document.body = document.body + " " + PASSAGE
    document.save()
    assert verify()[0] == 0
    assert list(document.body_seals.values_list("body_sha256", flat=True)) == [
        sha256_text(document.body[: -len(PASSAGE) - 1]), sha256_text(document.body)
    ]


def test_saving_without_changing_the_body_adds_no_seal():
    document = DocumentFactory()
    document = Document.objects.get(pk=document.pk)
    document.title = "Renamed"
    document.save()
    assert document.body_seals.count() == 1


def test_saving_a_tampered_document_without_touching_its_body_does_not_launder_it():
    document = DocumentFactory()
    tamper_outside_quotes(document)
    reread = Document.objects.get(pk=document.pk)
    reread.title = "Renamed by a curator"
    reread.save()
    assert "changed outside the application" in verify()[2]


def test_a_seal_rewritten_without_the_key_does_not_verify():
    document = DocumentFactory()
    body = tamper_outside_quotes(document)
    DocumentSeal.objects.filter(document=document).update(body_sha256=sha256_text(body))
    status, _, err = verify()
    assert status == 1 and "does not verify: the seal was forged" in err


def test_deleted_seals_are_reported():
    document = DocumentFactory()
    DocumentSeal.objects.filter(document=document).delete()
    tamper_outside_quotes(document)
    status, _, err = verify()
    assert status == 1 and "no seal of its body is recorded" in err


def test_seal_unsealed_records_bodies_that_agree_with_their_stored_hash_only():
    good, bad = DocumentFactory(), DocumentFactory()
    DocumentSeal.objects.all().delete()
    Document.objects.filter(pk=bad.pk).update(body="edited alone")  # its stored hash disagrees
    status, out, err = verify("--seal-unsealed")
    assert "sealed 1 unsealed document body" in out
    assert good.body_seals.count() == 1 and bad.body_seals.count() == 0
    assert status == 1 and f"document {bad.key}: body SHA-256" in err and f"document {good.key}" not in err


def test_imported_documents_are_sealed(seeded):
    assert DocumentSeal.objects.count() == Document.objects.count() >= 1
    assert verify()[0] == 0


def test_a_body_changed_by_a_later_import_is_sealed_again(tmp_path):
    bundle = {"documents": [{"key": "wire-1", "language": "en", "published_on": "2025-09-04",
                             "body": "First version of the wire."}]}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    call_command("import_bundle", str(path), verbosity=0)
    bundle["documents"][0]["body"] = "Second version of the wire."
    path.write_text(json.dumps(bundle))
    call_command("import_bundle", str(path), verbosity=0)
    document = Document.objects.get(key="wire-1")
    assert [seal.body_sha256 for seal in document.body_seals.all()] == [
        sha256_text("First version of the wire."), sha256_text("Second version of the wire.")]
    assert verify()[0] == 0


def test_after_a_key_rotation_old_seals_verify_through_the_fallback_and_can_be_resealed(settings):
    settings.SECRET_KEY = OLD_KEY
    document = DocumentFactory()
    settings.SECRET_KEY = "new-" + "n" * 20 + "-8b1f0d7e2c4a6f9135e7c0b2d4f68a1c3e5b7d90"
    settings.SECRET_KEY_FALLBACKS = [OLD_KEY]
    status, out, _ = verify()
    assert status == 0 and "1 document(s) are sealed under an old key" in out
    status, out, _ = verify("--reseal")
    assert status == 0 and "sealed 1 document body again under the current key" in out
    settings.SECRET_KEY_FALLBACKS = []
    assert verify()[0] == 0
    assert seal_key_used(document.body_seals.last()) == "current"


def test_without_the_old_key_its_seals_do_not_verify(settings):
    settings.SECRET_KEY = OLD_KEY
    DocumentFactory()
    settings.SECRET_KEY = "new-" + "n" * 20 + "-8b1f0d7e2c4a6f9135e7c0b2d4f68a1c3e5b7d90"
    status, _, err = verify()
    assert status == 1 and "add the old key to SECRET_KEY_FALLBACKS" in err


def test_the_migration_seals_the_stored_hash_of_documents_that_had_none():
    kept, tampered = DocumentFactory(), DocumentFactory()
    DocumentSeal.objects.all().delete()
    Document.objects.filter(pk=tampered.pk).update(body="edited before seals existed")
    migration = importlib.import_module("factbase.security.migrations.0002_seal_existing_document_bodies")

    class Editor:
        pass

    editor = Editor()
    editor.connection = connection
    migration.seal_existing(django_apps, editor)
    migration.seal_existing(django_apps, editor)  # re-runnable: nothing sealed twice
    assert DocumentSeal.objects.count() == 2
    status, _, err = verify()
    assert status == 1 and f"{kept.key}" not in err
    assert f"document {tampered.key}: body SHA-256" in err and "changed outside the application" in err
