"""A detail's statement kept and sent again with the next id or key (``Shape.read_one``,
``factbase.kept_statements``): the same rows as the ORM's ``values()`` read, one query each, the statement
compiled once per reader's condition, lookup and context — and on PostgreSQL only, where the driver's values are
``values()``'s own. (Byte-identity of whole responses, kept or not: tests/api/test_claim_detail_one_query.py.)"""

import datetime as dt

import pytest
from django.db import connection
from django.db.models import Q

from claims.models import Claim, ClaimStatus
from claims.shapes import CLAIM
from factbase.shapes import Shape
from tests.claims.factories import AppearanceFactory, AttributionHopFactory, ClaimFactory, EstimateFactory
from tests.sources.factories import DocumentFactory

pytestmark = pytest.mark.django_db
PUBLISHED = Q(status=ClaimStatus.PUBLISHED)


@pytest.fixture
def claims():
    made = []
    for n in range(4):
        claim = ClaimFactory(status=ClaimStatus.PUBLISHED if n != 2 else ClaimStatus.DRAFT)
        # first_published_on is derived from the documents: 2025-09-01 … 2025-09-04
        appearance = AppearanceFactory(claim=claim, document=DocumentFactory(published_on=dt.date(2025, 9, 1 + n)))
        AttributionHopFactory(appearance=appearance)
        EstimateFactory(claim=claim)
        claim.refresh_from_db()
        assert claim.first_published_on == dt.date(2025, 9, 1 + n)
        made.append(claim)
    CLAIM._statements.clear()
    CLAIM._page_statements.clear()
    CLAIM._templates.clear()
    return made


def orm_rows(condition, lookup, context):
    """What ``values(filter(...), inline=True)`` reads: the rows a detail must get."""
    return list(CLAIM.values(Claim.objects.filter(condition, **lookup).order_by(), inline=True, context=context)[:1])


@pytest.fixture
def narrowed(monkeypatch):
    """How many times a detail went through the ORM (``Shape.matching``) rather than a kept statement."""
    calls = []
    matching = Shape.matching

    def counting(self, *args, **kwargs):
        calls.append(args)
        return matching(self, *args, **kwargs)

    monkeypatch.setattr(Shape, "matching", counting)
    return calls


def test_the_rows_are_the_orms_for_every_claim_lookup_reader_and_context(claims):
    for context in ({"known_on": None}, {"known_on": dt.date(2025, 9, 2)}):
        for condition in (PUBLISHED, Q(), PUBLISHED & Q(first_published_on__lte=dt.date(2025, 9, 2))):
            for _ in range(2):  # the first read keeps the statement, the second sends it again
                for claim in claims:
                    for lookup in ({"pk": claim.pk}, {"key": claim.key}):
                        assert CLAIM.read_one(condition, lookup, context=context) == orm_rows(condition, lookup, context)
    assert CLAIM.read_one(PUBLISHED, {"pk": 10**9}) == [] and CLAIM.read_one(PUBLISHED, {"key": "no-such"}) == []
    if connection.vendor == "postgresql":  # the second pass read every row from kept statements: 2 × 3 × 2 of them
        assert len(CLAIM._statements) == 12


@pytest.mark.postgresql
def test_one_statement_is_compiled_per_condition_lookup_and_context_then_sent_again(claims, narrowed,
                                                                                     django_assert_num_queries):
    ids = [claim.pk for claim in claims if claim.status == ClaimStatus.PUBLISHED]
    for pk in ids:
        with django_assert_num_queries(1):
            assert CLAIM.read_one(PUBLISHED, {"pk": pk})[0]["id"] == pk
    assert len(narrowed) == 1 and len(CLAIM._statements) == 1
    CLAIM.read_one(PUBLISHED, {"key": claims[0].key})
    CLAIM.read_one(Q(), {"pk": ids[0]})
    CLAIM.read_one(PUBLISHED, {"pk": ids[0]}, context={"known_on": dt.date(2025, 9, 2)})
    assert len(narrowed) == 4 and len(CLAIM._statements) == 4


@pytest.mark.postgresql
def test_nothing_is_kept_from_a_read_that_found_nothing_or_whose_value_is_ambiguous(claims, narrowed):
    assert CLAIM.read_one(PUBLISHED, {"pk": 10**9}) == []
    assert len(CLAIM._statements) == 0
    # The id is also the condition's bound: two parameters hold it, so its place cannot be told.
    pk = claims[0].pk
    ambiguous = PUBLISHED & Q(pk__gte=pk)
    for _ in range(2):
        assert CLAIM.read_one(ambiguous, {"pk": pk}) == orm_rows(ambiguous, {"pk": pk}, {})
    assert len(CLAIM._statements) == 0 and len(narrowed) == 3
    # A found row keeps it; a draft the condition hides is then found by the kept statement to be hidden.
    assert CLAIM.read_one(PUBLISHED, {"pk": pk})[0]["id"] == pk
    assert len(CLAIM._statements) == 1
    assert CLAIM.read_one(PUBLISHED, {"pk": claims[2].pk}) == []
    assert len(narrowed) == 4


@pytest.mark.postgresql
def test_a_changed_setting_forgets_the_kept_statements(claims, settings):
    CLAIM.read_one(PUBLISHED, {"pk": claims[0].pk})
    assert len(CLAIM._statements) == 1
    settings.DB_PREPARE_THRESHOLD = "off"
    assert len(CLAIM._statements) == 0


