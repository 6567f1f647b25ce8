"""manage.py capture_worker — a Celery worker that runs capture jobs (docs/operations.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Run a worker that takes capture jobs from the queue (CAPTURE_QUEUE on CELERY_BROKER_URL) and runs them, "
        "retrying transient failures with back-off. Stops cleanly on SIGTERM (the job under way finishes; an "
        "interrupted one is delivered again). Run it as a service (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=2, help="Captures run at once (worker processes; default 2).")
        parser.add_argument("--loglevel", default="info", choices=["debug", "info", "warning", "error"])
        parser.add_argument("--pool", default="prefork", choices=["prefork", "solo", "threads"],
                            help="Celery execution pool (default prefork: one process per concurrent capture).")
        parser.add_argument("--name", default="capture@%h", help="Worker name, unique per machine (default capture@%%h).")
        parser.add_argument("--max-tasks-per-child", type=int, default=200,
                            help="Recycle a worker process after this many jobs (bounds memory; default 200).")

    def handle(self, *args, concurrency, loglevel, pool, name, max_tasks_per_child, **options):
        if not settings.CELERY_BROKER_URL:
            raise CommandError("CELERY_BROKER_URL is not set: without a queue, captures run inline where they are "
                               "asked for and need no worker (docs/operations.md)")
        if concurrency < 1:
            raise CommandError("--concurrency must be at least 1")
        from factbase.celery import app

        app.worker_main([
            "worker", f"--queues={settings.CAPTURE_QUEUE}", f"--concurrency={concurrency}", f"--loglevel={loglevel}",
            f"--pool={pool}", f"--hostname={name}", f"--max-tasks-per-child={max_tasks_per_child}",
            "--without-gossip", "--without-mingle",
        ])
