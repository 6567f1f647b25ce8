"""Exporting bundles: the database (or part of it) written in the format that ``claims.ingest.bundle`` reads.

``bundle_export(out=..., since=..., proposition=...)`` writes YAML (.yaml/.yml), JSON (.json) or JSON Lines
(.jsonl), chosen by the file's extension. Exporting and importing the result into an empty database gives
the same records. A partial export (``since``, ``proposition``) is made self-contained: it also holds every
record its claims refer to (claimants, subjects, relaying actors and their parents, documents, publishers,
propositions, and the claims their relations point at), so it imports on its own.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db.models import Prefetch, Q

from factbase.dates import format_date_with_precision
from sources.models import Actor, Document

from .bundle_format import FORMAT_NAME, RECORD_TYPES
from ..models import Appearance, Claim, JointClaimant, Proposition, QuantityRelation

EXPORT_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")


class ExportError(ValueError):
    """Bad export arguments (unknown proposition, unsupported file type)."""


@dataclass
class ExportReport:
    path: str
    counts: dict = field(default_factory=dict)

    def lines(self):
        return [f"{kind}: {self.counts.get(kind, 0)} exported" for kind in RECORD_TYPES] + [f"Written to {self.path}."]


def _number(value):
    if value is None:
        return None
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else format(value, "f")


def _drop_empty(record: dict, keep=()) -> dict:
    """Leave out optional fields at their empty default, so that bundles stay readable."""
    return {k: v for k, v in record.items() if k in keep or v not in ("", None, [])}


def actor_record(actor: Actor) -> dict:
    return _drop_empty({
        "key": actor.key, "name": actor.name, "kind": actor.kind, "country": actor.country,
        "parent": actor.parent.key if actor.parent_id else None, "description": actor.description,
        "wikidata_id": actor.wikidata_id, "reliability": actor.reliability,
        "reliability_rationale": actor.reliability_rationale,
        "aliases": [{"name": a.name, "language": a.language} for a in actor.aliases.all()],
    })


def document_record(document: Document) -> dict:
    return _drop_empty({
        "key": document.key, "kind": document.kind, "title": document.title, "url": document.url,
        "publisher": document.publisher.key if document.publisher_id else None, "authors": document.authors,
        "language": document.language, "published_on": document.published_on.isoformat(),
        "published_time": document.published_time.isoformat() if document.published_time else None,
        "retrieved_at": document.retrieved_at.isoformat() if document.retrieved_at else None,
        "archive_url": document.archive_url, "body": document.body,
    })


def proposition_record(proposition: Proposition) -> dict:
    parts = sorted(proposition.quantity_relations_in.all(), key=lambda r: r.part.key)
    return _drop_empty({
        "key": proposition.key, "title": proposition.title, "description": proposition.description,
        "kind": proposition.kind, "measure": proposition.measure, "unit": proposition.unit,
        "subjects": sorted(a.key for a in proposition.subjects.all()), "status": proposition.status,
        "status_rationale": proposition.status_rationale, "cumulative": proposition.cumulative or None,
        "parts": [_drop_empty({"proposition": r.part.key, "kind": r.kind if r.kind != "part_of" else None,
                               "factor": _number(r.factor)}) for r in parts],
    })


def _dated(day, precision):
    return format_date_with_precision(day, precision) or None


def hop_records(hops) -> list:
    """An appearance's chain: ``step`` is written on every hop when a step holds parallel relays (or the chain
    has a gap), else left out (each hop is then one step after the previous one)."""
    hops = list(hops)
    sequential = [h.position for h in hops] == list(range(1, len(hops) + 1))
    return [_drop_empty({
        "actor": h.actor.key, "relation": h.relation, "language": h.language,
        "step": None if sequential else h.position, "medium": h.medium,
        "passed_on": _dated(h.passed_on, h.passed_on_precision),
    }) for h in hops]


def _estimate_when(estimate) -> dict:
    return {"as_of": _dated(estimate.as_of, estimate.as_of_precision),
            "period_start": estimate.period_start.isoformat() if estimate.period_start else None,
            "period_end": estimate.period_end.isoformat() if estimate.period_end else None}


def wording_records(appearance, estimates) -> list:
    """How this appearance's report worded the claim's estimates: the estimate by proposition (and its date
    when the claim has several estimates of that proposition), ``offset`` only when the wording recurs in
    the quote."""
    order = {e.pk: i for i, e in enumerate(estimates)}
    per_proposition = {}
    for estimate in estimates:
        per_proposition[estimate.proposition_id] = per_proposition.get(estimate.proposition_id, 0) + 1
    records = []
    for wording in sorted(appearance.wordings.all(), key=lambda w: order.get(w.estimate_id, len(order))):
        estimate = next(e for e in estimates if e.pk == wording.estimate_id)
        when = _estimate_when(estimate) if per_proposition[estimate.proposition_id] > 1 else {}
        recurs = appearance.quote.count(wording.wording) > 1
        records.append(_drop_empty({"proposition": estimate.proposition.key, **when, "wording": wording.wording,
                                    "offset": wording.offset if recurs else None}))
    return records


def _estimate_order(estimate):
    return (estimate.proposition.key, estimate.as_of or estimate.period_start or dt.date.max,
            estimate.period_end or dt.date.max, estimate.pk)


def claim_record(claim: Claim) -> dict:
    # Estimates in an order that does not depend on the database's ids (but for ties): an export of an
    # import of an export is the same file.
    estimate_rows = sorted(claim.estimates.all(), key=_estimate_order)
    appearances = [
        _drop_empty({
            "document": a.document.key, "quote": a.quote, "start": a.start, "end": a.end,
            "translation": a.translation, "translation_language": a.translation_language,
            "stated_on": _dated(a.stated_on, a.stated_on_precision), "medium": a.medium,
            "hops": hop_records(a.hops.all()),
            "wordings": wording_records(a, estimate_rows),
        })
        for a in claim.appearances.all()
    ]
    estimates = [
        _drop_empty({
            "proposition": e.proposition.key, "value": _number(e.value), "lower": _number(e.lower),
            "upper": _number(e.upper), "qualifier": e.qualifier, "approximate": e.approximate or None,
            "unit": e.unit, **_estimate_when(e), "wording": e.wording,
        })
        for e in estimate_rows
    ]
    relations = [
        _drop_empty({"kind": r.kind, "target": r.target.key,
                     "state": r.state if r.state != "accepted" else None, "rationale": r.rationale})
        for r in sorted(claim.relations_out.all(), key=lambda r: (r.target.key, r.kind))
    ]
    return _drop_empty({
        "key": claim.key, "claimant": claim.claimant.key,
        "joint_claimants": [link.actor.key for link in claim.joint_claimants.all()],
        "kind": claim.kind, "summary": claim.summary,
        "summary_language": claim.summary_language,
        "stated_on": format_date_with_precision(claim.stated_on, claim.stated_on_precision) or None,
        "hedge": claim.hedge, "subjects": sorted(a.key for a in claim.subjects.all()), "location": claim.location,
        "location_country": claim.location_country, "interested": claim.interested, "status": claim.status,
        "verdict": claim.verdict, "credibility": claim.credibility, "rationale": claim.rationale,
        "rating_text": claim.rating_text, "assessed_at": claim.assessed_at.isoformat() if claim.assessed_at else None,
        "appearances": appearances,
        "stances": [{"proposition": s.proposition.key, "stance": s.stance}
                    for s in sorted(claim.stances.all(), key=lambda s: s.proposition.key)],
        "estimates": estimates, "relations": relations,
    })


def _claims_queryset():
    return Claim.objects.select_related("claimant").prefetch_related(
        "subjects", "joint_claimants__actor",
        Prefetch("appearances", queryset=Appearance.objects.select_related("document").prefetch_related(
            "hops__actor", "wordings")),
        "stances__proposition", "estimates__proposition", "relations_out__target",
    ).order_by("key")


def _selection(since: dt.date | None, proposition: str | None):
    """The ids of the claims, propositions, documents and actors to export, closed over references."""
    claims = Claim.objects.all()
    propositions = Proposition.objects.none() if (since or proposition) else Proposition.objects.all()
    documents = Document.objects.none() if (since or proposition) else Document.objects.all()
    actors = Actor.objects.none() if (since or proposition) else Actor.objects.all()
    if proposition:
        if not Proposition.objects.filter(key=proposition).exists():
            raise ExportError(f"--proposition: no proposition with key {proposition!r}")
        claims = claims.filter(Q(stances__proposition__key=proposition) | Q(estimates__proposition__key=proposition))
        propositions = Proposition.objects.filter(key=proposition)
    if since:
        claims = claims.filter(updated_at__date__gte=since)
        if not proposition:
            propositions = Proposition.objects.filter(updated_at__date__gte=since)
            documents = Document.objects.filter(updated_at__date__gte=since)
            actors = Actor.objects.filter(updated_at__date__gte=since)
    claim_ids = set(claims.values_list("id", flat=True))
    # Relation targets must travel with their sources, so that the bundle imports on its own.
    frontier = set(claim_ids)
    while frontier:
        targets = set(Claim.objects.filter(relations_in__source_id__in=frontier).values_list("id", flat=True))
        frontier = targets - claim_ids
        claim_ids |= frontier
    proposition_ids = set(propositions.values_list("id", flat=True)) | set(
        Proposition.objects.filter(Q(stances__claim_id__in=claim_ids) | Q(estimates__claim_id__in=claim_ids))
        .values_list("id", flat=True))
    frontier = set(proposition_ids)
    while frontier:  # a whole's parts travel with it
        parts = set(QuantityRelation.objects.filter(whole_id__in=frontier).values_list("part_id", flat=True))
        frontier = parts - proposition_ids
        proposition_ids |= frontier
    document_ids = set(documents.values_list("id", flat=True)) | set(
        Document.objects.filter(appearances__claim_id__in=claim_ids).values_list("id", flat=True))
    actor_ids = set(actors.values_list("id", flat=True))
    actor_ids |= set(Claim.objects.filter(id__in=claim_ids).values_list("claimant_id", flat=True))
    actor_ids |= set(JointClaimant.objects.filter(claim_id__in=claim_ids).values_list("actor_id", flat=True))
    actor_ids |= set(Claim.subjects.through.objects.filter(claim_id__in=claim_ids).values_list("actor_id", flat=True))
    actor_ids |= set(Actor.objects.filter(relayed_hops__appearance__claim_id__in=claim_ids).values_list("id", flat=True))
    actor_ids |= set(Proposition.subjects.through.objects.filter(proposition_id__in=proposition_ids)
                     .values_list("actor_id", flat=True))
    actor_ids |= set(Document.objects.filter(id__in=document_ids, publisher__isnull=False).values_list("publisher_id", flat=True))
    frontier = set(actor_ids)
    while frontier:  # parents, up the chain
        parents = set(Actor.objects.filter(children__id__in=frontier).values_list("id", flat=True))
        frontier = parents - actor_ids
        actor_ids |= frontier
    actor_ids.discard(None)
    return claim_ids, proposition_ids, document_ids, actor_ids


def _parents_first(actors):
    ordered, done, pending = [], set(), list(actors)
    ids = {a.pk for a in actors}
    while pending:
        ready = [a for a in pending if a.parent_id is None or a.parent_id not in ids or a.parent_id in done]
        if not ready:  # a cycle in the database: emit the rest as they are
            ready = pending
        ordered.extend(ready)
        done |= {a.pk for a in ready}
        pending = [a for a in pending if a.pk not in done]
    return ordered


def _parts_first(propositions):
    """Propositions ordered so that a whole's parts come before it (JSON Lines: a line refers to earlier lines)."""
    by_id = {p.pk: p for p in propositions}
    ordered, done = [], set()

    def visit(proposition, path=()):
        if proposition.pk in done or proposition.pk in path:
            return
        for relation in proposition.quantity_relations_in.all():
            if relation.part_id in by_id:
                visit(by_id[relation.part_id], (*path, proposition.pk))
        done.add(proposition.pk)
        ordered.append(proposition)

    for proposition in propositions:
        visit(proposition)
    return ordered


