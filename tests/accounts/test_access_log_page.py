import logging

import pytest
from django.urls import reverse

from evne.accounts.models import Role
from evne.logfilters import PersonalDataFilter, scrub

from ..conftest import PASSWORD


@pytest.mark.parametrize(
    ("role", "status"),
    # A rehab-team member does not even see a citizen whose case is not on their team's agenda (0007): 404.
    [(Role.TEAM_LEADER, 200), (Role.AUDITOR, 200), (Role.CASEWORKER, 403), (Role.REHAB_MEMBER, 404)],
)
def test_it_shows_who_read_a_citizen_only_to_leaders_and_auditors(client, make_user, team_a, alice, case, role, status):
    client.login(username="alice", password=PASSWORD)
    client.get(reverse("web:case_detail", args=[case.pk]))
    make_user("viewer", role, team_a)
    client.login(username="viewer", password=PASSWORD)
    response = client.get(reverse("web:citizen_access_log", args=[case.citizen_id]), follow=True)
    assert response.status_code == status
    if status == 200:
        assert "Alice Testesen" in response.content.decode()
        assert case.number in response.content.decode()


def test_it_scrubs_cpr_shaped_text_from_application_logs(caplog):
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "Not Found: /search/?q=%s", ("010180-1234",), None)
    PersonalDataFilter().filter(record)
    assert record.getMessage() == "Not Found: /search/?q=[CPR]"
    assert scrub("sag 990-2026-00001 og 0101801234") == "sag 990-2026-00001 og [CPR]"
