"""Shared fixtures: users by role, API client, and the seed loaded from seeds/; a fast password hasher; data
built once per test module (``ModuleData``); and the xdist groups honoured (``pytest_xdist_make_scheduler``)."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from rest_framework.test import APIClient


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Every test hashes passwords with MD5 (tests only): production's PBKDF2 costs about half a second per
    user made or password checked, and the suite makes thousands. Servers started as subprocesses (the
    serving tests' gunicorn, ``dev.py setup``) keep the real settings."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def make_user(django_user_model):
    def make(username, *, groups=(), is_staff=False, is_superuser=False):
        user = django_user_model.objects.create_user(
            username=username, password="a-long-test-password", is_staff=is_staff, is_superuser=is_superuser
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def user(make_user):
    return make_user("reader")


@pytest.fixture
def curator(make_user):
    return make_user("curator", groups=["curator"], is_staff=True)


@pytest.fixture
def reviewer(make_user):
    return make_user("reviewer", groups=["reviewer"], is_staff=True)


@pytest.fixture
def superuser(make_user):
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture
def api_client():
    return APIClient()


# --- data built once per module -----------------------------------------------------------------------------
class ModuleData:
    """Rows many tests of a module read, built once for the module instead of once per test.

    ``open(build)`` runs ``build`` inside a transaction left open on the default database; each test that
    asks for the data then runs in its own savepoint as usual (pytest-django's ``db``), rolled back after it,
    so no test sees another's writes. The transaction is rolled back when the module ends, or as soon as a
    test of the module that does not ask for the data is about to run (``pytest_runtest_setup`` below), so
    a test never sees rows it did not ask for. Tests asking for the data run first in their module
    (``pytest_collection_modifyitems`` below), so the data is never needed again once rolled back; if it
    were, ``check()`` fails the test rather than let it run without its data.

    Use it through a module-scoped fixture named ``<name>_module_data`` (the guard recognises a test that
    asks for the data by that fixture in its closure) and a function-scoped fixture that depends on it and
    on ``db`` (see ``seeded`` below, ``world`` in tests/api/conftest.py)."""

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
            except BaseException:
                self.close()
                raise
        return self

    def check(self):
        assert self.atomic is not None, (
            f"{self.fixture_name} was rolled back before this test: a test that does not ask for it ran first "
            "in this module (tests/conftest.py orders the tests that ask for it first)"
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


def module_data_names(item):
    return [name for name in getattr(item, "fixturenames", ()) if name.endswith("_module_data")]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Roll back another test's module data before this test's fixtures (its ``db`` savepoint) are set up."""
    active = ModuleData.active
    if active is not None and active.fixture_name not in module_data_names(item):
        active.close()


def load_seed():
    from django.conf import settings
    from django.core.management import call_command

    call_command("import_bundle", str(settings.BASE_DIR / "seeds"), verbosity=0)


@pytest.fixture(scope="module")
def seed_module_data(django_db_setup, django_db_blocker):
    data = ModuleData("seed_module_data", django_db_blocker).open(load_seed)
    yield data
    data.close()


@pytest.fixture
def seeded(seed_module_data, db):
    """The seed article and its curated claims, loaded through the real importer (once per module: see
    ``ModuleData``; the test's own writes are rolled back after it)."""
    seed_module_data.check()


# --- xdist groups --------------------------------------------------------------------------------------------
# Tests marked ``pytest.mark.xdist_group(name)`` must run one after the other in one worker (``dev.py test``
# uses ``--dist loadgroup``): the serving tests share one scratch database per worker, built by a session
# fixture. pytest-xdist 3.8 tells its scheduler about a group by appending "@name" to the test's node id, which
# pytest 9.2 no longer lets a plugin change (pytest-dev/pytest-xdist#1386): every grouped test would be
# scheduled on its own. So each worker writes the groups it collected to a file, and the controller's
# scheduler reads them (public hooks only: ``pytest_configure_node``, ``pytest_xdist_make_scheduler``).
GROUPS_DIR = "factbase_xdist_groups_dir"


def pytest_configure(config):
    if config.getoption("dist", "no") == "loadgroup" and not hasattr(config, "workerinput"):
        config._factbase_groups_dir = tempfile.mkdtemp(prefix="factbase-xdist-groups-")


def pytest_unconfigure(config):
    folder = getattr(config, "_factbase_groups_dir", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_configure_node(node):
    folder = getattr(node.config, "_factbase_groups_dir", None)
    if folder:
        node.workerinput[GROUPS_DIR] = folder


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Within each run of consecutive tests of one module (pytest-django has already put the tests that use
    # the database in a transaction first), the tests that ask for module data come first, grouped by data.
    def module(item):
        return item.nodeid.split("::")[0]

    ordered, start = [], 0
    for index in range(1, len(items) + 1):
        if index == len(items) or module(items[index]) != module(items[start]):
            run = items[start:index]
            first = {}
            for item in run:
                for name in module_data_names(item)[:1]:
                    first.setdefault(name, len(first))
            ordered += sorted(run, key=lambda item: min((first[n] for n in module_data_names(item)), default=len(first)))
            start = index
    items[:] = ordered
    _write_groups(config, items)


def _write_groups(config, items):
    folder = getattr(config, "workerinput", {}).get(GROUPS_DIR)
    if not folder:
        return
    groups = {}
    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})
        if names:
            groups[item.nodeid] = "_".join(names)
    path = Path(folder) / f"{config.workerinput['workerid']}.json"
    path.with_suffix(".tmp").write_text(json.dumps(groups))
    path.with_suffix(".tmp").replace(path)


def pytest_xdist_make_scheduler(config, log):
    folder = getattr(config, "_factbase_groups_dir", None)
    if not folder:
        return None
    from xdist.scheduler import LoadGroupScheduling

    class MarkedGroupScheduling(LoadGroupScheduling):
        """``--dist loadgroup`` with the groups the workers collected: a group is one unit of work (sent to one
        worker, the largest first); every other test is a unit of its own."""

        groups = None

        def schedule(self):
            if self.groups is None and self.collection_is_completed:
                self.groups = {}
                for path in Path(folder).glob("*.json"):
                    self.groups.update(json.loads(path.read_text()))
            super().schedule()

        def _split_scope(self, nodeid):
            if nodeid.rfind("@") > nodeid.rfind("]"):  # a pytest that lets xdist mark the node id itself
                return super()._split_scope(nodeid)
            group = (self.groups or {}).get(nodeid)
            return f"group:{group}" if group else nodeid

    return MarkedGroupScheduling(config, log)
