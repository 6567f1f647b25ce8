"""The annotated example articles: loading them, creating their actors, and scoring extraction on them.

Shared by tests/claims/test_extraction.py and bench/extraction. Scores compare, per article,
the claimants (a set of actor keys), the numbers (a multiset of value + qualifier) and the dates (a set
of date + precision) of the candidates with the hand-written expectations.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
LANGUAGES = ("el", "en", "ko", "ru", "ar")


@dataclass
class Article:
    name: str
    language: str
    published_on: dt.date
    body: str
    expected: dict


def load_articles(folder: Path = HERE) -> list[Article]:
    """Every ``<lang>_<nn>.txt`` with its ``.yaml`` expectations, plus the seed article (language el)."""
    from sources.articles import parse_dated_article

    articles = []
    for text_path in sorted(folder.glob("*_*.txt")):
        expected = yaml.safe_load(text_path.with_suffix(".yaml").read_text(encoding="utf-8"))
        published_on, body = parse_dated_article(text_path.read_text(encoding="utf-8"))
        articles.append(Article(text_path.stem, text_path.stem.split("_")[0], published_on, body, expected))
    seed = yaml.safe_load((folder / "seed.yaml").read_text(encoding="utf-8"))
    published_on, body = parse_dated_article((REPO / seed["source"]).read_text(encoding="utf-8"))
    articles.append(Article("seed", "el", published_on, body, seed))
    return articles


def actors_create(path: Path = HERE / "actors.yaml") -> None:
    """Create the actors of actors.yaml with their aliases (in an empty database)."""
    from sources.models import Actor, ActorAlias

    for row in yaml.safe_load(path.read_text(encoding="utf-8")):
        actor = Actor.objects.create(key=row["key"], name=row["name"], kind=row["kind"], country=row.get("country", ""))
        for language, names in row.get("aliases", {}).items():
            for name in names:
                ActorAlias.objects.create(actor=actor, name=name, language=language)


def found_in(candidates) -> dict:
    """What the candidates say, in the shape of an expectations file."""
    claimants = {c.claimant.key for c in candidates if c.claimant.key != "unattributed"}
    numbers = Counter((c.quantity.number.normalize(), c.quantity.qualifier) for c in candidates if c.quantity)
    dates = {(c.stated_on, str(c.stated_on_precision)) for c in candidates if c.stated_on}
    dates |= {(c.as_of, str(c.as_of_precision)) for c in candidates if c.as_of and getattr(c, "as_of_written", True)}
    dates |= {(c.since, str(c.since_precision)) for c in candidates if getattr(c, "since", None)}
    return {"claimants": claimants, "numbers": numbers, "dates": dates}


def expected_in(expected: dict) -> dict:
    return {
        "claimants": set(expected.get("claimants") or []),
        "numbers": Counter((Decimal(str(n["value"])).normalize(), n["qualifier"]) for n in expected.get("numbers") or []),
        "dates": {(dt.date.fromisoformat(str(d["date"])), d["precision"]) for d in expected.get("dates") or []},
    }


@dataclass
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list = field(default_factory=list)

    def add(self, expected, found, label):
        if isinstance(expected, Counter):
            hit = sum((expected & found).values())
            self.false_positive += sum(found.values()) - hit
            self.false_negative += sum(expected.values()) - hit
            missing = expected - found
            extra = found - expected
        else:
            hit = len(expected & found)
            self.false_positive += len(found - expected)
            self.false_negative += len(expected - found)
            missing, extra = expected - found, found - expected
        self.true_positive += hit
        self.misses += [f"{label}: missed {m}" for m in missing] + [f"{label}: extra {e}" for e in extra]

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0


def score(articles, extract) -> dict:
    """{group: {"claimants"|"numbers"|"dates": Tally}} for ``extract(article) -> candidates``; groups are each
    language, "all", "tuned" (articles the rules were developed on) and "held-out" (``holdout: true``)."""
    tallies = {}
    for article in articles:
        expected = expected_in(article.expected)
        found = found_in(extract(article))
        groups = [article.language, "all", "held-out" if article.expected.get("holdout") else "tuned"]
        for group in groups:
            for aspect in ("claimants", "numbers", "dates"):
                tallies.setdefault(group, {}).setdefault(aspect, Tally()).add(
                    expected[aspect], found[aspect], article.name
                )
    return tallies


def extract_article(article: Article, actors=None):
    """Candidates of an article as an unsaved document (nothing is written)."""
    from claims.extraction.candidates import extract_candidates
    from sources.models import Document

    document = Document(key=article.name, language=article.language, published_on=article.published_on, body=article.body)
    return extract_candidates(document=document, actors=actors)
