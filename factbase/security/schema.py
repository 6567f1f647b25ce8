"""The OpenAPI schema describes the lockout-aware Basic authentication as plain HTTP Basic (``basicAuth``)."""

from drf_spectacular.authentication import BasicScheme


class LockoutBasicScheme(BasicScheme):
    target_class = "factbase.security.lockout.LockoutBasicAuthentication"
