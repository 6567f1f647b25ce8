"""Every model's admin answers: changelist, add page, change page, search, history; and changelist
query counts do not grow with the number of rows (5 rows and 50 rows: the same exact count)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factbase.models import ImportRun
from tests.claims.factories import (
    AppearanceFactory,
    AttributionHopFactory,
    ClaimFactory,
    ClaimRelationFactory,
    ClaimStanceFactory,
    EstimateFactory,
    PropositionFactory,
)
from tests.sources.factories import ActorAliasFactory, ActorFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def _import_run():
    return ImportRun.objects.create(command="import_bundle", files=[{"name": "x.yaml", "sha256": "0" * 64}])


MODELS = {
    "sources.actor": (ActorFactory, "actor"),
    "sources.actoralias": (ActorAliasFactory, "alias"),
    "sources.document": (DocumentFactory, "document"),
    "claims.claim": (ClaimFactory, "claim"),
    "claims.appearance": (AppearanceFactory, "soldiers"),
    "claims.attributionhop": (AttributionHopFactory, "actor"),
    "claims.proposition": (PropositionFactory, "proposition"),
    "claims.claimstance": (ClaimStanceFactory, "proposition"),
    "claims.estimate": (EstimateFactory, "about"),
    "claims.claimrelation": (ClaimRelationFactory, "claim"),
    "factbase.importrun": (_import_run, "import"),
}
READ_ONLY = {"factbase.importrun"}


def _url(label, view, *args):
    app, model = label.split(".")
    return reverse(f"admin:{app}_{model}_{view}", args=args)


@pytest.mark.parametrize("label", MODELS)
def test_changelist_add_change_search_and_history_answer(admin_client, label):
    factory, term = MODELS[label]
    obj = factory()
    assert admin_client.get(_url(label, "changelist")).status_code == 200
    search = admin_client.get(_url(label, "changelist"), {"q": term})
    assert search.status_code == 200
    assert search.context["cl"].result_count >= 1, f"searching {term!r} found nothing"
    assert admin_client.get(_url(label, "add")).status_code == (403 if label in READ_ONLY else 200)
    assert admin_client.get(_url(label, "change", obj.pk)).status_code == 200
    if label not in READ_ONLY:
        assert admin_client.get(_url(label, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("label", MODELS)
def test_changelist_query_count_does_not_grow_with_rows(admin_client, label):
    factory, _ = MODELS[label]
    counts = []
    for rows in (5, 50):
        existing = _model(label).objects.count()
        for _ in range(rows - existing):
            factory()
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(_url(label, "changelist"))
        assert response.status_code == 200 and response.context["cl"].result_count == rows
        counts.append(len(queries))
    assert counts[0] == counts[1], f"{label}: {counts[0]} queries for 5 rows, {counts[1]} for 50"


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def test_autocomplete_finds_actors_by_greek_alias(admin_client):
    putin = ActorFactory(key="vladimir-putin", name="Vladimir Putin")
    ActorAliasFactory(actor=putin, name="Βλαντιμίρ Πούτιν", language="el")
    response = admin_client.get(reverse("admin:autocomplete"), {
        "term": "πουτιν", "app_label": "claims", "model_name": "claim", "field_name": "claimant"})
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Vladimir Putin"]


@pytest.mark.parametrize("query", ["πουτιν", "ΠΟΎΤΙΝ", "vladimir-putin", "putin vladimir"])
def test_actor_search_is_case_and_accent_insensitive_in_any_language(admin_client, query):
    putin = ActorFactory(key="vladimir-putin", name="Vladimir Putin")
    ActorAliasFactory(actor=putin, name="Βλαντιμίρ Πούτιν", language="el")
    ActorFactory(key="kim-jong-un", name="Kim Jong-un")
    response = admin_client.get(reverse("admin:sources_actor_changelist"), {"q": query})
    assert [a.key for a in response.context["cl"].result_list] == ["vladimir-putin"]


def test_kim_jong_un_without_hyphen_finds_kim_jong_un(admin_client):
    kim = ActorFactory(key="kim-jong-un", name="Kim Jong-un")
    ActorAliasFactory(actor=kim, name="김정은", language="ko")
    ActorFactory(key="kim-yo-jong", name="Kim Yo-jong")
    for query in ("kim jong un", "김정은"):
        response = admin_client.get(reverse("admin:sources_actor_changelist"), {"q": query})
        assert [a.key for a in response.context["cl"].result_list] == ["kim-jong-un"], query


def test_alias_added_in_the_actor_page_is_searchable(admin_client):
    from tests.admin.forms import add_inline_rows, rendered_form_data

    actor = ActorFactory(key="kcna", name="Korean Central News Agency")
    url = reverse("admin:sources_actor_change", args=[actor.pk])
    data = add_inline_rows(rendered_form_data(admin_client.get(url)), "aliases",
                           [{"name": "Κεντρικό Πρακτορείο Ειδήσεων της Κορέας", "language": "el"}])
    assert admin_client.post(url, data).status_code == 302
    response = admin_client.get(reverse("admin:sources_actor_changelist"), {"q": "κεντρικο πρακτορειο"})
    assert [a.key for a in response.context["cl"].result_list] == ["kcna"]


def test_claim_search_finds_the_claimant_and_the_greek_quote(admin_client):
    appearance = AppearanceFactory(claim=ClaimFactory(key="nis-2000"))
    from sources.services import actor_update

    actor_update(actor=appearance.claim.claimant, values={"name": "National Intelligence Service"}, by=None)
    for query in ("national intelligence", "SOLDIERS were", "nis-2000"):
        response = admin_client.get(reverse("admin:claims_claim_changelist"), {"q": query})
        assert [c.key for c in response.context["cl"].result_list] == ["nis-2000"], query
