"""Capture of a document from its address: the page fetched, archived as WARC, its text extracted.

One module per job:

- ``addresses``   which addresses may be fetched (public ones, unless the operator allows more) and the
                  network backend that connects only to the address it checked;
- ``transport``   the httpx transport on that backend (no proxy);
- ``fetching``    the HTTP exchange chain (redirects followed and recorded, size and time limits, the
                  content types accepted);
- ``warc``        the chain written as WARC records, and a response record read back with its digests;
- ``storage``     archives through Django's storage API, named by digest (stored once);
- ``extraction``  the main text and metadata of an archived response (HTML, plain text, PDF);
- ``documents``   the Document written from a capture (created, updated as a new version, or unchanged);
- ``jobs``        capture jobs: submitted, run (with retries), their state;
- ``tasks``       the Celery task that runs a job in a worker;
- ``verification`` the archive re-read and re-checked against the stored document.

``sources`` never imports ``claims``: proposing claims from a captured text is the ``capture_url``
command's business (claims/management/commands/capture_url.py).
"""
