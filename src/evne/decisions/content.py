"""What each letter says, in Danish (the citizen's language in every letter, whatever the caseworker's screen
shows). The order of a decision letter is the method's: the decision first, then the reasons, the facts and the
legal rules (X7 (6)–(7); seed 000, L3992–4007), then the complaint guidance at the end (L7249–7258)."""

from datetime import date

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


def decision_title(decision: Decision) -> str:
    """The letter's heading: "Afgørelse om fleksjob"; a refusal or a partial grant says what it refuses."""
    title = f"Afgørelse om {OUTCOME_DA.get(decision.outcome, decision.outcome)}"
    subject = SUBJECT_DA.get(decision.subject)
    if subject and decision.outcome == OutcomeKind.REFUSAL:
        title = f"Afgørelse om afslag på {subject}"
    elif subject and decision.outcome == OutcomeKind.PARTIAL_GRANT:
        title = f"Afgørelse om delvis bevilling af {subject}"
    return title


def decision_reference(decision: Decision) -> str:
    """How the citizen recognises a decision in a later letter: "afgørelsen om afslag på fleksjob af 15-06-2026"
    (never its internal number)."""
    reference = "afgørelsen" + decision_title(decision)[len("Afgørelse") :]
    return f"{reference} af {_d(decision.decided_on)}" if decision.decided_on else reference


# "Hvad sker der nu" per outcome: the next step for the citizen. Plain words, no amounts or periods (those are dated
# parameters and belong to the benefit's own decision).
WHAT_NOW = {
    OutcomeKind.FLEKSJOB: [
        "Du er nu godkendt til fleksjob. Vi hjælper dig med at finde et fleksjob, der passer til dine skånehensyn.",
        "Indtil du får et fleksjob, kan du få ledighedsydelse, hvis du opfylder betingelserne (§ 74 i lov om aktiv "
        "socialpolitik). Du skal søge om ledighedsydelse hos os; vi hjælper dig med ansøgningen.",
        "Vi kontakter dig for at aftale den første samtale om, hvordan vi sammen finder et fleksjob.",
    ],
    OutcomeKind.FORTIDSPENSION: [
        "Du får førtidspension. Udbetaling Danmark beregner og udbetaler din pension og skriver til dig om beløbet, "
        "og hvornår den første udbetaling sker.",
    ],
    OutcomeKind.RESSOURCEFORLOB: [
        "Du starter i et ressourceforløb. Du får en koordinerende sagsbehandler, og sammen skriver vi indsatsdelen af "
        "din rehabiliteringsplan. Vi kontakter dig for at aftale det første møde.",
    ],
    OutcomeKind.JOBAFKLARING: [
        "Du starter i et jobafklaringsforløb. Du får en koordinerende sagsbehandler, som kontakter dig for at aftale "
        "det første møde og planen for forløbet.",
    ],
    OutcomeKind.ACTIVITIES: [
        "Vi kontakter dig for at aftale, hvornår tilbuddet starter, hvor det foregår, og hvad der skal ske.",
    ],
    OutcomeKind.ORDINARY_WORK: [
        "Vi hjælper dig med at søge ordinært arbejde. Vi kontakter dig for at aftale, hvordan vi gør det.",
    ],
    OutcomeKind.REFUSAL: [
        "Din sag fortsætter. Du får fortsat den ydelse, du får i dag, så længe betingelserne for den er opfyldt. Vi "
        "kontakter dig for at aftale, hvad der skal ske nu i din sag.",
    ],
    OutcomeKind.PARTIAL_GRANT: [
        "Det, du har fået bevilget, gælder fra afgørelsens dato. Vi kontakter dig for at aftale, hvad der skal ske "
        "nu i din sag.",
    ],
    OutcomeKind.STOP_REDUCTION: [
        "Ændringen gælder fra den dato, der står i afgørelsen. Vi kontakter dig, hvis du skal gøre noget.",
    ],
    OutcomeKind.REFUSE_PENSION_CASE: [
        "Din sag fortsætter efter de regler, du er omfattet af i dag. Vi kontakter dig for at aftale, hvad der skal "
        "ske nu i din sag.",
    ],
}
WHAT_NOW[OutcomeKind.FORTIDSPENSION_EXISTING] = WHAT_NOW[OutcomeKind.FORTIDSPENSION]
WHAT_NOW[OutcomeKind.SENIOR_FORTIDSPENSION] = WHAT_NOW[OutcomeKind.FORTIDSPENSION]


