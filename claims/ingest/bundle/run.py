"""One import run: every file read, planned and written in batches, in one transaction.

``bundle_import`` opens the transaction and the ``ImportRun``; ``Importer`` takes each file in batches of
``BATCH_SIZE`` records — a YAML or JSON file type by type (actors parents first, then documents,
propositions, claims, and the claims' relations last, so that a record may refer to one later in the
file), a JSON Lines file line by line (a line refers to earlier lines) — and for each batch reads the
records it refers to and merges into (``lookups``), plans (``planning``) and writes (``writing``).

Conflicts are collected over the whole run; if any is left unresolved (no ``--theirs``/``--ours``), the
run raises ``ConflictError`` after planning everything, and the transaction rolls back: nothing is
written. ``--dry-run`` does everything and rolls back at the end.
"""

import getpass
import hashlib
import os
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
import orjson
from django.conf import settings
from django.db import connection, reset_queries, transaction
from django.utils import timezone

from factbase.models import BundleBase, ImportRun
from factbase.system import system_user

from ..bundle_format import GIVEN, RECORD_TYPES, SPECS
from .conflicts import OURS, THEIRS
from .lookups import MODELS, PlannerStatistics, References, SeenKeys
from .planning import Planner, WORKFLOW_FIELDS  # noqa: F401 — WORKFLOW_FIELDS documents what the workflow writes
from .reading import BundleError, BundleFile, bundle_identity, bundle_paths, read_bundle_file, read_lines_file
from .writing import Writer

BATCH_SIZE = 500
PROGRESS_EVERY = 1000
COMMAND = "import_bundle"


class ConflictError(BundleError):
    """Fields changed both here and in the bundle, and the operator chose no side: nothing was written."""

    def __init__(self, report):
        self.report = report
        count = len(report.conflicts)
        super().__init__(
            f"{count} conflict{'s' if count != 1 else ''}: {'a field' if count == 1 else 'fields'} changed here "
            f"since the last import of the bundle and changed in the bundle too; nothing was written. "
            f"Re-run with --theirs to take the bundle's values or --ours to keep the database's.")


@dataclass
class ImportReport:
    """What a run did: per record type, how many records were created, updated and left unchanged; the
    conflicts it met and how they were resolved; the rows the bundles no longer list (prunable)."""

    files: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {t: {"created": 0, "updated": 0, "unchanged": 0} for t in RECORD_TYPES})
    dry_run: bool = False
    run_id: int | None = None
    conflicts: list = field(default_factory=list)
    prunable: list = field(default_factory=list)
    prune: bool = False
    notes: list = field(default_factory=list)  # quotes found only after normalising typography (what was)

    def total(self, outcome: str) -> int:
        return sum(per_type[outcome] for per_type in self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total("created") or self.total("updated"))

    @property
    def unresolved(self) -> list:
        return [c for c in self.conflicts if not c.resolved]

    def lines(self) -> list[str]:
        lines = [
            f"{kind}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            for kind, c in self.counts.items()
        ]
        lines += self.notes
        lines += [conflict.line() for conflict in self.conflicts if conflict.resolved]
        removed = [p for p in self.prunable if p.remove]
        if self.prune:
            lines += [item.line() for item in self.prunable]
            verb = "would be removed" if self.dry_run else "removed"
            lines.append(f"Pruned: {len(removed)} row{'s' if len(removed) != 1 else ''} the bundle no longer lists "
                         f"{verb}.")
        elif self.prunable:
            lines.append(f"{len(self.prunable)} row{'s' if len(self.prunable) != 1 else ''} this bundle brought "
                         f"{'are' if len(self.prunable) != 1 else 'is'} no longer in it and {'were' if len(self.prunable) != 1 else 'was'} "
                         f"kept: --prune --dry-run lists them, --prune removes them.")
        if not self.changed:
            lines.append("Nothing changed: the database already holds what the bundle states.")
        if self.dry_run:
            lines.append("Dry run: everything was checked and rolled back; nothing was written.")
        elif self.run_id:
            lines.append(f"Recorded as import run #{self.run_id}.")
        return lines


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


