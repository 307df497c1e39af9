"""Production: PostgreSQL through DATABASE_URL, secrets from the environment, secure cookies."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE

SECRET_KEY = os.environ.get("EVNE_SECRET_KEY", "")
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("EVNE_SECRET_KEY must be set to a random string of at least 32 characters.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must point at the PostgreSQL database in production.")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Production runs on PostgreSQL (DATABASE_URL=postgres://…).")

ALLOWED_HOSTS = [h for h in os.environ.get("EVNE_ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("EVNE_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True

# HTTPS only (issue 15.8; `evne check --deploy` has no warnings). Plain HTTP is redirected; browsers are told
# for a year to use HTTPS for this host and its subdomains (HSTS), and the host may be submitted to the browsers'
# preload list (hstspreload.org) — a commitment: every subdomain must then serve HTTPS. See the README, "Sikkerhed".
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_NAME = "__Host-evne-session"  # only over HTTPS, only for this exact host, path /

# Uploads larger than 2.5 MB are spooled to disk: keep them (health data) in a private folder.
FILE_UPLOAD_TEMP_DIR = os.environ.get("EVNE_UPLOAD_TMP") or None

# Persistent database connections: a worker thread keeps its connection between requests (checked before reuse)
# instead of opening one per request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("EVNE_DB_CONN_MAX_AGE", "600"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Static files: collected with hashed names and compressed (`evne collectstatic`, or the first `evne serve`) and
# served by WhiteNoise from the application server, with far-future cache headers.
_after = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [*MIDDLEWARE[:_after], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[_after:]]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