def contact_paragraph(case) -> str:
    """Who to call, when and where: the caseworker and the job centre's contact details (required before any letter
    is issued: evne.decisions.letters.require_contact)."""
    branding = getattr(case.municipality, "letter_branding", None)
    caseworker = case.caseworker.get_full_name() or case.caseworker.username
    if branding is None:
        return f"Har du spørgsmål, er du velkommen til at kontakte din sagsbehandler, {caseworker}."
    hours = "; ".join(line.strip() for line in branding.opening_hours.splitlines() if line.strip())
    address = ", ".join(line.strip() for line in branding.address.splitlines() if line.strip())
    return (
        f"Har du spørgsmål, er du velkommen til at kontakte din sagsbehandler, {caseworker}, på telefon "
        f"{branding.phone} ({hours}) eller på e-mail {branding.email}. Du kan også komme forbi på {address}."
    )


def what_happens_now(decision: Decision) -> Section:
    return Section("Hvad sker der nu?", [*WHAT_NOW.get(OutcomeKind(decision.outcome), []),
                                         contact_paragraph(decision.case)])  # fmt: skip


def complaint_deadline_sentence(decision: Decision, *, on: date) -> str:
    """The complaint deadline as a date, counted from the letter's date by the dated rule
    (evne.rules.catalogue.deadline.complaint_due: 4 weeks from notification, rolled over to a working day)."""
    from evne.rules.catalogue.deadline import complaint_due

    due = complaint_due(on, [], on)
    return (f"Regnet fra datoen på dette brev er sidste frist for at klage den {_d(due)}. Får du brevet senere, "
            "regnes fristen fra den dag, du får det.")  # fmt: skip


