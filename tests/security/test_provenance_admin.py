"""Provenance integrity through the admin: editing a document's body re-verifies every quote in it.

A quote that no longer matches its span is flagged for review on its appearance, shown on the document
page, and reported by ``verify_provenance``; putting the text back clears the flag.
"""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.models import Appearance
from tests.claims.factories import AppearanceFactory
from tests.security.conftest import client_for

pytestmark = pytest.mark.django_db


def _document_form_data(client, document, **changes):
    response = client.get(reverse("admin:sources_document_change", args=[document.pk]))
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            value = ""
        elif hasattr(field.widget, "decompress") and not isinstance(value, (list, tuple)):
            value = field.widget.decompress(value)
        if isinstance(value, (list, tuple)):
            for index, part in enumerate(value):
                data[f"{name}_{index}"] = "" if part is None else part
        else:
            data[name] = value
    return data | changes


@pytest.mark.parametrize("role", ["curator", "reviewer", "superuser"])
def test_a_body_changed_in_the_admin_flags_the_quotes_it_breaks_and_the_document_page_says_so(request, role):
    appearance = AppearanceFactory()
    untouched = AppearanceFactory(document=appearance.document, quote="The agency said")
    document = appearance.document
    client = client_for(request.getfixturevalue(role))
    original = document.body
    broken = original.replace("about 2,000 soldiers", "about 3,000 soldiers")
    assert broken != original and "The agency said" in broken

    response = client.post(reverse("admin:sources_document_change", args=[document.pk]),
                           _document_form_data(client, document, body=broken))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response

    assert Appearance.objects.get(pk=appearance.pk).needs_review
    assert not Appearance.objects.get(pk=untouched.pk).needs_review
    page = client.get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert "1 quote no longer matches the body and needs review" in page
    assert appearance.claim.key in page
    with pytest.raises(CommandError, match="1 problem"):
        call_command("verify_provenance", "--no-flag")

    # Restoring the text clears the flag again.
    client.post(reverse("admin:sources_document_change", args=[document.pk]),
                _document_form_data(client, document, body=original))
    assert not Appearance.objects.get(pk=appearance.pk).needs_review
    assert "All 2 quotes match the body." in client.get(
        reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    call_command("verify_provenance")


def test_a_body_change_is_kept_in_the_documents_history(superuser):
    appearance = AppearanceFactory()
    document = appearance.document
    client = client_for(superuser)
    client.post(reverse("admin:sources_document_change", args=[document.pk]),
                _document_form_data(client, document, body=document.body + " Added later."))
    document.refresh_from_db()
    latest, previous = document.history.order_by("-history_date", "-history_id")[:2]
    assert latest.body.endswith("Added later.") and not previous.body.endswith("Added later.")
    assert latest.body_sha256 != previous.body_sha256 and latest.history_user == superuser
