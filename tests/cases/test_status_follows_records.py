"""Status follows the records (issue 13, item 9): "Decided" only with an issued decision."""

import pytest

from evne.cases.models import CaseStatus
from evne.cases.services import case_change_status
from evne.errors import DomainError

pytestmark = pytest.mark.django_db


def test_it_refuses_decided_when_no_decision_is_issued(alice, case):
    with pytest.raises(DomainError) as refused:
        case_change_status(actor=alice, case=case, status=CaseStatus.DECIDED, expected_version=case.version)
    assert refused.value.field == "status" and "afgørelse" in refused.value.message  # the reason, in Danish
    case.refresh_from_db()
    assert case.status != CaseStatus.DECIDED


def test_it_still_allows_the_other_status_changes(alice, case):
    changed = case_change_status(actor=alice, case=case, status=CaseStatus.CLARIFICATION, expected_version=case.version)
    assert changed.status == CaseStatus.CLARIFICATION
