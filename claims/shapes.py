"""How claims, appearances, hops, propositions, stances and estimates are shown — in the API (full and brief),
nested in one another and in the timeline, in CSV: declared once. See ``factbase.shapes``.

Adding a field to Claim means its model, its migration and a line in ``CLAIM`` below.
"""

from factbase.shapes import Column, Computed, Csv, Link, Many, One, Shape
from sources.shapes import ACTOR, DOCUMENT

from .models import (
    Appearance,
    AttributionHop,
    Claim,
    ClaimStance,
    Estimate,
    EstimateWording,
    Proposition,
    QuantityRelation,
    display_value,
)


def _published_by(queryset, context):
    """Only the appearances in documents published by ``known_on`` (when the reader asked for a date)."""
    known_on = context.get("known_on")
    return queryset if known_on is None else queryset.filter(document__published_on__lte=known_on)


#: Appearances earliest published first (then by time of day, then as entered).
APPEARANCE_ORDER = ("document__published_on", "document__published_time", "id")

HOP = Shape(
    model=AttributionHop, name="AttributionHop",
    description=(
        "One intermediary at one step of the relay chain, nearest the document first: who passed the claim on, how "
        "(``relation``), by which ``medium``, in which language and when (``passed_on`` with its precision). Hops "
        "sharing a ``position`` are parallel relays at one step (two lawmakers who both told reporters)."
    ),
    fields=[
        Column("position"), One("actor", ACTOR), Column("relation"), Column("language"), Column("medium"),
        Column("passed_on"), Column("passed_on_precision"),
    ],
)


def chain_text(hops) -> str:
    """A chain as text, nearest the document first, parallel relays joined by ``+``:
    ``afp (reported) > lee-seong-kweun + park-sun-won (paraphrased, press_conference) > ...``."""
    steps: dict[int, list] = {}
    for hop in hops:
        steps.setdefault(hop["position"], []).append(hop)
    parts = []
    for position in sorted(steps):
        step = steps[position]
        how = {(hop["relation"], hop["medium"]) for hop in step}
        if len(how) == 1:
            relation, medium = how.pop()
            parts.append(" + ".join(hop["actor"]["key"] for hop in step) + f" ({', '.join(filter(None, (relation, medium)))})")
        else:
            parts.append(" + ".join(
                f"{hop['actor']['key']} ({', '.join(filter(None, (hop['relation'], hop['medium'])))})" for hop in step
            ))
    return " > ".join(parts)

PROPOSITION = Shape(
    model=Proposition, name="Proposition",
    description="The fact being tracked; for quantities, what is counted (``measure``) and in which ``unit``.",
    fields=[
        Column("id"), Column("key"), Column("title"), Link("url", "proposition-detail"),
        Link("timeline_url", "proposition-timeline", help_text="Its timeline in the API."),
        Column("description"), Column("kind"), Column("measure"), Column("unit"), Column("cumulative"),
        Many("subjects", ACTOR, parent="propositions__id", order=("name", "id")),
        # parts, part_of: appended below (they nest the brief form of this very shape)
        Column("status"), Column("status_rationale"), Column("created_at"), Column("updated_at"),
    ],
    brief=("id", "key", "title", "url", "kind", "measure", "unit", "cumulative", "status"),
    csv=[
        Csv("id", "id"), Csv("key", "key"), Csv("title", "title"), Csv("kind", "kind"), Csv("measure", "measure"),
        Csv("unit", "unit"), Csv("cumulative", "cumulative"), Csv("status", "status"),
        Csv("subject_keys", function=lambda proposition: ";".join(actor["key"] for actor in proposition["subjects"])),
    ],
)

PART = Shape(
    model=QuantityRelation, name="QuantityPart",
    description="A proposition that is a part of this one (``part_of``) or this measure in another unit (``same_measure``).",
    fields=[One("proposition", PROPOSITION, path="part"), Column("kind"), Column("factor")],
)
WHOLE = Shape(
    model=QuantityRelation, name="QuantityWhole",
    description="A proposition this one is a part of (``part_of``) or the same measure in another unit (``same_measure``).",
    fields=[One("proposition", PROPOSITION, path="whole"), Column("kind"), Column("factor")],
)
_at = PROPOSITION.fields.index(PROPOSITION.field("subjects")) + 1
PROPOSITION.fields[_at:_at] = [
    Many("parts", PART, parent="whole_id", order=("kind", "part__key"),
         help_text="Its parts (casualties: killed, wounded) and the same measure in other units."),
    Many("part_of", WHOLE, parent="part_id", order=("kind", "whole__key"),
         help_text="The wholes it is a part of, and the same measure in other units."),
]

