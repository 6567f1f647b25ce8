"""factbase settings — the one settings module, driven by environment variables.

Environment variables:

``DJANGO_ENV``        ``development`` (default), ``test`` or ``production``.
``SECRET_KEY``        required in production; in development a random key is generated once and kept
                      in ``.secret_key`` beside ``manage.py`` (never committed).
``DEBUG``             ``1``/``0``; defaults to on in development, always off unless set in production.
``ALLOWED_HOSTS``     comma-separated; required in production.
``DATABASE_URL``      e.g. ``postgres://user@host:5432/factbase``; default: SQLite ``db.sqlite3``.
``DATABASE_REPLICA_URLS``  comma-separated read replicas (see ``factbase.routers``).
``DB_PREPARE_THRESHOLD``   PostgreSQL: after how many runs of the same statement on a connection it is
                      prepared on the server (5); ``off`` behind a pooler in transaction mode (PgBouncer).
``CSRF_TRUSTED_ORIGINS``   comma-separated origins for the admin behind a proxy.
``CACHE_URL``         shared cache for throttle counts and caches, e.g. ``redis://127.0.0.1:6379/0``;
                      default: this process's local memory (development and tests only); required in
                      production (``ALLOW_LOCAL_CACHE=1`` to insist on local memory).
``CELERY_BROKER_URL`` and ``CAPTURE_*``: capture of documents from their address (block at the end;
                      docs/operations.md).
``TRUSTED_PROXIES``   comma-separated addresses or networks of the reverse proxies whose
                      ``X-Forwarded-For`` is believed; or ``TRUSTED_PROXY_COUNT``: how many proxies every
                      request passes. Neither: forwarded headers are ignored (``factbase.security.client_address``).
``LOGIN_FAILURE_LIMIT``, ``LOGIN_LOCKOUT_MINUTES``  failed logins per account or address before a
                      lockout (5), and how long it lasts after the last failed attempt (15).
"""

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from factbase.security import production as production_checks
from factbase.security.client_address import parse_networks

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DJANGO_ENV = env("DJANGO_ENV", "development")
if DJANGO_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV must be development, test or production, not {DJANGO_ENV!r}")
PRODUCTION = DJANGO_ENV == "production"


def refuse_in_production(problem):
    """Production does not start on an unsafe setting: one line naming the setting and the fix."""
    if PRODUCTION and problem:
        raise ImproperlyConfigured(problem)


def _secret_key():
    key = env("SECRET_KEY")
    refuse_in_production(production_checks.secret_key_problem(key or ""))
    if key:
        return key
    # Local development and tests: a random key, generated once per checkout and never committed.
    key_file = BASE_DIR / ".secret_key"
    try:
        return key_file.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(64)
        try:
            key_file.write_text(key)
            key_file.chmod(0o600)
        except OSError:
            pass  # read-only checkout: the key lives for this process only
        return key


SECRET_KEY = _secret_key()
# Old keys, still accepted for signatures (sessions, document seals) after a rotation; comma-separated.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
DEBUG = env_bool("DEBUG", default=not PRODUCTION and DJANGO_ENV != "test")
refuse_in_production(production_checks.debug_problem(DEBUG))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
refuse_in_production(production_checks.allowed_hosts_problem(ALLOWED_HOSTS))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "csp",
    "factbase",
    "factbase.security",
    "sources",
    "claims",
    "sources.capture",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "factbase.security.csp.KeptPolicyCSPMiddleware",  # django-csp, its policy built once (see the module)
    "factbase.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "factbase.middleware.ApiReadsFromReplicasMiddleware",
    # Last, as django-axes asks: turns a login refused for a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses any login (even with the right password) for a locked-out account or address.
    "factbase.security.lockout.LoginBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "factbase.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "factbase.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60" if PRODUCTION else "0")),
    )
}
if PRODUCTION and DATABASES["default"]["ENGINE"].endswith("sqlite3") and not env_bool("ALLOW_SQLITE", False):
    raise ImproperlyConfigured("production runs on PostgreSQL: set DATABASE_URL (or ALLOW_SQLITE=1 to insist)")

