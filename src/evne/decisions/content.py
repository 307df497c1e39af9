"""What each letter says, in Danish (the citizen's language in every letter, whatever the caseworker's screen
shows). The order of a decision letter is the method's: the decision first, then the reasons, the facts and the
legal rules (X7 (6)–(7); seed 000, L3992–4007), then the complaint guidance at the end (L7249–7258)."""

from datetime import date

from django.utils import timezone

from .guidance import Guidance
from .letters import Section
from .models import Complaint, Decision, FileAccessRequest, OutcomeKind, ReasonsRequest, Reconsideration

OUTCOME_DA = {
    OutcomeKind.ORDINARY_WORK: "henvisning til ordinær beskæftigelse",
    OutcomeKind.ACTIVITIES: "tilbud / revalidering",
    OutcomeKind.RESSOURCEFORLOB: "ressourceforløb",
    OutcomeKind.JOBAFKLARING: "jobafklaringsforløb",
    OutcomeKind.FLEKSJOB: "fleksjob",
    OutcomeKind.FORTIDSPENSION: "førtidspension",
    OutcomeKind.FORTIDSPENSION_EXISTING: "førtidspension på det foreliggende grundlag",
    OutcomeKind.SENIOR_FORTIDSPENSION: "seniorførtidspension",
    OutcomeKind.REFUSAL: "afslag",
    OutcomeKind.PARTIAL_GRANT: "delvis bevilling",
    OutcomeKind.STOP_REDUCTION: "ophør eller nedsættelse af en ydelse",
    OutcomeKind.REFUSE_PENSION_CASE: "afslag på at påbegynde en sag om førtidspension",
}


# The team's recommendation kinds (evne.reform.models.RecommendationKind), as the letter says them.
RECOMMENDATION_DA = {
    "ressourceforlob": "ressourceforløb",
    "fleksjob": "fleksjob",
    "fortidspension": "førtidspension",
    "jobafklaring": "jobafklaringsforløb",
    "other": "en anden indsats (beskæftigelses-, social-, sundheds- eller revalideringsindsats)",
    "postponement": "at sagen blev udsat, så der kunne indhentes flere oplysninger",
    "not_clarified": "ingen foranstaltning endnu, da sagen efter teamets vurdering ikke er tilstrækkeligt afklaret",
}
# What a decision concerns (evne.reform.models.Measure), as the letter says it.
SUBJECT_DA = {
    "fleksjob": "fleksjob",
    "fortidspension": "førtidspension",
    "ressourceforlob": "ressourceforløb",
    "jobafklaring": "jobafklaringsforløb",
    "revalidering": "revalidering",
    "ordinary_work": "ordinær beskæftigelse",
    "benefit": "en ydelse",
}
PENSION_OUTCOMES = frozenset({
    OutcomeKind.FORTIDSPENSION, OutcomeKind.FORTIDSPENSION_EXISTING, OutcomeKind.SENIOR_FORTIDSPENSION,
})  # fmt: skip


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def _element_da(key: str) -> str:
    from evne.profiles.pdf import element_name_da

    return element_name_da(key)


def team_statements(decision: Decision, *, on: date) -> list[str]:
    """What the decision letter says about the rehabilitation team's recommendation before the decision (and the
    departure from it, with the later presentation the law requires). Facts only: dates, kinds and the
    municipality's reason for departing; nothing of the minutes."""
    from .selectors import team_basis

    statements = []
    basis = team_basis(decision.case, on=on)
    if basis is not None:
        kind = RECOMMENDATION_DA.get(basis.kind, basis.kind)
        statements.append(f"Rehabiliteringsteamet behandlede din sag på sit møde den {_d(basis.recommended_on)} og "
                          f"indstillede {kind}.")  # fmt: skip
        if basis.presented_for and basis.presented_for != basis.kind and basis.presented_for in SUBJECT_DA:
            statements.append(f"Sagen var forelagt teamet med henblik på {SUBJECT_DA[basis.presented_for]}.")
        if basis.departed_on is not None:
            statements.append(f"Den {_d(basis.departed_on)} besluttede kommunen ikke at følge teamets indstilling. "
                              f"Begrundelse: {basis.departure_reason}")  # fmt: skip
            if basis.presented_again_on is not None:
                statements.append(
                    f"Derfor blev din sag forelagt rehabiliteringsteamet igen på mødet den "
                    f"{_d(basis.presented_again_on)}, før afgørelsen blev truffet (§ 11, stk. 2, i lov om "
                    "organisering og understøttelse af beskæftigelsesindsatsen m.v.)."
                )
            else:
                statements.append("Din sag er ikke forelagt rehabiliteringsteamet igen, efter at kommunen besluttede "
                                  "ikke at følge indstillingen.")  # fmt: skip
            if basis.later_recommended_on is not None:
                later = RECOMMENDATION_DA.get(basis.later_kind, basis.later_kind)
                statements.append(f"På mødet den {_d(basis.later_recommended_on)} indstillede rehabiliteringsteamet "
                                  f"{later}.")  # fmt: skip
    return statements