def _references(record):
    """(type, key) of every record this record refers to."""
    data = record.data
    if record.kind == "actors":
        if data.get("parent"):
            yield "actors", data["parent"]
    elif record.kind == "documents":
        if data.get("publisher"):
            yield "actors", data["publisher"]
    elif record.kind == "propositions":
        for key in data.get("subjects", []):
            yield "actors", key
        for item in data.get("parts", []):
            yield "propositions", item["proposition"]
    elif record.kind == "claims":
        if data.get("claimant"):
            yield "actors", data["claimant"]
        for key in data.get("joint_claimants", []):
            yield "actors", key
        for key in data.get("subjects", []):
            yield "actors", key
        for appearance in data.get("appearances", []):
            yield "documents", appearance["document"]
            for hop in appearance["hops"]:
                yield "actors", hop["actor"]
            for wording in appearance.get("wordings", []):
                yield "propositions", wording["proposition"]
        for item in [*data.get("stances", []), *data.get("estimates", [])]:
            yield "propositions", item["proposition"]
        for item in data.get("relations", []):
            yield "claims", item["target"]


def _adds_only(record) -> bool:
    """A record that names only its key and lists to add to: it may add to a record of an earlier file of the run
    (a second seed bundle adding reports to a claim of the first), as a later run could."""
    return set(record.data[GIVEN]) <= {"key", *SPECS[record.kind].children}


def _parents_first(actors):
    """Order a bundle's actors so that every parent in the bundle comes before its children."""
    in_bundle = {record.key for record in actors}
    ordered, done, pending = [], set(), list(actors)
    while pending:
        ready = [r for r in pending if r.data.get("parent") not in in_bundle or r.data.get("parent") in done]
        if not ready:
            record = pending[0]
            record.where.fail("parent", f"{record.data['parent']!r} leads back to {record.key!r}: "
                                        f"parents may not form a cycle")
        for record in ready:
            ordered.append(record)
            done.add(record.key)
        pending = [r for r in pending if r.key not in done]
    return ordered


def _waves(actors):
    """A batch's actors in waves: an actor whose parent is new in the batch comes in a later wave than it."""
    pending = list(actors)
    while pending:
        waiting = {r.key for r in pending}
        ready = [r for r in pending if r.data.get("parent") not in waiting or r.data.get("parent") == r.key]
        if not ready:  # a cycle (JSON Lines: a parent on a later line): the first is refused as one-by-one would
            ready = pending[:1]
        yield ready
        taken = {id(r) for r in ready}
        pending = [r for r in pending if id(r) not in taken]


