"""Capture jobs in the admin: "Capture from address" (the add page) and each job's state, read-only.

Who may capture follows who may write documents: adding a job needs the permissions to add and change
documents (curators and reviewers have them), seeing jobs needs the permission to view documents. Jobs are
never edited; a failed one is captured again as a new job (the list's action), so every attempt stays on
record. A job page refreshes itself until the job is done or failed.
"""

from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .jobs import QueueNotConfigured, capture_job_submit, capture_jobs_resubmit, queue_configured
from .models import CaptureJob, CaptureState

ADD_FIELDS = ("url", "published_on", "kind", "publisher", "replace_body")
STATE_COLOURS = {CaptureState.QUEUED: "#8a6d00", CaptureState.RUNNING: "#205493", CaptureState.DONE: "#2e7d32",
                 CaptureState.FAILED: "#b00020"}


@admin.register(CaptureJob)
class CaptureJobAdmin(admin.ModelAdmin):
    list_display = ("id", "address", "state_badge", "attempts", "document_link", "requested_by", "created_at")
    list_display_links = ("id", "address")
    list_filter = ("state", "outcome", "created_at")
    search_fields = ("url", "final_url", "error")
    search_help_text = "Address, final address or error text."
    list_select_related = ("document", "requested_by")
    autocomplete_fields = ("publisher",)
    actions = ["capture_again"]
    change_form_template = "admin/capture/capturejob/change_form.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ("url", "state_badge", "error", "document_link", "notes_list", "attempts", "requested_by",
                           "created_at", "started_at", "finished_at", "next_attempt_at")}),
        ("What was fetched", {"fields": ("final_url", "redirect_chain", "http_status", "content_type")}),
        ("Archive and proof", {"fields": ("warc_archive", "warc_record_id", "warc_payload_digest", "body_sha256",
                                          "extractor", "import_run")}),
        ("Asked for", {"fields": ("kind", "publisher", "published_on", "replace_body")}),
    ]
    add_fieldsets = [(None, {
        "fields": ADD_FIELDS,
        "description": "Paste the address of a page (HTML, plain text or PDF). It is fetched, archived as WARC "
                       "and its main text becomes a document — or a new version of the document that already "
                       "has this address, if the page changed.",
    })]

    # -- permissions: those of documents ----------------------------------------------------------------
    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff and request.user.has_perm("sources.view_document")

    def has_add_permission(self, request):
        user = request.user
        return (user.is_active and user.is_staff and user.has_perm("sources.add_document")
                and user.has_perm("sources.change_document"))

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    # -- add = capture from address ---------------------------------------------------------------------
    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return [field for _, options in self.fieldsets for field in options["fields"]]

    def add_view(self, request, form_url="", extra_context=None):
        mode = ("a worker runs it (retries with back-off)" if queue_configured()
                else "it runs now, in this request (no job queue is configured)")
        extra_context = {**(extra_context or {}), "title": "Capture a page from its address", "capture_mode": mode}
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, object_id)
        refresh = job is not None and not job.finished
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "auto_refresh": refresh})

    def save_model(self, request, obj, form, change):
        job = capture_job_submit(url=obj.url, requested_by=request.user, kind=obj.kind, publisher=obj.publisher,
                                 published_on=obj.published_on, replace_body=obj.replace_body)
        obj.pk = job.pk
        obj._state.adding = False

    def response_add(self, request, obj, post_url_continue=None):
        how = "a worker will run it" if queue_configured() else "it runs now"
        self.message_user(request, f"Capture job #{obj.pk} submitted for {obj.url} ({how}); this page follows it.",
                          messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:capture_capturejob_change", args=[obj.pk]))

    @admin.action(description="Capture the selected addresses again (new jobs)")
    def capture_again(self, request, queryset):
        if not self.has_add_permission(request):
            self.message_user(request, "You may not capture documents.", messages.ERROR)
            return None
        try:
            jobs = capture_jobs_resubmit(jobs=list(queryset.select_related("publisher")), requested_by=request.user)
        except QueueNotConfigured as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return None
        self.message_user(request, f"{len(jobs)} capture job(s) submitted.", messages.SUCCESS)
        return None

    # -- read-only displays -----------------------------------------------------------------------------
    @admin.display(description="address", ordering="url")
    def address(self, obj):
        return obj.url if len(obj.url) <= 80 else obj.url[:79] + "…"

    @admin.display(description="state", ordering="state")
    def state_badge(self, obj):
        text = obj.get_state_display()
        if obj.state == CaptureState.QUEUED and obj.next_attempt_at:
            text += f" — retry after attempt {obj.attempts}"
        if obj.state == CaptureState.DONE:
            text += f" — {obj.get_outcome_display()}"
        return format_html('<strong class="capture-state capture-{}" style="color: {}">{}</strong>', obj.state,
                           STATE_COLOURS.get(obj.state, "inherit"), text)

    @admin.display(description="document")
    def document_link(self, obj):
        if obj.document_id is None:
            return "—"
        return format_html('<a class="capture-document" href="{}">{}</a>',
                           reverse("admin:sources_document_change", args=[obj.document_id]), obj.document)

    @admin.display(description="redirects")
    def redirect_chain(self, obj):
        if not obj.redirects:
            return "none"
        return format_html("<ol>{}</ol>", format_html_join(
            "", "<li>{} → HTTP {} → {}</li>", ((hop["url"], hop["status"], hop["location"]) for hop in obj.redirects)
        ))

    @admin.display(description="notes")
    def notes_list(self, obj):
        if not obj.notes:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((note,) for note in obj.notes)))
