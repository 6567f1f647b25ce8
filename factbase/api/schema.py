"""OpenAPI additions: the error responses every endpoint can give, and the id-or-key path parameter."""

from drf_spectacular.openapi import AutoSchema

from .errors import ERROR_SCHEMA

ERROR_RESPONSES = {
    "400": "A query parameter is unknown or has an invalid value.",
    "404": "No such object (or not visible to you).",
    "429": "Too many requests from an anonymous reader (see Retry-After).",
}
STAFF_ONLY_RESPONSES = {"401": "Staff only: sign in.", "403": "Staff only."}
ID_OR_KEY = "The numeric id or the stable key (all digits mean an id)."


class ErrorDocumentingAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the error responses every endpoint can give (400, 404, 429 —
    and 401/403 where staff only) and the ``id_or_key`` path parameter described.

    Only ``get_operation``, drf-spectacular's public hook for one operation, is extended: the operation it
    builds is completed, nothing of its internals is overridden."""

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation["responses"]
        codes = dict(ERROR_RESPONSES)
        if any(getattr(permission, "__name__", "") == "IsAdminUser" for permission in self.view.permission_classes):
            codes.update(STAFF_ONLY_RESPONSES)
        error = {"content": {"application/json": {"schema": ERROR_SCHEMA}}}
        for code, description in codes.items():
            responses.setdefault(code, {"description": description, **error})
        if "200" in responses and "content" in responses["200"]:
            # The browsable view (a browser's Accept, or ?format=api).
            responses["200"]["content"].setdefault("text/html", {"schema": {"type": "string"}})
        for parameter in operation.get("parameters", ()):
            if parameter.get("in") == "path" and parameter["name"] == "id_or_key" and not parameter.get("description"):
                parameter["description"] = ID_OR_KEY  # unless a view describes it itself (extend_schema)
        return operation
