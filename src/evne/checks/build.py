"""The one way from a case's facts to the rules: the case-file representation → the rules' snapshot.

The case page and the decision page export the case they read from the database (`case_file_for_checks`) and build
the snapshot from that; `evne check FILE.json` builds it from the file itself, with no database. So a rule sees the
same facts whichever way the case arrives, and anything the rules read must be in the case file.

Only flags, dates, numbers and ids cross over — no free text, no CPR. Ids are the numbers of the file's refs
(`document-3` → 3), the same for a case read from the database and for its exported file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from evne.decisions import reasons as reason_checks
from evne.evidence.models import MEDICAL_DOCUMENTS, DocumentKind
from evne.rules import snapshot as s
from evne.rules.catalogue import current_id
from evne.rules.vocabulary import CONTENT_FIELDS, DECISION_TYPE, FUTILE_CONDITIONS

# The statements a hearing must include once received (decisions: the specialist's and the consultant's)
SPECIALIST_KINDS = frozenset({DocumentKind.SPECIALIST_STATEMENT, DocumentKind.MEDICAL_ADVISER})

Record = dict[str, Any]
LOCAL = ZoneInfo("Europe/Copenhagen")  # the day a timestamp falls on is the day in Denmark (settings.TIME_ZONE)


def ref_number(ref) -> int:
    """'document-3' → 3; a ref the file did not give (None) → 0."""
    if ref is None:
        return 0
    return int(str(ref).rsplit("-", 1)[1])


def day(value: str) -> dt.date:
    """The Danish calendar day of an ISO timestamp, or an ISO date."""
    if "T" in value:
        return dt.datetime.fromisoformat(value).astimezone(LOCAL).date()
    return dt.date.fromisoformat(value)


def _date(value: str) -> dt.date:
    """A date the case file requires (the schema allows no null there)."""
    return dt.date.fromisoformat(value)


def _optional_date(value: str | None) -> dt.date | None:
    """A date the case file may leave out (null)."""
    return _date(value) if value else None


def _ordered(rows: Iterable[Record], *keys: str) -> list[Record]:
    """Rows in the order of the given fields, then file order (the records' creation order)."""
    indexed = list(enumerate(rows))
    return [r for _i, r in sorted(indexed, key=lambda p: (*(p[1][k] for k in keys), p[0]))]


def _numeric_sources(facts: list[dict]) -> list[dict]:
    """A decision fact's source "document:document-2" as "document:2" (the form reason_checks reads)."""
    out = []
    for fact in facts:
        source = fact.get("source", "")
        kind, sep, ref = source.partition(":") if isinstance(source, str) else ("", "", "")
        if sep and ref.startswith(f"{kind}-"):
            fact = {**fact, "source": f"{kind}:{ref_number(ref)}"}
        out.append(fact)
    return out


def snapshot_from_case_file(
    data: Record, *, policies: Iterable[str] = (), local_decision_weeks: int | None = None
) -> s.Snapshot:
    """The rules' snapshot of a case file (a parsed, validated, current-version file: casefile.importer.read).

    `policies` and `local_decision_weeks` are the municipality's settings, not facts of the case: the policies it
    has switched on and its own decision deadline for the case's pathway (RTL § 3, stk. 2)."""
    case, citizen, profile = data["case"], data["citizen"], data.get("profile")
    help_requested_on = dt.date.fromisoformat(case["help_requested_on"])
    assignments = case["assignments"]
    latest_assignment = max(enumerate(assignments), key=lambda p: (p[1]["assigned_at"], p[0]), default=None)
    documents = data["documents"]
    versions = {v["ref"]: v for v in (profile or {}).get("versions", [])}
    return s.Snapshot(
        case=s.CaseFacts(
            number=case["number"], pathway=case["pathway"], benefit=case["benefit"], status=case["status"],
            help_requested_on=help_requested_on,
            caseworker_since=day(latest_assignment[1]["assigned_at"]) if latest_assignment else None,
            citizen_needs_interpreter=bool(citizen.get("interpreter_language")),
        ),
        citizen_born_on=_optional_date(citizen.get("birth_date")),
        **_profile(profile),
        consents=tuple(
            s.Consent(purpose=c["purpose"], status=c["status"], given_on=_date(c["given_on"]),
                      expires_on=_optional_date(c["expires_on"]), guidance_given=c["guidance_given"])
            for c in _ordered(data["consents"], "given_on")
        ),
        requests=_requests(data),
        documents=tuple(
            s.Document(id=ref_number(d["ref"]), kind=d["kind"], document_date=_date(d["document_date"]),
                       medical=d["kind"] in MEDICAL_DOCUMENTS)
            for d in _ordered(documents, "document_date")
        ),
        activities=tuple(
            s.Activity(
                id=ref_number(a["ref"]), type_code=a["type"], start_on=_date(a["start_on"]),
                planned_end_on=_date(a["planned_end_on"]), company_based=bool(a.get("type_company_based")),
                actual_end_on=_optional_date(a["actual_end_on"]), has_order=bool(a["orders"]),
                has_follow_up_plan=any(o["follow_up_plan"] for o in a["orders"]),
            )
            for a in _ordered(data["activities"], "start_on")
        ),
        follow_ups=tuple(
            s.FollowUp(held_on=_date(f["held_on"]), with_citizen=f["with_citizen"],
                       parties_decided=f["parties_decided"], interpreter_used=f["interpreter_used"],
                       parties=tuple(f["parties"]))
            for f in _ordered(case["follow_ups"], "held_on")
        ),
        **_answers(case["prompt_answers"]),
        policies=tuple(sorted(set(policies))),
        assessments=tuple(
            s.Assessment(
                number=a["number"], assessed_on=_date(a["assessed_on"]), conclusion=a["conclusion"],
                job_functions_named=len(a["job_functions"]),
                job_functions_meetable=sum(1 for j in a["job_functions"] if j.get("can_meet") != "no"),
                has_restitution=bool(a["restitution"]), has_reasons=bool(a["reasons"]),
                document_count=len(a["document_ids"]), has_citizen_view=bool(a["citizen_view"]),
                rests_on=tuple(s.VersionRef(element=versions[v]["element"], number=versions[v]["number"])
                               for v in a["profile_version_ids"] if v in versions),
                recorded_on=day(a["created_at"]),
            )
            for a in _ordered(data["assessments"], "number")
        ),
        **_decisions(data, has_profile=bool(profile and profile["versions"])),
        local_decision_due_on=(
            help_requested_on + dt.timedelta(weeks=local_decision_weeks) if local_decision_weeks else None
        ),
        **_reform(data),
        **_facts(data),
    )  # fmt: skip


def _profile(profile: Record | None) -> dict:
    if profile is None:
        return {}
    by_ref = {v["ref"]: v for v in profile["versions"]}
    return {
        "elements": tuple(
            s.Element(
                key=v["element"], number=v["number"], saved_on=day(v["saved_at"]), relevant=v["relevant"],
                not_relevant_obvious=v["not_relevant_obvious"], has_not_relevant_reason=bool(v["not_relevant_reason"]),
                has_facts=bool(v["facts"]), has_assessment=bool(v["assessment"]),
                assessment_rests_on_facts=bool(v["assessment_fact_ids"]), has_citizen_view=bool(v["citizen_view"]),
                has_accommodation_needs=bool(v["accommodation_needs"]),
                accommodation_duration=v["accommodation_duration"], has_resources=bool(v["resources"]),
                has_development=bool(v["development"]), has_barriers=bool(v["barriers"]),
                has_missing_information=bool(v["missing_information"]),
                has_title_and_justification=bool(v["title"] and v["justification"]),
            )
            for v in _ordered(profile["versions"], "element", "number")
        ),
        "involvement": tuple(
            s.Involvement(kind=i["kind"], occurred_on=_date(i["occurred_on"]), non_participation=i["non_participation"],
                          consequences_explained=i["consequences_explained"])
            for i in _ordered(profile["involvement"], "occurred_on")
        ),
        "presentations": tuple(
            s.Presentation(
                presented_on=_date(p["presented_on"]),
                responses=tuple(
                    s.Response(
                        element=by_ref[r["version"]]["element"], version_number=by_ref[r["version"]]["number"],
                        version_saved_on=day(by_ref[r["version"]]["saved_at"]), agrees=r["agrees"],
                        has_disagreement_text=bool(r["disagreement"]),
                        decision=(r["decision"] or {}).get("outcome", "") or "",
                        has_explanation=bool((r["decision"] or {}).get("explanation", "")),
                    )
                    for r in p["responses"]
                ),
            )
            for p in _ordered(profile["presentations"], "presented_on")
        ),
    }  # fmt: skip


def _requests(data: Record) -> tuple[s.Request, ...]:
    consents = data["consents"]

    def consent_holds(on: dt.date) -> bool:
        """A consent to collect holds on `on` (evidence.selectors.consents_in_force, on the file's records)."""
        latest: dict[str, Record] = {}
        for c in _ordered((c for c in consents if c["purpose"] == "collect" and _date(c["given_on"]) <= on),
                          "given_on"):  # fmt: skip
            latest[" ".join((c["scope"] or "").split()).casefold()] = c
        return any(
            c["status"] == "given" and (c["expires_on"] is None or on < _date(c["expires_on"])) for c in latest.values()
        )

    out = []
    for r in data["requests"]:
        created_on = day(r["created_at"])
        out.append(s.Request(
            id=ref_number(r["ref"]), document_type=r["document_type"], created_on=created_on,
            has_purpose=bool(r["purpose"]), has_necessity=bool(r["necessity"]), has_questions=bool(r["questions"]),
            consent_in_force=r["consent"] is not None and consent_holds(_optional_date(r["sent_on"]) or created_on),
            collection_ground=r["collection_ground"], sent_on=_optional_date(r["sent_on"]),
            answer_due_on=_optional_date(r["answer_due_on"]), answered_on=_optional_date(r["answered_on"]),
            cancelled_on=_optional_date(r["cancelled_on"]),
        ))  # fmt: skip
    return tuple(out)


def _answers(rows: list[Record]) -> dict:
    # An answer recorded under a rule's former id (before a rename) counts for the rule under its id today.
    return {
        "answers": tuple(
            s.Answer(rule_id=current_id(a["rule_id"]), text=a["answer"], given_on=day(a["answered_at"]),
                     rule_version=_optional_date(a["rule_version"]), decision_number=a["decision_number"])
            for a in _ordered(rows, "answered_at")
        )
    }  # fmt: skip


def _decisions(data: Record, *, has_profile: bool) -> dict:
    documents = data["documents"]
    kinds = {ref_number(d["ref"]): d["kind"] for d in documents}
    received = {d["ref"]: _date(d["received_on"]) for d in documents}
    specialist = {d["ref"] for d in documents if d["kind"] in SPECIALIST_KINDS}
    number_of = {d["ref"]: d["number"] for d in data["decisions"]}
    decisions, complaints = [], []
    for d in _ordered(data["decisions"], "number"):
        facts = _numeric_sources(d["facts"] or [])
        decisions.append(s.Decision(
            number=d["number"], decision_type=DECISION_TYPE.get(d["outcome"], "refusal"), outcome=d["outcome"],
            status=d["status"], created_on=day(d["created_at"]), fully_grants=d["fully_grants"],
            appealable=d["appealable"], decided_on=_optional_date(d["decided_on"]),
            has_decision_text=bool(d["decision_text"]), has_legal_basis=bool(d["legal_basis"]),
            has_reasons=bool(d["reasons"]), has_facts=bool(d["facts"]),
            facts_in_case=not reason_checks.unsourced_facts(facts),
            reasons_only_doctor=reason_checks.reasons_only_doctor(d["reasons"]),
            specialist_conclusion_as_fact=bool(reason_checks.conclusion_facts(facts, kinds)),
            answer_dealt_with=bool(d["answer_dealt_with"]), has_guidance=bool(d["guidance_text"]),
            guidance_given_on=_optional_date(d["decided_on"]) if d["guidance_text"] else None,
            override=bool(d["override_reason"]), subject=d.get("subject") or "",
            application_id=ref_number(d["application"]) if d.get("application") else None,
            evidence=tuple(
                s.Weighing(document_id=ref_number(w["document_id"]), stance=w["stance"],
                           dealt_with=bool(w["dealt_with"]))
                for w in d.get("evidence_weighing") or ()
            ),
            revision_on=_optional_date(d.get("revision_on")),
            has_revision_reason=bool((d.get("revision_reason") or "").strip()),
        ))  # fmt: skip
        for c in d["complaints"]:
            complaints.append((ref_number(c["ref"]), s.Complaint(
                decision_number=d["number"], received_on=_date(c["received_on"]),
                reconsideration=c["reconsideration"], reconsidered_on=_optional_date(c["reconsidered_on"]),
                forwarded_on=_optional_date(c["forwarded_on"]), appeal_body=c.get("appeal_body") or "",
                appeal_outcome=c["appeal_outcome"],
                appeal_decided_on=_optional_date(c["appeal_decided_on"]),
            )))  # fmt: skip
    hearings = []
    for h in _ordered(data["hearings"], "sent_on"):
        sent_on = _date(h["sent_on"])
        sent_docs = {p.get("document_id") for p in h["package"] if p.get("kind") == "document"}
        hearings.append((number_of[h["decision"]], sent_on, s.Hearing(
            decision_number=number_of[h["decision"]], sent_on=sent_on, response_due_on=_date(h["response_due_on"]),
            includes_profile=not has_profile or any(p.get("kind") == "version" for p in h["package"]),
            includes_new_specialist_statements=all(ref in sent_docs for ref in specialist if received[ref] <= sent_on),
            answer=h["answer"], answered_on=_optional_date(h["answered_on"]),
        )))  # fmt: skip
    return {
        "decisions": tuple(decisions),
        "hearings": tuple(h for _n, _d, h in sorted(hearings, key=lambda t: t[0])),
        "complaints": tuple(c for _i, c in sorted(complaints, key=lambda t: t[0])),
        "file_access": tuple(
            s.FileAccess(requested_on=_date(r["requested_on"]), handed_out_on=_optional_date(r["handed_out_on"]))
            for r in data["file_access_requests"]
        ),
        "reasons_requests": tuple(
            s.ReasonsRequest(decision_notified_on=_date(r["decision_notified_on"]),
                             requested_on=_date(r["requested_on"]), answered_on=_optional_date(r["answered_on"]))
            for r in data["reasons_requests"]
        ),
        "delay_notices": tuple(_date(n["sent_on"]) for n in _ordered(data["delay_notices"], "sent_on")),
    }  # fmt: skip


def _reform(data: Record) -> dict:
    items = _ordered(data["rehab_meetings"], "held_on")
    recommendations = [(i, i["recommendation"]) for i in data["rehab_meetings"] if i["recommendation"] is not None]
    transfers = _ordered(data["pension_transfers"], "created_at")
    transfer = transfers[-1] if transfers else None
    plan_number = {p["ref"]: p["number"] for p in data["rehab_plans"]}
    return {
        "rehab_plans": tuple(
            s.RehabPlan(number=p["number"], saved_on=day(p["saved_at"]), gp_basis=p["gp_basis"],
                        gp_document_id=ref_number(p["gp_document"]) if p["gp_document"] else None,
                        profile_versions=len(p["profile_version_ids"]),
                        citizen_accepted_on=_optional_date(p["citizen_accepted_on"]))
            for p in _ordered(data["rehab_plans"], "number")
        ),
        "rehab_meetings": tuple(
            s.RehabMeeting(id=ref_number(i["ref"]), held_on=_date(i["held_on"]), reason=i["reason"],
                           citizen_present=i["citizen_present"], caseworker_present=i["caseworker_present"],
                           roles_present=tuple(i.get("team_roles", ())))
            for i in items
        ),
        "recommendations": tuple(
            s.Recommendation(
                id=ref_number(r["ref"]), meeting_id=ref_number(i["ref"]), kind=r["kind"],
                recommended_on=_date(i["held_on"]),
                content=tuple(f for f in CONTENT_FIELDS if (r.get(f) or "").strip()),
                wants_case_back=r["wants_case_back"], development_perspective=r["development_perspective"],
                very_few_hours=r["very_few_hours"],
                departed_on=_date(r["departure"]["departed_on"]) if r["departure"] else None,
                has_departure_reason=bool(r["departure"]["reason"]) if r["departure"] else False,
                presented_for=r.get("presented_for") or "", has_reasons=bool((r.get("reasons") or "").strip()),
                has_legal_test=bool((r.get("legal_test") or "").strip()),
            )
            for i, r in recommendations
        ),
        "pension_transfer": None if transfer is None else s.PensionTransfer(
            transferred_on=_date(transfer["transferred_on"]),
            citizen_told_on=_optional_date(transfer["citizen_told_on"]),
            on_existing_evidence=transfer["on_existing_evidence"], senior=transfer["senior"],
            long_attachment=transfer["long_attachment"], without_team=transfer["without_team"],
            futile_conditions=tuple(c for c in FUTILE_CONDITIONS if transfer[f"futile_{c}"]),
        ),
        "resource_courses": tuple(
            s.ResourceCourse(id=ref_number(c["ref"]), start_on=_date(c["start_on"]), end_on=_date(c["end_on"]),
                             has_coordinator=True, has_action_part=bool(c["action_part"]),
                             ended_on=_optional_date(c["ended_on"]), outcome=c["outcome"],
                             still_in_target_group=c["still_in_target_group"], kind=c.get("kind") or "new",
                             extends=ref_number(c["extends"]) if c.get("extends") else None,
                             rehab_plan=plan_number.get(c.get("rehab_plan")),
                             presentation_id=ref_number(c["presentation"]) if c.get("presentation") else None,
                             conversations=tuple(sorted(_date(f["held_on"]) for f in c.get("follow_ups") or ()
                                                        if f["with_citizen"])))
            for c in _ordered(data["resource_courses"], "start_on")
        ),
        "fleksjob_visitations": tuple(
            s.FlexJobVisitation(
                visited_on=_date(v["visited_on"]), permanently_reduced=v["permanently_reduced"],
                measures_tried=v["measures_tried"], has_futile_reason=bool(v["futile_reason"]),
                has_work_functions=bool(v["work_functions"]), has_hours=Decimal(v["hours_per_week"]) > 0,
                very_few_hours=v["very_few_hours"], has_development_plan=bool(v["development_plan"]),
            )
            for v in _ordered(data["fleksjob_visitations"], "visited_on")
        ),
        "flex_jobs": tuple(
            s.FlexJob(start_on=_date(j["start_on"]), ended_on=_optional_date((j.get("end") or {}).get("ended_on")))
            for j in _ordered(data["flex_jobs"], "start_on")
        ),
        "ledighedsydelse_periods": tuple(
            s.LedighedsydelsePeriod(start_on=_date(p["start_on"]),
                                    end_on=_optional_date(p["end_on"])
                                    or _optional_date((p.get("end") or {}).get("ended_on")))
            for p in _ordered(data["ledighedsydelse_periods"], "start_on")
        ),
        "job_clarification_courses": tuple(
            s.JobClarificationCourse(start_on=_date(c["start_on"]), ended_on=_optional_date(c["ended_on"]),
                                     outcome=c["outcome"])
            for c in _ordered(data["job_clarification_courses"], "start_on")
        ),
    }  # fmt: skip


def _number(value) -> float | None:
    return None if value is None else float(Decimal(value))


def _facts(data: Record) -> dict:
    """The facts the law turns on (issue 11): statements, treatments, work trials, own work, applications."""
    statements = []
    for d in data["documents"]:
        for c in d.get("conclusions", ()):
            statements.append(s.Statement(
                document_id=ref_number(d["ref"]), kind=d["kind"], author_role=c["author_role"],
                stated_on=_date(c["stated_on"]), received_on=_date(d["received_on"]), revision=c["number"],
                recorded_on=day(c["recorded_at"]), examined_on=_optional_date(c["examined_on"]),
                has_conditions=bool(c["conditions"].strip()), has_diagnosis_code=bool(c["icd10_code"]),
                diagnosis_code=c["icd10_code"],
                prognosis=c["prognosis"], prognosis_until=_optional_date(c["prognosis_until"]),
                hours_per_week=_number(c["hours_per_week"]), has_restrictions=bool(c["restrictions"].strip()),
                has_accommodation_needs=bool(c["accommodation_needs"].strip()),
                development_view=c["development_view"], has_development_quote=bool(c["development_quote"].strip()),
                work_ability_view=c["work_ability_view"], agreement=c["agreement"],
                other_documents=tuple(ref_number(x) for x in c["document_ids"]),
            ))  # fmt: skip
    trials = []
    for a in data["activities"]:
        for t in a.get("trial_periods", ()):
            trials.append(s.TrialPeriod(
                id=ref_number(t["ref"]), activity_id=ref_number(a["ref"]), start_on=_date(t["start_on"]),
                end_on=_date(t["end_on"]), trade=t["trade"], planned_hours=_number(t["planned_hours_per_week"]) or 0.0,
                actual_hours=_number(t["actual_hours_per_week"]) or 0.0,
                accommodation_respected=t["accommodation_respected"], outcome=t["outcome"],
                company_based=bool(a.get("type_company_based")), pace_percent=t["pace_percent"],
                absence=_number(t["absence_amount"]), absence_unit=t["absence_unit"],
                sustained_hours=_number(t["sustained_hours_per_week"]),
                report_id=ref_number(t["report"]) if t["report"] else None,
                replaces=ref_number(t["replaces"]) if t["replaces"] else None,
            ))  # fmt: skip
    return {
        "statements": tuple(statements),
        "treatments": tuple(
            s.Treatment(
                id=ref_number(t["ref"]), source=t["source"], recommended_on=_date(t["recommended_on"]),
                expected_effect=t["expected_effect"],
                document_id=ref_number(t["document"]) if t["document"] else None,
                steps=tuple(
                    s.TreatmentStep(status=x["status"], on=_date(x["status_on"]), has_reason=bool(x["reason"].strip()))
                    for x in _ordered(t["statuses"], "number")
                ),
            )
            for t in data.get("treatments", ())
        ),
        "trial_periods": tuple(trials),
        "employments": tuple(
            s.Employment(kind=e["kind"], hours_per_week=_number(e["hours_per_week"]) or 0.0,
                         start_on=_date(e["start_on"]), end_on=_optional_date(e["end_on"]),
                         has_accommodation=bool(e["accommodation"].strip()))
            for e in data["citizen"].get("employments", ())
        ),
        "applications": tuple(
            s.Application(
                id=ref_number(a["ref"]), kind=a["kind"], applied_on=_date(a["applied_on"]), channel=a["channel"],
                withdrawn_on=_optional_date((a["withdrawal"] or {}).get("withdrawn_on")),
                withdrawal_guidance=bool(((a["withdrawal"] or {}).get("guidance") or "").strip()),
            )
            for a in data.get("applications", ())
        ),
    }  # fmt: skip
