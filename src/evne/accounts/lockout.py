"""The answer to a locked-out login (django-axes' AXES_LOCKOUT_CALLABLE): Danish, saying when to try again.

The web login form gets a page (429); the API (HTTP Basic) gets JSON `{"detail"}` (429) with `Retry-After`.
The lockout ends settings.AXES_COOLOFF_TIME after the failed attempt that caused it (attempts made while locked
out are refused before the password is checked and do not move it).
"""

import math
from datetime import datetime

from axes.helpers import get_client_username, get_cool_off, get_lockout_parameters
from axes.models import AccessAttempt
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _


def locked_until(request: HttpRequest, credentials: dict | None) -> datetime:
    cool_off = get_cool_off(request)
    attempts = AccessAttempt.objects.all()
    groups = get_lockout_parameters(request, credentials)
    parameters = {p for group in groups for p in (group if isinstance(group, list) else [group])}
    if "username" in parameters:
        attempts = attempts.filter(username=get_client_username(request, credentials))
    if "ip_address" in parameters:
        attempts = attempts.filter(ip_address=getattr(request, "axes_ip_address", None))
    last = attempts.aggregate(last=Max("attempt_time"))["last"] or timezone.now()
    return last + cool_off


def lockout_message(until: datetime) -> str:
    local = timezone.localtime(until)
    time = formats.time_format(local, "H:i")
    if local.date() == timezone.localdate():
        return _(
            "Too many failed login attempts. Logging in with this username is blocked until %(time)s. Try again "
            "then, or ask your administrator for help."
        ) % {"time": time}
    return _(
        "Too many failed login attempts. Logging in with this username is blocked until %(date)s at %(time)s. "
        "Try again then, or ask your administrator for help."
    ) % {"date": formats.date_format(local, "DATE_FORMAT"), "time": time}


def lockout_response(request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None):
    until = locked_until(request, credentials)
    message = lockout_message(until)
    retry_after = str(max(1, math.ceil((until - timezone.now()).total_seconds())))
    if request.path_info.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, "registration/locked_out.html", {"message": message}, status=429)
    response["Retry-After"] = retry_after
    return response
