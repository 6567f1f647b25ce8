"""Failed logins, counted per account and per client address in the shared cache (django-axes).

django-axes does the counting: its authentication backend refuses any login (even with the right
password) for an account or address that has reached ``AXES_FAILURE_LIMIT`` failures, and its cache
handler keeps the counts in the ``default`` cache — Redis when ``CACHE_URL`` is set, so every worker of
every app server sees the same counts. Each failure while locked out starts the lockout again.

This module adds what the site needs around it:

- the admin's lockout page (429, in the admin's look) and the API's answer (429 JSON with Retry-After);
- a ``LoginLockout`` row per lockout, for the admin to see and lift (``login_lockout_lift``), since the
  counts in the cache are invisible there;
- an authentication backend that tolerates ``authenticate()`` without a request (``Client.login`` in
  tests, the shell): there is no client to count, so nothing is counted or refused.
"""

import datetime as dt
import math

from axes.backends import AxesStandaloneBackend
from axes.handlers.cache import AxesCacheHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cache, get_cool_off, get_failure_limit
from axes.signals import user_locked_out
from django.contrib import admin
from django.db import router, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication

from .client_address import client_address
from .models import LoginLockout


def cool_off() -> dt.timedelta:
    return get_cool_off() or dt.timedelta(minutes=15)


def lockout_message(minutes: int | None = None) -> str:
    minutes = minutes or math.ceil(cool_off().total_seconds() / 60)
    return (
        f"Too many failed logins for this account or from this address: logins are refused for {minutes} "
        f"minutes after the last failed attempt (each new attempt starts the wait again). "
        "An administrator can lift the lockout sooner."
    )


class SharedCacheHandler(AxesCacheHandler):
    """django-axes' cache handler, looking the cache up on each use (``caches[AXES_CACHE]``, per thread, as
    Django hands out cache connections) instead of keeping the one it found when first made."""

    def __init__(self):
        pass

    @property
    def cache(self):
        return get_cache()


class LoginBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in ``AUTHENTICATION_BACKENDS``; a call without a request passes."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None  # no client to count (tests' Client.login, the shell): the next backend decides
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginLockedOut(exceptions.Throttled):
    """The API's answer to a locked-out client: 429 with Retry-After."""

    default_code = "login_locked_out"

    def __init__(self):
        seconds = int(cool_off().total_seconds())
        super().__init__(wait=seconds, detail=lockout_message())


class LockoutBasicAuthentication(BasicAuthentication):
    """HTTP Basic authentication whose refusals while locked out are 429s, not "invalid password" 403s."""

    def authenticate_credentials(self, userid, password, request=None):
        if "\x00" in userid or "\x00" in password:
            # No account has a NUL in its name or password, and PostgreSQL cannot compare text holding one:
            # refuse it like a wrong password before any query (the lookup, a lockout's record) sees it. It is
            # not counted as a failed login: it cannot be a guess at a real password.
            raise exceptions.AuthenticationFailed("Invalid username/password.")
        try:
            return super().authenticate_credentials(userid, password, request)
        except exceptions.AuthenticationFailed:
            if request is not None and getattr(request, "axes_locked_out", False):
                raise LoginLockedOut() from None
            raise


def lockout_response(request, original_response=None, credentials=None):
    """The admin's (and any other form login's) lockout page: 429, Retry-After, what to do."""
    minutes = math.ceil(cool_off().total_seconds() / 60)
    context = {
        **admin.site.each_context(request),  # the admin's header and titles
        "title": "Too many failed logins", "minutes": minutes, "message": lockout_message(minutes),
        "failure_limit": get_failure_limit(request, credentials),
    }
    response = render(request, "security/lockout.html", context, status=429)
    response["Retry-After"] = str(int(cool_off().total_seconds()))
    return response


@receiver(user_locked_out, dispatch_uid="factbase.security.record_lockout")
def record_lockout(sender, request, username, ip_address, **kwargs):
    """Keep an admin-visible row per lockout; attempts while it lasts (from its address or for its account)
    extend it rather than adding rows."""
    now = timezone.now()
    failures = getattr(request, "axes_failures_since_start", None) or 0
    address = ip_address or client_address(request)
    path = (getattr(request, "path", "") or "")[:255]
    same = Q(address=address) | (Q(username=username) if username else Q())
    # The primary, even inside an API read that is routed to a replica (factbase.routers).
    database = router.db_for_write(LoginLockout)
    with transaction.atomic(using=database):
        active = (
            LoginLockout.objects.using(database).select_for_update()
            .filter(same, lifted_at__isnull=True, locked_until__gt=now).order_by("id").first()
        )
        if active is None:
            LoginLockout.objects.using(database).create(
                username=username or "", address=address, path=path, failures=failures,
                locked_at=now, last_attempt_at=now, locked_until=now + cool_off(),
            )
        else:
            active.failures = max(active.failures, failures)
            active.last_attempt_at = now
            active.locked_until = now + cool_off()
            active.save(update_fields=["failures", "last_attempt_at", "locked_until"])


def login_lockout_lift(*, lockout: LoginLockout, by=None) -> int:
    """Clear the cached failure counts of the lockout's account and address, and mark every active lockout
    of either as lifted (by ``by``). Returns how many lockouts were lifted."""
    if lockout.username:
        AxesProxyHandler.reset_attempts(username=lockout.username)
    AxesProxyHandler.reset_attempts(ip_address=lockout.address)
    same = Q(address=lockout.address) | (Q(username=lockout.username) if lockout.username else Q(pk=lockout.pk))
    return active_lockouts().filter(same).update(lifted_at=timezone.now(), lifted_by=by)


def active_lockouts():
    return LoginLockout.objects.filter(lifted_at__isnull=True, locked_until__gt=timezone.now())
