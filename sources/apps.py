from django.apps import AppConfig


class SourcesConfig(AppConfig):
    """Who speaks and where it was recorded."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "sources"
