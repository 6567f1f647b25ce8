"""gunicorn.conf.py's worker hook: once the application is loaded, its start-up objects are frozen out of the
garbage collector's full collections — a Django application's views imported first; any other WSGI
application (the benchmark's yardstick) frozen as it is, without importing Django. (The hook also runs in
the real Django workers of tests/serving.)"""

import gc
import runpy
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_django_worker_freezes_its_start_up_objects():
    hook = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["post_worker_init"]
    assert gc.get_freeze_count() == 0
    try:
        hook(None)
        assert gc.get_freeze_count() > 10_000  # Django, the apps, the views: everything alive at that point
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0


def test_another_wsgi_application_is_frozen_without_importing_django():
    script = (
        "import gc, runpy, sys\n"
        "runpy.run_path('gunicorn.conf.py')['post_worker_init'](None)\n"
        "assert gc.get_freeze_count() > 0, gc.get_freeze_count()\n"
        "assert not [name for name in sys.modules if name.startswith('django')], 'django imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
