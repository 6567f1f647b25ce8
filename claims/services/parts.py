"""Adding, changing and removing the parts of a claim: appearances, attribution hops, estimates, stances,
relations.

One writer for each, whoever calls (the admin's pages and inlines, import_bundle, import_article
--extract, import_claimreview, suggest_relations). The single-row functions (``appearance_add``,
``estimate_update``, ...) and the batch ones (``parts_add``, ``parts_update``, ``parts_remove``, which an
import calls with thousands of rows) are one path: the single-row functions are batches of one with a
version check. For every change:

- **the workflow holds**: ``by`` must be allowed to change the claim in its state (curators: drafts
  only); moving a part to another claim needs that right on both claims;
- **the claim's version is raised** and the claim gets a history record whose change reason names the
  part ("estimate #7 of nk-deaths changed: value 2000 → 3000") — so a form opened before the change is
  refused with that change listed (``workflow.VersionConflict``), and the claim's history shows it;
- **quotes are located the way curators paste them** (``quotes.quote_locate``: the document's exact span
  is stored) and an estimate's ``wording`` must occur in one of its claim's quotes (``quotes.wording_check``);
- **a relation added by a user who may not review starts as suggested** (the model's default state is
  accepted); such a user cannot accept or reject one, and a change they make to a relation's kind or
  target puts it back to suggested;
- the derived columns of the claims whose appearances changed are refreshed
  (``derived.claims_refresh_derived``) and history is recorded with ``by`` and ``reason``.

``expected_version`` is the claim's version when the form was opened (the part's claim; for a move, the
claim it leaves). ``new_claim_ids`` (batches) are claims created in the same run: their parts come with
them, so their version is not raised again.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from factbase.cleaning import FIELDS, FULL, instance_clean
from factbase.history import CHANGED, CREATED, history_context, history_rows_record

from ..models import Appearance, AttributionHop, Claim, ClaimRelation, ClaimStance, Estimate, RelationState
from . import workflow
from .derived import claims_refresh_derived
from .quotes import QuoteError, quote_locate, wording_check

BATCH = 1000
# Insert order: a hop needs its appearance, an estimate's wording its claim's quotes.
ORDER = (Appearance, AttributionHop, ClaimStance, Estimate, ClaimRelation)
LABELS = {Appearance: "appearance", AttributionHop: "hop", ClaimStance: "stance", Estimate: "estimate",
          ClaimRelation: "relation"}
# The field that ties a part to its claim (for a hop: its appearance).
OWNER_FIELD = {Appearance: "claim", AttributionHop: "appearance", ClaimStance: "claim", Estimate: "claim",
               ClaimRelation: "source"}
EDITABLE = {
    Appearance: ("claim", "document", "quote", "start", "end", "translation", "translation_language", "stated_on",
                 "stated_on_precision", "medium"),
    AttributionHop: ("appearance", "position", "actor", "relation", "language", "medium", "passed_on",
                     "passed_on_precision"),
    ClaimStance: ("claim", "proposition", "stance"),
    Estimate: ("claim", "proposition", "value", "lower", "upper", "qualifier", "approximate", "unit", "as_of",
               "as_of_precision", "period_start", "period_end", "wording"),
    ClaimRelation: ("source", "target", "kind", "state", "rationale", "suggested_by"),
}
REVIEW_PERMISSION = workflow.PUBLISH_PERMISSION


class PartError(workflow.WorkflowError):
    """A part that cannot be written as given (its quote, its wording, its fields); the message says why."""


# ---------------------------------------------------------------------------------------------------
# Single rows (the admin's pages and inlines, extraction, ClaimReview)

def appearance_add(*, claim: Claim, document, quote: str, by, start: int | None = None, end: int | None = None,
                   translation: str = "", translation_language: str = "", expected_version: int | None = None,
                   reason: str = "") -> Appearance:
    """Record where ``claim`` appears: ``quote`` is located in ``document.body`` (unless ``start``/``end`` are
    given) and the document's exact span is stored; ``appearance.quote_message`` says what was normalised."""
    appearance = Appearance(claim=claim, document=document, quote=quote, start=start, end=end,
                            translation=translation, translation_language=translation_language)
    return _one_add(appearance, by=by, expected_version=expected_version, reason=reason)


def appearance_update(*, appearance: Appearance, values: dict, by, expected_version: int | None = None,
                      reason: str = "") -> list[str]:
    """Change the named fields; a new quote or document without offsets is located again."""
    return _one_update(appearance, values, by=by, expected_version=expected_version, reason=reason)


