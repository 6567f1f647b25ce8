"""The real-text corpus: loading its tuning half and its frozen held-out sets, checking the frozen sets, creating its actors,
extracting from each excerpt without saving, and scoring (see README.md for the annotation rules).

Shared by bench/extraction and tests/claims/test_extraction.py.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LANGUAGES = ("el", "en", "ko", "ar", "ru")
HALVES = ("tuning", "heldout", "heldout2", "heldout3")
# The frozen sets: heldout/ (round 1), heldout2/ (round 2, added because round 2 read round 1's held-out
# misses to diagnose; frozen before any rule of round 2 changed) and heldout3/ (25 articles on new stories,
# frozen before any rule of round 6 changed). All are listed in the one manifest.
FROZEN = ("heldout", "heldout2", "heldout3")
ASPECTS = ("numbers", "qualifier", "claimant", "hops", "as_of")
ASPECT_TITLES = {
    "numbers": "numbers", "qualifier": "+qualifier", "claimant": "+claimant", "hops": "hops", "as_of": "as-of date",
}
MANIFEST = HERE / "heldout" / "MANIFEST.sha256"


class ManifestMismatch(Exception):
    """A frozen held-out set (or the actor registry) is not what was frozen."""


@dataclass
class RealArticle:
    id: str
    language: str
    half: str
    published_on: dt.date
    headline: str
    paragraphs: list[str]
    publisher: dict
    figures: list[dict]
    url: str = ""

    @property
    def body(self) -> str:
        parts = ([self.headline] if self.headline else []) + list(self.paragraphs)
        return "\n\n".join(parts)


def verify_manifest() -> None:
    """Raise ManifestMismatch unless every file listed in heldout/MANIFEST.sha256 has its recorded hash
    and no file of a frozen set (its articles and its ``actors.yaml``) is missing from it."""
    listed = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(None, 1)
        listed[name.strip()] = digest
    problems = []
    for name, digest in listed.items():
        path = HERE / name
        if not path.exists():
            problems.append(f"{name} is missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"{name} changed since it was frozen")
    for folder in FROZEN:
        for path in sorted((HERE / folder).glob("*.yaml")):
            if f"{folder}/{path.name}" not in listed:
                problems.append(f"{folder}/{path.name} is not in the manifest")
    if problems:
        raise ManifestMismatch("; ".join(problems))


# libyaml's parser where PyYAML was built with it (its wheels are): the same documents, read about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 — a safe loader


def load_half(half: str) -> list[RealArticle]:
    articles = []
    for path in sorted((HERE / half).glob("*.yaml")):
        if path.name == "actors.yaml":
            continue
        row = _load(path)
        articles.append(RealArticle(
            id=row["id"], language=row["language"], half=half,
            published_on=dt.date.fromisoformat(str(row["published_on"])), headline=row.get("headline") or "",
            paragraphs=row["paragraphs"], publisher=row["publisher"], figures=row["figures"], url=row.get("url", ""),
        ))
    return articles


def load_articles() -> list[RealArticle]:
    verify_manifest()
    return [article for half in HALVES for article in load_half(half)]


def registry_rows() -> list[dict]:
    """The registry: actors.yaml, then the actors each later set adds (``<set>/actors.yaml``)."""
    rows = _load(HERE / "actors.yaml")
    for half in HALVES:
        extra = HERE / half / "actors.yaml"
        if extra.exists():
            rows += _load(extra)
    return rows


def actors_create(articles: list[RealArticle]) -> set[str]:
    """Create the registry's actors (aliases, descriptors) and every article's publisher; returns the keys."""
    from sources.models import Actor, ActorAlias

    keys = set()
    rows = registry_rows()
    # A row without a name adds names to an actor another row defines, perhaps in a set loaded after it (batch M's
    # Greek name of the Myanmar junta, held by heldout2/actors.yaml): defining rows first.
    for row in [r for r in rows if "name" in r] + [r for r in rows if "name" not in r]:
        if row["key"] in keys:
            # A later set's row for an actor already held adds names to it (a curator's aliases in another
            # language): ``{key: ..., aliases: ..., descriptors: ...}``.
            actor = Actor.objects.get(key=row["key"])
        else:
            actor = Actor.objects.create(key=row["key"], name=row["name"], kind=row["kind"], country=row.get("country", ""))
        keys.add(actor.key)
        for language, names in (row.get("aliases") or {}).items():
            for name in names:
                ActorAlias.objects.get_or_create(actor=actor, name=name, language=language)
        _descriptors_create(actor, row.get("descriptors") or {})
    for article in articles:
        publisher = article.publisher
        if publisher["key"] not in keys:
            Actor.objects.create(key=publisher["key"], name=publisher["name"], kind=publisher["kind"])
            keys.add(publisher["key"])
    return keys


def _descriptors_create(actor, descriptors: dict) -> None:
    from sources.models import ActorAlias, AliasKind

    for language, phrases in descriptors.items():
        for phrase in phrases:
            ActorAlias.objects.get_or_create(actor=actor, name=phrase, language=language, kind=AliasKind.DESCRIPTOR)


def extract(article: RealArticle, index):
    """The candidates extraction proposes for an article, as an unsaved document (nothing is written)."""
    from claims.extraction.candidates import extract_candidates
    from sources.models import Actor, Document

    document = Document(
        key=article.id, language=article.language, published_on=article.published_on, body=article.body,
        publisher=Actor.objects.get(key=article.publisher["key"]),
    )
    return extract_candidates(document=document, actors=index)


# --- Scoring ---------------------------------------------------------------------------------------

def _fold(text: str) -> str:
    from factbase.text import normalize_for_search

    return " ".join(normalize_for_search(text).replace("-", " ").split())


def _ref_matches(expected: str, key: str, name: str, registry: set[str]) -> bool:
    """An annotated actor (a key, or ``~Name`` for a speaker extraction must propose) against a found one."""
    if not expected.startswith("~"):
        return key == expected
    if key in registry:
        return False
    wanted, found = _fold(expected[1:]), _fold(name)
    return bool(found) and (wanted in found or found in wanted)


def _number(value) -> Decimal:
    return Decimal(str(value)).normalize()


def _as_of(text: str) -> tuple[dt.date, str]:
    date, precision = str(text).split("/")
    return dt.date.fromisoformat(date), precision


def _steps(candidate) -> list[list]:
    """A candidate's relay chain as ordered steps of actor refs (one actor a step before parallel relays)."""
    hops = getattr(candidate, "hops", None)
    if hops is not None:
        return [list(step) for step in hops]
    return [[relay] for relay in candidate.relays]


