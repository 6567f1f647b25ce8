"""OpenAPI additions: the error responses every endpoint can give, and the id-or-key path parameter."""

from drf_spectacular.openapi import AutoSchema

from .errors import ERROR_SCHEMA


class ErrorDocumentingAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the error responses every endpoint can give (400, 404, 429 —
    and 401/403 where staff only) and the ``id_or_key`` path parameter described."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        error = {"content": {"application/json": {"schema": ERROR_SCHEMA}}}
        codes = {
            "400": "A query parameter is unknown or has an invalid value.",
            "404": "No such object (or not visible to you).",
            "429": "Too many requests from an anonymous reader (see Retry-After).",
        }
        if any(getattr(permission, "__name__", "") == "IsAdminUser" for permission in self.view.permission_classes):
            codes["401"] = "Staff only: sign in."
            codes["403"] = "Staff only."
        for code, description in codes.items():
            responses.setdefault(code, {"description": description, **error})
        if "200" in responses and "content" in responses["200"]:
            # The browsable view (a browser's Accept, or ?format=api).
            responses["200"]["content"].setdefault("text/html", {"schema": {"type": "string"}})
        return responses

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if parameter["name"] == "id_or_key":
                parameter["description"] = "The numeric id or the stable key (all digits mean an id)."
        return parameters
