"""Writing provenance as real reporting has it: joint claimants, relay chains with parallel steps, the wording
of each report, and how quantity propositions relate.

``claim_joint_claimants_set``  the claimants of a claim besides its lead claimant (each an origin);
``appearance_chain_set``       an appearance's whole relay chain, step by step, a step holding one actor or
                               several parallel relays, each with relation, medium, language and date;
``estimate_wording_set``       how one appearance's report worded one estimate, located in its quote;
``quantity_relation_set``      a proposition as a part of a whole, or the same measure in another unit.

Each is keyword-only, runs in ``transaction.atomic()``, calls ``full_clean()`` on what it writes and raises a
``ValidationError`` naming what was wrong (nothing is written then). Admin, commands and imports call these.
Given ``by`` (the user), a change to a claim's rows is refused unless ``by`` may edit the claim in its state,
and raises the claim's version with a history record saying ``reason`` (``workflow.claim_version_raise``), as
the parts services do.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from factbase.choices import DatePrecision
from sources.models import Actor

from ..models import (
    Appearance,
    AttributionHop,
    Claim,
    Estimate,
    EstimateWording,
    JointClaimant,
    Proposition,
    QuantityRelation,
    QuantityRelationKind,
)
from . import workflow
from .quotes import QuoteAmbiguous, QuoteNotFound, quote_locate


def _changed(claim: Claim, by, reason: str) -> None:
    """A claim's provenance rows changed: with ``by``, the claim's version + 1 and its history say so."""
    if by is not None:
        workflow.claim_version_raise(claim_id=claim.pk, by=by, reason=reason)


def _may_edit(claim: Claim, by) -> None:
    if by is not None:
        workflow.claim_edit_require(claim=claim, by=by)


def claim_claimants(*, claim: Claim) -> list[Actor]:
    """Every claimant of ``claim``: the lead claimant, then the joint claimants in order."""
    joint = [link.actor for link in claim.joint_claimants.select_related("actor").order_by("position", "id")]
    return [claim.claimant, *joint]


def claim_joint_claimants_set(*, claim: Claim, actors: list[Actor], by=None, reason: str = "joint claimants set") -> list[JointClaimant]:
    """Make ``actors`` (in order) the joint claimants of ``claim``, replacing any it had.

    The lead claimant stays ``claim.claimant``; it may not be repeated among ``actors``, nor may an actor
    appear twice. An empty list leaves the claim with its lead claimant alone.
    """
    seen = set()
    for index, actor in enumerate(actors):
        if actor.pk == claim.claimant_id:
            raise ValidationError({"joint_claimants": f"[{index}] {actor.key} is already the claim's lead claimant"})
        if actor.pk in seen:
            raise ValidationError({"joint_claimants": f"[{index}] {actor.key} is listed twice"})
        seen.add(actor.pk)
    _may_edit(claim, by)
    with transaction.atomic():
        current = list(claim.joint_claimants.order_by("position", "id"))
        if [(link.actor_id, link.position) for link in current] == [(a.pk, i) for i, a in enumerate(actors, start=2)]:
            return current
        for link in current:
            link.delete()
        links = []
        for position, actor in enumerate(actors, start=2):
            link = JointClaimant(claim=claim, actor=actor, position=position)
            link.full_clean()
            link.save()
            links.append(link)
        _changed(claim, by, reason)
    return links


@dataclass(frozen=True)
class Relay:
    """One actor at one step of a relay chain, as ``appearance_chain_set`` takes it."""

    actor: Actor
    relation: str
    medium: str = ""
    language: str = ""
    passed_on: dt.date | None = None
    passed_on_precision: str = DatePrecision.DAY


def appearance_chain_set(*, appearance: Appearance, steps: list[list[Relay]], by=None,
                         reason: str = "relay chain set") -> list[AttributionHop]:
    """Replace the relay chain of ``appearance`` with ``steps``, nearest the document first.

    Each step is a list of one actor, or of several parallel relays (both lawmakers who told reporters what
    NIS had briefed them). A step may not be empty nor name one actor twice. Positions are 1, 2, ... in
    order, so a chain never has a gap.
    """
    for index, step in enumerate(steps):
        if not step:
            raise ValidationError({"hops": f"step {index + 1} names no actor"})
        keys = [relay.actor.pk for relay in step]
        if len(set(keys)) != len(keys):
            raise ValidationError({"hops": f"step {index + 1} names one actor twice"})
    _may_edit(appearance.claim, by)
    with transaction.atomic():
        for hop in appearance.hops.all():
            hop.delete()
        hops = []
        for position, step in enumerate(steps, start=1):
            for relay in step:
                hop = AttributionHop(
                    appearance=appearance, position=position, actor=relay.actor, relation=relay.relation,
                    medium=relay.medium, language=relay.language, passed_on=relay.passed_on,
                    passed_on_precision=relay.passed_on_precision,
                )
                try:
                    hop.full_clean()
                except ValidationError as error:
                    raise ValidationError({"hops": f"step {position}, {relay.actor.key}: {'; '.join(error.messages)}"}) from None
                hop.save()
                hops.append(hop)
        _changed(appearance.claim, by, reason)
    return hops


def chain_steps(hops) -> list[list[AttributionHop]]:
    """``hops`` (of one appearance, in position order) grouped into steps: a list per position."""
    steps: dict[int, list] = {}
    for hop in hops:
        steps.setdefault(hop.position, []).append(hop)
    return [steps[position] for position in sorted(steps)]


def chain_gaps(*, appearance: Appearance) -> list[int]:
    """The step numbers missing from an appearance's chain (hops entered by hand at positions 1 and 3: [2])."""
    positions = sorted(set(appearance.hops.values_list("position", flat=True)))
    return [p for p in range(1, (positions[-1] if positions else 0) + 1) if p not in positions]