def appearance_remove(*, appearance: Appearance, by, expected_version: int | None = None, reason: str = "") -> None:
    """Remove an appearance and its hops."""
    _one_remove(appearance, by=by, expected_version=expected_version, reason=reason)


def hop_add(*, appearance: Appearance, position: int, actor, relation: str, by, language: str = "",
            expected_version: int | None = None, reason: str = "") -> AttributionHop:
    """Add an attribution hop to an appearance (position 1 is nearest the document)."""
    hop = AttributionHop(appearance=appearance, position=position, actor=actor, relation=relation, language=language)
    return _one_add(hop, by=by, expected_version=expected_version, reason=reason)


def hop_update(*, hop: AttributionHop, values: dict, by, expected_version: int | None = None, reason: str = "") -> list[str]:
    return _one_update(hop, values, by=by, expected_version=expected_version, reason=reason)


def hop_remove(*, hop: AttributionHop, by, expected_version: int | None = None, reason: str = "") -> None:
    _one_remove(hop, by=by, expected_version=expected_version, reason=reason)


def estimate_add(*, claim: Claim, proposition, values: dict, by, expected_version: int | None = None,
                 reason: str = "") -> Estimate:
    """Add an estimate (``values``: value, lower, upper, qualifier, unit, as_of, as_of_precision,
    period_start, period_end, wording); its ``wording`` must occur in one of the claim's quotes."""
    _fields(Estimate, values, "estimate_add")
    estimate = Estimate(claim=claim, proposition=proposition, **values)
    return _one_add(estimate, by=by, expected_version=expected_version, reason=reason)


def estimate_update(*, estimate: Estimate, values: dict, by, expected_version: int | None = None,
                    reason: str = "") -> list[str]:
    """Change the named fields; ``values["claim"]`` moves it (the right to edit both claims is needed)."""
    return _one_update(estimate, values, by=by, expected_version=expected_version, reason=reason)


def estimate_remove(*, estimate: Estimate, by, expected_version: int | None = None, reason: str = "") -> None:
    _one_remove(estimate, by=by, expected_version=expected_version, reason=reason)


def stance_add(*, claim: Claim, proposition, stance: str, by, expected_version: int | None = None,
               reason: str = "") -> ClaimStance:
    """Say how ``claim`` bears on ``proposition`` (supports, refutes, estimates, mentions)."""
    row = ClaimStance(claim=claim, proposition=proposition, stance=stance)
    return _one_add(row, by=by, expected_version=expected_version, reason=reason)


def stance_update(*, stance: ClaimStance, values: dict, by, expected_version: int | None = None,
                  reason: str = "") -> list[str]:
    return _one_update(stance, values, by=by, expected_version=expected_version, reason=reason)


def stance_remove(*, stance: ClaimStance, by, expected_version: int | None = None, reason: str = "") -> None:
    _one_remove(stance, by=by, expected_version=expected_version, reason=reason)


def relation_add(*, source: Claim, target: Claim, kind: str, by, state: str | None = None, rationale: str = "",
                 suggested_by: str = "", expected_version: int | None = None, reason: str = "") -> ClaimRelation:
    """Link ``source`` to ``target``. A reviewer's relation is ``state`` (default accepted); anyone else's
    starts as suggested, awaiting a reviewer."""
    relation = ClaimRelation(source=source, target=target, kind=kind, state=state or RelationState.ACCEPTED,
                             rationale=rationale, suggested_by=suggested_by)
    return _one_add(relation, by=by, expected_version=expected_version, reason=reason)


def relation_update(*, relation: ClaimRelation, values: dict, by, expected_version: int | None = None,
                    reason: str = "") -> list[str]:
    return _one_update(relation, values, by=by, expected_version=expected_version, reason=reason)


def relation_remove(*, relation: ClaimRelation, by, expected_version: int | None = None, reason: str = "") -> None:
    _one_remove(relation, by=by, expected_version=expected_version, reason=reason)


def relation_review(*, relation: ClaimRelation, accept: bool, by) -> ClaimRelation:
    """A reviewer accepts or rejects a relation (rejected ones stay, so they are not suggested again)."""
    if not (by and by.is_active and by.has_perm(REVIEW_PERMISSION)):
        raise workflow.WorkflowPermissionError("only reviewers accept or reject suggested relations",
                                               code="permission_denied")
    state = RelationState.ACCEPTED if accept else RelationState.REJECTED
    _one_update(relation, {"state": state}, by=by, expected_version=None,
                reason=f"relation {relation.kind} → {relation.target.key} {state}")
    return relation


