"""Reading schema.org ClaimReview JSON-LD (from fact-checkers) into claims.

Accepted shapes: a single ClaimReview object, a list of them, an object with ``@graph``, or a DataFeed
(``dataFeedElement`` → ``item``), nested in any combination.

Each ClaimReview becomes:

* a **Document** for the review itself (``url``; publisher: the fact-checker (``author``); published on the
  review's ``datePublished``; language ``inLanguage`` or ``--language``; body: the ``claimReviewed`` text);
* a **Claim** by the reviewed claim's author (``itemReviewed.author``), with the review's text as summary,
  status *draft* (curators review it), the fact-checker's textual rating kept exactly as written in
  ``rating_text`` and the normalised ``verdict`` beside it (``RATING_TABLE``, overridable);
* an **Appearance** quoting the ``claimReviewed`` text in that document, with one hop: the fact-checker,
  *summarised*. The outside appearances the review lists (``itemReviewed.appearance`` /
  ``firstAppearance``) are not archived here, so they are not turned into documents with invented text:
  their URLs are kept in the claim's rationale.

Actors are matched by name or alias (case- and accent-insensitively) and created when unknown.
Re-importing the same file changes nothing.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from factbase.cleaning import FULL
from factbase.models import ImportRun
from factbase.system import system_user
from factbase.text import normalize_for_search
from factbase.validators import validate_language
from sources.models import Actor, ActorKind
from sources.services import actor_upsert, document_upsert

from ..models import Appearance, AttributionHop, Claim, Verdict
from ..services.claims import claim_create, claim_update
from ..services.parts import parts_add
from ..services.workflow import claims_state_set

COMMAND = "import_claimreview"

#: Fact-checkers' textual ratings (normalised: lower case, accents and punctuation folded) → our verdicts.
RATING_TABLE = {
    "true": Verdict.CONFIRMED,
    "correct": Verdict.CONFIRMED,
    "accurate": Verdict.CONFIRMED,
    "mostly true": Verdict.CORROBORATED,
    "mostly correct": Verdict.CORROBORATED,
    "half true": Verdict.PLAUSIBLE,
    "partly true": Verdict.PLAUSIBLE,
    "plausible": Verdict.PLAUSIBLE,
    "mixture": Verdict.DISPUTED,
    "mixed": Verdict.DISPUTED,
    "disputed": Verdict.DISPUTED,
    "contested": Verdict.DISPUTED,
    "unproven": Verdict.UNVERIFIED,
    "unverified": Verdict.UNVERIFIED,
    "unsupported": Verdict.UNVERIFIED,
    "no evidence": Verdict.UNVERIFIED,
    "missing context": Verdict.MISLEADING,
    "misleading": Verdict.MISLEADING,
    "mostly false": Verdict.MISLEADING,
    "distorts the facts": Verdict.MISLEADING,
    "false": Verdict.FALSE,
    "incorrect": Verdict.FALSE,
    "fake": Verdict.FALSE,
    "pants on fire": Verdict.FALSE,
    "fabricated": Verdict.FALSE,
    # Our own verdicts, so that our exports read back as they were.
    **{value: value for value in Verdict.values if value != Verdict.UNASSESSED},
}


class ClaimReviewError(ValueError):
    pass


@dataclass
class ClaimReviewReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    reviews: int = 0
    run: ImportRun | None = None
    messages: list[str] = field(default_factory=list)


def claimreviews_in(data, where="$"):
    """Yield (path, ClaimReview object) for every ClaimReview in a JSON-LD document of any accepted shape."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from claimreviews_in(item, f"{where}[{index}]")
        return
    if not isinstance(data, dict):
        raise ClaimReviewError(f"{where}: expected a JSON object or list, found {type(data).__name__}")
    types = data.get("@type")
    types = types if isinstance(types, list) else [types]
    if "ClaimReview" in types:
        yield where, data
    elif "@graph" in data:
        yield from claimreviews_in(data["@graph"], f"{where}.@graph")
    elif "DataFeed" in types or "dataFeedElement" in data:
        yield from claimreviews_in(data.get("dataFeedElement", []), f"{where}.dataFeedElement")
    elif "DataFeedItem" in types or "item" in data:
        yield from claimreviews_in(data.get("item", []), f"{where}.item")
    else:
        raise ClaimReviewError(f"{where}: not a ClaimReview, @graph or DataFeed (its @type is {data.get('@type')!r})")


