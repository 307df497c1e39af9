"""Who may advise before a specialist statement, by date and by whether the case is one for the rehabilitation
team (pensionsloven § 19, stk. 3; lov om organisering §§ 13–15; seed 003 L3154–3158, L3386–3391): the evidence
service and the rule reform.clinical_function_only follow one helper, and this test keeps them equal."""

from datetime import date

import pytest

from evne.errors import DomainError
from evne.evidence.services import _check_proportionality
from evne.rules.catalogue import BY_ID
from evne.rules.catalogue.evidence import clinical_function_only
from evne.rules.engine import evaluate
from evne.rules.snapshot import Snapshot

REASON = "Egen læges attest er uklar om diagnosen; der kræves en psykiatrisk speciallægeerklæring."
PATHWAYS = ["ressourceforlob", "fleksjob", "fortidspension", "revalidering", "sygedagpenge", "jobafklaring"]
DATES = [date(2010, 5, 3), date(2012, 12, 31), date(2013, 1, 1), date(2026, 3, 2)]


def _service_refuses_the_adviser(on: date, pathway: str) -> bool:
    team = clinical_function_only(on, (pathway,))
    try:
        _check_proportionality("specialist_statement", REASON, True, team_case=team)
    except DomainError as err:
        assert err.field == "adviser_consulted"
        return True
    return False


def _rule_refuses_the_adviser(on: date, pathway: str) -> bool:
    snapshot = Snapshot.from_dict(
        {
            "case": {
                "number": "999-2009-00001",
                "pathway": pathway,
                "benefit": "kontanthjaelp",
                "status": "open",
                "help_requested_on": "2009-01-05",
            },
            "documents": [{"id": 7, "kind": "medical_adviser", "document_date": on.isoformat(), "medical": True}],
        }
    )
    rule = BY_ID["reform.clinical_function_only"]
    return evaluate((rule,), snapshot, on=on).results[0].finding.outcome.value == "missing"


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("pathway", PATHWAYS)
def test_the_service_and_the_rule_agree_on_the_lægekonsulent(on, pathway):
    assert _service_refuses_the_adviser(on, pathway) == _rule_refuses_the_adviser(on, pathway)


def test_a_team_case_since_2013_needs_no_lægekonsulent_and_may_not_use_one():
    _check_proportionality("specialist_statement", REASON, False, team_case=True)  # no consultant: allowed
    with pytest.raises(DomainError):
        _check_proportionality("specialist_statement", REASON, True, team_case=True)
    assert clinical_function_only(date(2013, 1, 1), ("fleksjob",))
    assert not clinical_function_only(date(2012, 12, 31), ("fleksjob",))
    assert not clinical_function_only(date(2026, 1, 1), ("revalidering",))


def test_the_service_takes_a_specialist_request_in_a_team_case_without_a_consultant(make_request, case):
    assert case.pathway == "ressourceforlob"
    request = make_request(document_type="specialist_statement", recipient_kind="specialist", intrusion_reason=REASON)
    assert request.pk
    with pytest.raises(DomainError) as err:
        make_request(
            document_type="specialist_statement", recipient_kind="specialist", intrusion_reason=REASON,
            adviser_consulted=True,
        )  # fmt: skip
    assert err.value.field == "adviser_consulted"
