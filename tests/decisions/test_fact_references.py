"""A decision's fact points at any record of the case (cases.references): a document, a note, a profile version,
the work-ability assessment, a provider report, the team's recommendation — never a record of another case — and
the page shows it as a link with the record's title, not its key."""

import pytest
from django.urls import reverse

from evne.assessments.models import WorkAbilityAssessment
from evne.cases.references import resolve
from evne.decisions import services
from evne.errors import DomainError
from tests.conftest import PASSWORD


def test_it_offers_and_accepts_the_assessment_as_a_facts_source(client, alice, prepared, draft):
    assessment = prepared["assessment"]
    client.login(username=alice.username, password=PASSWORD)
    url = reverse("web:decisions_edit", args=[draft.case_id, draft.number])
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert f'value="assessment:{assessment.pk}"' in form and "Arbejdsevnevurdering 1" in form
    response = client.post(url, {
        "version": draft.version, "decision_text": "Du får afslag.", "reasons": "Fordi.", "legal_basis": "LAB.",
        "facts-TOTAL_FORMS": "1", "facts-INITIAL_FORMS": "0",
        "facts-0-text": "Arbejdsevnen er vurderet på fleksjobniveau.", "facts-0-source": f"assessment:{assessment.pk}",
    })  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("web:decisions_detail", args=[draft.case_id, draft.number]),
                      HTTP_ACCEPT_LANGUAGE="da").content.decode()  # fmt: skip
    link = reverse("web:assessments_detail", args=[draft.case_id, assessment.number])
    assert f'<a href="{link}">Arbejdsevnevurdering 1' in page
    assert f"assessment:{assessment.pk}" not in page  # the key is never shown


def test_it_refuses_a_source_from_another_case(alice, prepared, draft, citizen):
    from evne.cases.services import case_open

    other = case_open(actor=alice, citizen=citizen, pathway="fleksjob", benefit="ledighedsydelse",
                      help_requested_on=prepared["case"].help_requested_on)  # fmt: skip
    foreign = WorkAbilityAssessment.objects.filter(case=prepared["case"]).get()
    assert resolve(other, f"assessment:{foreign.pk}") is None
    assert resolve(prepared["case"], f"assessment:{foreign.pk}").title.startswith(
        "Arbejdsevnevurdering 1"
    )  # settings: Danish first
    draft_other = services.decision_draft(actor=alice, case=other, outcome="refusal", subject="fleksjob",
                                          applied_for="Fleksjob.")  # fmt: skip
    with pytest.raises(DomainError, match="ikke i denne sag"):
        services.decision_revise(actor=alice, decision=draft_other, expected_version=draft_other.version,
                                 facts=[{"text": "Vurderet.", "source": f"assessment:{foreign.pk}"}])  # fmt: skip


@pytest.mark.parametrize("ref", ["assessment:x", "unknown:1", "document", ""])
def test_it_resolves_no_malformed_reference(prepared, ref):
    assert resolve(prepared["case"], ref) is None
