"""URLs of the plans pages; included by web/urls.py."""

urlpatterns: list = []
