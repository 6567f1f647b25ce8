"""The production WSGI application, with streamed bodies slowed down: a stand-in for a slow database.

Each chunk of a streaming response is held back ``FACTBASE_TEST_CHUNK_DELAY`` seconds, so that an export
of a few thousand rows lasts longer than the server's timeout in a test. Used by tests/serving only.
"""

import os
import time

from factbase.wsgi import application as _application

DELAY = float(os.environ.get("FACTBASE_TEST_CHUNK_DELAY", "0"))


def application(environ, start_response):
    body = _application(environ, start_response)
    if not DELAY or "format=csv" not in environ.get("QUERY_STRING", ""):
        return body

    def slowed():
        try:
            for chunk in body:
                time.sleep(DELAY)
                yield chunk
        finally:
            if hasattr(body, "close"):
                body.close()

    return slowed()
