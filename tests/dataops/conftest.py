import pytest
from django.db import connection


@pytest.fixture
def postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: database roles and grants do not exist on SQLite, which keeps its triggers")
