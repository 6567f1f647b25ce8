from django.apps import AppConfig


class CaptureConfig(AppConfig):
    """Capture jobs and their admin; the Document fields they fill live in ``sources``."""

    name = "sources.capture"
    label = "capture"
    verbose_name = "Captures"
    default_auto_field = "django.db.models.BigAutoField"