STANCE = Shape(
    model=ClaimStance, name="ClaimStance",
    description="How the claim bears on a proposition: supports, refutes, estimates or mentions.",
    fields=[One("proposition", PROPOSITION), Column("stance")],
)

WORDING = Shape(
    model=EstimateWording, name="EstimateWording",
    description="How one report worded one estimate, exactly as written in its quote (``offset`` in the quote).",
    fields=[
        Column("estimate", "estimate_id", help_text="The estimate's id."),
        Column("proposition", "estimate__proposition__key", help_text="The estimate's proposition (key)."),
        Column("wording"), Column("offset"),
    ],
)

APPEARANCE = Shape(
    model=Appearance, name="Appearance",
    description=(
        "Where a claim was recorded: ``quote`` is ``document.body[start:end]`` verbatim, in the original language. "
        "``hops`` are who passed it on, nearest the document first (hops sharing a position are parallel relays); "
        "the claimants are the origin, not hops. ``stated_on``/``medium``: the date and medium this report gives "
        "for the statement, when it gives them. ``wordings``: how this report worded each estimate of the claim."
    ),
    fields=[
        Column("id"),
        # claim: inserted below (the brief form of CLAIM, declared after this shape)
        One("document", DOCUMENT), Column("quote"), Column("start"), Column("end"), Column("translation"),
        Column("translation_language"), Column("stated_on"), Column("stated_on_precision"), Column("medium"),
        Many("hops", HOP, parent="appearance_id", order=("position", "id")),
        Many("wordings", WORDING, parent="appearance_id", order=("estimate_id",)),
        Column("needs_review"), Column("created_at"), Column("updated_at"),
    ],
    brief=(
        "id", "document", "quote", "start", "end", "translation", "translation_language", "stated_on",
        "stated_on_precision", "medium", "hops",
    ),
    csv=[
        Csv("id", "id"), Csv("claim_key", function=lambda a: a["claim"]["key"]),
        Csv("claimant_key", function=lambda a: a["claim"]["claimant"]["key"]),
        Csv("document_key", function=lambda a: a["document"]["key"]),
        Csv("published_on", function=lambda a: a["document"]["published_on"]),
        Csv("publisher_key", function=lambda a: a["document"]["publisher"]["key"] if a["document"]["publisher"] else ""),
        Csv("language", function=lambda a: a["document"]["language"]), Csv("quote", "quote"), Csv("start", "start"),
        Csv("end", "end"), Csv("translation", "translation"), Csv("translation_language", "translation_language"),
        Csv("stated_on", "stated_on"), Csv("stated_on_precision", "stated_on_precision"), Csv("medium", "medium"),
        Csv("hops", function=lambda a: chain_text(a["hops"])),
        Csv("wordings", function=lambda a: "; ".join(f"{w['proposition']}: {w['wording']}" for w in a["wordings"])),
    ],
)

ESTIMATE = Shape(
    model=Estimate, name="Estimate",
    description=(
        "A number stated in a claim about a proposition: best ``value``, ``lower``/``upper`` bounds and a "
        "``qualifier``; ``as_of`` (with precision) or a period is when the number holds; ``wording`` is the "
        "quantity exactly as the source wrote it. An unknown quantity has qualifier ``unknown`` and no numbers."
    ),
    fields=[
        Column("id"),
        # claim: inserted below
        One("proposition", PROPOSITION), Column("value"), Column("lower"), Column("upper"), Column("qualifier"),
        Computed("unit", ("unit", "proposition__unit"), lambda unit, proposition_unit: unit or proposition_unit,
                 help_text="The estimate's unit, else the proposition's."),
        Column("approximate", help_text='The bound is itself approximate: "at least about 100" is at_least + approximate.'),
        Computed("display_value", ("qualifier", "value", "lower", "upper", "approximate"), display_value,
                 help_text='Human-readable, e.g. "≈2,000", "≥100" or "≥~100" (at least about 100).'),
        Column("as_of"), Column("as_of_precision"), Column("period_start"), Column("period_end"), Column("wording"),
        Many("wordings", WORDING, parent="estimate_id", order=("appearance_id",),
             help_text="How each appearance's report worded this estimate."),
        Column("created_at"), Column("updated_at"),
    ],
    brief=(
        "id", "proposition", "value", "lower", "upper", "qualifier", "approximate", "unit", "display_value", "as_of",
        "as_of_precision", "period_start", "period_end", "wording",
    ),
    csv=[
        Csv("id", "id"), Csv("proposition_key", function=lambda e: e["proposition"]["key"]),
        Csv("claim_key", function=lambda e: e["claim"]["key"]), Csv("claimant_key", function=lambda e: e["claim"]["claimant"]["key"]),
        Csv("value", "value"), Csv("lower", "lower"), Csv("upper", "upper"), Csv("qualifier", "qualifier"),
        Csv("approximate", "approximate"), Csv("unit", "unit"),
        Csv("as_of", "as_of"), Csv("as_of_precision", "as_of_precision"), Csv("period_start", "period_start"),
        Csv("period_end", "period_end"), Csv("wording", "wording"),
    ],
    csv_fields=(
        "id", "claim", "proposition", "value", "lower", "upper", "qualifier", "approximate", "unit", "as_of",
        "as_of_precision", "period_start", "period_end", "wording",
    ),
)


