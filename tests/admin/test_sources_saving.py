"""Actors, aliases and documents saved in the admin go through sources.services: aliases change what the
actor is found by, a changed body re-verifies quotes, history names the curator."""

import pytest
from django.urls import reverse

from claims.models import Appearance
from sources.models import Actor
from tests.admin.forms import add_inline_rows, form_errors, rendered_form_data
from tests.claims.factories import AppearanceFactory
from tests.sources.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_an_alias_added_on_the_actor_page_finds_the_actor(curator_client):
    actor = ActorFactory(key="kim-jong-un", name="Kim Jong Un")
    url = reverse("admin:sources_actor_change", args=[actor.pk])
    data = add_inline_rows(rendered_form_data(curator_client.get(url)), "aliases",
                           [{"name": "Κιμ Γιονγκ Ουν", "language": "el", "kind": "name"}])
    response = curator_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert "κιμ γιονγκ ουν" in Actor.objects.get(pk=actor.pk).search_text
    assert actor.aliases.get().history.get().history_user.username == "curator"


def test_a_body_changed_on_the_document_page_flags_quotes_that_no_longer_match(admin_client):
    appearance = AppearanceFactory()
    document = appearance.document
    url = reverse("admin:sources_document_change", args=[document.pk])
    data = rendered_form_data(admin_client.get(url))
    data["body"] = document.body.replace("2,000", "3,000")
    response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert Appearance.objects.get(pk=appearance.pk).needs_review
    assert document.history.order_by("-history_id").first().history_user.username == "admin"
