"""Writing actors, their aliases and documents: one writer for each, whoever calls.

========================  =====================================================================================
``actor_upsert``          ``(*, key, values, by, run=None, reason="") -> (Actor, "created"|"updated"|"unchanged")``
``actors_create``         ``(*, actors, by, aliases=None, run=None, reason="", validate=FIELDS) -> list[Actor]``
``actor_update``          ``(*, actor, values, by, run=None, reason="") -> list[str]`` (fields changed)
``actor_alias_add``       ``(*, actor, name, language, by, kind="name", reason="") -> (ActorAlias, created: bool)``
``actor_aliases_add``     ``(*, aliases, by, reason="", validate=FIELDS) -> list[ActorAlias]``
``actor_alias_remove``    ``(*, alias, by, reason="") -> None``
``actor_save``            ``(*, actor, by, run=None, reason="") -> list[str]`` (an instance a form already
                          changed, new or stored)
``actor_alias_save``      ``(*, alias, by, reason="") -> None`` (the same for an alias)
``actors_refresh_search_text``  ``(*, actor_ids) -> None`` (the derived column of actors, in one place)
``document_upsert``       ``(*, key, values, by, run=None, reason="") -> (Document, outcome)``
``documents_create``      ``(*, documents, by, run=None, reason="", validate=FIELDS) -> list[Document]``
``document_update``       ``(*, document, values, by, run=None, reason="") -> list[str]``
``document_save``         ``(*, document, by, run=None, reason="") -> list[str]`` (an instance a form or a
                          capture already changed: written, compared with the stored row)
========================  =====================================================================================

Each runs in ``transaction.atomic()`` and validates with ``full_clean()`` (a batch: the query-free part,
``factbase.cleaning``). ``values`` names only the fields to set: what it does not name is left as it is.
History: a single row's save lets simple-history record it with ``by`` and ``reason``
(``factbase.history.history_context``); a batch records its rows through ``factbase.history``.

A document's body: ``Document.save()`` computes its SHA-256 and seals it (tamper evidence); a batch insert
calls ``document_bodies_seal`` itself. When a body changes, the quotes of the document's appearances are
re-verified: ``sources`` does not know about claims (claims depend on sources, never the reverse), so
``document_update`` sends :data:`document_body_changed` explicitly, and the claims app connects its
re-verification (``claims.services.derived.appearances_reverify``) to it. No ``post_save`` receiver is
involved: only these services send it.
"""

from django.db import transaction
from django.dispatch import Signal

from factbase.cleaning import FIELDS, FULL, instance_clean
from factbase.history import CREATED, history_context, history_rows_record
from factbase.security.seals import document_bodies_seal

from .models import Actor, ActorAlias, AliasKind, Document, sha256_text

BATCH = 1000
ACTOR_FIELDS = ("name", "kind", "country", "parent", "description", "wikidata_id", "reliability",
                "reliability_rationale")
DOCUMENT_FIELDS = ("kind", "title", "url", "publisher", "authors", "language", "published_on", "published_time",
                   "retrieved_at", "body", "archive_url", "warc_archive", "warc_record_id", "warc_payload_digest")

# Sent (inside the write's transaction) with ``document_ids`` whose body changed.
document_body_changed = Signal()


class SourceWriteError(ValueError):
    pass


def _fields(values, allowed, what):
    unknown = set(values) - set(allowed)
    if unknown:
        raise SourceWriteError(f"{what} does not set {', '.join(sorted(unknown))}")


def _value(instance, name):
    return getattr(instance, instance._meta.get_field(name).attname)


def _raw(value):
    return getattr(value, "pk", value)


# actors ---------------------------------------------------------------------------------------------

def actor_upsert(*, key: str, values: dict, by, run=None, reason: str = "") -> tuple[Actor, str]:
    """The actor ``key`` holding ``values`` (created if absent; only the named fields are set)."""
    _fields(values, ACTOR_FIELDS, "actor_upsert")
    actor = Actor.objects.filter(key=key).first()
    if actor is None:
        [actor] = actors_create(actors=[Actor(key=key, **values)], by=by, run=run, reason=reason, validate=FULL)
        return actor, "created"
    changed = actor_update(actor=actor, values=values, by=by, run=run, reason=reason)
    return actor, "updated" if changed else "unchanged"


