"""The WSGI application of the production server (``make serve``: gunicorn, ``gunicorn.conf.py``).

Django's application, with the cyclic garbage collector paused while a response is built and sent
(``factbase.deferred_gc``). See https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

from factbase.deferred_gc import DeferredCollection

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factbase.settings")

application = DeferredCollection(get_wsgi_application())