class Importer:
    """One run's import: batches of records, each looked up, planned and written."""

    def __init__(self, *, run, by, report: ImportReport, choice: str, prune: bool, progress=None):
        self.run, self.by, self.report, self.progress = run, by, report, progress
        self.choice, self.prune = choice, prune
        self.reason = f"{COMMAND} run #{run.pk}"
        self.statistics = PlannerStatistics()
        self.seen = SeenKeys(self.statistics)
        self.refs = References()
        self.writer = Writer(run=run, by=by, reason=self.reason, refs=self.refs, statistics=self.statistics,
                             report=report)
        self.body_files = {}

    def planner(self, file: BundleFile) -> Planner:
        return Planner(refs=self.refs, file_name=file.name, choice=self.choice, prune=self.prune,
                       conflicts=self.report.conflicts, body_files=self.body_files, notes=self.report.notes)

    # files -----------------------------------------------------------------------------------------
    def import_bundle_file(self, path, name: str):
        file, records = read_bundle_file(path, name)
        self.report.files.append({"name": name, "sha256": file.sha256})
        keys = set()
        for kind, items in records.items():
            already = self.seen.among(kind, [r.key for r in items])
            for record in items:
                if (kind, record.key) in keys or (record.key in already and not _adds_only(record)):
                    record.where.fail("key", f"{record.key!r} appears twice in the bundle")
                keys.add((kind, record.key))
            self.seen.add(kind, [r.key for r in items if r.key not in already])
        records["actors"] = _parents_first(records["actors"])
        pending = []
        for kind in RECORD_TYPES:  # a record may refer to any record of an earlier type in the file
            items = records[kind]
            for offset in range(0, len(items), BATCH_SIZE):
                pending += self.write_batch(file, items[offset: offset + BATCH_SIZE], ordered=False, defer_relations=True)
        # Relations last, so that a claim may point at one later in the file.
        for offset in range(0, len(pending), BATCH_SIZE):
            self.write_relations(file, pending[offset: offset + BATCH_SIZE])

    def import_lines_file(self, path, name: str):
        """A JSON Lines file, read and written in batches of BATCH_SIZE lines."""
        digest = hashlib.sha256()
        size = path.stat().st_size
        if size == 0:
            raise BundleError(f"{name}: the file is empty")
        file = BundleFile(name=name, path=path, bundle=bundle_identity(path))
        done = [0]
        records = 0
        bar = self.progress.bar(name, size) if self.progress else None
        batch = []

        def count(n):
            done[0] += n

        try:
            for record in read_lines_file(path, name, digest=digest, on_bytes=count):
                batch.append(record)
                if len(batch) >= BATCH_SIZE:
                    self.write_batch(file, batch, ordered=True)
                    records += len(batch)
                    batch = []
                    if self.progress:
                        self.progress.advance(bar, name, records, done[0], size)
            if batch:
                self.write_batch(file, batch, ordered=True)
                records += len(batch)
                if self.progress:
                    self.progress.advance(bar, name, records, done[0], size)
        finally:
            if bar is not None:
                bar.close()
        if records == 0:
            raise BundleError(f"{name}: the file is empty (no records)")
        self.report.files.append({"name": name, "sha256": digest.hexdigest()})

    # batches ---------------------------------------------------------------------------------------
    def check_lines(self, records):
        """JSON Lines: a key once per run; a reference to a record of this batch only to an earlier line."""
        defined = {}
        for kind in RECORD_TYPES:
            keys = [r.key for r in records if r.kind == kind]
            already = self.seen.among(kind, keys)
            for record in records:
                if record.kind == kind and (record.key in already or (kind, record.key) in defined):
                    record.where.fail("key", f"{record.key!r} appears twice in the bundle")
                if record.kind == kind:
                    defined[kind, record.key] = None
        for position, record in enumerate(records):
            defined[record.kind, record.key] = position
        for kind in RECORD_TYPES:
            self.seen.add(kind, [r.key for r in records if r.kind == kind])
        return defined

    def write_batch(self, file: BundleFile, records, *, ordered: bool, defer_relations: bool = False):
        """Look up, plan and write one batch; returns the claim plans whose relations are still to write."""
        defined = self.check_lines(records) if ordered else {}
        wanted = {model: set() for model in MODELS.values()}
        targets = {model: set() for model in MODELS.values()}
        for record in records:
            targets[MODELS[record.kind]].add(record.key)
            for kind, key in _references(record):
                wanted[MODELS[kind]].add(key)
        self.refs.prefetch_targets(targets)
        self.refs.prefetch(wanted)
        if ordered:
            for position, record in enumerate(records):
                for kind, key in _references(record):
                    if defined.get((kind, key), -1) >= position and self.refs.target(MODELS[kind], key) is None \
                            and self.refs.get(MODELS[kind], key) is None:
                        # As a one-by-one import decides: a later line is not there yet.
                        model = MODELS[kind]
                        record.where.fail(_reference_path(record, kind, key),
                                          f"no {model._meta.verbose_name} with key {key!r} in the bundle or the database")
        planner = self.planner(file)
        for kind in RECORD_TYPES:
            keys = [r.key for r in records if r.kind == kind]
            if keys:
                for base in BundleBase.objects.filter(bundle=file.bundle, record_type=kind, record_key__in=keys):
                    planner.bases[kind, base.record_key] = orjson.loads(base.values)
        pending = []
        for kind in RECORD_TYPES:
            items = [r for r in records if r.kind == kind]
            if not items:
                continue
            waves = _waves(items) if kind == "actors" else [items]
            for wave in waves:
                plans = [planner.plan_record(record) for record in wave]
                self.write(kind, plans)
                if kind == "propositions":  # parts may be propositions new in this batch: planned once written
                    self.writer.write_parts([planner.plan_parts(plan) for plan in plans])
                if kind != "claims":
                    self.finish(file, kind, plans)
                elif defer_relations:
                    pending += [(plan, planner.bases.get(("claims", plan.record.key), {})) for plan in plans]
                else:
                    relations = [self.relation_plan(planner, plan) for plan in plans]
                    self.writer.write_relations(relations)
                    self.finish(file, kind, relations)
        self.end_batch()
        return pending

    def write(self, kind, plans):
        new = [p for p in plans if p.created]
        getattr(self.writer, f"create_{kind}")(new)
        self.writer.update_records(kind, [p for p in plans if not p.created])

    def write_relations(self, file: BundleFile, pending):
        """Relations of claims written earlier (YAML and JSON files: after every claim of the file)."""
        planner = self.planner(file)
        plans = []
        self.refs.prefetch_targets({MODELS["claims"]: {plan.record.key for plan, _ in pending if not plan.created}})
        self.refs.prefetch({MODELS["claims"]: {item["target"] for plan, _ in pending
                                               for item in plan.record.data.get("relations", [])}})
        for plan, base in pending:
            planner.bases["claims", plan.record.key] = base
            if not plan.created:
                plan.instance = self.refs.target(MODELS["claims"], plan.record.key) or plan.instance
            plans.append(self.relation_plan(planner, plan))
        self.writer.write_relations(plans)
        self.finish(file, "claims", plans)
        self.end_batch()

    @staticmethod
    def relation_plan(planner, plan):
        """The plan of a claim's relations, written after the claim and its other parts (``plan``)."""
        relations = type(plan)(plan.record, plan.instance, plan.created, base=plan.base, had_base=plan.had_base)
        planner.plan_relations(relations, plan.record.data)
        relations.earlier = plan
        return relations

    def finish(self, file: BundleFile, kind: str, plans):
        self.writer.save_bases(file.bundle, kind, plans)
        for plan in plans:
            earlier = getattr(plan, "earlier", None)
            changed = plan.changed or (earlier is not None and earlier.changed)
            outcome = "created" if plan.created else "updated" if changed else "unchanged"
            self.report.counts[kind][outcome] += 1
            self.report.prunable += (earlier.prunable if earlier is not None else []) + plan.prunable

    def end_batch(self):
        self.refs.end_batch()
        if settings.DEBUG and not connection.force_debug_cursor:
            # With DEBUG on, Django keeps the last 9,000 statements of the connection, bulk inserts of 500
            # rows included: hundreds of megabytes. (A test capturing queries forces the log: left alone.)
            reset_queries()


