"""Build the immutable rules snapshot (evne.rules.snapshot) from the database. Call only for a case obtained
through access_case(). Only flags, dates and ids cross over — no free text, no CPR."""

from django.utils import timezone

from evne.rules import snapshot as s

from .models import Case


def _day(value):
    return timezone.localtime(value).date() if hasattr(value, "tzinfo") else value


def snapshot_for_case(case: Case) -> s.Snapshot:
    from evne.assessments.models import CanMeet
    from evne.decisions.selectors import snapshot_parts
    from evne.evidence.models import MEDICAL_DOCUMENTS
    from evne.evidence.selectors import consent_in_force
    from evne.profiles.models import ResourceProfile

    profile = ResourceProfile.objects.filter(case=case).first()
    assignment = case.assignments.order_by("-assigned_at", "-id").first()
    caseworker_since = _day(assignment.assigned_at) if assignment else None
    answers = {a.rule_id: a for a in case.prompt_answers.order_by("answered_at", "id")}  # the latest per rule wins
    elements, involvement, presentations = (), (), ()
    if profile is not None:
        elements = tuple(
            s.Element(
                key=v.element, number=v.number, saved_on=_day(v.saved_at), relevant=v.relevant,
                not_relevant_obvious=v.not_relevant_obvious, has_not_relevant_reason=bool(v.not_relevant_reason),
                has_facts=bool(v.facts), has_assessment=bool(v.assessment),
                assessment_rests_on_facts=bool(v.assessment_fact_ids), has_citizen_view=bool(v.citizen_view),
                has_accommodation_needs=bool(v.accommodation_needs), accommodation_duration=v.accommodation_duration,
                has_resources=bool(v.resources), has_development=bool(v.development), has_barriers=bool(v.barriers),
                has_missing_information=bool(v.missing_information),
                has_title_and_justification=bool(v.title and v.justification),
            )
            for v in profile.versions.order_by("element", "number")
        )  # fmt: skip
        involvement = tuple(
            s.Involvement(kind=i.kind, occurred_on=i.occurred_on, non_participation=i.non_participation,
                          consequences_explained=i.consequences_explained)
            for i in profile.involvement.order_by("occurred_on", "id")
        )  # fmt: skip
        presentations = tuple(
            s.Presentation(
                presented_on=p.presented_on,
                responses=tuple(
                    s.Response(
                        element=r.version.element, version_number=r.version.number, agrees=r.agrees,
                        has_disagreement_text=bool(r.disagreement),
                        decision=getattr(getattr(r, "decision", None), "outcome", "") or "",
                        has_explanation=bool(getattr(getattr(r, "decision", None), "explanation", "")),
                    )
                    for r in p.responses.select_related("version", "decision").order_by("id")
                ),
            )
            for p in profile.presentations.order_by("presented_on", "id")
        )  # fmt: skip
    requests = tuple(
        s.Request(
            id=r.pk, document_type=r.document_type, created_on=_day(r.created_at), has_purpose=bool(r.purpose),
            has_necessity=bool(r.necessity), has_questions=bool(r.questions),
            consent_in_force=r.consent_id is not None and (
                consent_in_force(case, "collect", r.sent_on or _day(r.created_at)) is not None),
            collection_ground=r.collection_ground, sent_on=r.sent_on, answer_due_on=r.answer_due_on,
            answered_on=r.answered_on, cancelled_on=r.cancelled_on,
        )
        for r in case.information_requests.order_by("id")
    )  # fmt: skip
    reform = _reform_facts(case)
    return s.Snapshot(
        **reform,
        citizen_born_on=case.citizen.birth_date,
        case=s.CaseFacts(number=case.number, pathway=case.pathway, benefit=case.benefit, status=case.status,
                         help_requested_on=case.help_requested_on, caseworker_since=caseworker_since,
                         citizen_needs_interpreter=bool(case.citizen.interpreter_language)),
        involvement=involvement,
        elements=elements,
        presentations=presentations,
        consents=tuple(
            s.Consent(purpose=c.purpose, status=c.status, given_on=c.given_on, expires_on=c.expires_on,
                      guidance_given=c.guidance_given)
            for c in case.consents.order_by("given_on", "id")
        ),
        requests=requests,
        documents=tuple(
            s.Document(id=d.pk, kind=d.kind, document_date=d.document_date, medical=d.kind in MEDICAL_DOCUMENTS)
            for d in case.documents.order_by("document_date", "id")
        ),
        activities=tuple(
            s.Activity(
                id=a.pk, type_code=a.type.code, start_on=a.start_on, planned_end_on=a.planned_end_on,
                company_based=a.type.company_based, actual_end_on=a.actual_end_on, has_order=a.orders.exists(),
                has_follow_up_plan=a.orders.exclude(follow_up_plan="").exists(),
            )
            for a in case.activities.select_related("type").order_by("start_on", "id")
        ),
        follow_ups=tuple(
            s.FollowUp(held_on=f.held_on, with_citizen=f.with_citizen, parties_decided=f.parties_decided,
                       interpreter_used=f.interpreter_used, parties=tuple(f.parties))
            for f in case.follow_ups.order_by("held_on", "id")
        ),
        answers={rule_id: a.answer for rule_id, a in answers.items()},
        answer_versions={rule_id: a.rule_version.isoformat() for rule_id, a in answers.items() if a.rule_version},
        answer_dates={rule_id: _day(a.answered_at).isoformat() for rule_id, a in answers.items()},
        policies=tuple(sorted(case.municipality.policies or ())),
        assessments=tuple(
            s.Assessment(
                number=a.number, assessed_on=a.assessed_on, conclusion=a.conclusion,
                job_functions_named=len(a.job_functions),
                job_functions_meetable=sum(1 for j in a.job_functions if j.get("can_meet") != CanMeet.NO),
                has_restitution=bool(a.restitution), has_reasons=bool(a.reasons), document_count=len(a.document_ids),
                has_citizen_view=bool(a.citizen_view),
            )
            for a in case.assessments.order_by("number")
        ),
        **snapshot_parts(case),
    )  # fmt: skip


