from django.apps import AppConfig


class FactbaseConfig(AppConfig):
    """Shared building blocks: base models, the import-run log, choices and helpers."""

    name = "factbase"
    verbose_name = "factbase"
    default_auto_field = "django.db.models.BigAutoField"
