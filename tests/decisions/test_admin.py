"""A municipality's letter branding and local deadlines are edited in Django admin (no case data there)."""

from datetime import timedelta

from evne.accounts.models import Role
from evne.checks.case import snapshot_for_case
from evne.decisions.models import LetterBranding, LocalDeadline


def test_the_administrator_edits_letter_branding_and_local_deadlines(client, make_user, kommune):
    admin = make_user("ada", Role.ADMINISTRATOR, None, municipality=kommune)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    LetterBranding.objects.filter(municipality=kommune).delete()  # the fixture's synthetic branding
    assert client.get("/admin/decisions/letterbranding/add/").status_code == 200
    response = client.post("/admin/decisions/letterbranding/add/", {
        "municipality": kommune.pk, "sender": "Jobcenter Evnekøbing", "address": "Rådhustorvet 1",
        "phone": "70 00 00 00", "email": "jobcenter@example.dk",
        "opening_hours": "Mandag–fredag 9–15", "signature": "Med venlig hilsen", "logo_svg": "",
    })  # fmt: skip
    assert response.status_code == 302 and LetterBranding.objects.get().sender == "Jobcenter Evnekøbing"
    response = client.post(
        "/admin/decisions/localdeadline/add/", {"municipality": kommune.pk, "pathway": "fleksjob", "weeks": 12}
    )
    assert response.status_code == 302 and LocalDeadline.objects.get().weeks == 12


def test_a_local_deadline_reaches_the_rules(alice, case):
    LocalDeadline.objects.create(municipality=case.municipality, pathway=case.pathway, weeks=8)
    assert snapshot_for_case(case).local_decision_due_on == case.help_requested_on + timedelta(weeks=8)