# ---------------------------------------------------------------------------------------------------
# Batches (imports, suggest_relations)

def parts_add(*, parts: list, by, run=None, reason: str = "", new_claim_ids=(), validate: str = FIELDS,
              expected_versions: dict | None = None, derived: bool = True) -> list:
    """Insert unsaved parts of any kind (appearances before the hops and estimates that need them).

    One INSERT per kind per 1,000 rows, one history INSERT per 500; the version of every claim touched
    (but those in ``new_claim_ids``) is raised once with a history record saying ``reason`` (or which
    parts were added). Appearances without offsets are located (``part.quote_message`` says what was
    normalised); estimates' wording is checked against their claim's quotes. ``validate=FULL`` runs the
    whole ``full_clean()`` per row (unique checks: a query each); ``FIELDS`` leaves foreign keys,
    uniqueness and constraints to the database. ``run`` is accepted for symmetry with the other
    services (parts carry no import-run columns; their claim's history names the run through ``reason``).
    ``derived=False`` only for appearances of claims in ``new_claim_ids`` whose derived columns the caller
    set before inserting them (``derived.claims_derive_unsaved``; see ``claims_create``).
    """
    if not parts:
        return []
    new_claim_ids = set(new_claim_ids)
    with transaction.atomic():
        owners = _owners(parts)
        workflow.claims_edit_require(claim_ids=set(owners.values()) - new_claim_ids, by=by)
        may_review = _may_review(by)
        for part in parts:
            _prepare(part, by=by, may_review=may_review)
        _check_wordings([p for p in parts if isinstance(p, Estimate)], pending=[p for p in parts if isinstance(p, Appearance)])
        by_model = _group(parts)
        for model in ORDER:
            rows = by_model.get(model, [])
            for row in rows:
                _clean(row, validate)
            for offset in range(0, len(rows), BATCH):
                model.objects.bulk_create(rows[offset: offset + BATCH])
            history_rows_record(model=model, pks=[row.pk for row in rows], by=by,
                                reason=reason or "added", history_type=CREATED)
        touched = set(owners.values())
        described = reason or _summary(by_model, "added")
        _raise_versions(touched - new_claim_ids, by=by, reason=described, expected_versions=expected_versions)
        refresh = {owners[id(p)] for p in by_model.get(Appearance, [])}
        if not derived:
            if refresh - new_claim_ids:
                raise ValueError("parts_add(derived=False) is only for the appearances of claims created in the batch")
            refresh = set()
        claims_refresh_derived(claim_ids=refresh)
    return parts


def appearances_locate(*, appearances) -> None:
    """Locate the quotes of unsaved appearances in their documents now (``parts_add`` does it otherwise):
    the document's exact span becomes the quote; ``appearance.quote_message`` says what was normalised."""
    for appearance in appearances:
        if appearance.start is None or appearance.end is None:
            _locate(appearance)


def parts_update(*, changes: list, by, run=None, reason: str = "", new_claim_ids=(), validate: str = FIELDS,
                 expected_versions: dict | None = None) -> list:
    """Apply ``(part, {field: value})`` changes; returns the parts that changed (``part.changed_fields``).

    A value naming the owner (``claim``, ``appearance`` of a hop, ``source`` of a relation) moves the part:
    ``by`` needs the right to change both claims, and both get version + 1.
    """
    new_claim_ids = set(new_claim_ids)
    changed, before_owner = [], {}
    with transaction.atomic():
        owners_before = _owners([part for part, _ in changes])
        may_review = _may_review(by)
        for part, values in changes:
            model = type(part)
            _fields(model, values, f"{LABELS[model]} update")
            delta = {name: value for name, value in values.items() if _value(part, name) != _raw(value)}
            if not delta:
                continue
            if "state" in delta and not may_review:
                raise workflow.WorkflowPermissionError(
                    "only reviewers accept or reject relations: a curator's relation stays suggested",
                    code="permission_denied")
            part._before = {name: _display(part, name) for name in delta}
            for name, value in delta.items():
                setattr(part, name, value)
            if model is ClaimRelation and not may_review and {"kind", "target", "source"} & set(delta):
                part.state = RelationState.SUGGESTED
                delta["state"] = part.state
            if model is Appearance and ({"quote", "document"} & set(delta)) and not ({"start", "end"} & set(values)):
                part.start = part.end = None
                _locate(part)
                delta.update(quote=part.quote, start=part.start, end=part.end)
            part.changed_fields = list(delta)
            before_owner[id(part)] = owners_before[id(part)]
            changed.append(part)
        if not changed:
            return []
        owners_after = _owners(changed)
        claim_ids = set(before_owner.values()) | set(owners_after.values())
        workflow.claims_edit_require(claim_ids=claim_ids - new_claim_ids, by=by)
        _check_wordings([p for p in changed if isinstance(p, Estimate)], pending=[])
        now = timezone.now()
        by_model = _group(changed)
        for model in ORDER:
            rows = by_model.get(model, [])
            if not rows:
                continue
            for row in rows:
                _clean(row, validate)
                if hasattr(row, "updated_at"):
                    row.updated_at = now
            fields = sorted({f for row in rows for f in row.changed_fields}
                            | ({"updated_at"} if hasattr(rows[0], "updated_at") else set()))
            model.objects.bulk_update(rows, fields, batch_size=BATCH)
            history_rows_record(model=model, pks=[row.pk for row in rows], by=by, reason=reason or "changed",
                                history_type=CHANGED)
        if len(changed) == 1 and not reason:
            described = _describe_change(changed[0])
        else:
            described = reason or _summary(by_model, "changed")
        _raise_versions(claim_ids - new_claim_ids, by=by, reason=described, expected_versions=expected_versions)
        appearance_claims = {before_owner[id(p)] for p in by_model.get(Appearance, [])} | {
            owners_after[id(p)] for p in by_model.get(Appearance, [])}
        claims_refresh_derived(claim_ids=appearance_claims)
    return changed


