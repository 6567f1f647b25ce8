"""Importing bundles: YAML, JSON and JSON Lines files of actors, documents, propositions and claims.

An import **merges, it does not own** (docs/import-format.md, "Merging"): a record states the fields it
names; rows made elsewhere survive; a field a user changed since the last import of the same bundle and
that the bundle changes too is a reported conflict; removal is explicit (``--prune``). The work is split
by job:

``reading``    files and folders → records checked field by field (no database);
``lookups``    records by key in few queries, memory bounded (cross-batch cache, seen keys);
``canonical``  one comparable form for a value from the bundle, the database or a stored base;
``planning``   what changes: created, updated, unchanged, conflicts, prunable — per record, three-way;
``conflicts``  a conflict and a prunable row, described (who changed it and when, from history);
``writing``    plans → rows through the write services (one write path per record type), merge bases;
``run``        one run: the transaction, the ``ImportRun``, batches, the report.

``bundle_import(paths=..., dry_run=..., choice=..., prune=...)`` is the entry point; the
``import_bundle`` command calls it.
"""

from .conflicts import OURS, THEIRS, Conflict, Prunable
from .lookups import PlannerStatistics, SeenKeys
from .reading import BUNDLE_SUFFIXES, BundleError, bundle_paths, load_bundle
from .run import BATCH_SIZE, PROGRESS_EVERY, ConflictError, ImportReport, Progress, bundle_import, database_contents

__all__ = [
    "BATCH_SIZE", "BUNDLE_SUFFIXES", "OURS", "PROGRESS_EVERY", "THEIRS", "BundleError", "Conflict", "ConflictError",
    "ImportReport", "PlannerStatistics", "Progress", "Prunable", "SeenKeys", "bundle_import", "bundle_paths", "database_contents",
    "load_bundle",
]