def _targets_first(claims):
    """Claims ordered so that a relation's target comes before its source where possible (JSON Lines)."""
    by_id = {c.pk: c for c in claims}
    ordered, done, visiting = [], set(), set()

    def visit(claim):
        if claim.pk in done or claim.pk in visiting:
            return
        visiting.add(claim.pk)
        for relation in claim.relations_out.all():
            if relation.target_id in by_id:
                visit(by_id[relation.target_id])
        visiting.discard(claim.pk)
        done.add(claim.pk)
        ordered.append(claim)

    for claim in claims:
        visit(claim)
    return ordered


def bundle_export(*, out, since: dt.date | None = None, proposition: str | None = None) -> ExportReport:
    """Write the selected records to ``out`` in the bundle format of its extension."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ExportError(f"{out}: unsupported file type (use {', '.join(EXPORT_SUFFIXES)})")
    claim_ids, proposition_ids, document_ids, actor_ids = _selection(since, proposition)
    actors = _parents_first(list(Actor.objects.filter(id__in=actor_ids).select_related("parent")
                                 .prefetch_related("aliases").order_by("key")))
    documents = list(Document.objects.filter(id__in=document_ids).select_related("publisher").order_by("key"))
    propositions = list(Proposition.objects.filter(id__in=proposition_ids)
                        .prefetch_related("subjects", "quantity_relations_in__part").order_by("key"))
    claims = list(_claims_queryset().filter(id__in=claim_ids))
    if suffix == ".jsonl":
        claims = _targets_first(claims)
        propositions = _parts_first(propositions)
    records = {
        "actors": [actor_record(a) for a in actors],
        "documents": [document_record(d) for d in documents],
        "propositions": [proposition_record(p) for p in propositions],
        "claims": [claim_record(c) for c in claims],
    }
    try:
        with path.open("w", encoding="utf-8") as handle:
            if suffix == ".jsonl":
                for kind, singular in (("actors", "actor"), ("documents", "document"),
                                       ("propositions", "proposition"), ("claims", "claim")):
                    for record in records[kind]:
                        handle.write(json.dumps({"type": singular, **record}, ensure_ascii=False) + "\n")
            elif suffix == ".json":
                json.dump({"format": FORMAT_NAME, **records}, handle, ensure_ascii=False, indent=2)
                handle.write("\n")
            else:
                yaml.safe_dump({"format": FORMAT_NAME, **records}, handle, allow_unicode=True, sort_keys=False, width=100)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write the file: {exc.strerror}") from None
    return ExportReport(path=str(path), counts={kind: len(items) for kind, items in records.items()})