def pension_statements(decision: Decision, *, on: date) -> list[str]:
    """For a førtidspension decision: the day the case moved to treatment under the pension rules, if recorded."""
    from .selectors import pension_transferred_on

    if decision.outcome not in PENSION_OUTCOMES:
        return []
    transferred = pension_transferred_on(decision.case, on=on)
    if transferred is None:
        return []
    return [f"Din sag blev overgået til behandling efter reglerne om førtidspension den {_d(transferred)} "
            "(§ 18, stk. 1, i lov om social pension)."]  # fmt: skip


def decision_letter(decision: Decision, *, guidance: Guidance | None, on: date) -> tuple[str, list[Section]]:
    title = f"Afgørelse om {OUTCOME_DA.get(decision.outcome, decision.outcome)}"
    # A refusal or a partial grant says in its heading what it refuses: "Afgørelse om afslag på fleksjob".
    subject = SUBJECT_DA.get(decision.subject)
    if subject and decision.outcome == OutcomeKind.REFUSAL:
        title = f"Afgørelse om afslag på {subject}"
    elif subject and decision.outcome == OutcomeKind.PARTIAL_GRANT:
        title = f"Afgørelse om delvis bevilling af {subject}"
    sections = [
        Section("Afgørelse", [decision.decision_text]),
        Section("Det har du søgt om", [decision.applied_for]),
    ]
    reasons = [p for p in (decision.reasons, decision.considerations) if p]
    if reasons:
        sections.append(Section("Begrundelse", reasons))
    team = team_statements(decision, on=on)
    if team:
        sections.append(Section("Rehabiliteringsteamets indstilling", team))
    pension = pension_statements(decision, on=on)
    if pension:
        sections.append(Section("Behandling efter reglerne om førtidspension", pension))
    if decision.answer_dealt_with:
        sections.append(Section("Dine bemærkninger", [decision.answer_dealt_with]))
    if decision.facts:
        sections.append(Section("Sagens oplysninger", ["Vi har lagt vægt på disse oplysninger:"],
                                [f["text"] for f in decision.facts]))  # fmt: skip
    sections.append(Section("Regler", [decision.legal_basis]))
    if guidance is not None:
        sections.append(Section("Klagevejledning", [guidance.text]))
    return title, sections


def hearing_letter(decision: Decision, *, package: list[dict], unfavourable: str, due: date):
    from evne.evidence.models import Document
    from evne.profiles.models import ElementVersion

    title = "Partshøring før afgørelse"
    sections = [
        Section("", [
            f"Vi overvejer at træffe afgørelse om {OUTCOME_DA.get(decision.outcome, decision.outcome)}. "
            f"Du har søgt om: {decision.applied_for}",
            "Før vi træffer afgørelsen, vil vi gerne høre, hvad du mener om de oplysninger, vi vil bygge den på "
            "(forvaltningslovens § 19).",
        ]),
        Section("Oplysninger, der taler imod det, du har søgt om", [unfavourable]),
    ]  # fmt: skip
    version_ids = [p["version_id"] for p in package if p["kind"] == "version"]
    versions = {v.pk: v for v in ElementVersion.objects.filter(pk__in=version_ids)}
    profile_items = []
    for item in package:
        if item["kind"] != "version" or item["version_id"] not in versions:
            continue
        v = versions[item["version_id"]]
        facts = "; ".join(f.get("text", "") for f in v.facts)
        text = f"{_element_da(v.element)} (version {v.number})"
        if facts:
            text += f": {facts}"
        for label, value in (("Ressourcer", v.resources), ("Barrierer", v.barriers), ("Vurdering", v.assessment)):
            if value:
                text += f" {label}: {value}"
        profile_items.append(text)
    if profile_items:
        sections.append(Section("Din ressourceprofil (hele profilen)", [], profile_items))
    docs = Document.objects.filter(pk__in=[p["document_id"] for p in package if p["kind"] == "document"]).order_by("pk")
    if docs:
        sections.append(Section("Dokumenter, vi bygger på (kopi vedlagt)", [],
                                [f"{d.title}, {d.author}, {_d(d.document_date)}" for d in docs]))  # fmt: skip
    sections.append(Section("Sådan svarer du", [
        f"Du kan komme med dine bemærkninger, som det passer dig: ring, kom forbi eller skriv. Vi skal have dem "
        f"senest {_d(due)}. Hvis vi ikke hører fra dig, træffer vi afgørelsen ud fra de oplysninger, vi har.",
    ]))  # fmt: skip
    return title, sections


def reconsideration_letter(complaint: Complaint, *, outcome: str, reasons: str):
    number = complaint.decision.number
    if outcome == Reconsideration.CHANGED:
        title = "Vi har ændret afgørelsen efter din klage"
        first = (
            f"Vi har set på din klage fra {_d(complaint.received_on)} over afgørelse nr. {number} igen, og vi "
            "ændrer afgørelsen (§ 66 i lov om retssikkerhed og administration på det sociale område)."
        )
    else:
        title = "Vi har brug for flere oplysninger til din klage"
        first = (f"Vi har set på din klage fra {_d(complaint.received_on)} over afgørelse nr. {number} igen. Vi har "
                 "brug for flere oplysninger, før vi kan tage stilling til den.")  # fmt: skip
    return title, [Section("", [first]), Section("Begrundelse", [reasons])]


