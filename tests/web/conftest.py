"""Fixtures of other areas the web tests use: the API client, and the rehabilitation team with a case on its
agenda (Rita is a member)."""

from ..api.conftest import api_client  # noqa: F401
from ..reform.conftest import flex_case, item, meeting, rehab_team, rita  # noqa: F401
