"""Planning: what an import changes — created, updated, unchanged, conflicts, prunable — decided before writing.

For each record of a batch the planner compares three versions of every field and child row it states:

* **theirs** — the bundle now;
* **here** — the database now;
* **base** — what this bundle said last time (``factbase.models.BundleBase``), if it was imported before.

The rules (docs/import-format.md, "Merging"):

* a record states the fields it names; fields it leaves out are not touched (a new record gets defaults);
* theirs == base: the bundle did not change the field → what is here stays (a curator may have changed it);
* here == base: only the bundle changed it → take theirs;
* here == theirs: nothing to do;
* otherwise both changed it (or the bundle was never imported over this record and disagrees): a
  **conflict**, resolved only by the operator's explicit ``--theirs`` or ``--ours``.

Child rows (aliases, subjects, appearances with their hops, stances, estimates, relations) are matched by
what identifies them (an alias by name and language, an appearance by document and span, a stance by
proposition, an estimate by proposition and date, a relation by kind and target). A row the bundle lists
and the database lacks is added — unless this bundle brought it before and someone deleted it since. A
row the database holds and the bundle does not list is left alone: it was made elsewhere (another bundle,
the admin, extraction, ``suggest_relations``), or — when the base says this bundle brought it — it is
*prunable*, removed only with ``--prune``; a relation whose state a reviewer decided is never removed.

A plan holds model instances and values; ``writing`` turns it into rows.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from sources.articles import ArticleFormatError, parse_dated_article
from sources.models import Actor, ActorAlias, Document, sha256_text

from ...models import (
    Appearance,
    AttributionHop,
    Claim,
    ClaimRelation,
    ClaimStance,
    Estimate,
    EstimateWording,
    JointClaimant,
    Proposition,
    QuantityRelation,
    RelationState,
)
from ...services.quotes import QuoteError, describe_mismatch, quote_locate
from ..bundle_format import GIVEN, SPECS, FieldError, complete
from .canonical import canon, dated, figure
from .conflicts import OURS, THEIRS, Conflict, Prunable, deleted_change, last_change
from .lookups import MODELS
from .reading import Record, Where, read_text_file

SIMPLE_FIELDS = {
    "actors": ("name", "kind", "country", "description", "wikidata_id", "reliability", "reliability_rationale"),
    "documents": ("kind", "title", "url", "authors", "language", "published_time", "retrieved_at", "archive_url"),
    "propositions": ("title", "description", "kind", "measure", "unit", "status", "status_rationale", "cumulative"),
    "claims": ("kind", "summary", "summary_language", "hedge", "location", "location_country", "interested",
               "rating_text"),
}
# Fields of a claim written only through claims.services.workflow (its permission and version rules).
WORKFLOW_FIELDS = ("status", "verdict", "credibility", "rationale", "assessed_at")
REFERENCES = {("actors", "parent"): Actor, ("documents", "publisher"): Actor, ("claims", "claimant"): Actor}


@dataclass
class Plan:
    """What the import does to one record. ``instance`` is new (unsaved) when ``created``."""

    record: Record
    instance: object
    created: bool
    fields: dict = field(default_factory=dict)  # model attribute → new value (existing records)
    workflow: dict = field(default_factory=dict)  # claims: status / assessment fields → new value
    subjects_add: list = field(default_factory=list)  # actors
    subjects_remove: list = field(default_factory=list)  # actors (only with --prune)
    aliases_add: list = field(default_factory=list)  # unsaved ActorAlias
    appearances_add: list = field(default_factory=list)  # (unsaved Appearance, [unsaved AttributionHop])
    appearance_updates: list = field(default_factory=list)  # (Appearance, {attr: value})
    hop_chains: list = field(default_factory=list)  # (Appearance, [(actor, relation, language)])
    stances_add: list = field(default_factory=list)
    stance_updates: list = field(default_factory=list)  # (ClaimStance, {attr: value})
    estimates_add: list = field(default_factory=list)
    estimate_updates: list = field(default_factory=list)  # (Estimate, {attr: value})
    relations_add: list = field(default_factory=list)
    relation_updates: list = field(default_factory=list)  # (ClaimRelation, {attr: value})
    prunable: list = field(default_factory=list)  # Prunable
    joint_claimants: list | None = None  # claims: the joint claimants to set (actors, in order), when they change
    estimate_rows: dict = field(default_factory=dict)  # claims: estimate identity → Estimate (new or existing)
    appearance_rows: dict = field(default_factory=dict)  # claims: appearance identity → Appearance (new or existing)
    wordings_set: list = field(default_factory=list)  # (Appearance, identity, wording, offset, path) to write
    parts_set: list = field(default_factory=list)  # propositions: (part Proposition, kind, factor, path) to write
    base: dict = field(default_factory=dict)  # the new merge base of this record for this bundle
    had_base: bool = False  # this bundle was imported over this record before (a base is stored)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.fields or self.workflow or self.subjects_add or self.subjects_remove
                    or self.aliases_add or self.appearances_add or self.appearance_updates or self.hop_chains
                    or self.stances_add or self.stance_updates or self.estimates_add or self.estimate_updates
                    or self.relations_add or self.relation_updates or self.pruned
                    or self.joint_claimants is not None or self.wordings_set or self.parts_set)

    @property
    def pruned(self) -> list:
        return [p for p in self.prunable if p.remove]


class Planner:
    """Plans the records of one bundle file against the database and the file's merge bases."""

    def __init__(self, *, refs, file_name: str, choice: str = "", prune: bool = False, conflicts: list, body_files: dict,
                 notes: list | None = None):
        self.refs = refs
        self.file_name = file_name
        self.choice = choice  # "", THEIRS or OURS
        self.prune = prune
        self.conflicts = conflicts
        self.body_files = body_files
        self.bases = {}  # (kind, key) → stored base values of this batch
        self.notes = notes if notes is not None else []  # what was normalised to find a quote

    # references ------------------------------------------------------------------------------------
    def ref(self, model, key, where: Where, path: str):
        instance = self.refs.get(model, key)
        if instance is None:
            where.fail(path, f"no {model._meta.verbose_name} with key {key!r} in the bundle or the database")
        return instance

    # the three-way rule ----------------------------------------------------------------------------
    def take(self, record: Record, path: str, *, here, theirs, base: dict, name: str, who, extends=False) -> bool:
        """Whether to write the bundle's value of one field (see the module docstring); records conflicts."""
        if here == theirs:
            return False
        if name in base:
            if theirs == base[name]:
                return False
            if here == base[name]:
                return True
        elif extends and isinstance(here, list) and here == theirs[: len(here)]:
            return True  # never imported from this bundle, and the bundle only adds to it (hops)
        changed_by, changed_at = who()
        conflict = Conflict(self.file_name, record.where.label, path, here, theirs, changed_by, changed_at)
        self.conflicts.append(conflict)
        if self.choice == THEIRS:
            conflict.resolved = THEIRS
            return True
        if self.choice == OURS:
            conflict.resolved = OURS
        return False

    def prunable(self, plan: Plan, what: str, row, kept_because: str = ""):
        item = Prunable(self.file_name, plan.record.where.label, what, kept_because, row,
                        remove=self.prune and not kept_because)
        plan.prunable.append(item)

    # top-level fields ------------------------------------------------------------------------------
    def theirs_fields(self, record: Record) -> dict:
        """Bundle field name → (canonical value, {model attribute: value to write}) for the fields it states."""
        kind, data, where = record.kind, record.data, record.where
        out = {}
        for name in SIMPLE_FIELDS[kind]:
            if name in data:
                out[name] = (canon(data[name]), {name: data[name]})
        for (ref_kind, name), model in REFERENCES.items():
            if ref_kind == kind and name in data:
                target = self.ref(model, data[name], where, name) if data[name] else None
                out[name] = (data[name], {name: target})
        if kind == "claims":
            for name in WORKFLOW_FIELDS:
                if name in data:
                    out[name] = (canon(data[name]), {name: data[name]})
            if "stated_on" in data:
                day, precision = data["stated_on"] or (None, "day")
                out["stated_on"] = (dated(day, precision), {"stated_on": day, "stated_on_precision": precision})
            if "joint_claimants" in data:
                actors = [self.ref(Actor, key, where, f"joint_claimants[{i}]")
                          for i, key in enumerate(data["joint_claimants"])]
                out["joint_claimants"] = (list(data["joint_claimants"]), {"_joint_claimants": actors})
        if kind == "documents":
            out.update(self.document_body(data, where))
        return out

    def here_field(self, instance, kind: str, name: str):
        if (kind, name) in REFERENCES:
            return self.refs.key(REFERENCES[kind, name], getattr(instance, f"{name}_id"))
        if name == "stated_on":
            return dated(instance.stated_on, instance.stated_on_precision)
        if name == "joint_claimants":
            return [self.refs.key(Actor, link.actor_id) for link in instance.joint_claimants.all()]
        if name == "body":
            return f"sha256:{instance.body_sha256}"
        return canon(getattr(instance, name))

    def document_body(self, data, where) -> dict:
        """The body (and the published_on a dated article's header gives) a document record states."""
        out = {}
        published_on = data.get("published_on")
        if data.get("body") is not None and data.get("body_file") is not None:
            where.fail("body_file", "give body or body_file, not both")
        body = source = None
        if data.get("body_file") is not None:
            body, source = self.read_body_file(data["body_file"], where), "body_file"
        elif data.get("body") is not None:
            body, source = data["body"], "body"
        if body is not None:
            if data.get("body_format") == "dated_article":
                try:
                    header_date, body = parse_dated_article(body)
                except ArticleFormatError as exc:
                    where.fail(source, str(exc))
                if published_on is not None and published_on != header_date:
                    where.fail("published_on", f"{published_on.isoformat()} disagrees with the article's header date "
                                               f"{header_date.isoformat()}")
                published_on = header_date
            out["body"] = (f"sha256:{sha256_text(body)}", {"body": body})
        if published_on is not None:
            out["published_on"] = (canon(published_on), {"published_on": published_on})
        elif "published_on" in data:
            where.fail("published_on", "is required")
        return out

    def read_body_file(self, relative: str, where: Where) -> str:
        base = where.base_dir.resolve()
        path = (base / relative).resolve()
        if relative.startswith("/") or base not in path.parents:
            # A bundle from elsewhere must not make the importer read arbitrary files of this machine.
            where.fail("body_file", f"{relative!r} must be a relative path inside the bundle's folder")
        if not path.is_file():
            where.fail("body_file", f"no such file {str(path)!r}")
        text, sha256 = read_text_file(path, f"{where.file}: {where.label}: body_file {relative!r}")
        self.body_files[str(path)] = sha256
        return text

    def plan_record(self, record: Record) -> Plan:
        """The plan of one actor, document, proposition or claim (a claim's relations: ``plan_relations``)."""
        model = MODELS[record.kind]
        existing = self.refs.target(model, record.key)
        if existing is None:
            return self.plan_new(record)
        plan = Plan(record, existing, False, had_base=(record.kind, record.key) in self.bases)
        base = self.bases.get((record.kind, record.key), {})
        base_fields = base.get("fields", {})
        theirs = self.theirs_fields(record)
        new_base_fields = {k: v for k, v in base_fields.items() if k not in theirs}
        self.check_values(existing, theirs, record.where)
        for name, (value, writes) in theirs.items():
            new_base_fields[name] = value
            here = self.here_field(existing, record.kind, name)
            attnames = [a for a in writes if a != "stated_on_precision"] + (
                ["stated_on_precision"] if name == "stated_on" else [])
            if name == "body":
                attnames = ["body_sha256"]
            if self.take(record, name, here=here, theirs=value, base=base_fields, name=name,
                         who=lambda a=attnames, n=name: self.changed_by(existing, n, a)):
                target = plan.workflow if name in WORKFLOW_FIELDS else plan.fields
                target.update(writes)
        plan.joint_claimants = plan.fields.pop("_joint_claimants", None)
        plan.base = {**base, "fields": new_base_fields}
        if record.kind == "actors":
            self.plan_aliases(plan, base)
        elif record.kind in ("propositions", "claims"):
            self.plan_subjects(plan, base)
        if record.kind == "claims":
            self.plan_claim_children(plan, base)
        return plan

    @staticmethod
    def changed_by(instance, name, attnames):
        """(who, when) gave a field its value here; joint claimants are rows of their own, with their own history."""
        if name == "joint_claimants":
            row = (JointClaimant.history.filter(claim_id=instance.pk).select_related("history_user")
                   .order_by("-history_date", "-history_id").first())
            if row is None:
                return "", None
            user = getattr(row, "history_user", None)
            return getattr(user, "username", "") or (row.history_change_reason or ""), row.history_date
        return last_change(instance, attnames)

    @staticmethod
    def check_values(instance, theirs: dict, where: Where):
        """Every value the bundle states for an existing record is checked, whether or not the merge takes
        it: a bad value in a bundle is an error, not a conflict (the field's own validators; no query)."""
        for name, (_value, writes) in theirs.items():
            for attname, value in writes.items():
                if attname.startswith("_"):
                    continue  # rows of their own (joint claimants), checked by their service
                field = instance._meta.get_field(attname)
                if field.is_relation or value in (None, ""):
                    continue
                try:
                    field.clean(value, instance)
                except ValidationError as exc:
                    where.fail(name, " ".join(exc.messages))

    def plan_new(self, record: Record) -> Plan:
        try:
            data = complete(SPECS[record.kind], record.data)
        except FieldError as exc:
            record.where.fail(exc.path, exc.message)
        full = Record(record.kind, data, record.where)
        if record.kind == "documents" and data["body"] is None and data["body_file"] is None:
            record.where.fail("body", "is required (give body or body_file)")
        values = {}
        theirs = self.theirs_fields(full)
        if record.kind == "documents" and "published_on" not in theirs:
            record.where.fail("published_on", "is required")
        for _value, writes in theirs.values():
            values.update(writes)
        joint_claimants = values.pop("_joint_claimants", None)
        instance = MODELS[record.kind](key=record.key, **values)
        # A base may be left from a record deleted since: then it is replaced.
        plan = Plan(record, instance, True, had_base=(record.kind, record.key) in self.bases)
        plan.joint_claimants = joint_claimants or None
        # The base of a record this bundle creates is everything it wrote, defaults included: a later
        # version of the bundle that names a field it left out changes a value the bundle itself set.
        plan.base = {"fields": {name: value for name, (value, _) in theirs.items()}}
        if record.kind == "actors":
            self.plan_aliases(plan, {}, data=data)
        elif record.kind in ("propositions", "claims"):
            self.plan_subjects(plan, {}, data=data)
        if record.kind == "claims":
            self.plan_claim_children(plan, {}, data=data)
        return plan

    # sets: aliases and subjects --------------------------------------------------------------------
    def merge_set(self, plan: Plan, base: dict, name: str, here: set, theirs: set | None) -> tuple[set, set]:
        """(to add, prunable) for a set-valued list the bundle states (aliases, subjects)."""
        if theirs is None:
            return set(), set()
        before = {tuple(x) if isinstance(x, list) else x for x in base.get(name, [])}
        prunable = (before - theirs) & here
        # A dropped row that is kept (no --prune) stays in the base: a later --prune still knows it is ours.
        kept = set() if self.prune else prunable
        plan.base[name] = sorted(list(x) if isinstance(x, tuple) else x for x in theirs | kept)
        return (theirs - here - before), prunable

    def plan_aliases(self, plan: Plan, base: dict, data=None):
        data = data or plan.record.data
        if "aliases" not in data:
            return
        theirs = {}
        for index, alias in enumerate(data["aliases"]):
            pair = (alias["name"], alias["language"])
            if pair in theirs:
                plan.record.where.fail(f"aliases[{index}]", f"the alias {alias['name']!r} ({alias['language']}) is listed twice")
            theirs[pair] = index
        actor = plan.instance
        here = {} if plan.created else {(a.name, a.language): a for a in actor.aliases.all()}
        add, prunable = self.merge_set(plan, base, "aliases", set(here), set(theirs))
        for pair in sorted(add, key=lambda p: theirs[p]):
            plan.aliases_add.append((theirs[pair], ActorAlias(actor=actor, name=pair[0], language=pair[1])))
        for pair in sorted(prunable):
            self.prunable(plan, f"alias {pair[0]!r} ({pair[1]})", here[pair])

    def plan_subjects(self, plan: Plan, base: dict, data=None):
        data = data or plan.record.data
        if "subjects" not in data:
            return
        where = plan.record.where
        theirs = {key: self.ref(Actor, key, where, f"subjects[{i}]") for i, key in enumerate(data["subjects"])}
        here = {} if plan.created else {a.key: a for a in plan.instance.subjects.all()}
        add, prunable = self.merge_set(plan, base, "subjects", set(here), set(theirs))
        plan.subjects_add = [theirs[key] for key in data["subjects"] if key in add]
        for key in sorted(prunable):
            self.prunable(plan, f"subject {key!r}", here[key])
            if self.prune:
                plan.subjects_remove.append(here[key])

    # claims' child rows ----------------------------------------------------------------------------
    def plan_claim_children(self, plan: Plan, base: dict, data=None):
        data = data or plan.record.data
        if "appearances" in data:
            self.plan_appearances(plan, base, data)
        if "stances" in data or "estimates" in data:
            self.plan_stances(plan, base, data)
        if "estimates" in data:
            self.plan_estimates(plan, base, data)
        if "appearances" in data:
            self.plan_wordings(plan, base, data)

    def child(self, plan, base, list_name, identity, theirs_item: dict, here_row, *, kind_label: str, fields: dict,
              model, deleted_filter: dict, extends=(), full_item: dict | None = None):
        """Merge one child row the bundle lists: (create it?, {attr: value} to update). ``fields`` maps a
        field to (here value or None, theirs value, {attr: value to write}). Records the row's new base:
        everything the bundle wrote when it creates the row, else the fields it names over the old base."""
        before = base.get(list_name, {}).get(identity)
        create, updates = self.child_merge(plan, before, list_name, identity, theirs_item, here_row, fields=fields,
                                           model=model, deleted_filter=deleted_filter, extends=extends)
        new_base = plan.base.setdefault(list_name, {})
        if create or here_row is None:
            new_base[identity] = dict(full_item if full_item is not None else theirs_item)
        else:
            new_base[identity] = {**(before or {}), **theirs_item}
        return create, updates

    def child_merge(self, plan, before, list_name, identity, theirs_item, here_row, *, fields, model, deleted_filter,
                    extends):
        path = f"{list_name}[{identity}]"
        if here_row is None:
            if before is None:
                return True, {}
            if before == theirs_item:
                return False, {}  # brought by this bundle, deleted here since, unchanged in the bundle
            if self.take(plan.record, path, here="(deleted here)", theirs=theirs_item, base={}, name="",
                         who=lambda: deleted_change(model, **deleted_filter)):
                return True, {}
            return False, {}
        updates = {}
        for name, (here, theirs, writes) in fields.items():
            if self.take(plan.record, f"{path}.{name}", here=here, theirs=theirs, base=before or {}, name=name,
                         who=lambda r=here_row, w=writes: last_change(r, [a for a in w if not a.startswith("_")]),
                         extends=name in extends):
                updates.update(writes)
        return False, updates

    @staticmethod
    def hop_canon(actor_key, relation, language, step, sequential, medium, passed_on, precision) -> list:
        """One hop in the merge's comparable form: ``[actor, relation, language]``, with ``step``, ``medium`` and
        ``passed_on`` after them only when one is set (a parallel step, a medium, a date) — so that a chain
        stated before hops had them compares equal to the same chain now."""
        short = [actor_key, relation, language]
        if step == sequential and not medium and passed_on is None:
            return short
        return short + [step, medium, dated(passed_on, precision)]

    def chain_canon(self, hops) -> list:
        """``hops`` (model rows in position order) in the merge's comparable form."""
        out, last = [], 0
        for hop in hops:
            out.append(self.hop_canon(self.refs.key(Actor, hop.actor_id), hop.relation, hop.language, hop.position,
                                      last + 1, hop.medium, hop.passed_on, hop.passed_on_precision))
            last = hop.position
        return out

    def read_hops(self, item, where, path) -> list[dict]:
        """The hops an appearance states, each with its step: a hop without ``step`` comes one step after the
        previous hop; a step equal to the previous hop's is a parallel relay. Steps never go down and name an
        actor at most once (an explicit step may skip one: a chain entered by hand with a gap exports and
        imports as it is)."""
        hops, last, actors = [], 0, {}
        for i, hop in enumerate(item["hops"]):
            step = hop["step"] if hop["step"] is not None else last + 1
            if step < last:
                where.fail(f"{path}.hops[{i}].step", f"step {step} after step {last}: hops are listed from the document "
                                                     f"outwards (give the previous hop's step for a parallel relay)")
            actor = self.ref(Actor, hop["actor"], where, f"{path}.hops[{i}].actor")
            if actor.pk in actors.setdefault(step, set()):
                where.fail(f"{path}.hops[{i}].actor", f"{actor.key!r} is listed twice at step {step}")
            actors[step].add(actor.pk)
            passed_on, precision = hop["passed_on"] or (None, "day")
            hops.append({"actor": actor, "relation": hop["relation"], "language": hop["language"], "position": step,
                         "medium": hop["medium"], "passed_on": passed_on, "passed_on_precision": precision,
                         "_canon": self.hop_canon(actor.key, hop["relation"], hop["language"], step, last + 1,
                                                  hop["medium"], passed_on, precision),
                         "_index": i})
            last = step
        return hops

    def plan_appearances(self, plan: Plan, base: dict, data):
        where, claim = plan.record.where, plan.instance
        here = {}
        if not plan.created:
            for appearance in claim.appearances.all():
                document_key = self.refs.key(Document, appearance.document_id)
                here[f"{document_key}@{appearance.start}-{appearance.end}"] = appearance
        seen = set()
        plan.base["appearances"] = {}
        for index, item in enumerate(data["appearances"]):
            path = f"appearances[{index}]"
            document = self.ref(Document, item["document"], where, f"{path}.document")
            start, end = self.locate(document, item, where, path)
            identity = f"{document.key}@{start}-{end}"
            if identity in seen:
                where.fail(path, f"the same span {start}–{end} of {document.key!r} is listed twice")
            seen.add(identity)
            given = item[GIVEN]
            hops = self.read_hops(item, where, path)
            theirs_hops = [hop["_canon"] for hop in hops]
            stated_day, stated_precision = item["stated_on"] or (None, "day")
            theirs_values = {"translation": canon(item["translation"]),
                             "translation_language": canon(item["translation_language"]),
                             "stated_on": dated(stated_day, stated_precision), "medium": item["medium"]}
            writes = {"translation": {"translation": item["translation"]},
                      "translation_language": {"translation_language": item["translation_language"]},
                      "stated_on": {"stated_on": stated_day, "stated_on_precision": stated_precision},
                      "medium": {"medium": item["medium"]}}
            stated = {name: value for name, value in theirs_values.items() if name in given}
            if "hops" in given:
                stated["hops"] = theirs_hops
            full = {**theirs_values, "hops": theirs_hops}
            row = here.get(identity)
            fields = {}
            if row is not None:
                here_values = {"translation": row.translation, "translation_language": row.translation_language,
                               "stated_on": dated(row.stated_on, row.stated_on_precision), "medium": row.medium}
                for name in theirs_values:
                    if name in given:
                        fields[name] = (here_values[name], theirs_values[name], writes[name])
                if "hops" in given:
                    fields["hops"] = (self.chain_canon(row.hops.all()), theirs_hops, {"_hops": hops})
            create, updates = self.child(
                plan, base, "appearances", identity, stated, row, kind_label="appearance", fields=fields,
                model=Appearance, deleted_filter={"claim_id": claim.pk, "document_id": document.pk, "start": start, "end": end},
                extends=("hops",), full_item=full)
            if create:
                appearance = Appearance(claim=claim, document=document, start=start, end=end, quote=item["quote"],
                                        translation=item["translation"], translation_language=item["translation_language"],
                                        stated_on=stated_day, stated_on_precision=stated_precision, medium=item["medium"])
                appearance._bundle_index = index
                chain = []
                for hop in hops:
                    row_hop = AttributionHop(appearance=appearance, **{k: v for k, v in hop.items() if not k.startswith("_")})
                    row_hop._bundle_hop = hop["_index"]
                    chain.append(row_hop)
                plan.appearances_add.append((appearance, chain))
                plan.appearance_rows[identity] = appearance
            elif row is not None:
                plan.appearance_rows[identity] = row
            if "_hops" in updates:
                plan.hop_chains.append((row, updates.pop("_hops")))
            if updates:
                plan.appearance_updates.append((row, updates))
            item["_identity"] = identity
        self.prune_children(plan, base, "appearances", plan.base["appearances"], here, "appearance")

    def locate(self, document, item, where, path) -> tuple[int, int]:
        start, end = item["start"], item["end"]
        if (start is None) != (end is None):
            where.fail(f"{path}.{'end' if end is None else 'start'}", "give both start and end, or neither")
        if start is None:
            try:
                match = quote_locate(body=document.body, quote=item["quote"])
            except QuoteError as exc:
                where.fail(f"{path}.quote", f"in document {document.key!r}: {exc}")
            item["quote"] = match.text  # the document's exact span, whatever typography the bundle used
            if match.message:
                self.notes.append(where.describe(f"{path}.quote", match.message))
            return match.start, match.end
        mismatch = describe_mismatch(document.body, item["quote"], start, end)
        if mismatch:
            where.fail(f"{path}.quote", f"in document {document.key!r}: {mismatch}")
        return start, end

    def prune_children(self, plan, base, list_name, listed: dict, here: dict, what: str):
        for identity in sorted(set(base.get(list_name, {})) - set(listed)):
            row = here.get(identity)
            if row is None:
                continue
            kept = ""
            if isinstance(row, ClaimRelation) and row.state != RelationState.SUGGESTED:
                before = base[list_name][identity].get("state", RelationState.ACCEPTED)
                if row.state != before:
                    kept = f"a reviewer's decision ({row.state})"
            self.prunable(plan, f"{what} {identity}", row, kept)
            if kept or not self.prune:
                # Kept: it stays in the base, so that a later --prune still knows this bundle brought it.
                listed[identity] = base[list_name][identity]

    def plan_stances(self, plan: Plan, base: dict, data):
        where, claim = plan.record.where, plan.instance
        theirs = {}
        for index, item in enumerate(data.get("stances", [])):
            proposition = self.ref(Proposition, item["proposition"], where, f"stances[{index}].proposition")
            if proposition.key in theirs:
                where.fail(f"stances[{index}].proposition", f"{proposition.key!r} is listed twice")
            theirs[proposition.key] = (f"stances[{index}]", proposition, item["stance"])
        for index, item in enumerate(data.get("estimates", [])):
            proposition = self.ref(Proposition, item["proposition"], where, f"estimates[{index}].proposition")
            theirs.setdefault(proposition.key, ("stances", proposition, "estimates"))  # an estimate implies it
        here = {} if plan.created else {self.refs.key(Proposition, s.proposition_id): s for s in claim.stances.all()}
        plan.base["stances"] = {}
        for key, (path, proposition, stance) in theirs.items():
            row = here.get(key)
            fields = {"stance": (row.stance, stance, {"stance": stance})} if row is not None else {}
            create, updates = self.child(plan, base, "stances", key, {"stance": stance}, row, kind_label="stance",
                                         fields=fields, model=ClaimStance,
                                         deleted_filter={"claim_id": claim.pk, "proposition_id": proposition.pk})
            if create:
                stance_row = ClaimStance(claim=claim, proposition=proposition, stance=stance)
                stance_row._bundle_path = path
                plan.stances_add.append(stance_row)
            if updates:
                plan.stance_updates.append((row, updates))
        self.prune_children(plan, base, "stances", plan.base["stances"], here, "stance on")

    @staticmethod
    def estimate_identity(proposition_key, as_of, precision, period_start, period_end) -> str:
        when = dated(as_of, precision) or ""
        if period_start or period_end:
            when += f"{canon(period_start) or ''}..{canon(period_end) or ''}"
        return f"{proposition_key}@{when}"

    def plan_estimates(self, plan: Plan, base: dict, data):
        where, claim = plan.record.where, plan.instance
        here, counts = {}, {}
        if not plan.created:
            for row in sorted(claim.estimates.all(), key=lambda e: e.pk):
                identity = self.estimate_identity(self.refs.key(Proposition, row.proposition_id), row.as_of,
                                                  row.as_of_precision, row.period_start, row.period_end)
                counts[identity] = counts.get(identity, 0) + 1
                here[identity if counts[identity] == 1 else f"{identity}#{counts[identity]}"] = row
        counts = {}
        plan.base["estimates"] = {}
        for index, item in enumerate(data["estimates"]):
            path = f"estimates[{index}]"
            proposition = self.ref(Proposition, item["proposition"], where, f"{path}.proposition")
            as_of, precision = item["as_of"] or (None, "day")
            identity = self.estimate_identity(proposition.key, as_of, precision, item["period_start"], item["period_end"])
            counts[identity] = counts.get(identity, 0) + 1
            if counts[identity] > 1:
                identity = f"{identity}#{counts[identity]}"
            given = item[GIVEN]
            theirs_figure = figure(value=item["value"], lower=item["lower"], upper=item["upper"], qualifier=item["qualifier"],
                                   approximate=item["approximate"])
            stated = {"figure": theirs_figure}
            stated.update({name: item[name] for name in ("unit", "wording") if name in given})
            full = {"figure": theirs_figure, "unit": item["unit"], "wording": item["wording"]}
            row = here.get(identity)
            fields = {}
            if row is not None:
                fields["figure"] = (figure(value=row.value, lower=row.lower, upper=row.upper, qualifier=row.qualifier,
                                           approximate=row.approximate),
                                    theirs_figure, {n: item[n] for n in ("value", "lower", "upper", "qualifier", "approximate")})
                for name in ("unit", "wording"):
                    if name in given:
                        fields[name] = (getattr(row, name), item[name], {name: item[name]})
            create, updates = self.child(plan, base, "estimates", identity, stated, row, kind_label="estimate",
                                         fields=fields, model=Estimate,
                                         deleted_filter={"claim_id": claim.pk, "proposition_id": proposition.pk,
                                                         "as_of": as_of}, full_item=full)
            if create:
                estimate = Estimate(claim=claim, proposition=proposition, value=item["value"], lower=item["lower"],
                                    upper=item["upper"], qualifier=item["qualifier"], approximate=item["approximate"],
                                    unit=item["unit"], as_of=as_of,
                                    as_of_precision=precision, period_start=item["period_start"],
                                    period_end=item["period_end"], wording=item["wording"])
                estimate._bundle_path = path
                plan.estimates_add.append(estimate)
                plan.estimate_rows[identity] = estimate
            elif row is None:
                plan.estimate_rows[identity] = None  # brought before, deleted here since: it stays deleted
            if updates:
                plan.estimate_updates.append((row, updates))
        for identity, row in here.items():
            plan.estimate_rows.setdefault(identity, row)
        self.prune_children(plan, base, "estimates", plan.base["estimates"], here, "estimate")

    # wordings per appearance -----------------------------------------------------------------------
    def plan_wordings(self, plan: Plan, base: dict, data):
        """How each appearance's report worded the claim's estimates (``appearances[i].wordings``).

        A wording names its estimate by proposition (and ``as_of`` or period when the claim has several
        estimates of it) and must occur in that appearance's quote. Merged per appearance and estimate: the
        row is identified by ``DOCUMENT@START-END|PROPOSITION@WHEN``, its merged field is ``wording``.
        """
        where, claim = plan.record.where, plan.instance
        if not plan.estimate_rows and not plan.created:
            counts = {}
            for row in sorted(claim.estimates.all(), key=lambda e: e.pk):
                identity = self.estimate_identity(self.refs.key(Proposition, row.proposition_id), row.as_of,
                                                  row.as_of_precision, row.period_start, row.period_end)
                counts[identity] = counts.get(identity, 0) + 1
                plan.estimate_rows[identity if counts[identity] == 1 else f"{identity}#{counts[identity]}"] = row
        rows = plan.appearance_rows
        here = {}
        if not plan.created:
            by_estimate = {row.pk: identity for identity, row in plan.estimate_rows.items() if row is not None and row.pk}
            by_appearance = {row.pk: identity for identity, row in rows.items() if row.pk}
            for appearance in claim.appearances.all():
                for wording in appearance.wordings.all():
                    if wording.appearance_id in by_appearance and wording.estimate_id in by_estimate:
                        here[f"{by_appearance[wording.appearance_id]}|{by_estimate[wording.estimate_id]}"] = wording
        plan.base["wordings"] = {}
        for index, item in enumerate(data["appearances"]):
            appearance = rows.get(item.get("_identity"))
            for number, wording in enumerate(item["wordings"]):
                path = f"appearances[{index}].wordings[{number}]"
                estimate_identity = self.wording_estimate(plan, wording, where, path)
                offset = self.wording_offset(item["quote"], wording, where, path)
                text = item["quote"][offset: offset + len(wording["wording"])]
                identity = f"{item['_identity']}|{estimate_identity}"
                if identity in plan.base["wordings"]:
                    where.fail(path, "a second wording of the same estimate in the same appearance")
                estimate = plan.estimate_rows[estimate_identity]
                if appearance is None or estimate is None:
                    # Its appearance or estimate was deleted here and stays deleted: so does the wording.
                    plan.base["wordings"][identity] = base.get("wordings", {}).get(identity, {"wording": text})
                    continue
                if appearance.pk is None or estimate.pk is None:  # new in this import: so is its wording
                    plan.base["wordings"][identity] = {"wording": text}
                    plan.wordings_set.append((appearance, estimate, text, offset, path))
                    continue
                row = here.get(identity)
                fields = {"wording": (row.wording, text, {"wording": text})} if row is not None else {}
                create, updates = self.child(
                    plan, base, "wordings", identity, {"wording": text}, row, kind_label="wording", fields=fields,
                    model=EstimateWording, deleted_filter={"appearance_id": appearance.pk, "estimate_id": estimate.pk})
                if create or updates:
                    plan.wordings_set.append((appearance, estimate, text, offset, path))
        self.prune_children(plan, base, "wordings", plan.base["wordings"], here, "wording")

    def wording_estimate(self, plan, wording, where, path) -> str:
        """The identity of the claim's one estimate a wording names (its proposition, and as_of or period)."""
        proposition = self.ref(Proposition, wording["proposition"], where, f"{path}.proposition")
        prefix = f"{proposition.key}@"
        candidates = [identity for identity in plan.estimate_rows if identity.startswith(prefix)]
        if wording["as_of"] is not None or wording["period_start"] or wording["period_end"]:
            as_of, precision = wording["as_of"] or (None, "day")
            wanted = self.estimate_identity(proposition.key, as_of, precision, wording["period_start"],
                                            wording["period_end"])
            candidates = [identity for identity in candidates if identity.split("#")[0] == wanted]
        if not candidates:
            where.fail(f"{path}.proposition", f"the claim has no estimate of {proposition.key!r}"
                                              + (" at that date" if wording["as_of"] or wording["period_start"] else ""))
        if len(candidates) > 1:
            where.fail(f"{path}.proposition", f"the claim has {len(candidates)} estimates of {proposition.key!r}: "
                                              f"give the estimate's as_of (or period) to say which")
        return candidates[0]

    @staticmethod
    def wording_offset(quote, wording, where, path) -> int:
        """Where the wording starts in the appearance's quote (located as quotes are; ``offset`` when it recurs)."""
        text, offset = wording["wording"], wording["offset"]
        if offset is not None:
            if quote[offset: offset + len(text)] != text:
                where.fail(f"{path}.offset", f"{text!r} is not at offset {offset} of the appearance's quote "
                                             f"(found {quote[offset: offset + len(text)]!r})")
            return offset
        if not text.strip():
            where.fail(f"{path}.wording", "is empty")
        try:
            match = quote_locate(body=quote, quote=text.strip())
        except QuoteError as exc:
            message = str(exc).replace("the document body", "the appearance's quote").replace(
                "give start and end", "give its offset").replace("the quote", "the wording", 1)
            where.fail(f"{path}.wording", message)
        wording["wording"] = match.text
        return match.start

    # quantity propositions: parts of a whole ---------------------------------------------------------
    def plan_parts(self, plan: Plan) -> Plan:
        """A proposition's ``parts`` (after the batch's propositions are written: a part may be new in it).

        Each part is identified by its proposition's key; its merged field is ``link``: kind and factor together.
        """
        data, where, whole = plan.record.data, plan.record.where, plan.instance
        if "parts" not in data:
            return plan
        base = self.bases.get(("propositions", plan.record.key), {}) if not plan.created else {}
        here = {} if plan.created else {self.refs.key(Proposition, r.part_id): r
                                        for r in whole.quantity_relations_in.all()}
        plan.base["parts"] = {}
        for index, item in enumerate(data["parts"]):
            path = f"parts[{index}]"
            part = self.ref(Proposition, item["proposition"], where, f"{path}.proposition")
            if part.key in plan.base["parts"]:
                where.fail(f"{path}.proposition", f"{part.key!r} is listed twice")
            if part.pk == whole.pk:
                where.fail(f"{path}.proposition", "a proposition cannot be a part of itself")
            for side in (whole, part):
                if side.kind != "quantity":
                    where.fail(f"{path}.proposition" if side is part else "kind",
                               f"parts link quantities: {side.key!r} is not a quantity proposition")
            if (item["kind"] == "same_measure") != (item["factor"] is not None) or (
                    item["factor"] is not None and item["factor"] <= 0):
                where.fail(f"{path}.factor", "a same_measure part needs a positive factor (one unit of the part is "
                                             "factor units of the whole); a part_of part has none")
            theirs = [item["kind"], canon(item["factor"])]
            row = here.get(part.key)
            fields = {"link": ([row.kind, canon(row.factor)], theirs, {"link": theirs})} if row is not None else {}
            create, updates = self.child(plan, base, "parts", part.key, {"link": theirs}, row, kind_label="part",
                                         fields=fields, model=QuantityRelation,
                                         deleted_filter={"part_id": part.pk, "whole_id": whole.pk})
            if create or updates:
                plan.parts_set.append((part, item["kind"], item["factor"], path))
        self.prune_children(plan, base, "parts", plan.base["parts"], here, "part")
        return plan

    def plan_relations(self, plan: Plan, data) -> None:
        """A claim's relations (after every claim of a YAML or JSON file is written: targets may come later)."""
        if "relations" not in data:
            return
        where, claim = plan.record.where, plan.instance
        base = self.bases.get(("claims", plan.record.key), {}) if not plan.created else {}
        here = {} if plan.created else {f"{r.kind} {self.refs.key(Claim, r.target_id)}": r
                                        for r in claim.relations_out.all()}
        plan.base["relations"] = {}
        for index, item in enumerate(data["relations"]):
            target = self.ref(Claim, item["target"], where, f"relations[{index}].target")
            identity = f"{item['kind']} {target.key}"
            if identity in plan.base["relations"]:
                where.fail(f"relations[{index}]", f"'{item['kind']} {target.key}' is listed twice")
            given = item[GIVEN]
            stated = {name: item[name] for name in ("state", "rationale") if name in given}
            # A relation this bundle creates keeps the state it got in its base even when not stated: a later
            # change of it here is then known to be a reviewer's decision.
            full = {"state": item["state"], "rationale": item["rationale"]}
            row = here.get(identity)
            fields = {}
            if row is not None:
                for name in ("state", "rationale"):
                    if name in given:
                        fields[name] = (getattr(row, name), item[name], {name: item[name]})
            create, updates = self.child(plan, base, "relations", identity, stated, row, kind_label="relation",
                                         fields=fields, model=ClaimRelation,
                                         deleted_filter={"source_id": claim.pk, "target_id": target.pk, "kind": item["kind"]},
                                         full_item=full)
            if create:
                relation = ClaimRelation(source=claim, target=target, kind=item["kind"], state=item["state"],
                                         rationale=item["rationale"])
                relation._bundle_path = f"relations[{index}]"
                plan.relations_add.append(relation)
            if updates:
                plan.relation_updates.append((row, updates))
        self.prune_children(plan, base, "relations", plan.base["relations"], here, "relation")