def _reference_path(record, kind, key) -> str:
    data = record.data
    if record.kind == "actors":
        return "parent"
    if record.kind == "documents":
        return "publisher"
    if record.kind == "propositions" and kind == "propositions":
        index = next(i for i, item in enumerate(data.get("parts", [])) if item["proposition"] == key)
        return f"parts[{index}].proposition"
    if record.kind == "claims":
        if kind == "actors" and data.get("claimant") == key:
            return "claimant"
        if kind == "claims":
            index = next(i for i, item in enumerate(data.get("relations", [])) if item["target"] == key)
            return f"relations[{index}].target"
    return "key"


def database_contents() -> str:
    """What the database holds, as "12 actors, 1 document, 15 claims" ("" when it holds none of them)."""
    held = []
    for kind, model in MODELS.items():
        count = model.objects.count()
        if count:
            name = kind if count != 1 else kind[:-1]
            held.append(f"{count} {name}")
    return ", ".join(held)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def bundle_import(*, paths, dry_run: bool = False, operator: str = "", user: str = "", choice: str = "",
                  prune: bool = False, progress: Progress | None = None) -> ImportReport:
    """Import every bundle in ``paths`` in one transaction.

    Raises ``BundleError`` on bad input and ``ConflictError`` on unresolved conflicts; either way nothing
    is written. ``choice`` is "theirs" or "ours" (or "" to refuse conflicts); ``prune`` removes the rows
    the bundles no longer list; ``user`` names the user the import acts as (default: the system user).
    """
    if choice not in ("", THEIRS, OURS):
        raise BundleError(f"choose --theirs or --ours, not {choice!r}")
    files = bundle_paths(paths)
    operator = operator or os.environ.get("FACTBASE_OPERATOR", "") or _os_user()
    report = ImportReport(dry_run=dry_run, prune=prune)
    with transaction.atomic():
        if user:
            by = get_user_model().objects.filter(username=user, is_active=True).first()
            if by is None:
                raise BundleError(f"--user {user}: no active user of that name")
        else:
            by = system_user()
        operator_user = get_user_model().objects.filter(username=operator).first() if operator else None
        run = ImportRun.objects.create(command=COMMAND, operator=operator[:150], user=operator_user)
        importer = Importer(run=run, by=by, report=report, choice=choice, prune=prune, progress=progress)
        for path in files:
            name = str(path)
            if path.suffix.lower() == ".jsonl":
                importer.import_lines_file(path, name)
            else:
                importer.import_bundle_file(path, name)
        if report.unresolved:
            raise ConflictError(report)
        report.files.extend({"name": name, "sha256": sha256, "role": "body_file"}
                            for name, sha256 in importer.body_files.items())
        run.files = report.files
        run.counts = report.counts
        run.created, run.updated, run.unchanged = (report.total(o) for o in ("created", "updated", "unchanged"))
        run.finished_at = timezone.now()
        run.save()
        report.run_id = run.pk
        if dry_run:
            transaction.set_rollback(True)
    return report


__all__ = ["BATCH_SIZE", "ConflictError", "ImportReport", "Progress", "bundle_import", "database_contents"]
