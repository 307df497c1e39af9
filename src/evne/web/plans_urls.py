"""URLs of the plans pages; included by web/urls.py (namespace "web")."""

from django.urls import path

from . import plans_views as views

urlpatterns = [
    path("cases/<int:case_id>/plan/", views.plan_detail, name="plans_plan"),
    path("cases/<int:case_id>/plan/edit/", views.plan_edit, name="plans_plan_edit"),
    path("cases/<int:case_id>/plan/pdf/", views.plan_pdf, name="plans_plan_pdf"),
    path("cases/<int:case_id>/activities/<int:activity_id>/order/pdf/", views.order_pdf, name="plans_order_pdf"),
    path("cases/<int:case_id>/activities/", views.activity_list, name="plans_activities"),
    path("cases/<int:case_id>/activities/new/", views.activity_create, name="plans_activity_create"),
    path("cases/<int:case_id>/activities/<int:activity_id>/", views.activity_detail, name="plans_activity"),
    path("cases/<int:case_id>/activities/<int:activity_id>/edit/", views.activity_edit, name="plans_activity_edit"),
    path("cases/<int:case_id>/activities/<int:activity_id>/end/", views.activity_end, name="plans_activity_end"),
    path("cases/<int:case_id>/activities/<int:activity_id>/order/", views.order_edit, name="plans_order"),
    path(
        "cases/<int:case_id>/activities/<int:activity_id>/reports/new/",
        views.report_create,
        name="plans_report_create",
    ),
    path("cases/<int:case_id>/reports/<int:report_id>/carry/", views.report_carry, name="plans_report_carry"),
    path(
        "cases/<int:case_id>/activities/<int:activity_id>/trial-periods/new/",
        views.trial_period_create,
        name="plans_trial_period_create",
    ),
]
