"""Who speaks and where it was recorded: actors (with their names in many languages) and documents."""

import hashlib

from django.core.validators import MinLengthValidator
from django.db import models, router, transaction
from django.db.models import Q
from simple_history.models import HistoricalRecords

from factbase.choices import choices_check
from factbase.models import ImportTracked, TimeStampedModel
from factbase.text import normalize_for_search
from factbase.validators import validate_country, validate_language, validate_wikidata_id


class ActorKind(models.TextChoices):
    PERSON = "person", "person"
    GOVERNMENT = "government", "government"
    GOVERNMENT_AGENCY = "government_agency", "government agency"
    INTELLIGENCE_AGENCY = "intelligence_agency", "intelligence agency"
    MILITARY = "military", "military"
    LEGISLATOR = "legislator", "legislator"
    STATE_MEDIA = "state_media", "state media"
    NEWS_AGENCY = "news_agency", "news agency"
    NEWS_OUTLET = "news_outlet", "news outlet"
    INTERNATIONAL_ORGANIZATION = "international_organization", "international organization"
    POLITICAL_PARTY = "political_party", "political party"
    ARMED_GROUP = "armed_group", "armed group"
    NGO = "ngo", "NGO"
    COUNTRY = "country", "country"
    UNNAMED_GROUP = "unnamed_group", "unnamed group (analysts, officials...)"
    OTHER = "other", "other"


class Reliability(models.TextChoices):
    """NATO / Admiralty source-reliability grades."""

    A = "A", "A — completely reliable"
    B = "B", "B — usually reliable"
    C = "C", "C — fairly reliable"
    D = "D", "D — not usually reliable"
    E = "E", "E — unreliable"
    F = "F", "F — reliability cannot be judged"


class Actor(ImportTracked):
    """Anyone or anything that makes, relays or is the subject of claims: a person, an agency, an outlet."""

    key = models.SlugField(max_length=100, unique=True, help_text="Stable public identifier, used by imports and the API.")
    name = models.CharField(max_length=300, help_text="The usual English name.")
    kind = models.CharField(max_length=32, choices=ActorKind.choices)
    country = models.CharField(max_length=2, blank=True, validators=[validate_country], help_text="ISO 3166-1 alpha-2, e.g. KP.")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        help_text="Affiliation: NIS → South Korean government; KCNA → North Korean state.",
    )
    description = models.TextField(blank=True)
    wikidata_id = models.CharField(max_length=20, blank=True, validators=[validate_wikidata_id], verbose_name="Wikidata id")
    reliability = models.CharField(
        max_length=1, choices=Reliability.choices, default=Reliability.F,
        help_text="Admiralty source-reliability grade, A (completely reliable) to F (cannot be judged).",
    )
    reliability_rationale = models.TextField(blank=True)
    search_text = models.TextField(blank=True, editable=False, help_text="Normalised name and aliases, for search.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=choices_check("kind", ActorKind), name="actor_kind_valid"),
            models.CheckConstraint(condition=choices_check("reliability", Reliability), name="actor_reliability_valid"),
            models.UniqueConstraint(fields=["wikidata_id"], condition=~Q(wikidata_id=""), name="actor_wikidata_id_unique"),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="actor_not_own_parent"),
            models.CheckConstraint(condition=~Q(key=""), name="actor_key_not_empty"),
        ]

    def __str__(self):
        return self.name

    def compute_search_text(self, alias_names=None):
        """The normalised name, key and alias names. Stored in ``search_text`` only by the write services
        (``sources.services``: ``actors_create``, ``actor_update``, ``actor_save``, the alias services through
        ``actors_refresh_search_text``): no ``save()`` recomputes it."""
        if alias_names is None:
            alias_names = [alias.name for alias in self.aliases.all()] if self.pk else []
        return normalize_for_search(" ".join([self.name, self.key.replace("-", " "), *alias_names]))



class AliasKind(models.TextChoices):
    """What an alias is: another *name* of the actor, or a *descriptor* — the way reporting describes it
    without naming it ("South Korea's spy agency", "정보당국", "the Hamas-run Health Ministry"). Both find
    the actor in search; extraction resolves a descriptor that is the agent of a reporting verb to it."""

    NAME = "name", "name"
    DESCRIPTOR = "descriptor", "descriptor (how reports describe it)"


