"""What the test processes of one run share, so that the suite does expensive work once (tests/conftest.py
wires it into pytest):

- ``ModuleData``: rows many tests of a module read, built once per module, each test in its own savepoint;
- ``DatabaseTemplates``: fresh migrated databases for tests that run the product in a subprocess, copied
  from a template migrated once per run instead of migrating each one;
- ``marked_group_scheduler``: ``--dist loadgroup`` honouring ``pytest.mark.xdist_group`` under pytest 9.2.

The run folder (``run_folder``) is made by the controlling process (or the only one, without xdist), handed
to xdist's workers, and removed with the PostgreSQL template at the end of the run.
"""

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection, transaction

ROOT = Path(__file__).resolve().parents[1]
RUN_FOLDER = "factbase_run_folder"


# --- the run folder ------------------------------------------------------------------------------------------
def make_run_folder(config):
    if hasattr(config, "workerinput"):
        config._factbase_run_folder = config.workerinput.get(RUN_FOLDER)
    else:
        config._factbase_run_folder = tempfile.mkdtemp(prefix="factbase-tests-")
        config._factbase_run_folder_owner = True


def run_folder(config) -> Path:
    return Path(config._factbase_run_folder)


def remove_run_folder(config):
    if getattr(config, "_factbase_run_folder_owner", False):
        DatabaseTemplates(run_folder(config)).drop_postgresql_template()
        shutil.rmtree(config._factbase_run_folder, ignore_errors=True)


def hand_run_folder_to(node):
    node.workerinput[RUN_FOLDER] = node.config._factbase_run_folder


