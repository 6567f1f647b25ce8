import factory

from sources.models import Actor, ActorAlias, ActorKind, Document
from sources.services import actors_refresh_search_text


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"actor-{n}")
    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = ActorKind.PERSON

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The search text is derived by the write services, not by save(): do what they do.
        actor = super()._create(model_class, *args, **kwargs)
        actors_refresh_search_text(actor_ids=[actor.pk])
        actor.refresh_from_db(fields=["search_text"])
        return actor


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")
    language = "en"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        alias = super()._create(model_class, *args, **kwargs)
        actors_refresh_search_text(actor_ids=[alias.actor_id])
        return alias


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    key = factory.Sequence(lambda n: f"document-{n}")
    title = factory.Sequence(lambda n: f"Document {n}")
    publisher = factory.SubFactory(ActorFactory, kind=ActorKind.NEWS_OUTLET)
    language = "en"
    published_on = factory.Faker("date_between", start_date="-2y", end_date="today")
    body = factory.LazyAttribute(lambda o: f"{o.title}. The agency said that about 2,000 soldiers were killed.")
