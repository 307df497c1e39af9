from django.urls import include, path

from . import profile_views as profile
from . import rules_views, views

app_name = "web"

urlpatterns = [
    path("", include("evne.web.evidence_urls")),
    path("", include("evne.web.plans_urls")),
    path("", include("evne.web.assessments_urls")),
    path("", include("evne.web.reform_urls")),
    path("", include("evne.web.followups_urls")),
    path("", include("evne.web.employment_urls")),
    path("", include("evne.web.decisions_urls")),
    path("", include("evne.web.accesslog_urls")),
    path("", include("evne.web.token_urls")),
    path("", views.worklist, name="worklist"),
    path("search/", views.search, name="search"),
    path("rules/", rules_views.catalogue, name="rules"),
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
    path("cases/<int:case_id>/checks/answer/", views.prompt_answer, name="prompt_answer"),
    path("cases/<int:case_id>/profile/", profile.profile_overview, name="profile"),
    path("cases/<int:case_id>/profile/pdf/", profile.profile_pdf, name="profile_pdf"),
    path("cases/<int:case_id>/profile/involvement/", profile.involvement_create, name="profile_involvement"),
    path("cases/<int:case_id>/profile/hypotheses/", profile.hypothesis_create, name="profile_hypothesis"),
    path("cases/<int:case_id>/profile/present/", profile.presentation_create, name="profile_present"),
    path(
        "cases/<int:case_id>/profile/responses/<int:response_id>/decide/",
        profile.disagreement_decide,
        name="profile_decide",
    ),
    path("cases/<int:case_id>/profile/<str:element>/", profile.element_edit, name="profile_element"),
    path("cases/<int:case_id>/profile/<str:element>/history/", profile.element_history, name="profile_history"),
]
