"""URLs of the evidence pages; included by web/urls.py."""

from django.urls import path

from . import evidence_views as views
from . import statements_views

urlpatterns: list = [
    path("cases/<int:case_id>/consents/", views.consents, name="evidence_consents"),
    path("cases/<int:case_id>/requests/", views.requests, name="evidence_requests"),
    path("cases/<int:case_id>/requests/new/", views.request_create, name="evidence_request_create"),
    path("cases/<int:case_id>/requests/<int:request_id>/send/", views.request_send, name="evidence_request_send"),
    path("cases/<int:case_id>/requests/<int:request_id>/answer/", views.request_answer, name="evidence_request_answer"),
    path("cases/<int:case_id>/requests/<int:request_id>/cancel/", views.request_cancel, name="evidence_request_cancel"),
    path("cases/<int:case_id>/documents/", views.documents, name="evidence_documents"),
    path(
        "cases/<int:case_id>/documents/<int:document_id>/file/",
        views.document_download,
        name="evidence_document_download",
    ),
    path(
        "cases/<int:case_id>/documents/<int:document_id>/", statements_views.document_detail, name="evidence_document"
    ),
    path(
        "cases/<int:case_id>/documents/<int:document_id>/conclusions/",
        statements_views.conclusions_form,
        name="evidence_conclusions",
    ),
    path("cases/<int:case_id>/treatments/", statements_views.treatments, name="evidence_treatments"),
    path(
        "cases/<int:case_id>/treatments/<int:treatment_id>/status/",
        statements_views.treatment_status,
        name="evidence_treatment_status",
    ),
]
