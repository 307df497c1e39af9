"""API for plans (filled in by its owner). Registered in api.py under /cases."""

from ninja import Router

router = Router(tags=["plans"])