def test_a_database_kind_not_listed_keeps_no_statement(claims, narrowed, monkeypatch):
    """SQLite hands back text Django converts (dates, decimals): its details always go through the ORM."""
    from factbase import kept_statements

    if connection.vendor not in ("sqlite",):
        monkeypatch.setattr(kept_statements, "VENDORS", ())  # as if PostgreSQL were not listed
    for claim in claims + claims:
        assert CLAIM.read_one(Q(), {"pk": claim.pk}) == orm_rows(Q(), {"pk": claim.pk}, {})
    assert len(CLAIM._statements) == 0 and len(narrowed) == 2 * len(claims)


@pytest.mark.postgresql
def test_a_statement_with_a_column_django_converts_is_not_kept(claims):
    """A JSON column comes from the driver as text that Django parses: its rows from the cursor would not be the
    ORM's, so its statement is never kept, and every read goes through the ORM."""
    from django.db.models import JSONField, Value
    from django.db.models.functions import Cast

    from factbase.kept_statements import KeptStatements

    statements = KeptStatements()
    for claim in claims:
        queryset = Claim.objects.filter(pk=claim.pk).annotate(data=Cast(Value('{"a": 1}'), JSONField())).values("id", "data")
        assert statements.run(("json",), "default", claim.pk, queryset) == [{"id": claim.pk, "data": {"a": 1}}]
    assert len(statements) == 0
    plain = Claim.objects.filter(pk=claims[0].pk).values("id", "key")
    assert statements.run(("plain",), "default", claims[0].pk, plain) == [{"id": claims[0].pk, "key": claims[0].key}]
    assert len(statements) == 1
    assert statements.rows(("plain",), "default", claims[1].pk) == [{"id": claims[1].pk, "key": claims[1].key}]


# --- a page's rows by their ids (Shape.read_ids): the list's second statement --------------------------------------


def orm_page(condition, ids, context):
    """What ``values(filter(...), inline=True)`` reads for ``ids``, in their order: the rows a page must get."""
    rows = {row["id"]: row for row in CLAIM.values(Claim.objects.filter(condition, pk__in=ids), inline=True, context=context)}
    return [rows[pk] for pk in ids if pk in rows]


def test_a_pages_rows_are_the_orms_in_the_order_of_its_ids(claims):
    ids = [claim.pk for claim in claims]
    pages = [ids, ids[::-1], ids[1:2], [ids[3], 10**9, ids[0]], ids + [ids[2]]]
    for context in ({"known_on": None}, {"known_on": dt.date(2025, 9, 2)}):
        for condition in (PUBLISHED, Q(), PUBLISHED & Q(first_published_on__lte=dt.date(2025, 9, 2))):
            for _ in range(2):  # the first page keeps the statement, the next ones send it again
                for page in pages:
                    assert CLAIM.read_ids(condition, page, context=context) == orm_page(condition, page, context)
    # What the reader may not see is left out whatever ids are asked: the draft, for a published-only reader.
    assert [row["id"] for row in CLAIM.read_ids(PUBLISHED, ids)] == [ids[0], ids[1], ids[3]]
    assert CLAIM.read_ids(PUBLISHED, []) == []
    if connection.vendor == "postgresql":  # one statement per condition and context: 3 × 2, and one with none
        assert len(CLAIM._page_statements) == 7 and len(CLAIM._statements) == 0  # apart from the details' ones


@pytest.mark.postgresql
def test_a_pages_rows_are_one_statement_compiled_once_whatever_its_size(claims, narrowed, django_assert_num_queries):
    ids = [claim.pk for claim in claims]
    for page in (ids[:1], ids, ids[::-1], ids[2:]):
        with django_assert_num_queries(1) as captured:
            CLAIM.read_ids(PUBLISHED, page)
        # the ids travel as one array parameter: the same statement for a page of one as for a page of four
        assert "= ANY(" in captured.captured_queries[0]["sql"]
    assert len(narrowed) == 1 and len(CLAIM._page_statements) == 1


def _timestamp_loader(cursor):
    from psycopg import postgres
    from psycopg.pq import Format

    return cursor.adapters.get_loader(postgres.types["timestamptz"].oid, Format.TEXT)


@pytest.mark.postgresql
def test_kept_statements_read_timestamps_with_the_drivers_loader_and_the_same_values(claims):
    """Django's timestamp loader is Python; the driver's gives the same aware UTC values, so a kept statement's
    cursor uses it (``_driver_datetimes``) and its rows stay the ORM's, ``tzinfo`` included."""
    ids = [claim.pk for claim in claims]
    loaders = []

    def watch(execute, sql, params, many, context):
        loaders.append(_timestamp_loader(context["cursor"]))
        return execute(sql, params, many, context)

    CLAIM.read_ids(Q(), ids)  # through the ORM: kept
    with connection.execute_wrapper(watch):
        kept = CLAIM.read_ids(Q(), ids)
    assert kept == orm_page(Q(), ids, {})
    stamps = [row[name] for row in kept for name in ("created_at", "updated_at")]
    assert stamps and all(stamp.tzinfo is dt.UTC for stamp in stamps)
    django_loader = _timestamp_loader(connection.connection)
    assert len(loaders) == 1 and loaders[0] is not django_loader and "django" not in loaders[0].__module__


@pytest.mark.postgresql
def test_kept_statements_keep_djangos_timestamp_loader_when_its_time_zone_is_not_utc(claims, monkeypatch):
    from zoneinfo import ZoneInfo

    from factbase.kept_statements import _driver_datetimes

    connection.ensure_connection()
    with connection.cursor() as cursor:
        monkeypatch.setattr(connection, "timezone", ZoneInfo("Europe/Athens"), raising=False)
        before = _timestamp_loader(cursor.cursor)
        _driver_datetimes(connection, cursor)
        assert _timestamp_loader(cursor.cursor) is before
