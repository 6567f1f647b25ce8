import datetime as dt
from decimal import Decimal

import factory

from claims.models import Appearance, AttributionHop, Claim, ClaimRelation, ClaimStance, Estimate, Proposition
from tests.sources.factories import ActorFactory, DocumentFactory


class DerivedRefreshed:
    """Factories write rows directly (test data, not a write path): refresh the derived columns of the
    claim they touched, as the write services do (``claims.services.derived``)."""

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create:
            from claims.services.derived import claims_refresh_derived

            claim_id = instance.pk if isinstance(instance, Claim) else instance.claim_id
            claims_refresh_derived(claim_ids=[claim_id])
            if isinstance(instance, Claim):
                instance.refresh_from_db(fields=["search_text", "first_published_on"])


class ClaimFactory(DerivedRefreshed, factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    key = factory.Sequence(lambda n: f"claim-{n}")
    claimant = factory.SubFactory(ActorFactory)
    summary = factory.Sequence(lambda n: f"Claim number {n} about the war.")
    stated_on = dt.date(2025, 9, 3)


class AppearanceFactory(DerivedRefreshed, factory.django.DjangoModelFactory):
    class Meta:
        model = Appearance

    claim = factory.SubFactory(ClaimFactory)
    document = factory.SubFactory(DocumentFactory)
    quote = "about 2,000 soldiers were killed"
    start = factory.LazyAttribute(lambda o: o.document.body.index(o.quote))
    end = factory.LazyAttribute(lambda o: o.start + len(o.quote))


class AttributionHopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttributionHop

    appearance = factory.SubFactory(AppearanceFactory)
    position = 1
    actor = factory.SubFactory(ActorFactory)
    relation = "paraphrased"


class PropositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposition

    key = factory.Sequence(lambda n: f"proposition-{n}")
    title = factory.Sequence(lambda n: f"Proposition {n}")
    kind = "quantity"
    measure = "deaths"
    unit = "people"


class ClaimStanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimStance

    claim = factory.SubFactory(ClaimFactory)
    proposition = factory.SubFactory(PropositionFactory)
    stance = "estimates"


class EstimateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Estimate

    claim = factory.SubFactory(ClaimFactory)
    proposition = factory.SubFactory(PropositionFactory)
    value = Decimal("2000")
    qualifier = "approximately"
    as_of = dt.date(2025, 9, 1)
    as_of_precision = "week"
    wording = "about 2,000"


class ClaimRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimRelation

    source = factory.SubFactory(ClaimFactory)
    target = factory.SubFactory(ClaimFactory)
    kind = "updates"


def varied_estimates(claim, deaths, wounded) -> list:
    """Estimates of ``claim`` in every form a reader sees: about a value, a range with a unit of its own, an
    approximate open bound over a period, and an unknown number (``deaths``/``wounded``: two propositions)."""
    import datetime as dt
    from decimal import Decimal

    return [
        EstimateFactory(claim=claim, proposition=deaths, value=Decimal("2000"), qualifier="approximately",
                        as_of=dt.date(2025, 9, 1), wording="about 2,000"),
        EstimateFactory(claim=claim, proposition=wounded, value=Decimal("4700.5"), lower=Decimal("4700"),
                        upper=Decimal("4701.25"), qualifier="range", as_of=dt.date(2025, 9, 1), unit="soldiers",
                        wording="4,700"),
        EstimateFactory(claim=claim, proposition=deaths, value=None, lower=Decimal("100"), qualifier="at_least",
                        approximate=True, as_of=None, period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 3, 31),
                        wording="at least about 100"),
        EstimateFactory(claim=claim, proposition=deaths, value=None, qualifier="unknown", as_of=None, wording="many"),
    ]
