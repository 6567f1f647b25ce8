import json

from django.core.management.base import BaseCommand, CommandError

from claims.models import Claim, ClaimStatus, Verdict
from claims.review_markup import claim_review, review_path
from claims.shapes import CLAIM


class Command(BaseCommand):
    help = (
        "Write the assessed claims (verdict other than unassessed) as a schema.org DataFeed of ClaimReview "
        "JSON-LD — the same objects the API serves at /api/v1/claims/{id}/claimreview/. Published claims only, "
        "unless --include-unpublished."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="Output file (.json / .jsonld), or - for standard output.")
        parser.add_argument("--base-url", default="http://127.0.0.1:8000",
                            help="Public address of this factbase, used for each review's url.")
        parser.add_argument("--include-unpublished", action="store_true")

    def handle(self, *args, out, base_url, include_unpublished=False, **options):
        if not base_url.startswith(("http://", "https://")):
            raise CommandError(f"--base-url: {base_url!r} must start with http:// or https://")
        claims = Claim.objects.exclude(verdict=Verdict.UNASSESSED).order_by("id")
        if not include_unpublished:
            claims = claims.filter(status=ClaimStatus.PUBLISHED)
        api_root = f"{base_url.rstrip('/')}/api/v1/"
        reviews, last = [], 0
        while True:  # 500 claims a query
            rows = list(CLAIM.values(claims.filter(id__gt=last))[:500])
            if not rows:
                break
            reviews += [claim_review(claim, url=api_root + review_path(claim)) for claim in CLAIM.build(rows)]
            last = rows[-1]["id"]
        feed = {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": reviews,
        }
        text = json.dumps(feed, ensure_ascii=False, indent=2)
        if out == "-":
            self.stdout.write(text)
            return
        try:
            with open(out, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError as exc:
            raise CommandError(f"{out}: cannot be written ({exc.strerror})") from None
        self.stdout.write(f"wrote {len(feed['dataFeedElement'])} ClaimReview(s) to {out}")
