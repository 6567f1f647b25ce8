"""Loading the generator's JSON Lines bundle without the importer: the baselines of the import rows.

``load_lines(path, writer)`` turns every record of a ``bench/generate`` file into the same rows that
``import_bundle`` writes (actors with aliases and search text, documents with their SHA-256, propositions,
claims with subjects, located appearances, stances, estimates and the derived search columns), and hands
them to a writer in batches:

* ``BulkWriter`` — Django's ``bulk_create`` (ids come back from the database): the "bare bulk_create"
  baseline, and the quick way to load the large data set the API rows read;
* ``CopyWriter`` — PostgreSQL ``COPY ... FROM STDIN`` with ids assigned here: the ceiling.

It reads only what the generator writes (no history rows, no import-run stamps, no validation): it is
a yardstick, not a second importer. ``reset_database()`` empties every table of the three apps.
"""

import datetime as dt
import json
from decimal import Decimal

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

from claims.services.derived import claim_search_text
from claims.models import Appearance, Claim, ClaimStance, Estimate, Proposition
from factbase.text import normalize_for_search
from sources.models import Actor, ActorAlias, Document, sha256_text

APPS = ("factbase", "sources", "claims")
BATCH = 2000


def domain_tables() -> list[str]:
    """Every table of factbase, sources and claims: models, their history tables and many-to-many tables."""
    return [
        model._meta.db_table
        for label in APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def reset_database() -> None:
    """Empty every domain table and restart its ids (TRUNCATE on PostgreSQL, DELETE on SQLite)."""
    statements = connection.ops.sql_flush(no_style(), domain_tables(), reset_sequences=True, allow_cascade=True)
    with transaction.atomic():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load (what autovacuum would do a little later)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class BulkWriter:
    """Rows go in with ``bulk_create``; the database hands back their ids."""

    name = "bulk_create"

    def write(self, model, objects):
        if objects:
            model.objects.bulk_create(objects, batch_size=1000)

    def finish(self):
        pass


class CopyWriter:
    """Rows go in with PostgreSQL COPY; ids are numbered here (the tables start empty), sequences set after."""

    name = "COPY"

    def __init__(self):
        if connection.vendor != "postgresql":
            raise RuntimeError("COPY is PostgreSQL's: the COPY ceiling is measured on PostgreSQL only")
        self.last_id = {}

    def write(self, model, objects):
        if not objects:
            return
        meta = model._meta
        next_id = self.last_id.get(model, 0)
        for obj in objects:
            next_id += 1
            obj.pk = next_id
        self.last_id[model] = next_id
        fields = meta.concrete_fields
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        connection.ensure_connection()
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN") as copy:
                for obj in objects:
                    copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])

    def finish(self):
        with connection.cursor() as cursor:
            for model, last in self.last_id.items():
                table = model._meta.db_table
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, last])


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def _decimal(value):
    return None if value is None else Decimal(str(value))


