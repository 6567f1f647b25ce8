"""export_bundle OUT — write claims and what they refer to as a bundle that import_bundle reads back."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from claims.ingest.export import ExportError, bundle_export


class Command(BaseCommand):
    help = (
        "Export actors, documents, propositions and claims to OUT (.yaml, .yml, .json or .jsonl). "
        "The bundle round-trips with import_bundle. See docs/import-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", metavar="OUT", help="The file to write; its extension picks the format.")
        parser.add_argument("--since", help="Only claims (and other records) changed on or after this day, YYYY-MM-DD.")
        parser.add_argument("--proposition", metavar="KEY", help="Only claims with a stance or estimate on this proposition.")

    def handle(self, *args, out, since, proposition, **options):
        since_date = None
        if since:
            try:
                since_date = dt.date.fromisoformat(since)
            except ValueError:
                raise CommandError(f"--since: {since!r} is not a date of the form YYYY-MM-DD") from None
        try:
            report = bundle_export(out=out, since=since_date, proposition=proposition)
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        for line in report.lines():
            self.stdout.write(line)
