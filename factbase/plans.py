"""When PostgreSQL may keep one plan for a prepared statement: ``generic_plans``.

Connections plan every run of a prepared statement for its own parameters (``plan_cache_mode =
force_custom_plan``, set in ``factbase.settings``): a filter's best plan depends on its values. A read whose
plan cannot depend on them — a claim by its id or key, with its nested lists — gains from the kept ("generic")
plan instead: planning its one large statement costs about 1.3 ms, running it 0.2 ms. Inside
``generic_plans(using)`` PostgreSQL chooses as it does by default (``plan_cache_mode = auto``: a kept plan once
it costs no more than planning each run), for that transaction only (``SET LOCAL``).

Only where the connection prepares statements and is not already inside a transaction (an import's, a test's):
there the reads run as they are, planned for their parameters.
"""

import contextlib

from django.db import connections, transaction


@contextlib.contextmanager
def generic_plans(using: str = "default"):
    connection = connections[using]
    prepares = connection.vendor == "postgresql" and connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold") is not None
    if not prepares or connection.in_atomic_block:
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL plan_cache_mode = auto")
        yield
