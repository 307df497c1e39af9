"""The citizen's data as one ZIP (GDPR art. 15), for a team leader or lawyer/auditor: a page, then a POST."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from evne.accounts.access import can_read_access_log, can_read_citizen
from evne.accounts.models import AccessChannel
from evne.citizens.models import Citizen
from evne.errors import AccessDenied, NotFound

from .citizen_export import build


@require_http_methods(["GET", "POST"])
def citizen_export(request: HttpRequest, citizen_id: int) -> HttpResponse:
    if request.method == "POST":
        name, data = build(user=request.user, citizen_id=citizen_id, channel=AccessChannel.WEB)
        response = HttpResponse(data, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "no-store"
        return response
    citizen = Citizen.objects.filter(pk=citizen_id).first()
    if citizen is None or not can_read_citizen(request.user, citizen):
        raise NotFound
    if not can_read_access_log(request.user, citizen):
        raise AccessDenied
    return render(request, "dataops/citizen_export.html", {"citizen": citizen})
