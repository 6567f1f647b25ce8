from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Login lockouts (an admin-visible record of each) and the keyed seals of document bodies."""

    name = "factbase.security"
    label = "security"
    verbose_name = "Security"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import lockout, schema  # noqa: F401  (the lockout record's receiver, the schema extension)
