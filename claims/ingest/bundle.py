"""Importing bundles: YAML, JSON and JSON Lines files of actors, documents, propositions and claims.

``bundle_import(paths=..., dry_run=..., operator=...)`` reads every bundle, checks every record against
``claims.ingest.bundle_format`` and every model instance with ``full_clean()``, and writes — in one transaction
over all files — only what differs from the database:

* records are matched by ``key``; a record whose fields and child lists already match is *unchanged* and
  is not saved (no history row, its ``last_import_run`` stays as it was);
* child lists (aliases, appearances with their hops, stances, estimates, relations) are the full set for
  their parent: rows that match are kept, others are updated, deleted or created;
* the run is recorded in ``factbase.models.ImportRun`` and stamped on the records it created
  (``first_import_run``) or created or changed (``last_import_run``).

Any bad input raises ``BundleError`` with one message naming the file, the record and the field; the
transaction is then rolled back, so the database is left as it was. ``--dry-run`` does everything and
rolls back at the end.

Records are written in batches of ``BATCH_SIZE``: new records in bulk inserts checked in Python, the
database enforcing constraints, with a one-by-one ``full_clean()`` re-run of the batch when anything fails
(see ``_Importer``); history rows say ``import_bundle run #N``. JSON Lines files are read line by line;
references are looked up once per batch, and memory does not grow with the file (the keys already seen are kept in a temporary table). A line may refer to records on earlier lines, in
earlier files of the run, or already in the database.
"""

import copy
import getpass
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from factbase.models import ImportRun
from factbase.security.seals import document_bodies_seal
from sources.articles import ArticleFormatError, parse_dated_article
from sources.models import Actor, ActorAlias, Document, sha256_text

from .bundle_format import FORMAT_NAME, LINE_TYPES, RECORD_TYPES, SPECS, FieldError, read_record
from ..services.derived import claim_search_text, claims_refresh_derived, claims_refresh_search_vector
from ..models import Appearance, AttributionHop, Claim, ClaimRelation, ClaimStance, Estimate, Proposition
from ..services.quotes import QuoteError, describe_mismatch, locate_quote

BUNDLE_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")
BATCH_SIZE = 500
PROGRESS_EVERY = 1000
COMMAND = "import_bundle"

MODELS = {"actors": Actor, "documents": Document, "propositions": Proposition, "claims": Claim}
SINGULAR = {plural: singular for singular, plural in LINE_TYPES.items()}
# Model field names that the bundle spells differently.
BUNDLE_FIELD = {"stated_on_precision": "stated_on", "as_of_precision": "as_of", "body_sha256": "body"}


class BundleError(ValueError):
    """Bad input. The message names the file, the record and the field."""


@dataclass
class ImportReport:
    """What a run did: per record type, how many records were created, updated and left unchanged."""

    files: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {t: {"created": 0, "updated": 0, "unchanged": 0} for t in RECORD_TYPES})
    dry_run: bool = False
    run_id: int | None = None

    def total(self, outcome: str) -> int:
        return sum(per_type[outcome] for per_type in self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total("created") or self.total("updated"))

    def lines(self) -> list[str]:
        lines = [
            f"{kind}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            for kind, c in self.counts.items()
        ]
        if not self.changed:
            lines.append("Nothing changed: the database already matches the bundle.")
        if self.dry_run:
            lines.append("Dry run: everything was checked and rolled back; nothing was written.")
        elif self.run_id:
            lines.append(f"Recorded as import run #{self.run_id}.")
        return lines


# --- reading files -------------------------------------------------------------------------------------

class _SafeLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses aliases (no billion laughs) and duplicate keys in a mapping."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, f"YAML aliases (*{event.anchor}) are not allowed in bundles", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise yaml.MarkedYAMLError(
                    None, None, f"the key {key!r} appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _no_duplicate_pairs(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def bundle_paths(paths) -> list[Path]:
    """The bundle files named by ``paths``: files as given, folders searched recursively (sorted)."""
    found = []
    if not paths:
        raise BundleError("no bundle given: name one or more files or folders")
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in BUNDLE_SUFFIXES)
            if not inside:
                raise BundleError(f"{raw}: the folder holds no bundle ({', '.join(BUNDLE_SUFFIXES)} files)")
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in BUNDLE_SUFFIXES:
                raise BundleError(f"{raw}: not a bundle file (expected {', '.join(BUNDLE_SUFFIXES)})")
            found.append(path)
        else:
            raise BundleError(f"{raw}: no such file or folder")
    unique, seen = [], set()
    for path in found:  # a file named both directly and through its folder is read once
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(path)
    return unique


def _read_text_file(path: Path, name: str) -> tuple[str, str]:
    """(text, sha256 of the bytes)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"{name}: cannot read the file: {exc.strerror}") from None
    try:
        return data.decode("utf-8"), hashlib.sha256(data).hexdigest()
    except UnicodeDecodeError as exc:
        raise BundleError(f"{name}: the file is not UTF-8 text (byte {exc.start})") from None


def load_bundle(path: Path, name: str) -> tuple[dict, str]:
    """The top-level mapping of a YAML or JSON bundle, and the file's SHA-256."""
    text, sha256 = _read_text_file(path, name)
    if not text.strip():
        raise BundleError(f"{name}: the file is empty")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicate_pairs)
        except ValueError as exc:
            raise BundleError(f"{name}: malformed JSON: {exc}") from None
        except RecursionError:
            raise BundleError(f"{name}: malformed JSON: nested too deeply") from None
    else:
        try:
            data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 — _SafeLoader is a SafeLoader
        except yaml.YAMLError as exc:
            raise BundleError(f"{name}: malformed YAML: {' '.join(str(exc).split())}") from None
        except RecursionError:
            raise BundleError(f"{name}: malformed YAML: nested too deeply") from None
    if data is None:
        raise BundleError(f"{name}: the file is empty")
    if not isinstance(data, dict):
        raise BundleError(f"{name}: a bundle is a mapping with actors, documents, propositions and claims, "
                          f"not {type(data).__name__}")
    for top in data:
        if top not in (*RECORD_TYPES, "format"):
            raise BundleError(f"{name}: unknown top-level key {top!r} (known: format, {', '.join(RECORD_TYPES)})")
    if "format" in data and data["format"] != FORMAT_NAME:
        raise BundleError(f"{name}: format: {data['format']!r} is not {FORMAT_NAME!r}")
    for top in RECORD_TYPES:
        if top in data and not isinstance(data[top], list):
            raise BundleError(f"{name}: {top}: expected a list of records, got {type(data[top]).__name__}")
    if not any(data.get(top) for top in RECORD_TYPES):
        raise BundleError(f"{name}: the bundle holds no records")
    return data, sha256


