"""Database routing: API reads may go to PostgreSQL read replicas, everything else to the primary.

Replicas are configured with ``DATABASE_REPLICA_URLS`` (aliases ``replica1``, ``replica2``...). Reads go
to a replica only inside :func:`reads_from_replicas` (the API's safe methods use it); writes, the admin,
management commands and anything in a transaction use ``default``.
"""

import contextlib
import contextvars
import random

from django.conf import settings

_use_replicas = contextvars.ContextVar("factbase_use_replicas", default=False)


def replica_aliases():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


@contextlib.contextmanager
def reads_from_replicas():
    token = _use_replicas.set(True)
    try:
        yield
    finally:
        _use_replicas.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _use_replicas.get():
            aliases = replica_aliases()
            if aliases:
                return random.choice(aliases)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
