"""Production settings for the load benchmark on one machine: plain HTTP on 127.0.0.1 stands in for the TLS proxy,
so the session and CSRF cookies may travel without HTTPS. Everything else (middleware, sessions, database) is
production's."""

import os

os.environ.setdefault("EVNE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

from evne.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
