"""URLs of the citizen's own work; included by web/urls.py (namespace "web")."""

from django.urls import path

from . import employment_views as views

urlpatterns = [
    path("cases/<int:case_id>/employments/new/", views.employment_create, name="employment_create"),
    path("cases/<int:case_id>/employments/<int:employment_id>/edit/", views.employment_edit, name="employment_edit"),
]
