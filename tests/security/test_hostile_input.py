"""Hostile input: the readers and the importer end in a result or a clear error — never another exception.

* Property-based tests (hypothesis) of the number reader (``claims.extraction.numbers.read_quantity``), the
  relative-date reader (``claims.extraction.dates``) and dates with precision (``factbase.dates``).
* ``import_bundle`` on random bytes and on randomly mutated valid bundles: success, or a ``CommandError``
  that leaves the database byte-for-byte as it was (an ``export_bundle`` dump, row counts and history
  counts compared before and after).
* Named attacks: deeply nested YAML/JSON, ``!!python/object`` tags, alias bombs, invalid UTF-8, NUL
  bytes, huge fields, and SQL and HTML in every text field — stored verbatim, escaped in the admin
  change pages, the document page and the browsable API.
"""

import copy
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
import yaml
from babel.numbers import format_decimal
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claims.models import Appearance, Claim, Estimate, Proposition
from claims.extraction.numbers import read_quantity
from claims.extraction.dates import find_dates, resolve_relative_date
from factbase import dates
from factbase.choices import DatePrecision
from sources.models import Actor, ActorAlias, Document
from tests.security.conftest import client_for, dump_database

LANGUAGES = ["en", "el", "ru", "ko", "ar", "el-GR", "en-US", "xx", ""]
HEDGES = {"en": "about", "el": "περίπου", "ru": "около", "ar": "نحو", "ko": "약"}
QUALIFIERS = {"exact", "approximately", "at_least", "at_most", "more_than", "fewer_than", "range"}
HYPOTHESIS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                             HealthCheck.too_slow])
# Each importer example exports the database twice to compare it: fewer examples keep CI fast.
IMPORTER_HYPOTHESIS = settings(HYPOTHESIS, max_examples=50)

# Text that looks like what the readers meet: digits, separators, hedges, month and weekday words, scripts.
FRAGMENTS = [
    "about", "περίπου", "около", "نحو", "약", "at least", "τουλάχιστον", "more than", "πάνω από", "более", "up to",
    "between", "and", "από", "έως", "от", "до", "million", "тыс.", "آلاف", "만", "천", "여명", "이상", "미만",
    "2.000", "2,000", "2 000", "2\u00a0000", "٢٠٠٠", "۲۰۰۰", "1e9", "0", "-5", "3.5", "12:30", "F-16", "3rd",
    "2025", "1900", "Wednesday", "την Τετάρτη", "last week", "this month", "지난주", "в среду", "الأسبوع الماضي",
    "September", "Σεπτεμβρίου", "сентября", "9월", "yesterday", "χθες", "вчера", "어제", "أمس", "–", "-", "—",
    "\u0000", "\u200f", "\ufeff", " ", "\n", "%", "$", "€", "(", ")", "«", "»",
]
hostile_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.integers(-10**12, 10**12).map(str), st.text(max_size=5)),
             max_size=25).map(" ".join),
)


# --- number reader ------------------------------------------------------------------------------------------

@HYPOTHESIS
@given(text=hostile_text, language=st.sampled_from(LANGUAGES))
def test_read_quantity_never_raises_and_every_wording_is_its_span(text, language):
    for quantity in read_quantity(text, language=language):
        assert text[quantity.start:quantity.end] == quantity.wording
        assert quantity.qualifier in QUALIFIERS
        assert quantity.number is not None
        if quantity.lower is not None and quantity.upper is not None:
            assert quantity.lower <= quantity.upper
        if quantity.value is not None and quantity.lower is not None:
            assert quantity.lower <= quantity.value
        if quantity.value is not None and quantity.upper is not None:
            assert quantity.value <= quantity.upper


@HYPOTHESIS
@given(number=st.integers(10, 10**9).filter(lambda n: not 1900 <= n <= 2100), language=st.sampled_from(sorted(HEDGES)))
def test_a_hedged_number_written_in_the_languages_own_style_reads_back(number, language):
    text = f"{HEDGES[language]} {format_decimal(number, locale=language)} soldiers"
    found = read_quantity(text, language=language)
    assert [(q.number, q.qualifier) for q in found] == [(Decimal(number), "approximately")], text


