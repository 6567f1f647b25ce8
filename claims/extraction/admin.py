"""Admin for what extraction proposes and a curator decides: proposed actors and re-report matches.

Registered from ``ClaimsConfig.ready`` (it needs both apps: a proposal lives in ``sources`` but confirming
it re-points draft claims). A curator sees each pending speaker with the sentence it came from, the
document and the drafts that wait on it, corrects its name or kind if needed, then:

- **confirm as a new actor** — creates the actor (with the name as an alias in its language);
- **merge into an existing actor** — give the actor's key in the box beside the action; the name becomes
  an alias of that actor;
- **reject** — the drafts stay on the placeholder ``proposed-speaker`` for re-attribution by hand.

Each re-points exactly the drafts and hops that still wait on it and reports any it left alone.

A **re-report match** (a draft that repeats an existing claim: a *suggested* ``repeats`` relation with its
reason) is accepted from the claim relations list with :func:`accept_rereports` ("Accept as another
appearance of the claim it repeats", reviewers only): the draft's appearance, with its hops and quote,
moves onto the matched claim and the emptied draft is retracted (:func:`.matching.rereport_accept`).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html_join

from factbase.admin import CuratedAdmin
from sources.models import Actor, ProposedActor, ProposedActorStatus

from .proposals import proposed_actor_confirm, proposed_actor_merge, proposed_actor_reject


@admin.action(description="Accept as another appearance of the claim it repeats (re-reports)", permissions=["review"])
def accept_rereports(modeladmin, request, queryset):
    """For the claim relations list: accept each selected suggested ``repeats`` relation as a re-report. One
    that cannot be accepted (not a suggested repeat, its draft no longer a draft, the claim already has the
    appearance) is reported by name and left unchanged; the others are accepted."""
    from .matching import rereport_accept

    accepted = 0
    for relation in queryset.select_related("source", "target"):
        try:
            appearance = rereport_accept(relation=relation, by=request.user)
        except (ValueError, ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", None) or [str(error)])
            modeladmin.message_user(request, f"{relation}: {text}", messages.ERROR)
            continue
        accepted += 1
        modeladmin.message_user(request, f"Draft {relation.source.key}: its appearance in {appearance.document.key} is "
                                         f"now an appearance of {relation.target.key}; the draft was retracted.",
                                messages.SUCCESS)
    modeladmin.message_user(request, f"{accepted} re-report(s) accepted.", messages.SUCCESS if accepted else messages.WARNING)


class ProposedActorActionForm(ActionForm):
    into = forms.CharField(required=False, label="merge into (actor key)", help_text="Only for the merge action.")


@admin.register(ProposedActor)
class ProposedActorAdmin(CuratedAdmin):
    list_display = ("name", "language", "kind", "title", "status", "document", "waiting_count", "actor")
    list_filter = ("status", "language", "kind")
    list_select_related = ("document", "actor")
    search_fields = ("name", "context")
    fields = ("name", "language", "kind", "title", "status", "actor", "document", "context", "waiting_list")
    readonly_fields = ("language", "title", "status", "actor", "document", "context", "waiting_list")
    action_form = ProposedActorActionForm
    actions = ["confirm", "merge", "reject"]

    def has_add_permission(self, request):
        return False  # proposals come from extraction; a curator adds actors directly

    def has_delete_permission(self, request, obj=None):
        return False  # a rejected proposal is kept, with its history

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != ProposedActorStatus.PENDING:
            return (*self.readonly_fields, "name", "kind")
        return self.readonly_fields

    @admin.display(description="drafts waiting")
    def waiting_count(self, obj):
        return len(obj.waiting or [])

    @admin.display(description="drafts and hops waiting on it")
    def waiting_list(self, obj):
        return format_html_join(
            "", "<div>{} ({})</div>", ((use.get("claim"), use.get("role")) for use in obj.waiting or [])
        ) or "—"

    def _report(self, request, proposal, resolution, verb):
        self.message_user(request, f"{proposal.name}: {verb} {resolution.actor.key}; {len(resolution.repointed)} "
                                   f"draft(s) re-pointed.", messages.SUCCESS)
        for note in resolution.left_alone:
            self.message_user(request, f"{proposal.name}: left alone {note}", messages.WARNING)

    @admin.action(description="Confirm as a new actor", permissions=["change"])
    def confirm(self, request, queryset):
        for proposal in queryset:
            try:
                resolution = proposed_actor_confirm(proposal=proposal, by=request.user)
            except ValidationError as exc:
                self.message_user(request, f"{proposal.name}: {'; '.join(exc.messages)}", messages.ERROR)
                continue
            self._report(request, proposal, resolution, "became")

    @admin.action(description="Merge into the actor whose key is given", permissions=["change"])
    def merge(self, request, queryset):
        key = (request.POST.get("into") or "").strip()
        into = Actor.objects.filter(key=key).first() if key else None
        if into is None:
            self.message_user(request, f"merge: no actor has the key {key!r}; nothing was changed", messages.ERROR)
            return
        for proposal in queryset:
            try:
                resolution = proposed_actor_merge(proposal=proposal, into=into, by=request.user)
            except ValidationError as exc:
                self.message_user(request, f"{proposal.name}: {'; '.join(exc.messages)}", messages.ERROR)
                continue
            self._report(request, proposal, resolution, "merged into")

    @admin.action(description="Reject (the drafts stay on the placeholder)", permissions=["change"])
    def reject(self, request, queryset):
        for proposal in queryset:
            try:
                proposed_actor_reject(proposal=proposal)
            except ValidationError as exc:
                self.message_user(request, f"{proposal.name}: {'; '.join(exc.messages)}", messages.ERROR)
                continue
            self.message_user(request, f"{proposal.name}: rejected", messages.SUCCESS)
