"""Forms curators fill in: a claim (carrying the version it was opened on) and its appearances.

``ClaimForm`` carries ``expected_version`` as a hidden field so that a save made on a stale page is
refused with the list of changes made in between (see ``claims.services.workflow.claim_save``).
``AppearanceForm`` lets a curator paste a quote without offsets: it is found in the document body the way
curators paste (``claims.services.quotes.quote_locate``: curly or straight quotes, dashes, spaces, Unicode
form) and the document's exact span is kept; a quote that is absent (the error names the closest passage
and the first differing character), or present more than once, is a form error.
"""

from django import forms
from django.core.exceptions import ValidationError

from .models import Appearance, AttributionHop, Claim
from .services.quotes import QuoteAmbiguous, QuoteNotFound, quote_locate
from .services.workflow import version_conflict

CLAIM_FORM_FIELDS = [
    "key", "claimant", "kind", "summary", "summary_language", "stated_on", "stated_on_precision", "hedge",
    "subjects", "location", "location_country", "interested", "verdict", "credibility", "rationale",
]
APPEARANCE_FORM_FIELDS = [
    "document", "quote", "start", "end", "translation", "translation_language", "stated_on", "stated_on_precision", "medium",
]


class ClaimForm(forms.ModelForm):
    expected_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False,
        help_text="The version of the claim this form was opened on; a save on a stale copy is refused.",
    )

    class Meta:
        model = Claim
        fields = CLAIM_FORM_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            expected = cleaned.get("expected_version")
            if expected is None:
                raise ValidationError("This form does not say which version of the claim it edits: reload the page.")
            stored = Claim.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if stored != expected:
                conflict = version_conflict(claim=self.instance, expected_version=expected)
                raise ValidationError(conflict.messages[0], code="version_conflict")
        return cleaned


class PrecisionDefaultsMixin:
    """Date precisions that may be left out (a form posted without them): the field's default (day) is taken."""

    optional_precisions: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.optional_precisions:
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        for name in self.optional_precisions:
            if name in self.fields and not cleaned.get(name):
                cleaned[name] = self._meta.model._meta.get_field(name).get_default()
        return cleaned


class AppearanceForm(PrecisionDefaultsMixin, forms.ModelForm):
    optional_precisions = ("stated_on_precision",)
    start = forms.IntegerField(
        min_value=0, required=False,
        help_text="Character offset of the quote in the body. Leave start and end empty to have them found.",
    )
    end = forms.IntegerField(min_value=1, required=False, help_text="Character offset just after the quote.")

    class Meta:
        model = Appearance
        fields = APPEARANCE_FORM_FIELDS
        widgets = {"quote": forms.Textarea(attrs={"rows": 2}), "translation": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        cleaned = super().clean()
        document, quote = cleaned.get("document"), cleaned.get("quote")
        start, end = cleaned.get("start"), cleaned.get("end")
        if document is None or not quote:
            return cleaned
        if start is None and end is None:
            try:
                match = quote_locate(body=document.body, quote=quote)
            except QuoteAmbiguous as error:
                raise ValidationError({"start": f"{error} — the quote is ambiguous, so give its offsets"}) from None
            except QuoteNotFound as error:
                raise ValidationError({"quote": str(error)}) from None
            cleaned["start"], cleaned["end"], cleaned["quote"] = match.start, match.end, match.text
            self.instance.quote_message = match.message
        elif start is None or end is None:
            raise ValidationError({"start" if start is None else "end": "give both start and end, or neither"})
        return cleaned


class RelayForm(PrecisionDefaultsMixin, forms.ModelForm):
    """One actor at one step of a relay chain (rows sharing a step number are parallel relays)."""

    optional_precisions = ("passed_on_precision",)

    class Meta:
        model = AttributionHop
        fields = ["position", "actor", "relation", "medium", "language", "passed_on", "passed_on_precision"]
