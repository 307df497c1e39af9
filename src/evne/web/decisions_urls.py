"""URLs of the decision pages; included by web/urls.py."""

from django.urls import path

from . import decisions_views as views

C = "cases/<int:case_id>"
D = f"{C}/decisions/<int:number>"

urlpatterns = [
    path(f"{C}/applications/", views.applications, name="decisions_applications"),
    path(f"{C}/applications/<int:application_id>/withdraw/", views.application_withdraw,
         name="decisions_application_withdraw"),
    path(f"{C}/decisions/", views.decision_list, name="decisions_list"),
    path(f"{C}/decisions/new/", views.decision_create, name="decisions_create"),
    path(f"{C}/decisions/delay-notice/", views.delay_notice, name="decisions_delay_notice"),
    path(f"{C}/decisions/reasons-requests/", views.reasons_request, name="decisions_reasons_request"),
    path(f"{C}/decisions/reasons-requests/<int:request_id>/answer/", views.reasons_answer,
         name="decisions_reasons_answer"),
    path(f"{D}/", views.decision_detail, name="decisions_detail"),
    path(f"{D}/edit/", views.decision_edit, name="decisions_edit"),
    path(f"{D}/hearing/", views.hearing_send, name="decisions_hearing"),
    path(f"{D}/hearing/<int:hearing_id>/answer/", views.hearing_answer, name="decisions_hearing_answer"),
    path(f"{D}/issue/", views.decision_issue, name="decisions_issue"),
    path(f"{D}/complaints/new/", views.complaint_create, name="decisions_complaint_create"),
    path(f"{C}/complaints/<int:complaint_id>/", views.complaint_detail, name="decisions_complaint"),
    path(f"{C}/complaints/<int:complaint_id>/reconsider/", views.complaint_reconsider,
         name="decisions_complaint_reconsider"),
    path(f"{C}/complaints/<int:complaint_id>/forward/", views.complaint_forward, name="decisions_complaint_forward"),
    path(f"{C}/complaints/<int:complaint_id>/outcome/", views.complaint_outcome, name="decisions_complaint_outcome"),
    path(f"{C}/file-access/", views.file_access, name="decisions_file_access"),
    path(f"{C}/file-access/<int:request_id>/hand-out/", views.file_access_hand_out,
         name="decisions_file_access_hand_out"),
]  # fmt: skip
