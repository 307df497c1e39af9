"""Synthetic resource-profile content for the demo: generic, invented, no real person's data."""

# element -> list of (facts [(text, source_kind, source_detail)], extra fields)
ELEMENTS = {
    "labour_market_experience": [
        (
            [
                (
                    "{Pron} har arbejdet {years} år som lagermedarbejder og {short} år i rengøring.",
                    "conversation",
                    "Indledende samtale",
                ),
                (
                    "Tidligere arbejdsgiver beskriver {obj} som stabil og mødestabil.",
                    "third_party",
                    "Telefonsamtale med tidligere arbejdsgiver",
                ),
            ],
            {
                "resources": "Erfaring med lager, truck og rengøring; vant til faste mødetider.",
                "barriers": "Har ikke arbejdet de seneste {gap} år.",
                "development": "Virksomhedspraktik kan genopfriske rutinerne.",
                "assessment": "Det er min vurdering, at erfaringen fra lager kan bruges i lettere lager- og "
                "logistikfunktioner.",
            },
        ),
        (
            [
                ("{Pron} har haft mange korte ansættelser i detailhandel og på restaurant.", "conversation", "Samtale"),
                ("CV fra jobnet viser 9 ansættelser på 6 år.", "citizen_document", "CV"),
            ],
            {
                "resources": "Serviceerfaring og god kundekontakt.",
                "barriers": "Ansættelserne er ophørt efter kort tid; årsagerne er ikke afklaret.",
                "missing_information": "Årsagerne til, at ansættelserne ophørte.",
                "assessment": "Det er min vurdering, at erfaringen med kundeservice er en ressource, men at "
                "fastholdelse skal afklares nærmere.",
            },
        ),
    ],
    "education": [
        (
            [
                (
                    "{Pron} har 9. klasses afgangseksamen og et AMU-kursus i truckkørsel.",
                    "citizen_document",
                    "Kursusbevis",
                ),
                ("{Pron} afbrød en erhvervsuddannelse som tømrer efter grundforløbet.", "conversation", "Samtale"),
            ],
            {
                "resources": "Truckcertifikat; praktiske færdigheder.",
                "development": "Kortere AMU-forløb inden for lager og logistik.",
                "assessment": "Det er min vurdering, at uddannelsesbaggrunden peger mod praktiske funktioner.",
            },
        ),
    ],
    "work_wishes": [
        (
            [("{Pron} ønsker et arbejde med faste opgaver og få mennesker omkring sig.", "conversation", "Samtale")],
            {
                "citizen_view": "Jeg vil gerne noget, hvor jeg ved, hvad jeg skal, når jeg møder ind.",
                "resources": "Klart ønske om at komme i arbejde.",
            },
        ),
        (
            [("{Pron} drømmer om at arbejde med dyr.", "conversation", "Samtale")],
            {
                "citizen_view": "Jeg har altid haft hunde og vil gerne arbejde i en dyrehandel eller et internat.",
                "development": "Praktik i en dyrehandel kan afprøve ønsket.",
            },
        ),
    ],
    "health": [
        (
            [
                (
                    "{Pron} oplyser at have lændesmerter ved tunge løft og lang stående arbejde.",
                    "conversation",
                    "Samtale",
                ),
                (
                    "Lægeattest (LÆ 265) beskriver kroniske lændesmerter uden objektive fund af nerveafklemning.",
                    "medical_statement",
                    "LÆ 265",
                ),
            ],
            {
                "barriers": "Tunge løft og lang tids stående arbejde.",
                "accommodation_needs": "Ingen løft over 10 kg; mulighed for at veksle mellem at sidde og stå.",
                "accommodation_duration": "permanent",
                "assessment": "Det er min vurdering, at helbredet begrænser tunge funktioner, men ikke lettere "
                "lagerarbejde med skånehensyn.",
            },
        ),
        (
            [
                ("{Pron} fortæller om angst i nye situationer og søvnproblemer.", "conversation", "Samtale"),
                (
                    "Statusattest fra egen læge: behandling hos psykolog er påbegyndt.",
                    "medical_statement",
                    "Statusattest",
                ),
            ],
            {
                "barriers": "Nye situationer og mange mennesker.",
                "accommodation_needs": "Gradvis opstart og fast kontaktperson.",
                "accommodation_duration": "unclarified",
                "missing_information": "Psykologens vurdering efter behandlingsforløbet.",
            },
        ),
    ],
    "social_network": [
        (
            [("{Pron} bor med sin partner, som støtter op om at komme i arbejde.", "conversation", "Samtale")],
            {"resources": "Praktisk og moralsk støtte hjemme."},
        ),
    ],
    "adaptability": [
        (
            [
                ("{Pron} beskriver, at det tager tid at falde til på nye arbejdspladser.", "conversation", "Samtale"),
                (
                    "Praktikstedet oplyser, at {pron} efter to uger arbejdede selvstændigt.",
                    "provider_report",
                    "Statusudtalelse fra praktiksted",
                ),
            ],
            {
                "resources": "Falder til, når rammerne er kendte.",
                "development": "Forberedelse og introduktion før opstart.",
                "assessment": "Det er min vurdering, at omstillingsevnen kan udvikles med en god introduktion.",
            },
        ),
    ],
}

