"""What was said and what we make of it.

A **Claim** is one assertion by one claimant. It is recorded in documents through **Appearances** (an
exact quote span, with the ordered **AttributionHops** that passed it on). A **Proposition** is the fact
being tracked; claims take a **stance** on it and may state numeric **Estimates** of it. **ClaimRelations**
link claims to each other (a newer figure updates an older one; two claimants contradict).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from factbase import dates
from factbase.choices import DatePrecision, choices_check
from factbase.models import ImportTracked, TimeStampedModel
from factbase.validators import validate_country, validate_language
from sources.models import Actor, Document

from .services.quotes import describe_mismatch


class ClaimKind(models.TextChoices):
    STATEMENT = "statement", "statement"
    ESTIMATE = "estimate", "estimate"
    EVENT = "event", "event"
    ASSESSMENT = "assessment", "assessment (analysis, opinion)"
    INTENTION = "intention", "intention (plan, pledge)"
    DENIAL = "denial", "denial"


class Hedge(models.TextChoices):
    ASSERTED = "asserted", "asserted"
    ESTIMATED = "estimated", "estimated"
    BELIEVED = "believed", "believed"
    ALLEGED = "alleged", "alleged"
    DENIED = "denied", "denied"
    SPECULATED = "speculated", "speculated"


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", "draft"
    IN_REVIEW = "in_review", "in review"
    PUBLISHED = "published", "published"
    RETRACTED = "retracted", "retracted"


class Verdict(models.TextChoices):
    UNASSESSED = "unassessed", "unassessed"
    CONFIRMED = "confirmed", "confirmed"
    CORROBORATED = "corroborated", "corroborated"
    PLAUSIBLE = "plausible", "plausible"
    UNVERIFIED = "unverified", "unverified"
    DISPUTED = "disputed", "disputed"
    MISLEADING = "misleading", "misleading"
    FALSE = "false", "false"


class Credibility(models.IntegerChoices):
    """NATO / Admiralty information-credibility grades."""

    CONFIRMED = 1, "1 — confirmed by other sources"
    PROBABLY_TRUE = 2, "2 — probably true"
    POSSIBLY_TRUE = 3, "3 — possibly true"
    DOUBTFUL = 4, "4 — doubtful"
    IMPROBABLE = 5, "5 — improbable"
    CANNOT_BE_JUDGED = 6, "6 — truth cannot be judged"


class Claim(ImportTracked):
    """One assertion by one claimant, as a curator renders it, with its curation and assessment state."""

    key = models.SlugField(max_length=150, unique=True, help_text="Stable public identifier, used by imports and the API.")
    claimant = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="claims", help_text="Who asserts it (the origin of every appearance)."
    )
    kind = models.CharField(max_length=16, choices=ClaimKind.choices, default=ClaimKind.STATEMENT)
    summary = models.TextField(help_text="A curator's one-sentence rendering.")
    summary_language = models.CharField(max_length=35, default="en", validators=[validate_language])
    stated_on = models.DateField(
        null=True, blank=True, db_index=True,
        help_text="When the claimant said it: the first day of the period given by the precision.",
    )
    stated_on_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    hedge = models.CharField(max_length=16, choices=Hedge.choices, default=Hedge.ASSERTED, help_text="How the claimant put it.")
    subjects = models.ManyToManyField(Actor, blank=True, related_name="claims_about", help_text="Actors the claim is about.")
    location = models.CharField(max_length=300, blank=True, help_text="Where it happened or was said, as free text.")
    location_country = models.CharField(max_length=2, blank=True, validators=[validate_country])
    interested = models.BooleanField(
        default=False,
        help_text="The claimant is a party to what it describes (e.g. KCNA on North Korea's war dead).",
    )
    status = models.CharField(max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT, db_index=True)
    verdict = models.CharField(max_length=16, choices=Verdict.choices, default=Verdict.UNASSESSED)
    credibility = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=Credibility.choices,
        validators=[MinValueValidator(1), MaxValueValidator(6)], help_text="Admiralty information credibility, 1–6.",
    )
    rationale = models.TextField(blank=True, help_text="Why the verdict and credibility were given.")
    rating_text = models.CharField(
        max_length=200, blank=True,
        help_text="An outside fact-checker's textual rating, kept exactly as written (e.g. 'Mostly False'); "
        "the verdict beside it is its normalised form.",
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assessed_claims"
    )
    assessed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False, help_text="Raised on every save; refuses lost updates.")
    # Derived, kept up to date by claims.services.derived: never typed.
    first_published_on = models.DateField(
        null=True, blank=True, editable=False, db_index=True,
        help_text="Publication date of the earliest document the claim appears in.",
    )
    search_text = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(m2m_fields=[subjects], excluded_fields=["search_text", "search_vector", "first_published_on"])

    class Meta:
        ordering = ["-stated_on", "-id"]
        permissions = [
            ("publish_claim", "Can publish claims"),
            ("retract_claim", "Can retract claims"),
            ("assess_claim", "Can set verdict and credibility"),
        ]
        constraints = [
            models.CheckConstraint(condition=choices_check("kind", ClaimKind), name="claim_kind_valid"),
            models.CheckConstraint(condition=choices_check("hedge", Hedge), name="claim_hedge_valid"),
            models.CheckConstraint(condition=choices_check("status", ClaimStatus), name="claim_status_valid"),
            models.CheckConstraint(condition=choices_check("verdict", Verdict), name="claim_verdict_valid"),
            models.CheckConstraint(
                condition=choices_check("stated_on_precision", DatePrecision), name="claim_stated_on_precision_valid"
            ),
            models.CheckConstraint(
                condition=Q(credibility__isnull=True) | Q(credibility__gte=1, credibility__lte=6),
                name="claim_credibility_1_to_6",
            ),
            models.CheckConstraint(condition=~Q(key=""), name="claim_key_not_empty"),
            models.CheckConstraint(condition=~Q(summary=""), name="claim_summary_not_empty"),
        ]
        indexes = [
            models.Index(fields=["claimant", "stated_on"], name="claim_claimant_stated_idx"),
            models.Index(fields=["status", "id"], name="claim_status_id_idx"),
            # The API's filters on values other than the default: a filter that matches few claims (or none)
            # reads this small partial index instead of walking every claim; the default value matches most
            # claims and is found by walking the primary key.
            models.Index(fields=["kind", "id"], condition=~Q(kind=ClaimKind.STATEMENT), name="claim_kind_idx"),
            models.Index(fields=["hedge", "id"], condition=~Q(hedge=Hedge.ASSERTED), name="claim_hedge_idx"),
            models.Index(fields=["verdict", "id"], condition=~Q(verdict=Verdict.UNASSESSED), name="claim_verdict_idx"),
            models.Index(fields=["credibility", "id"], condition=Q(credibility__isnull=False), name="claim_credibility_idx"),
            models.Index(fields=["id"], condition=Q(interested=True), name="claim_interested_idx"),
            models.Index(fields=["location_country", "id"], condition=~Q(location_country=""), name="claim_location_country_idx"),
            models.Index(fields=["summary_language", "id"], condition=~Q(summary_language="en"), name="claim_summary_language_idx"),
            models.Index(fields=["assessed_at"], condition=Q(assessed_at__isnull=False), name="claim_assessed_at_idx"),
        ]

    def __str__(self):
        return f"{self.claimant}: {self.summary[:80]}"

    @property
    def stated_on_display(self):
        return dates.describe(self.stated_on, self.stated_on_precision)

    def clean(self):
        super().clean()
        if self.stated_on and not dates.is_normalized(self.stated_on, self.stated_on_precision):
            # Store the first day of the period, so dates of one precision compare and sort.
            self.stated_on = dates.normalize(self.stated_on, self.stated_on_precision)


class Medium(models.TextChoices):
    """How a statement was made or passed on: the occasion or channel, as the report gives it.

    Kept apart from the hop's ``relation`` (how faithfully it was passed on): NIS *briefed* two lawmakers in a
    ``closed_briefing``; they *paraphrased* it to reporters at a ``press_conference``. ``closed_briefing``: a
    briefing behind closed doors (a parliamentary committee); ``briefing``: an open one, on or off the record;
    ``statement``: written or read out; ``report``: a published assessment or study; ``broadcast``: television or
    radio; ``wire_copy``: an agency dispatch; ``article``: a news or opinion piece; ``other``: anything else.
    """

    CLOSED_BRIEFING = "closed_briefing", "closed-door briefing"
    BRIEFING = "briefing", "briefing"
    PRESS_CONFERENCE = "press_conference", "press conference"
    STATEMENT = "statement", "statement"
    SPEECH = "speech", "speech"
    INTERVIEW = "interview", "interview"
    REPORT = "report", "report"
    BROADCAST = "broadcast", "broadcast"
    SOCIAL_POST = "social_post", "social media post"
    WIRE_COPY = "wire_copy", "wire copy"
    ARTICLE = "article", "article"
    OTHER = "other", "other"


class JointClaimant(TimeStampedModel):
    """A further claimant of a claim that several assert together.

    "According to South Korean and Western intelligence, North Korea has sent more than 10,000 troops" is one
    claim with two claimants: ``claim.claimant`` (the lead, named first: NIS) and one joint claimant
    ("Western intelligence", an actor of kind ``unnamed_group``). A claim's claimants are its lead claimant
    then its joint claimants in ``position`` order; **each is an origin** for corroboration, series and
    filters (``claimant=`` finds a claim by any of its claimants).
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="joint_claimants")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="joint_claims")
    position = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(2)], help_text="Order among the claimants; the lead claimant is 1.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "actor"], name="joint_claimant_unique_actor"),
            models.CheckConstraint(condition=Q(position__gte=2), name="joint_claimant_position_after_lead"),
        ]

    def __str__(self):
        return f"{self.actor} (with {self.claim.claimant}) on {self.claim.key}"

    def clean(self):
        super().clean()
        if self.claim_id and self.actor_id and self.claim.claimant_id == self.actor_id:
            raise ValidationError({"actor": JOINT_CLAIMANT_IS_LEAD_MESSAGE})