def forwarding_letter(complaint: Complaint, *, appeal_body: str):
    return "Din klage er sendt videre", [
        Section("", [
            f"Vi har set på din klage fra {_d(complaint.received_on)} over afgørelse nr. {complaint.decision.number} "
            f"igen, men vi ændrer ikke afgørelsen. Vi har derfor givet klagen videre til {appeal_body} sammen med "
            "afgørelsen og sagens oplysninger (§ 66 i lov om retssikkerhed og administration på det sociale område).",
            f"{appeal_body} behandler nu din klage og skriver til dig.",
        ]),
        Section("Begrundelse", [complaint.reconsideration_reasons]),
    ]  # fmt: skip


def delay_letter(*, expected_on: date, reason: str):
    return "Din sag tager længere tid", [
        Section("", [
            "Vi kan ikke nå at træffe afgørelse i din sag inden for den frist, kommunen har sat for denne type sag "
            "(§ 3, stk. 2, i lov om retssikkerhed og administration på det sociale område).",
            f"Du kan forvente en afgørelse senest {_d(expected_on)}.",
        ]),
        Section("Hvorfor", [reason]),
    ]  # fmt: skip


def written_reasons_letter(request: ReasonsRequest, *, reasons: str, legal_basis: str, guidance: Guidance):
    return "Skriftlig begrundelse for en mundtlig afgørelse", [
        Section("Afgørelse", [f"Den {_d(request.decision_notified_on)} fik du mundtligt denne afgørelse: "
                              f"{request.decision_summary}"]),
        Section("Begrundelse", [reasons]),
        Section("Regler", [legal_basis]),
        Section("Klagevejledning", [guidance.text]),
    ]  # fmt: skip


def bundle_documents(request: FileAccessRequest, *, rows: list[dict]) -> tuple[list, list]:
    """The documents handed out (by date) and those left out. Earlier file-access bundles are handed out as their
    summary only: their files are copies of what the case already holds."""
    from evne.evidence.models import Document

    case = request.case
    docs = {d.pk: d for d in Document.objects.filter(case=case)}
    included = [docs[r["document_id"]] for r in rows if r["included"] and r["document_id"] in docs]
    excluded = [docs[r["document_id"]] for r in rows if not r["included"] and r["document_id"] in docs]
    return sorted(included, key=lambda d: (d.document_date, d.pk)), excluded


def file_access_bundle(request: FileAccessRequest, *, included: list, excluded: list, attachments: list):
    """The file as one document: each included document with its date, author and content, then the journal notes
    (facts) and the decisions. The documents' own files follow the cover as numbered attachments (bilag); a file
    that cannot be put into the PDF is named as handed out separately. Internal working documents without facts
    found elsewhere are listed as left out."""
    case = request.case
    attached = {a.document.pk: a for a in attachments}
    sections = [Section("", [
        f"Du bad om aktindsigt den {_d(request.requested_on)}"
        + (f" ({request.scope})." if request.scope else " i hele din sag.")
        + " Her er sagens dokumenter (forvaltningslovens § 9). Det koster ikke noget.",
    ])]  # fmt: skip
    if any(a.kind != "separate" for a in attachments):
        sections[0].paragraphs.append("Dokumenternes egne filer følger efter denne oversigt som bilag.")
    for d in included:
        paragraphs = [d.summary]
        a = attached.get(d.pk)
        if a is not None and a.kind != "separate":
            pages = f"{a.pages} side" + ("r" if a.pages != 1 else "")
            paragraphs.append(f"Dokumentet er vedlagt som bilag {a.number} ({pages}).")
        elif a is not None:
            paragraphs.append(f"Filen {d.original_filename} kan ikke sættes ind her og er vedlagt særskilt.")
        sections.append(Section(f"{d.title} ({_d(d.document_date)}, {d.author})", paragraphs))
    separate = [a for a in attachments if a.kind == "separate"]
    if separate:
        sections.append(Section("Vedlagt særskilt", [], [
            f"{a.document.original_filename} ({a.document.title}, {_d(a.document.document_date)})" for a in separate
        ]))  # fmt: skip
    notes = list(case.notes.order_by("created_at", "id"))
    if notes:
        sections.append(Section("Journalnotater", [],
                                [f"{timezone.localtime(n.created_at):%d-%m-%Y}: {n.text}" for n in notes]))  # fmt: skip
    if excluded:
        sections.append(Section("Interne arbejdsdokumenter, der ikke udleveres", [
            "Disse dokumenter er interne arbejdsdokumenter og indeholder ingen faktiske oplysninger, som ikke står "
            "andre steder i sagen (forvaltningslovens § 12):",
        ], [f"{d.title} ({_d(d.document_date)})" for d in excluded]))  # fmt: skip
    return f"Aktindsigt i sag {case.number}", sections
