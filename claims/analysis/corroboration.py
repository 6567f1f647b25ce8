"""Corroboration counted honestly: independent origins, not appearances.

The origin of every appearance of a claim is its claimant; ten outlets relaying one NIS briefing are
one origin. Admiralty credibility 1 ("confirmed by other sources") is only suggested when at least two
independent origins agree.
"""

from collections.abc import Iterable

from django.db.models import QuerySet

from ..models import Claim, Credibility

#: How many independent origins must agree before credibility 1 is suggested.
CONFIRMING_ORIGINS = 2


def independent_origins(*, claims: QuerySet[Claim] | Iterable[Claim]) -> int:
    """The number of distinct claimants among ``claims`` (one query for a queryset, none for a list).

    Pass the claims the reader may see (e.g. ``claims.selectors.visible_claims``): hidden claims must not
    raise the count. Re-reports of one origin — the same claimant in many documents or through many
    hops — count once.
    """
    if isinstance(claims, QuerySet):
        return claims.order_by().values("claimant_id").distinct().count()
    return len({claim.claimant_id for claim in claims})


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
