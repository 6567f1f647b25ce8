"""``?ordering=``: one or more of the view's ``ordering_fields``, each optionally prefixed by one ``-``."""

from rest_framework import exceptions
from rest_framework.filters import OrderingFilter


class StrictOrderingFilter(OrderingFilter):
    """``?ordering=field`` or ``-field`` among the view's ``ordering_fields``; anything else is a 400.

    Every term is matched whole: ``--id``, ``-``, an empty term (``id,``), an unknown or private field is
    refused — never handed to ``order_by`` (which raises on ``--id``).
    """

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        allowed = set(view.ordering_fields)
        terms = [term.strip() for term in raw.split(",")]
        bad = [term for term in terms if (term[1:] if term.startswith("-") else term) not in allowed]
        if bad:
            choices = ", ".join(sorted(allowed))
            raise exceptions.ValidationError(
                {self.ordering_param: [f"cannot order by {', '.join(map(repr, bad))}; use {choices} (prefix - to reverse)"]}
            )
        return terms

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        choices = sorted({*view.ordering_fields, *(f"-{field}" for field in view.ordering_fields)})
        for parameter in parameters:
            parameter["schema"] = {"type": "string", "enum": choices}
        return parameters
