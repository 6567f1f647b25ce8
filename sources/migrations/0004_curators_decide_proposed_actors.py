"""Data migration: curators and reviewers may view and decide (change) proposed actors.

Confirming, merging or rejecting a speaker that extraction proposed is curation; nobody adds or deletes a
proposal by hand. Re-runnable: the permissions are added, not duplicated; reversing removes them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_proposedactor", "change_proposedactor"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("sources")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="sources", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=["curator", "reviewer"]):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="sources", codename__in=CODENAMES))
    for group in Group.objects.filter(name__in=["curator", "reviewer"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0003_alias_kind_descriptor_and_proposed_actors"),
        ("claims", "0002_curator_and_reviewer_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
