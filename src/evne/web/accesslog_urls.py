"""URLs of the access-log search; included by web/urls.py."""

from django.urls import path

from . import accesslog_views as views

urlpatterns = [
    path("access-log/", views.access_log, name="access_log"),
]