def decision_letter(decision: Decision, *, guidance: Guidance | None, on: date) -> tuple[str, list[Section]]:
    title = decision_title(decision)
    applied = [decision.applied_for]
    application = decision.application
    if application is not None:
        applied.insert(0, f"Du søgte den {_d(application.applied_on)} om {application.label.lower()}.")
    sections = [
        Section("Afgørelse", [decision.decision_text]),
        Section("Det har du søgt om", applied),
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
    sections.append(what_happens_now(decision))
    if guidance is not None:
        sections.append(Section("Klagevejledning", [guidance.text, complaint_deadline_sentence(decision, on=on)]))
    return title, sections


def hearing_letter(decision: Decision, *, package: list[dict], unfavourable: str, due: date,
                   attached: dict | None = None):  # fmt: skip
    """`attached`: document id → its attachment (evne.decisions.letters.Attachment); a document whose file is
    attached is said to be "vedlagt som bilag N"; one without a file has its essential content in the letter."""
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
    attached = attached or {}
    items = []
    for d in docs:
        text = f"{d.title}, {d.author}, {_d(d.document_date)}"
        a = attached.get(d.pk)
        if a is not None and a.kind != "separate":
            items.append(f"{text}: vedlagt som bilag {a.number}.")
        else:
            items.append(f"{text}. Det væsentlige indhold: {d.summary}")
    if items:
        intro = ["Kopi af dokumenterne er vedlagt som bilag efter dette brev."] if any(
            a.kind != "separate" for a in attached.values()) else []  # fmt: skip
        sections.append(Section("Dokumenter, vi bygger på", intro, items))
    sections.append(Section("Sådan svarer du", [
        f"Du kan komme med dine bemærkninger, som det passer dig: ring, kom forbi eller skriv. Vi skal have dem "
        f"senest {_d(due)}. Hvis vi ikke hører fra dig, træffer vi afgørelsen ud fra de oplysninger, vi har.",
        contact_paragraph(decision.case),
    ]))  # fmt: skip
    return title, sections


def reconsideration_letter(complaint: Complaint, *, outcome: str, reasons: str):
    reference = decision_reference(complaint.decision)
    if outcome == Reconsideration.CHANGED:
        title = "Vi har ændret afgørelsen efter din klage"
        first = (
            f"Vi har set på din klage fra {_d(complaint.received_on)} over {reference} igen, og vi "
            "ændrer afgørelsen (§ 66 i lov om retssikkerhed og administration på det sociale område)."
        )
    else:
        title = "Vi har brug for flere oplysninger til din klage"
        first = (f"Vi har set på din klage fra {_d(complaint.received_on)} over {reference} igen. Vi har "
                 "brug for flere oplysninger, før vi kan tage stilling til den.")  # fmt: skip
    return title, [Section("", [first]), Section("Begrundelse", [reasons, contact_paragraph(complaint.decision.case)])]


def forwarding_letter(complaint: Complaint, *, appeal_body: str):
    return "Din klage er sendt videre", [
        Section("", [
            f"Vi har set på din klage fra {_d(complaint.received_on)} over {decision_reference(complaint.decision)} "
            f"igen, men vi ændrer ikke afgørelsen. Vi har derfor givet klagen videre til {appeal_body} sammen med "
            "afgørelsen og sagens oplysninger (§ 66 i lov om retssikkerhed og administration på det sociale område).",
            f"{appeal_body} behandler nu din klage og skriver til dig.",
        ]),
        Section("Begrundelse", [complaint.reconsideration_reasons, contact_paragraph(complaint.decision.case)]),
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


def file_access_cover(request: FileAccessRequest, *, selection, parts: list, attachments: list, exempted: int):
    """The cover letter of the file: what was asked for and what follows (the contents, the parts, the documents'
    own files as numbered bilag), and — when something was exempted — where the reasons stand and that the citizen
    may complain about it. A file that cannot be put into the PDF is named as handed out separately."""
    from .casebundle import Part

    asked = f"Du bad om aktindsigt den {_d(request.requested_on)}"
    asked += f" ({request.scope})." if request.scope else "."
    if selection.whole_file:
        given = "Her er hele din sag samlet i ét dokument (forvaltningslovens § 9)."
    else:
        what = ", ".join(str(Part(p).label).lower() for p in selection.parts) or "alle dele af sagen"
        period = ""
        if selection.period_from or selection.period_to:
            period = " fra perioden " + " til ".join(
                x for x in (_d(selection.period_from) if selection.period_from else "sagens start",
                            _d(selection.period_to) if selection.period_to else "i dag"))  # fmt: skip
        given = f"Her er de dele af din sag, du bad om: {what}{period} (forvaltningslovens § 9)."
    first = Section("", [asked, given, "Indholdsfortegnelsen på næste side viser, hvor du finder hver del. Det koster "
                                       "ikke noget."])  # fmt: skip
    sections = [first]
    if any(a.kind != "separate" for a in attachments):
        first.paragraphs.append("Dokumenternes egne filer følger efter sagens akter som nummererede bilag.")
    separate = [a for a in attachments if a.kind == "separate"]
    if separate:
        sections.append(Section("Vedlagt særskilt", ["Disse filer kan ikke sættes ind i dokumentet. Du får dem "
                                                     "særskilt:"], [
            f"{a.document.original_filename} ({a.document.title}, {_d(a.document.document_date)})" for a in separate
        ]))  # fmt: skip
    if exempted:
        sections.append(Section("Oplysninger, du ikke får aktindsigt i", [
            f"{exempted} {'oplysning er' if exempted == 1 else 'oplysninger er'} undtaget fra aktindsigt. Hver "
            "undtagelse står i den del af sagen, den hører til, med begrundelsen og den bestemmelse i "
            "forvaltningsloven, den bygger på.",
            "Du kan klage over, at vi har undtaget oplysninger. Kontakt os, så hjælper vi dig med at klage.",
        ]))  # fmt: skip
    return f"Aktindsigt i sag {request.case.number}", sections


def appeal_cover(complaint: Complaint, *, appeal_body: str, on: date):
    """The cover letter to the appeal body when a kept decision is forwarded (RTL § 66): which decision, the
    complaint, the reconsideration and what follows (the case's records, the documents' own files)."""
    decision = complaint.decision
    return f"Oversendelse af klage over {decision_reference(decision)}", [
        Section("", [
            f"Vi sender hermed klagen fra {complaint.decision.case.citizen.full_name} over "
            f"{decision_reference(decision)} til {appeal_body} (§ 66 i lov om retssikkerhed og administration på det "
            "sociale område). Vi har genvurderet afgørelsen og fastholder den.",
        ]),
        Section("Klagen", [f"Modtaget {_d(complaint.received_on)} ({complaint.get_channel_display().lower()}).",
                           complaint.summary]),
        Section("Genvurderingen", [f"Genvurderet {_d(complaint.reconsidered_on)}.",
                                   complaint.reconsideration_reasons]),
        Section("Sagens akter", [
            "Sagens akter følger efter dette brev med en indholdsfortegnelse: afgørelsen, ressourceprofilen, "
            "planer, kravspecifikationer og statusudtalelser, indhentede oplysninger og samtykker, "
            "arbejdsevnevurderinger, rehabiliteringsplanen og teamets indstillinger, opfølgning, journalnotater og "
            "sagens forløb. Dokumenternes egne filer følger som nummererede bilag.",
            f"Borgeren har fået besked om, at klagen er sendt videre. Sendt {_d(on)}.",
        ]),
    ]  # fmt: skip
