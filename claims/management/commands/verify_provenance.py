from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims.analysis.provenance import documents_seal, provenance_verify
from sources.capture.verification import captures_verify
from sources.models import sha256_text


class Command(BaseCommand):
    help = (
        "Re-hash every document body and check it against the hash stored beside it and against its latest "
        "keyed seal (which editing the document cannot rewrite); re-check every quote span; re-read the archived "
        "response of every captured document (digests checked, text extracted again and compared with the body). "
        "Reports each mismatch (document, claim, expected vs found), flags mismatching appearances for review, "
        "and exits non-zero if anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-flag", action="store_true", help="Report only; do not mark appearances for review.")
        parser.add_argument(
            "--reseal", action="store_true",
            help="Seal again, under the current SECRET_KEY, the bodies whose latest seal verified only with a key "
                 "of SECRET_KEY_FALLBACKS (after a key rotation).",
        )
        parser.add_argument(
            "--seal-unsealed", action="store_true",
            help="Seal the current bodies of documents that have no seal at all. Only after checking those bodies "
                 "against their sources: this records them as right.",
        )

    def handle(self, *args, no_flag=False, reseal=False, seal_unsealed=False, **options):
        verification = provenance_verify(flag=not no_flag)
        with transaction.atomic():
            if reseal and verification.old_key:
                count = documents_seal(verification.old_key)
                self.stdout.write(f"sealed {count} document bod{'y' if count == 1 else 'ies'} again under the current key")
            sealed = set()
            if seal_unsealed:
                # Never a body that disagrees with its own stored hash: that one stays a problem.
                sealable = [d for d in verification.unsealed if sha256_text(d.body) == d.body_sha256]
                count = documents_seal(sealable)
                sealed = {document.key for document in sealable}
                self.stdout.write(f"sealed {count} unsealed document bod{'y' if count == 1 else 'ies'}")
        problems = [p for p in verification.problems if not (p.kind == "unsealed" and p.document in sealed)]
        captured, capture_problems = captures_verify()
        problems = [*problems, *capture_problems]
        for problem in problems:
            self.stderr.write(str(problem))
        self.stdout.write(f"re-read the archived response of {captured} captured documents")
        if verification.old_key and not reseal:
            self.stdout.write(
                f"{len(verification.old_key)} document(s) are sealed under an old key (SECRET_KEY_FALLBACKS): "
                "run verify_provenance --reseal before removing that key"
            )
        summary = (
            f"checked {verification.documents} documents and {verification.appearances} quotes: "
            f"{len(problems)} problem(s)"
        )
        if problems:
            raise CommandError(summary)
        self.stdout.write(summary)
