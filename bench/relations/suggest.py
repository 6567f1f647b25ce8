#!/usr/bin/env python3
"""suggest_relations on one cumulative proposition: time at N and 10·N estimates (two claimants, one series each).

    python bench/relations/suggest.py [--estimates 2000] [--database-url URL]

A fresh SQLite file in a temporary folder unless --database-url is given (it must be an empty database: the
script migrates it and fills it). Each claimant states a rising series, and every tenth figure of the second
claimant falls below the first's earlier figures, so the cumulative rule has contradictions to find. Prints
the seconds relations_suggest took at each size and their ratio (linear growth: about 10).
"""

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--estimates", type=int, default=2000)
    parser.add_argument("--database-url")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="bench-relations-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factbase.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from claims.analysis.relations import relations_suggest
    from claims.models import Claim, ClaimRelation, Estimate, Proposition
    from sources.models import Actor

    results = []
    for size in (args.estimates, args.estimates * 10):
        ClaimRelation.objects.all().delete()
        Estimate.objects.all().delete()
        Claim.objects.all().delete()
        Proposition.objects.all().delete()
        Actor.objects.all().delete()
        first = Actor.objects.create(key="a", name="A", kind="government")
        second = Actor.objects.create(key="b", name="B", kind="government")
        toll = Proposition.objects.create(key="toll", title="Toll", kind="quantity", unit="people", cumulative=True)
        start = dt.date(2000, 1, 1)
        claims = Claim.objects.bulk_create(
            Claim(key=f"c-{n}", claimant=first if n % 2 == 0 else second, summary="s", stated_on=start + dt.timedelta(days=n))
            for n in range(size)
        )
        Estimate.objects.bulk_create(
            Estimate(claim=claim, proposition=toll, qualifier="exact", as_of=claim.stated_on,
                     value=Decimal(n // 2 if n % 20 != 1 else n // 4))
            for n, claim in enumerate(claims)
        )
        began = time.perf_counter()
        report = relations_suggest(proposition=toll)
        seconds = time.perf_counter() - began
        results.append(seconds)
        print(f"{size:>7} estimates: {seconds:8.2f} s  ({report.updates} updates, {report.contradicts} contradicts suggested)")
    print(f"ratio 10·N ÷ N: {results[1] / results[0]:.1f}")


if __name__ == "__main__":
    main()
