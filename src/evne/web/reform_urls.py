"""URLs of the reform pathways' pages; included by web/urls.py."""

from django.urls import path

from . import reform_views as views

urlpatterns = [
    path("cases/<int:case_id>/reform/", views.overview, name="reform"),
    path("cases/<int:case_id>/reform/plan/", views.plan_edit, name="reform_plan_edit"),
    path("cases/<int:case_id>/reform/plan/<int:number>/", views.plan_detail, name="reform_plan"),
    path("cases/<int:case_id>/reform/refer/", views.refer, name="reform_refer"),
    path(
        "cases/<int:case_id>/reform/recommendations/<int:recommendation_id>/depart/", views.depart, name="reform_depart"
    ),
    path("cases/<int:case_id>/reform/pension/", views.pension_transfer, name="reform_pension"),
    path("cases/<int:case_id>/reform/course/", views.course_grant, name="reform_course"),
    path(
        "cases/<int:case_id>/reform/course/<int:course_id>/action-part/",
        views.course_action_part,
        name="reform_action_part",
    ),
    path("cases/<int:case_id>/reform/course/<int:course_id>/end/", views.course_end, name="reform_course_end"),
    path(
        "cases/<int:case_id>/reform/course/<int:course_id>/follow-up/", views.course_follow_up, name="reform_follow_up"
    ),
    path("cases/<int:case_id>/reform/jobafklaring/", views.clarification_start, name="reform_clarification"),
    path(
        "cases/<int:case_id>/reform/jobafklaring/<int:course_id>/end/",
        views.clarification_end,
        name="reform_clarification_end",
    ),
    path("cases/<int:case_id>/reform/fleksjob/visitation/", views.visitation, name="reform_visitation"),
    path("cases/<int:case_id>/reform/fleksjob/job/", views.flex_job, name="reform_flex_job"),
    path("cases/<int:case_id>/reform/fleksjob/ledighedsydelse/", views.ledighedsydelse, name="reform_ledighedsydelse"),
    path("cases/<int:case_id>/reform/fleksjob/job/<int:job_id>/end/", views.flex_job_end, name="reform_flex_job_end"),
    path(
        "cases/<int:case_id>/reform/fleksjob/ledighedsydelse/<int:period_id>/end/",
        views.ledighedsydelse_end,
        name="reform_ledighedsydelse_end",
    ),
    path("rehab/", views.teams, name="rehab_teams"),
    path("rehab/teams/<int:team_id>/", views.team_detail, name="rehab_team"),
    path("rehab/meetings/<int:meeting_id>/", views.meeting_detail, name="rehab_meeting"),
    path("rehab/meetings/<int:meeting_id>/items/<int:item_id>/attendance/", views.attendance, name="rehab_attendance"),
    path(
        "rehab/meetings/<int:meeting_id>/items/<int:item_id>/remove/", views.agenda_remove, name="rehab_agenda_remove"
    ),
    path("rehab/meetings/<int:meeting_id>/items/<int:item_id>/recommend/", views.recommend, name="rehab_recommend"),
]
