"""URLs of the follow-up pages; included by web/urls.py."""

from django.urls import path

from . import followups_views as views

urlpatterns = [
    path("cases/<int:case_id>/follow-ups/", views.follow_up_list, name="follow_ups"),
    path("cases/<int:case_id>/follow-ups/new/", views.follow_up_create, name="follow_ups_create"),
]
