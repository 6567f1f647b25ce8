import factory

from sources.models import Actor, ActorAlias, ActorKind, Document


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"actor-{n}")
    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = ActorKind.PERSON


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")
    language = "en"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    key = factory.Sequence(lambda n: f"document-{n}")
    title = factory.Sequence(lambda n: f"Document {n}")
    publisher = factory.SubFactory(ActorFactory, kind=ActorKind.NEWS_OUTLET)
    language = "en"
    published_on = factory.Faker("date_between", start_date="-2y", end_date="today")
    body = factory.LazyAttribute(lambda o: f"{o.title}. The agency said that about 2,000 soldiers were killed.")
