"""chinjeol settings: one file, driven by environment variables.

CHINJEOL_ENV        production | demo | development | test (default development)
SECRET_KEY          required in production; generated and kept under CHINJEOL_VAR_DIR otherwise
DATABASE_URL        sqlite:////abs/path/db.sqlite3 or postgres://user@host:5432/name
CHINJEOL_VAR_DIR    where the SQLite database, the secret key, static files and notices live (./var)
ALLOWED_HOSTS       comma-separated host names (production)
CHINJEOL_SSL        1 to redirect to HTTPS and send HSTS (production default 1)
"""

from __future__ import annotations

import os
import secrets
import sys
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
ENV = (
    (os.environ.get("CHINJEOL_ENV") or ("test" if "pytest" in sys.modules else "development")).strip().lower()
)
if ENV not in {"production", "demo", "development", "test"}:
    raise ImproperlyConfigured(
        f"CHINJEOL_ENV 값이 올바르지 않습니다: {ENV!r} (production, demo, development, test)"
    )
PRODUCTION = ENV == "production"
DEBUG = env_bool("CHINJEOL_DEBUG", ENV == "development")


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("운영 모드에서는 SECRET_KEY 환경 변수가 반드시 필요합니다.")
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
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,[::1],testserver")
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
    "chinjeol.organization.apps.OrganizationConfig",
    "chinjeol.charter.apps.CharterConfig",
    "chinjeol.notify.apps.NotifyConfig",
    "chinjeol.cases.apps.CasesConfig",
    "chinjeol.compensation.apps.CompensationConfig",
    "chinjeol.kindness.apps.KindnessConfig",
    "chinjeol.community.apps.CommunityConfig",
    "chinjeol.reports.apps.ReportsConfig",
    "chinjeol.knowledge.apps.KnowledgeConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "chinjeol.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
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
AUTHENTICATION_BACKENDS = ["chinjeol.core.auth.RoleBackend"]
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
# Login lockout: this many failures within the window lock the account name for the window.
LOGIN_MAX_FAILURES = int(os.environ.get("CHINJEOL_LOGIN_MAX_FAILURES", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("CHINJEOL_LOGIN_LOCKOUT_MINUTES", "15"))

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
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

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if ENV == "test"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

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
        ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("CHINJEOL_BEHIND_PROXY") else None
    )

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CHINJEOL_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

CHINJEOL = {
    "AGENCY_NAME": os.environ.get("CHINJEOL_AGENCY_NAME", ""),
    "ACCESS_LOG_RETENTION_DAYS": int(os.environ.get("CHINJEOL_ACCESS_LOG_RETENTION_DAYS", "730")),
}