# --- the import ----------------------------------------------------------------------------------------

@dataclass
class _Where:
    """Where a record came from, for error messages: ``seed.yaml: claims[3] (key nis-deaths)``."""

    file: str
    label: str
    base_dir: Path

    def fail(self, path: str, message: str):
        raise BundleError(f"{self.file}: {self.label}: {path}: {message}" if path else f"{self.file}: {self.label}: {message}")


# Database constraints whose own message is only their name: the field and the sentence to show instead.
CONSTRAINT_HINTS = {
    "proposition_quantity_has_unit": ("unit", "a quantity proposition needs a unit (people, troops, USD...)"),
    "relation_not_to_itself": ("target", "a claim cannot relate to itself"),
    "appearance_translation_has_language": ("translation_language", "a translation needs its language"),
    "appearance_span_not_empty": ("end", "end must be after start"),
    "actor_not_own_parent": ("parent", "an actor cannot be its own parent"),
    "actor_wikidata_id_unique": ("wikidata_id", "another actor already has this Wikidata id"),
    "document_url_unique": ("url", "another document already has this URL"),
}


def _first_validation_message(exc: ValidationError) -> tuple[str, str]:
    """(bundle field name or "", message) of the first error that full_clean() raised."""
    if hasattr(exc, "error_dict"):
        name, errors = next(iter(exc.error_dict.items()))
        message = next(iter(ValidationError(errors).messages), "is invalid")
        name = "" if name == NON_FIELD_ERRORS else BUNDLE_FIELD.get(name, name)
    else:
        name, message = "", next(iter(exc.messages), "is invalid")
    for constraint, (field_name, hint) in CONSTRAINT_HINTS.items():
        if f"“{constraint}”" in message:
            return field_name, hint
    return name, message


class _Fallback(Exception):
    """The fast path does not take this batch as it stands (a key twice, a reference to a later line...)."""


