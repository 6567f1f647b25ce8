"""When PostgreSQL may keep one plan for a prepared statement: ``generic_plans``; when a statement is planned for
its values without a mode: ``planned_for_values``.

Connections plan every run of a prepared statement for its own parameters (``plan_cache_mode =
force_custom_plan``, a startup option set in ``factbase.settings``): a filter's best plan depends on its values.
A read whose plan cannot depend on them — a claim by its id or key, with its nested lists, or a page no filter
narrows — gains from the kept ("generic") plan instead: planning the detail's one large statement costs about
1.3 ms, running it 0.2 ms. Inside ``generic_plans(using)`` PostgreSQL chooses as it does by default
(``plan_cache_mode = auto``: a kept plan once it costs no more than planning each run).

How: every statement on a PostgreSQL connection passes through ``PlanMode`` (a Django execute wrapper,
installed when the connection is made). It knows the mode the connection's session is in, and sends ``SET
plan_cache_mode`` first only when the statement wants the other one — so a run of details (or of filtered
pages) costs no extra round trip, and switching costs one. Before, each such read paid for a transaction of its
own (``BEGIN``, ``SET LOCAL``, ``COMMIT``: three round trips).

A filtered claim page is read in two statements (``factbase.api.viewsets``): its ids, planned for the filters'
values, then its rows with their nested lists by those ids, one plan for every page. The first runs inside
``planned_for_values``: not prepared, so planned for its values in either mode, and no ``SET`` is sent for it —
a run of such pages and details switches nothing.

Inside a transaction (an import's, a test's) reads run as they are, planned for their parameters; a mode set
there may be rolled back with it, so the connection's mode is then marked unknown and set again by the next
statement outside. Only where the connection prepares statements: elsewhere (SQLite, ``DB_PREPARE_THRESHOLD=off``
for a pooler that keeps no session state) nothing is set.
"""

import contextlib
import contextvars

from django.db import connections

#: The startup mode of every connection that prepares statements (``factbase.settings``).
CUSTOM = "force_custom_plan"
#: PostgreSQL's default: a kept plan once it costs no more than planning each run.
GENERIC = "auto"
#: Statements that are not prepared (``planned_for_values``): any mode will do, none is set for them.
ANY = None

_wanted = contextvars.ContextVar("factbase_plan_cache_mode", default=CUSTOM)


def prepares(connection) -> bool:
    """Whether ``connection`` prepares statements (and so starts in ``force_custom_plan``)."""
    return connection.vendor == "postgresql" and connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold") is not None


@contextlib.contextmanager
def generic_plans(using: str = "default"):
    """Statements run inside may keep one plan for every value of their parameters (see the module)."""
    connection = connections[using]
    if not prepares(connection) or connection.in_atomic_block:
        yield
        return
    token = _wanted.set(GENERIC)
    try:
        yield
    finally:
        _wanted.reset(token)


@contextlib.contextmanager
def planned_for_values(using: str = "default"):
    """Statements run inside are planned for their own parameters whatever mode the session is in, and switch it
    to none: they are not prepared (psycopg's public ``prepare_threshold`` is off for the while), and PostgreSQL
    plans a statement that is not prepared for the values bound to it. A filtered page's ids, read between two
    reads that keep plans (``generic_plans``), so cost no ``SET`` before and after them; only parsing, which a
    prepared statement is spared, is paid again (a small statement's).

    Inside a transaction, or where the connection prepares nothing, statements run as they are."""
    connection = connections[using]
    if not prepares(connection) or connection.in_atomic_block:
        yield
        return
    connection.ensure_connection()
    driver = connection.connection
    before = driver.prepare_threshold
    token = _wanted.set(ANY)
    driver.prepare_threshold = None
    try:
        yield
    finally:
        driver.prepare_threshold = before
        _wanted.reset(token)


class PlanMode:
    """The execute wrapper that puts the session in the mode the statement wants (``generic_plans``).

    ``connection.plan_cache_mode`` is the session's mode as far as this wrapper knows: the startup mode on a
    new connection (``install``), ``None`` when unknown (set inside a transaction that may yet roll back).

    Inside a transaction the session is switched back to planning each run only when it is known to keep plans
    (a read outside left it so), once: the statements after it in the transaction find the mode unknown and send
    nothing more. (A transaction that rolls that ``SET`` back, followed straight by another transaction, would
    leave that second one with kept plans: slower at worst, never other results.) Outside a transaction an unknown
    mode is always set.
    """

    def __call__(self, execute, sql, params, many, context):
        connection = context["connection"]
        atomic = connection.in_atomic_block
        wanted = CUSTOM if atomic else _wanted.get()
        if wanted is ANY and connection.connection.prepare_threshold is not None:
            # Asked on another connection than the one planned_for_values stopped preparing (another replica the
            # router chose): this one prepares, so it must plan each run for its values.
            wanted = CUSTOM
        current = connection.plan_cache_mode
        if wanted is not ANY and current != wanted and not (atomic and current is None):
            # Django's own checks and error wrapping, as for the statement itself (a broken transaction is refused
            # with TransactionManagementError; a failed SET is a django.db error).
            connection.validate_no_broken_transaction()
            with connection.wrap_database_errors:
                # Its own cursor, not the statement's: that one may be a server-side (named) cursor.
                connection.connection.execute(f"SET plan_cache_mode = {wanted}")
            connection.plan_cache_mode = None if atomic else wanted
        return execute(sql, params, many, context)


def install(sender, connection, **kwargs):
    """``connection_created``: a new session starts in the startup mode; its statements pass through ``PlanMode``
    (first in the list, outermost: a wrapper a caller installs with ``connection.execute_wrapper`` for a while is
    removed from the end when it is done)."""
    if not prepares(connection):
        return
    connection.plan_cache_mode = CUSTOM
    if not any(isinstance(wrapper, PlanMode) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.insert(0, PlanMode())
