"""`evne` runs the owner's commands as the owner role when DATABASE_MIGRATE_URL is set, the rest as the app."""

from evne.cli import use_owner_connection


def test_owner_commands_switch_to_the_owner_connection():
    env = {"DATABASE_URL": "postgres://evne_app@db/evne", "DATABASE_MIGRATE_URL": "postgres://evne_owner@db/evne"}
    assert use_owner_connection(["evne", "migrate"], env)
    assert env["DATABASE_URL"] == "postgres://evne_owner@db/evne"


def test_other_commands_keep_the_application_role():
    env = {"DATABASE_URL": "postgres://evne_app@db/evne", "DATABASE_MIGRATE_URL": "postgres://evne_owner@db/evne"}
    assert not use_owner_connection(["evne", "runserver"], env)
    assert not use_owner_connection(["evne", "migrate"], {"DATABASE_URL": "x"})
    assert env["DATABASE_URL"] == "postgres://evne_app@db/evne"
