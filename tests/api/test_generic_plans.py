"""``factbase.plans``: on PostgreSQL every run of a prepared statement is planned for its own parameters, except
the reads whose plan cannot depend on them (a claim by id or key, a page no filter narrows), which run with
``plan_cache_mode = auto``. The session's mode is switched only when a statement wants the other one, never
inside a transaction, and the same bytes come back either way. (These tests run without the usual test
transaction; on SQLite, or with ``DB_PREPARE_THRESHOLD=off``, nothing is ever set.)"""

import pytest
from django.db import connection, transaction

from factbase.plans import CUSTOM, GENERIC, prepares
from tests.claims.factories import AppearanceFactory, ClaimFactory, EstimateFactory

# Meaningful on PostgreSQL only (SQLite prepares nothing and has no plan modes).
pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def claims(db):
    made = [ClaimFactory(status="published") for _ in range(4)]
    for claim in made:
        AppearanceFactory(claim=claim)
        EstimateFactory(claim=claim)
    return made


class Observed:
    """Each statement with the session's plan mode as it ran (read on the side, by a wrapper inside the one
    that switches) — or ``UNPREPARED`` for a statement the driver does not prepare, which PostgreSQL plans for its
    values whatever the mode (``planned_for_values``) — and the ``SET``s sent."""

    def __init__(self):
        self.runs, self.sets = [], []

    def __call__(self, execute, sql, params, many, context):
        raw = context["connection"].connection
        mode = None
        if prepares(connection):
            mode = raw.execute("SHOW plan_cache_mode").fetchone()[0] if raw.prepare_threshold is not None else UNPREPARED
        self.runs.append((sql, mode))
        return execute(sql, params, many, context)

    def modes(self):
        return {mode for _, mode in self.runs}


#: A statement run without being prepared: planned for its values.
UNPREPARED = "unprepared"


@pytest.fixture
def observed(monkeypatch):
    seen = Observed()
    connection.ensure_connection()
    if prepares(connection):
        raw = connection.connection
        send = raw.execute

        def spy(query, *args, **kwargs):
            if str(query).startswith("SET plan_cache_mode"):
                seen.sets.append(str(query))
            return send(query, *args, **kwargs)

        monkeypatch.setattr(raw, "execute", spy)
    with connection.execute_wrapper(seen):
        yield seen


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response


KEPT = ["/api/v1/claims/{key}/", "/api/v1/claims/{id}/", "/api/v1/claims/", "/api/v1/claims/?page_size=2",
        "/api/v1/claims/?format=json"]
#: Filtered claim pages: the page's ids planned for the filters' values, then its rows by one kept statement.
PLANNED_THEN_KEPT = ["/api/v1/claims/?stated_on_before=2100-01-01", "/api/v1/claims/?key={key}", "/api/v1/claims/?q=war",
                     "/api/v1/claims/?claimant={claimant}"]
#: Filtered pages of the other lists: planned for their values, every statement.
PLANNED = ["/api/v1/appearances/?medium=statement", "/api/v1/estimates/?unit=people"]


@pytest.mark.parametrize("path", KEPT)
def test_reads_by_key_and_plain_pages_run_with_the_kept_plan(claims, api_client, observed, path):
    url = path.format(key=claims[0].key, id=claims[0].pk)
    response = get(api_client, url)
    assert observed.modes() == ({GENERIC} if prepares(connection) else {None}), observed.runs
    # Inside a transaction (an import's, a test's) the read runs as it is, planned for its parameters: same bytes.
    observed.runs.clear()
    with transaction.atomic():
        again = get(api_client, url)
    assert again.content == response.content
    assert observed.modes() == ({CUSTOM} if prepares(connection) else {None}), observed.runs


@pytest.mark.parametrize("path", PLANNED)
def test_filtered_pages_are_planned_for_their_values(claims, api_client, observed, path):
    get(api_client, f"/api/v1/claims/{claims[0].key}/")  # leaves the session with the kept plan
    observed.runs.clear()
    get(api_client, path)
    assert observed.modes() == ({CUSTOM} if prepares(connection) else {None}), observed.runs


@pytest.mark.parametrize("path", PLANNED_THEN_KEPT)
def test_filtered_claim_pages_plan_their_ids_for_the_values_and_keep_the_plan_of_their_rows(claims, api_client, observed,
                                                                                             path):
    path = path.format(key=claims[0].key, claimant=claims[0].claimant.key)
    for before in (f"/api/v1/claims/{claims[0].key}/", "/api/v1/appearances/?medium=statement"):  # either mode
        get(api_client, before)
        observed.runs.clear()
        observed.sets.clear()
        assert get(api_client, path).json()["results"]
        if not prepares(connection):
            assert observed.modes() == {None} and observed.sets == []
            continue
        *filtering, (ids, ids_mode), (rows, rows_mode) = observed.runs
        # What the filters read first (a key resolved, a search's counts: claims.search) is not prepared either.
        assert {mode for _, mode in filtering} <= {UNPREPARED}, observed.runs
        assert ids_mode == UNPREPARED and "_json" not in ids, observed.runs  # no nested list: the page's ids
        assert rows_mode == GENERIC and "_json" in rows, observed.runs
        # Those need no mode: a SET only when the session planned for values before.
        assert observed.sets == ([] if before.startswith("/api/v1/claims/") else [f"SET plan_cache_mode = {GENERIC}"])


