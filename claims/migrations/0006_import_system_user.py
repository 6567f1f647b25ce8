"""The named system user imports act as: ``factbase-import``, active, not staff, unusable password, in the
reviewer group (see ``factbase.system``)."""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations

USERNAME = "factbase-import"


def create_user(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Group = apps.get_model("auth", "Group")
    user, _ = User.objects.get_or_create(
        username=USERNAME, defaults={"is_active": True, "is_staff": False, "password": make_password(None)})
    reviewer = Group.objects.filter(name="reviewer").first()
    if reviewer is not None:
        user.groups.add(reviewer)


def remove_user(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    User.objects.filter(username=USERNAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0005_claim_partial_indexes_for_api_filters"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(create_user, remove_user)]