class _Importer:
    """One run's import. Each batch is written on the fast path and, if that fails, again on the precise path.

    *Fast path* (``self.fast``): existing rows are looked up by key once per batch and record type; a NEW
    record and its children are checked in Python (``clean_fields()`` and ``clean()``: no per-row
    constraint or foreign-key SELECT) and inserted with one ``bulk_create`` per model, history rows
    included (``bulk_create_with_history``); the database enforces the constraints. An EXISTING record is
    compared with the bundle and, only when it differs, saved one by one (also without constraint
    SELECTs). Derived claim columns are refreshed once per batch.

    *Precise path*: if anything in the fast attempt fails — a database refusal, a bad value, a key seen
    twice, a reference to a later line — the batch's savepoint is rolled back and the batch is written
    again one record at a time with the full ``full_clean()``, so that the error names the file, line,
    record and field exactly as a one-by-one import would.
    """

    def __init__(self, *, run: ImportRun, report: ImportReport, progress=None):
        self.run = run
        self.report = report
        self.progress = progress
        self.reason = f"{COMMAND} run #{run.pk}"  # history_change_reason of every history row the run writes
        self.fast = True
        self.cache = {model: {} for model in MODELS.values()}
        self.absent = {model: set() for model in MODELS.values()}
        # Keys handled so far in this run, per record type: a key seen twice is an error however far apart.
        self.statistics = _PlannerStatistics()
        self.seen = _SeenKeys(self.statistics)
        self.touched_claims = set()
        self.fresh_claims = set()
        self.body_files = {}

    # references ------------------------------------------------------------------------------------
    def prefetch(self, records):
        """Look up, in one query per record type, every key these (type, clean data) records use."""
        wanted = {model: set() for model in MODELS.values()}
        for kind, data in records:
            wanted[MODELS[kind]].add(data["key"])
            for ref_kind, key in _references(kind, data):
                wanted[MODELS[ref_kind]].add(key)
        for model, keys in wanted.items():
            self.prefetch_keys(model, keys)

    def prefetch_keys(self, model, keys):
        keys = set(keys) - self.cache[model].keys() - self.absent[model]
        if not keys:
            return
        queryset = model.objects.filter(key__in=keys)
        if model is Actor:
            queryset = queryset.prefetch_related("aliases")
        elif model is Proposition:
            queryset = queryset.prefetch_related("subjects")
        elif model is Claim:
            queryset = queryset.prefetch_related("subjects", "appearances__hops", "stances", "estimates", "relations_out")
        for obj in queryset:
            self.cache[model][obj.key] = obj
        self.absent[model] |= keys - self.cache[model].keys()

    def existing(self, model, key):
        if key in self.cache[model]:
            return self.cache[model][key]
        if key in self.absent[model]:
            return None
        obj = model.objects.filter(key=key).first()
        if obj is not None:
            self.cache[model][key] = obj
        return obj

    def ref(self, model, key, where: _Where, path: str):
        obj = self.existing(model, key)
        if obj is None:
            where.fail(path, f"no {model._meta.verbose_name} with key {key!r} in the bundle or the database")
        return obj

    def remember(self, model, instance):
        self.cache[model][instance.key] = instance
        self.absent[model].discard(instance.key)

    def reset_cache(self):
        self.cache = {model: {} for model in MODELS.values()}
        self.absent = {model: set() for model in MODELS.values()}

    def forget(self):
        """End of a batch: drop cached rows so memory stays bounded, and refresh derived claim columns."""
        if self.touched_claims:
            claims_refresh_derived(claim_ids=self.touched_claims)
        if self.fresh_claims:
            # Inserted by the fast path with search_text and first_published_on already computed: only the
            # search vector (PostgreSQL) is left to fill.
            claims_refresh_search_vector(claim_ids=self.fresh_claims)
        self.touched_claims = set()
        self.fresh_claims = set()
        self.reset_cache()

    # batches ---------------------------------------------------------------------------------------
    def attempt(self, fast, precise):
        """Run ``fast()`` inside a savepoint; if it fails, roll it back and run ``precise()`` instead."""
        counts = copy.deepcopy(self.report.counts)
        marks = []
        if self.fast:
            try:
                with transaction.atomic():
                    return fast(marks)
            except (_Fallback, BundleError, DatabaseError):
                # The savepoint's rollback also forgot the keys the batch marked as seen.
                self.report.counts = counts
                self.touched_claims = set()
                self.fresh_claims = set()
                self.reset_cache()
        self.fast = False
        try:
            return precise()
        finally:
            self.fast = True

    def claim_keys(self, items, marks, *, ordered: bool):
        """Mark the batch's keys as seen. ``ordered`` (JSON Lines): references go to earlier lines only."""
        defined = {}
        already = {
            kind: self.seen.among(kind, [clean["key"] for k, clean, _ in items if k == kind]) for kind in RECORD_TYPES
        }
        for position, (kind, clean, _where) in enumerate(items):
            key = clean["key"]
            if key in already[kind] or (kind, key) in defined:
                raise _Fallback  # the precise path names the second occurrence
            defined[kind, key] = position
        if ordered:
            for position, (kind, clean, _where) in enumerate(items):
                for ref in _references(kind, clean):
                    if defined.get(ref, -1) >= position:
                        raise _Fallback  # a reference to this or a later line: as the precise path decides
        for kind in RECORD_TYPES:
            self.seen.add(kind, [key for k, key in defined if k == kind])
        marks.extend(defined)

    def write_batch(self, items, *, ordered: bool, defer_relations: bool = False):
        """Write one batch of (type, clean data, where); returns the claims whose relations are still to write."""

        def fast(marks):
            self.claim_keys(items, marks, ordered=ordered)
            self.prefetch([(kind, clean) for kind, clean, _ in items])
            by_kind = {kind: [(clean, where) for k, clean, where in items if k == kind] for kind in RECORD_TYPES}
            for level in _actor_levels(by_kind["actors"]):
                self.fast_actors(level)
            self.fast_documents(by_kind["documents"])
            self.fast_propositions(by_kind["propositions"])
            claims = self.fast_claims(by_kind["claims"])
            if defer_relations:
                return claims
            self.fast_relations(claims)
            return []

        def precise():
            self.prefetch([(kind, clean) for kind, clean, _ in items])
            claims = []
            for kind, clean, where in items:
                if kind == "claims":
                    claim, created, changed = self.guarded(self.import_claim, clean, where)
                    if defer_relations:
                        claims.append((claim, created, changed, clean["relations"], where))
                        continue
                    changed |= self.guarded(self.sync_relations, claim, created, clean["relations"], where)
                    self.finish("claims", claim, created, changed)
                else:
                    self.guarded(getattr(self, f"import_{SINGULAR[kind]}"), clean, where)
            return claims

        pending = self.attempt(fast, precise)
        self.forget()
        return pending

    def write_relations(self, claims):
        """Relations of claims written earlier (YAML and JSON files: after every claim of the file)."""

        def fast(_marks):
            self.fast_relations(claims)

        def precise():
            self.prefetch_keys(Claim, {item["target"] for *_, relations, _ in claims for item in relations})
            for claim, created, changed, relations, where in claims:
                changed |= self.guarded(self.sync_relations, claim, created, relations, where)
                self.finish("claims", claim, created, changed)

        self.attempt(fast, precise)
        self.forget()

    # writing -------------------------------------------------------------------------------------
    def clean(self, instance, where: _Where, prefix: str = ""):
        """Validate one instance; the fast path leaves constraints and foreign keys to the database."""
        try:
            if self.fast:
                instance.full_clean(exclude=_FOREIGN_KEYS[type(instance)], validate_unique=False, validate_constraints=False)
            else:
                instance.full_clean()
        except ValidationError as exc:
            name, message = _first_validation_message(exc)
            path = ".".join(part for part in (prefix, name) if part)
            where.fail(path, message)

    def stamp(self, instance):
        """A new record of this run: its import runs and the reason its history rows give."""
        instance.first_import_run = instance.last_import_run = self.run
        instance._change_reason = self.reason

    def bulk_insert(self, model, objects):
        """Insert new rows, then their "+" history rows (change reason: this run), in a few statements per batch."""
        if not objects:
            return
        model.objects.bulk_create(objects)
        when = timezone.now()
        _copy_to_history(model, [obj.pk for obj in objects], reason=self.reason, when=when)
        self.statistics.grew(model, len(objects))
        self.statistics.grew(model.history.model, len(objects))
        if model in (Claim, Proposition):
            # Their subjects, recorded on that same "+" history row, as the admin history shows them.
            own = f"{model._meta.model_name}_id"  # claim_id, proposition_id: the through table's column
            through = model.subjects.through
            rows = [through(**{own: obj.pk, "actor_id": actor.pk}) for obj in objects for actor in obj._bundle_subjects]
            through.objects.bulk_create(rows)
            _copy_subjects_to_history(model, [row.pk for row in rows], reason=self.reason)
            self.statistics.grew(through, len(rows))
            self.statistics.grew(apps.get_model(model._meta.app_label, f"Historical{model.__name__}_subjects"), len(rows))

    def upsert(self, kind: str, key: str, values: dict, where: _Where):
        """Create or update the record ``key`` of ``kind`` to hold ``values``: (instance, created, changed)."""
        model = MODELS[kind]
        if not self.fast:  # the fast path has checked the batch's keys already
            if self.seen.among(kind, [key]):
                where.fail("key", f"{key!r} appears twice in the bundle")
            self.seen.add(kind, [key])
        instance = self.existing(model, key)
        if instance is not None and instance.last_import_run_id == self.run.pk:
            where.fail("key", f"{key!r} appears twice in the bundle")
        if instance is None:
            instance = model(key=key, **values)
            self.stamp(instance)
            self.before_save(instance)
            self.clean(instance, where)
            instance.save()
            self.remember(model, instance)
            return instance, True, False
        instance._change_reason = self.reason  # also for the "~" rows of many-to-many changes
        changed = [name for name, value in values.items() if not _same(instance, name, value)]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            instance.last_import_run = self.run
            self.before_save(instance)
            self.clean(instance, where)
            instance.save()
        return instance, False, bool(changed)

    @staticmethod
    def before_save(instance):
        if isinstance(instance, Document):
            instance.body_sha256 = sha256_text(instance.body)  # computed by save(); full_clean needs it set

    def finish(self, kind, instance, created, changed):
        outcome = "created" if created else "updated" if changed else "unchanged"
        self.report.counts[kind][outcome] += 1
        if changed and instance.last_import_run_id != self.run.pk:
            # Only child rows changed: stamp the run without a history row for unchanged fields.
            MODELS[kind].objects.filter(pk=instance.pk).update(last_import_run=self.run, updated_at=timezone.now())
            instance.last_import_run_id = self.run.pk
        if kind == "claims" and (created or changed):
            self.touched_claims.add(instance.pk)

    def save(self, instance):
        instance._change_reason = self.reason
        instance.save()

    def delete(self, instance):
        instance._change_reason = self.reason
        instance.delete()

    # actors ----------------------------------------------------------------------------------------
    def actor_values(self, data, where):
        parent = self.ref(Actor, data["parent"], where, "parent") if data["parent"] else None
        values = {name: data[name] for name in (
            "name", "kind", "country", "description", "wikidata_id", "reliability", "reliability_rationale")}
        values["parent"] = parent
        return values

    @staticmethod
    def desired_aliases(data, where) -> dict:
        desired = {}
        for index, alias in enumerate(data["aliases"]):
            pair = (alias["name"], alias["language"])
            if pair in desired:
                where.fail(f"aliases[{index}]", f"the alias {alias['name']!r} ({alias['language']}) is listed twice")
            desired[pair] = index
        return desired

    def import_actor(self, data, where):
        values = self.actor_values(data, where)
        actor, created, changed = self.upsert("actors", data["key"], values, where)
        desired = self.desired_aliases(data, where)
        current = {} if created else {(a.name, a.language): a for a in actor.aliases.all()}
        # Alias saves recompute the actor's search text from its aliases: let them read the table, not the prefetch.
        getattr(actor, "_prefetched_objects_cache", {}).pop("aliases", None)
        for pair, alias in current.items():
            if pair not in desired:
                self.delete(alias)
                changed = True
        for pair, index in desired.items():
            if pair not in current:
                alias = ActorAlias(actor=actor, name=pair[0], language=pair[1])
                self.clean(alias, where, f"aliases[{index}]")
                self.save(alias)
                changed = True
        self.finish("actors", actor, created, changed)

    def fast_actors(self, items):
        actors, aliases = [], []
        for clean, where in items:
            if self.existing(Actor, clean["key"]) is not None:
                self.guarded(self.import_actor, clean, where)
                continue
            actor = Actor(key=clean["key"], **self.actor_values(clean, where))
            self.stamp(actor)
            desired = self.desired_aliases(clean, where)
            # What Actor.save() and the alias saves would compute, aliases in their table's order.
            actor.search_text = actor.compute_search_text([name for name, _ in sorted(desired, key=lambda p: (p[1], p[0]))])
            self.clean(actor, where)
            for (name, language), index in desired.items():
                alias = ActorAlias(actor=actor, name=name, language=language)
                self.clean(alias, where, f"aliases[{index}]")
                aliases.append(alias)
            actors.append(actor)
        self.bulk_insert(Actor, actors)
        self.bulk_insert(ActorAlias, aliases)
        for actor in actors:
            self.remember(Actor, actor)
            self.finish("actors", actor, True, False)

    # documents -------------------------------------------------------------------------------------
    def document_values(self, data, where):
        if data["body"] is not None and data["body_file"] is not None:
            where.fail("body_file", "give body or body_file, not both")
        if data["body"] is None and data["body_file"] is None:
            where.fail("body", "is required (give body or body_file)")
        if data["body_file"] is not None:
            body = self.read_body_file(data["body_file"], where)
            source = "body_file"
        else:
            body, source = data["body"], "body"
        published_on = data["published_on"]
        if data["body_format"] == "dated_article":
            try:
                header_date, body = parse_dated_article(body)
            except ArticleFormatError as exc:
                where.fail(source, str(exc))
            if published_on is not None and published_on != header_date:
                where.fail("published_on", f"{published_on.isoformat()} disagrees with the article's header date "
                                           f"{header_date.isoformat()}")
            published_on = header_date
        if published_on is None:
            where.fail("published_on", "is required")
        publisher = self.ref(Actor, data["publisher"], where, "publisher") if data["publisher"] else None
        values = {name: data[name] for name in (
            "kind", "title", "url", "authors", "language", "published_time", "retrieved_at", "archive_url")}
        values.update(publisher=publisher, published_on=published_on, body=body)
        return values

    def import_document(self, data, where):
        values = self.document_values(data, where)
        document, created, changed = self.upsert("documents", data["key"], values, where)
        self.finish("documents", document, created, changed)

    def fast_documents(self, items):
        documents = []
        for clean, where in items:
            if self.existing(Document, clean["key"]) is not None:
                self.guarded(self.import_document, clean, where)
                continue
            document = Document(key=clean["key"], **self.document_values(clean, where))
            self.stamp(document)
            self.before_save(document)
            self.clean(document, where)
            documents.append(document)
        self.bulk_insert(Document, documents)  # new documents have no appearances yet: nothing to re-verify
        document_bodies_seal(documents=documents)  # bulk_create skips Document.save(), which seals a body
        for document in documents:
            self.remember(Document, document)
            self.finish("documents", document, True, False)

    def read_body_file(self, relative: str, where: _Where) -> str:
        base = where.base_dir.resolve()
        path = (base / relative).resolve()
        if Path(relative).is_absolute() or base not in path.parents:
            # A bundle from elsewhere must not make the importer read arbitrary files of this machine.
            where.fail("body_file", f"{relative!r} must be a relative path inside the bundle's folder")
        if not path.is_file():
            where.fail("body_file", f"no such file {str(path)!r}")
        text, sha256 = _read_text_file(path, f"{where.file}: {where.label}: body_file {relative!r}")
        self.body_files[str(path)] = sha256
        return text

    # propositions ----------------------------------------------------------------------------------
    def proposition_values(self, data, where):
        subjects = [self.ref(Actor, key, where, f"subjects[{i}]") for i, key in enumerate(data["subjects"])]
        values = {name: data[name] for name in ("title", "description", "kind", "measure", "unit", "status", "status_rationale")}
        return values, subjects

    def import_proposition(self, data, where):
        values, subjects = self.proposition_values(data, where)
        proposition, created, changed = self.upsert("propositions", data["key"], values, where)
        changed |= _set_subjects(proposition, subjects, created)
        self.finish("propositions", proposition, created, changed)

    def fast_propositions(self, items):
        propositions = []
        for clean, where in items:
            if self.existing(Proposition, clean["key"]) is not None:
                self.guarded(self.import_proposition, clean, where)
                continue
            values, subjects = self.proposition_values(clean, where)
            proposition = Proposition(key=clean["key"], **values)
            proposition._bundle_subjects = subjects
            self.stamp(proposition)
            self.clean(proposition, where)
            propositions.append(proposition)
        self.bulk_insert(Proposition, propositions)
        for proposition in propositions:
            self.remember(Proposition, proposition)
            self.finish("propositions", proposition, True, False)

    # claims ----------------------------------------------------------------------------------------
    def claim_values(self, data, where):
        claimant = self.ref(Actor, data["claimant"], where, "claimant")
        subjects = [self.ref(Actor, key, where, f"subjects[{i}]") for i, key in enumerate(data["subjects"])]
        stated_on, precision = data["stated_on"] or (None, "day")
        values = {name: data[name] for name in CLAIM_FIELDS}
        values.update(claimant=claimant, stated_on=stated_on, stated_on_precision=precision)
        return values, subjects

    def import_claim(self, data, where):
        """Write a claim and its children except relations: (claim, created, changed)."""
        values, subjects = self.claim_values(data, where)
        claim, created, changed = self.upsert("claims", data["key"], values, where)
        changed |= _set_subjects(claim, subjects, created)
        changed |= self.sync_appearances(claim, created, data["appearances"], where)
        changed |= self.sync_stances(claim, created, data, where)
        changed |= self.sync_estimates(claim, created, data["estimates"], where)
        return claim, created, changed

    def fast_claims(self, items):
        """New claims and their children in a few bulk inserts; existing ones one by one. Relations are left."""
        done, new, appearances, hops, stances, estimates = [], [], [], [], [], []
        for clean, where in items:
            if self.existing(Claim, clean["key"]) is not None:
                claim, created, changed = self.guarded(self.import_claim, clean, where)
                done.append((claim, created, changed, clean["relations"], where))
                continue
            values, subjects = self.claim_values(clean, where)
            claim = Claim(key=clean["key"], **values)
            claim._bundle_subjects = subjects
            self.stamp(claim)
            self.clean(claim, where)
            new.append(claim)
            done.append((claim, True, False, clean["relations"], where))
            texts = ([], [])
            for (_document_id, start, end), (index, document, item, item_hops) in self.desired_appearances(
                    clean["appearances"], where).items():
                path = f"appearances[{index}]"
                appearance = Appearance(claim=claim, document=document, start=start, end=end, quote=item["quote"],
                                        translation=item["translation"], translation_language=item["translation_language"])
                self.clean(appearance, where, path)
                appearances.append(appearance)
                texts[0].append(appearance.quote)
                texts[1].append(appearance.translation)
                if claim.first_published_on is None or document.published_on < claim.first_published_on:
                    claim.first_published_on = document.published_on
                for position, (actor, relation, language) in enumerate(item_hops, start=1):
                    hop = AttributionHop(appearance=appearance, position=position, actor=actor, relation=relation,
                                         language=language)
                    self.clean(hop, where, f"{path}.hops[{position - 1}]")
                    hops.append(hop)
            # The derived columns as claims.services.derived computes them, so that its refresh finds nothing to rewrite.
            claim.search_text = claim_search_text(summary=claim.summary, quotes=texts[0], translations=texts[1])
            for index, proposition, value in self.desired_stances(clean, where).values():
                stance = ClaimStance(claim=claim, proposition=proposition, stance=value)
                self.clean(stance, where, f"stances[{index}]" if index is not None else "stances")
                stances.append(stance)
            for index, _signature, values in self.desired_estimates(clean["estimates"], where):
                estimate = Estimate(claim=claim, **values)
                self.clean(estimate, where, f"estimates[{index}]")
                estimates.append(estimate)
        self.bulk_insert(Claim, new)
        for claim in new:
            self.remember(Claim, claim)
            self.fresh_claims.add(claim.pk)  # its search vector is filled once per batch (PostgreSQL)
        self.bulk_insert(Appearance, appearances)  # no post_save signal: derived columns are refreshed per batch
        self.bulk_insert(AttributionHop, hops)
        self.bulk_insert(ClaimStance, stances)
        self.bulk_insert(Estimate, estimates)
        return done

    def fast_relations(self, claims):
        """Relations of these claims, then their counts: new claims' relations in one bulk insert."""
        self.prefetch_keys(Claim, {item["target"] for *_, relations, _ in claims for item in relations})
        relations = []
        for claim, created, changed, items, where in claims:
            if created:
                for index, target, item in self.desired_relations(items, where).values():
                    relation = ClaimRelation(source=claim, target=target, kind=item["kind"], state=item["state"],
                                             rationale=item["rationale"])
                    self.clean(relation, where, f"relations[{index}]")
                    relations.append(relation)
            else:
                changed |= self.guarded(self.sync_relations, claim, created, items, where)
            self.finish("claims", claim, created, changed)
        self.bulk_insert(ClaimRelation, relations)

    def desired_appearances(self, appearances, where) -> dict:
        """(document id, start, end) → (index, document, item, hops) for a claim's appearances in the bundle."""
        desired = {}
        for index, item in enumerate(appearances):
            path = f"appearances[{index}]"
            document = self.ref(Document, item["document"], where, f"{path}.document")
            start, end = item["start"], item["end"]
            if (start is None) != (end is None):
                where.fail(f"{path}.{'end' if end is None else 'start'}", "give both start and end, or neither")
            if start is None:
                try:
                    start, end = locate_quote(document.body, item["quote"])
                except QuoteError as exc:
                    where.fail(f"{path}.quote", f"in document {document.key!r}: {exc}")
            else:
                mismatch = describe_mismatch(document.body, item["quote"], start, end)
                if mismatch:
                    where.fail(f"{path}.quote", f"in document {document.key!r}: {mismatch}")
            span = (document.pk, start, end)
            if span in desired:
                where.fail(path, f"the same span {start}–{end} of {document.key!r} is listed twice")
            hops = tuple(
                (self.ref(Actor, hop["actor"], where, f"{path}.hops[{i}].actor"), hop["relation"], hop["language"])
                for i, hop in enumerate(item["hops"])
            )
            desired[span] = (index, document, item, hops)
        return desired

    def sync_appearances(self, claim, created, appearances, where) -> bool:
        desired = self.desired_appearances(appearances, where)
        current = {} if created else {(a.document_id, a.start, a.end): a for a in claim.appearances.all()}
        changed = False
        for span, appearance in current.items():
            if span not in desired:
                self.delete(appearance)
                changed = True
        for span, (index, document, item, hops) in desired.items():
            path = f"appearances[{index}]"
            appearance = current.get(span)
            fields = {"quote": item["quote"], "translation": item["translation"],
                      "translation_language": item["translation_language"]}
            if appearance is None:
                appearance = Appearance(claim=claim, document=document, start=span[1], end=span[2], **fields)
                self.clean(appearance, where, path)
                self.save(appearance)
                current_hops = None
                changed = True
            else:
                appearance.document = document
                differs = [name for name, value in fields.items() if getattr(appearance, name) != value]
                if differs:
                    for name in differs:
                        setattr(appearance, name, fields[name])
                    self.clean(appearance, where, path)
                    self.save(appearance)
                    changed = True
                current_hops = [(h.actor_id, h.relation, h.language) for h in appearance.hops.all()]
            wanted_hops = [(actor.pk, relation, language) for actor, relation, language in hops]
            if current_hops != wanted_hops:
                if current_hops:
                    for hop in appearance.hops.all():
                        self.delete(hop)
                for position, (actor, relation, language) in enumerate(hops, start=1):
                    hop = AttributionHop(appearance=appearance, position=position, actor=actor, relation=relation, language=language)
                    self.clean(hop, where, f"{path}.hops[{position - 1}]")
                    self.save(hop)
                changed = changed or current_hops is not None
        return changed

    def desired_stances(self, data, where) -> dict:
        """proposition id → (index or None, proposition, stance); an estimate implies the stance "estimates"."""
        desired = {}
        for index, item in enumerate(data["stances"]):
            proposition = self.ref(Proposition, item["proposition"], where, f"stances[{index}].proposition")
            if proposition.pk in desired:
                where.fail(f"stances[{index}].proposition", f"{proposition.key!r} is listed twice")
            desired[proposition.pk] = (index, proposition, item["stance"])
        for index, item in enumerate(data["estimates"]):
            proposition = self.ref(Proposition, item["proposition"], where, f"estimates[{index}].proposition")
            desired.setdefault(proposition.pk, (None, proposition, "estimates"))
        return desired

    def sync_stances(self, claim, created, data, where) -> bool:
        desired = self.desired_stances(data, where)
        current = {} if created else {s.proposition_id: s for s in claim.stances.all()}
        changed = False
        for proposition_id, stance in current.items():
            if proposition_id not in desired:
                self.delete(stance)
                changed = True
        for proposition_id, (index, proposition, value) in desired.items():
            path = f"stances[{index}]" if index is not None else "stances"
            stance = current.get(proposition_id)
            if stance is not None and stance.stance == value:
                continue
            if stance is None:
                stance = ClaimStance(claim=claim, proposition=proposition)
            stance.stance = value
            self.clean(stance, where, path)
            self.save(stance)
            changed = True
        return changed

    def desired_estimates(self, estimates, where) -> list:
        """[(index, signature, model field values)] of a claim's estimates in the bundle."""
        desired = []
        for index, item in enumerate(estimates):
            proposition = self.ref(Proposition, item["proposition"], where, f"estimates[{index}].proposition")
            as_of, precision = item["as_of"] or (None, "day")
            values = {
                "proposition": proposition, "value": item["value"], "lower": item["lower"], "upper": item["upper"],
                "qualifier": item["qualifier"], "unit": item["unit"], "as_of": as_of, "as_of_precision": precision,
                "period_start": item["period_start"], "period_end": item["period_end"], "wording": item["wording"],
            }
            desired.append((index, _estimate_signature(values), values))
        return desired

    def sync_estimates(self, claim, created, estimates, where) -> bool:
        desired = self.desired_estimates(estimates, where)
        pool = {}
        if not created:
            for estimate in claim.estimates.all():
                row = {name: getattr(estimate, name) for name in ESTIMATE_FIELDS} | {"proposition": estimate.proposition_id}
                pool.setdefault(_estimate_signature(row), []).append(estimate)
        to_create = []
        for index, signature, values in desired:
            if pool.get(signature):
                pool[signature].pop()
            else:
                to_create.append((index, values))
        changed = False
        for leftovers in pool.values():
            for estimate in leftovers:
                self.delete(estimate)
                changed = True
        for index, values in to_create:
            estimate = Estimate(claim=claim, **values)
            self.clean(estimate, where, f"estimates[{index}]")
            self.save(estimate)
            changed = True
        return changed

    def desired_relations(self, relations, where) -> dict:
        """(target id, kind) → (index, target, item) of a claim's relations in the bundle."""
        desired = {}
        for index, item in enumerate(relations):
            target = self.ref(Claim, item["target"], where, f"relations[{index}].target")
            pair = (target.pk, item["kind"])
            if pair in desired:
                where.fail(f"relations[{index}]", f"'{item['kind']} {target.key}' is listed twice")
            desired[pair] = (index, target, item)
        return desired

    def sync_relations(self, claim, created, relations, where) -> bool:
        desired = self.desired_relations(relations, where)
        current = {} if created else {(r.target_id, r.kind): r for r in claim.relations_out.all()}
        changed = False
        for pair, relation in current.items():
            if pair not in desired:
                self.delete(relation)
                changed = True
        for pair, (index, target, item) in desired.items():
            relation = current.get(pair)
            if relation is not None and (relation.state, relation.rationale) == (item["state"], item["rationale"]):
                continue
            if relation is None:
                relation = ClaimRelation(source=claim, target=target, kind=item["kind"])
            relation.state, relation.rationale = item["state"], item["rationale"]
            self.clean(relation, where, f"relations[{index}]")
            self.save(relation)
            changed = True
        return changed

    # files -----------------------------------------------------------------------------------------
    def import_bundle_file(self, path: Path, name: str):
        data, sha256 = load_bundle(path, name)
        self.report.files.append({"name": name, "sha256": sha256})
        records = {kind: [] for kind in RECORD_TYPES}
        for kind in RECORD_TYPES:
            for index, raw in enumerate(data.get(kind) or []):
                label = f"{kind}[{index}]"
                if isinstance(raw, dict) and isinstance(raw.get("key"), str):
                    label += f" (key {raw['key']})"
                where = _Where(name, label, path.parent)
                try:
                    clean = read_record(SPECS[kind], raw)
                except FieldError as exc:
                    where.fail(exc.path, exc.message)
                records[kind].append((clean, where))
        keys = set()
        for kind, items in records.items():
            already = self.seen.among(kind, [clean["key"] for clean, _ in items])
            for clean, where in items:
                if (kind, clean["key"]) in keys or clean["key"] in already:
                    where.fail("key", f"{clean['key']!r} appears twice in the bundle")
                keys.add((kind, clean["key"]))
        records["actors"] = _parents_first(records["actors"])
        pending_relations = []
        for kind in RECORD_TYPES:  # a record may refer to any record of an earlier type in the file
            items = records[kind]
            for offset in range(0, len(items), BATCH_SIZE):
                chunk = [(kind, clean, where) for clean, where in items[offset: offset + BATCH_SIZE]]
                pending_relations += self.write_batch(chunk, ordered=False, defer_relations=True)
        # Relations last, so that a claim may point at one later in the file.
        for offset in range(0, len(pending_relations), BATCH_SIZE):
            self.write_relations(pending_relations[offset: offset + BATCH_SIZE])

    def import_lines_file(self, path: Path, name: str):
        """A JSON Lines file, read and written in batches of BATCH_SIZE lines."""
        digest = hashlib.sha256()
        size = path.stat().st_size
        if size == 0:
            raise BundleError(f"{name}: the file is empty")
        done = records = 0
        bar = self.progress.bar(name, size) if self.progress else None
        batch = []
        try:
            with path.open("rb") as handle:
                for number, raw in enumerate(handle, start=1):
                    digest.update(raw)
                    done += len(raw)
                    item = self.read_line(raw, number, name, path.parent)
                    if item is not None:
                        batch.append(item)
                    if len(batch) >= BATCH_SIZE:
                        self.write_batch(batch, ordered=True)
                        records += len(batch)
                        batch = []
                        if self.progress:
                            self.progress.advance(bar, name, records, done, size)
                if batch:
                    self.write_batch(batch, ordered=True)
                    records += len(batch)
                    if self.progress:
                        self.progress.advance(bar, name, records, done, size)
        finally:
            if bar is not None:
                bar.close()
        if records == 0:
            raise BundleError(f"{name}: the file is empty (no records)")
        self.report.files.append({"name": name, "sha256": digest.hexdigest()})

    @staticmethod
    def read_line(raw: bytes, number: int, name: str, base_dir: Path):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise BundleError(f"{name}: line {number}: not UTF-8 text") from None
        if not text.strip():
            return None
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicate_pairs)
        except ValueError as exc:
            raise BundleError(f"{name}: line {number}: malformed JSON: {exc}") from None
        except RecursionError:
            raise BundleError(f"{name}: line {number}: malformed JSON: nested too deeply") from None
        if not isinstance(data, dict):
            raise BundleError(f"{name}: line {number}: expected a JSON object with a type, not {type(data).__name__}")
        kind = data.pop("type", None)
        label = f"line {number}"
        if kind not in LINE_TYPES:
            raise BundleError(f"{name}: {label}: type: {kind!r} is not one of {', '.join(LINE_TYPES)}")
        if isinstance(data.get("key"), str):
            label += f" ({kind}, key {data['key']})"
        where = _Where(name, label, base_dir)
        try:
            clean = read_record(SPECS[LINE_TYPES[kind]], data)
        except FieldError as exc:
            where.fail(exc.path, exc.message)
        return LINE_TYPES[kind], clean, where

    def guarded(self, function, *args):
        """Run one record's writes; a database refusal that full_clean did not foresee still names the record.

        On the fast path the refusal is passed up instead: the batch is then rolled back and re-run on the
        precise path, which names the record.
        """
        if self.fast:
            return function(*args)
        where = args[-1]
        try:
            return function(*args)
        except DatabaseError as exc:
            where.fail("", f"the database refused it: {' '.join(str(exc).split())}")