JOINT_CLAIMANT_IS_LEAD_MESSAGE = "this actor is already the claim's lead claimant"


class Appearance(TimeStampedModel):
    """Where a claim was recorded: an exact span of an archived document, and who passed it on."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="appearances")
    quote = models.TextField(help_text="The verbatim span of the document body, in its original language.")
    start = models.PositiveIntegerField(help_text="Character offset of the quote in the body (0-based).")
    end = models.PositiveIntegerField(help_text="Character offset just after the quote.")
    translation = models.TextField(blank=True)
    translation_language = models.CharField(max_length=35, blank=True, validators=[validate_language])
    needs_review = models.BooleanField(
        default=False, help_text="Set when the document body changed and the quote no longer matches its span."
    )
    # What this report says about the statement itself, when it says more than (or differs from) the claim.
    stated_on = models.DateField(
        null=True, blank=True,
        help_text="The date this report gives for the statement, when it differs from the claim's "
        "(the first day of the period given by the precision).",
    )
    stated_on_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    medium = models.CharField(
        max_length=24, choices=Medium.choices, blank=True,
        help_text="How the claimant made the statement, as this report gives it (blank: not said).",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim_id", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="appearance_span_not_empty"),
            models.CheckConstraint(
                condition=choices_check("medium", Medium, allow_blank=True), name="appearance_medium_valid"
            ),
            models.CheckConstraint(
                condition=choices_check("stated_on_precision", DatePrecision), name="appearance_stated_on_precision_valid"
            ),
            models.UniqueConstraint(fields=["claim", "document", "start", "end"], name="appearance_unique_span"),
            models.CheckConstraint(
                condition=Q(translation="") | ~Q(translation_language=""), name="appearance_translation_has_language"
            ),
        ]
        indexes = [models.Index(fields=["document", "start"], name="appearance_document_start_idx")]

    def __str__(self):
        return f"{self.claim.key} in {self.document.key} [{self.start}:{self.end}]"

    def clean(self):
        super().clean()
        if self.document_id is None or self.start is None or self.end is None:
            return
        mismatch = describe_mismatch(self.document.body, self.quote, self.start, self.end)
        if mismatch:
            raise ValidationError({"quote": mismatch})

    def _normalize_dates(self):
        if self.stated_on and not dates.is_normalized(self.stated_on, self.stated_on_precision):
            self.stated_on = dates.normalize(self.stated_on, self.stated_on_precision)

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude)
        self._normalize_dates()


class HopRelation(models.TextChoices):
    QUOTED_VERBATIM = "quoted_verbatim", "quoted verbatim"
    PARAPHRASED = "paraphrased", "paraphrased"
    TRANSLATED = "translated", "translated"
    SUMMARISED = "summarised", "summarised"
    BRIEFED = "briefed", "briefed"
    REPORTED = "reported", "reported"


class AttributionHop(models.Model):
    """One intermediary between the claimant and the document: one actor at one step of the chain.

    Steps are numbered from the document outwards: step (``position``) 1 is the source the document cites
    (KCNA in the seed); the last step is the one nearest the claimant. The claimant itself is the origin and
    is not a hop. A step may hold **several actors** — parallel relays, e.g. the two lawmakers who both told
    reporters what NIS had briefed them: two hops with the same position. Each keeps its own relation,
    medium, language and date, since parallel relays need not have spoken alike; parallel relays of one
    origin remain one origin for corroboration.
    """

    appearance = models.ForeignKey(Appearance, on_delete=models.CASCADE, related_name="hops")
    position = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1)], help_text="Step of the chain, 1 = nearest the document; several actors "
        "at one step are parallel relays.",
    )
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="relayed_hops")
    relation = models.CharField(max_length=16, choices=HopRelation.choices, help_text="How it passed on what it got.")
    language = models.CharField(max_length=35, blank=True, validators=[validate_language], help_text="Language it passed in.")
    medium = models.CharField(
        max_length=24, choices=Medium.choices, blank=True, help_text="How it passed it on (blank: not said)."
    )
    passed_on = models.DateField(
        null=True, blank=True, help_text="When it passed it on: the first day of the period given by the precision.",
    )
    passed_on_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)

    history = HistoricalRecords()

    class Meta:
        ordering = ["appearance_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["appearance", "position", "actor"], name="hop_unique_actor_per_step"),
            models.CheckConstraint(condition=Q(position__gte=1), name="hop_position_positive"),
            models.CheckConstraint(condition=choices_check("relation", HopRelation), name="hop_relation_valid"),
            models.CheckConstraint(condition=choices_check("medium", Medium, allow_blank=True), name="hop_medium_valid"),
            models.CheckConstraint(
                condition=choices_check("passed_on_precision", DatePrecision), name="hop_passed_on_precision_valid"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.actor} ({self.get_relation_display()})"

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude)
        if self.passed_on and not dates.is_normalized(self.passed_on, self.passed_on_precision):
            self.passed_on = dates.normalize(self.passed_on, self.passed_on_precision)


class PropositionKind(models.TextChoices):
    QUANTITY = "quantity", "quantity"
    STATEMENT = "statement", "statement"


class PropositionStatus(models.TextChoices):
    OPEN = "open", "open"
    CORROBORATED = "corroborated", "corroborated"
    CONTESTED = "contested", "contested"
    ESTABLISHED = "established", "established"
    REFUTED = "refuted", "refuted"


class Proposition(ImportTracked):
    """The fact being tracked, e.g. "Deaths among North Korean troops deployed to Russia"."""

    key = models.SlugField(max_length=150, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=16, choices=PropositionKind.choices, default=PropositionKind.STATEMENT)
    measure = models.CharField(max_length=100, blank=True, help_text="For quantities: what is counted, e.g. deaths.")
    unit = models.CharField(max_length=50, blank=True, help_text="For quantities: people, troops, USD...")
    subjects = models.ManyToManyField(Actor, blank=True, related_name="propositions")
    status = models.CharField(max_length=16, choices=PropositionStatus.choices, default=PropositionStatus.OPEN)
    status_rationale = models.TextField(blank=True)
    cumulative = models.BooleanField(
        default=False,
        help_text="A running total that can only grow (a death toll, troops sent so far): a later, lower figure "
        "from another claimant contradicts an earlier one.",
    )
    claims = models.ManyToManyField(Claim, through="ClaimStance", related_name="propositions", blank=True)

    history = HistoricalRecords(m2m_fields=[subjects])

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(condition=choices_check("kind", PropositionKind), name="proposition_kind_valid"),
            models.CheckConstraint(condition=choices_check("status", PropositionStatus), name="proposition_status_valid"),
            models.CheckConstraint(
                condition=Q(kind=PropositionKind.STATEMENT) | ~Q(unit=""), name="proposition_quantity_has_unit"
            ),
            models.CheckConstraint(condition=~Q(key=""), name="proposition_key_not_empty"),
        ]

    def __str__(self):
        return self.title


class Stance(models.TextChoices):
    SUPPORTS = "supports", "supports"
    REFUTES = "refutes", "refutes"
    ESTIMATES = "estimates", "estimates"
    MENTIONS = "mentions", "mentions"


class ClaimStance(TimeStampedModel):
    """How a claim bears on a proposition."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="stances")
    proposition = models.ForeignKey(Proposition, on_delete=models.PROTECT, related_name="stances")
    stance = models.CharField(max_length=16, choices=Stance.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim_id", "proposition_id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "proposition"], name="stance_unique_claim_proposition"),
            models.CheckConstraint(condition=choices_check("stance", Stance), name="stance_valid"),
        ]

    def __str__(self):
        return f"{self.claim.key} {self.stance} {self.proposition.key}"


