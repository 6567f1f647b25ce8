import datetime as dt
import getpass
from pathlib import Path

import langcodes
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from claims.extraction.candidates import ActorIndex, candidates_save, extract_candidates
from claims.extraction.matching import candidates_match
from factbase.models import ImportRun
from factbase.validators import validate_language
from sources.articles import ArticleFormatError, article_document_save, article_file_read
from sources.models import Actor, DocumentKind


class _DryRun(Exception):
    """Raised to roll back a --dry-run after reporting."""


class Command(BaseCommand):
    help = (
        "Import raw articles as documents. Each FILE is either the archive format (' date YYYY-MM-DD' then "
        "the body, as in the seed) or plain UTF-8 text with --date. The language is detected from the "
        "script (Greek → el, Hangul → ko, Cyrillic → ru, Arabic → ar, Latin → en) unless --language is "
        "given. Re-importing the same text finds the existing document instead of duplicating it. With "
        "--extract, candidate claims (quotations, attributed statements, numbers with their hedges, dates) "
        "are proposed as DRAFT claims for curators to review (see docs/extraction.md). Every run is "
        "recorded as an import run. Bad input (missing, empty, binary or non-UTF-8 file, no date, unknown "
        "language, unknown publisher) stops the run with nothing written."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="Raw article files (UTF-8 text).")
        parser.add_argument("--publisher", metavar="KEY", help="Key of the actor that published the article(s).")
        parser.add_argument("--language", metavar="CODE", help="BCP 47 language of the text (e.g. el, ko); default: detected.")
        parser.add_argument("--url", help="URL of the article (one FILE only).")
        parser.add_argument("--title", help="Title (one FILE only); default: the first sentence.")
        parser.add_argument("--date", metavar="YYYY-MM-DD", help="Publication date, for files without a date header.")
        parser.add_argument(
            "--kind", default=DocumentKind.NEWS_ARTICLE, choices=DocumentKind.values, help="Document kind (default news_article)."
        )
        parser.add_argument("--extract", action="store_true", help="Propose draft candidate claims from the text.")
        parser.add_argument(
            "--no-rereports", action="store_true",
            help="With --extract: do not look for existing claims that a candidate re-reports (by default such a "
                 "draft is linked to the claim by a suggested 'repeats' relation giving the reason).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would be imported; write nothing.")

    def handle(self, *args, files, publisher=None, language=None, url=None, title=None, date=None, kind=None,
               extract=False, dry_run=False, no_rereports=False, **options):
        published_on = _parse_date(date)
        language = _check_language(language)
        if (url or title) and len(files) > 1:
            raise CommandError("--url and --title describe one article: give a single FILE with them")
        if url:
            try:
                URLValidator()(url)
            except ValidationError:
                raise CommandError(f"--url {url!r} is not a valid URL") from None
        publisher_actor = None
        if publisher:
            publisher_actor = Actor.objects.filter(key=publisher).first()
            if publisher_actor is None:
                raise CommandError(f"--publisher {publisher!r}: no actor has this key")
        try:
            articles = [article_file_read(Path(name), published_on=published_on, language=language) for name in files]
        except ArticleFormatError as exc:
            raise CommandError(str(exc)) from None

        try:
            with transaction.atomic():
                run = ImportRun.objects.create(
                    command="import_article", operator=getpass.getuser(),
                    files=[{"name": article.name, "sha256": article.sha256} for article in articles],
                )
                counts = {"documents": {"created": 0, "unchanged": 0}, "candidates": {"created": 0, "skipped": 0}}
                index = ActorIndex.from_database() if extract else None
                for article in articles:
                    try:
                        document, created = article_document_save(
                            article=article, run=run, publisher=publisher_actor, url=url or "", title=title or "",
                            kind=kind,
                        )
                    except ArticleFormatError as exc:
                        raise CommandError(str(exc)) from None
                    counts["documents"]["created" if created else "unchanged"] += 1
                    line = f"{article.name}: document {document.key} ({'created' if created else 'unchanged'}, {document.language})"
                    if extract:
                        if document.appearances.exists():
                            counts["candidates"]["skipped"] += 1
                            line += "; already has claims, extraction skipped"
                        else:
                            candidates = extract_candidates(document=document, actors=index)
                            if not no_rereports:
                                candidates_match(candidates=candidates, exclude_document=document)
                            saved = candidates_save(document=document, candidates=candidates, run=run)
                            counts["candidates"]["created"] += saved["claims"]
                            line += f"; {saved['claims']} draft claims, {saved['estimates']} estimates"
                            if saved["joint_claimants"]:
                                line += f", {saved['joint_claimants']} joint claimants"
                            if saved["proposed_actors"]:
                                line += f", {saved['proposed_actors']} proposed actors to confirm"
                            if saved["rereports"]:
                                line += f", {saved['rereports']} re-reports of existing claims"
                    self.stdout.write(line)
                run.created = counts["documents"]["created"] + counts["candidates"]["created"]
                run.unchanged = counts["documents"]["unchanged"]
                run.counts = counts
                run.finished_at = timezone.now()
                run.save()
                if dry_run:
                    raise _DryRun
        except _DryRun:
            self.stdout.write("dry run: nothing was written")
            return
        self.stdout.write(
            f"import run #{run.pk}: {counts['documents']['created']} documents created, "
            f"{counts['documents']['unchanged']} unchanged, {counts['candidates']['created']} draft claims"
        )


def _parse_date(text):
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date {text!r} is not a date in the form YYYY-MM-DD") from None


def _check_language(code):
    if code is None:
        return None
    try:
        validate_language(code)
        known = langcodes.Language.get(code).is_valid()
    except (ValidationError, ValueError):
        known = False
    if not known:
        raise CommandError(f"--language {code!r} is not a known BCP 47 language code (e.g. el, ko, en)")
    return code
