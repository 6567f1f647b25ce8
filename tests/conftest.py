"""Shared fixtures: users by role, API client, and the seed loaded from seeds/."""

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient


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
