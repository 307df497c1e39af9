"""URLs of the assessments pages; included by web/urls.py."""

from django.urls import path

from . import assessments_views as views

urlpatterns = [
    path("cases/<int:case_id>/assessments/", views.assessment_list, name="assessments_list"),
    path("cases/<int:case_id>/assessments/new/", views.assessment_create, name="assessments_create"),
    path("cases/<int:case_id>/assessments/<int:number>/", views.assessment_detail, name="assessments_detail"),
]