class Qualifier(models.TextChoices):
    EXACT = "exact", "exactly"
    APPROXIMATELY = "approximately", "approximately (≈)"
    AT_LEAST = "at_least", "at least (≥)"
    AT_MOST = "at_most", "at most (≤)"
    MORE_THAN = "more_than", "more than (>)"
    FEWER_THAN = "fewer_than", "fewer than (<)"
    RANGE = "range", "range (lower–upper)"
    UNKNOWN = "unknown", "unknown"


_QUALIFIER_SYMBOLS = {
    Qualifier.APPROXIMATELY: "≈", Qualifier.AT_LEAST: "≥", Qualifier.MORE_THAN: ">",
    Qualifier.AT_MOST: "≤", Qualifier.FEWER_THAN: "<",
}


# Messages reused by tests and by the importer's errors.
ESTIMATE_BOUNDS_MESSAGE = "lower ≤ value ≤ upper must hold where they are set"
ESTIMATE_QUALIFIER_MESSAGE = {
    Qualifier.EXACT: "an exact estimate has a value and no bounds",
    Qualifier.APPROXIMATELY: "an approximate estimate has a value",
    Qualifier.AT_LEAST: "an 'at least' estimate has a lower bound and no upper bound",
    Qualifier.MORE_THAN: "a 'more than' estimate has a lower bound and no upper bound",
    Qualifier.AT_MOST: "an 'at most' estimate has an upper bound and no lower bound",
    Qualifier.FEWER_THAN: "a 'fewer than' estimate has an upper bound and no lower bound",
    Qualifier.RANGE: "a range has both a lower and an upper bound",
    Qualifier.UNKNOWN: "an unknown quantity has no value and no bounds (unknown is never 0)",
}
_QUALIFIER_SHAPE = {
    Qualifier.EXACT: Q(value__isnull=False, lower__isnull=True, upper__isnull=True),
    Qualifier.APPROXIMATELY: Q(value__isnull=False),
    Qualifier.AT_LEAST: Q(lower__isnull=False, upper__isnull=True),
    Qualifier.MORE_THAN: Q(lower__isnull=False, upper__isnull=True),
    Qualifier.AT_MOST: Q(upper__isnull=False, lower__isnull=True),
    Qualifier.FEWER_THAN: Q(upper__isnull=False, lower__isnull=True),
    Qualifier.RANGE: Q(lower__isnull=False, upper__isnull=False),
    Qualifier.UNKNOWN: Q(value__isnull=True, lower__isnull=True, upper__isnull=True),
}


