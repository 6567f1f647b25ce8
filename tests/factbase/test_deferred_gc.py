"""``factbase.deferred_gc.DeferredCollection``: the cyclic collector is paused while a response is built and sent,
resumed when the server closes it, at once for streams and files the server sends itself, after a failure, and as
soon as a second request is in flight."""

import gc

import pytest

from factbase import deferred_gc
from factbase.deferred_gc import DeferredCollection


@pytest.fixture(autouse=True)
def collector_on():
    gc.enable()
    assert deferred_gc._active == 0
    yield
    assert deferred_gc._active == 0, "a request was left deferring"
    gc.enable()


def start_response(status, headers, exc_info=None):
    return lambda data: None


#: What gunicorn puts in the environ (``gunicorn.SERVER_SOFTWARE``).
GUNICORN = {"SERVER_SOFTWARE": "gunicorn/23.0.0", "REQUEST_METHOD": "GET"}


class Body(list):
    closed = False

    def close(self):
        self.closed = True


def test_paused_while_built_and_sent_resumed_when_closed():
    seen = {}

    def app(environ, respond):
        seen["building"] = gc.isenabled()
        respond("200 OK", [])
        return Body([b"a", b"b"])

    result = DeferredCollection(app)(dict(GUNICORN), start_response)
    assert seen["building"] is False
    assert list(result) == [b"a", b"b"] and not gc.isenabled()  # sent with the collector still paused
    result.close()
    assert gc.isenabled() and result._result.closed
    result.close()  # a second close resumes nothing twice
    assert deferred_gc._active == 0


def test_a_second_request_in_flight_resumes_it_for_both():
    app = DeferredCollection(lambda environ, respond: [b"x"])
    first = app(dict(GUNICORN), start_response)
    assert not gc.isenabled() and deferred_gc.deferring()
    second = app(dict(GUNICORN), start_response)
    assert gc.isenabled() and not deferred_gc.deferring()
    first.close()
    assert gc.isenabled()  # the second is still in flight: it goes on collecting as usual
    second.close()
    assert gc.isenabled() and deferred_gc._active == 0
    third = app(dict(GUNICORN), start_response)  # alone again: paused again
    assert not gc.isenabled()
    third.close()
    assert gc.isenabled()


def test_a_stream_resumes_it_at_once():
    class Streaming(Body):
        streaming = True

    stream = Streaming([b"row\n"])
    result = DeferredCollection(lambda environ, respond: stream)(dict(GUNICORN), start_response)
    assert result is stream and gc.isenabled()


def test_a_file_the_server_sends_itself_is_handed_over_as_it_is():
    class FileWrapper:
        def __init__(self, handle, block_size=8192):
            self.handle = handle

    wrapped = FileWrapper(object())
    result = DeferredCollection(lambda environ, respond: wrapped)({**GUNICORN, "wsgi.file_wrapper": FileWrapper}, start_response)
    assert result is wrapped and gc.isenabled()


def test_a_failing_application_resumes_it():
    def app(environ, respond):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        DeferredCollection(app)(dict(GUNICORN), start_response)
    assert gc.isenabled()


def test_a_failing_close_resumes_it():
    class Failing(Body):
        def close(self):
            raise OSError("client went away")

    result = DeferredCollection(lambda environ, respond: Failing([b"x"]))(dict(GUNICORN), start_response)
    with pytest.raises(OSError):
        result.close()
    assert gc.isenabled()


def test_a_response_dropped_without_close_resumes_it():
    result = DeferredCollection(lambda environ, respond: [b"x"])(dict(GUNICORN), start_response)
    assert list(result) == [b"x"] and not gc.isenabled()
    del result  # a caller that never closes (not a WSGI server)
    assert gc.isenabled() and deferred_gc._active == 0


def test_other_callers_are_served_as_they_are():
    seen = {}

    def app(environ, respond):
        seen["building"] = gc.isenabled()
        return [b"x"]

    result = DeferredCollection(app)({"SERVER_SOFTWARE": "WSGIServer/0.2"}, start_response)
    assert result == [b"x"] and seen["building"] is True and deferred_gc._active == 0


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_writes_are_served_as_they_are(method):
    seen = {}

    def app(environ, respond):
        seen["building"] = gc.isenabled()
        return [b"x"]

    DeferredCollection(app)({**GUNICORN, "REQUEST_METHOD": method}, start_response)
    assert seen["building"] is True and deferred_gc._active == 0


def test_a_collector_switched_off_elsewhere_stays_off():
    gc.disable()
    try:
        result = DeferredCollection(lambda environ, respond: [b"x"])(dict(GUNICORN), start_response)
        second = DeferredCollection(lambda environ, respond: [b"y"])(dict(GUNICORN), start_response)
        assert not gc.isenabled()  # a second request does not switch on what was off before
        second.close()
        result.close()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_production_application_defers():
    from factbase.wsgi import application

    assert isinstance(application, DeferredCollection)