CLAIM_FIELDS = ("kind", "summary", "summary_language", "hedge", "location", "location_country", "interested",
                "status", "verdict", "credibility", "rationale", "rating_text", "assessed_at")

# Foreign keys that the fast path leaves out of clean_fields(): each would cost a SELECT per row, and the
# importer has resolved every reference itself (the database still enforces them).
_FOREIGN_KEYS = {
    model: [f.name for f in model._meta.concrete_fields if f.is_relation]
    for model in (Actor, ActorAlias, Document, Proposition, Claim, Appearance, AttributionHop, ClaimStance, Estimate,
                  ClaimRelation)
}


# History rows of bulk-inserted rows are copied inside the database (INSERT … SELECT), not built in Python:
# simple_history's bulk_create_with_history builds every history row as a model instance, which costs as
# much again as the row itself and kept the import at a quarter of a bare bulk_create's speed. The copy
# writes exactly what bulk_history_create would: every tracked column, history_date, history_type "+",
# history_change_reason, no history_user (a command has no request user).
_CHUNK = 500  # ids per statement: well under SQLite's and PostgreSQL's parameter limits


def _copy_to_history(model, pks, *, reason: str, when):
    history = model.history.model
    tracked = history.tracked_fields
    quote = connection.ops.quote_name
    target = [quote(history._meta.get_field(f.name).column) for f in tracked]
    source = [quote(f.column) for f in tracked]
    extra = [quote(history._meta.get_field(name).column)
             for name in ("history_date", "history_change_reason", "history_type", "history_user")]
    with connection.cursor() as cursor:
        for offset in range(0, len(pks), _CHUNK):
            chunk = pks[offset: offset + _CHUNK]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(target + extra)}) "
                f"SELECT {', '.join(source)}, %s, %s, '+', NULL FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [when, reason, *chunk],
            )


