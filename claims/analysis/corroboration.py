"""Corroboration counted honestly: independent origins, not appearances.

The origins of every appearance of a claim are its claimants (the lead claimant and any joint claimants:
"South Korean and Western intelligence" are two origins); ten outlets relaying one NIS briefing, or two
lawmakers relaying it in parallel, are one origin. Admiralty credibility 1 ("confirmed by other sources") is only suggested when at least two
independent origins agree.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from sources.models import Actor

from ..models import Claim, Credibility, JointClaimant

#: How many independent origins must agree before credibility 1 is suggested.
CONFIRMING_ORIGINS = 2


def independent_origins(*, claims: QuerySet[Claim] | Iterable[Claim]) -> int:
    """The number of distinct claimants — lead and joint — among ``claims`` (one query for a queryset; for a
    list, one query for the joint claimants of its claims, none when it is empty).

    Pass the claims the reader may see (e.g. ``claims.selectors.visible_claims``): hidden claims must not
    raise the count. Re-reports of one origin — the same claimant in many documents or through many
    hops, parallel relays included — count once.
    """
    if isinstance(claims, QuerySet):
        claims = claims.order_by()
        return Actor.objects.filter(
            Q(pk__in=claims.values("claimant_id"))
            | Q(pk__in=JointClaimant.objects.filter(claim__in=claims.values("pk")).values("actor_id"))
        ).count()
    claims = list(claims)
    if not claims:
        return 0
    joint = JointClaimant.objects.filter(claim_id__in=[claim.pk for claim in claims]).values_list("actor_id", flat=True)
    return len({claim.claimant_id for claim in claims} | set(joint))


def claimant_ids_by_claim(*, claim_ids) -> dict[int, list[int]]:
    """``{claim id: [lead claimant id, joint claimant ids in order]}`` for ``claim_ids``. Two queries."""
    claim_ids = list(claim_ids)
    found = {pk: [lead] for pk, lead in Claim.objects.filter(pk__in=claim_ids).values_list("pk", "claimant_id")}
    for claim_id, actor_id in JointClaimant.objects.filter(claim_id__in=claim_ids).order_by("position", "id").values_list(
        "claim_id", "actor_id"
    ):
        found[claim_id].append(actor_id)
    return found


def suggested_credibility(*, claims: QuerySet[Claim] | Iterable[Claim]) -> int | None:
    """The Admiralty credibility that corroboration alone suggests for claims that agree with each other.

    ``claims`` are claims that say the same thing (e.g. those supporting one proposition, or a claim and
    the claims that repeat or support it). Returns ``Credibility.CONFIRMED`` (1) when at least two
    independent origins agree, else ``None``: corroboration alone suggests nothing and the reviewer
    grades 2–6 on other grounds.
    """
    if independent_origins(claims=claims) >= CONFIRMING_ORIGINS:
        return Credibility.CONFIRMED
    return None