def parts_remove(*, parts: list, by, reason: str = "", new_claim_ids=(), expected_versions: dict | None = None) -> int:
    """Remove parts (an appearance with its hops). A relation a reviewer accepted or rejected is removed only
    by a reviewer. Every claim touched gets version + 1 and a history record. Returns how many were removed."""
    if not parts:
        return 0
    with transaction.atomic():
        owners = _owners(parts)
        workflow.claims_edit_require(claim_ids=set(owners.values()) - set(new_claim_ids), by=by)
        may_review = _may_review(by)
        by_model = _group(parts)
        for relation in by_model.get(ClaimRelation, []):
            if relation.state != RelationState.SUGGESTED and not may_review:
                raise workflow.WorkflowPermissionError(
                    f"only a reviewer removes a relation a reviewer decided on ({relation.kind} → {relation.target_id}, "
                    f"{relation.state})", code="permission_denied")
        described = reason or _summary(by_model, "removed")  # named before the rows lose their ids
        removed = 0
        for model in reversed(ORDER):
            for row in by_model.get(model, []):
                if model is Appearance:
                    for hop in row.hops.all():
                        history_context(hop, by=by, reason=reason or "removed with its appearance")
                        hop.delete()
                history_context(row, by=by, reason=reason or "removed")
                row.delete()
                removed += 1
        _raise_versions(set(owners.values()) - set(new_claim_ids), by=by, reason=described,
                        expected_versions=expected_versions)
        claims_refresh_derived(claim_ids={owners[id(p)] for p in by_model.get(Appearance, [])})
    return removed


# ---------------------------------------------------------------------------------------------------
# Internals

def _one_add(part, *, by, expected_version, reason):
    owner = _owners([part])[id(part)]
    [part] = parts_add(parts=[part], by=by, reason=reason or "", validate=FULL,
                       expected_versions={owner: expected_version} if expected_version is not None else None)
    return part


def _one_update(part, values, *, by, expected_version, reason):
    owner = _owners([part])[id(part)]
    changed = parts_update(changes=[(part, values)], by=by, reason=reason, validate=FULL,
                           expected_versions={owner: expected_version} if expected_version is not None else None)
    return changed[0].changed_fields if changed else []


def _one_remove(part, *, by, expected_version, reason):
    owner = _owners([part])[id(part)]
    parts_remove(parts=[part], by=by, reason=reason,
                 expected_versions={owner: expected_version} if expected_version is not None else None)


def _raise_versions(claim_ids, *, by, reason, expected_versions):
    expected_versions = expected_versions or {}
    checked = {cid for cid in claim_ids if expected_versions.get(cid) is not None}
    for claim_id in sorted(checked):
        workflow.claim_version_raise(claim_id=claim_id, by=by, reason=reason,
                                     expected_version=expected_versions[claim_id])
    rest = set(claim_ids) - checked
    if rest:
        workflow.claims_version_raise(claim_ids=rest, by=by, reason=reason)