def actors_create(*, actors: list[Actor], by, aliases: list | None = None, run=None, reason: str = "",
                  validate: str = FIELDS) -> list[Actor]:
    """Insert unsaved actors (``aliases[i]``: unsaved ``ActorAlias`` rows of actor ``i``, without ``actor``)."""
    if not actors:
        return []
    aliases = aliases or [[] for _ in actors]
    for actor, own in zip(actors, aliases):
        if run is not None:
            actor.first_import_run = actor.last_import_run = run
        names = sorted(own, key=lambda a: (a.language, a.name))
        actor.search_text = actor.compute_search_text([alias.name for alias in names])
        instance_clean(actor, validate=validate)
    with transaction.atomic():
        for offset in range(0, len(actors), BATCH):
            Actor.objects.bulk_create(actors[offset: offset + BATCH])
        history_rows_record(model=Actor, pks=[a.pk for a in actors], by=by, reason=reason, history_type=CREATED)
        rows = []
        for actor, own in zip(actors, aliases):
            for alias in own:
                alias.actor = actor
                rows.append(alias)
        if rows:
            actor_aliases_add(aliases=rows, by=by, reason=reason, validate=validate)
    return actors


def actor_update(*, actor: Actor, values: dict, by, run=None, reason: str = "") -> list[str]:
    """Set the named fields; returns the names that changed (nothing written when none did)."""
    _fields(values, ACTOR_FIELDS, "actor_update")
    changed = [name for name, value in values.items() if _value(actor, name) != _raw(value)]
    if not changed:
        return []
    with transaction.atomic():
        for name in changed:
            setattr(actor, name, values[name])
        if run is not None:
            actor.last_import_run = run
        actor.search_text = actor.compute_search_text()
        actor.full_clean()
        history_context(actor, by=by, reason=reason)
        actor.save()
    return changed


def actor_save(*, actor: Actor, by, run=None, reason: str = "") -> list[str]:
    """Write an actor whose fields were already set (the admin's form); a new one is created."""
    if actor.pk is None:
        actors_create(actors=[actor], by=by, run=run, reason=reason, validate=FULL)
        return list(ACTOR_FIELDS)
    with transaction.atomic():
        stored = Actor.objects.select_for_update().get(pk=actor.pk)
        changed = [name for name in ("key", *ACTOR_FIELDS) if _value(stored, name) != _value(actor, name)]
        if not changed:
            return []
        if run is not None:
            actor.last_import_run = run
        actor.search_text = actor.compute_search_text()
        actor.full_clean()
        history_context(actor, by=by, reason=reason)
        actor.save()
    return changed


def actor_alias_save(*, alias: ActorAlias, by, reason: str = "") -> None:
    """Write an alias whose fields were already set (new or stored) and refresh its actors' search text."""
    if alias.pk is None:
        actor_aliases_add(aliases=[alias], by=by, reason=reason, validate=FULL)
        return
    with transaction.atomic():
        before = ActorAlias.objects.filter(pk=alias.pk).values_list("actor_id", flat=True).get()
        alias.full_clean()
        history_context(alias, by=by, reason=reason)
        alias.save()
        actors_refresh_search_text(actor_ids={before, alias.actor_id})


def actor_alias_add(*, actor: Actor, name: str, language: str, by, kind: str = AliasKind.NAME,
                    reason: str = "") -> tuple[ActorAlias, bool]:
    """Another name (or a descriptor: ``kind="descriptor"``) of ``actor`` in ``language``; True if new.

    Adding an alias that exists (same actor, name, language) changes nothing and returns it."""
    existing = ActorAlias.objects.filter(actor=actor, name=name, language=language).first()
    if existing is not None:
        return existing, False
    alias = ActorAlias(actor=actor, name=name, language=language, kind=kind)
    actor_aliases_add(aliases=[alias], by=by, reason=reason, validate=FULL)
    return alias, True


def actor_aliases_add(*, aliases: list[ActorAlias], by, reason: str = "", validate: str = FIELDS) -> list[ActorAlias]:
    """Insert unsaved aliases and refresh their actors' search text."""
    if not aliases:
        return []
    for alias in aliases:
        instance_clean(alias, validate=validate)
    with transaction.atomic():
        for offset in range(0, len(aliases), BATCH):
            ActorAlias.objects.bulk_create(aliases[offset: offset + BATCH])
        history_rows_record(model=ActorAlias, pks=[a.pk for a in aliases], by=by, reason=reason,
                            history_type=CREATED)
        actors_refresh_search_text(actor_ids={alias.actor_id for alias in aliases})
    return aliases