def _qualifier_constraint(qualifier):
    return models.CheckConstraint(
        condition=~Q(qualifier=qualifier) | _QUALIFIER_SHAPE[qualifier],
        name=f"estimate_{qualifier}_shape",
        violation_error_message=ESTIMATE_QUALIFIER_MESSAGE[qualifier],
    )


#: Qualifiers whose bound may itself be approximate ("at least about 100", "more than roughly 10,000",
#: "about 300 to 400"): ``Estimate.approximate`` combines with these, and only these.
APPROXIMATE_BOUND_QUALIFIERS = (
    Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.AT_MOST, Qualifier.FEWER_THAN, Qualifier.RANGE,
)
ESTIMATE_APPROXIMATE_MESSAGE = (
    "'approximate' combines with at_least, more_than, at_most, fewer_than or range only "
    "(an approximately qualifier is already approximate; exact and unknown cannot be)"
)
#: How an approximate bound is written in display values: "≥~100", ">~10,000", "~300–400".
APPROXIMATE_MARK = "~"


def display_value(qualifier, value, lower, upper, approximate=False) -> str:
    """An estimate as a reader would write it: "≈2,000", "≥20", "≥~100", "1,000–2,000", "unknown".

    A function of the columns (not only a property) so that code reading ``values()`` rows formats
    estimates exactly as ``Estimate.display_value`` does. ``approximate`` marks a bound that is itself
    approximate: "at least about 100" reads "≥~100".
    """

    def fmt(number):
        return f"{number.normalize():,f}" if number is not None else "?"

    mark = APPROXIMATE_MARK if approximate and qualifier in APPROXIMATE_BOUND_QUALIFIERS else ""
    if qualifier == Qualifier.UNKNOWN:
        return "unknown"
    if qualifier == Qualifier.RANGE:
        return f"{mark}{fmt(lower)}–{fmt(upper)}"
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return f"{_QUALIFIER_SYMBOLS[qualifier]}{mark}{fmt(lower)}"
    if qualifier in (Qualifier.AT_MOST, Qualifier.FEWER_THAN):
        return f"{_QUALIFIER_SYMBOLS[qualifier]}{mark}{fmt(upper)}"
    return f"{_QUALIFIER_SYMBOLS.get(qualifier, '')}{fmt(value)}"


