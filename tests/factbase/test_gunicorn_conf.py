"""gunicorn.conf.py's worker hook: once the application is loaded, its start-up objects are frozen out of the
garbage collector's full collections (the hook also runs in real workers, Django's and a plain WSGI
application's, in tests/serving)."""

import gc
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_freezes_its_start_up_objects():
    hook = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["post_worker_init"]
    assert gc.get_freeze_count() == 0
    try:
        hook(None)
        assert gc.get_freeze_count() > 10_000  # Django, the apps, the views: everything alive at that point
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