def estimate_wording_set(*, estimate: Estimate, appearance: Appearance, wording: str, offset: int | None = None, by=None,
                         reason: str = "wording of a report set") -> EstimateWording:
    """Record how ``appearance``'s report worded ``estimate`` — «2천여 명», "nearly 2,000".

    ``wording`` must occur in the appearance's quote; its ``offset`` in the quote is found when not given
    (and must be given when the wording occurs more than once there), the way quotes are found in bodies
    (``quotes.quote_locate``: curly or straight quotes, dashes, spaces, Unicode form), and the quote's own
    characters are kept. Re-setting replaces the previous wording.
    """
    wording = (wording or "").strip()
    if estimate.claim_id != appearance.claim_id:
        raise ValidationError({"appearance": "the appearance belongs to another claim than the estimate"})
    if not wording:
        raise ValidationError({"wording": "the wording is empty"})
    if offset is None:
        try:
            match = quote_locate(body=appearance.quote, quote=wording)
            offset, wording = match.start, match.text
        except QuoteAmbiguous as error:
            message = str(error).replace("the document body", "the appearance's quote").replace("give start and end", "give its offset")
            raise ValidationError({"wording": message}) from None
        except QuoteNotFound as error:
            message = str(error).replace("the quote", "the wording", 1).replace("the document body", "the appearance's quote")
            raise ValidationError({"wording": message}) from None
    _may_edit(appearance.claim, by)
    with transaction.atomic():
        record = EstimateWording.objects.filter(estimate=estimate, appearance=appearance).first() or EstimateWording(
            estimate=estimate, appearance=appearance
        )
        if record.pk and record.wording == wording and record.offset == offset:
            return record
        record.wording, record.offset = wording, offset
        record.full_clean()
        record.save()
        _changed(appearance.claim, by, reason)
    return record


def quantity_relation_set(*, part: Proposition, whole: Proposition, kind: str = QuantityRelationKind.PART_OF,
                          factor: Decimal | None = None) -> QuantityRelation:
    """Link ``part`` to ``whole``: a part of it (``part_of``), or the same measure in another unit
    (``same_measure``, one unit of ``part`` is ``factor`` units of ``whole``). Re-setting updates the link."""
    with transaction.atomic():
        relation = QuantityRelation.objects.filter(part=part, whole=whole).first() or QuantityRelation(part=part, whole=whole)
        if relation.pk and relation.kind == kind and relation.factor == factor:
            return relation
        relation.kind, relation.factor = kind, factor
        relation.full_clean()
        relation.save()
    return relation


def estimate_wording_remove(*, wording: EstimateWording, by=None, reason: str = "wording of a report removed") -> bool:
    """Remove one report's wording of an estimate (``import_bundle --prune``); False if it is already gone
    (removed with its appearance or estimate)."""
    claim = wording.appearance.claim
    _may_edit(claim, by)
    with transaction.atomic():
        if not EstimateWording.objects.filter(pk=wording.pk).exists():
            return False
        wording.delete()
        _changed(claim, by, reason)
    return True


def quantity_relation_remove(*, relation: QuantityRelation) -> None:
    """Unlink a part from its whole (``import_bundle --prune``)."""
    with transaction.atomic():
        relation.delete()