for index, url in enumerate(env_list("DATABASE_REPLICA_URLS")):
    DATABASES[f"replica{index + 1}"] = {
        **dj_database_url.parse(url),
        # In tests a replica is the primary seen through another connection, as Django recommends.
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["factbase.routers.ReplicaRouter"]

# --- Read API and serving (issue 12): connections and SQLite concurrency --------------------------------
# A persistent connection the database dropped (restart, failover, idle timeout) is noticed before a
# request uses it, and replaced: no 500 for the first request on each worker after a drop.
for _database in DATABASES.values():
    _database["CONN_HEALTH_CHECKS"] = True
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # Django's backend, checking an idle connection without a round trip (factbase/db/postgresql/base.py); TCP
        # keepalives make a peer gone silent an error on the socket after about a minute (30 s idle, then 3 probes
        # 10 s apart) instead of a hang.
        _database["ENGINE"] = "factbase.db.postgresql"
        _database.setdefault("OPTIONS", {}).update(
            {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
        )
# PostgreSQL: parameters are sent apart from the statement (server-side binding), and a statement run again on
# the same connection is prepared (after DB_PREPARE_THRESHOLD runs): parsed once. Every run is still planned for
# its own parameters (plan_cache_mode=force_custom_plan): one plan kept for every value (a "generic" plan) is
# right for a lookup by key but can be ruinous for a filter — appearances?language=el took 4.5 s instead of 4 ms
# at a million claims. Reads whose plan cannot depend on their parameters (a claim by id or key) ask for the
# kept plan (factbase.plans.generic_plans): the detail's one statement takes about 1.3 ms to plan and 0.2 ms to
# run. A pooler that hands a connection to another client between transactions (PgBouncer's transaction mode)
# keeps neither prepared statements nor startup options: DB_PREPARE_THRESHOLD=off there (Django's defaults).
_prepare = env("DB_PREPARE_THRESHOLD", "5").strip().lower()
if _prepare not in ("off", "none") and not (_prepare.isascii() and _prepare.isdigit()):
    raise ImproperlyConfigured(f"DB_PREPARE_THRESHOLD must be a whole number or 'off', not {_prepare!r}")
for _database in DATABASES.values():
    if _database["ENGINE"].endswith("postgresql") and _prepare not in ("off", "none"):
        _options = _database.setdefault("OPTIONS", {})
        _options.update({"server_side_binding": True, "prepare_threshold": int(_prepare)})
        _options["options"] = f"{_options.get('options', '')} -c plan_cache_mode=force_custom_plan".strip()
# SQLite (the embedded default): writers take the write lock when their transaction begins (IMMEDIATE)
# and wait up to 20 s for it, instead of failing with "database is locked" mid-transaction; WAL lets
# readers go on while a writer (an import) holds it.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"}
    )
# --- end of the issue-12 block ----------------------------------------------------------------------------

# Shared state (throttle counts, login failures, caches) must be shared by every worker process of every
# app server: Redis in production (CACHE_URL). Local memory is per process and serves development only.
CACHE_URL = env("CACHE_URL", "")
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"CACHE_URL must be a redis://, rediss:// or unix:// address, not {CACHE_URL!r}")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "factbase"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "factbase"}}

# --- Read API and serving (issue 12): production needs the shared cache ----------------------------------
# Throttle counts kept in each worker's memory make the real limit the rate times the number of workers:
# production refuses to start without CACHE_URL (ALLOW_LOCAL_CACHE=1 insists on local memory, e.g. a
# single-process deployment).
if PRODUCTION and not CACHE_URL and not env_bool("ALLOW_LOCAL_CACHE", False):
    raise ImproperlyConfigured("CACHE_URL must name the shared cache in production, e.g. redis://127.0.0.1:6379/0")
