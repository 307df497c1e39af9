"""API fixtures. Dora is a lawyer/auditor in team A: she reads, but never changes case data."""

import base64

import pytest
from django.test import Client

from evne.accounts.models import Role
from tests.conftest import PASSWORD


def basic(username: str, password: str = PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


@pytest.fixture
def dora(make_user, team_a):
    return make_user("dora", Role.AUDITOR, team_a)


@pytest.fixture
def api_client():
    """A client logged in by session (as the browser is) for the given user; English unless told otherwise."""

    def make(user, *, language: str = "en") -> Client:
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(user)
        return client

    return make