class _PlannerStatistics:
    """Keeps PostgreSQL's statistics of the tables an import fills up to date inside its transaction.

    PostgreSQL plans every statement from table statistics, and autovacuum cannot refresh them while the
    import's transaction is open (other transactions do not see its rows). A table that was empty when last
    analysed looks empty for the whole run, so a join against it (the subjects' history copy, say) becomes a
    nested loop over a sequential scan: quadratic in the size of the import — at 270,000 claims one batch
    of 500 took 1.5 minutes. ``ANALYZE`` run inside the transaction counts the transaction's own rows; it
    runs on a table each time the rows this run added to it have doubled (from 5,000), about ten times
    per table for a million rows. SQLite needs nothing of the kind (its planner does not use statistics
    unless ANALYZE was run by hand).
    """

    FIRST = 5000

    def __init__(self):
        self.added = {}
        self.analyzed_at = {}

    def grew(self, model_or_table, rows: int) -> None:
        if connection.vendor != "postgresql" or not rows:
            return
        table = model_or_table if isinstance(model_or_table, str) else model_or_table._meta.db_table
        added = self.added[table] = self.added.get(table, 0) + rows
        if added >= max(self.FIRST, 2 * self.analyzed_at.get(table, 0)):
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
            self.analyzed_at[table] = added


