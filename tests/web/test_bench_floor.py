"""The load benchmark's floor view: one case row as JSON, for staff only, with no personal data."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory

from evne.web.bench_views import floor

pytestmark = pytest.mark.django_db


def request_by(user):
    request = RequestFactory().get("/bench/floor/")
    request.user = user
    return request


def test_staff_get_the_case_row_without_personal_data(make_user, case):
    staff = make_user("bench_floor", "administrator", None)
    staff.is_staff = True
    staff.save()

    response = floor(request_by(staff), case.pk)

    row = json.loads(response.content)
    assert row == {"id": case.pk, "number": case.number, "status": case.status, "pathway": case.pathway,
                   "version": case.version}  # fmt: skip
    assert case.citizen.cpr not in response.content.decode()


def test_caseworkers_and_strangers_get_nothing(alice, case):
    for user in (alice, AnonymousUser()):
        with pytest.raises(Http404):
            floor(request_by(user), case.pk)


def test_it_is_not_mounted_unless_the_benchmark_asks(client, settings):
    assert settings.EVNE_BENCH_FLOOR is False
    assert client.get("/bench/floor/1/").status_code in (302, 404)
