"""URLs of the evidence pages; included by web/urls.py."""

urlpatterns: list = []
