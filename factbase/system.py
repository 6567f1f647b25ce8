"""The named system user that imports and commands act as when no operator's user is given.

``factbase-import`` is created by the data migration ``claims.0006_import_system_user``: active (the
workflow checks that whoever acts is), not staff (it cannot log in to the admin: its password is
unusable), and in the **reviewer** group — an import states status and assessment (``status: published``,
a verdict), which only reviewers may set, and the operator who runs an import is trusted with that. Every
history row an import writes names this user (or the operator's user, ``--user``) and the run
(``import_bundle run #N``).
"""

from django.contrib.auth import get_user_model

IMPORT_USERNAME = "factbase-import"


def system_user():
    """The ``factbase-import`` user (created by a migration; recreated here if someone deleted it)."""
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(
        username=IMPORT_USERNAME, defaults={"is_active": True, "is_staff": False})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        reviewer = Group.objects.filter(name="reviewer").first()
        if reviewer is not None:
            user.groups.add(reviewer)
    return user
