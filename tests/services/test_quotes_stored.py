"""Quotes found by the database in stored bodies (``quotes_find_stored``) agree with ``quote_locate`` and
``describe_mismatch``, character for character, in every script; an import locates the quotes of documents
it did not read the bodies of, and reads a body only for a quote the database could not settle."""

import io

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.ingest.bundle.lookups import References
from claims.models import Appearance
from claims.services.quotes import QuoteError, describe_mismatch, quote_locate, quotes_find_stored
from sources.models import Document
from tests.sources.factories import DocumentFactory

pytestmark = pytest.mark.django_db

BODIES = {
    "el": "Η υπηρεσία εκτιμά ότι περίπου 2.000 στρατιώτες έχουν σκοτωθεί. Ο Πούτιν χαρακτήρισε τις σχέσεις «ιδιαίτερες».",
    "ko": "국가정보원은 북한군 약 2000명이 사망했다고 밝혔다. 정보당국은 350명 안팎이라고 전했다.",
    "ar": "قال المتحدث إن نحو 2000 جندي قتلوا. وأضاف أن العدد قد يرتفع.",
    "en": "They said it twice: 350 died. Later: 350 died. Then “about 600” — officials' figure.",
}
QUOTES = [
    ("el", "περίπου 2.000 στρατιώτες"), ("el", "«ιδιαίτερες»"), ("ko", "약 2000명이"), ("ko", "350명 안팎"),
    ("ar", "نحو 2000 جندي"), ("en", "350 died"), ("en", "“about 600”"), ("en", "\"about 600\""),
    ("en", "officials' figure"), ("en", "not there at all"), ("en", "   "),
]


@pytest.fixture
def documents():
    return {language: DocumentFactory(key=f"doc-{language}", language=language, body=body)
            for language, body in BODIES.items()}


def python_start(body, quote):
    try:
        match = quote_locate(body=body, quote=quote)
    except QuoteError:
        return None
    return match.start if match.text == quote else None  # an exact match only; the rest is the caller's


def test_the_database_finds_exactly_the_quotes_python_finds_exactly(documents):
    items = [(documents[language].pk, quote, None, None) for language, quote in QUOTES]
    found = quotes_find_stored(items=items)
    for (language, quote), item in zip(QUOTES, items):
        assert found.get(item) == python_start(BODIES[language], quote), (language, quote)
    # What it settles: once-only exact quotes. Twice ("350 died"), typography ('"about 600"' for “about 600”,
    # an apostrophe), absence and an empty quote are left to quote_locate, which explains them.
    assert found[(documents["ko"].pk, "350명 안팎", None, None)] == BODIES["ko"].index("350명 안팎")
    assert (documents["en"].pk, "350 died", None, None) not in found
    assert (documents["en"].pk, '"about 600"', None, None) not in found


def test_given_spans_are_checked_as_describe_mismatch_checks_them(documents):
    body = BODIES["ar"]
    at = body.index("نحو 2000 جندي")
    spans = [(at, at + len("نحو 2000 جندي")), (at + 1, at + 1 + len("نحو 2000 جندي")), (-1, 3), (at, len(body) + 5),
             (5, 5)]
    items = [(documents["ar"].pk, "نحو 2000 جندي", start, end) for start, end in spans]
    found = quotes_find_stored(items=items)
    for item in items:
        exact = describe_mismatch(body, item[1], item[2], item[3]) is None
        assert (item in found) == exact, item
    assert found[items[0]] == at


def test_many_items_are_found_in_few_statements(documents):
    items = [(documents["el"].pk, BODIES["el"][i:i + 12], None, None) for i in range(0, 90)]
    with CaptureQueriesContext(connection) as queries:
        found = quotes_find_stored(items=items)
    assert len(queries) == 1
    expected = {item: python_start(BODIES["el"], item[1]) for item in items}
    assert found == {item: start for item, start in expected.items() if start is not None}
    assert len(found) > 50


def test_the_import_reads_stored_documents_without_their_bodies(documents, tmp_path):
    """A bundle whose appearances point at documents already stored: positions come from the database,
    a typographic difference and a wrong span still get quote_locate's and describe_mismatch's answers."""
    refs = References()
    refs.prefetch({Document: {"doc-en"}})
    assert "body" in refs.get(Document, "doc-en").get_deferred_fields()

    bundle = {"bundle": "stored-docs", "actors": [{"key": "agency", "name": "Agency", "kind": "government"}],
              "claims": [
                  {"key": "c-ko", "claimant": "agency", "summary": "About 350.",
                   "appearances": [{"document": "doc-ko", "quote": "350명 안팎"}]},
                  {"key": "c-en", "claimant": "agency", "summary": "About 600.",
                   "appearances": [{"document": "doc-en", "quote": '"about 600" — officials\' figure'}]},
              ]}
    path = tmp_path / "b.yaml"
    path.write_text(yaml.safe_dump(bundle, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = io.StringIO()
    call_command("import_bundle", str(path), stdout=out, stderr=io.StringIO())
    ko = Appearance.objects.get(claim__key="c-ko")
    assert (ko.start, ko.end) == (BODIES["ko"].index("350명 안팎"), BODIES["ko"].index("350명 안팎") + len("350명 안팎"))
    en = Appearance.objects.get(claim__key="c-en")
    assert BODIES["en"][en.start:en.end] == en.quote == "“about 600” — officials' figure"

    bundle["bundle"] = "stored-docs-2"
    bundle["claims"] = [{"key": "c-twice", "claimant": "agency", "summary": "350.",
                         "appearances": [{"document": "doc-en", "quote": "350 died"}]}]
    path.write_text(yaml.safe_dump(bundle, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CommandError, match="more than once|twice|occurs"):
        call_command("import_bundle", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    bundle["claims"] = [{"key": "c-span", "claimant": "agency", "summary": "350.",
                         "appearances": [{"document": "doc-en", "quote": "350 died", "start": 0, "end": 8}]}]
    path.write_text(yaml.safe_dump(bundle, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CommandError, match="differ from character 0"):
        call_command("import_bundle", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Appearance.objects.filter(claim__key__in=["c-twice", "c-span"]).exists()