def _copy_subjects_to_history(model, through_pks, *, reason: str):
    """Many-to-many history rows for new subjects, pointing at their record's "+" history row of this run."""
    if not through_pks:
        return
    history = model.history.model
    subjects_history = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_subjects")
    through = model.subjects.through
    own = model._meta.model_name
    quote = connection.ops.quote_name
    column = lambda m, name: quote(m._meta.get_field(name).column)  # noqa: E731
    with connection.cursor() as cursor:
        for offset in range(0, len(through_pks), _CHUNK):
            chunk = through_pks[offset: offset + _CHUNK]
            cursor.execute(
                f"INSERT INTO {quote(subjects_history._meta.db_table)} "
                f"({column(subjects_history, 'id')}, {column(subjects_history, own)}, "
                f"{column(subjects_history, 'actor')}, {column(subjects_history, 'history')}) "
                f"SELECT t.{column(through, 'id')}, t.{column(through, own)}, t.{column(through, 'actor')}, "
                f"h.{column(history, 'history_id')} "
                f"FROM {quote(through._meta.db_table)} t JOIN {quote(history._meta.db_table)} h "
                f"ON h.{column(history, 'id')} = t.{column(through, own)} "
                f"AND h.{column(history, 'history_type')} = '+' AND h.{column(history, 'history_change_reason')} = %s "
                f"WHERE t.{column(through, 'id')} IN ({', '.join(['%s'] * len(chunk))})",
                [reason, *chunk],
            )


