"""Importing bundles: YAML, JSON and JSON Lines files of actors, documents, propositions and claims.

``bundle_import(paths=..., dry_run=..., operator=...)`` reads every bundle, checks every record against
``claims.bundle_format`` and every model instance with ``full_clean()``, and writes — in one transaction
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

JSON Lines files are read line by line in batches of ``BATCH_SIZE`` records; references are looked up
once per batch, and memory does not grow with the file. A line may refer to records on earlier lines, in
earlier files of the run, or already in the database.
"""

import getpass
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from factbase.models import ImportRun
from sources.articles import ArticleFormatError, parse_dated_article
from sources.models import Actor, ActorAlias, Document, sha256_text

from .bundle_format import FORMAT_NAME, LINE_TYPES, RECORD_TYPES, SPECS, FieldError, read_record
from .derived import claims_refresh_derived
from .models import Appearance, AttributionHop, Claim, ClaimRelation, ClaimStance, Estimate, Proposition
from .quotes import QuoteError, describe_mismatch, locate_quote

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
    else:
        try:
            data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 — _SafeLoader is a SafeLoader
        except yaml.YAMLError as exc:
            raise BundleError(f"{name}: malformed YAML: {' '.join(str(exc).split())}") from None
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


class _Importer:
    def __init__(self, *, run: ImportRun, report: ImportReport, progress=None):
        self.run = run
        self.report = report
        self.progress = progress
        self.cache = {model: {} for model in MODELS.values()}
        self.absent = {model: set() for model in MODELS.values()}
        self.seen = set()  # (type, key) handled in this file (YAML/JSON) or batch (JSON Lines)
        self.touched_claims = set()
        self.body_files = {}

    # references ------------------------------------------------------------------------------------
    def prefetch(self, records):
        """Look up, in one query per record type, every key these (type, clean data) records use."""
        wanted = {model: set() for model in MODELS.values()}
        for kind, data in records:
            wanted[MODELS[kind]].add(data["key"])
            if kind == "actors" and data["parent"]:
                wanted[Actor].add(data["parent"])
            elif kind == "documents" and data["publisher"]:
                wanted[Actor].add(data["publisher"])
            elif kind == "propositions":
                wanted[Actor].update(data["subjects"])
            elif kind == "claims":
                wanted[Actor].update([data["claimant"], *data["subjects"]])
                for appearance in data["appearances"]:
                    wanted[Document].add(appearance["document"])
                    wanted[Actor].update(hop["actor"] for hop in appearance["hops"])
                wanted[Proposition].update(s["proposition"] for s in [*data["stances"], *data["estimates"]])
                wanted[Claim].update(r["target"] for r in data["relations"])
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

    def forget(self):
        """End of a batch: drop cached rows so memory stays bounded, and refresh derived claim columns."""
        if self.touched_claims:
            claims_refresh_derived(claim_ids=self.touched_claims)
        self.touched_claims = set()
        self.cache = {model: {} for model in MODELS.values()}
        self.absent = {model: set() for model in MODELS.values()}

    # writing -------------------------------------------------------------------------------------
    @staticmethod
    def clean(instance, where: _Where, prefix: str = ""):
        try:
            instance.full_clean()
        except ValidationError as exc:
            name, message = _first_validation_message(exc)
            path = ".".join(part for part in (prefix, name) if part)
            where.fail(path, message)

    def upsert(self, kind: str, key: str, values: dict, where: _Where):
        """Create or update the record ``key`` of ``kind`` to hold ``values``: (instance, created, changed)."""
        model = MODELS[kind]
        if (kind, key) in self.seen:
            where.fail("key", f"{key!r} appears twice in the bundle")
        self.seen.add((kind, key))
        instance = self.existing(model, key)
        if instance is not None and instance.last_import_run_id == self.run.pk:
            where.fail("key", f"{key!r} appears twice in the bundle")
        if instance is None:
            instance = model(key=key, **values)
            instance.first_import_run = instance.last_import_run = self.run
            self.before_save(instance)
            self.clean(instance, where)
            instance.save()
            self.cache[model][key] = instance
            self.absent[model].discard(key)
            return instance, True, False
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

    # actors ----------------------------------------------------------------------------------------
    def import_actor(self, data, where):
        parent = self.ref(Actor, data["parent"], where, "parent") if data["parent"] else None
        values = {name: data[name] for name in (
            "name", "kind", "country", "description", "wikidata_id", "reliability", "reliability_rationale")}
        values["parent"] = parent
        actor, created, changed = self.upsert("actors", data["key"], values, where)
        desired = {}
        for index, alias in enumerate(data["aliases"]):
            pair = (alias["name"], alias["language"])
            if pair in desired:
                where.fail(f"aliases[{index}]", f"the alias {alias['name']!r} ({alias['language']}) is listed twice")
            desired[pair] = index
        current = {} if created else {(a.name, a.language): a for a in actor.aliases.all()}
        # Alias saves recompute the actor's search text from its aliases: let them read the table, not the prefetch.
        getattr(actor, "_prefetched_objects_cache", {}).pop("aliases", None)
        for pair, alias in current.items():
            if pair not in desired:
                alias.delete()
                changed = True
        for pair, index in desired.items():
            if pair not in current:
                alias = ActorAlias(actor=actor, name=pair[0], language=pair[1])
                self.clean(alias, where, f"aliases[{index}]")
                alias.save()
                changed = True
        self.finish("actors", actor, created, changed)

    # documents -------------------------------------------------------------------------------------
    def import_document(self, data, where):
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
        document, created, changed = self.upsert("documents", data["key"], values, where)
        self.finish("documents", document, created, changed)

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
    def import_proposition(self, data, where):
        subjects = [self.ref(Actor, key, where, f"subjects[{i}]") for i, key in enumerate(data["subjects"])]
        values = {name: data[name] for name in ("title", "description", "kind", "measure", "unit", "status", "status_rationale")}
        proposition, created, changed = self.upsert("propositions", data["key"], values, where)
        changed |= _set_subjects(proposition, subjects, created)
        self.finish("propositions", proposition, created, changed)

    # claims ----------------------------------------------------------------------------------------
    def import_claim(self, data, where):
        """Write a claim and its children except relations: (claim, created, changed)."""
        claimant = self.ref(Actor, data["claimant"], where, "claimant")
        subjects = [self.ref(Actor, key, where, f"subjects[{i}]") for i, key in enumerate(data["subjects"])]
        stated_on, precision = data["stated_on"] or (None, "day")
        values = {name: data[name] for name in (
            "kind", "summary", "summary_language", "hedge", "location", "location_country", "interested",
            "status", "verdict", "credibility", "rationale")}
        values.update(claimant=claimant, stated_on=stated_on, stated_on_precision=precision)
        claim, created, changed = self.upsert("claims", data["key"], values, where)
        changed |= _set_subjects(claim, subjects, created)
        changed |= self.sync_appearances(claim, created, data["appearances"], where)
        changed |= self.sync_stances(claim, created, data, where)
        changed |= self.sync_estimates(claim, created, data["estimates"], where)
        return claim, created, changed

    def sync_appearances(self, claim, created, appearances, where) -> bool:
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
        current = {} if created else {(a.document_id, a.start, a.end): a for a in claim.appearances.all()}
        changed = False
        for span, appearance in current.items():
            if span not in desired:
                appearance.delete()
                changed = True
        for span, (index, document, item, hops) in desired.items():
            path = f"appearances[{index}]"
            appearance = current.get(span)
            fields = {"quote": item["quote"], "translation": item["translation"],
                      "translation_language": item["translation_language"]}
            if appearance is None:
                appearance = Appearance(claim=claim, document=document, start=span[1], end=span[2], **fields)
                self.clean(appearance, where, path)
                appearance.save()
                current_hops = None
                changed = True
            else:
                appearance.document = document
                differs = [name for name, value in fields.items() if getattr(appearance, name) != value]
                if differs:
                    for name in differs:
                        setattr(appearance, name, fields[name])
                    self.clean(appearance, where, path)
                    appearance.save()
                    changed = True
                current_hops = [(h.actor_id, h.relation, h.language) for h in appearance.hops.all()]
            wanted_hops = [(actor.pk, relation, language) for actor, relation, language in hops]
            if current_hops != wanted_hops:
                if current_hops:
                    for hop in appearance.hops.all():
                        hop.delete()
                for position, (actor, relation, language) in enumerate(hops, start=1):
                    hop = AttributionHop(appearance=appearance, position=position, actor=actor, relation=relation, language=language)
                    self.clean(hop, where, f"{path}.hops[{position - 1}]")
                    hop.save()
                changed = changed or current_hops is not None
        return changed

    def sync_stances(self, claim, created, data, where) -> bool:
        desired = {}
        for index, item in enumerate(data["stances"]):
            proposition = self.ref(Proposition, item["proposition"], where, f"stances[{index}].proposition")
            if proposition.pk in desired:
                where.fail(f"stances[{index}].proposition", f"{proposition.key!r} is listed twice")
            desired[proposition.pk] = (index, proposition, item["stance"])
        for index, item in enumerate(data["estimates"]):
            proposition = self.ref(Proposition, item["proposition"], where, f"estimates[{index}].proposition")
            desired.setdefault(proposition.pk, (None, proposition, "estimates"))  # an estimate implies a stance
        current = {} if created else {s.proposition_id: s for s in claim.stances.all()}
        changed = False
        for proposition_id, stance in current.items():
            if proposition_id not in desired:
                stance.delete()
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
            stance.save()
            changed = True
        return changed

    def sync_estimates(self, claim, created, estimates, where) -> bool:
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
                estimate.delete()
                changed = True
        for index, values in to_create:
            estimate = Estimate(claim=claim, **values)
            self.clean(estimate, where, f"estimates[{index}]")
            estimate.save()
            changed = True
        return changed

    def sync_relations(self, claim, created, relations, where) -> bool:
        desired = {}
        for index, item in enumerate(relations):
            target = self.ref(Claim, item["target"], where, f"relations[{index}].target")
            pair = (target.pk, item["kind"])
            if pair in desired:
                where.fail(f"relations[{index}]", f"'{item['kind']} {target.key}' is listed twice")
            desired[pair] = (index, target, item)
        current = {} if created else {(r.target_id, r.kind): r for r in claim.relations_out.all()}
        changed = False
        for pair, relation in current.items():
            if pair not in desired:
                relation.delete()
                changed = True
        for pair, (index, target, item) in desired.items():
            relation = current.get(pair)
            if relation is not None and (relation.state, relation.rationale) == (item["state"], item["rationale"]):
                continue
            if relation is None:
                relation = ClaimRelation(source=claim, target=target, kind=item["kind"])
            relation.state, relation.rationale = item["state"], item["rationale"]
            self.clean(relation, where, f"relations[{index}]")
            relation.save()
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
            for clean, where in items:
                if (kind, clean["key"]) in keys:
                    where.fail("key", f"{clean['key']!r} appears twice in the bundle")
                keys.add((kind, clean["key"]))
        records["actors"] = _parents_first(records["actors"])
        pending_relations = []
        for kind in RECORD_TYPES:
            items = records[kind]
            for offset in range(0, len(items), BATCH_SIZE):
                chunk = items[offset: offset + BATCH_SIZE]
                self.prefetch([(kind, clean) for clean, _ in chunk])
                for clean, where in chunk:
                    if kind == "claims":
                        claim, created, changed = self.guarded(self.import_claim, clean, where)
                        pending_relations.append((claim, created, changed, clean["relations"], where))
                    else:
                        self.guarded(getattr(self, f"import_{SINGULAR[kind]}"), clean, where)
        # Relations last, so that a claim may point at one later in the file.
        self.prefetch_keys(Claim, {item["target"] for *_, relations, _ in pending_relations for item in relations})
        for claim, created, changed, relations, where in pending_relations:
            changed |= self.guarded(self.sync_relations, claim, created, relations, where)
            self.finish("claims", claim, created, changed)
        self.forget()
        self.seen = set()

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
                        self.import_lines_batch(batch)
                        records += len(batch)
                        batch = []
                        if self.progress:
                            self.progress.advance(bar, name, records, done, size)
                if batch:
                    self.import_lines_batch(batch)
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

    def import_lines_batch(self, batch):
        self.prefetch([(kind, clean) for kind, clean, _ in batch])
        for kind, clean, where in batch:
            if kind == "claims":
                claim, created, changed = self.guarded(self.import_claim, clean, where)
                changed |= self.guarded(self.sync_relations, claim, created, clean["relations"], where)
                self.finish("claims", claim, created, changed)
            else:
                self.guarded(getattr(self, f"import_{SINGULAR[kind]}"), clean, where)
        self.forget()
        self.seen = set()

    @staticmethod
    def guarded(function, *args):
        """Run one record's writes; a database refusal that full_clean did not foresee still names the record."""
        where = args[-1]
        try:
            return function(*args)
        except DatabaseError as exc:
            where.fail("", f"the database refused it: {' '.join(str(exc).split())}")


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
