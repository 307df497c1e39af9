"""What a personal API token may reach: its scope (read only, or read and write) and, optionally, areas.

An area is a group of operations as the OpenAPI document tags them (one tag per router). The operation a
request is for is found from the route Django resolved, in the API's own OpenAPI document, so a new operation
belongs to an area as soon as its router is tagged; tests/api/test_tokens.py fails on a tag without a label.
"""

import re
from functools import cache

from django.http import HttpRequest

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@cache
def _tags_by_operation() -> dict[tuple[str, str], tuple[str, ...]]:
    from .api import api

    paths = api.get_openapi_schema()["paths"]
    return {
        (method.upper(), path): tuple(operation.get("tags", ()))
        for path, methods in paths.items()
        for method, operation in methods.items()
    }


def areas_of(request: HttpRequest) -> tuple[str, ...]:
    """The tags of the operation this request is for (empty if it is none, e.g. an unknown path)."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route:
        return ()
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", match.route)
    method = "GET" if request.method == "HEAD" else (request.method or "")
    return _tags_by_operation().get((method, path), ())
