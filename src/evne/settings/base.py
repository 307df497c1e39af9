"""Settings shared by every environment. DATABASE_URL picks the database (SQLite by default)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # src/evne
PROJECT_DIR = BASE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("EVNE_DATA_DIR", PROJECT_DIR / "var"))

SECRET_KEY = os.environ.get("EVNE_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # its static copy of swagger-ui-dist serves /api/docs (no CDN)
    "axes",
    "evne.accounts",
    "evne.citizens",
    "evne.cases",
    "evne.profiles",
    "evne.evidence",
    "evne.plans",
    "evne.assessments",
    "evne.decisions",
    "evne.reform",
    "evne.casefile",
    "evne.checks",
    "evne.dataops",
    "evne.synth",
    "evne.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "evne.web.security.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "evne.web.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "evne.web.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "evne.web.security.SessionTimeoutMiddleware",  # after messages: it tells the user why they were logged out
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "evne.accounts.access.AccessLogScopeMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout answer
]

ROOT_URLCONF = "evne.urls"
WSGI_APPLICATION = "evne.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'evne.sqlite3'}",
        conn_max_age=int(os.environ.get("EVNE_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # BEGIN IMMEDIATE: a second writer waits for the first (busy timeout) instead of failing with "database is
    # locked" when it upgrades a read to a write; concurrent saves then meet the version check cleanly.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The load benchmark's floor view (bench/load, evne.web.bench_views): mounted only when EVNE_BENCH_FLOOR=1.
EVNE_BENCH_FLOOR = os.environ.get("EVNE_BENCH_FLOOR") == "1"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:worklist"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Danish first; English through Django i18n.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"

# Uploaded documents. Never served as static media: the download view checks access and logs it.
MEDIA_ROOT = Path(os.environ.get("EVNE_MEDIA_ROOT", DATA_DIR / "media"))
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# Files are written to MEDIA_ROOT/.staging and moved into place when the transaction commits (evne.dataops.storage);
# `evne sweep_files` removes what a crash left behind. docs/decisions/0019-database-roles-files-backup-retention.md
STORAGES = {
    "default": {"BACKEND": "evne.dataops.storage.StagedFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EVNE_SWEEP_AFTER_HOURS = int(os.environ.get("EVNE_SWEEP_AFTER_HOURS", "24"))
# PostgreSQL: the application's own role (owns nothing), granted after every migrate; see evne.dataops.dbroles.
EVNE_DB_APP_ROLE = os.environ.get("EVNE_DB_APP_ROLE", "")
EVNE_DB_BACKDATE_TOLERANCE_SECONDS = int(os.environ.get("EVNE_DB_BACKDATE_TOLERANCE_SECONDS", "300"))
# Retention per record type, overriding the dated defaults of evne/dataops/retention.yaml; per municipality code:
# {"closed_case": 10} or {"990": {"closed_case": 10}} (years).
EVNE_RETENTION_YEARS: dict = {}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less header set in base.html

# Application logs never carry personal data (GDPR art. 9): log lines name ids, never CPR, names or notes.
# Who read which citizen's data is recorded in the access log (accounts.AccessLogEntry), not here.
# The filter sits on every handler (evne.logfilters.configure adds it to any handler a library set up), and
# Django's request loggers and a server's access log get handlers of their own here, each filtered.
LOGGING_CONFIG = "evne.logfilters.configure"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "evne.logfilters.PersonalDataFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_personal_data"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["no_personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False, "filters": ["no_personal_data"]},
        "django.request": {"level": "INFO", "filters": ["no_personal_data"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["no_personal_data"],
        },
        "gunicorn.error": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
            "filters": ["no_personal_data"],
        },
        "gunicorn.access": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
            "filters": ["no_personal_data"],
        },
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # failures and lockouts; not every check
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50

# `evne serve` (gunicorn). Workers: the usual 2 × CPUs + 1; threads: a worker waits on the database and on PDF
# rendering, so a few threads let it serve others meanwhile (each holds its own database connection).
EVNE_SERVER_BIND = os.environ.get("EVNE_SERVER_BIND", "127.0.0.1:8000")
EVNE_SERVER_WORKERS = int(os.environ.get("EVNE_SERVER_WORKERS", "0")) or 2 * (os.cpu_count() or 1) + 1
EVNE_SERVER_THREADS = int(os.environ.get("EVNE_SERVER_THREADS", "4"))
EVNE_SERVER_TIMEOUT = int(os.environ.get("EVNE_SERVER_TIMEOUT", "120"))
EVNE_SERVER_ACCESS_LOG = os.environ.get("EVNE_SERVER_ACCESS_LOG", "")
EVNE_SERVER_FORWARDED_ALLOW_IPS = os.environ.get("EVNE_SERVER_FORWARDED_ALLOW_IPS", "127.0.0.1")

# How long the access log is kept, in whole months (`evne accesslog expire` erases older months). Set by the
# municipality's data-protection policy; docs/decisions/0011-access-log-at-scale.md.
EVNE_ACCESS_LOG_RETENTION_MONTHS = int(os.environ.get("EVNE_ACCESS_LOG_RETENTION_MONTHS", "60"))
from .security import *  # noqa: E402, F403 - login protection, headers and sessions