def test_the_mode_is_set_only_when_it_changes(claims, api_client, observed):
    for claim in claims:
        get(api_client, f"/api/v1/claims/{claim.key}/")
    get(api_client, "/api/v1/claims/?kind=estimate")  # its ids need no mode, its rows keep the plan: no switch
    get(api_client, "/api/v1/appearances/?medium=statement")
    get(api_client, "/api/v1/appearances/?medium=statement")
    get(api_client, f"/api/v1/claims/{claims[0].pk}/")
    if not prepares(connection):
        assert observed.sets == []
        return
    # Four details and a filtered claim page in a row: one switch; two filtered pages: one; a detail again: one.
    # No transaction anywhere.
    assert observed.sets == [f"SET plan_cache_mode = {GENERIC}", f"SET plan_cache_mode = {CUSTOM}",
                             f"SET plan_cache_mode = {GENERIC}"]
    assert not any(sql in ("BEGIN", "COMMIT") or "SET LOCAL" in sql for sql, _ in observed.runs)


def test_a_transaction_after_a_kept_read_switches_once(claims, api_client, observed):
    get(api_client, f"/api/v1/claims/{claims[0].key}/")  # the session keeps plans
    observed.sets.clear()
    observed.runs.clear()
    with transaction.atomic():
        for _ in range(3):
            get(api_client, "/api/v1/claims/?kind=estimate")
    assert observed.sets == ([f"SET plan_cache_mode = {CUSTOM}"] if prepares(connection) else [])
    assert observed.modes() == ({CUSTOM} if prepares(connection) else {None}), observed.runs


def test_a_mode_set_in_a_rolled_back_transaction_is_set_again(claims, api_client, observed):
    get(api_client, f"/api/v1/claims/{claims[0].key}/")  # the session keeps plans
    with pytest.raises(RuntimeError), transaction.atomic():
        get(api_client, "/api/v1/appearances/?medium=statement")  # planned for its values: set inside the transaction...
        raise RuntimeError("rolled back")
    # ... and undone with it: the next read outside must not trust what was set there.
    observed.runs.clear()
    get(api_client, "/api/v1/appearances/?medium=statement")
    assert observed.modes() == ({CUSTOM} if prepares(connection) else {None}), observed.runs
    observed.runs.clear()
    get(api_client, f"/api/v1/claims/{claims[0].key}/")
    assert observed.modes() == ({GENERIC} if prepares(connection) else {None}), observed.runs


def test_a_new_connection_starts_planning_for_its_values(claims, api_client):
    get(api_client, f"/api/v1/claims/{claims[0].key}/")
    connection.close()
    connection.ensure_connection()
    if not prepares(connection):
        assert getattr(connection, "plan_cache_mode", None) is None
        return
    assert connection.plan_cache_mode == CUSTOM
    assert connection.connection.execute("SHOW plan_cache_mode").fetchone()[0] == CUSTOM


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return {row[0] for row in cursor.fetchall()}


def test_a_filtered_claim_pages_ids_are_never_prepared_however_often_asked(claims, api_client):
    """Read from the server, not from what the code set: the ids' statement asked more often than the threshold
    leaves no prepared statement behind; the rows' statement is prepared (and so keeps its plan)."""
    if not prepares(connection):
        return
    get(api_client, "/api/v1/claims/?stated_on_after=2001-02-03")
    before = prepared_statements()
    for _ in range(2 * connection.settings_dict["OPTIONS"]["prepare_threshold"]):
        get(api_client, "/api/v1/claims/?stated_on_after=2001-02-03")
    made = prepared_statements() - before
    assert not any('"stated_on" >=' in statement for statement in made), made
    assert any("_json" in statement for statement in prepared_statements())


def test_a_statement_asked_to_plan_for_its_values_on_a_connection_that_prepares_is_planned_so(claims, api_client,
                                                                                                observed):
    """``planned_for_values`` stops preparing on one connection; a statement the router sends to another (a
    replica) still prepares there, so it runs planned for its values rather than in the mode that session was left
    in. Seen here by letting the connection prepare again inside the block."""
    from factbase.plans import planned_for_values

    get(api_client, f"/api/v1/claims/{claims[0].key}/")  # the session keeps plans
    observed.runs.clear()
    observed.sets.clear()
    with planned_for_values("default"):
        if prepares(connection):
            connection.connection.prepare_threshold = connection.settings_dict["OPTIONS"]["prepare_threshold"]
        list(type(claims[0]).objects.filter(stated_on__gte="2001-02-03").values_list("id", flat=True))
    if not prepares(connection):
        assert observed.sets == []
        return
    assert observed.modes() == {CUSTOM} and observed.sets == [f"SET plan_cache_mode = {CUSTOM}"], observed.runs
