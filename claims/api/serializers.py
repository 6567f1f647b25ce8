"""Claims, appearances, propositions, estimates and import runs as the API shows them.

Explicit field lists; a nested object is the ``.brief()`` form of its own serializer.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Appearance, AttributionHop, Claim, ClaimStance, Estimate, Proposition
from factbase.api.brief import BriefSerializerMixin
from factbase.models import ImportRun
from sources.api.serializers import ActorSerializer, DocumentSerializer


class AttributionHopSerializer(serializers.ModelSerializer):
    """One intermediary, nearest the document first: who passed the claim on, how, and in which language."""

    actor = ActorSerializer.brief(read_only=True)

    class Meta:
        model = AttributionHop
        fields = ["position", "actor", "relation", "language"]


class PropositionSerializer(BriefSerializerMixin, serializers.ModelSerializer):
    """The fact being tracked; for quantities, what is counted (``measure``) and in which ``unit``."""

    url = serializers.HyperlinkedIdentityField(view_name="proposition-detail", lookup_field="key", lookup_url_kwarg="id_or_key")
    timeline_url = serializers.HyperlinkedIdentityField(
        view_name="proposition-timeline", lookup_field="key", lookup_url_kwarg="id_or_key"
    )
    subjects = ActorSerializer.brief(many=True, read_only=True)

    class Meta:
        model = Proposition
        brief_fields = ["id", "key", "title", "url"]
        fields = [
            "id", "key", "title", "url", "timeline_url", "description", "kind", "measure", "unit", "subjects",
            "status", "status_rationale", "created_at", "updated_at",
        ]


class ClaimStanceSerializer(serializers.ModelSerializer):
    """How the claim bears on a proposition: supports, refutes, estimates or mentions."""

    proposition = PropositionSerializer.brief(read_only=True)

    class Meta:
        model = ClaimStance
        fields = ["proposition", "stance"]


class ClaimSerializer(BriefSerializerMixin, serializers.ModelSerializer):
    """One assertion by one claimant, where it was recorded, the numbers it states and its assessment.

    ``appearances`` are earliest first (limited to documents published by ``known_on`` when given);
    ``first_published_on`` is the publication date of the earliest one. ``verdict``/``credibility``
    (Admiralty 1–6) are the reviewers' assessment; ``interested`` marks a claimant that is a party to
    what it describes.
    """

    url = serializers.HyperlinkedIdentityField(view_name="claim-detail", lookup_field="key", lookup_url_kwarg="id_or_key")
    claimant = ActorSerializer.brief(read_only=True)
    subjects = ActorSerializer.brief(many=True, read_only=True)
    appearances = serializers.SerializerMethodField()
    estimates = serializers.SerializerMethodField()
    stances = ClaimStanceSerializer(many=True, read_only=True)

    class Meta:
        model = Claim
        brief_fields = ["id", "key", "summary", "url", "claimant", "status"]
        fields = [
            "id", "key", "url", "claimant", "kind", "summary", "summary_language", "stated_on", "stated_on_precision",
            "hedge", "subjects", "location", "location_country", "interested", "status", "verdict", "credibility",
            "rationale", "assessed_at", "first_published_on", "appearances", "estimates", "stances",
            "created_at", "updated_at",
        ]

    def get_appearances(self, claim):
        return AppearanceSerializer.brief(many=True, context=self.context).to_representation(claim.appearances.all())

    def get_estimates(self, claim):
        return EstimateSerializer.brief(many=True, context=self.context).to_representation(claim.estimates.all())


class AppearanceSerializer(BriefSerializerMixin, serializers.ModelSerializer):
    """Where a claim was recorded: ``quote`` is ``document.body[start:end]`` verbatim, in the original language.

    ``hops`` are who passed it on, nearest the document first; the claimant is the origin, not a hop.
    """

    claim = ClaimSerializer.brief(read_only=True)
    document = DocumentSerializer.brief(read_only=True)
    hops = AttributionHopSerializer(many=True, read_only=True)

    class Meta:
        model = Appearance
        brief_fields = ["id", "document", "quote", "start", "end", "translation", "translation_language", "hops"]
        fields = [
            "id", "claim", "document", "quote", "start", "end", "translation", "translation_language", "hops",
            "needs_review", "created_at", "updated_at",
        ]


class EstimateSerializer(BriefSerializerMixin, serializers.ModelSerializer):
    """A number stated in a claim about a proposition: best ``value``, ``lower``/``upper`` bounds and a
    ``qualifier``; ``as_of`` (with precision) or a period is when the number holds; ``wording`` is the
    quantity exactly as the source wrote it. An unknown quantity has qualifier ``unknown`` and no numbers."""

    claim = ClaimSerializer.brief(read_only=True)
    proposition = PropositionSerializer.brief(read_only=True)
    display_value = serializers.CharField(read_only=True, help_text='Human-readable, e.g. "≈2,000" or "≥100".')
    unit = serializers.CharField(source="effective_unit", read_only=True, help_text="The estimate's unit, else the proposition's.")

    class Meta:
        model = Estimate
        brief_fields = [
            "id", "proposition", "value", "lower", "upper", "qualifier", "unit", "display_value", "as_of",
            "as_of_precision", "period_start", "period_end", "wording",
        ]
        fields = [
            "id", "claim", "proposition", "value", "lower", "upper", "qualifier", "unit", "display_value", "as_of",
            "as_of_precision", "period_start", "period_end", "wording", "created_at", "updated_at",
        ]


# Declared after the fact because appearances and estimates nest the claim's own brief form.
ClaimSerializer.get_appearances = extend_schema_field(type(AppearanceSerializer.brief())(many=True))(
    ClaimSerializer.get_appearances
)
ClaimSerializer.get_estimates = extend_schema_field(type(EstimateSerializer.brief())(many=True))(
    ClaimSerializer.get_estimates
)


class ImportRunSerializer(serializers.ModelSerializer):
    """One run of an import command (staff only): files read with their SHA-256, who, when, and counts."""

    class Meta:
        model = ImportRun
        fields = [
            "id", "command", "files", "operator", "started_at", "finished_at", "created", "updated", "unchanged",
            "counts",
        ]


# --- The proposition timeline (claims.analysis.timeline.proposition_timeline's dict), documented for the schema ---


class _TimelineActorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    country = serializers.CharField()


class _TimelineDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="Where it was published (may be empty).")
    language = serializers.CharField()
    published_on = serializers.DateField()
    publisher = _TimelineActorSerializer(allow_null=True)


class _TimelineHopSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    actor = _TimelineActorSerializer()
    relation = serializers.CharField()
    language = serializers.CharField()


class _TimelineAppearanceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    document = _TimelineDocumentSerializer()
    quote = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    translation = serializers.CharField()
    translation_language = serializers.CharField()
    hops = _TimelineHopSerializer(many=True)


class _TimelineClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    summary = serializers.CharField()
    kind = serializers.CharField()
    hedge = serializers.CharField()
    status = serializers.CharField()
    stated_on = serializers.DateField(allow_null=True)
    stated_on_precision = serializers.CharField()
    first_published_on = serializers.DateField(allow_null=True)
    interested = serializers.BooleanField()


class _TimelineEstimateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    claim = _TimelineClaimSerializer()
    claimant = _TimelineActorSerializer()
    value = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True, coerce_to_string=False)
    lower = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True, coerce_to_string=False)
    upper = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True, coerce_to_string=False)
    qualifier = serializers.CharField()
    unit = serializers.CharField()
    display_value = serializers.CharField()
    as_of = serializers.DateField(allow_null=True)
    as_of_precision = serializers.CharField()
    period_start = serializers.DateField(allow_null=True)
    period_end = serializers.DateField(allow_null=True)
    holds_on = serializers.DateField(allow_null=True, help_text="The date the estimate is ordered by (valid time).")
    wording = serializers.CharField(help_text="The quantity exactly as the source wrote it.")
    first_appearance = _TimelineAppearanceSerializer(allow_null=True)
    appearance_count = serializers.IntegerField()


class _TimelineSeriesSerializer(serializers.Serializer):
    claimant = _TimelineActorSerializer()
    estimates = serializers.ListField(child=serializers.IntegerField(), help_text="Estimate ids, oldest first.")
    latest = serializers.IntegerField(help_text="The claimant's latest estimate (it updates the older ones).")


class _TimelinePropositionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.CharField()
    measure = serializers.CharField()
    unit = serializers.CharField()
    status = serializers.CharField()


class TimelineSerializer(serializers.Serializer):
    """A proposition's timeline: estimates in as-of order, series per claimant, independent origins."""

    proposition = _TimelinePropositionSerializer()
    known_on = serializers.DateField(allow_null=True)
    independent_origins = serializers.IntegerField(help_text="Distinct claimants; re-reports of one origin count once.")
    estimates = _TimelineEstimateSerializer(many=True)
    series = _TimelineSeriesSerializer(many=True)

