import pytest
from django.db import connection


@pytest.fixture
def postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: database roles and grants do not exist on SQLite, which keeps its triggers")


@pytest.fixture
def shared_database(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database a second process can open: the SQLite test database is in memory")
