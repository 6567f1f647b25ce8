"""Build admin POST data the way a browser would: from the form the admin rendered, plus changes."""

import datetime as dt
from decimal import Decimal


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime, Decimal, int)):
        return str(value)
    return value


def _add_form(data, form):
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool) or form.fields[name].__class__.__name__ == "BooleanField":
            if value:
                data[form.add_prefix(name)] = "on"
            continue
        if value is None:
            continue  # as a browser sends an empty field: nothing, or an empty string
        value = _plain(value)
        if hasattr(value, "pk"):
            value = str(value.pk)
        data[form.add_prefix(name)] = value


def rendered_form_data(response) -> dict:
    """The POST data of an admin add/change page as rendered: the main form and existing inline rows."""
    assert response.status_code == 200, response.status_code
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = _plain(management[name].value())
        for form in formset.initial_forms:
            _add_form(data, form)
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
    return data


def add_inline_rows(data: dict, prefix: str, rows: list[dict]) -> dict:
    """Append new rows to the inline formset ``prefix`` (e.g. "appearances")."""
    total = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    for offset, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{total + offset}-{name}"] = _plain(value)
    data[f"{prefix}-TOTAL_FORMS"] = str(total + len(rows))
    return data


def form_errors(response) -> str:
    """Every error on a re-rendered admin form (main form and inlines), as one string."""
    parts = [str(response.context["adminform"].form.errors)]
    for inline in response.context["inline_admin_formsets"]:
        parts += [str(inline.formset.non_form_errors()), *(str(f.errors) for f in inline.formset.forms)]
    return " ".join(parts)
