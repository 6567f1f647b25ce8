"""import_bundle PATH... — load bundles of actors, documents, propositions and claims (see docs/import-format.md)."""

from django.core.management.base import BaseCommand, CommandError

from claims.ingest.bundle import BundleError, Progress, bundle_import


class Command(BaseCommand):
    help = (
        "Import YAML, JSON or JSON Lines bundles (files, or folders searched recursively) in one transaction. "
        "Re-importing the same bundle changes nothing. See docs/import-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Bundle files (.yaml, .yml, .json, .jsonl) or folders.")
        parser.add_argument("--dry-run", action="store_true", help="Check everything and report counts, then roll back.")
        parser.add_argument("--operator", default="", help="Who is running the import (default: the OS account).")

    def handle(self, *args, paths, dry_run, operator, **options):
        # tqdm draws on the raw stream: OutputWrapper.write would end every redraw with a newline.
        progress = Progress(write=self.stdout.write, stream=getattr(self.stdout, "_out", None), tty=self.stdout.isatty())
        try:
            report = bundle_import(paths=paths, dry_run=dry_run, operator=operator, progress=progress)
        except BundleError as exc:
            raise CommandError(str(exc)) from None
        except KeyboardInterrupt:
            # The import is one transaction: leaving it rolled everything back.
            raise CommandError("interrupted: nothing was imported", returncode=130) from None
        for line in report.lines():
            self.stdout.write(line)
