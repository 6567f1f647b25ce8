"""Looking records up by key during an import, in few queries, with memory that stays bounded.

``References`` answers "which actor / document / proposition / claim has this key?". Actors, documents and
propositions are referred to again and again (a claimant, the document of an appearance), so they are kept
across batches in a least-recently-used cache bounded by a count and, for documents, by the characters of
their bodies (bodies are kept: quotes are located in them) — a large import does not re-read them for every
batch, and peak memory does not grow with the file. The records a batch *merges into* are read with their
child rows (``targets``) and dropped at the end of the batch.

``SeenKeys`` remembers the keys a run has handled (a key twice in a run is an error) in a temporary table;
``PlannerStatistics`` keeps PostgreSQL's statistics of the tables an import fills current.
"""

from collections import OrderedDict

from django.db import connection
from django.db.models import Prefetch

from sources.models import Actor, Document

from ...models import Appearance, Claim, Proposition

MODELS = {"actors": Actor, "documents": Document, "propositions": Proposition, "claims": Claim}
KIND_OF = {model: kind for kind, model in MODELS.items()}


class _Bounded:
    """A least-recently-used mapping key → instance, holding at most ``count`` entries and ``weight`` units."""

    def __init__(self, count: int, weight: int | None = None, weigh=None):
        self.items = OrderedDict()
        self.count, self.weight, self.weigh = count, weight, weigh
        self.total = 0

    def get(self, key):
        instance = self.items.get(key)
        if instance is not None:
            self.items.move_to_end(key)
        return instance

    def put(self, key, instance):
        self.drop(key)
        self.items[key] = instance
        if self.weigh:
            self.total += self.weigh(instance)
        while self.items and (len(self.items) > self.count or (self.weight and self.total > self.weight)):
            _, old = self.items.popitem(last=False)
            if self.weigh:
                self.total -= self.weigh(old)

    def drop(self, key):
        old = self.items.pop(key, None)
        if old is not None and self.weigh:
            self.total -= self.weigh(old)


class References:
    """Records by key: referenced records cached across batches, merge targets read per batch with children."""

    # Bounds of the cross-batch cache: counts, and 8 million characters of document bodies. Documents are
    # the large rows: with 20,000 of them cached, an import of 100,000 claims (10,000 documents) peaked at
    # 1.29× the memory of one of 10,000; 2,000 keep it flat, and a miss costs one query per batch.
    LIMITS = {Actor: 50_000, Document: 2_000, Proposition: 20_000, Claim: 20_000}
    BODY_CHARACTERS = 8_000_000

    def __init__(self):
        self.cache = {
            model: _Bounded(limit, self.BODY_CHARACTERS if model is Document else None,
                            (lambda d: len(d.body or "")) if model is Document else None)
            for model, limit in self.LIMITS.items()
        }
        self.absent = {model: set() for model in MODELS.values()}  # keys known not to exist (this batch)
        self.targets = {model: {} for model in MODELS.values()}  # this batch's merge targets, with children
        self.key_of = {model: {} for model in MODELS.values()}  # id → key of rows the targets point at (this batch)

    # referenced records ----------------------------------------------------------------------------
    def prefetch(self, wanted: dict):
        """Look up, in one query per record type, the keys in ``wanted`` ({model: keys}) not cached yet."""
        for model, keys in wanted.items():
            missing = {k for k in keys if self.get(model, k) is None} - self.absent[model]
            if not missing:
                continue
            found = set()
            for instance in model.objects.filter(key__in=missing):
                self.cache[model].put(instance.key, instance)
                found.add(instance.key)
            self.absent[model] |= missing - found

    def get(self, model, key):
        return self.targets[model].get(key) or self.cache[model].get(key)

    def remember(self, model, instance):
        """A record written by this run: found by key from now on."""
        self.cache[model].put(instance.key, instance)
        self.absent[model].discard(instance.key)
        if instance.key in self.targets[model]:
            self.targets[model][instance.key] = instance

    def forget(self, model, key):
        """A record changed by this run: read it again when next needed (the cached copy may be stale)."""
        self.cache[model].drop(key)

    # merge targets ---------------------------------------------------------------------------------
    def prefetch_targets(self, keys_by_model: dict):
        """Read the existing records of this batch's keys with their child rows; map the ids they point at."""
        ids = {model: set() for model in MODELS.values()}
        for model, keys in keys_by_model.items():
            keys = set(keys) - self.targets[model].keys()
            if not keys:
                continue
            queryset = model.objects.filter(key__in=keys)
            if model is Actor:
                queryset = queryset.prefetch_related("aliases")
            elif model is Proposition:
                queryset = queryset.prefetch_related("subjects", "quantity_relations_in")
            elif model is Claim:
                queryset = queryset.prefetch_related(
                    "subjects", Prefetch("appearances", Appearance.objects.defer("quote")), "appearances__hops",
                    "appearances__wordings", "stances", "estimates", "relations_out", "joint_claimants")
            for instance in queryset:
                self.targets[model][instance.key] = instance
                self.absent[model].discard(instance.key)
                if model is Actor and instance.parent_id:
                    ids[Actor].add(instance.parent_id)
                elif model is Document and instance.publisher_id:
                    ids[Actor].add(instance.publisher_id)
                elif model is Proposition:
                    ids[Proposition].update(r.part_id for r in instance.quantity_relations_in.all())
                elif model is Claim:
                    ids[Actor].add(instance.claimant_id)
                    ids[Actor].update(link.actor_id for link in instance.joint_claimants.all())
                    for appearance in instance.appearances.all():
                        ids[Document].add(appearance.document_id)
                        ids[Actor].update(hop.actor_id for hop in appearance.hops.all())
                    ids[Proposition].update(s.proposition_id for s in instance.stances.all())
                    ids[Proposition].update(e.proposition_id for e in instance.estimates.all())
                    ids[Claim].update(r.target_id for r in instance.relations_out.all())
            self.absent[model] |= keys - self.targets[model].keys()
        for model, wanted in ids.items():
            wanted -= self.key_of[model].keys()
            if wanted:
                self.key_of[model].update(model.objects.filter(pk__in=wanted).values_list("pk", "key"))

    def target(self, model, key):
        return self.targets[model].get(key)

    def key(self, model, pk):
        """The key of row ``pk`` (one query if it is not among the ids already mapped)."""
        if pk is None:
            return None
        if pk not in self.key_of[model]:
            self.key_of[model].update(model.objects.filter(pk=pk).values_list("pk", "key"))
        return self.key_of[model].get(pk)

    def end_batch(self):
        self.targets = {model: {} for model in MODELS.values()}
        self.key_of = {model: {} for model in MODELS.values()}
        self.absent = {model: set() for model in MODELS.values()}
        self.cache[Claim] = _Bounded(self.LIMITS[Claim])


class PlannerStatistics:
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


class SeenKeys:
    """The keys an import run has handled, per record type, kept in a temporary table of the run's
    connection rather than in memory, so that memory does not grow with the file."""

    TABLE = "factbase_import_seen_keys"
    CHUNK = 400  # SQLite allows 999 parameters per statement

    def __init__(self, statistics: PlannerStatistics | None = None):
        # Autovacuum never analyses temporary tables: without statistics kept by the import, PostgreSQL
        # scans the whole table for each lookup once it holds a few hundred thousand keys.
        self.statistics = statistics or PlannerStatistics()
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
