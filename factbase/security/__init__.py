"""Security of the running site: who the client is, logins that defend themselves, production settings
that refuse to start when unsafe, and keyed seals that make a changed document body evident.

One module per job: ``client_address`` (the one place that reads forwarded headers), ``throttling`` (DRF's
throttles on that address), ``lockout`` (failed logins counted in the shared cache, via django-axes),
``production`` (the checks settings.py runs), ``seals`` (body seals for ``verify_provenance``). The
headers (Permissions-Policy, Vary, Cache-Control) are set by ``factbase.middleware.SecurityHeadersMiddleware``.
"""
