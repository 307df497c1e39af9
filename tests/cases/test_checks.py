"""The legal checks on a real case from the database, on the case page, and the published catalogue."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from evne.checks.case import case_checks
from evne.profiles.services import element_save, involvement_record, profile_present

from ..conftest import PASSWORD


def _profile(alice, case):
    involvement_record(
        actor=alice, case=case, kind="opening_conversation", occurred_on=date(2026, 3, 9), text="Samtale"
    )
    element_save(actor=alice, case=case, element="education", base_version=0, reason="Første", relevant=True,
                 facts=[{"id": "f1", "text": "AMU-kursus.", "source_kind": "conversation"}])  # fmt: skip


def failing(checks):
    return {r.rule.id for r in checks.findings}


def test_it_finds_an_unpresented_profile_and_clears_it_after_presentation(alice, case):
    _profile(alice, case)
    today = timezone.localdate()
    checks = case_checks(case, on=today)
    assert "profile.presented" in failing(checks)
    assert any(b.rule.id == "profile.presented" for b in next(r for r in checks.readiness
                                                             if r.decision_type == "fleksjob").blocking)  # fmt: skip
    profile_present(actor=alice, case=case, presented_on=today, method="meeting",
                    responses={"education": {"agrees": True}})  # fmt: skip
    assert "profile.presented" not in failing(case_checks(case, on=today))


def test_it_judges_the_case_as_it_stood_on_the_date_asked(alice, case):
    _profile(alice, case)
    assert "profile.presented" not in failing(case_checks(case, on=date(2002, 6, 1)))  # before the order


def test_it_shows_findings_on_the_case_page_with_a_link_to_the_rule(client, alice, case):
    _profile(alice, case)
    client.login(username="alice", password=PASSWORD)
    body = client.get(reverse("web:case_detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "ikke forelagt borgeren" in body
    assert reverse("web:rules") + "#profile.presented" in body


def test_it_publishes_the_catalogue_with_citations_and_parameters(client, alice):
    client.login(username="alice", password=PASSWORD)
    body = client.get(reverse("web:rules"), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert 'id="profile.presented"' in body and "bek_543_2002 § 7, stk. 8" in body
    assert ("consent.disclose_valid_years" in body and "kommunal politik" in body.lower()) or "policy" in body


def test_it_records_the_answer_to_a_prompt_and_the_check_then_reads_it(client, alice, case):
    from evne.assessments.models import WorkAbilityAssessment
    from evne.cases.models import EventKind, PromptAnswer

    WorkAbilityAssessment.objects.create(
        case=case, number=1, assessed_on=timezone.localdate(), actual_resources="r", development_possibilities="d",
        barrier_reduction="b", job_functions=[{"text": "Lager", "can_meet": "with_accommodation"}], restitution="r",
        conclusion="flex_job_level", reasons="r", author=alice, created_at=timezone.now(),
    )  # fmt: skip
    assert "method.fleksjob_visitation" in failing(case_checks(case, on=timezone.localdate()))
    client.login(username="alice", password=PASSWORD)
    page = client.get(reverse("web:case_detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert 'value="method.fleksjob_visitation"' in page  # an answer form beside the question
    client.post(reverse("web:prompt_answer", args=[case.pk]),
                {"rule_id": "method.fleksjob_visitation", "answer": "Forelægges rehabiliteringsteamet."})  # fmt: skip
    assert PromptAnswer.objects.get(case=case).answered_by == alice
    assert case.events.filter(kind=EventKind.PROMPT_ANSWERED).exists()
    assert "method.fleksjob_visitation" not in failing(case_checks(case, on=timezone.localdate()))


def test_it_refuses_an_empty_answer_or_an_unknown_check(client, alice, carol, case):
    from evne.cases.models import PromptAnswer

    client.login(username="alice", password=PASSWORD)
    client.post(reverse("web:prompt_answer", args=[case.pk]), {"rule_id": "method.fleksjob_visitation", "answer": " "})
    client.post(reverse("web:prompt_answer", args=[case.pk]), {"rule_id": "no.such.rule", "answer": "x"})
    assert not PromptAnswer.objects.exists()
    client.login(username="carol", password=PASSWORD)
    response = client.post(reverse("web:prompt_answer", args=[case.pk]),
                           {"rule_id": "method.fleksjob_visitation", "answer": "x"})  # fmt: skip
    assert response.status_code == 403 and not PromptAnswer.objects.exists()


def test_an_answer_records_the_rule_version_in_force_and_the_snapshot_carries_it(alice, case):
    from evne.cases.services import prompt_answer
    from evne.checks.case import snapshot_for_case
    from evne.rules.catalogue import BY_ID

    recorded = prompt_answer(actor=alice, case=case, rule_id="reform.ressourceforloeb_development",
                             answer="Udviklingsperspektiv vurderet: praktik og mentor.")  # fmt: skip
    in_force = BY_ID["reform.ressourceforloeb_development"].version_on(timezone.localdate())
    assert recorded.rule_version == in_force.valid_from == date(2018, 6, 1)
    snap = snapshot_for_case(case)
    [answer] = snap.answers
    assert (answer.rule_id, answer.rule_version) == ("reform.ressourceforloeb_development", date(2018, 6, 1))
    assert answer.given_on == timezone.localdate() and answer.decision_number is None


def test_a_municipality_switches_a_policy_on_and_its_check_appears(alice, case):
    case.help_requested_on = date(2024, 1, 5)
    case.save()
    today = timezone.localdate()
    assert "policy.clarification_guarantee" not in failing(case_checks(case, on=today))
    case.municipality.policies = ["policy.clarification_guarantee_months"]
    case.municipality.save()
    case.refresh_from_db()
    assert "policy.clarification_guarantee" in failing(case_checks(case, on=today))


def test_the_admin_offers_only_policy_parameters_to_switch_on(db):
    from evne.accounts.admin import MunicipalityForm

    choices = dict(MunicipalityForm().fields["policies"].choices)
    assert "policy.clarification_guarantee_months" in choices
    assert "deadlines.pension_decision_months" not in choices
    form = MunicipalityForm(data={"code": "997", "name": "Testby", "policies": ["deadlines.pension_decision_months"]})
    assert not form.is_valid() and "policies" in form.errors


def test_the_rules_page_shows_each_rules_sources_and_the_uncovered_source_rules(client, alice):
    client.login(username="alice", password=PASSWORD)
    body = client.get(reverse("web:rules"), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "seed000.D5" in body and "seed003.T10" in body  # the sources of deadline.sick_pay_follow_up
    from evne.rules.coverage import disposition, ledger

    uncovered = next(k for k, e in ledger().items() if disposition(e) == "not_checkable")
    assert f'id="source-{uncovered}"' in body  # a source rule without a check, with its reason
    assert 'id="source-seed000.X5"' not in body  # the hearing rule checks it
    assert "dækning af kilderne" in body


def test_an_answer_recorded_under_a_former_rule_id_still_counts(alice, case):
    from evne.cases.models import PromptAnswer
    from evne.checks.case import snapshot_for_case

    PromptAnswer.objects.create(case=case, rule_id="reform.ressourceforloeb_no_measure_6_months",
                                rule_version=date(2018, 6, 1), answer="Sagen er forelagt teamet igen.",
                                answered_by=alice, answered_at=timezone.now())  # fmt: skip
    [answer] = snapshot_for_case(case).answers
    assert answer.rule_id == "reform.ressourceforloeb_no_measure"


def test_it_accepts_an_answer_under_a_former_rule_id_and_stores_the_current_one(alice, case):
    from evne.cases.services import prompt_answer

    recorded = prompt_answer(actor=alice, case=case, rule_id="deadline.file_access_10_days",
                             answer="Borgeren har fået besked om hvorfor og hvornår.")  # fmt: skip
    assert recorded.rule_id == "deadline.file_access"
