"""Login protection: failed logins counted per account and per client address in the shared cache, a
lockout after LOGIN_FAILURE_LIMIT of them (even the right password is refused), a clear answer (the admin's
lockout page, the API's 429), an admin-visible record, and ways to lift it. Every test runs on this
process's local memory and on real Redis (``shared_cache``)."""

import base64
import datetime as dt
import io
import time

import pytest
from django.core.management import call_command
from django.test import Client

from factbase.security.models import LoginLockout
from tests.security.shared_cache import shared_cache  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_cache")]

PASSWORD = "a-long-test-password"
LIMIT = 5
ATTACKER = "203.0.113.66"
OFFICE = "198.51.100.10"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)


def admin_login(username, password, address=ATTACKER, **headers):
    return Client().post("/admin/login/?next=/admin/", {"username": username, "password": password},
                         REMOTE_ADDR=address, **headers)


def basic(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def api_get(username, password, address=ATTACKER):
    return Client().get("/api/v1/claims/", HTTP_AUTHORIZATION=basic(username, password), REMOTE_ADDR=address,
                        HTTP_ACCEPT="application/json")


def test_admin_failures_below_the_limit_leave_the_right_password_working(superuser):
    for _ in range(LIMIT - 1):
        assert admin_login("root", "wrong").status_code == 200  # the form again, with its error
    assert admin_login("root", PASSWORD).status_code == 302


def test_admin_is_locked_after_the_limit_and_refuses_even_the_right_password(superuser):
    responses = [admin_login("root", "wrong") for _ in range(LIMIT)]
    assert [r.status_code for r in responses] == [200] * (LIMIT - 1) + [429]
    locked = admin_login("root", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in locked.wsgi_request.session
    page = locked.content.decode()
    assert "Too many failed logins" in page and "15 minutes" in page
    assert locked["Retry-After"] == str(15 * 60)


def test_the_lockout_is_recorded_for_the_admin(superuser):
    for _ in range(LIMIT):
        admin_login("root", "wrong")
    lockout = LoginLockout.objects.get()
    assert (lockout.username, lockout.address, lockout.path, lockout.failures) == ("root", ATTACKER, "/admin/login/", LIMIT)
    assert lockout.is_active


def test_failures_are_counted_per_account_across_addresses(superuser):
    for n in range(LIMIT):
        admin_login("root", "wrong", address=f"192.0.2.{n + 1}")
    assert admin_login("root", PASSWORD, address=OFFICE).status_code == 429


def test_failures_are_counted_per_address_across_accounts(superuser):
    for n in range(LIMIT):
        admin_login(f"guess{n}", "wrong")
    assert admin_login("root", PASSWORD).status_code == 429  # from the same address
    assert admin_login("root", PASSWORD, address=OFFICE).status_code == 302  # the account itself is fine


def test_a_forged_forwarded_header_does_not_make_a_new_client(superuser):
    for n in range(LIMIT):
        admin_login(f"guess{n}", "wrong", HTTP_X_FORWARDED_FOR=f"10.9.8.{n}")
    assert admin_login("root", PASSWORD, HTTP_X_FORWARDED_FOR="10.1.1.1").status_code == 429


def test_behind_a_trusted_proxy_each_forwarded_client_is_counted_apart(superuser, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for n in range(LIMIT):
        admin_login(f"guess{n}", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert admin_login("root", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=ATTACKER).status_code == 429
    assert admin_login("root", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=OFFICE).status_code == 302
    assert LoginLockout.objects.get().address == ATTACKER


def test_api_basic_authentication_answers_429_when_locked_out(superuser):
    statuses = [api_get("root", "wrong").status_code for _ in range(LIMIT)]
    assert statuses[:-1] == [403] * (LIMIT - 1) and statuses[-1] == 429
    locked = api_get("root", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.json()["detail"]
    assert locked["Retry-After"] == str(15 * 60)
    assert LoginLockout.objects.get().path == "/api/v1/claims/"


def test_api_and_admin_share_the_counts(superuser):
    for _ in range(LIMIT):
        api_get("root", "wrong")
    assert admin_login("root", PASSWORD, address=OFFICE).status_code == 429


def test_a_success_below_the_limit_starts_the_count_again(superuser):
    for _ in range(LIMIT - 1):
        admin_login("root", "wrong")
    assert admin_login("root", PASSWORD).status_code == 302
    for _ in range(LIMIT - 1):
        admin_login("root", "wrong")
    assert admin_login("root", PASSWORD).status_code == 302


def test_the_lockout_ends_by_itself_after_the_cool_off(superuser, settings):
    settings.AXES_COOLOFF_TIME = dt.timedelta(seconds=1)
    for _ in range(LIMIT):
        admin_login("root", "wrong")
    assert admin_login("root", PASSWORD).status_code == 429
    time.sleep(2.1)  # the failure counts expire with the cool-off (refreshed by the refused attempt above)
    assert admin_login("root", PASSWORD).status_code == 302


def test_an_admin_lifts_a_lockout_from_the_admin(superuser, make_user):
    victim = make_user("victim", is_staff=True)
    for _ in range(LIMIT):
        admin_login(victim.username, "wrong")
    lockout = LoginLockout.objects.get()
    admin = Client()
    admin.force_login(superuser)
    listing = admin.get("/admin/security/loginlockout/?state=active")
    assert listing.status_code == 200 and "victim" in listing.content.decode()
    done = admin.post("/admin/security/loginlockout/", {"action": "lift", "_selected_action": [lockout.pk]}, follow=True)
    assert "Lifted 1 lockout(s)" in done.content.decode()
    lockout.refresh_from_db()
    assert lockout.lifted_by == superuser and not lockout.is_active
    assert admin_login("victim", PASSWORD).status_code == 302


def test_staff_without_the_permission_cannot_lift(curator):
    client = Client()
    client.force_login(curator)
    assert client.get("/admin/security/loginlockout/").status_code == 403


def test_the_command_lifts_a_lockout_when_the_admin_itself_is_locked_out(superuser):
    for _ in range(LIMIT):
        admin_login("root", "wrong")
    out = io.StringIO()
    call_command("lift_login_lockout", "--list", stdout=out)
    assert f"root\t{ATTACKER}" in out.getvalue() and "1 active lockout(s)" in out.getvalue()
    call_command("lift_login_lockout", "--username", "root", "--address", ATTACKER, stdout=out)
    assert "lifted 1 lockout(s)" in out.getvalue()
    assert admin_login("root", PASSWORD).status_code == 302


def test_the_command_asks_whose_lockout_to_lift():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--username NAME, --address ADDRESS or --all"):
        call_command("lift_login_lockout")
