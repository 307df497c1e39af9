"""The JSON API (django-ninja), mounted at /api/. See docs/api.md.

Every operation needs a login (session with CSRF, or HTTP Basic); see auth.py. Every error is JSON; see
errors.py. Routers per domain: citizens.py, cases.py.
"""

from ninja import NinjaAPI

from . import errors
from .auth import AUTH, docs_login_required
from .cases import router as cases_router
from .citizens import router as citizens_router

api = NinjaAPI(
    title="Evne API",
    version="1",
    description="Case handling for the job centre: citizens, cases, journal notes and the case timeline. "
    "Authentication: a logged-in session (send the CSRF token on writes) or HTTP Basic.",
    urls_namespace="api",
    auth=AUTH,
    parser=errors.JsonParser(),
    docs_decorator=docs_login_required,
)
errors.install(api)
api.add_router("/cases", cases_router)
api.add_router("/citizens", citizens_router)
