from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """What was said and what we make of it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"

    def ready(self):
        from sources.services import document_body_changed

        from .extraction import admin  # noqa: F401  (registers the proposed-actor admin; needs both apps)
        from .services.derived import appearances_reverify

        # Sent only by sources.services.document_update (sources cannot import claims): a changed body
        # re-verifies the quotes of the document's appearances.
        document_body_changed.connect(appearances_reverify, dispatch_uid="claims.appearances_reverify")