def _references(kind, data):
    """(type, key) of every record this record refers to."""
    if kind == "actors":
        if data["parent"]:
            yield "actors", data["parent"]
    elif kind == "documents":
        if data["publisher"]:
            yield "actors", data["publisher"]
    elif kind == "propositions":
        for key in data["subjects"]:
            yield "actors", key
    elif kind == "claims":
        yield "actors", data["claimant"]
        for key in data["subjects"]:
            yield "actors", key
        for appearance in data["appearances"]:
            yield "documents", appearance["document"]
            for hop in appearance["hops"]:
                yield "actors", hop["actor"]
        for item in [*data["stances"], *data["estimates"]]:
            yield "propositions", item["proposition"]
        for item in data["relations"]:
            yield "claims", item["target"]


def _actor_levels(items):
    """A batch's actors in waves: an actor whose parent is in the batch comes in a later wave than it."""
    pending = list(items)
    while pending:
        waiting = {clean["key"] for clean, _ in pending}
        ready = [item for item in pending if item[0]["parent"] not in waiting or item[0]["parent"] == item[0]["key"]]
        if not ready:
            raise _Fallback  # a cycle: the precise path names it
        yield ready
        taken = {id(item) for item in ready}
        pending = [item for item in pending if id(item) not in taken]


def _same(instance, name, value) -> bool:
    if instance._meta.get_field(name).is_relation:  # compare ids: no query for the related row
        return getattr(instance, f"{name}_id") == (value.pk if value is not None else None)
    current = getattr(instance, name)
    if value is None or current is None:
        return value is None and current is None
    return current == value


