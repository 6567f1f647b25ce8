"""Writing: plans become rows, through the domain's write services and nothing else.

Every row an import writes goes through the same keyword-only ``<entity>_<action>`` services the admin,
extraction and the other commands use — ``sources.services`` for actors, aliases and documents,
``claims.services.claims`` for claims, ``claims.services.parts`` for appearances, hops, stances, estimates
and relations, ``claims.services.workflow`` for status and assessment — in batches: new records of a
batch in one call per record type, changes to existing records through the same services row by row or
batch by batch. There is one write path per record type; the import adds only the merge bases
(``factbase.models.BundleBase``), which belong to it.

The import acts as ``by``: the user named with ``--user``, else the ``factbase-import`` system user
(``factbase.system``). Every history row it writes names that user and the run (``import_bundle run #N``).

A service refuses a batch with a ``ValidationError`` (a bad value its query-free check found) or the
database with an ``IntegrityError`` (a constraint). The batch's savepoint is then rolled back and
``diagnose`` finds the record that caused it by checking each row in full (read-only), so that the error
still names the file, the record and the field.
"""

import orjson
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import UniqueConstraint

from factbase.cleaning import FIELDS, instance_clean
from factbase.models import BundleBase
from sources import services as sources_services
from sources.models import Actor, ActorAlias, Document

from ...models import AttributionHop, Claim, EstimateWording, JointClaimant, Proposition, QuantityRelation
from ...services import claims as claim_services
from ...services import parts as part_services
from ...services import propositions as proposition_services
from ...services import provenance
from ...services import workflow
from ...services import derived
from .reading import BundleError

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
# Rows written through claims.services.provenance, not the parts services (their --prune removal too).
OWN_SERVICE_ROWS = (EstimateWording, QuantityRelation)
# The history model of each model the writer has counted rows of (None: not tracked).
HISTORY_MODELS = {}
# Model field names that the bundle spells differently.
BUNDLE_FIELD = {"stated_on_precision": "stated_on", "as_of_precision": "as_of", "body_sha256": "body"}


def first_message(exc: ValidationError) -> tuple[str, str]:
    """(bundle field name or "", message) of the first error in a ValidationError."""
    if hasattr(exc, "error_dict"):
        name, errors = next(iter(exc.error_dict.items()))
        message = next(iter(ValidationError(errors).messages), "is invalid")
        name = "" if name == NON_FIELD_ERRORS else BUNDLE_FIELD.get(name, name)
    else:
        name, message = "", next(iter(exc.messages), "is invalid")
    for constraint, (field_name, hint) in CONSTRAINT_HINTS.items():
        if f"“{constraint}”" in message or constraint in message:
            return field_name, hint
    return name, message


def tag(instance, where, path: str = ""):
    """Remember which record (and field path) a row comes from, for error messages."""
    instance._bundle_where, instance._bundle_path = where, path
    return instance


def fail_on(instance, exc: ValidationError):
    name, message = first_message(exc)
    where = getattr(instance, "_bundle_where", None)
    path = ".".join(part for part in (getattr(instance, "_bundle_path", ""), name) if part)
    if where is None:
        raise BundleError(f"{path}: {message}" if path else message)
    where.fail(path, message)


