"""The JSON API (django-ninja). Routers are added per domain; see docs/api.md."""

from ninja import NinjaAPI

api = NinjaAPI(title="Evne API", version="1", urls_namespace="api")
