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
    return s.Snapshot(
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
