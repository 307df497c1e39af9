from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("search/", views.search, name="search"),
    path("citizens/new/", views.citizen_create, name="citizen_create"),
    path("citizens/<int:citizen_id>/", views.citizen_detail, name="citizen_detail"),
    path("citizens/<int:citizen_id>/access-log/", views.citizen_access_log, name="citizen_access_log"),
    path("citizens/<int:citizen_id>/edit/", views.citizen_edit, name="citizen_edit"),
    path("citizens/<int:citizen_id>/supporters/new/", views.supporter_create, name="supporter_create"),
    path("citizens/<int:citizen_id>/cases/new/", views.case_create, name="case_create"),
    path("cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("cases/<int:case_id>/edit/", views.case_edit, name="case_edit"),
    path("cases/<int:case_id>/status/", views.case_status, name="case_status"),
    path("cases/<int:case_id>/assign/", views.case_assign, name="case_assign"),
    path("cases/<int:case_id>/notes/", views.note_create, name="note_create"),
]
