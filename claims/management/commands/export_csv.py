"""export_csv claims|estimates OUT — the API's CSV lists, written to a file by an operator."""

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError

from claims.selectors import estimate_queryset, visible_claims
from claims.shapes import CLAIM, ESTIMATE
from factbase.tabular import csv_lines


class _Staff:
    """Sees every claim, whatever its status (for --include-unpublished)."""

    is_staff = True
    is_superuser = True
    is_authenticated = True


RESOURCES = {
    "claims": (CLAIM, visible_claims),
    "estimates": (ESTIMATE, estimate_queryset),
}


class Command(BaseCommand):
    help = (
        "Write the claims or the estimates as CSV, with the same columns as the API's ?format=csv "
        "(documented in docs/api.md). Streams in batches, so memory does not grow with the table. Published "
        "claims only unless --include-unpublished."
    )

    def add_arguments(self, parser):
        parser.add_argument("resource", choices=sorted(RESOURCES), help="What to export.")
        parser.add_argument("out", help="Output .csv file, or - for standard output.")
        parser.add_argument("--include-unpublished", action="store_true",
                            help="Also drafts, claims in review and retracted ones (and their estimates).")

    def handle(self, *args, resource, out, include_unpublished=False, **options):
        shape, selector = RESOURCES[resource]
        user = _Staff() if include_unpublished else AnonymousUser()
        lines = csv_lines(selector(user=user), shape)
        rows = 0
        try:
            handle = self.stdout._out if out == "-" else open(out, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise CommandError(f"{out}: cannot be written ({exc.strerror})") from None
        try:
            for line in lines:
                rows += 1
                handle.write(line)
        finally:
            if out != "-":
                handle.close()
        if out != "-":
            self.stdout.write(f"wrote {max(rows - 1, 0)} {resource} row(s) to {out}")
