"""The OpenAPI description of the proposition timeline: its envelope, around objects in their declared shapes.

Every object the timeline nests (proposition, claim, claimant, appearance) is described by the serializer made
from its shape (``factbase.api.serializers.serializer_for``); only the envelope and the two values computed
per estimate (``first_appearance``, ``appearance_count``) are written here. Schema only: the JSON is built by
``claims.analysis.timeline.proposition_timeline``.
"""

from rest_framework import serializers

from claims.analysis.synthesis import SYNTHESIS_ESTIMATE
from claims.analysis.timeline import TIMELINE_ESTIMATE
from claims.shapes import APPEARANCE, PROPOSITION
from factbase.api.serializers import serializer_for
from sources.shapes import ACTOR


class TimelineAppearanceSerializer(serializer_for(APPEARANCE, brief=True)):
    """One appearance of the estimate's claim, with how its report worded the number."""

    wording = serializers.CharField(
        allow_null=True, read_only=True,
        help_text="The number as this report wrote it (recorded for this appearance, or the estimate's wording when "
        "this quote contains it); null when not recorded.",
    )


class TimelineEstimateSerializer(serializer_for(TIMELINE_ESTIMATE)):
    """An estimate in a proposition's timeline, with its claim, claimants and every appearance."""

    joint_claimants = serializer_for(ACTOR, brief=True)(many=True, read_only=True,
                                                       help_text="Further claimants of the claim (each an origin).")
    appearances = TimelineAppearanceSerializer(many=True, read_only=True,
                                               help_text="Every appearance of the claim (published by known_on), earliest first.")
    first_appearance = TimelineAppearanceSerializer(allow_null=True, read_only=True,
                                                    help_text="The earliest appearance (published by known_on).")
    appearance_count = serializers.IntegerField(read_only=True)


class TimelineSeriesSerializer(serializers.Serializer):
    claimant = serializer_for(ACTOR, brief=True)(read_only=True)
    estimates = serializers.ListField(child=serializers.IntegerField(), help_text="Estimate ids, oldest first.")
    latest = serializers.IntegerField(help_text="The claimant's latest estimate (it updates the older ones).")


class TimelineSerializer(serializers.Serializer):
    """A proposition's timeline: estimates in as-of order, series per claimant, independent origins."""

    proposition = serializer_for(PROPOSITION, brief=True)(read_only=True)
    known_on = serializers.DateField(allow_null=True)
    independent_origins = serializers.IntegerField(
        help_text="Distinct claimants (lead and joint); re-reports and parallel relays of one origin count once."
    )
    estimates = TimelineEstimateSerializer(many=True)
    series = TimelineSeriesSerializer(many=True)


class SynthesisOriginSerializer(serializers.Serializer):
    origin = serializer_for(ACTOR, brief=True)(read_only=True, help_text="One independent origin (a claimant).")
    estimate = serializer_for(SYNTHESIS_ESTIMATE)(read_only=True, help_text="Its latest estimate known by the date.")


class SynthesisBandSerializer(serializers.Serializer):
    low = serializers.DecimalField(max_digits=24, decimal_places=4, help_text="The lowest figure the estimates state.")
    high = serializers.DecimalField(max_digits=24, decimal_places=4, help_text="The highest figure the estimates state.")
    open_below = serializers.BooleanField(help_text="The low end is only an upper bound (at most / fewer than).")
    open_above = serializers.BooleanField(help_text="The high end is only a lower bound (at least / more than).")
    low_estimate = serializers.IntegerField(help_text="The estimate giving the low end.")
    high_estimate = serializers.IntegerField(help_text="The estimate giving the high end.")
    origins = serializers.IntegerField(help_text="How many origins the band spans.")


class SynthesisGroupSerializer(serializers.Serializer):
    origins = SynthesisOriginSerializer(many=True)
    band = SynthesisBandSerializer(allow_null=True)


class PartConflictPartSerializer(serializers.Serializer):
    proposition = serializers.CharField()
    estimate = serializers.IntegerField()
    claim = serializers.CharField()
    display_value = serializers.CharField()
    lowest = serializers.DecimalField(max_digits=24, decimal_places=4)


class PartConflictSerializer(serializers.Serializer):
    claimant = serializers.DictField(child=serializers.CharField(), help_text="key and name.")
    valid_from = serializers.DateField()
    valid_to = serializers.DateField()
    whole = serializers.DictField(help_text="estimate, claim, display_value, highest.")
    parts = PartConflictPartSerializer(many=True)
    parts_lowest_sum = serializers.DecimalField(max_digits=24, decimal_places=4)


class SynthesisSerializer(serializers.Serializer):
    """What was known of a proposition on a date: per independent origin its latest estimate, the band they span,
    interested parties apart, and claimants whose parts exceed their own whole."""

    proposition = serializer_for(PROPOSITION, brief=True)(read_only=True)
    known_on = serializers.DateField(allow_null=True)
    independent = SynthesisGroupSerializer(help_text="Origins that are not party to what they describe.")
    interested = SynthesisGroupSerializer(help_text="Interested parties' latest figures, kept apart.")
    part_conflicts = PartConflictSerializer(many=True)
