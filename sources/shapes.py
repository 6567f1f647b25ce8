"""How actors and documents are shown — in the API (full and brief), nested in claims, in CSV: declared once.

See ``factbase.shapes``. Adding a field to Actor or Document means its model, its migration and a line here.
"""

from factbase.shapes import Column, Csv, Link, Many, One, Shape

from .models import Actor, ActorAlias, Document

ALIAS = Shape(
    model=ActorAlias, name="ActorAlias", description="Another name of the actor, with its language (BCP 47).",
    fields=[Column("name"), Column("language")],
)

ACTOR = Shape(
    model=Actor, name="Actor",
    description="Anyone who makes, relays or is the subject of claims; ``reliability`` is the Admiralty grade A–F.",
    fields=[
        Column("id"), Column("key"), Column("name"), Column("kind"), Column("country"), Link("url", "actor-detail"),
        # parent: appended below (the brief form of this very shape)
        Column("description"), Column("wikidata_id"), Column("reliability"), Column("reliability_rationale"),
        Many("aliases", ALIAS, parent="actor_id", order=("language", "name", "id"), brief=False),
        Column("created_at"), Column("updated_at"),
    ],
    brief=("id", "key", "name", "kind", "country", "url"),
    csv=[
        Csv("id", "id"), Csv("key", "key"), Csv("name", "name"), Csv("kind", "kind"), Csv("country", "country"),
        Csv("parent_key", function=lambda actor: actor["parent"]["key"] if actor["parent"] else ""),
        Csv("wikidata_id", "wikidata_id"), Csv("reliability", "reliability"),
        Csv("aliases", function=lambda actor: "; ".join(f"{alias['name']} ({alias['language']})" for alias in actor["aliases"])),
    ],
)
ACTOR.fields.insert(6, One("parent", ACTOR, help_text="Affiliation (the parent actor), or null."))

DOCUMENT = Shape(
    model=Document, name="Document",
    description="One archived publication; ``body`` is the text quotes are checked against, ``body_sha256`` its hash.",
    fields=[
        Column("id"), Column("key"), Column("kind"), Column("title"), Link("url", "document-detail"),
        Column("source_url", "url", help_text="Where it was published (empty if unknown)."),
        One("publisher", ACTOR), Column("authors"), Column("language"), Column("published_on"), Column("published_time"),
        Column("retrieved_at"), Column("archive_url", help_text="An archived copy (empty if none)."), Column("body"),
        Column("body_sha256"), Column("created_at"), Column("updated_at"),
    ],
    brief=("id", "key", "title", "published_on", "language", "url", "source_url", "publisher"),
    csv=[
        Csv("id", "id"), Csv("key", "key"), Csv("kind", "kind"), Csv("title", "title"), Csv("source_url", "source_url"),
        Csv("publisher_key", function=lambda document: document["publisher"]["key"] if document["publisher"] else ""),
        Csv("authors", "authors"), Csv("language", "language"), Csv("published_on", "published_on"),
        Csv("published_time", "published_time"), Csv("archive_url", "archive_url"), Csv("body_sha256", "body_sha256"),
    ],
)