class Estimate(TimeStampedModel):
    """A number stated in a claim about a proposition, with its bounds and the source's exact wording.

    "about 2,000" → value 2000, approximately; "at least 600" → lower 600 (value 600), at least;
    "between 300 and 400" → lower 300, upper 400, range. An unknown quantity is stored as unknown.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="estimates")
    proposition = models.ForeignKey(Proposition, on_delete=models.PROTECT, related_name="estimates")
    value = models.DecimalField(max_digits=24, decimal_places=4, null=True, blank=True, help_text="Best value.")
    lower = models.DecimalField(max_digits=24, decimal_places=4, null=True, blank=True)
    upper = models.DecimalField(max_digits=24, decimal_places=4, null=True, blank=True)
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, default=Qualifier.EXACT)
    unit = models.CharField(max_length=50, blank=True, help_text="Blank means the proposition's unit.")
    as_of = models.DateField(null=True, blank=True, db_index=True, help_text="When the number holds (valid time).")
    as_of_precision = models.CharField(max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    period_start = models.DateField(null=True, blank=True, help_text="Or: the period it covers, from...")
    period_end = models.DateField(null=True, blank=True, help_text="...to (inclusive).")
    wording = models.CharField(max_length=300, blank=True, help_text='The quantity exactly as written: "περίπου 2.000".')
    approximate = models.BooleanField(
        default=False,
        help_text='The bound itself is approximate: "at least about 100" is at least + approximate, lower 100.',
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["proposition_id", "as_of", "id"]
        constraints = [
            models.CheckConstraint(condition=choices_check("qualifier", Qualifier), name="estimate_qualifier_valid"),
            models.CheckConstraint(
                condition=choices_check("as_of_precision", DatePrecision), name="estimate_as_of_precision_valid"
            ),
            models.CheckConstraint(
                condition=(
                    (Q(lower__isnull=True) | Q(value__isnull=True) | Q(lower__lte=F("value")))
                    & (Q(upper__isnull=True) | Q(value__isnull=True) | Q(value__lte=F("upper")))
                    & (Q(lower__isnull=True) | Q(upper__isnull=True) | Q(lower__lte=F("upper")))
                ),
                name="estimate_bounds_ordered",
                violation_error_message=ESTIMATE_BOUNDS_MESSAGE,
            ),
            *[_qualifier_constraint(q) for q in Qualifier],
            models.CheckConstraint(
                condition=Q(approximate=False) | Q(qualifier__in=APPROXIMATE_BOUND_QUALIFIERS),
                name="estimate_approximate_only_on_bounds",
                violation_error_message=ESTIMATE_APPROXIMATE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | Q(period_end__isnull=True) | Q(period_start__lte=F("period_end")),
                name="estimate_period_ordered",
                violation_error_message="the period must not end before it starts",
            ),
            models.CheckConstraint(
                condition=Q(as_of__isnull=True) | (Q(period_start__isnull=True) & Q(period_end__isnull=True)),
                name="estimate_as_of_or_period",
                violation_error_message="give either as_of or a period, not both",
            ),
        ]
        indexes = [models.Index(fields=["proposition", "as_of"], name="estimate_proposition_asof_idx")]

    def __str__(self):
        return f"{self.proposition.key}: {self.display_value}"

    @property
    def display_value(self):
        return display_value(self.qualifier, self.value, self.lower, self.upper, self.approximate)

    @property
    def effective_unit(self):
        return self.unit or self.proposition.unit

    def clean(self):
        super().clean()
        if self.as_of and not dates.is_normalized(self.as_of, self.as_of_precision):
            self.as_of = dates.normalize(self.as_of, self.as_of_precision)


class EstimateWording(TimeStampedModel):
    """How one appearance's report worded one estimate: «περίπου 2.000» in the Greek article, "nearly 2,000"
    in the English one, «2천여 명» in the Korean one — all the same estimate of one claim.

    ``wording`` must occur in the appearance's quote: ``offset`` is where (in characters from the start of the
    quote), found by ``claims.services.provenance.estimate_wording_set`` and re-checked by ``clean``. The
    estimate's own ``wording`` stays the wording as first recorded.
    """

    estimate = models.ForeignKey(Estimate, on_delete=models.CASCADE, related_name="wordings")
    appearance = models.ForeignKey(Appearance, on_delete=models.CASCADE, related_name="wordings")
    wording = models.CharField(max_length=300, help_text="The quantity exactly as this report wrote it.")
    offset = models.PositiveIntegerField(help_text="Where the wording starts in the appearance's quote (0-based).")

    history = HistoricalRecords()

    class Meta:
        ordering = ["estimate_id", "appearance_id"]
        constraints = [
            models.UniqueConstraint(fields=["estimate", "appearance"], name="wording_unique_estimate_appearance"),
            models.CheckConstraint(condition=~Q(wording=""), name="wording_not_empty"),
        ]

    def __str__(self):
        return f"{self.wording!r} in appearance {self.appearance_id}"

    def clean(self):
        super().clean()
        if not (self.estimate_id and self.appearance_id and self.wording) or self.offset is None:
            return
        if self.estimate.claim_id != self.appearance.claim_id:
            raise ValidationError({"appearance": WORDING_OTHER_CLAIM_MESSAGE})
        quote = self.appearance.quote
        if quote[self.offset:self.offset + len(self.wording)] != self.wording:
            raise ValidationError({"wording": (
                f"{self.wording!r} is not at offset {self.offset} of the appearance's quote "
                f"(found {quote[self.offset:self.offset + len(self.wording)]!r})"
            )})


WORDING_OTHER_CLAIM_MESSAGE = "the appearance belongs to another claim than the estimate"


QUANTITY_FACTOR_MESSAGE = "a same-measure relation needs a positive factor; a part-of relation has none"


class QuantityRelationKind(models.TextChoices):
    PART_OF = "part_of", "part of (the whole is the sum of its parts)"
    SAME_MEASURE = "same_measure", "same measure in another unit"


class QuantityRelation(TimeStampedModel):
    """How two quantity propositions relate: ``part`` is a part of ``whole`` (killed and wounded are parts of
    casualties), or ``part`` is the same measure as ``whole`` in another unit (``factor``: one unit of
    ``part`` is ``factor`` units of ``whole``). ``claims.analysis.quantities`` checks parts against wholes.
    """

    part = models.ForeignKey(Proposition, on_delete=models.CASCADE, related_name="quantity_relations_out",
                             help_text="The part (or the measure in the other unit).")
    whole = models.ForeignKey(Proposition, on_delete=models.CASCADE, related_name="quantity_relations_in",
                              help_text="The whole (or the measure in the reference unit).")
    kind = models.CharField(max_length=16, choices=QuantityRelationKind.choices, default=QuantityRelationKind.PART_OF)
    factor = models.DecimalField(
        max_digits=24, decimal_places=8, null=True, blank=True,
        help_text="Same measure only: one unit of the part's is this many of the whole's.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["whole_id", "kind", "part_id"]
        constraints = [
            models.UniqueConstraint(fields=["part", "whole"], name="quantity_relation_unique"),
            models.CheckConstraint(condition=~Q(part=F("whole")), name="quantity_relation_not_to_itself"),
            models.CheckConstraint(condition=choices_check("kind", QuantityRelationKind), name="quantity_relation_kind_valid"),
            models.CheckConstraint(
                condition=(Q(kind=QuantityRelationKind.PART_OF, factor__isnull=True)
                           | Q(kind=QuantityRelationKind.SAME_MEASURE, factor__isnull=False, factor__gt=0)),
                name="quantity_relation_factor_for_same_measure",
                violation_error_message=QUANTITY_FACTOR_MESSAGE,
            ),
        ]

    def __str__(self):
        return f"{self.part.key} {self.kind} {self.whole.key}"

    def clean(self):
        super().clean()
        for side in ("part", "whole"):
            proposition = getattr(self, side, None) if getattr(self, f"{side}_id") else None
            if proposition is not None and proposition.kind != PropositionKind.QUANTITY:
                raise ValidationError({side: f"{proposition.key} is not a quantity"})


class RelationKind(models.TextChoices):
    SUPPORTS = "supports", "supports"
    CONTRADICTS = "contradicts", "contradicts"
    UPDATES = "updates", "updates (a newer figure by the same claimant)"
    REPEATS = "repeats", "repeats"
    DENIES = "denies", "denies"


class RelationState(models.TextChoices):
    ACCEPTED = "accepted", "accepted"
    SUGGESTED = "suggested", "suggested (awaiting a reviewer)"
    REJECTED = "rejected", "rejected"


class ClaimRelation(TimeStampedModel):
    """A link between two claims: ``source`` supports / contradicts / updates / repeats / denies ``target``."""

    source = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=16, choices=RelationKind.choices)
    state = models.CharField(max_length=16, choices=RelationState.choices, default=RelationState.ACCEPTED)
    rationale = models.TextField(blank=True)
    suggested_by = models.CharField(max_length=64, blank=True, help_text="The command that suggested it, if any.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["source_id", "target_id", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="relation_unique"),
            models.CheckConstraint(condition=~Q(source=F("target")), name="relation_not_to_itself"),
            models.CheckConstraint(condition=choices_check("kind", RelationKind), name="relation_kind_valid"),
            models.CheckConstraint(condition=choices_check("state", RelationState), name="relation_state_valid"),
        ]

    def __str__(self):
        return f"{self.source.key} {self.kind} {self.target.key}"