# --- dates with precision -------------------------------------------------------------------------------------

@HYPOTHESIS
@given(text=st.one_of(st.text(max_size=30), st.from_regex(r"\A-?\d{1,5}(-W?\d{1,3}(-\d{1,3})?)?\Z"),
                      st.integers(), st.none(), st.floats(), st.datetimes(), st.dates()))
def test_parse_date_with_precision_reads_or_raises_date_format_error(text):
    try:
        value, precision = dates.parse_date_with_precision(text)
    except dates.DateFormatError as error:
        assert str(error)
        return
    assert precision in DatePrecision.values
    assert dates.is_normalized(value, precision)


@HYPOTHESIS
@given(day=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 24)), precision=st.sampled_from(DatePrecision.values))
def test_dates_with_precision_round_trip_through_text(day, precision):
    start = dates.normalize(day, precision)
    assume(start.isocalendar()[0] >= 1 and start.year >= 1)
    end = dates.period_end(start, precision)
    assert start <= day <= end
    assert dates.normalize(end, precision) == start
    assert dates.parse_date_with_precision(dates.format_date_with_precision(start, precision)) == (start, precision)
    assert dates.describe(start, precision)


@HYPOTHESIS
@given(text=hostile_text, language=st.sampled_from(LANGUAGES),
       published_on=st.dates(dt.date(1, 2, 1), dt.date(9999, 11, 30)))
def test_relative_dates_resolve_or_give_none_and_never_raise(text, language, published_on):
    resolved = resolve_relative_date(text, language=language, published_on=published_on)
    if resolved is not None:
        assert resolved.precision in DatePrecision.values
        assert dates.is_normalized(resolved.value, resolved.precision)
    for mention in find_dates(text, language=language, published_on=published_on):
        assert text[mention.start:mention.end] == mention.wording
        assert dates.is_normalized(mention.value, mention.precision)


def test_an_unknown_language_gives_no_date_instead_of_an_error():
    """Found by the property test above: dateparser raised ValueError("Unknown language(s): 'xx'")."""
    assert resolve_relative_date("3 September", language="xx", published_on=dt.date(2025, 9, 4)) is None
    assert resolve_relative_date("yesterday", language="tlh", published_on=dt.date(2025, 9, 4)) is None


# --- import_bundle: random and mutated bundles --------------------------------------------------------------

BODY = "The NIS said on Wednesday that about 2,000 North Korean soldiers were killed. Nothing else."
BASE_BUNDLE = {
    "format": "factbase-bundle/1",
    "actors": [
        {"key": "h-nis", "name": "NIS", "kind": "intelligence_agency", "country": "KR",
         "aliases": [{"name": "국가정보원", "language": "ko"}]},
        {"key": "h-outlet", "name": "Outlet", "kind": "news_outlet", "country": "GR", "parent": "h-nis"},
    ],
    "documents": [
        {"key": "h-doc", "kind": "news_article", "title": "NIS figure", "publisher": "h-outlet", "language": "en",
         "published_on": "2025-09-04", "url": "https://example.org/h-doc", "body": BODY},
    ],
    "propositions": [
        {"key": "h-deaths", "title": "Deaths", "kind": "quantity", "measure": "deaths", "unit": "people",
         "subjects": ["h-nis"]},
    ],
    "claims": [
        {"key": "h-claim", "claimant": "h-nis", "kind": "estimate", "summary": "About 2,000 killed.",
         "stated_on": "2025-W36", "hedge": "estimated", "status": "published", "subjects": ["h-nis"],
         "appearances": [{"document": "h-doc", "quote": "about 2,000 North Korean soldiers were killed",
                          "hops": [{"actor": "h-outlet", "relation": "reported", "language": "en"}]}],
         "estimates": [{"proposition": "h-deaths", "value": 2000, "qualifier": "approximately", "as_of": "2025-W36",
                        "wording": "about 2,000"}],
         "relations": [{"kind": "repeats", "target": "h-claim-2"}]},
        {"key": "h-claim-2", "claimant": "h-outlet", "kind": "statement", "summary": "Nothing else.",
         "stated_on": "2025-09-04", "status": "draft",
         "appearances": [{"document": "h-doc", "quote": "Nothing else."}],
         "stances": [{"proposition": "h-deaths", "stance": "mentions"}]},
    ],
}