def _text(obj, key, where, *, required=True):
    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise ClaimReviewError(f"{where}.{key}: required")
        return ""
    if not isinstance(value, str):
        raise ClaimReviewError(f"{where}.{key}: expected text, found {type(value).__name__}")
    if "\x00" in value:
        raise ClaimReviewError(f"{where}.{key}: contains a NUL character (\\u0000), which cannot be stored")
    return value.strip()


def _date(obj, key, where, *, required=True):
    raw = _text(obj, key, where, required=required)
    if not raw:
        return None
    try:
        value = parse_date(raw) or (parse_datetime(raw).date() if parse_datetime(raw) else None)
    except ValueError:
        value = None
    if value is None:
        raise ClaimReviewError(f"{where}.{key}: {raw!r} is not a date (YYYY-MM-DD)")
    return value


def _thing_name(obj, key, where, *, required=True):
    value = obj.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value.strip(), "Organization"
    if isinstance(value, dict):
        return _text(value, "name", f"{where}.{key}"), value.get("@type") or "Organization"
    if required:
        raise ClaimReviewError(f"{where}.{key}: required (an object with a name)")
    return "", ""


def _actor(name, schema_type, cache, *, by, run, fact_checker=False):
    normalised = normalize_for_search(name)
    if normalised in cache:
        return cache[normalised]
    actor = None
    for candidate in Actor.objects.filter(search_text__contains=normalised).prefetch_related("aliases"):
        names = [candidate.name, *(alias.name for alias in candidate.aliases.all())]
        if any(normalize_for_search(n) == normalised for n in names):
            actor = candidate
            break
    if actor is None:
        base = slugify(name, allow_unicode=False)[:80] or "actor-" + hashlib.sha1(name.encode()).hexdigest()[:10]
        key, n = base, 1
        while Actor.objects.filter(key=key).exists():
            n += 1
            key = f"{base}-{n}"
        actor, _ = actor_upsert(key=key, by=by, run=run, reason=_reason(run), values={
            "name": name[:300], "kind": ActorKind.PERSON if schema_type == "Person" else ActorKind.OTHER,
            "description": "Fact-checker, from a ClaimReview import." if fact_checker else "From a ClaimReview import.",
        })
    cache[normalised] = actor
    return actor


def _appearance_urls(item, where):
    urls = []
    for key in ("firstAppearance", "appearance"):
        value = item.get(key) or []
        for entry in value if isinstance(value, list) else [value]:
            url = entry.get("url") if isinstance(entry, dict) else entry
            if isinstance(url, str) and url and url not in urls:
                urls.append(url)
    return urls


def _reason(run) -> str:
    return f"{COMMAND} run #{run.pk}"


def claimreview_import(*, data, file_name, file_sha256, rating_table=None, unmapped=None, language="en",
                       operator="", dry_run=False, by=None) -> ClaimReviewReport:
    """Import every ClaimReview in ``data`` in one transaction (rolled back on any error or a dry run).

    Everything is written through the write services as ``by`` (default: the system user
    ``factbase-import``, a reviewer: the verdict is an assessment, set through the workflow)."""
    by = by or system_user()
    table = {**RATING_TABLE, **{normalize_for_search(k): v for k, v in (rating_table or {}).items()}}
    report = ClaimReviewReport()
    try:
        validate_language(language)
    except ValidationError:
        raise ClaimReviewError(f"--language: {language!r} is not a BCP 47 language tag") from None
    reviews = list(claimreviews_in(data))
    if not reviews:
        raise ClaimReviewError("no ClaimReview found in the file")
    with transaction.atomic():
        run = ImportRun.objects.create(command=COMMAND, operator=operator[:150], files=[{"name": file_name, "sha256": file_sha256}])
        actors = {}
        for where, review in reviews:
            try:
                _import_one(review, where, table, unmapped, language, actors, run, report, by)
            except ValidationError as exc:
                raise ClaimReviewError(f"{where}: {'; '.join(exc.messages)}") from None
        report.reviews = len(reviews)
        run.created, run.updated, run.unchanged = report.created, report.updated, report.unchanged
        run.counts = {"claim": {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}}
        run.finished_at = timezone.now()
        run.save()
        report.run = run
        if dry_run:
            transaction.set_rollback(True)
    return report


