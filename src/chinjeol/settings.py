"""chinjeol settings: one file, driven by environment variables.

CHINJEOL_ENV        production | demo | development | test (default production; DEBUG only in development)
SECRET_KEY          required in production; generated and kept under CHINJEOL_VAR_DIR otherwise
DATABASE_URL        sqlite:////abs/path/db.sqlite3 or postgres://user@host:5432/name
CHINJEOL_VAR_DIR    where the SQLite database, the secret key, static files and notices live (./var)
ALLOWED_HOSTS       comma-separated host names (production)
CHINJEOL_SITE_URL   the public address for links in text messages and e-mails (https://minwon.example.go.kr)
CHINJEOL_SSL        1 to redirect to HTTPS and send HSTS (production default 1)
CHINJEOL_TASKS      db (default: background work queued in the database, no other service) | rq (Redis + RQ)
REDIS_URL           the Redis of `CHINJEOL_TASKS=rq` (default redis://127.0.0.1:6379/0)
"""

from __future__ import annotations

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("CHINJEOL_VAR_DIR", Path.cwd() / "var")).resolve()
# Production unless a mode is given: `gunicorn chinjeol.wsgi` alone never runs with DEBUG on. `chinjeol demo`
# and the test suite set their own modes; development (DEBUG) is only ever asked for by name.
ENV = (
    (os.environ.get("CHINJEOL_ENV") or ("test" if "pytest" in sys.modules else "production")).strip().lower()
)
if ENV not in {"production", "demo", "development", "test"}:
    raise ImproperlyConfigured(
        f"CHINJEOL_ENV 값이 올바르지 않습니다: {ENV!r} (production, demo, development, test)"
    )
PRODUCTION = ENV == "production"
DEBUG = ENV == "development" and env_bool("CHINJEOL_DEBUG", True)


def weak_secret_key(key: str) -> bool:
    """Django's own measure (security.W009): at least 50 characters, 5 different ones, not a generated
    placeholder."""
    return len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure")


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "").strip()
    if key and PRODUCTION and weak_secret_key(key):
        raise ImproperlyConfigured(
            "SECRET_KEY가 너무 약합니다: 50자 이상의 무작위 값을 쓰세요 "
            "(예: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "운영 모드에서는 SECRET_KEY 환경 변수가 반드시 필요합니다 "
            "(시험해 보려면 CHINJEOL_ENV=demo 또는 chinjeol demo)."
        )
    key_file = VAR_DIR / "secret_key"
    try:
        return key_file.read_text().strip()
    except FileNotFoundError:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


SECRET_KEY = _secret_key()
# How many reverse proxies of our own stand in front of the application (0: none, X-Forwarded-For is
# ignored). The client address is read from the right of X-Forwarded-For only that far
# (chinjeol.core.rules.client_ip); gunicorn trusts forwarded headers only then (chinjeol serve).
try:
    PROXY_HOPS = int(os.environ.get("CHINJEOL_PROXY_HOPS", "0") or "0")
except ValueError:
    PROXY_HOPS = -1
if PROXY_HOPS < 0:
    raise ImproperlyConfigured("CHINJEOL_PROXY_HOPS는 0 이상의 정수여야 합니다 (앞단 프록시 수).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver")
# The address citizens reach the site at, for the links in text messages and e-mails (the happy-call survey,
# the status page). Default: https:// and the first named host in production, this machine's demo address else.
SITE_URL = (os.environ.get("CHINJEOL_SITE_URL") or "").strip().rstrip("/")
if not SITE_URL:
    _host = next(
        (h for h in ALLOWED_HOSTS if h not in {"*", "testserver"} and not h.startswith(".")), "127.0.0.1"
    )
    SITE_URL = f"https://{_host}" if PRODUCTION else f"http://{_host}:8000"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "chinjeol.core.apps.CoreConfig",
    "chinjeol.core.apps.ChinjeolAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "axes",
    "chinjeol.organization.apps.OrganizationConfig",
    "chinjeol.workspace.apps.WorkspaceConfig",
    "chinjeol.charter.apps.CharterConfig",
    "chinjeol.notify.apps.NotifyConfig",
    "chinjeol.cases.apps.CasesConfig",
    "chinjeol.compensation.apps.CompensationConfig",
    "chinjeol.kindness.apps.KindnessConfig",
    "chinjeol.community.apps.CommunityConfig",
    "chinjeol.reports.apps.ReportsConfig",
    "chinjeol.contact.apps.ContactConfig",
    "chinjeol.knowledge.apps.KnowledgeConfig",
    "chinjeol.surveys.apps.SurveysConfig",
    "chinjeol.protection.apps.ProtectionConfig",
    "chinjeol.visits.apps.VisitsConfig",
    "chinjeol.quality.apps.QualityConfig",
    "chinjeol.training.apps.TrainingConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "chinjeol.core.middleware.ContentSecurityPolicyMiddleware",
    "chinjeol.api.middleware.ApiErrorEnvelopeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "chinjeol.core.middleware.ReadOnlyRoleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "chinjeol.core.middleware.DomainErrorPageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chinjeol.urls"
