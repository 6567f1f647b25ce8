"""Admin building blocks shared by the apps, the site's titles, and the read-only import-run log.

``CuratedAdmin`` is the base of every curated model's admin: full change history (who, when,
before → after) from django-simple-history, the import runs that first and last touched the record
shown read-only, and history pages that can be read but never posted to (a "revert" would bypass
the checks the change form makes; make the change again in the form instead).
"""

from django.contrib import admin
from django.db import models
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .readable_history import readable_history
from .models import ImportRun

admin.site.site_header = "factbase curation"
admin.site.site_title = "factbase"
admin.site.index_title = "Claims, sources and their review"

IMPORT_RUN_FIELDS = ("first_import_run_link", "last_import_run_link")


def import_run_link(run):
    if run is None:
        return "— (entered by hand)"
    return format_html('<a href="{}">{}</a>', reverse("admin:factbase_importrun_change", args=[run.pk]), str(run))


class CuratedAdmin(SimpleHistoryAdmin):
    """History, import provenance and read-only history pages for a curated model."""

    history_list_display = []
    # URLs typed without a scheme are taken as https (Django 6's default; stated now to silence its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="first import run")
    def first_import_run_link(self, obj):
        return import_run_link(obj.first_import_run) if obj.pk else "—"

    @admin.display(description="last import run")
    def last_import_run_link(self, obj):
        return import_run_link(obj.last_import_run) if obj.pk else "—"

    def history_sources(self, obj) -> list:
        """The histories shown on ``obj``'s history page: its own, and (for a claim) its parts'."""
        return [("", obj.history.all())]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if obj is not None:
            sources = self.history_sources(obj)
            context["readable_history"] = readable_history(sources=sources, quiet_reasons=len(sources) > 1)
        return super().history_view(request, object_id, context)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Not used: ``readable_history`` computes the changes (simple-history's way queries per record)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("past versions are read-only: make the change again in the form")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True


def superuser_only_delete(request):
    """Nothing curated is hard-deleted except by a superuser (a claim is retracted instead)."""
    return request.user.is_active and request.user.is_superuser


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """The log of import runs: which files (and their SHA-256), who, when, and what each did. Read-only."""

    list_display = ("id", "command", "file_names", "operator", "started_at", "created", "updated", "unchanged")
    list_filter = ("command", "started_at")
    search_fields = ("command", "operator", "files")
    list_select_related = ("user",)
    fields = ("command", "files", "operator", "user", "started_at", "finished_at", "created", "updated", "unchanged", "counts")
    readonly_fields = fields

    @admin.display(description="files")
    def file_names(self, obj):
        return ", ".join(f.get("name", "?") for f in obj.files) or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