def _reform_facts(case: Case) -> dict:
    """The reform pathways (evne.reform) as flags, dates and ids: plan, meetings, recommendations, transfer, course,
    visitation. Which content parts a recommendation has — never their text."""
    from evne.reform.models import FlexJobVisitation, PensionTransfer, Recommendation, RehabTeamMember

    items = list(case.rehab_agenda_items.select_related("meeting").order_by("meeting__held_on", "id"))
    roles: dict[int, tuple[str, ...]] = {}
    for team_id in {i.meeting.team_id for i in items}:
        roles[team_id] = tuple(sorted(set(
            RehabTeamMember.objects.filter(team_id=team_id, active=True).values_list("role", flat=True))))  # fmt: skip
    recs = Recommendation.objects.filter(case=case).select_related("item__meeting", "departure").order_by("id")
    transfer: PensionTransfer | None = case.pension_transfers.order_by("-created_at", "-id").first()
    return {
        "rehab_plans": tuple(
            s.RehabPlan(number=p.number, saved_on=_day(p.saved_at), gp_basis=p.gp_basis,
                        gp_document_id=p.gp_document_id, profile_versions=len(p.profile_version_ids),
                        citizen_accepted_on=p.citizen_accepted_on)
            for p in case.rehab_plans.order_by("number")
        ),
        "rehab_meetings": tuple(
            s.RehabMeeting(id=i.meeting_id, held_on=i.meeting.held_on, reason=i.reason,
                           citizen_present=i.citizen_present, caseworker_present=i.caseworker_present,
                           roles_present=roles.get(i.meeting.team_id, ()))
            for i in items
        ),
        "recommendations": tuple(
            s.Recommendation(
                id=r.pk, meeting_id=r.item.meeting_id, kind=r.kind, recommended_on=r.item.meeting.held_on,
                content=r.content(), wants_case_back=r.wants_case_back,
                development_perspective=r.development_perspective,
                very_few_hours=r.very_few_hours,
                departed_on=r.departure.departed_on if hasattr(r, "departure") else None,
                has_departure_reason=bool(r.departure.reason) if hasattr(r, "departure") else False,
            )
            for r in recs
        ),
        "pension_transfer": None if transfer is None else s.PensionTransfer(
            transferred_on=transfer.transferred_on, citizen_told_on=transfer.citizen_told_on,
            on_existing_evidence=transfer.on_existing_evidence, senior=transfer.senior,
            long_attachment=transfer.long_attachment, without_team=transfer.without_team,
            futile_conditions=transfer.futile_conditions(),
        ),
        "resource_courses": tuple(
            s.ResourceCourse(id=c.pk, start_on=c.start_on, end_on=c.end_on, has_coordinator=True,
                             has_action_part=bool(c.action_part), ended_on=c.ended_on, outcome=c.outcome,
                             still_in_target_group=c.still_in_target_group)
            for c in case.resource_courses.order_by("start_on", "id")
        ),
        "fleksjob_visitations": tuple(
            s.FlexJobVisitation(
                visited_on=v.visited_on, permanently_reduced=v.permanently_reduced, measures_tried=v.measures_tried,
                has_futile_reason=bool(v.futile_reason), has_work_functions=bool(v.work_functions),
                has_hours=v.hours_per_week > 0, very_few_hours=v.very_few_hours,
                has_development_plan=bool(v.development_plan),
            )
            for v in FlexJobVisitation.objects.filter(case=case).order_by("visited_on", "id")
        ),
        "flex_jobs": tuple(
            s.FlexJob(start_on=j.start_on, ended_on=j.end.ended_on if hasattr(j, "end") else None)
            for j in case.flex_jobs.select_related("end").order_by("start_on", "id")
        ),
        "ledighedsydelse_periods": tuple(
            s.LedighedsydelsePeriod(start_on=p.start_on,
                                    end_on=p.end_on or (p.end.ended_on if hasattr(p, "end") else None))
            for p in case.ledighedsydelse_periods.select_related("end").order_by("start_on", "id")
        ),
    }  # fmt: skip