# --- end of the issue-12 block ----------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# One date format in every admin page (factbase/formats/en/formats.py): 2025-09-04, 2025-09-04 14:05.
FORMAT_MODULE_PATH = ["factbase.formats"]

STATIC_URL = "static/"
# collectstatic's target, served by WhiteNoise in production; development serves from the apps directly.
STATIC_ROOT = env("STATIC_ROOT", str(BASE_DIR / "staticfiles")) if PRODUCTION else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REST_FRAMEWORK = {
    # Read-only for everyone; what a reader sees is decided by claims.selectors (staff see everything).
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        # HTTP Basic, counted by the login protection: a locked-out client gets 429, not 403.
        "factbase.security.lockout.LockoutBasicAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Renderers (JSON, browsable HTML, CSV), bounded pagination and strict format negotiation are set on
    # factbase.api.viewsets.ReadOnlyAPIViewSet, the base of every API view (not here: it imports DRF views).
    "EXCEPTION_HANDLER": "factbase.api.errors.exception_handler",
    # Numbers are JSON numbers (estimates are counts of people, troops, USD...).
    "COERCE_DECIMAL_TO_STRING": False,
    # Anonymous readers are throttled per client address (documented in docs/api.md); signed-in users are not.
    # One counter per client and window in the shared cache (factbase.api.throttling); the address comes from
    # factbase.security.client_address (trusted proxies only); NUM_PROXIES=0 keeps any plain DRF throttle from
    # believing X-Forwarded-For.
    "DEFAULT_THROTTLE_CLASSES": ["factbase.api.throttling.AnonWindowThrottle"],
    "NUM_PROXIES": 0,
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_RATE", "600/minute" if PRODUCTION else "100000/minute")},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "factbase API",
    "DESCRIPTION": (
        "Who claimed what, when, where it was recorded and through whom, and how far it can be trusted. "
        "Read-only; anonymous readers see published claims only. Every resource is addressable by numeric id "
        "or stable key. Unknown or invalid query parameters are a 400 naming the parameter. See docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The interactive docs' JavaScript and CSS are served from this app, never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "kind" or "status": give each enum its own component name.
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "sources.models.ActorKind",
        "DocumentKindEnum": "sources.models.DocumentKind",
        "ClaimKindEnum": "claims.models.ClaimKind",
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "PropositionKindEnum": "claims.models.PropositionKind",
        "PropositionStatusEnum": "claims.models.PropositionStatus",
        "DatePrecisionEnum": "factbase.choices.DatePrecision",
        "QuantityRelationKindEnum": "claims.models.QuantityRelationKind",
        "MediumEnum": "claims.models.Medium",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Security: strict in production, relaxed only where local HTTP needs it.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True


# --- Capture of documents from their address (sources.capture; docs/operations.md) ---------------------
# Jobs go to Celery through CELERY_BROKER_URL (Redis or RabbitMQ). Without it, a capture runs inline, in
# the process that asked for it (the admin request or the capture_url command): development on SQLite
# needs no broker and no worker.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")
CELERY_TASK_IGNORE_RESULT = True  # job state lives in capture.CaptureJob, not in a result backend
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-capture leaves the message to be delivered again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # captures are slow and uneven: one at a time per process
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CAPTURE_QUEUE = env("CAPTURE_QUEUE", "capture")
CELERY_TASK_DEFAULT_QUEUE = CAPTURE_QUEUE
CAPTURE_MAX_ATTEMPTS = int(env("CAPTURE_MAX_ATTEMPTS", "4"))  # first try and three retries
CAPTURE_RETRY_DELAY = float(env("CAPTURE_RETRY_DELAY", "30"))  # seconds before the first retry, doubled each time
CAPTURE_RETRY_DELAY_MAX = float(env("CAPTURE_RETRY_DELAY_MAX", "600"))
# Outbound fetches: public addresses only (checked on every hop, connection made to the checked address),
# unless the operator allows private ones, all (CAPTURE_ALLOW_PRIVATE_ADDRESSES=1) or some networks
# (CAPTURE_ALLOWED_NETWORKS=10.1.2.0/24,...).
CAPTURE_ALLOW_PRIVATE_ADDRESSES = env_bool("CAPTURE_ALLOW_PRIVATE_ADDRESSES", False)
CAPTURE_ALLOWED_NETWORKS = env_list("CAPTURE_ALLOWED_NETWORKS")
CAPTURE_USER_AGENT = env(
    "CAPTURE_USER_AGENT", "factbase-capture/1.0 (archives one page a curator asked for; never crawls)"
)
CAPTURE_MAX_BYTES = int(env("CAPTURE_MAX_BYTES", str(10 * 1024 * 1024)))  # per response, before and after decompression
CAPTURE_TIMEOUT = float(env("CAPTURE_TIMEOUT", "30"))  # seconds for the whole capture, redirects included
CAPTURE_CONNECT_TIMEOUT = float(env("CAPTURE_CONNECT_TIMEOUT", "10"))
CAPTURE_MAX_REDIRECTS = int(env("CAPTURE_MAX_REDIRECTS", "5"))
# Archives (WARC files) go through Django's storage API under the alias "captures": a folder by default,
# an S3-compatible bucket when CAPTURE_S3_BUCKET is set (django-storages; credentials from the usual
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role).
CAPTURE_S3_BUCKET = env("CAPTURE_S3_BUCKET", "")
if CAPTURE_S3_BUCKET:
    STORAGES["captures"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": CAPTURE_S3_BUCKET,
            "endpoint_url": env("CAPTURE_S3_ENDPOINT_URL") or None,
            "region_name": env("CAPTURE_S3_REGION") or None,
            "location": env("CAPTURE_S3_PREFIX", "captures"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    STORAGES["captures"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("CAPTURE_STORAGE_DIR", str(BASE_DIR / "archives"))},
    }
# --- The client's address: forwarded headers are believed only from trusted proxies -----------------------
# See factbase.security.client_address and docs/operations.md ("Reverse proxies").
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
try:
    TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0") or 0)
except ValueError:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT must be a whole number of proxies, not {env('TRUSTED_PROXY_COUNT')!r}") from None
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more (the number of proxies in front of the site)")
if TRUSTED_PROXIES and TRUSTED_PROXY_COUNT:
    raise ImproperlyConfigured("set TRUSTED_PROXIES or TRUSTED_PROXY_COUNT, not both (docs/operations.md, Reverse proxies)")
try:
    parse_networks(tuple(TRUSTED_PROXIES))
except ValueError as exc:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {exc}") from None

# --- Login protection (django-axes; factbase.security.lockout) --------------------------------------------
# Failed logins are counted per account and per client address in the default cache (Redis with CACHE_URL).
AXES_HANDLER = "factbase.security.lockout.SharedCacheHandler"
AXES_CACHE = "default"
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
try:
    AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
    AXES_COOLOFF_TIME = dt.timedelta(minutes=int(env("LOGIN_LOCKOUT_MINUTES", "15")))
except ValueError:
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES must be whole numbers") from None
if AXES_FAILURE_LIMIT < 1 or AXES_COOLOFF_TIME <= dt.timedelta(0):
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES must be 1 or more")
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "factbase.security.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "factbase.security.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# The cache handler has nothing to show in axes' own admin pages: security.LoginLockout is the record.
AXES_ENABLE_ADMIN = False

# --- Content-Security-Policy (django-csp), in development too so violations show while building ----------
# Scripts only from this site's files, or inline with the response's nonce; nothing from elsewhere, no eval.
# Inline styles are allowed: the admin, DRF's browsable view (its code-highlighting <style>) and Swagger UI
# write style attributes and blocks, and CSS cannot run script. See docs/operations.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Permissions-Policy: no page of this site uses any of these browser features ---------------------------
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
    "gyroscope", "magnetometer", "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
    "screen-wake-lock", "sync-xhr", "usb", "xr-spatial-tracking", "browsing-topics",
))