WSGI_APPLICATION = "chinjeol.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chinjeol.core.context.navigation",
                "chinjeol.organization.context.agency",
            ],
            "builtins": ["chinjeol.core.templatetags.chinjeol"],
        },
    }
]

_default_db = f"sqlite:///{VAR_DIR / 'chinjeol.sqlite3'}"
# Persistent connections (per gunicorn thread) on both databases: opening one costs more than a whole intake.
# The health check (one `SELECT 1` on PostgreSQL when a request reuses a connection) survives a restart.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", _default_db),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side parameters with prepared statements: the intake's statements repeat, and PostgreSQL then
    # parses and plans each once per connection (a quarter less database time per case).
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": 5,
        **DATABASES["default"].get("OPTIONS", {}),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend plus a queue for writers (see chinjeol/core/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "chinjeol.core.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "chinjeol.core.auth.RoleBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if ENV == "test":  # hashing speed only; the hashers above are what every other mode uses
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Login lockout (django-axes, chinjeol.core.auth): this many failures within the window lock one name from one
# address, and that many from one address (whatever the names) lock the address, for the window.
LOGIN_MAX_FAILURES = int(os.environ.get("CHINJEOL_LOGIN_MAX_FAILURES", "5"))
LOGIN_MAX_FAILURES_PER_ADDRESS = int(os.environ.get("CHINJEOL_LOGIN_MAX_FAILURES_PER_ADDRESS", "20"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("CHINJEOL_LOGIN_LOCKOUT_MINUTES", "15"))
AXES_HANDLER = "chinjeol.core.auth.LoginLockHandler"
AXES_LOCKOUT_PARAMETERS = [
    ["username", "ip_address"],
    "ip_address",
]  # limits: chinjeol.core.auth.lockout_limits
AXES_FAILURE_LIMIT = LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "chinjeol.core.privacy.request_ip"
AXES_USERNAME_CALLABLE = "chinjeol.core.auth.login_name"
AXES_LOCKOUT_CALLABLE = "chinjeol.core.auth.locked_out"
AXES_VERBOSE = False

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어")]  # Korean only: an English browser must not get Django's English messages
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = DEBUG

# Background work: in the database by default (one machine, no other service); on Redis through RQ when an
# agency runs several worker machines (`CHINJEOL_TASKS=rq`). Tests run tasks at once unless rq is asked for.
TASKS_KIND = (os.environ.get("CHINJEOL_TASKS") or "db").strip().lower()
if TASKS_KIND not in {"db", "rq"}:
    raise ImproperlyConfigured(f"CHINJEOL_TASKS 값이 올바르지 않습니다: {TASKS_KIND!r} (db 또는 rq)")
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
if TASKS_KIND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif ENV == "test" and "CHINJEOL_TASKS" not in os.environ:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

SESSION_COOKIE_AGE = 60 * 60 * 9
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    _ssl = env_bool("CHINJEOL_SSL", True)
    SESSION_COOKIE_SECURE = _ssl
    CSRF_COOKIE_SECURE = _ssl
    SECURE_SSL_REDIRECT = _ssl and env_bool("CHINJEOL_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("CHINJEOL_HSTS_SECONDS", "31536000")) if _ssl else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _ssl
    SECURE_PROXY_SSL_HEADER = (
        ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("CHINJEOL_BEHIND_PROXY", PROXY_HOPS > 0) else None
    )

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The largest file any upload (organisation chart, kindness entries, evidence) may be; bigger ones are refused.
CHINJEOL_UPLOAD_MAX_BYTES = int(os.environ.get("CHINJEOL_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
# Training videos are the one exception (`core.uploads.larger_uploads`): the course video upload takes up to this.
CHINJEOL_VIDEO_UPLOAD_MAX_BYTES = int(
    os.environ.get("CHINJEOL_VIDEO_UPLOAD_MAX_BYTES", str(500 * 1024 * 1024))
)
FILE_UPLOAD_HANDLERS = [
    "chinjeol.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CHINJEOL_LOG_LEVEL", "INFO")},
    "filters": {"one_line": {"()": "chinjeol.core.logs.OneLine"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        # A refused host or another suspicious request is one line, not a traceback.
        "security": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["one_line"]},
    },
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django.security": {"handlers": ["security"], "level": "WARNING", "propagate": False},
    },
}

CHINJEOL = {
    "AGENCY_NAME": os.environ.get("CHINJEOL_AGENCY_NAME", ""),
    "ACCESS_LOG_RETENTION_DAYS": int(os.environ.get("CHINJEOL_ACCESS_LOG_RETENTION_DAYS", "730")),
}

# E-mail notices (CHINJEOL_NOTIFY_EMAIL=smtp) go to this mail server.
EMAIL_HOST = os.environ.get("CHINJEOL_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("CHINJEOL_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("CHINJEOL_EMAIL_FROM", "webmaster@localhost")
