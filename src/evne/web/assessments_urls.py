"""URLs of the assessments pages; included by web/urls.py."""

urlpatterns: list = []
