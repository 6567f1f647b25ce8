from django.core.management.base import BaseCommand, CommandError

from claims.analysis.provenance import provenance_verify
from sources.capture.verification import captures_verify


class Command(BaseCommand):
    help = (
        "Re-hash every document body and re-check every quote span against it. Reports each mismatch "
        "(document, claim, expected vs found), flags mismatching appearances for review, re-reads the archived "
        "response of every captured document (digests checked, text extracted again and compared with the body), "
        "and exits non-zero if anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-flag", action="store_true", help="Report only; do not mark appearances for review.")

    def handle(self, *args, no_flag=False, **options):
        documents, appearances, problems = provenance_verify(flag=not no_flag)
        captured, capture_problems = captures_verify()
        problems = [*problems, *capture_problems]
        for problem in problems:
            self.stderr.write(str(problem))
        self.stdout.write(f"re-read the archived response of {captured} captured documents")
        summary = f"checked {documents} documents and {appearances} quotes: {len(problems)} problem(s)"
        if problems:
            raise CommandError(summary)
        self.stdout.write(summary)
