"""Actors and documents as the API shows them. Explicit field lists; ``.brief()`` when nested."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factbase.api.brief import BriefSerializerMixin
from sources.models import Actor, ActorAlias, Document


class ActorAliasSerializer(serializers.ModelSerializer):
    """Another name of the actor, with its language (BCP 47)."""

    class Meta:
        model = ActorAlias
        fields = ["name", "language"]


class ActorSerializer(BriefSerializerMixin, serializers.ModelSerializer):
    """Anyone who makes, relays or is the subject of claims; ``reliability`` is the Admiralty grade A–F."""

    url = serializers.HyperlinkedIdentityField(view_name="actor-detail", lookup_field="key", lookup_url_kwarg="id_or_key")
    parent = serializers.SerializerMethodField()
    aliases = ActorAliasSerializer(many=True, read_only=True)

    class Meta:
        model = Actor
        brief_fields = ["id", "key", "name", "kind", "country", "url"]
        fields = [
            "id", "key", "name", "kind", "country", "url", "parent", "description", "wikidata_id",
            "reliability", "reliability_rationale", "aliases", "created_at", "updated_at",
        ]

    def get_parent(self, actor) -> dict | None:
        # Method field: a nested ActorSerializer.brief() inside ActorSerializer would recurse at import.
        if actor.parent is None:
            return None
        return ActorSerializer.brief(context=self.context).to_representation(actor.parent)


class DocumentSerializer(BriefSerializerMixin, serializers.ModelSerializer):
    """One archived publication; ``body`` is the text quotes are checked against, ``body_sha256`` its hash."""

    url = serializers.HyperlinkedIdentityField(view_name="document-detail", lookup_field="key", lookup_url_kwarg="id_or_key")
    source_url = serializers.CharField(source="url", read_only=True, help_text="Where it was published (empty if unknown).")
    archive_url = serializers.CharField(read_only=True, help_text="An archived copy (empty if none).")
    publisher = ActorSerializer.brief(read_only=True, allow_null=True)

    class Meta:
        model = Document
        brief_fields = ["id", "key", "title", "published_on", "language", "url", "source_url", "publisher"]
        fields = [
            "id", "key", "kind", "title", "url", "source_url", "publisher", "authors", "language", "published_on",
            "published_time", "retrieved_at", "archive_url", "body", "body_sha256", "created_at", "updated_at",
        ]


# The parent is the brief form of the same serializer; documented as such in the schema.
ActorSerializer.get_parent = extend_schema_field(type(ActorSerializer.brief())(allow_null=True))(ActorSerializer.get_parent)
