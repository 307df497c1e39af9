"""Login protection, headers and sessions, shared by every environment (imported by base.py).

Each value that a municipality may want to tune is read from the environment with a default; the production
settings (production.py) add what only makes sense behind TLS. See docs/decisions/0018-login-tokens-and-headers.md
and the README's "Sikkerhed" section.
"""

import os
from datetime import timedelta

from csp.constants import NONE, SELF


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


# --- Login protection (django-axes): the web login form and HTTP Basic on the API ---------------------------
# After EVNE_LOGIN_FAILURE_LIMIT failed attempts in a row, logging in with that username from that IP address is
# blocked for EVNE_LOGIN_COOLOFF_MINUTES, counted from the attempt that caused the lockout. The combination, not
# the username alone, so that a stranger who knows a username cannot lock its owner out; not the IP address
# alone, because a job centre's staff often share one address. EVNE_LOGIN_LOCKOUT_BY=username counts every
# address together (the account itself is locked). The Axes backend comes first, so a locked-out attempt is
# refused before the password is hashed, and it is not recorded (it neither moves the lockout nor grows a row).
AUTHENTICATION_BACKENDS = [
    "evne.accounts.backends.LockoutBackend",  # django-axes; see evne.accounts.backends
    "evne.accounts.backends.UserBackend",  # ModelBackend, reading the team and municipality with the user
]
AXES_FAILURE_LIMIT = _env_int("EVNE_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=_env_int("EVNE_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS: list[str | list[str]] = (
    ["username"] if os.environ.get("EVNE_LOGIN_LOCKOUT_BY", "") == "username" else [["username", "ip_address"]]
)
# Axes warns that a lockout by username alone can be dodged by rotating user agents; it cannot (failures are
# summed over every record of the username), so the warning is silenced for that choice.
SILENCED_SYSTEM_CHECKS = ["axes.W006"] if AXES_LOCKOUT_PARAMETERS == ["username"] else []
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "evne.accounts.lockout.lockout_response"
# The client's address is REMOTE_ADDR unless Evne runs behind EVNE_TRUSTED_PROXY_COUNT reverse proxies that set
# X-Forwarded-For: a header the client sets itself must not choose whose attempts are counted.
_PROXIES = _env_int("EVNE_TRUSTED_PROXY_COUNT", 0)
AXES_IPWARE_PROXY_COUNT = _PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if _PROXIES else ("REMOTE_ADDR",)
# Axes stores the query string and form fields of a failed attempt; a search term may be a CPR number.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "q", "cpr", "next"]

# --- Personal API tokens ---------------------------------------------------------------------------------
EVNE_API_TOKEN_MAX_DAYS = _env_int("EVNE_API_TOKEN_MAX_DAYS", 365)

# --- Sessions ----------------------------------------------------------------------------------------------
# The session ends with the browser, after EVNE_SESSION_IDLE_MINUTES without a request, and at the latest
# EVNE_SESSION_MAX_HOURS after login (the cookie's and the stored session's age).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = _env_int("EVNE_SESSION_MAX_HOURS", 8) * 60 * 60
EVNE_SESSION_IDLE_SECONDS = _env_int("EVNE_SESSION_IDLE_MINUTES", 30) * 60
SESSION_COOKIE_SAMESITE = "Lax"

# --- Content-Security-Policy (django-csp): scripts and styles only from Evne's own static files ---------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
