"""Filters for claims, appearances, propositions and estimates (django-filter).

Every relation filter comes in a pair, by key (``claimant=nis``) and by id (``claimant_id=12``); several
values may be comma-separated. Visibility is applied before filters (``claims.selectors``), so filters
never reveal hidden claims.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q
from django_filters import rest_framework as filters

from claims.models import (
    Appearance,
    Claim,
    JointClaimant,
    Medium,
    ClaimKind,
    ClaimStance,
    ClaimStatus,
    Credibility,
    Estimate,
    Hedge,
    HopRelation,
    Proposition,
    PropositionKind,
    PropositionStatus,
    Qualifier,
    Verdict,
)
from claims.search import search_claims
from factbase.api.filtering import (
    BooleanChoiceFilter,
    ChoicesFilter,
    FreeTextFilter,
    IdInFilter,
    KeyInFilter,
    key_and_id_filters,
)
from factbase.db.lookups import EqualsAny
from sources.models import Actor, ActorKind

Q_LABEL = (
    "Free text: every word must start a word of the claim's summary, quotes, translations or its "
    "claimant's names and aliases — case- and accent-insensitive in any script (πουτιν finds Πούτιν)."
)


class ClaimantFilterMixin:
    """``claimant``/``claimant_id``/``claimant_kind``/``claimant_country`` match a claim by **any** of its claimants:
    its lead claimant or a joint claimant. ``claim_path`` is the way from the filtered rows to their claim."""

    claim_path = ""

    def _by_claimants(self, queryset, actors):
        # The joint claims are read first (one query) and given as literal ids: the common case (no joint claim)
        # keeps the plain indexed ``claimant_id IN (...)``, and otherwise both sides of the OR use an index.
        joint = list(JointClaimant.objects.filter(actor__in=actors).order_by().values_list("claim_id", flat=True))
        return self._by_resolved(queryset, actors, joint)

    def _by_resolved(self, queryset, actors, joint):
        by_lead = Q(**{f"{self.claim_path}claimant__in": actors})
        if not joint:
            return queryset.filter(by_lead)
        return queryset.filter(by_lead | Q(**{f"{self.claim_path}id__in": joint}))

    def _by_actor_rows(self, queryset, actors):
        # Keys or ids resolved with the claims they are joint claimants of in one query (a LEFT JOIN: one row
        # per joint claim, or one row with no claim), where resolving then looking up took two round trips.
        rows = actors.order_by().values_list("pk", "joint_claims__claim_id")
        ids, joint = set(), set()
        for actor, claim in rows:
            ids.add(actor)
            if claim is not None:
                joint.add(claim)
        return self._by_resolved(queryset, sorted(ids), sorted(joint))

    def filter_claimant(self, queryset, name, value):
        keys = [key for key in value if key]
        return self._by_actor_rows(queryset, Actor.objects.filter(key__in=keys))

    def filter_claimant_id(self, queryset, name, value):
        return self._by_actor_rows(queryset, Actor.objects.filter(pk__in=[int(v) for v in value if v is not None]))

    def filter_claimant_kind(self, queryset, name, value):
        return self._by_claimants(queryset, Actor.objects.filter(kind__in=list(value)).values("pk"))

    def filter_claimant_country(self, queryset, name, value):
        return self._by_claimants(queryset, Actor.objects.filter(country=value.upper()).values("pk"))


def claimant_filters(label):
    """The claimant filters of a list whose rows have claims (see ``ClaimantFilterMixin``)."""
    return (
        KeyInFilter(method="filter_claimant", label=f"{label} (lead or joint claimant): key(s), comma-separated"),
        IdInFilter(method="filter_claimant_id", label=f"{label} (lead or joint claimant): id(s), comma-separated"),
    )


def _in_language(path, value):
    return Q(**{f"{path}__iexact": value}) | Q(**{f"{path}__istartswith": f"{value}-"})


class ClaimFilterSet(ClaimantFilterMixin, filters.FilterSet):
    key = KeyInFilter(field_name="key", lookup_expr="in", label="Key(s), comma-separated.")
    claimant, claimant_id = claimant_filters("Claimed by")
    claimant_kind = filters.MultipleChoiceFilter(
        method="filter_claimant_kind", choices=ActorKind.choices, label="A claimant's kind (lead or joint claimant)."
    )
    claimant_country = filters.CharFilter(method="filter_claimant_country", label="A claimant's country (ISO alpha-2; lead or joint).")
    relayed_by, relayed_by_id = key_and_id_filters("appearances__hops__actor", label="Relayed by (any attribution hop)")
    subject, subject_id = key_and_id_filters("subjects", label="About (subject actor)")
    document, document_id = key_and_id_filters("appearances__document", label="Appears in document")
    publisher, publisher_id = key_and_id_filters("appearances__document__publisher", label="Appears in a document published by")
    proposition = filters.CharFilter(method="filter_proposition", label="Bears on proposition (key): a stance or an estimate.")
    proposition_id = filters.NumberFilter(method="filter_proposition", min_value=1, max_value=2**63 - 1, label="Bears on proposition (id).")
    language = filters.CharFilter(method="filter_language", label="Appears in a document in this language (BCP 47; el matches el-GR).")
    summary_language = filters.CharFilter(field_name="summary_language", label="Language of the curator's summary.")
    kind = ChoicesFilter(choices=ClaimKind.choices, label="Kind of claim.")
    hedge = ChoicesFilter(choices=Hedge.choices, label="How the claimant put it.")
    verdict = ChoicesFilter(choices=Verdict.choices, label="Reviewers' verdict.")
    credibility = ChoicesFilter(choices=[(str(v), l) for v, l in Credibility.choices], label="Admiralty credibility 1–6.")
    status = ChoicesFilter(choices=ClaimStatus.choices, label="Curation status (staff see all; others only published).")
    interested = BooleanChoiceFilter(field_name="interested", label="The claimant is a party to what it describes.")
    location_country = filters.CharFilter(method="filter_location_country", label="Country where it happened (ISO alpha-2).")
    stated_on = filters.DateFromToRangeFilter(label="Stated on or after (_after) / on or before (_before), YYYY-MM-DD.")
    published_on = filters.DateFromToRangeFilter(
        field_name="first_published_on", label="First published on or after (_after) / on or before (_before)."
    )
    known_on = filters.DateFilter(
        field_name="first_published_on", lookup_expr="lte",
        label="Only what had been published by this date (and only appearances in documents published by then).",
    )
    assessed_at = filters.IsoDateTimeFromToRangeFilter(label="Assessed at or after (_after) / before (_before), ISO 8601.")
    q = FreeTextFilter(method="filter_q", label=Q_LABEL)

    class Meta:
        model = Claim
        fields = []

    def filter_location_country(self, queryset, name, value):
        return queryset.filter(location_country=value.upper())

    def filter_language(self, queryset, name, value):
        # Indexed with its statistics on PostgreSQL (UPPER(language), sources migration 0006): the planner
        # then knows whether the language is common (walk the newest claims) or absent (nothing to read).
        return queryset.filter(Exists(Appearance.objects.filter(Q(claim=OuterRef("pk")) & _in_language("document__language", value))))

    def filter_proposition(self, queryset, name, value):
        # A key is resolved to its id first (one query): the planner then reads the id's statistics.
        ids = list(Proposition.objects.filter(key=value).values_list("id", flat=True)) if name == "proposition" else [int(value)]
        if connection.vendor == "postgresql":
            # The claims bearing on it, as one array computed once (id = ANY(ARRAY(... UNION ...))): the page is
            # then read from those ids, newest first, where testing each claim (EXISTS) walked the newest claims
            # until 51 matched — further as the table grows (15.5 ms at 200,000 claims against 4.8 at 20,000).
            bearing = (ClaimStance.objects.filter(proposition_id__in=ids).values("claim_id")
                       .union(Estimate.objects.filter(proposition_id__in=ids).values("claim_id")))
            return queryset.filter(Q(EqualsAny(F("id"), ArraySubquery(bearing))))
        return queryset.filter(
            Exists(ClaimStance.objects.filter(claim=OuterRef("pk"), proposition_id__in=ids))
            | Exists(Estimate.objects.filter(claim=OuterRef("pk"), proposition_id__in=ids))
        )

    def filter_q(self, queryset, name, value):
        return search_claims(queryset, value)


class AppearanceFilterSet(ClaimantFilterMixin, filters.FilterSet):
    claim_path = "claim__"
    claim, claim_id = key_and_id_filters("claim", label="Of claim")
    claimant, claimant_id = claimant_filters("Of a claim by")
    document, document_id = key_and_id_filters("document", label="In document")
    publisher, publisher_id = key_and_id_filters("document__publisher", label="In a document published by")
    relayed_by, relayed_by_id = key_and_id_filters("hops__actor", label="Relayed by (any hop)")
    relation = ChoicesFilter(field_name="hops__relation", choices=HopRelation.choices, label="Passed on by a hop with this relation (quoted_verbatim, paraphrased...).")
    medium = ChoicesFilter(field_name="medium", choices=Medium.choices, label="The medium this report gives for the statement (closed_briefing, ...).")
    hop_medium = ChoicesFilter(field_name="hops__medium", choices=Medium.choices, label="Passed on by a hop through this medium (wire_copy, press_conference...).")
    stated_on = filters.DateFromToRangeFilter(label="The date this report gives for the statement, on or after (_after) / on or before (_before).")
    language = filters.CharFilter(method="filter_language", label="Document language (BCP 47).")
    translation_language = filters.CharFilter(field_name="translation_language", label="Language of the translation.")
    published_on = filters.DateFromToRangeFilter(field_name="document__published_on", label="Document published on or after / before.")
    known_on = filters.DateFilter(field_name="document__published_on", lookup_expr="lte", label="Only documents published by this date.")
    needs_review = BooleanChoiceFilter(field_name="needs_review", label="The quote no longer matches the document span.")

    class Meta:
        model = Appearance
        fields = []

    def filter_language(self, queryset, name, value):
        return queryset.filter(_in_language("document__language", value))


class PropositionFilterSet(filters.FilterSet):
    key = KeyInFilter(field_name="key", lookup_expr="in", label="Key(s), comma-separated.")
    kind = ChoicesFilter(choices=PropositionKind.choices, label="quantity or statement.")
    status = ChoicesFilter(choices=PropositionStatus.choices, label="Where the evidence stands.")
    cumulative = BooleanChoiceFilter(field_name="cumulative", label="A running total that can only grow.")
    subject, subject_id = key_and_id_filters("subjects", label="About (subject actor)")
    measure = filters.CharFilter(field_name="measure", lookup_expr="iexact", label="What is counted, e.g. deaths.")
    unit = filters.CharFilter(field_name="unit", lookup_expr="iexact", label="Unit, e.g. people.")
    q = FreeTextFilter(method="filter_q", label="Title words (case-insensitive).")

    class Meta:
        model = Proposition
        fields = []

    def filter_q(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(Q(title__icontains=term) | Q(description__icontains=term))
        return queryset


class EstimateFilterSet(ClaimantFilterMixin, filters.FilterSet):
    claim_path = "claim__"
    proposition, proposition_id = key_and_id_filters("proposition", label="Of proposition")
    claim, claim_id = key_and_id_filters("claim", label="Stated in claim")
    claimant, claimant_id = claimant_filters("Stated by")
    relayed_by, relayed_by_id = key_and_id_filters("claim__appearances__hops__actor", label="Relayed by (any hop)")
    qualifier = ChoicesFilter(choices=Qualifier.choices, label="exact, approximately, at_least...")
    approximate = BooleanChoiceFilter(field_name="approximate", label='The bound is itself approximate ("at least about 100").')
    as_of = filters.DateFromToRangeFilter(label="Holds on or after (_after) / on or before (_before).")
    value_min = filters.NumberFilter(field_name="value", lookup_expr="gte", max_digits=20, decimal_places=4, label="Best value at least.")
    value_max = filters.NumberFilter(field_name="value", lookup_expr="lte", max_digits=20, decimal_places=4, label="Best value at most.")
    unit = filters.CharFilter(method="filter_unit", label="Unit (the estimate's own, else its proposition's), e.g. people.")
    known_on = filters.DateFilter(field_name="claim__first_published_on", lookup_expr="lte", label="Only what had been published by this date.")

    class Meta:
        model = Estimate
        fields = []

    def filter_unit(self, queryset, name, value):
        return queryset.filter(Q(unit__iexact=value) | Q(unit="", proposition__unit__iexact=value))