def actor_alias_remove(*, alias: ActorAlias, by, reason: str = "") -> None:
    with transaction.atomic():
        actor_id = alias.actor_id
        history_context(alias, by=by, reason=reason)
        alias.delete()
        actors_refresh_search_text(actor_ids=[actor_id])


def actors_refresh_search_text(*, actor_ids) -> None:
    """Recompute ``Actor.search_text`` (name, key and every alias, normalised) for these actors."""
    actor_ids = sorted(set(actor_ids))
    for offset in range(0, len(actor_ids), BATCH):
        chunk = actor_ids[offset: offset + BATCH]
        names = {}
        for actor_id, name in ActorAlias.objects.filter(actor_id__in=chunk).order_by(
                "actor_id", "language", "name").values_list("actor_id", "name"):
            names.setdefault(actor_id, []).append(name)
        changed = []
        for actor in Actor.objects.filter(pk__in=chunk).only("id", "key", "name", "search_text"):
            text = actor.compute_search_text(names.get(actor.pk, []))
            if text != actor.search_text:
                actor.search_text = text
                changed.append(actor)
        if changed:
            Actor.objects.bulk_update(changed, ["search_text"])


# documents ------------------------------------------------------------------------------------------

def document_upsert(*, key: str, values: dict, by, run=None, reason: str = "") -> tuple[Document, str]:
    """The document ``key`` holding ``values`` (created if absent; only the named fields are set)."""
    _fields(values, DOCUMENT_FIELDS, "document_upsert")
    document = Document.objects.filter(key=key).first()
    if document is None:
        [document] = documents_create(documents=[Document(key=key, **values)], by=by, run=run, reason=reason,
                                      validate=FULL)
        return document, "created"
    changed = document_update(document=document, values=values, by=by, run=run, reason=reason)
    return document, "updated" if changed else "unchanged"


def documents_create(*, documents: list[Document], by, run=None, reason: str = "",
                     validate: str = FIELDS) -> list[Document]:
    """Insert unsaved documents, hash and seal their bodies (new documents have no quotes to re-verify)."""
    if not documents:
        return []
    for document in documents:
        if run is not None:
            document.first_import_run = document.last_import_run = run
        document.body_sha256 = sha256_text(document.body or "")
        instance_clean(document, validate=validate)
    with transaction.atomic():
        for offset in range(0, len(documents), BATCH):
            Document.objects.bulk_create(documents[offset: offset + BATCH])
        for document in documents:
            document._sealed_sha256 = document.body_sha256
        document_bodies_seal(documents=documents)  # bulk_create skips Document.save(), which seals a body
        history_rows_record(model=Document, pks=[d.pk for d in documents], by=by, reason=reason,
                            history_type=CREATED)
    return documents


def document_update(*, document: Document, values: dict, by, run=None, reason: str = "") -> list[str]:
    """Set the named fields; a changed body is hashed, sealed (``Document.save``) and its quotes re-verified."""
    _fields(values, DOCUMENT_FIELDS, "document_update")
    changed = [name for name, value in values.items() if _value(document, name) != _raw(value)]
    if not changed:
        return []
    for name in changed:
        setattr(document, name, values[name])
    document_save(document=document, by=by, run=run, reason=reason)
    return changed


def document_save(*, document: Document, by, run=None, reason: str = "") -> list[str]:
    """Write a document whose fields were already set (the admin's form, a capture); a new one is created.

    Returns the fields that differ from the stored row (all for a new document). A changed body is hashed
    and sealed by ``Document.save`` and the quotes of its appearances are re-verified.
    """
    if document.pk is None:
        documents_create(documents=[document], by=by, run=run, reason=reason, validate=FULL)
        return list(DOCUMENT_FIELDS)
    with transaction.atomic():
        stored = Document.objects.select_for_update().get(pk=document.pk)
        changed = [name for name in DOCUMENT_FIELDS if _value(stored, name) != _value(document, name)]
        if not changed:
            return []
        if run is not None:
            document.last_import_run = run
        document.full_clean()
        history_context(document, by=by, reason=reason)
        document.save()
        if "body" in changed:
            document_body_changed.send(sender=Document, document_ids=[document.pk])
    return changed
