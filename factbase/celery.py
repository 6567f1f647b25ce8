"""The Celery application: background jobs (today: captures of documents from their address).

Configured from Django's settings with the ``CELERY_`` prefix (``CELERY_BROKER_URL``...). Workers start
with ``manage.py capture_worker`` (docs/operations.md); tasks are found in each app's ``tasks`` module.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factbase.settings")

app = Celery("factbase")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
