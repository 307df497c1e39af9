"""Local development and the demo: DEBUG on, SQLite under var/ unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import DATA_DIR

DEBUG = True
SECRET_KEY = "dev-only-not-secret-evne"  # noqa: S105 - never used outside a developer's machine
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATA_DIR.mkdir(parents=True, exist_ok=True)

# Uploads larger than 2.5 MB are spooled to disk: keep them (health data) in Evne's own folder, not /tmp.
FILE_UPLOAD_TEMP_DIR = DATA_DIR / "upload-tmp"
FILE_UPLOAD_TEMP_DIR.mkdir(parents=True, exist_ok=True)
