from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """What was said and what we make of it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .extraction import admin  # noqa: F401  (registers the proposed-actor admin; needs both apps)
