"""Proposed actors: speakers extraction found named but could not match, until a curator decides.

- :func:`proposed_actor_record` (called by :func:`~claims.extraction.candidates.candidates_save`) keeps one
  pending :class:`sources.models.ProposedActor` per name and language and adds the draft (or hop) that
  waits on it; the draft's claimant (or hop actor) is the placeholder ``proposed-speaker`` meanwhile.
- :func:`proposed_actor_confirm` makes it a new Actor (its name, kind, the name as an alias in its
  language) and re-points the drafts and hops that wait on it;
- :func:`proposed_actor_merge` adds the name as an alias of an existing actor and re-points them to it;
- :func:`proposed_actor_reject` leaves the drafts on the placeholder for a curator to re-attribute.

Re-pointing touches only what still waits: a draft whose claimant a curator already changed, or a claim
no longer in draft, is left as it is and reported — nothing a curator did is overwritten, and nothing
unconfirmed is published (a draft on the placeholder is not an attribution anyone could publish by
mistake: the placeholder says what it is).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from factbase.system import system_user
from sources.models import Actor, ProposedActor, ProposedActorStatus
from sources.services import actor_alias_add, actor_upsert

from ..models import AttributionHop, Claim, ClaimStatus
from ..services.claims import claim_update
from ..services.parts import hop_add, hop_update
from ..services.provenance import claim_claimants, claim_joint_claimants_set

PLACEHOLDER_KEY = "proposed-speaker"


def proposed_actor_record(*, ref, language: str, document, context: str, use: dict) -> ProposedActor:
    """The pending proposal for ``ref.name`` in ``language`` (created if needed), with ``use`` added."""
    proposal = ProposedActor.objects.select_for_update().filter(
        name=ref.name, language=language, status=ProposedActorStatus.PENDING,
    ).first()
    if proposal is None:
        proposal = ProposedActor(name=ref.name, language=language, kind=ref.kind, title=ref.title[:300],
                                 context=context[:2000], document=document if document.pk else None, waiting=[])
    if use not in proposal.waiting:
        proposal.waiting = [*proposal.waiting, use]
    proposal.full_clean()
    proposal.save()
    return proposal


@dataclass
class Resolution:
    actor: Actor
    repointed: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)  # "key: why"


def _unique_key(name: str) -> str:
    base = slugify(name, allow_unicode=False)[:90] or "actor"
    key, number = base, 1
    while Actor.objects.filter(key=key).exists():
        number += 1
        key = f"{base}-{number}"
    return key


def _repoint(proposal: ProposedActor, actor: Actor, by) -> Resolution:
    resolution = Resolution(actor=actor)
    for use in proposal.waiting:
        claim = Claim.objects.select_for_update().filter(key=use.get("claim")).select_related("claimant").first()
        if claim is None:
            resolution.left_alone.append(f"{use.get('claim')}: no longer exists")
            continue
        if claim.status != ClaimStatus.DRAFT:
            resolution.left_alone.append(f"{claim.key}: no longer a draft ({claim.status})")
            continue
        if use.get("role") == "claimant":
            if claim.claimant.key != PLACEHOLDER_KEY:
                resolution.left_alone.append(f"{claim.key}: claimant already changed to {claim.claimant.key}")
                continue
            if claim.joint_claimants.filter(actor=actor).exists():
                resolution.left_alone.append(f"{claim.key}: {actor.key} is already a joint claimant of it")
                continue
            claim_update(claim=claim, values={"claimant": actor}, by=by,
                         reason=f"claimant: proposed speaker {proposal.name} {proposal.status}")
        elif use.get("role") == "joint_claimant":
            why = _joint_claimant_repoint(claim, actor, use, proposal, by)
            if why:
                resolution.left_alone.append(f"{claim.key}: {why}")
                continue
        else:
            why = _hop_repoint(claim, actor, use, proposal, by)
            if why:
                resolution.left_alone.append(f"{claim.key}: {why}")
                continue
        resolution.repointed.append(claim.key)
    return resolution


def _hop_repoint(claim: Claim, actor: Actor, use: dict, proposal: ProposedActor, by) -> str:
    """The placeholder hop at the use's step becomes ``actor``. Two unknown parallel relays of one step share
    one placeholder row (``shared`` in their uses): the first confirmed takes it, the other is added beside
    it. Returns why nothing was done, or ""."""
    hops = list(AttributionHop.objects.filter(appearance_id=use.get("appearance"), position=use.get("position"))
                .select_related("actor", "appearance"))
    if any(hop.actor_id == actor.pk for hop in hops):
        return f"hop {use.get('position')} already names {actor.key}"
    placeholder = next((hop for hop in hops if hop.actor.key == PLACEHOLDER_KEY), None)
    if placeholder is not None:
        hop_update(hop=placeholder, values={"actor": actor}, by=by,
                   reason=f"hop {placeholder.position}: proposed speaker {proposal.name}")
        return ""
    if not (use.get("shared") and hops):
        return f"hop {use.get('position')} already changed"
    hop_add(appearance=hops[0].appearance, position=use["position"], actor=actor, relation=hops[0].relation,
            language=hops[0].language, by=by, reason=f"hop {use['position']}: proposed speaker {proposal.name}")
    return ""


def _joint_claimant_repoint(claim: Claim, actor: Actor, use: dict, proposal: ProposedActor, by) -> str:
    """The placeholder among the claim's joint claimants becomes ``actor``; when the placeholder stood for the
    lead claimant or another partner (a claim names an actor once), ``actor`` is added at its place among the
    claimants. Returns why nothing was done, or ""."""
    claimants = claim_claimants(claim=claim)
    if actor in claimants:
        return f"{actor.key} is already one of its claimants"
    joint = claimants[1:]
    placeholder = next((i for i, a in enumerate(joint) if a.key == PLACEHOLDER_KEY), None)
    if placeholder is not None and claimants[0].key != PLACEHOLDER_KEY:
        joint[placeholder] = actor
    else:
        joint.insert(max(0, min(len(joint), int(use.get("place", 2)) - 2)), actor)
    claim_joint_claimants_set(claim=claim, actors=joint, by=by,
                              reason=f"joint claimant: proposed speaker {proposal.name}"[:100])
    return ""


def proposed_actor_confirm(*, proposal: ProposedActor, kind: str | None = None, key: str | None = None,
                           by=None) -> Resolution:
    """Make the proposal a new actor and re-point what waits on it (as ``by``, default the system user)."""
    by = by or system_user()
    with transaction.atomic():
        proposal = ProposedActor.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposedActorStatus.PENDING:
            raise ValidationError(f"{proposal.name!r} is already {proposal.status}; only pending proposals can be confirmed")
        actor, _ = actor_upsert(key=key or _unique_key(proposal.name), by=by, reason="confirmed proposed speaker",
                                values={"name": proposal.name, "kind": kind or proposal.kind,
                                        "description": f"Confirmed from a speaker proposed by extraction: "
                                                       f"{proposal.context[:300]}"})
        actor_alias_add(actor=actor, name=proposal.name, language=proposal.language, by=by,
                        reason="confirmed proposed speaker")
        proposal.status = ProposedActorStatus.CONFIRMED
        resolution = _repoint(proposal, actor, by)
        proposal.status, proposal.actor = ProposedActorStatus.CONFIRMED, actor
        proposal.full_clean()
        proposal.save()
    return resolution


def proposed_actor_merge(*, proposal: ProposedActor, into: Actor, by=None) -> Resolution:
    """The proposal is ``into`` under another name: add the name as an alias and re-point what waits."""
    by = by or system_user()
    with transaction.atomic():
        proposal = ProposedActor.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposedActorStatus.PENDING:
            raise ValidationError(f"{proposal.name!r} is already {proposal.status}; only pending proposals can be merged")
        actor_alias_add(actor=into, name=proposal.name, language=proposal.language, by=by,
                        reason="merged proposed speaker")
        proposal.status = ProposedActorStatus.MERGED
        resolution = _repoint(proposal, into, by)
        proposal.status, proposal.actor = ProposedActorStatus.MERGED, into
        proposal.full_clean()
        proposal.save()
    return resolution


def proposed_actor_reject(*, proposal: ProposedActor) -> None:
    with transaction.atomic():
        proposal = ProposedActor.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposedActorStatus.PENDING:
            raise ValidationError(f"{proposal.name!r} is already {proposal.status}")
        proposal.status = ProposedActorStatus.REJECTED
        proposal.full_clean()
        proposal.save()
