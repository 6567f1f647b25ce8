import json

from django.core.management.base import BaseCommand, CommandError

from django.db.models import Prefetch

from claims.api.claimreview import claim_review
from claims.models import Appearance, Claim, ClaimStatus, Verdict


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
        claims = Claim.objects.exclude(verdict=Verdict.UNASSESSED).select_related("claimant").prefetch_related(
            Prefetch(
                "appearances",
                queryset=Appearance.objects.select_related("document__publisher").order_by("document__published_on", "id"),
            )
        ).order_by("id")
        if not include_unpublished:
            claims = claims.filter(status=ClaimStatus.PUBLISHED)
        base = base_url.rstrip("/")
        feed = {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [
                claim_review(claim, url=f"{base}/api/v1/claims/{claim.pk}/claimreview/") for claim in claims.iterator(chunk_size=500)
            ],
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
