from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError

from claims.models import Proposition
from claims.analysis.relations import relations_suggest


class Command(BaseCommand):
    help = (
        "Suggest 'updates' links between successive estimates of one proposition by one claimant, and "
        "'contradicts' links between estimates of claims that share no claimant, when their valid times (the days "
        "their dates and precisions cover, or their periods) overlap and their values cannot both hold, or when "
        "the proposition is cumulative and a later figure is below an earlier one (North Korea's ~350 by August "
        "2025 against NIS's >=600 by April 2025). Two claims already linked, in either direction, are never "
        "suggested again. Suggestions await a reviewer in the admin. The rule is in claims/analysis/relations.py "
        "and docs/data-model.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--proposition", metavar="KEY", help="Only this proposition (by key).")
        parser.add_argument("--window-days", type=int, default=0,
                            help="Treat valid times this many days apart as overlapping (default 0).")
        parser.add_argument("--tolerance", default="0.25",
                            help="Relative spread allowed around an 'approximately' value (default 0.25).")

    def handle(self, *args, proposition=None, window_days=0, tolerance="0.25", **options):
        target = None
        if proposition is not None:
            target = Proposition.objects.filter(key=proposition).first()
            if target is None:
                raise CommandError(f"--proposition: no proposition with key {proposition!r}")
        if window_days < 0:
            raise CommandError("--window-days must not be negative")
        try:
            tolerance_value = Decimal(tolerance)
        except InvalidOperation:
            raise CommandError(f"--tolerance: {tolerance!r} is not a number") from None
        if not (0 <= tolerance_value < 1):
            raise CommandError("--tolerance must be at least 0 and below 1")
        report = relations_suggest(proposition=target, window_days=window_days, tolerance=tolerance_value)
        self.stdout.write(
            f"examined {report.examined} estimates: suggested {report.updates} 'updates' and "
            f"{report.contradicts} 'contradicts' relation(s)"
        )