def _paths(value, prefix=()):
    """Every path (tuple of keys and indexes) inside ``value``, parents before children."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


ALL_PATHS = [path for path in _paths(BASE_BUNDLE) if path]
DELETE = object()
replacement = st.one_of(
    st.just(DELETE), st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
    st.text(max_size=40), st.sampled_from(["", " ", "h-nis", "h-doc", "h-claim", "h-deaths", "2025-13-45", "2025-W99",
                                           "'; DROP TABLE claims_claim; --", "<script>alert(1)</script>", "\u0000",
                                           "x" * 5000, "1e999999", "-1", "NaN", "published", "retracted"]),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _mutate(bundle, path, value):
    *parents, last = path
    target = bundle
    for step in parents:
        target = target[step]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value


def _import_expecting_success_or_clear_error(path, tmp_path, name):
    """Import ``path``; a refusal must be a CommandError and leave the database exactly as it was."""
    before = dump_database(tmp_path, f"{name}-before")
    try:
        call_command("import_bundle", str(path), stdout=io.StringIO())
    except CommandError as error:
        assert str(error).strip(), "a refusal must say what was wrong"
        assert dump_database(tmp_path, f"{name}-after") == before, f"a refused import changed the database: {error}"
        return str(error)
    return None


@pytest.fixture
def base_loaded(db, tmp_path):
    path = tmp_path / "base.json"
    path.write_text(json.dumps(BASE_BUNDLE), encoding="utf-8")
    call_command("import_bundle", str(path), stdout=io.StringIO())
    return path


@IMPORTER_HYPOTHESIS
@given(mutations=st.lists(st.tuples(st.sampled_from(ALL_PATHS), replacement), min_size=1, max_size=3),
       suffix=st.sampled_from([".json", ".yaml", ".jsonl"]))
def test_mutated_bundles_import_or_fail_cleanly_leaving_the_database_as_it_was(base_loaded, tmp_path, mutations, suffix):
    bundle = copy.deepcopy(BASE_BUNDLE)
    for path, value in mutations:
        try:
            _mutate(bundle, path, value)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier mutation removed or replaced the parent of this path
    out = tmp_path / f"mutated{suffix}"
    if suffix == ".json":
        out.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    elif suffix == ".yaml":
        out.write_text(yaml.safe_dump(bundle, allow_unicode=True), encoding="utf-8")
    else:
        lines = []
        for kind, singular in (("actors", "actor"), ("documents", "document"), ("propositions", "proposition"),
                               ("claims", "claim")):
            items = bundle.get(kind) if isinstance(bundle, dict) else None
            for item in items if isinstance(items, list) else [items]:
                lines.append(json.dumps({"type": singular, **item} if isinstance(item, dict) else item, ensure_ascii=False))
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _import_expecting_success_or_clear_error(out, tmp_path, "mutated")


@IMPORTER_HYPOTHESIS
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8"))),
       suffix=st.sampled_from([".json", ".yaml", ".yml", ".jsonl"]))
def test_random_bytes_import_or_fail_cleanly(base_loaded, tmp_path, data, suffix):
    out = tmp_path / f"random{suffix}"
    out.write_bytes(data)
    _import_expecting_success_or_clear_error(out, tmp_path, "random")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["format", "actors", "documents", "propositions", "claims", "key", "type", "name", "kind",
                         "body", "summary", "claimant", "appearances", "quote", "document"]), children, max_size=4),
    max_leaves=20,
)


@IMPORTER_HYPOTHESIS
@given(value=json_values, suffix=st.sampled_from([".json", ".yaml"]))
def test_random_structures_import_or_fail_cleanly(base_loaded, tmp_path, value, suffix):
    out = tmp_path / f"structure{suffix}"
    text = json.dumps(value) if suffix == ".json" else yaml.safe_dump(value)
    out.write_text(text, encoding="utf-8")
    _import_expecting_success_or_clear_error(out, tmp_path, "structure")


# --- named attacks on the importer ----------------------------------------------------------------------------

def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "content"), [
    ("deep.yaml", "actors: " + "[" * 50000 + "]" * 50000 + "\n"),
    ("deep-block.yaml", "actors:\n" + "".join("  " * i + "- \n" for i in range(1, 3000))),
    ("deep.json", '{"actors": ' + "[" * 50000 + "]" * 50000 + "}"),
    ("deep.jsonl", '{"type": "actor", "key": "a", "aliases": ' + "[" * 50000 + "]" * 50000 + "}\n"),
])
def test_deeply_nested_input_is_a_clear_error(base_loaded, tmp_path, name, content):
    message = _import_expecting_success_or_clear_error(_write(tmp_path, name, content), tmp_path, "deep")
    assert message and name in message


def test_yaml_tags_that_construct_objects_are_refused(base_loaded, tmp_path):
    marker = tmp_path / "pwned"
    content = (
        f"actors:\n  - !!python/object/apply:os.system ['touch {marker}']\n"
        "  - !!python/object/new:subprocess.Popen [['true']]\n"
        "  - key: !!python/name:os.system ''\n"
    )
    message = _import_expecting_success_or_clear_error(_write(tmp_path, "tags.yaml", content), tmp_path, "tags")
    assert message and "malformed YAML" in message
    assert not marker.exists()


def test_billion_laughs_aliases_are_refused_before_expanding(base_loaded, tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev = chr(ord("a") + level - 1)
        this = chr(ord("a") + level)
        lines.append(f"{this}: &{this} [{','.join(['*' + prev] * 9)}]")
    lines.append("actors: [*j]")
    message = _import_expecting_success_or_clear_error(_write(tmp_path, "laughs.yaml", "\n".join(lines) + "\n"),
                                                       tmp_path, "laughs")
    assert message and "aliases" in message


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".jsonl"])
def test_invalid_utf8_is_a_clear_error(base_loaded, tmp_path, suffix):
    content = json.dumps({"type": "actor", **BASE_BUNDLE["actors"][0]}) if suffix == ".jsonl" else json.dumps(BASE_BUNDLE)
    data = content.encode("utf-8").replace(b"NIS", b"N\xff\xfeS", 1)
    message = _import_expecting_success_or_clear_error(_write(tmp_path, f"latin{suffix}", data), tmp_path, "utf8")
    assert message and "UTF-8" in message


@pytest.mark.parametrize("field", ["name", "description", "key"])
def test_nul_bytes_in_text_are_refused_or_stored_verbatim(base_loaded, tmp_path, field):
    bundle = copy.deepcopy(BASE_BUNDLE)
    bundle["actors"][0][field] = "N\u0000IS"
    message = _import_expecting_success_or_clear_error(_write(tmp_path, "nul.json", json.dumps(bundle)), tmp_path, "nul")
    if message is None:
        assert Actor.objects.filter(**{field: "N\u0000IS"}).exists()
    else:
        assert field in message


def test_a_nul_byte_in_a_yaml_file_is_a_clear_error(base_loaded, tmp_path):
    message = _import_expecting_success_or_clear_error(
        _write(tmp_path, "nul.yaml", b"actors:\n  - key: a\x00b\n    name: x\n"), tmp_path, "nulyaml")
    assert message and "nul.yaml" in message


@pytest.mark.parametrize(("where", "value", "field"), [
    (("actors", 0, "key"), "k" * 10_000, "key"),
    (("actors", 0, "name"), "N" * 100_000, "name"),
    (("claims", 0, "estimates", 0, "value"), "9" * 5000, "value"),
    (("claims", 0, "estimates", 0, "value"), "1e999999", "value"),
    (("documents", 0, "url"), "https://example.org/" + "a" * 10_000, "url"),
])
def test_huge_fields_are_refused_naming_the_field(base_loaded, tmp_path, where, value, field):
    bundle = copy.deepcopy(BASE_BUNDLE)
    _mutate(bundle, where, value)
    message = _import_expecting_success_or_clear_error(_write(tmp_path, "huge.json", json.dumps(bundle)), tmp_path, "huge")
    assert message and field in message


def test_a_huge_document_body_and_summary_are_stored_whole(base_loaded, tmp_path):
    bundle = copy.deepcopy(BASE_BUNDLE)
    bundle["documents"][0]["body"] = BODY + " " + "Ω" * 3_000_000
    bundle["claims"][0]["summary"] = "S" * 200_000
    # The same file, grown: a bundle is known by its path, so this is a re-import of it (no conflict with itself).
    assert _import_expecting_success_or_clear_error(_write(tmp_path, "base.json", json.dumps(bundle)), tmp_path, "big") is None
    assert len(Document.objects.get(key="h-doc").body) == len(BODY) + 3_000_001
    assert len(Claim.objects.get(key="h-claim").summary) == 200_000


# --- SQL and HTML in every text field: stored verbatim, shown escaped -----------------------------------------

PAYLOAD = "x');DROP TABLE claims_claim;--<script>alert('fb')</script><img src=x onerror=alert(1)>&\"%s{{7*7}}"
ESCAPED = "&lt;script&gt;alert(&#x27;fb&#x27;)&lt;/script&gt;"
RAW = "<script>alert('fb')</script>"
SHORT = "');DROP TABLE x;--<script>alert('fb')</script>"  # for fields of at most 50 characters
TEXT_FIELDS = {
    ("actors", 0): ["name", "description", "reliability_rationale"],
    ("actors", 0, "aliases", 0): ["name"],
    ("documents", 0): ["title", "authors"],
    ("propositions", 0): ["title", "description", "measure", "status_rationale"],
    ("claims", 0): ["summary", "location", "rationale"],
    ("claims", 0, "estimates", 0): ["wording"],
    ("claims", 0, "appearances", 0): ["translation"],
}


@pytest.fixture
def poisoned(base_loaded, tmp_path):
    """The base bundle with the SQL/HTML payload in every free-text field (and in the document body, quoted)."""
    bundle = copy.deepcopy(BASE_BUNDLE)
    for where, names in TEXT_FIELDS.items():
        record = bundle
        for step in where:
            record = record[step]
        for name in names:
            record[name] = PAYLOAD
    bundle["propositions"][0]["unit"] = bundle["claims"][0]["estimates"][0]["unit"] = SHORT
    bundle["claims"][0]["appearances"][0]["translation_language"] = "el"
    bundle["documents"][0]["body"] = BODY + " " + PAYLOAD
    bundle["claims"][1]["appearances"][0]["quote"] = PAYLOAD
    # An estimate's wording must occur in one of its claim's quotes: the poisoned wording gets a quote of its own.
    bundle["claims"][0]["appearances"].append({"document": "h-doc", "quote": PAYLOAD})
    # The base bundle's own file, poisoned: a re-import of that bundle (a bundle is known by its path).
    assert _import_expecting_success_or_clear_error(_write(tmp_path, "base.json", json.dumps(bundle)), tmp_path, "p") is None
    return bundle


def test_sql_and_html_are_stored_verbatim_in_every_text_field(poisoned):
    actor = Actor.objects.get(key="h-nis")
    assert (actor.name, actor.description, actor.reliability_rationale) == (PAYLOAD,) * 3
    assert ActorAlias.objects.filter(actor=actor, name=PAYLOAD).exists()  # added beside the earlier alias (imports merge)
    document = Document.objects.get(key="h-doc")
    assert (document.title, document.authors) == (PAYLOAD,) * 2 and document.body.endswith(PAYLOAD)
    proposition = Proposition.objects.get(key="h-deaths")
    assert {proposition.title, proposition.description, proposition.measure, proposition.status_rationale} == {PAYLOAD}
    assert proposition.unit == SHORT
    claim = Claim.objects.get(key="h-claim")
    assert (claim.summary, claim.location, claim.rationale) == (PAYLOAD,) * 3
    estimate = Estimate.objects.get(claim=claim)
    assert (estimate.wording, estimate.unit) == (PAYLOAD, SHORT)
    assert Appearance.objects.filter(claim=claim, translation=PAYLOAD).count() == 1
    assert Appearance.objects.filter(claim__key="h-claim-2", quote=PAYLOAD).count() == 1  # beside the earlier one (imports merge)
    assert Claim.objects.count() == 2  # the DROP TABLE did nothing


@pytest.mark.parametrize("page", [
    ("admin:claims_claim_change", Claim, "h-claim"), ("admin:claims_claim_change", Claim, "h-claim-2"),
    ("admin:sources_document_change", Document, "h-doc"), ("admin:sources_actor_change", Actor, "h-nis"),
    ("admin:claims_proposition_change", Proposition, "h-deaths"), ("admin:claims_claim_changelist", None, None),
    ("admin:claims_appearance_changelist", None, None), ("admin:claims_estimate_changelist", None, None),
    ("admin:sources_actor_changelist", None, None), ("admin:claims_claim_review_queue", None, None),
], ids=lambda page: page[0].split(":")[1] + (f"-{page[2]}" if page[2] else ""))
def test_payload_is_escaped_in_admin_pages(poisoned, superuser, page):
    name, model, key = page
    args = [model.objects.get(key=key).pk] if model else []
    response = client_for(superuser).get(reverse(name, args=args))
    html = response.content.decode()
    assert response.status_code == 200
    assert RAW not in html and "<img src=x" not in html


def test_document_page_highlights_quotes_with_the_payload_escaped(poisoned, superuser):
    document = Document.objects.get(key="h-doc")
    html = client_for(superuser).get(reverse("admin:sources_document_change", args=[document.pk])).content.decode()
    assert RAW not in html
    assert f'<mark>{ESCAPED}' in html.replace("&lt;img", "") or ESCAPED in html
    assert "All 4 quotes match the body." in html


@pytest.mark.parametrize("path", [
    "/api/v1/claims/h-claim/?format=api", "/api/v1/claims/?format=api", "/api/v1/actors/h-nis/?format=api",
    "/api/v1/documents/h-doc/?format=api", "/api/v1/propositions/h-deaths/?format=api",
    "/api/v1/estimates/?format=api", "/api/v1/propositions/h-deaths/timeline/?format=api",
])
def test_payload_is_escaped_in_the_browsable_api(poisoned, api_client, path):
    response = api_client.get(path)
    html = response.content.decode()
    assert response.status_code == 200 and "text/html" in response["Content-Type"]
    assert RAW not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_payload_comes_back_verbatim_in_json_and_csv(poisoned, api_client):
    assert api_client.get("/api/v1/claims/h-claim/").json()["summary"] == PAYLOAD
    csv_text = b"".join(api_client.get("/api/v1/claims/?format=csv").streaming_content).decode()
    assert PAYLOAD.replace('"', '""') in csv_text


# --- hostile query strings on every API endpoint ------------------------------------------------------------

LIST_ENDPOINTS = [
    "/api/v1/actors/", "/api/v1/documents/", "/api/v1/claims/", "/api/v1/claims/claimreviews/", "/api/v1/appearances/",
    "/api/v1/propositions/", "/api/v1/estimates/",
]
MALFORMED_ORDERINGS = ["--id", "-", ",", "id,", ",id", "- id", "-id,-", "nope", "search_vector", "body", "claimant__key", "pk"]
#: Digits Python's str.isdigit() or int() accept that are not 0-9: superscript, Arabic-Indic, fullwidth, Devanagari.
FOREIGN_DIGITS = ["²", "١٢", "５", "४२"]


@pytest.mark.parametrize("ordering", MALFORMED_ORDERINGS)
@pytest.mark.parametrize("url", LIST_ENDPOINTS)
def test_a_malformed_ordering_is_a_400_naming_it_on_every_list(seeded, url, ordering):
    response = client_for(None).get(url, {"ordering": ordering})
    assert response.status_code == 400, (url, ordering, response.content[:200])
    assert "ordering" in response.json()["errors"]


@pytest.mark.parametrize("digits", FOREIGN_DIGITS)
@pytest.mark.parametrize("url, param", [
    ("/api/v1/claims/", "page_size"), ("/api/v1/actors/", "page"), ("/api/v1/claims/", "claimant_id"),
    ("/api/v1/claims/", "credibility"), ("/api/v1/estimates/", "value_min"), ("/api/v1/claims/", "stated_on_after"),
    ("/api/v1/documents/", "known_on"), ("/api/v1/claims/", "known_on"), ("/api/v1/appearances/", "claim_id"),
    ("/api/v1/claims/nis-nk-troops-russia-deaths-2025-09/", "known_on"),
    ("/api/v1/propositions/nk-troops-russia-deaths/timeline/", "known_on"),
])
def test_a_non_ascii_digit_in_a_number_or_date_is_a_400_naming_it(seeded, url, param, digits):
    value = digits if param not in {"stated_on_after", "known_on"} else f"{digits}25-01-01"
    response = client_for(None).get(url, {param: value})
    assert response.status_code == 400, (url, param, value, response.content[:200])
    assert param in response.json()["errors"]


@pytest.mark.parametrize("digits", FOREIGN_DIGITS)
@pytest.mark.parametrize("resource", ["claims", "actors", "documents", "propositions", "appearances", "estimates", "import-runs"])
def test_a_non_ascii_digit_in_an_id_is_a_400_naming_it(seeded, superuser, resource, digits):
    response = client_for(superuser).get(f"/api/v1/{resource}/{digits}/")
    assert response.status_code == 400, (resource, digits, response.status_code)
    assert "id_or_key" in response.json()["errors"]


@pytest.mark.parametrize("digits", FOREIGN_DIGITS)
def test_a_non_ascii_digit_in_a_cursor_is_a_400_naming_it(seeded, digits):
    import base64

    for tokens in (f"o={digits}", f"p={digits}", f"o=0&p=1{digits}"):
        cursor = base64.b64encode(tokens.encode()).decode()
        response = client_for(None).get("/api/v1/claims/", {"cursor": cursor})
        assert response.status_code == 400, tokens
        assert "cursor" in response.json()["errors"]
    response = client_for(None).get("/api/v1/claims/", {"cursor": digits})
    assert response.status_code == 400 and "cursor" in response.json()["errors"]


@pytest.mark.parametrize("url, param", [
    ("/api/v1/claims/", "q"), ("/api/v1/actors/", "q"), ("/api/v1/propositions/", "q"), ("/api/v1/documents/", "title"),
    ("/api/v1/documents/", "authors"), ("/api/v1/actors/", "name"),
])
@pytest.mark.parametrize("terms", [13, 1000])
def test_free_text_filters_cap_their_terms(seeded, url, param, terms):
    response = client_for(None).get(url, {param: " ".join(["a"] * terms)})
    assert response.status_code == 400, (url, param, terms)
    assert param in response.json()["errors"]


def test_free_text_filters_take_digits_of_any_script_and_twelve_words(seeded):
    assert client_for(None).get("/api/v1/claims/", {"q": "٢٠٠٠"}).status_code == 200
    assert client_for(None).get("/api/v1/claims/", {"q": " ".join(["a"] * 12)}).status_code == 200


@pytest.mark.parametrize("text, language", [("September", "en"), ("Σεπτέμβριο", "el"), ("9월", "ko"), ("в сентябре", "ru"),
                                            ("last year", "en")])
def test_a_month_before_year_one_is_no_date(text, language):
    """Found by the property above: "September" in an article of February, year 1, fell in year 0 (ValueError)."""
    from claims.extraction.dates import resolve_relative_date

    assert resolve_relative_date(text, language=language, published_on=dt.date(1, 2, 1)) is None
    assert resolve_relative_date(text, language=language, published_on=dt.date(2025, 2, 1)) is not None
