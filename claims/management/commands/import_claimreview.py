import getpass
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError

from claims.ingest.claimreview import ClaimReviewError, claimreview_import, read_json_file
from claims.models import Verdict


class Command(BaseCommand):
    help = (
        "Import schema.org ClaimReview JSON-LD (a single object, a list, an @graph or a DataFeed) as draft "
        "claims with their appearance in the review and a verdict. The fact-checker's textual rating is kept "
        "as written; its normalised verdict comes from the table in claims/claimreview_import.py, which "
        "--rating-map overrides. Atomic: any error imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .json / .jsonld file.")
        parser.add_argument("--rating-map", metavar="FILE",
                            help="YAML or JSON mapping of textual ratings to verdicts, e.g. {'Four Pinocchios': false}.")
        parser.add_argument("--unmapped", choices=[v for v in Verdict.values],
                            help="Verdict for ratings missing from the table (default: refuse the file).")
        parser.add_argument("--language", default="en", help="Language of reviews without inLanguage (default en).")
        parser.add_argument("--dry-run", action="store_true", help="Check and count, then roll back.")

    def handle(self, *args, file, rating_map=None, unmapped=None, language="en", dry_run=False, **options):
        try:
            data, digest = read_json_file(file)
            table = self._rating_map(rating_map) if rating_map else None
            report = claimreview_import(
                data=data, file_name=Path(file).name, file_sha256=digest, rating_table=table, unmapped=unmapped,
                language=language, operator=getpass.getuser(), dry_run=dry_run,
            )
        except ClaimReviewError as exc:
            raise CommandError(str(exc)) from None
        prefix = "dry run: would import" if dry_run else "imported"
        self.stdout.write(
            f"{prefix} {report.reviews} review(s): {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged" + ("" if dry_run else f" (import run #{report.run.pk})")
        )

    @staticmethod
    def _rating_map(path):
        try:
            loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"--rating-map: {path}: no such file") from None
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise CommandError(f"--rating-map: {path}: not a YAML/JSON mapping ({exc.__class__.__name__})") from None
        if not isinstance(loaded, dict):
            raise CommandError(f"--rating-map: {path}: expected a mapping of rating → verdict")
        table = {}
        for rating, verdict in loaded.items():
            verdict = str(verdict).lower() if isinstance(verdict, (str, bool)) else verdict
            if verdict not in Verdict.values:
                raise CommandError(
                    f"--rating-map: {path}: {rating!r} maps to {verdict!r}, which is not one of {', '.join(Verdict.values)}"
                )
            table[str(rating)] = verdict
        return table