@dataclass
class Tally:
    right: int = 0
    found: int = 0
    expected: int = 0
    misses: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    def add(self, other: "Tally") -> None:
        self.right += other.right
        self.found += other.found
        self.expected += other.expected
        self.misses += other.misses


def _match(expected: list, found: list, same, label: str) -> Tally:
    """Greedy multiset matching of ``expected`` against ``found`` items with the predicate ``same``."""
    tally = Tally(found=len(found), expected=len(expected))
    unused = list(found)
    for item in expected:
        hit = next((f for f in unused if same(item, f)), None)
        if hit is None:
            tally.misses.append(f"{label}: missed {item[0]}")
            continue
        unused.remove(hit)
        tally.right += 1
    tally.misses += [f"{label}: extra {f[0]}" for f in unused]
    return tally


def score_article(article: RealArticle, candidates, registry: set[str]) -> dict[str, Tally]:
    estimates = [c for c in candidates if c.quantity is not None]
    figures = article.figures
    label = article.id

    def show(*parts):
        return " ".join(str(p) for p in parts)

    expected_numbers = [(show(_number(f["value"])), _number(f["value"])) for f in figures]
    found_numbers = [(show(c.quantity.wording), c.quantity.number.normalize()) for c in estimates]
    tallies = {"numbers": _match(expected_numbers, found_numbers, lambda e, f: e[1] == f[1], f"{label} numbers")}

    expected_q = [(show(_number(f["value"]), f["qualifier"]), _number(f["value"]), f["qualifier"]) for f in figures]
    found_q = [(show(c.quantity.wording, c.quantity.qualifier), c.quantity.number.normalize(), c.quantity.qualifier)
               for c in estimates]
    tallies["qualifier"] = _match(expected_q, found_q, lambda e, f: e[1:] == f[1:], f"{label} qualifier")

    expected_c = [(show(_number(f["value"]), f["claimant"]), _number(f["value"]), f["claimant"]) for f in figures]
    found_c = [(show(c.quantity.wording, c.claimant.key, f"({c.claimant.name})"), c.quantity.number.normalize(), c.claimant)
               for c in estimates]
    tallies["claimant"] = _match(
        expected_c, found_c, lambda e, f: e[1] == f[1] and _ref_matches(e[2], f[2].key, f[2].name, registry),
        f"{label} claimant",
    )

    expected_h = [
        (show(_number(f["value"]), f"step {step}", actor), _number(f["value"]), step, actor)
        for f in figures for step, actors in enumerate(f.get("hops") or [], start=1) for actor in actors
    ]
    found_h = [
        (show(c.quantity.wording, f"step {step}", ref.key), c.quantity.number.normalize(), step, ref)
        for c in estimates for step, refs in enumerate(_steps(c), start=1) for ref in refs
    ]
    tallies["hops"] = _match(
        expected_h, found_h,
        lambda e, f: e[1:3] == f[1:3] and _ref_matches(e[3], f[3].key, f[3].name, registry), f"{label} hops",
    )

    expected_d = [(show(_number(f["value"]), f["as_of"]), _number(f["value"]), _as_of(f["as_of"])) for f in figures]
    found_d = []
    for c in estimates:
        when = (c.as_of, str(c.as_of_precision)) if c.as_of else (article.published_on, "day")
        found_d.append((show(c.quantity.wording, f"{when[0]}/{when[1]}"), c.quantity.number.normalize(), when))
    tallies["as_of"] = _match(expected_d, found_d, lambda e, f: e[1:] == f[1:], f"{label} as-of")
    return tallies


def score(articles: list[RealArticle], extract_fn, registry: set[str]) -> dict[tuple[str, str], dict[str, Tally]]:
    """{(half, language or "all"): {aspect: Tally}}."""
    tallies: dict[tuple[str, str], dict[str, Tally]] = {}
    for article in articles:
        per_article = score_article(article, extract_fn(article), registry)
        for group in ((article.half, article.language), (article.half, "all")):
            bucket = tallies.setdefault(group, {aspect: Tally() for aspect in ASPECTS})
            for aspect, tally in per_article.items():
                bucket[aspect].add(tally)
    return tallies
