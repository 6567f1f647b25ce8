"""What can go wrong in a capture, split by what to do about it: retry later, or stop and say why."""


class CaptureError(Exception):
    """A capture that cannot succeed as asked (retrying changes nothing): the message says why."""


class AddressRefused(CaptureError):
    """The address is not one this server may fetch (scheme, private or reserved network...)."""


class ResponseRefused(CaptureError):
    """The server answered, but not with something to archive (type, size, status 4xx...)."""


class CaptureConflict(CaptureError):
    """The document was changed by hand since it was captured: a re-capture will not overwrite it."""


class TransientCaptureError(CaptureError):
    """A failure that may pass (timeout, connection refused, 5xx, 429): the job is retried with back-off."""