def _import_one(review, where, table, unmapped, default_language, actors, run, report, by):
    summary = _text(review, "claimReviewed", where)
    review_url = _text(review, "url", where, required=False)
    item = review.get("itemReviewed") or {}
    if not isinstance(item, dict):
        raise ClaimReviewError(f"{where}.itemReviewed: expected an object")
    reviewed_on = _date(review, "datePublished", where, required=False) or _date(item, "datePublished", f"{where}.itemReviewed", required=False)
    if reviewed_on is None:
        raise ClaimReviewError(f"{where}.datePublished: required (the review's date)")
    rating = review.get("reviewRating")
    if not isinstance(rating, dict):
        raise ClaimReviewError(f"{where}.reviewRating: required (an object with alternateName)")
    rating_text = _text(rating, "alternateName", f"{where}.reviewRating")
    verdict = table.get(normalize_for_search(rating_text))
    if verdict is None:
        if unmapped is None:
            raise ClaimReviewError(
                f"{where}.reviewRating.alternateName: the rating {rating_text!r} is not in the rating table; "
                "map it with --rating-map or give --unmapped VERDICT"
            )
        verdict = unmapped
    checker_name, checker_type = _thing_name(review, "author", where)
    claimant_name, claimant_type = _thing_name(item, "author", f"{where}.itemReviewed")
    language = _text(review, "inLanguage", where, required=False) or default_language
    try:
        validate_language(language)
    except ValidationError:
        raise ClaimReviewError(f"{where}.inLanguage: {language!r} is not a BCP 47 language tag") from None
    fact_checker = _actor(checker_name, checker_type, actors, by=by, run=run, fact_checker=True)
    claimant = _actor(claimant_name, claimant_type, actors, by=by, run=run)

    identity = hashlib.sha256(f"{review_url}\n{summary}\n{checker_name}".encode()).hexdigest()[:16]
    urls = _appearance_urls(item, f"{where}.itemReviewed")
    rationale = _text(review, "reviewBody", where, required=False)
    if urls:
        rationale = (rationale + "\n\n" if rationale else "") + "Appearances cited by the fact-checker (not archived here): " + ", ".join(urls)

    reason = _reason(run)
    document, document_outcome = document_upsert(key=f"claimreview-{identity}", by=by, run=run, reason=reason, values={
        "kind": "report", "title": f"{checker_name}: review of “{summary[:200]}”"[:500], "url": review_url,
        "publisher": fact_checker, "language": language, "published_on": reviewed_on, "body": summary,
    })

    assessed_at = timezone.make_aware(dt.datetime.combine(reviewed_on, dt.time()), dt.timezone.utc)
    values = {"claimant": claimant, "summary": summary, "summary_language": language, "rating_text": rating_text[:200]}
    state = {"verdict": verdict, "rationale": rationale}
    claim = Claim.objects.filter(key=f"cr-{identity}").first()
    created = claim is None
    if created:
        claim = claim_create(values={"key": f"cr-{identity}", **values, **state, "assessed_at": assessed_at},
                             by=by, run=run, reason=reason)
        changes = ["created"]
    else:
        changes = claim_update(claim=claim, values=values, by=by, run=run, reason=reason)
        if any(getattr(claim, name) != value for name, value in state.items()):
            changes += [c.key for c in claims_state_set(items=[(claim, {**state, "assessed_at": assessed_at})],
                                                        by=by, reason=reason)]
    if not Appearance.objects.filter(claim=claim, document=document).exists():
        appearance = Appearance(claim=claim, document=document, quote=summary, start=0, end=len(summary))
        hop = AttributionHop(appearance=appearance, position=1, actor=fact_checker, relation="summarised",
                             language=language)
        parts_add(parts=[appearance, hop], by=by, reason=reason, new_claim_ids={claim.pk} if created else (),
                  validate=FULL)
        changes = changes or ["appearance"]
    if created:
        report.created += 1
    elif changes:
        report.updated += 1
    else:
        report.unchanged += 1


def read_json_file(path):
    """(data, sha256) of a JSON-LD file, or ClaimReviewError naming what is wrong with it."""
    try:
        raw = open(path, "rb").read()
    except FileNotFoundError:
        raise ClaimReviewError(f"{path}: no such file") from None
    except OSError as exc:
        raise ClaimReviewError(f"{path}: cannot be read ({exc.strerror})") from None
    if not raw.strip():
        raise ClaimReviewError(f"{path}: the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClaimReviewError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClaimReviewError(f"{path}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    return data, hashlib.sha256(raw).hexdigest()
