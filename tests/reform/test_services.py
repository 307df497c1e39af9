"""The reform services: the preparatory part, referral, recommendation content, departure and re-referral,
the transfer to pension treatment, the ressourceforløb and the fleksjob records."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from evne.cases.models import EventKind
from evne.cases.timeline import describe
from evne.checks.case import snapshot_for_case
from evne.errors import AccessDenied, DomainError, StaleVersion
from evne.reform import selectors, services
from evne.reform.models import AgendaReason, RehabPlanRevision
from evne.rules.catalogue import BY_ID
from evne.rules.engine import evaluate

from .conftest import CONTENT, FLEX


def outcome(case, rule_id, on=None):
    rule = BY_ID[rule_id]
    return str(evaluate([rule], snapshot_for_case(case), on=on or timezone.localdate()).results[0].finding.outcome)


# --- the preparatory part --------------------------------------------------------------------------------------


def test_it_saves_the_preparatory_part_resting_on_the_profile_versions(alice, flex_case, lae_265):
    from evne.profiles.services import element_save, involvement_record

    involvement_record(actor=alice, case=flex_case, kind="opening_conversation", occurred_on=date(2026, 3, 2),
                       text="Samtale.")  # fmt: skip
    version = element_save(actor=alice, case=flex_case, element="education", base_version=0, reason="Første",
                           relevant=True, facts=[{"id": "f1", "text": "9. klasse.", "source_kind": "conversation"}],
                           resources="Folkeskole.", assessment="Kan bruges.", assessment_fact_ids=["f1"])  # fmt: skip
    plan = services.rehab_plan_save(actor=alice, case=flex_case, base_version=0, gp_basis="lae_265",
                                    gp_document_id=lae_265.pk, **CONTENT)  # fmt: skip
    assert plan.number == 1
    assert plan.profile_version_ids == [version.pk]
    assert [v.pk for v in selectors.plan_profile_versions(plan)] == [version.pk]
    assert flex_case.events.filter(kind=EventKind.REHAB_PLAN_SAVED).count() == 1


def test_it_refuses_a_plan_missing_a_content_part(alice, flex_case, lae_265):
    with pytest.raises(DomainError) as exc:
        services.rehab_plan_save(actor=alice, case=flex_case, base_version=0, gp_basis="lae_265",
                                 gp_document_id=lae_265.pk, **{**CONTENT, "wishes": "  "})  # fmt: skip
    assert exc.value.field == "wishes"
    assert RehabPlanRevision.objects.count() == 0


def test_it_needs_an_lae_265_in_the_case_or_the_existing_evidence(alice, flex_case):
    with pytest.raises(DomainError) as exc:
        services.rehab_plan_save(actor=alice, case=flex_case, base_version=0, gp_basis="lae_265", **CONTENT)
    assert exc.value.field == "gp_document_id"
    with pytest.raises(DomainError) as exc:
        services.rehab_plan_save(actor=alice, case=flex_case, base_version=0, gp_basis="existing_evidence", **CONTENT)
    assert exc.value.field == "existing_evidence"
    plan = services.rehab_plan_save(actor=alice, case=flex_case, base_version=0, gp_basis="existing_evidence",
                                    existing_evidence="Speciallægeerklæring 2025 og journal fra rygcentret.",
                                    **CONTENT)  # fmt: skip
    assert plan.gp_document is None


def test_it_refuses_a_stale_plan_version(alice, bob, flex_case, plan):
    services.rehab_plan_save(actor=bob, case=flex_case, base_version=1, reason="Ny LÆ", gp_basis=plan.gp_basis,
                             gp_document_id=plan.gp_document_id, **CONTENT)  # fmt: skip
    with pytest.raises(StaleVersion):
        services.rehab_plan_save(actor=alice, case=flex_case, base_version=1, reason="Min rettelse",
                                 gp_basis=plan.gp_basis, gp_document_id=plan.gp_document_id, **CONTENT)  # fmt: skip
    assert flex_case.rehab_plans.count() == 2


def test_it_lets_only_the_cases_team_write_the_plan(carol, flex_case, lae_265):
    with pytest.raises(AccessDenied):
        services.rehab_plan_save(actor=carol, case=flex_case, base_version=0, gp_basis="lae_265",
                                 gp_document_id=lae_265.pk, **CONTENT)  # fmt: skip


def test_the_plan_rule_passes_when_accepted_and_fails_when_not(alice, flex_case, plan, lae_265):
    assert outcome(flex_case, "pathways.rehab_plan_prepared") == "ok"
    services.rehab_plan_save(actor=alice, case=flex_case, base_version=1, reason="Ny version uden accept",
                             gp_basis="lae_265", gp_document_id=lae_265.pk, **CONTENT)  # fmt: skip
    assert outcome(flex_case, "pathways.rehab_plan_prepared") == "missing"


# --- team, recommendation, departure ---------------------------------------------------------------------------


def test_it_records_the_recommendation_with_the_content_its_kind_requires(rita, item):
    with pytest.raises(DomainError) as exc:
        services.recommendation_record(actor=rita, item=item, kind="fleksjob", **{**FLEX, "flex_job_types": ""})
    assert exc.value.field == "flex_job_types"
    rec = services.recommendation_record(actor=rita, item=item, kind="fleksjob", **FLEX)
    assert rec.content() == ("factors", "why_clarified", "flex_job_types", "special_needs", "reasons")
    assert outcome(item.case, "pathways.recommendation_content") == "ok"
    assert outcome(item.case, "reform.rehab_team_recommendation") == "ok"


def test_it_refuses_a_postponement_without_its_reason(rita, item):
    with pytest.raises(DomainError) as exc:
        services.recommendation_record(actor=rita, item=item, kind="postponement", presented_for="fleksjob",
                                       reasons="Uafklaret.")  # fmt: skip
    assert exc.value.field == "postponement_reason"
    services.recommendation_record(actor=rita, item=item, kind="postponement", presented_for="fleksjob",
                                   reasons="Ryggen er ikke beskrevet af en speciallæge.",
                                   postponement_reason="Mangler speciallægeerklæring om ryggen.")  # fmt: skip
    assert outcome(item.case, "reform.rehab_team_recommendation") == "missing"  # postponed, not yet recommended


def test_it_wants_development_argued_for_very_few_hours(rita, item):
    with pytest.raises(DomainError) as exc:
        services.recommendation_record(actor=rita, item=item, kind="fleksjob", very_few_hours=True, **FLEX)
    assert exc.value.field == "development_within_reasonable_time"


def test_it_lets_only_the_teams_members_record_a_recommendation(alice, ruth, item):
    for stranger in (alice, ruth):
        with pytest.raises(AccessDenied):
            services.recommendation_record(actor=stranger, item=item, kind="fleksjob", **FLEX)


def test_a_departure_requires_a_later_meeting_before_the_decision(alice, rita, rehab_team, recommendation):
    case = recommendation.case
    assert outcome(case, "reform.rehab_team_rereferral") == "ok"
    with pytest.raises(DomainError) as exc:
        services.departure_record(actor=alice, recommendation=recommendation, departed_on=timezone.localdate(),
                                  reason=" ")  # fmt: skip
    assert exc.value.field == "reason"
    services.departure_record(actor=alice, recommendation=recommendation, departed_on=timezone.localdate(),
                              reason="Kommunen vurderer, at et ressourceforløb skal forsøges først.")  # fmt: skip
    assert selectors.pending_rereferral(case) is not None
    assert outcome(case, "reform.rehab_team_rereferral") == "missing"
    assert case in selectors.cases_to_present_again(rehab_team)
    from evne.checks.case import case_checks

    blocking = {r.rule.id for r in case_checks(case, on=timezone.localdate()).evaluation.blocking("fleksjob")}
    assert "reform.rehab_team_rereferral" in blocking

    later = services.meeting_create(actor=rita, team=rehab_team, held_on=timezone.localdate())
    again = services.agenda_add(actor=alice, meeting=later, case=case, referred_on=later.held_on)
    assert again.reason == AgendaReason.DEPARTURE
    assert selectors.pending_rereferral(case) is None
    assert outcome(case, "reform.rehab_team_rereferral") == "ok"
    assert selectors.cases_to_present_again(rehab_team) == []


def test_it_refuses_a_second_recommendation_and_a_second_departure(alice, rita, recommendation):
    with pytest.raises(DomainError):
        services.recommendation_record(actor=rita, item=recommendation.item, kind="fleksjob", **FLEX)
    services.departure_record(actor=alice, recommendation=recommendation, departed_on=timezone.localdate(),
                              reason="Uenig.")  # fmt: skip
    with pytest.raises(DomainError):
        services.departure_record(actor=alice, recommendation=recommendation, departed_on=timezone.localdate(),
                                  reason="Igen.")  # fmt: skip


def test_it_refuses_a_meeting_of_another_municipality(charlie, meeting):
    from evne.cases.services import case_open
    from evne.citizens.services import citizen_create

    citizen = citizen_create(actor=charlie, cpr="040495-3335", first_name="Fremmed", last_name="Borger")
    other = case_open(actor=charlie, citizen=citizen, pathway="fleksjob", benefit="kontanthjaelp",
                      help_requested_on=date(2026, 1, 5))  # fmt: skip
    with pytest.raises(DomainError):
        services.agenda_add(actor=charlie, meeting=meeting, case=other)


def test_attendance_and_minutes_refuse_a_stale_version(rita, item, meeting):
    services.attendance_record(actor=rita, item=item, expected_version=1, citizen_present=True,
                               caseworker_present=True)  # fmt: skip
    with pytest.raises(StaleVersion):
        services.attendance_record(actor=rita, item=item, expected_version=1, citizen_present=False,
                                   caseworker_present=True)  # fmt: skip
    assert outcome(item.case, "pathways.team_attendance") == "ok"
    services.meeting_minutes_save(actor=rita, meeting=meeting, expected_version=1, minutes="Referat.")
    with pytest.raises(StaleVersion):
        services.meeting_minutes_save(actor=rita, meeting=meeting, expected_version=1, minutes="Andet referat.")


# --- førtidspension ----------------------------------------------------------------------------------------------


def test_the_transfer_is_recorded_and_the_3_month_deadline_runs_from_it(alice, flex_case):
    flex_case.pathway = "fortidspension"
    flex_case.save(update_fields=["pathway"])
    assert outcome(flex_case, "reform.pension_transfer_recorded") == "prompt"
    day = timezone.localdate() - timedelta(days=10)
    services.pension_transfer_record(actor=alice, case=flex_case, transferred_on=day)
    assert outcome(flex_case, "reform.pension_transfer_recorded") == "missing"  # not told
    services.pension_transfer_record(actor=alice, case=flex_case, transferred_on=day, citizen_told_on=day)
    assert outcome(flex_case, "reform.pension_transfer_recorded") == "ok"
    rule = BY_ID["deadline.pension_decision"]
    finding = evaluate([rule], snapshot_for_case(flex_case), on=timezone.localdate()).results[0].finding
    from evne.rules.catalogue.deadline import add_months

    assert finding.due == add_months(day, 3)


def test_without_the_team_all_four_conditions_are_needed(alice, flex_case):
    with pytest.raises(DomainError) as exc:
        services.pension_transfer_record(actor=alice, case=flex_case, transferred_on=timezone.localdate(),
                                         without_team=True, futile_health_alone=True, futile_unambiguous=True,
                                         futile_documented=True)  # fmt: skip
    assert exc.value.field == "futile_not_contradictory"
    assert flex_case.pension_transfers.count() == 0


def test_the_age_rule_reads_the_birth_date(alice, flex_case):
    flex_case.pathway = "fortidspension"
    flex_case.save(update_fields=["pathway"])
    assert outcome(flex_case, "reform.pension_age") == "ok"  # born 1980: 46 in 2026
    flex_case.citizen.birth_date = date(2000, 1, 1)
    flex_case.citizen.save(update_fields=["birth_date"])
    assert outcome(flex_case, "reform.pension_age") == "prompt"


# --- ressourceforløb and fleksjob --------------------------------------------------------------------------------


def test_a_course_is_granted_for_1_to_5_years(alice, flex_case):
    start = date(2026, 1, 1)
    with pytest.raises(DomainError) as exc:
        services.course_grant(actor=alice, case=flex_case, start_on=start, end_on=date(2031, 6, 1),
                              coordinating_caseworker=alice)  # fmt: skip
    assert exc.value.field == "end_on"
    course = services.course_grant(actor=alice, case=flex_case, start_on=start, end_on=date(2028, 12, 31),
                                   coordinating_caseworker=alice)  # fmt: skip
    assert outcome(flex_case, "pathways.ressourceforloeb_period") == "ok"
    course = services.course_action_part_write(actor=alice, course=course, expected_version=1,
                                               action_part="Mentor og virksomhedspraktik.",
                                               written_on=date(2026, 2, 1))  # fmt: skip
    with pytest.raises(StaleVersion):
        services.course_end(actor=alice, course=course, expected_version=1, ended_on=date(2026, 3, 1),
                            outcome="kontanthjaelp")  # fmt: skip
    services.course_end(actor=alice, course=course, expected_version=2, ended_on=date(2026, 3, 1),
                        outcome="kontanthjaelp", still_in_target_group=True)  # fmt: skip
    assert outcome(flex_case, "pathways.ressourceforloeb_after_end") == "missing"  # 42-17


def test_the_visitation_rule_reads_the_recorded_visitation(alice, flex_case):
    assert outcome(flex_case, "pathways.fleksjob_visitation") == "missing"
    services.visitation_record(actor=alice, case=flex_case, visited_on=timezone.localdate(), permanently_reduced=True,
                               measures_tried=False, work_functions="Kontormedhjælp", hours_per_week="8")  # fmt: skip
    assert outcome(flex_case, "pathways.fleksjob_visitation") == "missing"  # neither tried nor futile
    v = services.visitation_record(actor=alice, case=flex_case, visited_on=timezone.localdate(),
                                   permanently_reduced=True, measures_tried=True, work_functions="Kontormedhjælp",
                                   hours_per_week="8")  # fmt: skip
    assert v.hours_per_week == Decimal("8.0")
    assert outcome(flex_case, "pathways.fleksjob_visitation") == "ok"
    with pytest.raises(DomainError) as exc:
        services.flex_job_record(actor=alice, case=flex_case, employer="Firma", start_on=timezone.localdate(),
                                 hours_per_week="abc", accommodation="Pauser")  # fmt: skip
    assert exc.value.field == "hours_per_week"


def test_it_records_follow_ups_in_the_course_and_refuses_one_before_it(alice, flex_case):
    course = services.course_grant(actor=alice, case=flex_case, start_on=date(2026, 1, 1), end_on=date(2027, 1, 1),
                                   coordinating_caseworker=alice)  # fmt: skip
    with pytest.raises(DomainError) as exc:
        services.course_follow_up_record(actor=alice, course=course, held_on=date(2025, 12, 1), note="For tidligt.")
    assert exc.value.field == "held_on"
    services.course_follow_up_record(actor=alice, course=course, held_on=date(2026, 3, 1), note="Mentor i gang.")
    assert course.follow_ups.count() == 1
    assert flex_case.events.filter(kind=EventKind.COURSE_FOLLOW_UP).count() == 1


def test_no_measure_after_6_months_is_satisfied_by_presenting_the_case_again(alice, rita, rehab_team, flex_case):
    flex_case.pathway = "ressourceforlob"
    flex_case.save(update_fields=["pathway"])
    start = timezone.localdate() - timedelta(days=250)
    services.course_grant(actor=alice, case=flex_case, start_on=start, end_on=start.replace(year=start.year + 2),
                          coordinating_caseworker=alice)  # fmt: skip
    assert outcome(flex_case, "reform.ressourceforloeb_no_measure") == "missing"
    meeting = services.meeting_create(actor=rita, team=rehab_team, held_on=timezone.localdate() - timedelta(days=3))
    item = services.agenda_add(
        actor=alice, meeting=meeting, case=flex_case, reason="no_measure", referred_on=meeting.held_on
    )
    assert item.reason == "no_measure"
    assert outcome(flex_case, "reform.ressourceforloeb_no_measure") == "ok"


def test_a_jobafklaringsforloeb_has_its_own_plan_and_refuses_a_stale_end(alice, bob, carol, flex_case):
    flex_case.pathway = "jobafklaring"
    flex_case.save(update_fields=["pathway"])
    with pytest.raises(DomainError) as exc:
        services.clarification_start(actor=alice, case=flex_case, start_on=date(2026, 2, 1),
                                     coordinating_caseworker=bob, plan=" ")  # fmt: skip
    assert exc.value.field == "plan"
    with pytest.raises(AccessDenied):
        services.clarification_start(actor=carol, case=flex_case, start_on=date(2026, 2, 1),
                                     coordinating_caseworker=bob, plan="Afklaring.")  # fmt: skip
    course = services.clarification_start(actor=alice, case=flex_case, start_on=date(2026, 2, 1),
                                          coordinating_caseworker=bob, plan="Afklaring af arbejdsevnen.")  # fmt: skip
    services.clarification_end(actor=bob, course=course, expected_version=1, ended_on=date(2026, 3, 1),
                               outcome="ressourceforlob")  # fmt: skip
    with pytest.raises(StaleVersion):
        services.clarification_end(actor=alice, course=course, expected_version=1, ended_on=date(2026, 3, 2),
                                   outcome="work")  # fmt: skip
    assert outcome(flex_case, "pathways.rehab_plan_prepared") == "missing"  # the same preparatory part is required


# --- the team meeting's events, the flex job's end ----------------------------------------------------------------


def test_team_meeting_events_name_the_agenda_item_and_old_events_still_read(alice, rita, item, meeting):
    from evne.cases.models import TimelineEvent
    from evne.cases.timeline import describe

    services.attendance_record(actor=rita, item=item, expected_version=1, citizen_present=True,
                               caseworker_present=False)  # fmt: skip
    services.recommendation_record(actor=rita, item=item, kind="fleksjob", **FLEX)
    kinds = (EventKind.REHAB_REFERRED, EventKind.REHAB_ATTENDANCE, EventKind.REHAB_RECOMMENDATION)
    events = list(item.case.events.filter(kind__in=kinds).order_by("at", "id"))
    assert [e.kind for e in events] == list(kinds)
    assert [e.data["agenda_item_id"] for e in events] == [item.pk] * 3
    assert {e.data["team"] for e in events} == {"Rehabiliteringsteam Nord"}
    # an event written before the id was recorded (date and team only) still reads
    data = {"held_on": "2026-03-10", "team": "Rehabiliteringsteam Nord", "reason": "first"}
    old = TimelineEvent(case=item.case, kind=EventKind.REHAB_REFERRED, actor=alice, at=timezone.now(), data=data)
    assert "Rehabiliteringsteam Nord" in describe(old) and date_format(date(2026, 3, 10), "DATE_FORMAT") in describe(
        old
    )  # a day as the reader writes it


def test_a_flex_job_ends_once_with_its_reason_and_ledighedsydelse_follows(alice, carol, flex_case):
    start = timezone.localdate() - timedelta(days=100)
    job = services.flex_job_record(actor=alice, case=flex_case, employer="Firma", start_on=start, hours_per_week="10",
                                   accommodation="Pauser")  # fmt: skip
    with pytest.raises(DomainError) as exc:
        services.flex_job_end(actor=alice, job=job, ended_on=start - timedelta(days=1), reason="resigned")
    assert exc.value.field == "ended_on"
    with pytest.raises(DomainError) as exc:
        services.flex_job_end(actor=alice, job=job, ended_on=start, reason="other")
    assert exc.value.field == "note"
    with pytest.raises(DomainError) as exc:
        services.flex_job_end(actor=alice, job=job, ended_on=start, reason="bored")
    assert exc.value.field == "reason"
    with pytest.raises(AccessDenied):
        services.flex_job_end(actor=carol, job=job, ended_on=start, reason="resigned")
    end_on = timezone.localdate() - timedelta(days=10)
    end = services.flex_job_end(actor=alice, job=job, ended_on=end_on, reason="dismissed")
    with pytest.raises(DomainError) as exc:
        services.flex_job_end(actor=alice, job=job, ended_on=end_on, reason="resigned")
    assert exc.value.field == "ended_on"
    assert selectors.flex_job_end(selectors.flex_jobs(flex_case)[0]) == end
    with pytest.raises(PermissionError):
        end.delete()  # append-only
    period = services.ledighedsydelse_record(actor=alice, case=flex_case, start_on=end_on + timedelta(days=1))
    assert selectors.ledighedsydelse_periods(flex_case)[0].effective_end_on is None
    services.ledighedsydelse_end(actor=alice, period=period, ended_on=timezone.localdate())
    assert selectors.ledighedsydelse_periods(flex_case)[0].effective_end_on == timezone.localdate()
    assert flex_case.events.filter(kind=EventKind.FLEX_JOB_ENDED).get().data["reason"] == "dismissed"


def test_it_refuses_a_meeting_already_held_and_a_second_referral(alice, rita, rehab_team, flex_case):
    held = services.meeting_create(actor=rita, team=rehab_team, held_on=timezone.localdate() - timedelta(days=1))
    with pytest.raises(DomainError) as refused:
        services.agenda_add(actor=alice, meeting=held, case=flex_case)
    assert refused.value.field == "meeting" and not held.items.exists()
    ahead = services.meeting_create(actor=rita, team=rehab_team, held_on=timezone.localdate() + timedelta(days=7))
    services.agenda_add(actor=alice, meeting=ahead, case=flex_case)
    with pytest.raises(DomainError) as twice:
        services.agenda_add(actor=alice, meeting=ahead, case=flex_case)
    assert twice.value.field == "meeting"
    assert ahead.items.count() == 1


def test_it_takes_a_case_off_an_agenda_ahead_and_records_why(alice, rita, rehab_team, flex_case):
    ahead = services.meeting_create(actor=rita, team=rehab_team, held_on=timezone.localdate() + timedelta(days=7))
    item = services.agenda_add(actor=alice, meeting=ahead, case=flex_case)
    with pytest.raises(DomainError):
        services.agenda_remove(actor=alice, item=item, reason="  ")
    services.agenda_remove(actor=alice, item=item, reason="Borgeren er indlagt; sagen tages op i næste måned.")
    assert not ahead.items.exists()
    removed = flex_case.events.get(kind=EventKind.REHAB_UNREFERRED)
    assert "indlagt" in describe(removed)


def test_it_keeps_the_agenda_of_a_meeting_held(alice, item):
    with pytest.raises(DomainError) as refused:
        services.agenda_remove(actor=alice, item=item, reason="For sent.")
    assert refused.value.field == "item"
    assert item.meeting.items.filter(pk=item.pk).exists()