# --- data built once per module --------------------------------------------------------------------------------
class ModuleData:
    """Rows many tests of a module read, built once for the module instead of once per test.

    ``open(build)`` runs ``build`` inside a transaction left open on the default database; each test that
    asks for the data then runs in its own savepoint as usual (pytest-django's ``db``), rolled back after it,
    so no test sees another's writes. The transaction is rolled back when the module ends, or as soon as a
    test of the module that does not ask for the data is about to run (``before_test``), so a test never sees
    rows it did not ask for. Tests asking for the data run first in their module (``order_tests``), so the
    data is never needed again once rolled back; if it were, ``check()`` fails the test rather than let it
    run without its data.

    Use it through a module-scoped fixture named ``<something>_module_data`` (a test asks for the data when
    that fixture is in its closure) and a function-scoped fixture that depends on it and on ``db`` (``seeded``
    in tests/conftest.py, ``world`` in tests/api/conftest.py, ``seeded_module`` in tests/security/conftest.py).
    """

    active = None  # the ModuleData whose transaction is open in this process

    def __init__(self, fixture_name, blocker):
        self.fixture_name, self.blocker, self.value, self.atomic = fixture_name, blocker, None, None

    def open(self, build):
        assert ModuleData.active is None, f"{ModuleData.active.fixture_name} is still open"
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            ModuleData.active = self
            try:
                self.value = build()
                # Check the rows' deferred constraints now, in the module's transaction. Each test's teardown checks
                # them too (Django's TestCase: ``check_constraints``, SET CONSTRAINTS ALL IMMEDIATE on PostgreSQL),
                # but inside the test's savepoint, whose rollback queues the checks again: the seed's thousands of
                # foreign keys were checked again after every test, 25 ms each time. Checked here, they are done.
                connection.check_constraints()
            except BaseException:
                self.close()
                raise
        return self

    def check(self):
        assert self.atomic is not None, (
            f"{self.fixture_name} was rolled back before this test: a test that does not ask for it ran first "
            "in this module (tests/sharing.py orders the tests that ask for it first)"
        )
        return self.value

    def close(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None
        if ModuleData.active is self:
            ModuleData.active = None

    @staticmethod
    def keep(records):
        """What to keep of ``build()``'s records between tests: model instances (alone or in dicts, as
        ``{"claims": {"a": claim}, "estimate": estimate}``) as (model, pk); ``fresh`` reads them back."""
        if isinstance(records, dict):
            return {name: ModuleData.keep(value) for name, value in records.items()}
        return (type(records), records.pk)

    @staticmethod
    def fresh(kept):
        """``keep``'s records read afresh from the database: each test gets instances of its own to change."""
        if isinstance(kept, dict):
            return {name: ModuleData.fresh(value) for name, value in kept.items()}
        model, pk = kept
        return model._default_manager.get(pk=pk)

    @staticmethod
    def names(item):
        return [name for name in getattr(item, "fixturenames", ()) if name.endswith("_module_data")]

    @classmethod
    def before_test(cls, item):
        """Roll back the open module data unless ``item`` asks for it (before its fixtures are set up)."""
        if cls.active is not None and cls.active.fixture_name not in cls.names(item):
            cls.active.close()

    @classmethod
    def order_tests(cls, items):
        """Within each run of consecutive tests of one module, the tests that ask for module data first,
        grouped by data; otherwise the order is kept (pytest-django's: database tests first)."""

        def module(item):
            return item.nodeid.split("::")[0]

        ordered, start = [], 0
        for index in range(1, len(items) + 1):
            if index == len(items) or module(items[index]) != module(items[start]):
                run = items[start:index]
                first = {}
                for item in run:
                    for name in cls.names(item)[:1]:
                        first.setdefault(name, len(first))
                ordered += sorted(run, key=lambda item: min((first[n] for n in cls.names(item)), default=len(first)))
                start = index
        items[:] = ordered


# --- migrated databases for subprocesses ---------------------------------------------------------------------
def _is_postgresql(url):
    return url.startswith(("postgres:", "postgresql:"))


@contextmanager
def _locked(path: Path):
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class DatabaseTemplates:
    """Fresh, migrated, empty databases for tests that run the product in a subprocess (a server, a
    benchmark, two writers) and whose subject is not the migrations.

    The first test that needs one runs ``manage.py migrate`` on a template (a SQLite file in the run folder,
    or a PostgreSQL database beside the one ``DATABASE_URL`` names), under a lock all the run's processes
    share; every database after that is a copy of it (SQLite's backup API; PostgreSQL's ``CREATE DATABASE
    ... TEMPLATE``). On PostgreSQL each test process's own test database is made from the template too
    (Django's ``TEST["TEMPLATE"]``, tests/conftest.py). Migrations are still run from scratch in every run:
    by this template, by each process's SQLite test database, and by ``dev.py setup`` in
    tests/claims/test_import_seeds_dev.py."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    # SQLite
    def sqlite(self, path: Path) -> str:
        """A SQLite file at ``path`` holding the migrated schema (and what the migrations insert)."""
        template = self.folder / "template.sqlite3"
        with _locked(self.folder / "template.sqlite3.lock"):
            if not template.exists():
                building = self.folder / "template-building.sqlite3"
                building.unlink(missing_ok=True)
                self._migrate(f"sqlite:///{building}")
                building.replace(template)
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        return f"sqlite:///{path}"

    # PostgreSQL
    def postgresql_template_name(self) -> str | None:
        url = os.environ.get("DATABASE_URL", "")
        if not _is_postgresql(url):
            return None
        digest = hashlib.sha1(str(self.folder).encode()).hexdigest()[:10]
        return f"{urlsplit(url).path.lstrip('/')[:40]}_tpl_{digest}"

    def _admin(self, *statements):
        import psycopg

        parts = urlsplit(os.environ["DATABASE_URL"])
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def postgresql_template(self) -> str:
        """The name of the run's migrated PostgreSQL template (migrated by the first process to ask)."""
        template = self.postgresql_template_name()
        assert template, "DATABASE_URL does not name a PostgreSQL database"
        done = self.folder / "template.postgresql.done"
        with _locked(self.folder / "template.postgresql.lock"):
            if not done.exists():
                self._admin(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)', f'CREATE DATABASE "{template}"')
                self._migrate(self._url(template))
                done.touch()
        return template

    def postgresql(self, name: str) -> str:
        """A PostgreSQL database ``name`` (dropped first if it exists) holding the migrated schema."""
        template = self.postgresql_template()
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self._url(name)

    def drop_postgresql(self, url: str):
        self._admin(f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')

    def drop_postgresql_template(self):
        if (self.folder / "template.postgresql.done").exists():
            self._admin(f'DROP DATABASE IF EXISTS "{self.postgresql_template_name()}" WITH (FORCE)')

    @staticmethod
    def _url(name):
        parts = urlsplit(os.environ["DATABASE_URL"])
        return urlunsplit(parts._replace(path=f"/{name}"))

    # Either
    def vendor_under_test(self, tmp_path: Path, name: str) -> str:
        """A migrated database of the vendor ``DATABASE_URL`` names: a database beside it on PostgreSQL, named
        after it, ``name`` and this process (drop it with ``drop``), else a SQLite file in ``tmp_path``."""
        url = os.environ.get("DATABASE_URL", "")
        if _is_postgresql(url):
            return self.postgresql(f"{urlsplit(url).path.lstrip('/')[:40]}_{name}_{os.getpid()}")
        return self.sqlite(tmp_path / f"{name}.sqlite3")

    def drop(self, url: str):
        if _is_postgresql(url):
            self.drop_postgresql(url)

    @staticmethod
    def _migrate(url):
        env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
        env.update({"DATABASE_URL": url, "DJANGO_ENV": "development", "DEBUG": "0"})
        result = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"migrating the template database failed:\n{result.stdout}{result.stderr}"


# --- xdist groups --------------------------------------------------------------------------------------------
# Tests marked ``pytest.mark.xdist_group(name)`` must run one after the other in one worker (``dev.py test``
# uses ``--dist loadgroup``): the serving tests share one scratch database per worker, built by a session
# fixture. pytest-xdist 3.8 tells its scheduler about a group by appending "@name" to the test's node id, which
# pytest 9.2 no longer lets a plugin change (pytest-dev/pytest-xdist#1386): every grouped test would be
# scheduled on its own. So each worker writes the groups it collected to the run folder, and the
# controller's scheduler reads them (public hooks only: ``pytest_configure_node``, ``pytest_xdist_make_scheduler``).
def write_groups(config, items):
    if not hasattr(config, "workerinput") or config.workerinput.get(RUN_FOLDER) is None:
        return
    groups = {}
    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})
        if names:
            groups[item.nodeid] = "_".join(names)
    path = run_folder(config) / f"groups-{config.workerinput['workerid']}.json"
    path.with_suffix(".tmp").write_text(json.dumps(groups))
    path.with_suffix(".tmp").replace(path)


def marked_group_scheduler(config, log):
    from xdist.scheduler import LoadGroupScheduling

    folder = run_folder(config)

    class MarkedGroupScheduling(LoadGroupScheduling):
        """``--dist loadgroup`` with the groups the workers collected: a group is one unit of work (sent to one
        worker, the largest first); every other test is a unit of its own."""

        groups = None

        def schedule(self):
            if self.groups is None and self.collection_is_completed:
                self.groups = {}
                for path in folder.glob("groups-*.json"):
                    self.groups.update(json.loads(path.read_text()))
            super().schedule()

        def _split_scope(self, nodeid):
            if nodeid.rfind("@") > nodeid.rfind("]"):  # a pytest that lets xdist mark the node id itself
                return super()._split_scope(nodeid)
            group = (self.groups or {}).get(nodeid)
            return f"group:{group}" if group else nodeid

    return MarkedGroupScheduling(config, log)
