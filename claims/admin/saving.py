"""How the admin saves a claim's parts: through ``claims.services.parts``, never ``Model.save()``.

Used by the parts' own pages (``parts``), the claim page's inlines (``claim``), the appearance page's hop
inline and the proposition page's stance inline, so that every path obeys the workflow (a curator edits
drafts only; moving a part needs the right to edit both claims), raises the claim's version, shows in the
claim's history and refuses a stale form with the list of changes made since it was opened.

``ClaimVersionForm`` carries ``claim_version``: the version of the part's claim when the page was opened.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from factbase.cleaning import FULL

from ..models import AttributionHop, Claim
from ..services import parts, workflow


def part_claim(instance):
    """The claim a part belongs to (a hop: its appearance's), or None while it has none."""
    owner = parts.OWNER_FIELD[type(instance)]
    related = getattr(instance, owner, None) if getattr(instance, f"{owner}_id", None) else None
    if related is None:
        return None
    return related.claim if isinstance(instance, AttributionHop) else related


def stored_claim(instance):
    """The claim the stored copy of ``instance`` belongs to (where a move starts from)."""
    if instance.pk is None:
        return None
    stored = type(instance).objects.get(pk=instance.pk)
    return part_claim(stored)


class ClaimVersionForm(forms.ModelForm):
    """A part's form: refused when ``user`` may not change the claim(s), or the claim changed since opened."""

    claim_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False,
        help_text="The version of the part's claim this page was opened on; a save on a stale page is refused.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        claim = part_claim(self.instance) if self.instance.pk else None
        if claim is not None:
            self.fields["claim_version"].initial = claim.version

    def clean(self):
        cleaned = super().clean()
        if self.user is None:
            return cleaned
        before = stored_claim(self.instance)
        after = self._claim_after(cleaned)
        for claim in {c.pk: c for c in (before, after) if c is not None}.values():
            current = Claim.objects.get(pk=claim.pk)
            try:
                workflow.claim_edit_require(claim=current, by=self.user)
            except workflow.WorkflowError as error:
                raise ValidationError(error.messages[0], code="permission_denied") from None
        if before is not None:
            expected = cleaned.get("claim_version")
            stored = Claim.objects.filter(pk=before.pk).values_list("version", flat=True).first()
            if expected is None:
                raise ValidationError("This form does not say which version of the claim it edits: reload the page.")
            if stored != expected:
                raise ValidationError(workflow.version_conflict(claim=before, expected_version=expected).messages[0],
                                      code="version_conflict")
        return cleaned

    def _claim_after(self, cleaned):
        owner = parts.OWNER_FIELD[self._meta.model]
        related = cleaned.get(owner, getattr(self.instance, owner, None) if getattr(self.instance, f"{owner}_id", None) else None)
        if related is None:
            return None
        return related.claim if self._meta.model is AttributionHop else related


def form_values(form, model) -> dict:
    """The fields the form changed that the services set."""
    return {name: form.cleaned_data[name] for name in form.changed_data if name in parts.EDITABLE[model]}


def part_save(*, form, obj, change, by, reason: str = "") -> None:
    """Save one part from its page: ``parts_add`` or ``parts_update`` with the page's claim version."""
    model = type(obj)
    expected = form.cleaned_data.get("claim_version")
    if not change:
        parts.parts_add(parts=[obj], by=by, reason=reason, validate=FULL)
        _report_quote(form, obj)
        return
    stored = model.objects.get(pk=obj.pk)
    values = form_values(form, model)
    owner = part_claim(stored)
    changed = parts.parts_update(changes=[(stored, values)], by=by, reason=reason, validate=FULL,
                                 expected_versions={owner.pk: expected} if expected is not None else None)
    if changed:
        for name in changed[0].changed_fields:
            setattr(obj, name, getattr(stored, name))
    _report_quote(form, stored)


def formset_save(*, formset, by, reason: str = "", new_claim_ids=()) -> None:
    """Save an inline formset's new, changed and deleted rows through the parts services (in one batch each).

    The page's own form has checked the claim's version (the claim page) or the appearance's claim is
    checked by the services (the appearance page); the admin's transaction covers the whole page.
    ``new_claim_ids``: the claim the page just created (its parts come with it: version 1 stays).
    """
    model = formset.model
    if model not in parts.EDITABLE:
        # Joint claimants, wordings per report, related quantities (claims.services.provenance's rows): checked by
        # their forms and models (full_clean), saved as the formset has them; a claim whose rows changed gets
        # version + 1 and a history record, as for its other parts.
        formset.save()
        touched = formset.new_objects + [obj for obj, _fields in formset.changed_objects] + formset.deleted_objects
        claim_ids = {obj.claim_id if hasattr(obj, "claim_id") else obj.appearance.claim_id
                     for obj in touched if hasattr(obj, "claim_id") or hasattr(obj, "appearance_id")}
        for claim_id in sorted(claim_ids - set(new_claim_ids)):
            workflow.claim_version_raise(claim_id=claim_id, by=by, reason=reason or f"{model._meta.verbose_name_plural} changed")
        return
    instances = formset.save(commit=False)
    new = [obj for obj in instances if obj.pk is None]
    changes = []
    for obj, fields in formset.changed_objects:
        stored = model.objects.get(pk=obj.pk)
        changes.append((stored, {name: getattr(obj, name) for name in fields if name in parts.EDITABLE[model]}))
    if formset.deleted_objects:
        parts.parts_remove(parts=list(formset.deleted_objects), by=by, reason=reason, new_claim_ids=new_claim_ids)
    if changes:
        parts.parts_update(changes=changes, by=by, reason=reason, validate=FULL, new_claim_ids=new_claim_ids)
    if new:
        parts.parts_add(parts=new, by=by, reason=reason, validate=FULL, new_claim_ids=new_claim_ids)
    formset.save_m2m()


def _report_quote(form, obj):
    message = getattr(obj, "quote_message", "")
    request = getattr(form, "request", None)
    if message and request is not None:
        messages.info(request, message)


def refused_redirect(modeladmin, request, error):
    """A refusal found only at save time (another save slipped in after validation): the whole save is rolled
    back by the admin's transaction; the curator gets what happened and a fresh page, never a 500."""
    modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
    return HttpResponseRedirect(request.get_full_path())


def form_with_user(form_class, user, request=None):
    """``form_class`` bound to the user who saves (its ``clean`` checks their right) and the request."""
    class WithUser(form_class):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("user", user)
            super().__init__(*args, **kwargs)
            self.request = request

    WithUser.__name__ = form_class.__name__
    return WithUser