def _set_subjects(instance, subjects, created) -> bool:
    wanted = {actor.pk for actor in subjects}
    current = set() if created else {actor.pk for actor in instance.subjects.all()}
    if wanted == current:
        return False
    instance.subjects.set(wanted)
    return True


ESTIMATE_FIELDS = ("value", "lower", "upper", "qualifier", "unit", "as_of", "as_of_precision", "period_start",
                   "period_end", "wording")


def _estimate_signature(values) -> tuple:
    """What makes two estimates of a claim the same (numbers compare by value: 2000 == 2000.0000)."""
    proposition = values["proposition"]
    proposition_id = proposition.pk if hasattr(proposition, "pk") else proposition
    return (proposition_id, *(values[name] for name in ESTIMATE_FIELDS))


def _parents_first(actors):
    """Order a bundle's actors so that every parent in the bundle comes before its children."""
    in_bundle = {clean["key"] for clean, _ in actors}
    ordered, done, pending = [], set(), list(actors)
    while pending:
        ready = [item for item in pending if item[0]["parent"] not in in_bundle or item[0]["parent"] in done]
        if not ready:
            clean, where = pending[0]
            where.fail("parent", f"{clean['parent']!r} leads back to {clean['key']!r}: parents may not form a cycle")
        for item in ready:
            ordered.append(item)
            done.add(item[0]["key"])
        pending = [item for item in pending if item[0]["key"] not in done]
    return ordered


class Progress:
    """Progress on JSON Lines files: a tqdm bar on a terminal, a plain line every ``every`` records otherwise."""

    def __init__(self, *, write, stream=None, tty=False, every=PROGRESS_EVERY):
        self.write, self.stream, self.tty, self.every = write, stream, tty, every
        self._last = 0

    def bar(self, name, size):
        self._last = 0
        if not self.tty:
            return None
        from tqdm import tqdm

        return tqdm(total=size, unit="B", unit_scale=True, desc=name, file=self.stream, leave=False)

    def advance(self, bar, name, records, done, size):
        if bar is not None:
            bar.update(done - bar.n)
            bar.set_postfix(records=records)
        elif records - self._last >= self.every or done >= size:
            self._last = records
            self.write(f"{name}: {records} records ({100 * done // size}%)")


class _SeenKeys:
    """The keys an import run has handled, per record type, kept in a temporary table of the run's
    connection rather than in memory, so that memory does not grow with the file. Rows added inside a
    batch's savepoint disappear with it when the batch falls back to the precise path."""

    TABLE = "factbase_import_seen_keys"
    CHUNK = 400  # SQLite allows 999 parameters per statement

    def __init__(self, statistics: "_PlannerStatistics | None" = None):
        # Autovacuum never analyses temporary tables: without statistics kept by the import, PostgreSQL
        # scans the whole table for each lookup once it holds a few hundred thousand keys.
        self.statistics = statistics or _PlannerStatistics()
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {self.TABLE} "
                "(record_type VARCHAR(16) NOT NULL, record_key TEXT NOT NULL, PRIMARY KEY (record_type, record_key))"
            )
            cursor.execute(f"DELETE FROM {self.TABLE}")

    def among(self, kind: str, keys) -> set:
        """Those of ``keys`` already seen for ``kind`` (one query per 400 keys)."""
        keys, found = sorted(set(keys)), set()
        with connection.cursor() as cursor:
            for offset in range(0, len(keys), self.CHUNK):
                chunk = keys[offset : offset + self.CHUNK]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"SELECT record_key FROM {self.TABLE} WHERE record_type = %s AND record_key IN ({marks})",
                    [kind, *chunk],
                )
                found.update(row[0] for row in cursor.fetchall())
        return found

    def add(self, kind: str, keys) -> None:
        keys = list(keys)
        if not keys:
            return
        with connection.cursor() as cursor:
            for offset in range(0, len(keys), self.CHUNK):
                chunk = keys[offset : offset + self.CHUNK]
                values = ", ".join(["(%s, %s)"] * len(chunk))
                cursor.execute(
                    f"INSERT INTO {self.TABLE} (record_type, record_key) VALUES {values}",
                    [value for key in chunk for value in (kind, key)],
                )
        self.statistics.grew(self.TABLE, len(keys))


def bundle_import(*, paths, dry_run: bool = False, operator: str = "", progress: Progress | None = None) -> ImportReport:
    """Import every bundle in ``paths`` in one transaction; raise BundleError (nothing written) on bad input."""
    files = bundle_paths(paths)
    operator = operator or os.environ.get("FACTBASE_OPERATOR", "") or _os_user()
    report = ImportReport(dry_run=dry_run)
    with transaction.atomic():
        user = get_user_model().objects.filter(username=operator).first() if operator else None
        run = ImportRun.objects.create(command=COMMAND, operator=operator[:150], user=user)
        importer = _Importer(run=run, report=report, progress=progress)
        for path in files:
            name = str(path)
            if path.suffix.lower() == ".jsonl":
                importer.import_lines_file(path, name)
            else:
                importer.import_bundle_file(path, name)
        report.files.extend({"name": name, "sha256": sha256, "role": "body_file"} for name, sha256 in importer.body_files.items())
        run.files = report.files
        run.counts = report.counts
        run.created, run.updated, run.unchanged = (report.total(o) for o in ("created", "updated", "unchanged"))
        run.finished_at = timezone.now()
        run.save()
        report.run_id = run.pk
        if dry_run:
            transaction.set_rollback(True)
    return report


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


__all__ = ["BundleError", "ImportReport", "Progress", "bundle_import", "bundle_paths", "load_bundle"]
