"""manage.py capture_url URL... — capture pages from their address as documents (sources.capture)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims.extraction.candidates import ActorIndex, candidates_save, extract_candidates
from claims.extraction.matching import candidates_match
from sources.capture.jobs import ADDRESS_VALIDATOR, capture_job_run, capture_job_submit, queue_configured
from sources.capture.models import CaptureJob, CaptureState
from sources.models import Actor, DocumentKind

MAX_ADDRESSES = 1000


class Command(BaseCommand):
    help = (
        "Capture pages from their address: fetch each page (public addresses only unless "
        "CAPTURE_ALLOW_PRIVATE_ADDRESSES=1; redirects followed and recorded; size and time limits; HTML, plain "
        "text or PDF), archive the HTTP exchange as WARC, extract the main text and metadata, and create the "
        "document — or a new version of it when the page changed; an unchanged page changes nothing. Each "
        "address is one capture job, recorded and shown in the admin. Runs in the foreground (one attempt per "
        "address) unless --queue hands the jobs to the workers (retries with back-off; needs CELERY_BROKER_URL "
        "and a running capture_worker). --extract proposes draft claims from each captured text, as "
        "import_article --extract does. Exits non-zero if any capture failed, naming the address and why."
    )

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="+", metavar="URL", help="http:// or https:// addresses of the pages.")
        parser.add_argument("--queue", action="store_true", help="Queue the captures for the workers instead of running them here.")
        parser.add_argument("--extract", action="store_true", help="Propose draft candidate claims from each captured text (foreground only).")
        parser.add_argument("--no-rereports", action="store_true",
                            help="With --extract: do not link candidates to existing claims they re-report (as import_article).")
        parser.add_argument("--date", metavar="YYYY-MM-DD", help="Publication date for pages that give none.")
        parser.add_argument("--kind", default=DocumentKind.NEWS_ARTICLE, choices=DocumentKind.values,
                            help="Kind of new documents (default news_article).")
        parser.add_argument("--publisher", metavar="KEY", help="Key of the actor that published the page(s).")
        parser.add_argument("--replace-body", action="store_true",
                            help="Replace the body of a document with this address that was typed, imported or edited by hand.")

    def handle(self, *args, urls, queue=False, extract=False, date=None, kind=None, publisher=None,
               replace_body=False, no_rereports=False, **options):
        if queue and extract:
            raise CommandError("--extract runs in the foreground: leave out --queue to capture and extract here")
        if queue and not queue_configured():
            raise CommandError("--queue needs a job queue: set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/5) and "
                               "run manage.py capture_worker (docs/operations.md)")
        if len(urls) > MAX_ADDRESSES:
            raise CommandError(f"{len(urls)} addresses: give at most {MAX_ADDRESSES} at a time")
        urls = [url.strip() for url in urls]
        for url in urls:
            try:
                ADDRESS_VALIDATOR(url)
            except ValidationError:
                raise CommandError(f"{url!r} is not an http:// or https:// address") from None
        published_on = _parse_date(date)
        publisher_actor = None
        if publisher:
            publisher_actor = Actor.objects.filter(key=publisher).first()
            if publisher_actor is None:
                raise CommandError(f"--publisher {publisher!r}: no actor has this key")

        failed = 0
        index = ActorIndex.from_database() if extract else None
        for url in urls:
            job = capture_job_submit(url=url, kind=kind, publisher=publisher_actor, published_on=published_on,
                                     replace_body=replace_body, queue=queue, dispatch=queue)
            if queue:
                self.stdout.write(f"capture job #{job.pk} queued: {url}")
                continue
            capture_job_run(job_id=job.pk, retry=False)
            job = CaptureJob.objects.select_related("document").get(pk=job.pk)
            if job.state != CaptureState.DONE:
                failed += 1
                self.stderr.write(f"capture job #{job.pk} failed: {job.error}")
                continue
            document = job.document
            line = (f"capture job #{job.pk}: document {document.key} {job.outcome} ({document.language}, "
                    f"{len(document.body):,} characters; archive {job.warc_archive})")
            for note in job.notes:
                line += f"; {note}"
            if extract:
                line += "; " + _extract(document=document, index=index, run=job.import_run, rereports=not no_rereports)
            self.stdout.write(line)
        if queue:
            self.stdout.write(f"{len(urls)} capture job(s) queued; their state is in the admin (Capture jobs)")
            return
        if failed:
            raise CommandError(f"{failed} of {len(urls)} capture(s) failed")


def _extract(*, document, index, run, rereports: bool) -> str:
    """What ``import_article --extract`` does with a document, with the same functions."""
    if document.appearances.exists():
        return "already has claims, extraction skipped"
    with transaction.atomic():
        candidates = extract_candidates(document=document, actors=index)
        if rereports:
            candidates_match(candidates=candidates, exclude_document=document)
        saved = candidates_save(document=document, candidates=candidates, run=run)
    line = f"{saved['claims']} draft claims, {saved['estimates']} estimates"
    if saved.get("proposed_actors"):
        line += f", {saved['proposed_actors']} proposed actors to confirm"
    if saved.get("rereports"):
        line += f", {saved['rereports']} re-reports of existing claims"
    return line


def _parse_date(text):
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date {text!r} is not a date in the form YYYY-MM-DD") from None
