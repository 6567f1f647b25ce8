"""The OpenAPI description of the proposition timeline: its envelope, around objects in their declared shapes.

Every object the timeline nests (proposition, claim, claimant, appearance) is described by the serializer made
from its shape (``factbase.api.serializers.serializer_for``); only the envelope and the two values computed
per estimate (``first_appearance``, ``appearance_count``) are written here. Schema only: the JSON is built by
``claims.analysis.timeline.proposition_timeline``.
"""

from rest_framework import serializers

from claims.analysis.timeline import TIMELINE_ESTIMATE
from claims.shapes import APPEARANCE, PROPOSITION
from factbase.api.serializers import serializer_for
from sources.shapes import ACTOR


class TimelineEstimateSerializer(serializer_for(TIMELINE_ESTIMATE)):
    """An estimate in a proposition's timeline, with its claim, claimant and first appearance."""

    first_appearance = serializer_for(APPEARANCE, brief=True)(allow_null=True, read_only=True,
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
    independent_origins = serializers.IntegerField(help_text="Distinct claimants; re-reports of one origin count once.")
    estimates = TimelineEstimateSerializer(many=True)
    series = TimelineSeriesSerializer(many=True)
