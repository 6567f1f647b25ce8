"""Data migration: the curator and reviewer groups and their permissions.

Curators add and change drafts (never delete); reviewers may also publish, retract and assess.
Re-runnable: permissions are set, not appended.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED = {
    "sources": ["actor", "actoralias", "document"],
    "claims": ["claim", "appearance", "attributionhop", "proposition", "claimstance", "estimate", "claimrelation"],
}
REVIEWER_EXTRA = ["publish_claim", "retract_claim", "assess_claim"]


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations run; the groups need them now.
    for app_label in ["sources", "claims", "factbase"]:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    _ensure_permissions(apps)

    curator_codenames = [("factbase", "view_importrun")]
    for app_label, models in CURATED.items():
        for model in models:
            curator_codenames += [(app_label, f"{action}_{model}") for action in ("view", "add", "change")]
    reviewer_codenames = curator_codenames + [("claims", codename) for codename in REVIEWER_EXTRA]

    for group_name, codenames in [("curator", curator_codenames), ("reviewer", reviewer_codenames)]:
        group, _ = Group.objects.get_or_create(name=group_name)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in codenames
        ]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["curator", "reviewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("factbase", "0001_import_run_log"),
        ("sources", "0001_actors_aliases_documents"),
        ("claims", "0001_claims_appearances_propositions_estimates"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