def _first(field, default=""):
    return lambda claim: claim["appearances"][0]["document"]["key"] if field == "document" and claim["appearances"] else (
        claim["appearances"][0][field] if claim["appearances"] else default
    )


CLAIM = Shape(
    model=Claim, name="Claim",
    description=(
        "One assertion by one claimant, where it was recorded, the numbers it states and its assessment. "
        "``appearances`` are earliest first (limited to documents published by ``known_on`` when given); "
        "``first_published_on`` is the publication date of the earliest one. ``verdict``/``credibility`` "
        "(Admiralty 1–6) are the reviewers' assessment; ``interested`` marks a claimant that is a party to what it describes."
    ),
    fields=[
        Column("id"), Column("key"), Link("url", "claim-detail"), One("claimant", ACTOR),
        Many("joint_claimants", ACTOR, parent="joint_claims__claim_id", order=("joint_claims__position", "joint_claims__id"),
             help_text="Further claimants who assert it together with ``claimant`` (each an independent origin)."),
        Column("kind"), Column("summary"),
        Column("summary_language"), Column("stated_on"), Column("stated_on_precision"), Column("hedge"),
        Many("subjects", ACTOR, parent="claims_about__id", order=("name", "id")),
        Column("location"), Column("location_country"), Column("interested"), Column("status"), Column("verdict"),
        Column("credibility"), Column("rationale"), Column("assessed_at"), Column("first_published_on"),
        Many("appearances", APPEARANCE, parent="claim_id", order=APPEARANCE_ORDER, narrow=_published_by),
        Many("estimates", ESTIMATE, parent="claim_id", order=("as_of", "id")),
        Many("stances", STANCE, parent="claim_id", order=("proposition_id",)),
        Column("created_at"), Column("updated_at"),
    ],
    brief=(
        "id", "key", "summary", "url", "claimant", "status", "kind", "hedge", "stated_on", "stated_on_precision",
        "first_published_on", "interested",
    ),
    csv=[
        Csv("id", "id"), Csv("key", "key"), Csv("claimant_key", function=lambda c: c["claimant"]["key"]),
        Csv("claimant_name", function=lambda c: c["claimant"]["name"]),
        Csv("joint_claimant_keys", function=lambda c: ";".join(actor["key"] for actor in c["joint_claimants"])),
        Csv("kind", "kind"), Csv("summary", "summary"),
        Csv("stated_on", "stated_on"), Csv("stated_on_precision", "stated_on_precision"), Csv("hedge", "hedge"),
        Csv("subject_keys", function=lambda c: ";".join(actor["key"] for actor in c["subjects"])),
        Csv("interested", "interested"), Csv("status", "status"), Csv("verdict", "verdict"), Csv("credibility", "credibility"),
        Csv("first_published_on", "first_published_on"), Csv("first_document_key", function=_first("document")),
        Csv("first_quote", function=_first("quote")), Csv("appearance_count", function=lambda c: len(c["appearances"])),
    ],
    csv_fields=(
        "id", "key", "claimant", "joint_claimants", "kind", "summary", "stated_on", "stated_on_precision", "hedge", "subjects", "interested",
        "status", "verdict", "credibility", "first_published_on", "appearances",
    ),
)
APPEARANCE.fields.insert(1, One("claim", CLAIM))
ESTIMATE.fields.insert(1, One("claim", CLAIM))
