# Convenience wrappers; the README's two commands are `python3 dev.py run` and `python3 dev.py test`.
.PHONY: run setup test ci serve check

run:
	python3 dev.py run

setup:
	python3 dev.py setup

test:
	python3 dev.py test

ci:
	bash .ci/run

check:
	.venv/bin/python manage.py makemigrations --check --dry-run
	DJANGO_ENV=production SECRET_KEY=$$(python3 -c 'import secrets;print(secrets.token_urlsafe(64))') \
	  ALLOWED_HOSTS=factbase.example DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/factbase} CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/0} \
	  .venv/bin/python manage.py check --deploy --fail-level WARNING

# Production-style server: gunicorn + whitenoise against PostgreSQL (see docs/operations.md).
serve:
	.venv/bin/python manage.py collectstatic --noinput -v 0
	.venv/bin/python manage.py migrate --noinput
	.venv/bin/gunicorn factbase.wsgi:application --config gunicorn.conf.py
