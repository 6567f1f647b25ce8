import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.sources.factories import ActorAliasFactory, ActorFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def test_actor_kind_and_reliability_are_constrained():
    for fields in ({"kind": "wizard"}, {"reliability": "G"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            ActorFactory(**fields)


@pytest.mark.parametrize("field,value", [("country", "XX"), ("country", "kp"), ("wikidata_id", "42"), ("wikidata_id", "Q0")])
def test_actor_codes_are_validated(field, value):
    actor = ActorFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        actor.full_clean()
    assert field in error.value.message_dict


def test_wikidata_id_is_unique_when_set():
    ActorFactory(wikidata_id="")
    ActorFactory(wikidata_id="")
    ActorFactory(wikidata_id="Q7184")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActorFactory(wikidata_id="Q7184")


def test_alias_language_is_bcp47():
    alias = ActorAliasFactory.build(actor=ActorFactory(), language="greek")
    with pytest.raises(ValidationError):
        alias.full_clean()


def test_aliases_in_any_script_feed_actor_search_text():
    actor = ActorFactory(name="Kim Jong Un")
    ActorAliasFactory(actor=actor, name="Κιμ Γιονγκ Ουν", language="el")
    ActorAliasFactory(actor=actor, name="김정은", language="ko")
    actor.refresh_from_db()
    assert "κιμ γιονγκ ουν" in actor.search_text and "김정은" in actor.search_text


def test_document_url_is_unique_when_set():
    DocumentFactory(url="")
    DocumentFactory(url="")
    DocumentFactory(url="https://example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(url="https://example.org/a")


def test_actor_cannot_be_its_own_parent():
    actor = ActorFactory()
    actor.parent = actor
    with pytest.raises(IntegrityError), transaction.atomic():
        actor.save()
