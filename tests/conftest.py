"""Shared fixtures: users by role, API client, and the seed loaded from seeds/; a fast password hasher; and
the hooks that let the run's processes share expensive work (tests/sharing.py): data built once per test
module, migrated databases copied from one template, and the xdist groups honoured."""

import pytest
from django.contrib.auth.models import Group
from django.test.utils import override_settings
from rest_framework.test import APIClient

from tests.sharing import (
    DatabaseTemplates,
    ModuleData,
    hand_run_folder_to,
    make_run_folder,
    marked_group_scheduler,
    remove_run_folder,
    run_folder,
    write_groups,
)


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Every test hashes passwords with MD5 (tests only): production's PBKDF2 costs about half a second per
    user made or password checked, and the suite makes thousands. Servers started as subprocesses (the
    serving tests' gunicorn, ``dev.py setup``) keep the real settings."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def no_throttle_leases():
    """Each test starts with no throttle leases in this process, as a new worker does (the counters live in
    the test's cache; a lease or a refusal remembered from another test's would answer for it)."""
    from factbase.api.throttling import leases

    leases.clear()
    yield
    leases.clear()


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


# --- data built once per module (tests/sharing.py) -----------------------------------------------------------
@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Roll back another test's module data before this test's fixtures (its ``db`` savepoint) are set up."""
    ModuleData.before_test(item)


def load_seed():
    from django.conf import settings
    from django.core.management import call_command

    call_command("import_bundle", str(settings.BASE_DIR / "seeds"), verbosity=0)


@pytest.fixture(scope="module")
def seed_module_data(django_db_setup, django_db_blocker):
    data = ModuleData("seed_module_data", django_db_blocker).open(load_seed)
    yield data
    data.close()


@pytest.fixture(scope="module")
def series_module_data(django_db_setup, django_db_blocker):
    from tests.claims.provenance_world import build_series

    data = ModuleData("series_module_data", django_db_blocker).open(lambda: ModuleData.keep(build_series()))
    yield data
    data.close()


@pytest.fixture
def series(series_module_data, db):
    """tests/claims/provenance_world.py's ``build_series()`` records (the NIS series of issue 14), built once per
    test module and read afresh for each test: a test may change them (``ModuleData``)."""
    return ModuleData.fresh(series_module_data.check())


@pytest.fixture
def seeded(seed_module_data, db):
    """The seed article and its curated claims, loaded through the real importer (once per module: see
    ``ModuleData``; the test's own writes are rolled back after it)."""
    seed_module_data.check()


# --- the run's shared folder, test order and xdist groups (tests/sharing.py) ---------------------------------
def pytest_configure(config):
    make_run_folder(config)


def pytest_unconfigure(config):
    remove_run_folder(config)


@pytest.hookimpl(optionalhook=True)  # xdist's hooks: optional, so that ``-p no:xdist`` works
def pytest_configure_node(node):
    hand_run_folder_to(node)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    ModuleData.order_tests(items)  # after pytest-django's order (database tests first)
    write_groups(config, items)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist", "no") == "loadgroup":
        return marked_group_scheduler(config, log)
    return None


@pytest.fixture(scope="session")
def database_templates(request):
    """Fresh migrated databases copied from a template migrated once per run (``DatabaseTemplates``)."""
    return DatabaseTemplates(run_folder(request.config))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, database_templates):
    """On PostgreSQL, each process's test database is created from the run's migrated template (Django's
    ``TEST["TEMPLATE"]``): migrated once per run, not once per process; the subprocess tests' databases
    are copies of it too. Django still runs ``migrate`` on the copy (nothing left to apply)."""
    from django.conf import settings

    if database_templates.postgresql_template_name():
        settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = database_templates.postgresql_template()