DISAGREEMENT = "Borgeren mener ikke, at helbredet begrænser arbejdet så meget, som det er beskrevet."
KEEP_EXPLANATION = "Lægeattesten og borgerens egne oplysninger fra samtalen beskriver begrænsningerne som anført."

PLAN_GOAL = "Afklare og udvikle arbejdsevnen i praktiske funktioner med faste rammer."
PLAN_MEANS = "Virksomhedspraktik med gradvis optrapning af timer; statusattest fra egen læge om skånehensyn."
PROVIDERS = ["Lagercentret Nord", "Genbrugspladsen Evnekøbing", "Plejecenter Solbakken", "Dyrehandlen i Centrum"]
ORDER = {
    "purpose": "Afklare, om borgeren kan klare praktiske opgaver i et fast tempo, og hvor mange timer om ugen.",
    "content_and_duration": "Praktiske opgaver med oplæring; 13 uger med opfølgning undervejs.",
    "resources_to_clarify": "Fremmøde, tempo, samarbejde og udholdenhed.",
    "observe": "Fremmødestabilitet, tempo, behov for pauser og eventuelle smerter.",
    "questions": "Kan timetallet øges? Hvilke opgaver fungerer bedst?",
    "follow_up_plan": "Opfølgningsmøde efter 3 og 8 uger med borger og praktiksted.",
}
REPORT = {
    "result_vs_purpose": "Borgeren har mødt stabilt og løst de aftalte opgaver.",
    "actual_content": "Praktiske opgaver som planlagt; timetallet er øget én gang.",
    "functional_capacity": "Kan arbejde i roligt tempo med en pause hver time; undgår tunge løft.",
    "job_functions": "Lettere lager- og servicefunktioner.",
}
REPORT_RESOURCE = "Arbejder selvstændigt med kendte opgaver efter kort oplæring."
CONSENT_SCOPE = "Helbredsoplysninger fra egen læge om funktionsevne og skånehensyn."
REQUEST = {
    "purpose": "At få belyst helbredets betydning for arbejdsevnen og eventuelle skånehensyn.",
    "necessity": "Praktikken viser behov for pauser; lægens vurdering af skånehensyn mangler.",
    "questions": "Hvilke skånehensyn er der? Er der behandlingsmuligheder, der kan forbedre funktionsevnen?",
}
STATUS_STATEMENT = {
    "kind": "status_statement",
    "title": "Statusattest fra egen læge",
    "author": "Egen læge",
    "summary": "Kroniske smerter ved belastning; let arbejde med pauser anbefales; fysioterapi er i gang.",
}
ASSESSMENT = {
    "actual_resources": "Stabilt fremmøde og praktiske færdigheder vist i virksomhedspraktik.",
    "development_possibilities": "Timetallet kan øges gradvist med faste rammer.",
    "barrier_reduction": "Skånehensyn ved tunge løft og mulighed for pauser.",
    "job_functions": [
        {"text": "Lettere lagerarbejde (pluk og pak)", "can_meet": "with_accommodation", "note": ""},
        {"text": "Tunge løft og lange vagter", "can_meet": "no", "note": ""},
    ],
    "restitution": "Restituerer mellem arbejdsdage ved det nuværende timetal.",
    "reasons": "Praktikken og lægens statusattest viser, at borgeren kan arbejde i lettere funktioner med skånehensyn.",
}


# Decisions (issue 6): synthetic, written as a caseworker would.
DECISION_REFUSAL = {
    "applied_for": "Fleksjob.",
    "decision_text": "Du får afslag på fleksjob.",
    "reasons": "Din arbejdsevne er ikke varigt og væsentligt nedsat. I praktikken arbejdede du stabilt 25 timer om "
    "ugen med pauser, og du har selv fortalt, at det gik godt.",
    "legal_basis": "Lov om en aktiv beskæftigelsesindsats § 116 (fleksjob).",
}
DECISION_FLEKSJOB = {
    "applied_for": "Fleksjob.",
    "decision_text": "Du får bevilget fleksjob.",
    "reasons": "Din arbejdsevne er varigt og væsentligt nedsat. Praktikken viste, at du kan arbejde 12 timer om ugen "
    "med pauser, og at det ikke kan forbedres.",
    "legal_basis": "Lov om en aktiv beskæftigelsesindsats § 116 (fleksjob).",
}
DECISION_GRANT = {
    "applied_for": "Hjælp til at komme i arbejde.",
    "decision_text": "Du får et tilbud, der kan udvikle din arbejdsevne.",
    "reasons": "Arbejdsevnevurderingen viser, at din arbejdsevne kan forbedres.",
    "legal_basis": "Bekendtgørelse nr. 543 af 28. maj 2002 § 9.",
}
DECISION_FACT = (
    "Praktikstedet har oplyst, hvor mange timer om ugen du har arbejdet, og hvilke pauser du havde brug for."
)
HEARING_UNFAVOURABLE = "Praktikstedet oplyser, at du har arbejdet 25 timer om ugen uden fravær."
HEARING_ANSWER = "Borgeren mener, at smerterne bliver værre efter lange dage."
ANSWER_DEALT_WITH = "Vi har lagt vægt på dine smerter, men praktikken viser, at du kan arbejde 25 timer med pauser."
DEMO_OVERRIDE = "Demodata: sagen er gennemgået med borgeren; resten af registreringen mangler i demoen."
COMPLAINT = "Borgeren ringede og er uenig i afslaget."