def _owners(parts) -> dict[int, int]:
    """``{id(part): claim id}`` — a hop's claim is its appearance's (read in one query when not at hand)."""
    owners, missing = {}, {}
    for part in parts:
        model = type(part)
        if model is AttributionHop:
            appearance = part.appearance if AttributionHop.appearance.is_cached(part) else None
            if appearance is not None and appearance.claim_id is not None:
                owners[id(part)] = appearance.claim_id
            else:
                missing.setdefault(part.appearance_id, []).append(part)
        else:
            owners[id(part)] = getattr(part, f"{OWNER_FIELD[model]}_id")
    if missing:
        claims = dict(Appearance.objects.filter(pk__in=list(missing)).values_list("id", "claim_id"))
        for appearance_id, hops in missing.items():
            for hop in hops:
                owners[id(hop)] = claims.get(appearance_id)
    return owners


def _group(parts) -> dict:
    grouped = {}
    for part in parts:
        grouped.setdefault(type(part), []).append(part)
    return grouped


def _may_review(by) -> bool:
    return bool(by and by.is_active and by.has_perm(REVIEW_PERMISSION))


def _prepare(part, *, by, may_review):
    if isinstance(part, Appearance) and (part.start is None or part.end is None):
        _locate(part)
    if isinstance(part, ClaimRelation) and not may_review:
        part.state = RelationState.SUGGESTED


def _locate(appearance):
    try:
        match = quote_locate(body=appearance.document.body, quote=appearance.quote)
    except QuoteError as error:
        raise PartError({"quote": str(error)}, code="quote") from None
    appearance.start, appearance.end, appearance.quote = match.start, match.end, match.text
    appearance.quote_message = match.message


def _check_wordings(estimates, *, pending):
    """Each estimate's wording must occur in one of its claim's quotes (stored, or added in this batch)."""
    worded = [e for e in estimates if e.wording and e.wording.strip()]
    if not worded:
        return
    claim_ids = {e.claim_id for e in worded}
    quotes = {}
    for claim_id, quote in Appearance.objects.filter(claim_id__in=claim_ids).values_list("claim_id", "quote"):
        quotes.setdefault(claim_id, []).append(quote)
    for appearance in pending:
        quotes.setdefault(appearance.claim_id, []).append(appearance.quote)
    for estimate in worded:
        try:
            wording_check(wording=estimate.wording, quotes=quotes.get(estimate.claim_id, []))
        except QuoteError as error:
            raise PartError({"wording": str(error)}, code="wording") from None


def _clean(row, validate):
    # A row whose parent was inserted earlier in this batch (a hop's appearance) holds the parent object
    # but not yet its id: take it now, as save() would, so that validation sees it.
    for field in row._meta.concrete_fields:
        if field.is_relation and getattr(row, field.attname) is None and field.is_cached(row):
            related = getattr(row, field.name)
            if related is not None and related.pk is not None:
                setattr(row, field.attname, related.pk)
    instance_clean(row, validate=validate)


def _fields(model, values, what):
    unknown = set(values) - set(EDITABLE[model])
    if unknown:
        raise PartError(f"{what} does not set {', '.join(sorted(unknown))}", code="unknown_field")


def _value(part, name):
    return getattr(part, part._meta.get_field(name).attname)


def _raw(value):
    return getattr(value, "pk", value)


def _display(part, name):
    field = part._meta.get_field(name)
    if field.is_relation:
        related = getattr(part, name, None)
        return getattr(related, "key", None) or getattr(part, field.attname)
    value = getattr(part, name)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"  # 2000.0000 → 2000
    return value


def _describe(part) -> str:
    model = type(part)
    if model is Appearance:
        return f"appearance #{part.pk} in {part.document.key}"
    if model is AttributionHop:
        return f"hop {part.position} of appearance #{part.appearance_id}"
    if model is Estimate:
        return f"estimate #{part.pk} of {part.proposition.key}"
    if model is ClaimStance:
        return f"stance on {part.proposition.key}"
    return f"relation {part.kind} → {part.target.key}"


def _describe_change(part) -> str:
    deltas = ", ".join(f"{name} {_short(part._before.get(name))} → {_short(_display(part, name))}"
                       for name in part.changed_fields if name in part._before)
    return f"{_describe(part)} changed: {deltas}"


def _summary(by_model, verb) -> str:
    counts = ", ".join(f"{len(rows)} {LABELS[model]}{'s' if len(rows) != 1 else ''}"
                       for model, rows in sorted(by_model.items(), key=lambda item: ORDER.index(item[0])))
    if sum(len(rows) for rows in by_model.values()) == 1:
        [rows] = by_model.values()
        if rows[0].pk is not None:
            return f"{_describe(rows[0])} {verb}"
    return f"{counts} {verb}"


def _short(value, limit=24):
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
