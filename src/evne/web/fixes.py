"""Where a finding is fixed: the form (or the section of the case) that records what a rule misses (issue 13).

`fix_url(result, case)` maps a rule to the page a caseworker opens to satisfy it: a rule named here goes to its own
form; any other goes to the page of its area (by the rule id's prefix), and failing that to the case page. Where a
finding names the element or the decision concerned (its facts), the link goes there.
"""

from django.urls import NoReverseMatch, reverse

# Rule id → URL name of the form that fixes it (all take the case id).
BY_RULE = {
    "profile.conversation_first": "web:profile_involvement",
    "profile.presented": "web:profile_present",
    "profile.disagreement_decided": "web:profile",
    "evidence.consent_or_ground": "web:evidence_consents",
    "evidence.disclosure_consent_valid": "web:evidence_consents",
    "evidence.round_table_consent": "web:evidence_consents",
    "evidence.answers_due": "web:evidence_requests",
    "evidence.stop_rule": "web:evidence_requests",
    "evidence.no_diagnosis_chase": "web:evidence_requests",
    "assessment.exists": "web:assessments_create",
    "assessment.job_function": "web:assessments_create",
    "assessment.pension_documented": "web:assessments_create",
    "assessment.citizen_view": "web:assessments_create",
    "method.described_before_assessment": "web:profile",
    "method.profile_required": "web:profile",
    "method.offer_when_improvable": "web:plans_activity_create",
    "method.order_written": "web:plans_activities",
    "method.company_follow_up": "web:plans_activities",
    "method.ladder": "web:plans_plan_edit",
    "deadline.sick_pay_follow_up": "web:follow_ups_create",
    "deadline.activation_follow_up": "web:follow_ups_create",
    "deadline.file_access": "web:decisions_file_access",
    "deadline.written_reasons": "web:decisions_reasons_request",
    "deadline.local_decision": "web:decisions_delay_notice",
    "deadline.pension_decision": "web:decisions_list",
    "pathways.rehab_plan_prepared": "web:reform_plan_edit",
    "pathways.pension_transfer": "web:reform_pension",
    "reform.pension_transfer_recorded": "web:reform_pension",
    "reform.rehab_team_recommendation": "web:reform_refer",
    "reform.rehab_team_rereferral": "web:reform_refer",
    "pathways.fleksjob_visitation": "web:reform_visitation",
    "method.fleksjob_visitation": "web:reform_visitation",
    "course.action_part": "web:reform_course",
    "clarification.withdrawal_guidance": "web:decisions_applications",
    "fleksjob.treatment_outstanding": "web:evidence_treatments",
}
# Rule id prefix → URL name of the area's page.
BY_AREA = {
    "profile": "web:profile",
    "evidence": "web:evidence_documents",
    "assessment": "web:assessments_list",
    "method": "web:plans_plan",
    "reform": "web:reform",
    "pathways": "web:reform",
    "team": "web:reform",
    "course": "web:reform",
    "revalidering": "web:plans_activities",
    "fleksjob": "web:reform",
    "pension": "web:reform",
    "clarification": "web:reform",
    "decision": "web:decisions_list",
    "hearing": "web:decisions_list",
    "procedure": "web:follow_ups",
    "sickpay": "web:follow_ups",
}
# Rules about one decision: fixed on that decision's draft (its number is in the finding's facts).
ON_THE_DRAFT = ("decision.", "hearing.")


def fix_url(rule_id: str, case_id: int, facts=None) -> str:
    facts = facts or {}
    number = facts.get("decision") or facts.get("number")
    try:
        if rule_id.startswith(ON_THE_DRAFT) and isinstance(number, int):
            edit = "web:decisions_detail" if rule_id == "decision.hearing" else "web:decisions_edit"
            return reverse(edit, args=[case_id, number])
        elements = facts.get("elements")
        if rule_id.startswith("profile.") and isinstance(elements, list) and len(elements) >= 1:
            return reverse("web:profile_element", args=[case_id, elements[0]])
        if rule_id in BY_RULE:
            return reverse(BY_RULE[rule_id], args=[case_id])
        area = BY_AREA.get(rule_id.partition(".")[0])
        if area:
            return reverse(area, args=[case_id])
    except NoReverseMatch:
        pass
    return reverse("web:case_detail", args=[case_id])
