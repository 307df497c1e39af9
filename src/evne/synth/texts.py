"""Danish texts for synthetic journal notes, reassignments and companions.

Facts (oplysninger) and assessments (vurderinger) are kept apart, as the notes in a real case are. Health is
only ever mentioned in general terms ("helbredet begrænser …"): synthetic data carries no diagnoses.
Placeholders: {date}, {job}, {years}, {hours}, {resource}, {wish}, and the pronouns {pron} (hun/han),
{Pron} (Hun/Han), {obj} (hende/ham).
"""

from evne.cases.models import Pathway

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip

JOBS = (
    "pædagogmedhjælper", "lagermedarbejder", "social- og sundhedshjælper", "chauffør", "butiksassistent",
    "rengøringsassistent", "tømrer", "kontorassistent", "kok", "maskinarbejder", "produktionsmedarbejder",
    "gartner", "frisør", "postbud",
)  # fmt: skip

RESOURCES = (
    "gode sociale kompetencer", "erfaring fra lager og logistik", "kørekort og stabilt fremmøde",
    "erfaring med kundebetjening", "gode praktiske færdigheder", "motivation for at tage en uddannelse",
    "et stærkt netværk i familien", "gode danskkundskaber i skrift og tale",
)  # fmt: skip

WISHES = (
    "at arbejde med hænderne", "et job med faste rammer", "at tage en uddannelse", "et job tæt på hjemmet",
    "at arbejde udendørs", "at arbejde med mennesker",
)  # fmt: skip

# (text, source)
FACT_NOTES = (
    (
        "Borgeren deltog i samtale den {date} og fortalte, at {pron} gerne vil tilbage på arbejdsmarkedet, "
        "men er usikker på, hvor mange timer {pron} kan holde til.",
        "Samtale med borgeren",
    ),
    (
        "Den {date} talte jeg med borgeren i telefon. {Pron} fortalte, at helbredet fortsat begrænser {obj} "
        "i hverdagen, og at {pron} har brug for pauser i løbet af dagen.",
        "Telefonsamtale med borgeren",
    ),
    (
        "Borgeren mødte ikke op til den aftalte samtale den {date}. Der er sendt et nyt mødebrev med en ny tid.",
        "Mødebrev",
    ),
    (
        "Borgeren deltog i samtale den {date}. Vi gennemgik ressourceprofilen, og borgeren supplerede med "
        "egne oplysninger om uddannelse og tidligere job.",
        "Samtale med borgeren",
    ),
    (
        "Modtaget statusattest fra egen læge den {date}. Attesten beskriver borgerens funktionsevne i "
        "generelle vendinger og er lagt på sagen.",
        "Statusattest",
    ),
    (
        "Borgeren fortalte den {date}, at {pron} har arbejdet som {job} i {years} år og gerne vil bruge "
        "sine erfaringer derfra.",
        "Samtale med borgeren",
    ),
    (
        "Modtaget rapport fra virksomhedspraktikken den {date}. Borgeren er mødt stabilt {hours} timer om "
        "ugen, og virksomheden beskriver {obj} som samarbejdsvillig og omhyggelig.",
        "Praktikrapport",
    ),
    (
        "Borgeren skrev den {date}, at {pron} er begyndt på et kursus i jobsøgning og har søgt to stillinger.",
        "Mail fra borgeren",
    ),
    (
        "Opfølgningssamtale den {date}. Borgeren fortalte, at det går bedre med at få struktur på ugen, "
        "og at {pron} gerne vil øge timetallet i aktiviteten.",
        "Samtale med borgeren",
    ),
)

ASSESSMENT_NOTES = (
    "Det er min vurdering, at borgeren har ressourcer i form af {resource}, og at en virksomhedspraktik kan "
    "afklare, hvordan de kan bruges på en arbejdsplads.",
    "Det er min vurdering, at der er behov for yderligere afklaring af borgerens arbejdsevne, før der kan "
    "tages stilling til det videre forløb.",
    "Det er min vurdering, at borgeren kan udvikle sin arbejdsevne gennem en gradvis optrapning af timetallet.",
    "Det er min vurdering, at borgerens eget ønske om {wish} bør indgå i planen, og at borgeren er motiveret "
    "for at komme i gang.",
)

PATHWAY_ASSESSMENT_NOTES = {
    Pathway.SYGEDAGPENGE: (
        "Det er min vurdering, at der fortsat er tvivl om, hvornår borgeren kan vende tilbage til sit "
        "hidtidige arbejde, og at der bør indhentes en lægeattest.",
    ),
    Pathway.JOBAFKLARING: (
        "Det er min vurdering, at et jobafklaringsforløb med mentorstøtte kan afklare borgerens muligheder "
        "for at vende tilbage til arbejdsmarkedet.",
    ),
    Pathway.RESSOURCEFORLOB: (
        "Det er min vurdering, at sagen er tilstrækkeligt oplyst til at blive forelagt rehabiliteringsteamet.",
    ),
    Pathway.FLEKSJOB: (
        "Det er min vurdering, at borgeren ikke kan arbejde på almindelige vilkår, men har en arbejdsevne, "
        "der kan bruges i et job med hensyn til borgerens begrænsninger.",
    ),
    Pathway.FORTIDSPENSION: (
        "Det er min vurdering, at sagen er tilstrækkeligt oplyst til at blive forelagt rehabiliteringsteamet "
        "med henblik på en indstilling om førtidspension.",
    ),
    Pathway.REVALIDERING: (
        "Det er min vurdering, at en erhvervsrettet uddannelse som {job} kan give borgeren et varigt "
        "fodfæste på arbejdsmarkedet.",
    ),
    Pathway.KONTANTHJAELP: (
        "Det er min vurdering, at borgeren er jobparat med støtte, og at virksomhedsrettede tilbud er det "
        "rigtige næste skridt.",
    ),
}

REASSIGNMENT_REASONS = (
    "Sagsbehandler på barsel",
    "Omfordeling af sager i teamet",
    "Borgeren har ønsket en ny sagsbehandler",
    "Sagsbehandler er fratrådt",
    "Sagen samles hos sagsbehandler med erfaring i forløbstypen",
)

COMPANION_RELATIONS = ("Mor", "Far", "Søster", "Bror", "Ven", "Ægtefælle", "Frivillig bisidder")
REPRESENTATIVE_RELATIONS = ("Advokat", "Faglig konsulent fra fagforeningen", "Værge")


def danish_date(value) -> str:
    """14. marts 2024"""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def pronouns(*, female: bool) -> dict[str, str]:
    return {"pron": "hun", "Pron": "Hun", "obj": "hende"} if female else {"pron": "han", "Pron": "Han", "obj": "ham"}
