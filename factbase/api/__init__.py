"""Shared building blocks of the read-only REST API, one job per module.

- ``params``: reading numbers, ids and dates from the query string (ASCII digits only);
- ``pagination``: bounded page numbers for small tables, cursors over the primary key for large ones;
- ``filtering``: django-filter with errors named by parameter, key/id filter pairs, free-text term caps;
- ``ordering``: ``?ordering=`` among the view's fields, anything else a 400;
- ``negotiation``: an unknown ``?format=`` is a 400;
- ``renderers``: JSON (orjson), CSV, JSON-LD; ``browsable``: the HTML view;
- ``csv_stream``: CSV lists streamed in keyset batches;
- ``conditional``: ETags and 304s from the rendered body;
- ``errors``: the JSON error body, the exception handler, JSON 404/500 pages under /api/;
- ``schema``: the OpenAPI additions (error responses, the id-or-key parameter);
- ``throttling``: anonymous throttling in the shared cache;
- ``viewsets``: ``ReadOnlyAPIViewSet``, the base of every endpoint.
"""