def _unique_sets(model):
    """(name, fields, condition) of every uniqueness rule of ``model``: unique fields and UniqueConstraints."""
    sets = [(f.name, (f.name,), None) for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and constraint.fields:
            sets.append((constraint.name, tuple(constraint.fields), constraint.condition))
    return sets


def _duplicate_in_batch(rows):
    """The first row whose unique values repeat an earlier row of the same batch (the database refused the pair)."""
    for name, fields, condition in {rule for row in rows for rule in _unique_sets(type(row))}:
        seen = set()
        for row in rows:
            if not any(rule[0] == name for rule in _unique_sets(type(row))):
                continue
            values = tuple(getattr(row, row._meta.get_field(f).attname) for f in fields)
            if any(v in (None, "") for v in values) and condition is not None:
                continue  # a conditional constraint ("unique when set") does not cover empty values
            if (type(row), values) in seen:
                hint = CONSTRAINT_HINTS.get(name)
                if hint:
                    raise ValidationError({hint[0]: hint[1]})
                raise ValidationError({fields[0]: f"another row of the bundle has the same {', '.join(fields)}"})
            seen.add((type(row), values))
    return None


def diagnose(rows, exc: Exception):
    """A batch was refused: name the row that caused it (each row checked in full, read-only), or the batch."""
    for index in range(len(rows)):
        try:
            _duplicate_in_batch(rows[: index + 1])
        except ValidationError as error:
            fail_on(rows[index], error)
    for row in rows:
        try:
            # Fields and clean(), then constraints and unique fields — not foreign keys: the rows this batch
            # pointed at were rolled back with it.
            instance_clean(row, validate=FIELDS)
            row.validate_constraints()
            row.validate_unique()
        except ValidationError as error:
            fail_on(row, error)
    if isinstance(exc, ValidationError) and rows:
        # A check of the batch as a whole (an estimate's wording against its claim's quotes...): the
        # service's message names the row; the first record of the batch locates it in the file.
        fail_on(rows[0] if len(rows) == 1 else _first_named(rows, exc), exc)
    where = next((getattr(r, "_bundle_where", None) for r in rows if getattr(r, "_bundle_where", None)), None)
    message = f"the database refused it: {' '.join(str(exc).split())}"
    if where is None:
        raise BundleError(message)
    where.fail("", message)


def _first_named(rows, exc):
    text = " ".join(str(m) for m in getattr(exc, "messages", [str(exc)]))
    fields = set(getattr(exc, "error_dict", {}))
    # A field the error names narrows the rows to those that have it (a wording: the estimates).
    having = [row for row in rows if fields and all(_has_field(row, name) for name in fields)]
    rows = having or rows
    for row in rows:
        claim = getattr(row, "claim", None)
        if claim is not None and getattr(claim, "key", None) and claim.key in text:
            return row
    return rows[0]


def _has_field(row, name):
    try:
        row._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def guarded(rows, call):
    """Run one service call on ``rows`` in a savepoint; a refusal becomes a BundleError naming the record."""
    try:
        with transaction.atomic():
            return call()
    except ValidationError as exc:
        if len(rows) == 1:
            fail_on(rows[0], exc)
        diagnose(rows, exc)
    except IntegrityError as exc:
        diagnose(rows, exc)


class Writer:
    """Applies the plans of one run; counts what it did into the report."""

    def __init__(self, *, run, by, reason: str, refs, statistics, report):
        self.run, self.by, self.reason = run, by, reason
        self.refs, self.statistics, self.report = refs, statistics, report

    def grew(self, model, rows: int):
        """Tell the planner statistics that a table (and its history table) grew by ``rows``."""
        if not rows:
            return
        self.statistics.grew(model, rows)
        if model not in HISTORY_MODELS:
            # simple-history's descriptor builds a manager class on every access (most of a millisecond).
            history = getattr(model, "history", None)
            HISTORY_MODELS[model] = history.model if history is not None else None
        if HISTORY_MODELS[model] is not None:
            self.statistics.grew(HISTORY_MODELS[model], rows)

    def kw(self):
        return {"by": self.by, "reason": self.reason}

    # new records -----------------------------------------------------------------------------------
    def create_actors(self, plans):
        if not plans:
            return
        actors = [tag(plan.instance, plan.record.where) for plan in plans]
        aliases = [[tag(alias, plan.record.where, f"aliases[{index}]") for index, alias in plan.aliases_add]
                   for plan in plans]
        rows = actors + [a for own in aliases for a in own]
        guarded(rows, lambda: sources_services.actors_create(actors=actors, aliases=aliases, run=self.run,
                                                             validate=FIELDS, **self.kw()))
        self.grew(Actor, len(actors))
        for plan in plans:
            self.refs.remember(Actor, plan.instance)

    def create_documents(self, plans):
        if not plans:
            return
        documents = [tag(plan.instance, plan.record.where) for plan in plans]
        guarded(documents, lambda: sources_services.documents_create(documents=documents, run=self.run,
                                                                     validate=FIELDS, **self.kw()))
        self.grew(Document, len(documents))
        for plan in plans:
            self.refs.remember(Document, plan.instance)

    def create_propositions(self, plans):
        if not plans:
            return
        propositions = [tag(plan.instance, plan.record.where) for plan in plans]
        subjects = [plan.subjects_add for plan in plans]
        guarded(propositions, lambda: proposition_services.propositions_create(
            propositions=propositions, subjects=subjects, run=self.run, validate=FIELDS, **self.kw()))
        self.grew(Proposition, len(propositions))
        for plan in plans:
            self.refs.remember(Proposition, plan.instance)

    def create_claims(self, plans):
        """New claims, then every part of them (relations come later: ``write_relations``).

        A new claim's appearances all come with it, so its derived columns are computed before the insert
        from the located appearances (``derived.claims_derive_unsaved``) instead of being read back and
        rewritten; the search vectors of the batch are filled in one statement at the end."""
        if not plans:
            return
        claims = [tag(plan.instance, plan.record.where) for plan in plans]
        appearances = [[tag(a, plan.record.where, f"appearances[{a._bundle_index}]") for a, _ in plan.appearances_add]
                       for plan in plans]
        located = [a for own in appearances for a in own]
        guarded(located, lambda: part_services.appearances_locate(appearances=located))
        derived.claims_derive_unsaved(items=zip(claims, appearances))
        subjects = [plan.subjects_add for plan in plans]
        guarded(claims, lambda: claim_services.claims_create(claims=claims, subjects=subjects, run=self.run,
                                                             validate=FIELDS, derived=False, **self.kw()))
        self.grew(Claim, len(claims))
        self.grew(Claim.subjects.through, sum(len(s) for s in subjects))
        ids = [claim.pk for claim in claims]
        for plan in plans:
            self.refs.remember(Claim, plan.instance)
        self.add_parts(plans, new_claim_ids=ids, refresh_derived=False)
        derived.claims_refresh_search_vector(claim_ids=ids)
        self.write_provenance(plans)

    def add_parts(self, plans, *, new_claim_ids=(), refresh_derived=True):
        parts = []
        for plan in plans:
            where = plan.record.where
            claim_id = plan.instance.pk
            # The parts were built around the claim before it had an id: give them its id now.
            for part in (*[a for a, _ in plan.appearances_add], *plan.stances_add, *plan.estimates_add):
                part.claim_id = claim_id
            for relation in plan.relations_add:
                relation.source_id, relation.target_id = claim_id, relation.target.pk
            for appearance, hops in plan.appearances_add:
                index = appearance._bundle_index
                parts.append(tag(appearance, where, f"appearances[{index}]"))
                parts += [tag(hop, where, f"appearances[{index}].hops[{getattr(hop, '_bundle_hop', hop.position - 1)}]")
                          for hop in hops]
            parts += [tag(stance, where, stance._bundle_path) for stance in plan.stances_add]
            parts += [tag(estimate, where, estimate._bundle_path) for estimate in plan.estimates_add]
            parts += [tag(relation, where, relation._bundle_path) for relation in plan.relations_add]
        if parts:
            guarded(parts, lambda: part_services.parts_add(parts=parts, run=self.run, new_claim_ids=new_claim_ids,
                                                           validate=FIELDS, derived=refresh_derived, **self.kw()))
            for model in {type(p) for p in parts}:
                self.grew(model, sum(1 for p in parts if type(p) is model))

    # changes to existing records -------------------------------------------------------------------
    def update_records(self, kind: str, plans):
        """Field changes, added rows and (with --prune) removals of existing records of one type."""
        for plan in plans:
            where = plan.record.where
            instance = plan.instance
            if kind == "actors" and plan.fields:
                guarded([tag(instance, where)], lambda: sources_services.actor_update(
                    actor=instance, values=plan.fields, run=self.run, **self.kw()))
                self.refs.forget(Actor, instance.key)
            elif kind == "documents" and plan.fields:
                guarded([tag(instance, where)], lambda: sources_services.document_update(
                    document=instance, values=plan.fields, run=self.run, **self.kw()))
                self.refs.forget(Document, instance.key)
            elif kind == "propositions" and (plan.fields or plan.subjects_add or plan.subjects_remove):
                subjects = None
                if plan.subjects_add or plan.subjects_remove:
                    subjects = [a for a in instance.subjects.all() if a not in plan.subjects_remove] + plan.subjects_add
                guarded([tag(instance, where)], lambda: proposition_services.proposition_update(
                    proposition=instance, values=plan.fields, subjects=subjects, run=self.run, **self.kw()))
                self.refs.forget(Proposition, instance.key)
            if kind == "actors":
                aliases = [tag(alias, where, f"aliases[{index}]") for index, alias in plan.aliases_add]
                if aliases:
                    guarded(aliases, lambda: sources_services.actor_aliases_add(aliases=aliases, validate=FIELDS,
                                                                                **self.kw()))
                for item in plan.pruned:
                    sources_services.actor_alias_remove(alias=item.row, **self.kw())
            if plan.changed and not plan.created:
                self.touch(kind, instance)
        if kind == "claims":
            self.update_claims(plans)

    def touch(self, kind, instance):
        """Stamp the run on a record whose child rows changed (its own fields' services stamp it themselves)."""
        if kind != "claims" and instance.last_import_run_id != self.run.pk:
            type(instance).objects.filter(pk=instance.pk).update(last_import_run=self.run)
            instance.last_import_run_id = self.run.pk

    def update_claims(self, plans):
        changes = [(tag(p.instance, p.record.where), p.fields) for p in plans if p.fields]
        if changes:
            guarded([c for c, _ in changes], lambda: claim_services.claims_update(
                changes=changes, run=self.run, **self.kw()))
        states = [(tag(p.instance, p.record.where), p.workflow) for p in plans if p.workflow]
        if states:
            guarded([c for c, _ in states], lambda: workflow.claims_state_set(items=states, **self.kw()))
        for plan in plans:
            if plan.subjects_add or plan.subjects_remove:
                claim = plan.instance
                wanted = [a for a in claim.subjects.all() if a not in plan.subjects_remove] + plan.subjects_add
                claim_services.claim_subjects_set(claim=claim, actors=wanted, **self.kw())
        self.add_parts(plans)
        updates = []
        for plan in plans:
            where = plan.record.where
            updates += [(tag(row, where, "appearances"), values) for row, values in plan.appearance_updates]
            updates += [(tag(row, where, "stances"), values) for row, values in plan.stance_updates]
            updates += [(tag(row, where, "estimates"), values) for row, values in plan.estimate_updates]
            updates += [(tag(row, where, "relations"), values) for row, values in plan.relation_updates]
        if updates:
            guarded([row for row, _ in updates], lambda: part_services.parts_update(
                changes=updates, run=self.run, validate=FIELDS, **self.kw()))
        for plan in plans:
            for appearance, chain in plan.hop_chains:
                self.replace_hops(appearance, chain, plan.record.where)
        removals = [item.row for plan in plans for item in plan.pruned
                    if not isinstance(item.row, (Actor, ActorAlias, *OWN_SERVICE_ROWS))]
        if removals:
            part_services.parts_remove(parts=removals, **self.kw())
        self.write_provenance(plans)
        for plan in plans:
            if plan.changed and not plan.created and plan.instance.last_import_run_id != self.run.pk:
                Claim.objects.filter(pk=plan.instance.pk).update(last_import_run=self.run)
                plan.instance.last_import_run_id = self.run.pk

    def replace_hops(self, appearance, chain, where):
        """Make the appearance's hops the chain the bundle states: changed in place, added or removed at the end."""
        current = list(appearance.hops.all())
        updates, adds = [], []
        for index, hop in enumerate(chain):
            values = {name: value for name, value in hop.items() if not name.startswith("_")}
            if index < len(current):
                updates.append((tag(current[index], where, f"hops[{index}]"), values))
            else:
                adds.append(tag(AttributionHop(appearance=appearance, **values), where, f"hops[{index}]"))
        removals = current[len(chain):]
        if updates:
            guarded([r for r, _ in updates], lambda: part_services.parts_update(changes=updates, run=self.run,
                                                                                 validate=FIELDS, **self.kw()))
        if adds:
            guarded(adds, lambda: part_services.parts_add(parts=adds, run=self.run, validate=FIELDS, **self.kw()))
        if removals:
            part_services.parts_remove(parts=removals, **self.kw())

    # joint claimants, wordings per appearance, parts of a whole (claims.services.provenance) --------
    def write_provenance(self, plans):
        """Joint claimants and wordings of the claims of ``plans`` (after their appearances and estimates exist),
        and the wordings ``--prune`` removes."""
        for plan in plans:
            where, claim = plan.record.where, plan.instance
            if plan.joint_claimants is not None:
                guarded([tag(claim, where)], lambda: provenance.claim_joint_claimants_set(
                    claim=claim, actors=plan.joint_claimants, **self.kw()))
                self.grew(JointClaimant, len(plan.joint_claimants))
            for appearance, estimate, wording, offset, path in plan.wordings_set:
                row = tag(EstimateWording(estimate=estimate, appearance=appearance, wording=wording, offset=offset),
                          where, path)
                guarded([row], lambda: provenance.estimate_wording_set(
                    estimate=estimate, appearance=appearance, wording=wording, offset=offset, **self.kw()))
            self.grew(EstimateWording, len(plan.wordings_set))
            for item in plan.pruned:
                if isinstance(item.row, EstimateWording):
                    provenance.estimate_wording_remove(wording=item.row, **self.kw())

    def write_parts(self, plans):
        """The parts (or same measures in other units) of the propositions of ``plans``, and those ``--prune``
        removes."""
        for plan in plans:
            where, whole = plan.record.where, plan.instance
            for part, kind, factor, path in plan.parts_set:
                row = tag(QuantityRelation(part=part, whole=whole, kind=kind, factor=factor), where, path)
                guarded([row], lambda: provenance.quantity_relation_set(part=part, whole=whole, kind=kind, factor=factor))
            self.grew(QuantityRelation, len(plan.parts_set))
            for item in plan.pruned:
                if isinstance(item.row, QuantityRelation):
                    provenance.quantity_relation_remove(relation=item.row)
            if (plan.parts_set or plan.pruned) and not plan.created:
                self.touch("propositions", whole)

    # relations -------------------------------------------------------------------------------------
    def write_relations(self, plans):
        new_ids = [plan.instance.pk for plan in plans if plan.created]
        self.add_parts([p for p in plans if p.created], new_claim_ids=new_ids)
        self.update_claims([p for p in plans if not p.created])

    # merge bases -----------------------------------------------------------------------------------
    def save_bases(self, bundle: str, kind: str, plans):
        """The new merge base of each record for this bundle (one upsert per batch)."""
        fresh, known = [], []
        for plan in plans:
            row = BundleBase(bundle=bundle, record_type=kind, record_key=plan.record.key,
                             values=orjson.dumps(plan.base).decode(), import_run=self.run)
            (known if plan.had_base else fresh).append(row)
        if fresh:  # the first import of these records from this bundle: plain inserts
            bases_insert(fresh)
            self.statistics.grew(BundleBase, len(fresh))
        if known:
            BundleBase.objects.bulk_create(known, update_conflicts=True, update_fields=["values", "import_run"],
                                           unique_fields=["bundle", "record_type", "record_key"])


def bases_insert(rows):
    """Insert new merge bases. On PostgreSQL with ``COPY``: a base is the one row an import writes that no
    service writes, and its JSON text is the largest value of the batch — ``bulk_create`` escaped it into a
    query array in Python at a tenth of the import's time; ``COPY`` streams it as it is."""
    if connection.vendor != "postgresql":
        BundleBase.objects.bulk_create(rows)
        return
    meta = BundleBase._meta
    fields = [meta.get_field(name) for name in ("bundle", "record_type", "record_key", "values", "import_run")]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((row.bundle, row.record_type, row.record_key, row.values, row.import_run_id))


__all__ = ["DatabaseError", "Writer", "diagnose", "first_message", "guarded", "tag"]