class ActorAlias(models.Model):
    """Another name of an actor, in a given language: "Κιμ Γιονγκ Ουν", "김정은", "Kim Jong-un" — or a
    descriptor that reports use for it ("South Korea's spy agency" → NIS), marked by ``kind``."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    language = models.CharField(max_length=35, validators=[validate_language], help_text="BCP 47 tag, e.g. el, ko, en.")
    kind = models.CharField(
        max_length=16, choices=AliasKind.choices, default=AliasKind.NAME,
        help_text="name: another name of the actor; descriptor: a description reports use for it "
                  "(\"South Korea's spy agency\", \"정보당국\"), resolved by extraction.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "actor aliases"
        ordering = ["actor_id", "language", "name"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "name", "language"], name="actor_alias_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="actor_alias_name_not_empty"),
            models.CheckConstraint(condition=choices_check("kind", AliasKind), name="actor_alias_kind_valid"),
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"



class DocumentKind(models.TextChoices):
    NEWS_ARTICLE = "news_article", "news article"
    WIRE_REPORT = "wire_report", "wire report"
    PRESS_RELEASE = "press_release", "press release"
    OFFICIAL_STATEMENT = "official_statement", "official statement"
    BRIEFING = "briefing", "briefing"
    TRANSCRIPT = "transcript", "transcript"
    SOCIAL_MEDIA_POST = "social_media_post", "social media post"
    REPORT = "report", "report"
    OTHER = "other", "other"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Document(ImportTracked):
    """One archived publication: its full text as archived, who published it and when."""

    key = models.SlugField(max_length=100, unique=True, help_text="Stable public identifier, used by imports and the API.")
    kind = models.CharField(max_length=32, choices=DocumentKind.choices, default=DocumentKind.NEWS_ARTICLE)
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=2000, blank=True, verbose_name="URL")
    publisher = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="published_documents")
    authors = models.CharField(max_length=500, blank=True, help_text="Bylines, separated by semicolons.")
    language = models.CharField(max_length=35, validators=[validate_language], help_text="BCP 47 tag of the body, e.g. el.")
    published_on = models.DateField(db_index=True)
    published_time = models.TimeField(null=True, blank=True, help_text="Time of publication, when known (UTC).")
    retrieved_at = models.DateTimeField(null=True, blank=True, help_text="When the text was archived.")
    body = models.TextField(validators=[MinLengthValidator(1)], help_text="The full text as archived. Quotes are checked against it.")
    body_sha256 = models.CharField(max_length=64, editable=False, db_index=True, verbose_name="body SHA-256")
    archive_url = models.URLField(max_length=2000, blank=True, verbose_name="archive URL")
    # Filled by a capture (sources.capture): the archived HTTP response the body was extracted from.
    warc_archive = models.CharField(
        max_length=300, blank=True, editable=False, verbose_name="WARC archive",
        help_text="Name of the WARC file, in the captures storage, holding the response the body was extracted from.",
    )
    warc_record_id = models.CharField(
        max_length=100, blank=True, editable=False, verbose_name="WARC record id",
        help_text="WARC-Record-ID of that response record in the archive.",
    )
    warc_payload_digest = models.CharField(
        max_length=100, blank=True, editable=False, verbose_name="WARC payload digest",
        help_text="The record's WARC-Payload-Digest (sha256:, base32): the response body as received.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=choices_check("kind", DocumentKind), name="document_kind_valid"),
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="document_url_unique"),
            models.CheckConstraint(condition=~Q(key=""), name="document_key_not_empty"),
            models.CheckConstraint(condition=~Q(body=""), name="document_body_not_empty"),
            models.CheckConstraint(condition=~Q(body_sha256=""), name="document_sha256_set"),
        ]

    def __str__(self):
        return self.title or self.key

    def clean(self):
        super().clean()
        self.body_sha256 = sha256_text(self.body or "")

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        document._sealed_sha256 = document.__dict__.get("body_sha256")  # the body hash as read
        return document

    def save(self, *args, **kwargs):
        # The hash is computed, never typed: it always describes the body being saved.
        self.body_sha256 = sha256_text(self.body)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_sha256"}
        with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self), instance=self)):
            super().save(*args, **kwargs)
            if getattr(self, "_sealed_sha256", None) != self.body_sha256:
                # A body written is sealed where editing this row cannot reach (tamper evidence).
                from factbase.security.seals import document_body_seal

                document_body_seal(document=self)
                self._sealed_sha256 = self.body_sha256


class ProposedActorStatus(models.TextChoices):
    PENDING = "pending", "pending (awaiting a curator)"
    CONFIRMED = "confirmed", "confirmed as a new actor"
    MERGED = "merged", "merged into an existing actor"
    REJECTED = "rejected", "rejected"


class ProposedActor(TimeStampedModel):
    """A speaker extraction found named in a document but could not match to any actor ("Governor Yevgeny
    Balitsky said"). It is *not* an actor: until a curator confirms it as a new actor or merges it into an
    existing one, the drafts that need it wait on a placeholder claimant, and nothing about it is published.

    ``waiting`` lists those uses (``{"claim": key, "role": "claimant"}`` or
    ``{"claim": key, "appearance": id, "position": n, "role": "hop"}``), so that confirming or merging
    re-points exactly them.
    """

    name = models.CharField(max_length=300, help_text="The name as the document wrote it.")
    language = models.CharField(max_length=35, validators=[validate_language], help_text="BCP 47 tag of the name.")
    kind = models.CharField(
        max_length=32, choices=ActorKind.choices, default=ActorKind.PERSON,
        help_text="Guessed from the title words next to the name (governor → person, ministry → government agency).",
    )
    title = models.CharField(max_length=300, blank=True, help_text="The title words the kind was guessed from.")
    context = models.TextField(blank=True, help_text="The sentence the speaker was found in.")
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposed_actors",
        help_text="The document the speaker was first found in.",
    )
    status = models.CharField(max_length=16, choices=ProposedActorStatus.choices, default=ProposedActorStatus.PENDING)
    actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="proposals",
        help_text="The actor it became (confirmed) or was merged into.",
    )
    waiting = models.JSONField(default=list, blank=True, help_text="The draft claims and hops that wait on it.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["status", "name", "id"]
        constraints = [
            models.CheckConstraint(condition=choices_check("status", ProposedActorStatus), name="proposed_actor_status_valid"),
            models.CheckConstraint(condition=choices_check("kind", ActorKind), name="proposed_actor_kind_valid"),
            models.CheckConstraint(condition=~Q(name=""), name="proposed_actor_name_not_empty"),
            models.CheckConstraint(
                condition=(Q(status__in=["confirmed", "merged"], actor__isnull=False)
                           | Q(status__in=["pending", "rejected"], actor__isnull=True)),
                name="proposed_actor_resolved_has_actor",
            ),
            models.UniqueConstraint(
                fields=["name", "language"], condition=Q(status="pending"), name="proposed_actor_pending_unique",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.language}, {self.get_status_display()})"
