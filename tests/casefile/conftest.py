"""Case-file fixtures: a rich case built through the services (profile with versions and a kept disagreement,
hypothesis, plan, activity with order and report, consent, request answered with a document with a file,
assessment, journal note), and helpers to run `evne export` / `evne import`. All data is synthetic."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry, Municipality, Role, Team
from evne.assessments.services import assessment_make
from evne.cases.services import case_assign_caseworker, case_open, follow_up_record, note_add, prompt_answer
from evne.citizens.services import citizen_create, supporter_add
from evne.evidence.services import consent_record, request_answer, request_create, request_send
from evne.plans.services import activity_create, order_write, plan_save, report_record
from evne.profiles.services import (
    disagreement_decide,
    element_save,
    hypothesis_add,
    involvement_record,
    profile_present,
)
from evne.synth.generate import ensure_letter_branding

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXPORTED_AT = "2026-04-30T12:00:00+00:00"


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture(autouse=True)
def english(settings):
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def fact(text, kind="conversation", **kw):
    return {"text": text, "source_kind": kind, "source_detail": "Samtale 9. marts", **kw}


def make_people(make_user, code="990", name="Evnekøbing Kommune", team_name="Team A"):
    kommune = Municipality.objects.create(code=code, name=name)
    ensure_letter_branding(kommune)
    team = Team.objects.create(municipality=kommune, name=team_name)
    alice = make_user("alice", Role.CASEWORKER, team)
    bob = make_user("bob", Role.CASEWORKER, team)
    return kommune, team, alice, bob


def build_rich_case(alice, bob):
    today = timezone.localdate()
    citizen = citizen_create(actor=alice, cpr="010180-1234", first_name="Mette", last_name="Testrup",
                             address="Prøvevej 1", postal_code="9990", city="Evnekøbing")  # fmt: skip
    supporter_add(actor=alice, citizen=citizen, kind="companion", name="Hans Testrup", relation="bror",
                  active_from=date(2026, 3, 1))  # fmt: skip
    case = case_open(actor=alice, citizen=citizen, pathway="ressourceforlob", benefit="kontanthjaelp",
                     help_requested_on=date(2026, 3, 2))  # fmt: skip
    note = note_add(actor=alice, case=case, kind="fact", text="Borgeren ringede om mødetid.", source="Telefon")
    note_add(
        actor=bob,
        case=case,
        kind="fact",
        text="Borgeren ringede om mødetiden kl. 10.",
        source="Telefonsamtale",
        corrects=note,
    )
    follow_up_record(actor=alice, case=case, held_on=today - timedelta(days=20), form="meeting",
                     summary="Opfølgning med arbejdsgiver.", parties_decided=True, parties=["employer"],
                     interpreter_used=True)  # fmt: skip
    prompt_answer(actor=alice, case=case, rule_id="reform.ressourceforloeb_development",
                  answer="Udviklingsperspektiv: praktik med mentor vurderet realistisk.")  # fmt: skip
    consent = consent_record(actor=alice, case=case, purpose="collect", status="given",
                             scope="Helbredsoplysninger fra egen læge", given_on=today - timedelta(days=30),
                             guidance_given=True)  # fmt: skip
    request = request_create(
        actor=alice, case=case, recipient_kind="gp", recipient_name="Lægehuset Nord",
        purpose="At belyse ryggen.", necessity="Helbredselementet kræver lægens oplysninger.",
        questions="1. Behandling? 2. Funktioner?", document_type="status_statement", consent_id=consent.pk,
    )  # fmt: skip
    request = request_send(actor=alice, request=request, expected_version=request.version,
                           sent_on=today - timedelta(days=20))  # fmt: skip
    request = request_answer(
        actor=alice, request=request, expected_version=request.version, answered_on=today - timedelta(days=10),
        document={"kind": "status_statement", "title": "Statusattest", "document_date": today - timedelta(days=12),
                  "author": "Lægehuset Nord", "summary": "Ingen tunge løft.", "sensitive": True},
        upload=SimpleUploadedFile("attest.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    document = request.answers.get()
    involvement_record(actor=alice, case=case, kind="opening_conversation", occurred_on=date(2026, 3, 9),
                       text="Første samtale om ressourceprofilen.")  # fmt: skip
    hypothesis = hypothesis_add(actor=alice, case=case, text="Borgeren trives bedst med faste rammer.",
                                element="adaptability")  # fmt: skip
    element_save(actor=alice, case=case, element="education", base_version=0, reason="Første beskrivelse",
                 relevant=True, facts=[fact("Uddannet lagerarbejder (AMU, 2004).", id="f1")],
                 resources="Erfaren lagerarbejder.", assessment="Uddannelsen kan bruges i lagerjob.",
                 assessment_fact_ids=["f1"])  # fmt: skip
    element_save(actor=bob, case=case, element="education", base_version=1, reason="Kursusbevis modtaget",
                 relevant=True, facts=[fact("Uddannet lagerarbejder (AMU, 2004).", id="f1"),
                                       fact("Truckcertifikat.", kind="document", id="f2",
                                            document_id=document.pk),
                                       fact("Telefonnotat.", id="f3", note_id=note.pk)],
                 resources="Erfaren lagerarbejder med truckcertifikat.",
                 assessment="Uddannelsen kan bruges i lagerjob.", assessment_fact_ids=["f1", "f2"])  # fmt: skip
    element_save(actor=alice, case=case, element="health", base_version=0, reason="Første beskrivelse",
                 relevant=True, facts=[fact("Rygsmerter siden 2024.", kind="medical_statement")],
                 barriers="Kan ikke løfte over 10 kg.", accommodation_needs="Ingen tunge løft.",
                 accommodation_duration="permanent")  # fmt: skip
    presentation = profile_present(
        actor=alice, case=case, presented_on=today, method="meeting",
        responses={"education": {"agrees": False, "disagreement": "Jeg kan ikke køre truck længere."},
                   "health": {"agrees": True}},
        hypothesis_comments={hypothesis.pk: "Enig."}, notes="Gennemgået på mødet.",
    )  # fmt: skip
    response = presentation.responses.get(agrees=False)
    disagreement_decide(actor=alice, case=case, response=response, outcome="keep",
                        explanation="Certifikatet er gyldigt; vurderingen fastholdes.")  # fmt: skip
    plan_save(
        actor=alice, case=case, base_version=0, reason="", means="Praktik og mentor.",
        goals=[{"id": "g1", "text": "Afprøve lagerarbejde.", "element_keys": ["education"],
                "builds_on": "resources", "parent_id": None, "means": "Virksomhedspraktik."}],
        agreed_with_citizen_on=date(2026, 3, 20), citizen_comments="Vil gerne på lager.",
    )  # fmt: skip
    activity = activity_create(actor=alice, case=case, type="mentor", provider="Lagerhuset A/S",
                               start_on=today - timedelta(days=7), planned_end_on=today + timedelta(weeks=7),
                               goal_ids=["g1"], hours_per_week="15")  # fmt: skip
    order_write(
        actor=alice, activity=activity, base_version=0, purpose="Afklare lagerarbejde 15 timer.",
        content_and_duration="8 uger, 15 timer.", element_keys=["education", "health"],
        resources_to_clarify="Arbejdstempo.", observe="Fremmøde og smerter.", follow_up_plan="Opfølgning uge 2.",
    )  # fmt: skip
    report_record(
        actor=alice, activity=activity, report_date=today, author="Jens Lager",
        result_vs_purpose="Kan arbejde 12 timer.", actual_content="6 uger.", functional_capacity="Står 2 timer.",
        citizen_participated=True, citizen_agreement="agrees",
        resources_by_element=[{"element": "education", "text": "Kører truck sikkert."}],
    )  # fmt: skip
    element_save(actor=alice, case=case, element="adaptability", base_version=0, reason="Efter fremlæggelsen",
                 relevant=True, facts=[fact("Trives med faste mødetider.", id="a1")], resources="Stabil.",
                 assessment="Faste rammer hjælper.", assessment_fact_ids=["a1"],
                 hypothesis_ids=[hypothesis.pk])  # fmt: skip
    case = case_assign_caseworker(actor=alice, case=case, caseworker=bob, expected_version=case.version,
                                  reason="Ferie")  # fmt: skip
    assessment_make(
        actor=alice, case=case, assessed_on=today, actual_resources="12 års erfaring.",
        development_possibilities="Kortere opkvalificering.", barrier_reduction="Skånehensyn.",
        job_functions=[{"text": "Lagermedarbejder", "can_meet": "with_accommodation", "note": "Ingen løft"}],
        restitution="Restituerer efter 7 timer.", conclusion="can_be_improved", reasons="Kan forbedres.",
        citizen_view="Enig.", document_ids=[document.pk],
    )  # fmt: skip
    build_facts(alice, case, document, activity, today)
    build_decisions(alice, case, document, note)
    build_reform(alice, bob, case, today)
    return case


def build_facts(alice, case, document, activity, today):
    """The facts the law turns on (issue 11): a specialist statement's conclusions with a treatment, a treatment
    with its history, a work-trial period from the report and a correction of it, the citizen's own work, and an
    application withdrawn with guidance."""
    from evne.citizens.services import employment_record
    from evne.decisions.services import application_record, application_withdraw
    from evne.evidence.services import document_register
    from evne.evidence.statements import statement_record, treatment_record, treatment_update_status
    from evne.plans.services import trial_period_record

    statement = document_register(
        actor=alice, case=case, kind="specialist_statement", title="Speciallægeerklæring", author="Reumatolog",
        document_date=today - timedelta(days=8), received_on=today - timedelta(days=6),
        summary="Varige rygsmerter; kan arbejde 12 timer.", sensitive=True,
    )  # fmt: skip
    statement_record(
        actor=alice, document=statement, author_role="specialist", stated_on=today - timedelta(days=8),
        examined_on=today - timedelta(days=9), conditions="Lændesmerter", icd10_code="M54.5",
        prognosis="permanent", hours_per_week="12", restrictions="Ingen løft over 5 kg.",
        accommodation_needs="Pauser hver time.", development_view="no",
        development_quote="Funktionsniveauet vurderes stationært.",
        work_ability_view="permanently_substantially_reduced", agreement="disagrees", document_ids=[document.pk],
        treatments=[{"description": "Smerteklinik", "expected_effect": "quality_of_life", "status": "planned"}],
    )  # fmt: skip
    physio = treatment_record(
        actor=alice, case=case, description="Fysioterapi", source="plan", recommended_by="Egen læge",
        recommended_on=today - timedelta(days=20), expected_effect="work_ability",
    )  # fmt: skip
    treatment_update_status(actor=alice, treatment=physio, expected_number=1, status="completed",
                            status_on=today - timedelta(days=2))  # fmt: skip
    report = activity.reports.get()
    first = trial_period_record(
        actor=alice, activity=activity, start_on=activity.start_on, end_on=today, trade="Lager",
        job_functions="Plukning og truckkørsel", planned_hours_per_week="15", actual_hours_per_week="12",
        accommodation_respected="yes", outcome="running", pace_percent=70, sustained_hours_per_week="12",
        report=report,
    )  # fmt: skip
    trial_period_record(
        actor=alice, activity=activity, start_on=activity.start_on, end_on=today, trade="Lager",
        job_functions="Plukning", planned_hours_per_week="15", actual_hours_per_week="10",
        accommodation_respected="partly", accommodation_note="Løft forekom.", outcome="running",
        absence_amount="2", absence_unit="days", absence_reason="Smerter", replaces=first,
    )  # fmt: skip
    employment_record(actor=alice, case=case, employer="Lagerhuset A/S", job_functions="Lagerarbejde",
                      kind="ordinary", hours_per_week="37", start_on=date(2010, 1, 1), end_on=date(2024, 6, 30),
                      end_reason="Sygdom")  # fmt: skip
    applied = application_record(actor=alice, case=case, kind="fleksjob", applied_on=today - timedelta(days=3),
                                 channel="written")  # fmt: skip
    application_withdraw(actor=alice, application=applied, withdrawn_on=today - timedelta(days=1),
                         guidance="Vejledt om ressourceforløb som alternativ.")  # fmt: skip
    application_record(actor=alice, case=case, kind="fortidspension_existing", applied_on=today, channel="oral")


def build_decisions(alice, case, document, note):
    """A refusal heard, answered, issued and complained about; file access, written reasons and a delay notice."""
    from evne.decisions import services as d

    decision = d.decision_draft(
        actor=alice, case=case, outcome="refusal", subject="fleksjob", applied_for="Fleksjob.",
        decision_text="Afslag på fleksjob.",
        reasons="Praktikken viste 30 timer.", legal_basis="LAB § 116.",
        facts=[{"text": "Statusattest.", "source": f"document:{document.pk}"},
               {"text": "Telefonnotat.", "source": f"note:{note.pk}"}],
        document_ids=[document.pk],
        evidence_weighing=[{"document_id": document.pk, "stance": "relied_on", "dealt_with": False, "note": ""}],
    )  # fmt: skip
    today = timezone.localdate()
    hearing = d.hearing_send(actor=alice, decision=decision, expected_version=decision.version, sent_on=today,
                             unfavourable_facts="Praktikken viste 30 timer.", document_ids=[document.pk])  # fmt: skip
    d.hearing_record_answer(actor=alice, hearing=hearing, expected_version=hearing.version, answer="answered",
                            answered_on=today, summary="Uenig.", form="oral")  # fmt: skip
    decision = d.decision_revise(actor=alice, decision=decision, expected_version=1, answer_dealt_with="Indgået.")
    decision = d.decision_issue(actor=alice, decision=decision, expected_version=decision.version,
                                override_reason="Testsag.")  # fmt: skip
    complaint = d.complaint_register(actor=alice, decision=decision, received_on=today, channel="oral",
                                     summary="Uenig i afslaget.")  # fmt: skip
    complaint = d.complaint_reconsider(actor=alice, complaint=complaint, expected_version=1, outcome="kept",
                                       reconsidered_on=today, reasons="Fastholdt.")  # fmt: skip
    d.complaint_forward(actor=alice, complaint=complaint, expected_version=2, forwarded_on=today)
    access = d.file_access_request(actor=alice, case=case, requested_on=today, channel="oral")
    # A specified request (documents and notes): the rows name records of two kinds, and the PDF stays short (the
    # whole file is rendered once already, for the appeal body when the complaint was forwarded).
    d.file_access_hand_out(actor=alice, request=access, expected_version=1, handed_out_on=today,
                           documents=[{"document_id": document.pk, "internal": False}], parts=["document", "note"],
                           exemptions=[{"item": f"note:{note.pk}", "reason": "private",
                                        "note": "Oplysninger om en anden person."}])  # fmt: skip
    reasons = d.reasons_request_record(actor=alice, case=case, decision_notified_on=today,
                                       decision_summary="Afslag på kørsel.", requested_on=today)  # fmt: skip
    d.reasons_request_answer(actor=alice, request=reasons, expected_version=1, answered_on=today,
                             reasons="Offentlig transport.", legal_basis="LAB § 82.")  # fmt: skip
    d.delay_notice_send(actor=alice, case=case, sent_on=today, expected_on=today + timedelta(weeks=2),
                        reason="Afventer erklæring.")  # fmt: skip


def build_reform(alice, bob, case, today):
    """The reform pathway: plan, a presentation with a recommendation and the municipality's departure, a course,
    a transfer, a visitation, a flex job with its end, a ledighedsydelse period with its end given and one ended
    later."""
    from evne.reform import services as reform
    from evne.reform.models import RehabTeam, RehabTeamMember

    team = RehabTeam.objects.create(municipality=case.municipality, name="Rehabiliteringsteam Nord")
    RehabTeamMember.objects.create(team=team, name="Alice Testesen", role="employment", user=alice)
    content = {f: f"Tekst om {f}." for f in ("goals", "employment_resources", "social_resources", "health_resources",
                                             "personal_resources", "wishes", "health_situation", "benefit_history",
                                             "earlier_efforts")}  # fmt: skip
    reform.rehab_plan_save(actor=alice, case=case, base_version=0, gp_basis="existing_evidence",
                           existing_evidence="Statusattest 2026.", citizen_accepted_on=today, **content)  # fmt: skip
    meeting = reform.meeting_create(actor=alice, team=team, held_on=today)
    item = reform.agenda_add(actor=alice, meeting=meeting, case=case, referred_on=meeting.held_on)
    reform.attendance_record(actor=alice, item=item, expected_version=1, citizen_present=True,
                             caseworker_present=True)  # fmt: skip
    rec = reform.recommendation_record(
        actor=alice, item=item, kind="ressourceforlob", presented_for="fortidspension",
        reasons="Arbejdsevnen kan udvikles.", factors="Ryg og faste rammer.", goal="Lagerjob.",
        measures="Mentor og praktik.", order_of_measures="Parallelt.", follow_up="Hver 2. måned.", mentor="Ja.",
        development_perspective=True,
    )  # fmt: skip
    reform.departure_record(actor=alice, recommendation=rec, departed_on=today, reason="Fleksjob er nærmere.")
    course = reform.course_grant(actor=alice, case=case, start_on=today, end_on=today.replace(year=today.year + 2),
                                 coordinating_caseworker=bob)  # fmt: skip
    reform.course_action_part_write(actor=alice, course=course, expected_version=1, action_part="Mentor.",
                                    written_on=today)  # fmt: skip
    reform.course_follow_up_record(actor=bob, course=course, held_on=today, note="Første opfølgning.")
    reform.pension_transfer_record(actor=alice, case=case, transferred_on=today, citizen_told_on=today)
    reform.clarification_start(actor=alice, case=case, start_on=today, coordinating_caseworker=bob, plan="Afklaring.")
    reform.visitation_record(actor=alice, case=case, visited_on=today, permanently_reduced=True, measures_tried=True,
                             work_functions="Lager", hours_per_week="12")  # fmt: skip
    job = reform.flex_job_record(actor=alice, case=case, employer="Lagerhuset A/S", start_on=today,
                                 hours_per_week="12", accommodation="Ingen tunge løft.")  # fmt: skip
    reform.flex_job_end(actor=alice, job=job, ended_on=today, reason="dismissed", note="Virksomheden lukkede.")
    reform.ledighedsydelse_record(actor=alice, case=case, start_on=today - timedelta(days=30), end_on=today)
    running = reform.ledighedsydelse_record(actor=alice, case=case, start_on=today)
    reform.ledighedsydelse_end(actor=bob, period=running, ended_on=today)


def export_text(tmp_path, number, username, name="out.json", *extra) -> str:
    path = tmp_path / name
    call_command("export", number, "-o", str(path), "--user", username, "--exported-at", EXPORTED_AT, *extra)
    return path.read_text(encoding="utf-8")


def import_file(path, municipality="999", team="Team Ø"):
    call_command("import", str(path), "--municipality", municipality, "--team", team)


class Rollback(Exception):
    pass


@pytest.fixture
def exported(db, make_user, tmp_path):
    """Build the rich case in municipality 990, export it, then roll the source back (so the same usernames
    and case number can exist in the target municipality) and set up municipality 999 with the same users."""
    holder = {}
    try:
        with transaction.atomic():
            _, _, alice, bob = make_people(make_user)
            case = build_rich_case(alice, bob)
            holder["number"] = case.number
            holder["text"] = export_text(tmp_path, case.number, "alice", "first.json")
            holder["logged"] = AccessLogEntry.objects.filter(
                user=alice, case=case, action=AccessAction.EXPORT, channel=AccessChannel.CLI
            ).count()
            raise Rollback
    except Rollback:
        pass
    make_people(make_user, code="999", name="Målby Kommune", team_name="Team Ø")
    return holder