class _Loader:
    def __init__(self, writer):
        self.writer = writer
        self.actor_ids = {}
        self.documents = {}  # key -> (id, body, published_on)
        self.proposition_ids = {}
        self.pending = {"actor": [], "document": [], "proposition": [], "claim": []}
        self.records = 0

    def add(self, record):
        kind = record.get("type")
        if kind not in self.pending:
            raise ValueError(f"record type {kind!r} is not one the generator writes")
        # Records come grouped by type (actors, documents, propositions, claims): flush the earlier types
        # before a later type needs their ids.
        for earlier in list(self.pending)[: list(self.pending).index(kind)]:
            self.flush(earlier)
        self.pending[kind].append(record)
        self.records += 1
        if len(self.pending[kind]) >= BATCH:
            self.flush(kind)

    def flush(self, kind):
        batch, self.pending[kind] = self.pending[kind], []
        if batch:
            getattr(self, f"flush_{kind}s")(batch)

    def flush_actors(self, batch):
        actors = []
        for r in batch:
            aliases = r.get("aliases", [])
            actor = Actor(
                key=r["key"], name=r["name"], kind=r["kind"], country=r.get("country", ""),
                reliability=r.get("reliability", "F"),
            )
            actor.search_text = normalize_for_search(" ".join([actor.name, actor.key.replace("-", " "), *(a["name"] for a in aliases)]))
            actors.append(actor)
        self.writer.write(Actor, actors)
        aliases = []
        for actor, r in zip(actors, batch):
            self.actor_ids[actor.key] = actor.pk
            aliases += [ActorAlias(actor_id=actor.pk, name=a["name"], language=a["language"]) for a in r.get("aliases", [])]
        self.writer.write(ActorAlias, aliases)

    def flush_documents(self, batch):
        documents = [
            Document(
                key=r["key"], kind=r.get("kind", "news_article"), title=r.get("title", ""), url=r.get("url", ""),
                publisher_id=self.actor_ids[r["publisher"]] if r.get("publisher") else None,
                language=r["language"], published_on=_date(r["published_on"]), body=r["body"],
                body_sha256=sha256_text(r["body"]),
            )
            for r in batch
        ]
        self.writer.write(Document, documents)
        for document in documents:
            self.documents[document.key] = (document.pk, document.body, document.published_on)

    def flush_propositions(self, batch):
        propositions = [
            Proposition(key=r["key"], title=r["title"], kind=r.get("kind", "statement"), measure=r.get("measure", ""),
                        unit=r.get("unit", ""))
            for r in batch
        ]
        self.writer.write(Proposition, propositions)
        self.proposition_ids.update((p.key, p.pk) for p in propositions)

    def flush_claims(self, batch):
        claims = []
        for r in batch:
            placed = []
            for a in r.get("appearances", []):
                document_id, body, published_on = self.documents[a["document"]]
                start = body.find(a["quote"])
                if start < 0:
                    raise ValueError(f"claim {r['key']}: quote not found in {a['document']}")
                placed.append((document_id, a["quote"], start, published_on))
            claim = Claim(
                key=r["key"], claimant_id=self.actor_ids[r["claimant"]], kind=r.get("kind", "statement"),
                summary=r["summary"], stated_on=_date(r.get("stated_on")), status=r.get("status", "draft"),
                search_text=claim_search_text(summary=r["summary"], quotes=[p[1] for p in placed], translations=["" for _ in placed]),
                first_published_on=min((p[3] for p in placed), default=None),
            )
            claim._bench = (r, placed)
            claims.append(claim)
        self.writer.write(Claim, claims)
        subjects, appearances, stances, estimates = [], [], [], []
        through = Claim.subjects.through
        for claim in claims:
            r, placed = claim._bench
            subjects += [through(claim_id=claim.pk, actor_id=self.actor_ids[key]) for key in dict.fromkeys(r.get("subjects", []))]
            appearances += [
                Appearance(claim_id=claim.pk, document_id=document_id, quote=quote, start=start, end=start + len(quote))
                for document_id, quote, start, _ in placed
            ]
            stanced = set()
            for e in r.get("estimates", []):
                proposition_id = self.proposition_ids[e["proposition"]]
                if proposition_id not in stanced:
                    stanced.add(proposition_id)
                    stances.append(ClaimStance(claim_id=claim.pk, proposition_id=proposition_id, stance="estimates"))
                estimates.append(Estimate(
                    claim_id=claim.pk, proposition_id=proposition_id, value=_decimal(e.get("value")),
                    lower=_decimal(e.get("lower")), upper=_decimal(e.get("upper")), qualifier=e["qualifier"],
                    as_of=_date(e.get("as_of")), wording=e.get("wording", ""),
                ))
        self.writer.write(through, subjects)
        self.writer.write(Appearance, appearances)
        self.writer.write(ClaimStance, stances)
        self.writer.write(Estimate, estimates)

    def finish(self):
        for kind in list(self.pending):
            self.flush(kind)
        self.writer.finish()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("UPDATE claims_claim SET search_vector = to_tsvector('simple'::regconfig, COALESCE(search_text, ''))")


def load_lines(path, writer) -> int:
    """Load a ``bench/generate`` JSON Lines file with ``writer`` in one transaction; the number of records."""
    loader = _Loader(writer)
    with transaction.atomic():
        with open(path, "rb") as handle:
            for line in handle:
                if line.strip():
                    loader.add(json.loads(line))
        loader.finish()
    return loader.records


def count_records(path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())
