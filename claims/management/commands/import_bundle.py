"""import_bundle PATH... — load bundles of actors, documents, propositions and claims (see docs/import-format.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import Error as DatabaseFailure

from claims.ingest.bundle import OURS, THEIRS, BundleError, ConflictError, Progress, bundle_import, database_contents


def failure_line(exc: BaseException) -> str:
    """One line naming why an import failed below the bundle's level (the database, the disk)."""
    first = next((line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return f"import failed, nothing was imported: {type(exc).__name__}: {first}"


class Command(BaseCommand):
    help = (
        "Import YAML, JSON or JSON Lines bundles (files, or folders searched recursively) in one transaction. "
        "An import merges: rows made elsewhere survive, a field changed here since the bundle's last import is "
        "a conflict (nothing written unless --theirs or --ours), removal only with --prune. "
        "See docs/import-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Bundle files (.yaml, .yml, .json, .jsonl) or folders.")
        parser.add_argument("--dry-run", action="store_true", help="Check everything and report counts, then roll back.")
        parser.add_argument("--operator", default="", help="Who is running the import (default: the OS account).")
        parser.add_argument("--user", default="", help=(
            "The user the import acts as (its permissions apply; history names it). "
            "Default: the factbase-import system user."))
        side = parser.add_mutually_exclusive_group()
        side.add_argument("--theirs", action="store_const", dest="choice", const=THEIRS,
                          help="On a conflict, take the bundle's value.")
        side.add_argument("--ours", action="store_const", dest="choice", const=OURS,
                          help="On a conflict, keep the database's value.")
        parser.add_argument("--if-empty", action="store_true", help=(
            "Import only into an empty database (no actors, documents, propositions or claims); otherwise say "
            "so and change nothing. python3 dev.py loads seeds/ this way."))
        parser.add_argument("--prune", action="store_true", help=(
            "Remove the rows this bundle brought and no longer lists (with --dry-run: list them). "
            "Relations a reviewer accepted or rejected are never removed."))

    def handle(self, *args, paths, dry_run, operator, user, choice, prune, if_empty, **options):
        if if_empty:
            held = database_contents()
            if held:
                self.stdout.write(
                    f"The database already holds {held}: {' '.join(paths)} not imported, so that what curators did "
                    f"stays as they left it. To merge the bundle into it: manage.py import_bundle {' '.join(paths)}")
                return
        # tqdm draws on the raw stream: OutputWrapper.write would end every redraw with a newline.
        progress = Progress(write=self.stdout.write, stream=getattr(self.stdout, "_out", None), tty=self.stdout.isatty())
        try:
            report = bundle_import(paths=paths, dry_run=dry_run, operator=operator, user=user, choice=choice or "",
                                   prune=prune, progress=progress)
        except ConflictError as exc:
            for conflict in exc.report.conflicts:
                self.stderr.write(conflict.line())
            raise CommandError(str(exc)) from None
        except BundleError as exc:
            raise CommandError(str(exc)) from None
        except DatabaseFailure as exc:
            # The connection dropped, the disk filled up...: the transaction is gone, and so is every write.
            raise CommandError(failure_line(exc)) from None
        except OSError as exc:
            raise CommandError(failure_line(exc)) from None
        except KeyboardInterrupt:
            # The import is one transaction: leaving it rolled everything back.
            raise CommandError("interrupted: nothing was imported", returncode=130) from None
        for line in report.lines():
            self.stdout.write(line)
