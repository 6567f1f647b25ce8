"""What every browser test shares: Debian's Chromium through Playwright, logging in, screenshots.

- ``chromium``: a headless Chromium (``FACTBASE_CHROMIUM``, default ``/usr/bin/chromium``; Debian's package,
  never a downloaded browser), closed after the test. A missing binary fails the test saying how to
  install it.
- ``log_in(browser, base_url, username)``: a new page at 1,400 × 900, logged in to the admin
  (``javascript=False`` for a page without script).
- ``shots``: the screenshot folder, ``$FACTBASE_SCREENSHOTS`` (default ``test-artifacts/screenshots``),
  printed so that a run says where its pictures are; ``screenshot(page, shots, name)`` saves a full-page
  picture, ``shoot(page, shots, name)`` also fails when the page or a scrolling box in it does not fit
  its width.

The server is pytest-django's ``live_server``; users come from ``make_user`` (``tests/conftest.py``), all
with ``PASSWORD``. Every test here also needs ``pytest.mark.django_db(transaction=True,
serialized_rollback=True)``: the live server reads the database from another thread, and the flush after
a transactional test must not re-create content types behind other tests' backs (``tests/security``).
"""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = os.environ.get("FACTBASE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PASSWORD = "a-long-test-password"  # make_user's
WIDTH = 1400
HEIGHT = 900


@pytest.fixture(autouse=True)
def _async_unsafe_allowed(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test are safe
    # here. Set for these tests only, so that it never leaks into other tests (or their subprocesses).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def require_chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"chromium not found at {CHROMIUM}: install Debian's package with `apt-get install -y chromium` "
                    "(or set FACTBASE_CHROMIUM to its path)")


@pytest.fixture
def chromium():
    """A headless Debian Chromium for the test, closed after it."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
            # The test's ORM calls ran while Playwright's loop was running: Django keeps their connection in
            # that context, which ends here. Close it now, or PostgreSQL refuses to drop the test database
            # at the end of the session ("being accessed by other users").
            for connection in connections.all(initialized_only=True):
                if not connection.in_atomic_block:  # a non-transactional test's rollback still needs it
                    connection.close()


def screenshots_dir() -> Path:
    folder = Path(os.environ.get("FACTBASE_SCREENSHOTS", "test-artifacts/screenshots")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots: {folder}")
    return folder


@pytest.fixture
def shots() -> Path:
    return screenshots_dir()


def log_in(browser, base_url, username, *, javascript=True):
    """A new page (its own context: its own session) at 1,400 px, logged in to the admin as ``username``."""
    context = browser.new_context(locale="en-US", viewport={"width": WIDTH, "height": HEIGHT},
                                  java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    return page


def screenshot(page, shots, name):
    """A full-page picture of ``page`` as ``shots/name.png``."""
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def shoot(page, shots, name):
    """A full-page picture; the page and every scrolling box in it must fit their width."""
    overflow = page.evaluate("""() => {
        const wide = [];
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) wide.push('page ' + document.documentElement.scrollWidth);
        for (const e of document.querySelectorAll('#content *')) {
            const style = getComputedStyle(e).overflowX;
            if ((style === 'auto' || style === 'scroll') && e.scrollWidth > e.clientWidth + 1) wide.push(e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth);
        }
        return wide;
    }""")
    screenshot(page, shots, name)
    assert overflow == [], f"{name} does not fit {page.viewport_size['width']} px: {overflow}"


def pick_autocomplete(page, field_id, text, option):
    """Choose ``option`` in the admin's select2 autocomplete for ``field_id`` by typing ``text``."""
    page.click(f"#{field_id} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-container--open .select2-results__option:has-text('{option}')")


def run_action(page, action, row_selector):
    """Tick the changelist row matching ``row_selector``, choose ``action`` and press Go."""
    page.check(f"{row_selector} input.action-select")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")
    page.wait_for_selector("ul.messagelist")
