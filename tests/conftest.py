"""Shared fixtures: users by role, API client, and the seed loaded from seeds/; a fast password hasher; and
the xdist groups honoured (see ``pytest_xdist_make_scheduler``)."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
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


@pytest.fixture
def seeded(db):
    """The seed article and its curated claims, loaded through the real importer."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("import_bundle", str(settings.BASE_DIR / "seeds"), verbosity=0)


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
