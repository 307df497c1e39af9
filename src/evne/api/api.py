"""The JSON API (django-ninja), mounted at /api/. See docs/api.md.

Every operation needs a login (session with CSRF, or HTTP Basic); see auth.py. Every error is JSON; see
errors.py. Routers per domain: citizens.py, cases.py, profiles.py (the resource profile).
"""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from . import errors
from .assessments import router as assessments_router
from .auth import AUTH, docs_login_required
from .cases import router as cases_router
from .citizens import router as citizens_router
from .decisions import router as decisions_router
from .employments import router as employments_router
from .evidence import router as evidence_router
from .plans import router as plans_router
from .profiles import router as profiles_router
from .reform import meetings_router as rehab_meetings_router
from .reform import router as reform_router


class Utf8JSONRenderer(JSONRenderer):
    """Danish letters as themselves (ø, not \\u00f8): the JSON is UTF-8 and easier to read in a terminal."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Evne API",
    version="1",
    description="Case handling for the job centre: citizens, cases, journal notes and the case timeline. "
    "Authentication: a logged-in session (send the CSRF token on writes) or HTTP Basic.",
    urls_namespace="api",
    auth=AUTH,
    parser=errors.JsonParser(),
    renderer=Utf8JSONRenderer(),
    docs_decorator=docs_login_required,
)
errors.install(api)
api.add_router("/cases", cases_router)
api.add_router("/citizens", citizens_router)
api.add_router("/cases", profiles_router)
api.add_router("/cases", evidence_router)
api.add_router("/cases", plans_router)
api.add_router("/cases", employments_router)
api.add_router("/cases", assessments_router)
api.add_router("/cases", decisions_router)
api.add_router("/cases", reform_router)
api.add_router("/rehab", rehab_meetings_router)
