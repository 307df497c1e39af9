"""The floor view of the load benchmark (bench/load): one case row as JSON, through the same server, middleware,
session and database as every page, so a page's time can be read against the least a request can cost.

Staff only, and only mounted when EVNE_BENCH_FLOOR=1: it reads a case without the need-to-know gate and without an
access-log row, which no caseworker's request may do. It returns no personal data (no CPR, no name)."""

from django.http import Http404, HttpRequest, JsonResponse

from evne.cases.models import Case


def floor(request: HttpRequest, case_id: int) -> JsonResponse:
    if not (request.user.is_authenticated and request.user.is_staff):
        raise Http404
    row = Case.objects.filter(pk=case_id).values("id", "number", "status", "pathway", "version").first()
    if row is None:
        raise Http404
    return JsonResponse(row)
