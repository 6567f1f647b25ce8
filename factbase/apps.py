from django.apps import AppConfig


class FactbaseConfig(AppConfig):
    """Shared building blocks: base models, the import-run log, choices and helpers."""

    name = "factbase"
    verbose_name = "factbase"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from .plans import install

        # Reads that may keep one plan (factbase.plans.generic_plans) on every PostgreSQL connection.
        connection_created.connect(install, dispatch_uid="factbase.plans.install")
