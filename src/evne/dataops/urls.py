from django.urls import path

from . import views

app_name = "dataops"

urlpatterns = [
    path("citizens/<int:citizen_id>/data-copy/", views.citizen_export, name="citizen_export"),
]
