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

from sources.models import Actor, ActorAlias, ProposedActor, ProposedActorStatus

from ..models import AttributionHop, Claim, ClaimStatus

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


def _repoint(proposal: ProposedActor, actor: Actor) -> Resolution:
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
            Claim.objects.filter(pk=claim.pk).update(claimant=actor)
        else:
            hop = AttributionHop.objects.filter(appearance_id=use.get("appearance"), position=use.get("position")).select_related("actor").first()
            if hop is None or hop.actor.key != PLACEHOLDER_KEY:
                resolution.left_alone.append(f"{claim.key}: hop {use.get('position')} already changed")
                continue
            hop.actor = actor
            hop.save(update_fields=["actor"])
        resolution.repointed.append(claim.key)
    return resolution


def proposed_actor_confirm(*, proposal: ProposedActor, kind: str | None = None, key: str | None = None) -> Resolution:
    """Make the proposal a new actor and re-point what waits on it."""
    with transaction.atomic():
        proposal = ProposedActor.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposedActorStatus.PENDING:
            raise ValidationError(f"{proposal.name!r} is already {proposal.status}; only pending proposals can be confirmed")
        actor = Actor(key=key or _unique_key(proposal.name), name=proposal.name, kind=kind or proposal.kind,
                      description=f"Confirmed from a speaker proposed by extraction: {proposal.context[:300]}")
        actor.full_clean()
        actor.save()
        alias = ActorAlias(actor=actor, name=proposal.name, language=proposal.language)
        alias.full_clean()
        alias.save()
        resolution = _repoint(proposal, actor)
        proposal.status, proposal.actor = ProposedActorStatus.CONFIRMED, actor
        proposal.full_clean()
        proposal.save()
    return resolution


def proposed_actor_merge(*, proposal: ProposedActor, into: Actor) -> Resolution:
    """The proposal is ``into`` under another name: add the name as an alias and re-point what waits."""
    with transaction.atomic():
        proposal = ProposedActor.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposedActorStatus.PENDING:
            raise ValidationError(f"{proposal.name!r} is already {proposal.status}; only pending proposals can be merged")
        if not ActorAlias.objects.filter(actor=into, name=proposal.name, language=proposal.language).exists():
            alias = ActorAlias(actor=into, name=proposal.name, language=proposal.language)
            alias.full_clean()
            alias.save()
        resolution = _repoint(proposal, into)
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
