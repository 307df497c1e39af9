"""The demo data and synthetic populations, created through the services so every case has a real timeline.

`load_demo` builds two invented municipalities (codes 999 and 998; real kommunekoder run from 101 to 860)
with teams, users of every role and citizens with cases. `generate_population` adds synthetic citizens with
one case each to any municipality, for the demo and for benchmarks.

Everything is drawn from one `random.Random(seed)`, so the same seed on the same day gives the same
citizens, CPR numbers and notes. Ages and dates are counted back from today, so the ages stay 18–66.

Known limit: the services stamp every event with the current time (`timezone.now()`), so a whole demo
timeline happens at load time; the history lies in `help_requested_on` and in the dates the notes mention.
"""

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from evne.accounts.access import WRITE_ROLES
from evne.accounts.models import Municipality, Role, Team, User
from evne.assessments.services import assessment_make
from evne.cases.models import Benefit, Case, CaseStatus, JournalNote, NoteKind, Pathway, TimelineEvent
from evne.cases.services import case_assign_caseworker, case_change_status, case_open, note_add
from evne.citizens.models import Citizen, SupporterKind
from evne.citizens.services import citizen_create, supporter_add
from evne.evidence.services import consent_record, request_answer, request_create, request_send
from evne.evidence.statements import statement_record
from evne.plans.services import activity_create, plan_save, report_record, trial_period_record
from evne.profiles.services import disagreement_decide, element_save, involvement_record, profile_present

from . import names, profile_texts, texts
from .cpr import synthetic_cpr

DEMO_PASSWORD = "demo-Evne-2026"  # noqa: S105 - published on purpose: every demo login uses it
DEMO_SEED = 2026
DEMO_CITIZENS = 60
ANDEBY_CITIZENS = 5

EVNEKOBING = ("999", "Evnekøbing Kommune (demo)")
ANDEBY = ("998", "Andeby Kommune (demo)")

EVNEKOBING_TEAMS = (
    "Team Ressourceforløb og revalidering",
    "Team Sygedagpenge og jobafklaring",
    "Team Fleksjob og førtidspension",
)
ANDEBY_TEAM = "Team Jobcenter Andeby"

# Which Evnekøbing team (index into EVNEKOBING_TEAMS) handles which pathway.
PATHWAY_TEAM = {
    Pathway.RESSOURCEFORLOB: 0,
    Pathway.REVALIDERING: 0,
    Pathway.KONTANTHJAELP: 0,
    Pathway.SYGEDAGPENGE: 1,
    Pathway.JOBAFKLARING: 1,
    Pathway.FLEKSJOB: 2,
    Pathway.FORTIDSPENSION: 2,
}


@dataclass(frozen=True)
class _Staff:
    username: str
    role: str
    team: str | None
    first_name: str
    last_name: str


EVNEKOBING_STAFF = (
    _Staff("sagsbehandler1", Role.CASEWORKER, EVNEKOBING_TEAMS[0], "Karen", "Holm"),
    _Staff("sagsbehandler2", Role.CASEWORKER, EVNEKOBING_TEAMS[0], "Jesper", "Lund"),
    _Staff("sagsbehandler3", Role.CASEWORKER, EVNEKOBING_TEAMS[1], "Mette", "Winther"),
    _Staff("sagsbehandler4", Role.CASEWORKER, EVNEKOBING_TEAMS[1], "Ali", "Khan"),
    _Staff("sagsbehandler5", Role.CASEWORKER, EVNEKOBING_TEAMS[2], "Rikke", "Dam"),
    _Staff("sagsbehandler6", Role.CASEWORKER, EVNEKOBING_TEAMS[2], "Søren", "Bech"),
    _Staff("teamleder", Role.TEAM_LEADER, EVNEKOBING_TEAMS[0], "Birgitte", "Østergaard"),
    _Staff("rehab", Role.REHAB_MEMBER, None, "Lars", "Iversen"),
    _Staff("jurist", Role.AUDITOR, None, "Signe", "Nissen"),
    _Staff("admin", Role.ADMINISTRATOR, None, "Per", "Simonsen"),
)
ANDEBY_STAFF = (_Staff("andeby", Role.CASEWORKER, ANDEBY_TEAM, "Gitte", "Andersen"),)
DEMO_USERNAMES = tuple(s.username for s in (*EVNEKOBING_STAFF, *ANDEBY_STAFF))

STATUS_ORDER = (
    CaseStatus.OPEN,
    CaseStatus.CLARIFICATION,
    CaseStatus.IN_COURSE,
    CaseStatus.AWAITING_DECISION,
    CaseStatus.DECIDED,
    CaseStatus.CLOSED,
)
# Weights for the cases beyond the first 42, which cover every pathway x status pair once.
PATHWAY_WEIGHTS = {
    Pathway.SYGEDAGPENGE: 3,
    Pathway.KONTANTHJAELP: 3,
    Pathway.RESSOURCEFORLOB: 2,
    Pathway.JOBAFKLARING: 2,
    Pathway.FLEKSJOB: 2,
    Pathway.REVALIDERING: 1,
    Pathway.FORTIDSPENSION: 1,
}
STATUS_WEIGHTS = {
    CaseStatus.OPEN: 1,
    CaseStatus.CLARIFICATION: 3,
    CaseStatus.IN_COURSE: 4,
    CaseStatus.AWAITING_DECISION: 2,
    CaseStatus.DECIDED: 1,
    CaseStatus.CLOSED: 2,
}
# Ages (today) of the citizens in each pathway. Førtidspension is as a rule granted from 40 (lov om social
# pension § 16, stk. 2); the rest are plausible spreads within 18–66.
AGES = {
    Pathway.KONTANTHJAELP: (18, 55),
    Pathway.SYGEDAGPENGE: (22, 66),
    Pathway.JOBAFKLARING: (25, 64),
    Pathway.RESSOURCEFORLOB: (20, 60),
    Pathway.REVALIDERING: (20, 55),
    Pathway.FLEKSJOB: (25, 66),
    Pathway.FORTIDSPENSION: (40, 66),
}
# How long ago (days) help was first requested, by status: new cases are recent, decided ones older.
REQUESTED_DAYS_AGO = {
    CaseStatus.OPEN: (0, 60),
    CaseStatus.CLARIFICATION: (14, 400),
    CaseStatus.IN_COURSE: (60, 900),
    CaseStatus.AWAITING_DECISION: (180, 1000),
    CaseStatus.DECIDED: (200, 1095),
    CaseStatus.CLOSED: (300, 1095),
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    team: str
    municipality: str


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    citizens: int
    cases: int
    notes: int
    events: int
    logins: tuple[DemoLogin, ...]
    password: str = DEMO_PASSWORD

    @property
    def message(self) -> str:
        if not self.created:
            return f"Demodata findes allerede ({self.citizens} borgere, {self.cases} sager) – intet er ændret."
        return (
            f"Demodata indlæst: {self.citizens} borgere, {self.cases} sager, {self.notes} journalnotater "
            f"og {self.events} hændelser på tidslinjerne."
        )


@dataclass(frozen=True)
class PopulationSummary:
    citizens: int
    cases: int
    notes: int


Progress = Callable[[int, int], None]


# --- the demo -------------------------------------------------------------------------------------------


def load_demo(*, seed: int = DEMO_SEED) -> DemoSummary:
    """Create the demo municipalities, users and citizens once; a second call changes nothing and says so."""
    if Municipality.objects.filter(code=EVNEKOBING[0]).exists():
        return _demo_summary(created=False)
    with transaction.atomic():
        # One hash for all demo users: the password is published, and hashing it once per user would cost
        # about half a second each with the production hasher.
        password_hash = make_password(DEMO_PASSWORD)
        evnekobing = Municipality.objects.create(code=EVNEKOBING[0], name=EVNEKOBING[1])
        teams = {name: Team.objects.create(municipality=evnekobing, name=name) for name in EVNEKOBING_TEAMS}
        _create_staff(evnekobing, teams, EVNEKOBING_STAFF, password_hash)
        andeby = Municipality.objects.create(code=ANDEBY[0], name=ANDEBY[1])
        andeby_teams = {ANDEBY_TEAM: Team.objects.create(municipality=andeby, name=ANDEBY_TEAM)}
        _create_staff(andeby, andeby_teams, ANDEBY_STAFF, password_hash)

        generate_population(
            municipality=evnekobing,
            n_citizens=DEMO_CITIZENS,
            seed=seed,
            teams={p: teams[EVNEKOBING_TEAMS[i]] for p, i in PATHWAY_TEAM.items()},
            town=names.EVNEKOBING,
        )
        _add_rehab_team(evnekobing)
        ensure_letter_branding(andeby, town=names.ANDEBY)
        _add_flex_jobs(evnekobing)
        # Another seed, or Andeby's citizens would repeat Evnekøbing's first ones.
        generate_population(municipality=andeby, n_citizens=ANDEBY_CITIZENS, seed=seed + 1, town=names.ANDEBY)
    return _demo_summary(created=True)


REHAB_MEMBERS = (
    ("Beskæftigelse: Anne Skov", "employment"),
    ("Socialområdet: Peter Vang", "social"),
    ("Sundhed: Hanne Riis", "health"),
    ("Uddannelse: Mads Krog", "education"),
    ("Regionens sundhedskoordinator: Eva Lind", "health_coordinator"),
)
REHAB_TEXTS = {
    "factors": "Langvarige rygsmerter og angst; arbejdsprøvning og praktik er beskrevet i den forberedende del.",
    "goal": "Job i lager- eller kontorfunktion på nedsat tid.",
    "measures": "Mentor, virksomhedspraktik og samtaleforløb i psykiatrien.",
    "order_of_measures": "Samtaleforløbet først, praktikken fra 3. måned.",
    "follow_up": "Koordinerende sagsbehandler følger op hver 2. måned.",
    "mentor": "Ja, en mentor i praktikken.",
    "why_clarified": "Arbejdsevnen er afklaret gennem to arbejdsprøvninger og afsluttet behandling.",
    "flex_job_types": "Lettere kontorarbejde, reception, lagerstyring.",
    "special_needs": "Pauser, ingen løft over 5 kg.",
    "professional_reasons": "Arbejdsevnen er varigt og væsentligt nedsat; behandlingen er udtømt (se LÆ 265).",
    "postponement_reason": "Speciallægeerklæring fra psykiatrien mangler; teamet ser sagen igen, når den foreligger.",
    "reasons": "Teamet har lagt vægt på den forberedende del, lægens vurdering og borgerens egne ønsker.",
    "legal_test": "Om arbejdsevnen er varigt og væsentligt nedsat.",
}  # fmt: skip
REHAB_KIND = {
    Pathway.RESSOURCEFORLOB: "ressourceforlob", Pathway.FLEKSJOB: "fleksjob",
    Pathway.FORTIDSPENSION: "fortidspension", Pathway.JOBAFKLARING: "jobafklaring",
}  # fmt: skip


def _add_rehab_team(
    municipality: Municipality,
    *,
    chair: User | None = None,
    limit: int = 8,
    name: str = "Rehabiliteringsteamet Evnekøbing",
) -> None:
    """The demo's rehabilitation team: members by role (the demo user "rehab" chairs it), two held meetings and one
    ahead, and up to eight cases in the reform pathways with a preparatory part, a presentation and the team's
    recommendation — one postponed with its reason, one the municipality departs from (required back)."""
    from evne.reform import services as reform
    from evne.reform.models import PLAN_CONTENT, Measure, RehabTeam, RehabTeamMember
    from evne.rules.vocabulary import REQUIRED_CONTENT

    today = timezone.localdate()
    team = RehabTeam.objects.create(municipality=municipality, name=name)
    for name, role in REHAB_MEMBERS:
        RehabTeamMember.objects.create(team=team, name=name, role=role)
    chair = chair or User.objects.get(username="rehab")
    RehabTeamMember.objects.create(team=team, name=str(chair), role="chair", user=chair)
    held = [reform.meeting_create(actor=chair, team=team, held_on=today - timedelta(days=d)) for d in (28, 14)]
    reform.meeting_create(actor=chair, team=team, held_on=today + timedelta(days=14))
    cases = (
        Case.objects.filter(municipality=municipality, pathway__in=list(REHAB_KIND),
                            status__in=[CaseStatus.CLARIFICATION, CaseStatus.AWAITING_DECISION])
        .select_related("caseworker").order_by("number")[:limit]
    )  # fmt: skip
    for index, case in enumerate(cases):
        writer = case.caseworker
        content = {f: f"{Pathway(case.pathway).label}: {f.replace('_', ' ')} beskrevet sammen med borgeren."
                   for f in PLAN_CONTENT}  # fmt: skip
        reform.rehab_plan_save(actor=writer, case=case, base_version=0, gp_basis="existing_evidence",
                               existing_evidence="Statusattest og journal fra egen læge i sagen.",
                               citizen_accepted_on=today - timedelta(days=35), **content)  # fmt: skip
        meeting = held[index % 2]
        item = reform.agenda_add(actor=writer, meeting=meeting, case=case,
                                 referred_on=meeting.held_on - timedelta(days=7))  # fmt: skip
        reform.attendance_record(actor=chair, item=item, expected_version=1, citizen_present=True,
                                 caseworker_present=True)  # fmt: skip
        kind = "postponement" if index == 1 else REHAB_KIND[case.pathway]
        texts = {f: REHAB_TEXTS[f] for f in REQUIRED_CONTENT[kind]}
        texts |= {"reasons": REHAB_TEXTS["reasons"], "legal_test": REHAB_TEXTS["legal_test"]}
        presented_for = REHAB_KIND[case.pathway] if REHAB_KIND[case.pathway] in Measure.values else Measure.OTHER
        rec = reform.recommendation_record(actor=chair, item=item, kind=kind, presented_for=presented_for,
                                           development_perspective=True, **texts)  # fmt: skip
        if index == 0:
            reform.departure_record(actor=writer, recommendation=rec, departed_on=today,
                                    reason="Kommunen vurderer, at et ressourceforløb skal forsøges først.")  # fmt: skip


def _add_flex_jobs(municipality: Municipality, *, limit: int = 2) -> None:
    """Two decided fleksjob cases with their visitation, ledighedsydelse until the flex job, and the job; in the
    first the job has ended and ledighedsydelse runs again between flex jobs (LAB § 74), with the terms recorded."""
    from evne.cases.services import prompt_answer
    from evne.reform import services as reform

    today = timezone.localdate()
    cases = Case.objects.filter(municipality=municipality, pathway=Pathway.FLEKSJOB, status=CaseStatus.DECIDED)
    for index, case in enumerate(cases.select_related("caseworker").order_by("number")[:limit]):
        writer = case.caseworker
        visited = today - timedelta(days=300)
        reform.visitation_record(actor=writer, case=case, visited_on=visited, permanently_reduced=True,
                                 measures_tried=True, work_functions="Lettere lager- og kontorfunktioner",
                                 hours_per_week="15")  # fmt: skip
        start = visited + timedelta(days=60)
        reform.ledighedsydelse_record(actor=writer, case=case, start_on=visited + timedelta(days=1),
                                      end_on=start - timedelta(days=1))  # fmt: skip
        job = reform.flex_job_record(
            actor=writer,
            case=case,
            employer="Evnekøbing Lager ApS",
            start_on=start,
            hours_per_week="15",
            accommodation="Ingen tunge løft; pause hver time.",
        )
        if index == 0:
            ended = start + timedelta(days=150)
            reform.flex_job_end(actor=writer, job=job, ended_on=ended, reason="dismissed",
                                note="Virksomheden lukkede afdelingen.")  # fmt: skip
            reform.ledighedsydelse_record(actor=writer, case=case, start_on=ended + timedelta(days=1))
            prompt_answer(
                actor=writer,
                case=case,
                rule_id="pathways.fleksjob_terms",
                answer="Løn efter overenskomstens sociale kapitel; 3F inddraget; ny arbejdsgiver.",
            )


def demo_logins() -> tuple[DemoLogin, ...]:
    users = {
        u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES).select_related("team", "municipality")
    }
    return tuple(
        DemoLogin(
            username=name,
            role=users[name].role,
            team=users[name].team.name if users[name].team else "",
            municipality=users[name].municipality.name if users[name].municipality else "",
        )
        for name in DEMO_USERNAMES
        if name in users
    )


def _demo_summary(*, created: bool) -> DemoSummary:
    codes = (EVNEKOBING[0], ANDEBY[0])
    return DemoSummary(
        created=created,
        citizens=Citizen.objects.filter(municipality__code__in=codes).count(),
        cases=Case.objects.filter(municipality__code__in=codes).count(),
        notes=JournalNote.objects.filter(case__municipality__code__in=codes).count(),
        events=TimelineEvent.objects.filter(case__municipality__code__in=codes).count(),
        logins=demo_logins(),
    )


def _create_staff(
    municipality: Municipality, teams: Mapping[str, Team], staff: Sequence[_Staff], password_hash: str
) -> list[User]:
    users = []
    for s in staff:
        user = User(
            username=s.username,
            first_name=s.first_name,
            last_name=s.last_name,
            role=s.role,
            municipality=municipality,
            team=teams[s.team] if s.team else None,
            # The administrator manages accounts in Django's admin; the access policy keeps them out of cases.
            is_staff=s.role == Role.ADMINISTRATOR,
            is_superuser=s.role == Role.ADMINISTRATOR,
            password=password_hash,
        )
        user.save()
        users.append(user)
    return users


# --- populations ----------------------------------------------------------------------------------------


def ensure_letter_branding(municipality: Municipality, *, town: tuple[str, str] = names.EVNEKOBING) -> None:
    """Synthetic contact details for the job centre's letters (every letter must carry them before it is issued:
    evne.decisions.letters.require_contact). Kept as they are when the municipality already has branding."""
    from evne.decisions.models import LetterBranding

    postal_code, city = town
    LetterBranding.objects.get_or_create(municipality=municipality, defaults={
        "sender": f"Jobcenter {city}",
        "address": f"Jobcentervej 1\n{postal_code} {city}",
        "phone": "70 00 00 00",
        "email": f"jobcenter@{city.lower().replace('ø', 'oe').replace('æ', 'ae').replace('å', 'aa')}.example.dk",
        "opening_hours": "Mandag–onsdag 9–15\nTorsdag 9–17\nFredag 9–13",
        "signature": "Med venlig hilsen",
    })  # fmt: skip


def generate_population(
    *,
    municipality: Municipality,
    n_citizens: int,
    seed: int,
    teams: Mapping[str, Team] | None = None,
    town: tuple[str, str] = names.EVNEKOBING,
    progress: Progress | None = None,
) -> PopulationSummary:
    """Create `n_citizens` synthetic citizens in the municipality, each with one case and its timeline.

    `teams` maps each pathway to the team that handles it; by default the pathways are spread over the
    municipality's teams that have caseworkers, and a municipality without any gets one team with a
    caseworker per 250 citizens (at least two). The first 42 cases cover every pathway in every status.
    `progress(done, total)` is called after each citizen. Runs in one transaction.
    """
    rng = random.Random(seed)
    today = timezone.localdate()
    with transaction.atomic():
        ensure_letter_branding(municipality, town=town)
        teams = dict(teams) if teams is not None else _default_teams(municipality, n_citizens)
        writers = _writers_by_team(set(teams.values()))
        for pathway, team in teams.items():
            if not writers.get(team.pk):
                raise ValueError(f"Team {team.pk} handles {pathway} but has no active caseworker.")
        used_cprs = set(Citizen.objects.filter(municipality=municipality).values_list("cpr", flat=True))
        notes = 0
        for i in range(n_citizens):
            pathway, status = _plan(rng, i)
            team = teams[pathway]
            notes += _citizen_with_case(
                rng,
                today=today,
                pathway=pathway,
                status=status,
                team_writers=writers[team.pk],
                used_cprs=used_cprs,
                town=town,
            )
            if progress is not None:
                progress(i + 1, n_citizens)
    return PopulationSummary(citizens=n_citizens, cases=n_citizens, notes=notes)


def _default_teams(municipality: Municipality, n_citizens: int) -> dict[str, Team]:
    staffed = [t for t in municipality.teams.order_by("pk") if _writers_by_team({t}).get(t.pk)]
    if not staffed:
        team = Team.objects.create(municipality=municipality, name="Team Jobcenter")
        password_hash = make_password(DEMO_PASSWORD)
        count = max(2, -(-n_citizens // 250))
        _create_staff(
            municipality,
            {team.name: team},
            [
                _Staff(f"synth{municipality.code}-{k}", Role.CASEWORKER, team.name, "Sagsbehandler", str(k))
                for k in range(1, count + 1)
            ],
            password_hash,
        )
        staffed = [team]
    return {pathway: staffed[i % len(staffed)] for i, pathway in enumerate(Pathway.values)}


def _writers_by_team(teams: set[Team]) -> dict[int, list[User]]:
    """The users who may open and change the team's cases, caseworkers first, in a stable order."""
    by_team: dict[int, list[User]] = {}
    users = User.objects.filter(team__in=teams, role__in=WRITE_ROLES, is_active=True).order_by("username")
    for user in users:
        by_team.setdefault(user.team_id, []).append(user)
    for members in by_team.values():
        members.sort(key=lambda u: (u.role != Role.CASEWORKER, u.username))
    return by_team


def _plan(rng: random.Random, i: int) -> tuple[str, str]:
    """Pathway and final status of the i-th case: all 42 pairs first (7 and 6 are coprime), then weighted."""
    if i < len(Pathway.values) * len(STATUS_ORDER):
        return Pathway.values[i % len(Pathway.values)], STATUS_ORDER[i % len(STATUS_ORDER)]
    pathway = rng.choices(list(PATHWAY_WEIGHTS), weights=list(PATHWAY_WEIGHTS.values()))[0]
    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    return pathway, status


def _years_before(day: date, years: int) -> date:
    """The same day `years` earlier (negative: later); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _birth_date(rng: random.Random, today: date, pathway: str) -> date:
    low, high = AGES[pathway]
    age = rng.randint(low, high)
    while True:
        born = _random_day(rng, _years_before(today, age + 1) + timedelta(days=1), _years_before(today, age))
        # CPR numbers without modulus 11 have in practice been issued for 1 January (see synth/cpr.py).
        if (born.month, born.day) != (1, 1):
            return born


def _benefit(rng: random.Random, pathway: str, status: str, age: int) -> str:
    """A benefit that fits the pathway (forsørgelsesgrundlag), and for some pathways how far the case is."""
    decided = status in (CaseStatus.DECIDED, CaseStatus.CLOSED)
    match pathway:
        case Pathway.SYGEDAGPENGE:
            # When sickness benefit can no longer be extended, the citizen moves on to jobafklaringsforløb.
            return rng.choices([Benefit.SYGEDAGPENGE, Benefit.JOBAFKLARINGSYDELSE], weights=[4, 1])[0]
        case Pathway.JOBAFKLARING:
            return Benefit.JOBAFKLARINGSYDELSE
        case Pathway.RESSOURCEFORLOB:
            return Benefit.RESSOURCEFORLOBSYDELSE
        case Pathway.REVALIDERING:
            if status in (CaseStatus.OPEN, CaseStatus.CLARIFICATION):
                return rng.choice([Benefit.KONTANTHJAELP, Benefit.SYGEDAGPENGE])
            return Benefit.REVALIDERINGSYDELSE
        case Pathway.FLEKSJOB:
            if status in (CaseStatus.IN_COURSE, CaseStatus.CLOSED) and rng.random() < 0.4:
                return Benefit.WAGES
            return Benefit.LEDIGHEDSYDELSE
        case Pathway.FORTIDSPENSION:
            if decided and rng.random() < 0.7:
                return Benefit.FORTIDSPENSION
            return rng.choice([Benefit.KONTANTHJAELP, Benefit.RESSOURCEFORLOBSYDELSE, Benefit.SYGEDAGPENGE])
        case _:
            if age < 30 and rng.random() < 0.6:
                return Benefit.UDDANNELSESHJAELP
            return Benefit.KONTANTHJAELP


def _status_path(rng: random.Random, status: str) -> list[str]:
    """The status changes that lead from 'open' to the final status, some steps skipped as in real cases."""
    target = STATUS_ORDER.index(status)
    if status == CaseStatus.CLOSED and rng.random() < 0.3:
        # Closed without a decision, e.g. the citizen found work or moved away.
        target = rng.randint(1, 2)
        steps = list(STATUS_ORDER[1 : target + 1])
        return [*steps, CaseStatus.CLOSED]
    steps = list(STATUS_ORDER[1 : target + 1])
    return [s for s in steps[:-1] if rng.random() < 0.8] + steps[-1:]


INTERPRETER_LANGUAGES = ("arabisk", "tyrkisk", "somali", "polsk", "tigrinya")


def _citizen_with_case(
    rng: random.Random,
    *,
    today: date,
    pathway: str,
    status: str,
    team_writers: list[User],
    used_cprs: set[str],
    town: tuple[str, str],
) -> int:
    """One citizen with one case, its supporters, notes, status changes and reassignment. Returns notes."""
    caseworkers = [u for u in team_writers if u.role == Role.CASEWORKER] or team_writers
    leader = next((u for u in team_writers if u.role == Role.TEAM_LEADER), None)
    caseworker = rng.choice(caseworkers)

    person = names.person(rng)
    born = _birth_date(rng, today, pathway)
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    cpr = synthetic_cpr(rng, born, female=person.female)
    while cpr in used_cprs:
        cpr = synthetic_cpr(rng, born, female=person.female)
    used_cprs.add(cpr)
    citizen = citizen_create(
        actor=caseworker,
        cpr=cpr,
        first_name=person.first_name,
        last_name=person.last_name,
        address=names.street_address(rng),
        postal_code=town[0],
        city=town[1],
        interpreter_language=rng.choice(INTERPRETER_LANGUAGES) if rng.random() < 0.08 else "",
    )

    low, high = REQUESTED_DAYS_AGO[status]
    eighteenth_birthday = _years_before(born, -18)
    requested = max(today - timedelta(days=rng.randint(low, high)), eighteenth_birthday)
    case = case_open(
        actor=caseworker,
        citizen=citizen,
        pathway=pathway,
        benefit=_benefit(rng, pathway, status, age),
        help_requested_on=requested,
        caseworker=caseworker,
    )

    if rng.random() < 0.25:
        _add_supporter(rng, actor=caseworker, citizen=citizen, requested=requested, today=today)

    # Steps after the first note, in order: status changes, more notes, perhaps a reassignment.
    path = _status_path(rng, status)
    n_notes = rng.randint(1, 2) if status == CaseStatus.OPEN else rng.randint(2, 4)
    note_dates = sorted(_random_day(rng, requested, today) for _ in range(n_notes))
    steps: list[tuple[str, str | None]] = [("status", s) for s in path]
    for _ in range(n_notes - 1):
        steps.insert(rng.randint(0, len(steps)), ("note", None))
    if len(caseworkers) > 1 and rng.random() < 0.2:
        steps.insert(rng.randint(0, len(steps)), ("reassign", None))

    say = texts.pronouns(female=person.female)
    _add_note(rng, case=case, actor=caseworker, when=note_dates[0], kind=NoteKind.FACT, say=say)
    developed = False
    if pathway in PROFILE_PATHWAYS and status != CaseStatus.OPEN and rng.random() < 0.6:
        elements = _add_profile(rng, case=case, actor=caseworker, when=note_dates[0], say=say)
        if status in DEVELOPMENT_STATUSES:
            _add_development(rng, case=case, actor=caseworker, elements=elements, status=status, today=today)
            developed = bool(elements)
    later_dates = iter(note_dates[1:])
    for step, value in steps:
        if step == "status":
            if value == CaseStatus.DECIDED:
                continue  # a case is decided when its decision is issued (below), never by a status change alone
            case = case_change_status(actor=caseworker, case=case, status=value, expected_version=case.version)
        elif step == "note":
            kind = rng.choice([NoteKind.FACT, NoteKind.ASSESSMENT])
            _add_note(rng, case=case, actor=caseworker, when=next(later_dates), kind=kind, say=say)
        else:
            new = rng.choice([u for u in caseworkers if u.pk != caseworker.pk])
            case = case_assign_caseworker(
                actor=leader or caseworker,
                case=case,
                caseworker=new,
                expected_version=case.version,
                reason=rng.choice(texts.REASSIGNMENT_REASONS),
            )
            caseworker = new
    if pathway in FOLLOW_UP_WEEKS:
        _add_follow_ups(rng, case=case, actor=caseworker, requested=requested, today=today, status=status)
    _answer_routine_checks(rng, case=case, actor=caseworker)
    if (developed and status == CaseStatus.AWAITING_DECISION) or status == CaseStatus.DECIDED:
        _add_decision(rng, case=case, actor=caseworker, status=status, today=today)
    return n_notes


# Most demo caseworkers have recorded the routine declarations; a few have not, so the demo shows the questions too.
ROUTINE_ANSWERS = {
    "method.impartiality": "Ingen inhabilitetsgrunde: intet slægtskab, venskab eller tidligere afgørelse i sagen.",
    "evidence.change_duty_guidance": "Skriftlig vejledning om oplysningspligten sendt i Digital Post ved sagens start.",
}
THREAT_ANSWERS = (
    "Truet: langvarig sygemelding og usikker tilbagevenden; skriftlig besked med præmisserne sendt.",
    "Ikke truet: kortvarigt forløb med plan for tilbagevenden; skriftlig besked sendt.",
)


def _answer_routine_checks(rng: random.Random, *, case: Case, actor: User) -> None:
    from evne.cases.services import prompt_answer

    for rule_id, answer in ROUTINE_ANSWERS.items():
        if rng.random() < 0.85:
            prompt_answer(actor=actor, case=case, rule_id=rule_id, answer=answer)
    if case.pathway in FOLLOW_UP_WEEKS and rng.random() < 0.7:
        prompt_answer(actor=actor, case=case, rule_id="method.threat_recorded", answer=rng.choice(THREAT_ANSWERS))


# Follow-up conversations in the income-support pathways: roughly on time, with a gap now and then (so the demo
# shows late follow-ups too), the first taking a position on the parties, an interpreter when the citizen needs one.
FOLLOW_UP_WEEKS = {"sygedagpenge": 4, "kontanthjaelp": 12}
FOLLOW_UP_SUMMARIES = (
    "Status på helbred og behandling; næste skridt aftalt med borgeren.",
    "Borgeren fortalte om forløbet siden sidst; vi aftalte kontakt til arbejdsgiveren.",
    "Gennemgang af aftalerne fra sidst; borgeren er i gang med behandling.",
    "Samtale om muligheden for delvis raskmelding og skånehensyn.",
)


def _add_follow_ups(rng: random.Random, *, case: Case, actor: User, requested: date, today: date, status: str) -> None:
    from evne.cases.services import follow_up_record

    weeks = FOLLOW_UP_WEEKS[case.pathway]
    needs_interpreter = bool(case.citizen.interpreter_language)
    day, first = requested + timedelta(weeks=min(weeks, 6)), True
    end = (
        today if status not in (CaseStatus.DECIDED, CaseStatus.CLOSED) else min(today, requested + timedelta(days=300))
    )
    while day <= end:
        if rng.random() < 0.85:  # now and then a follow-up is missed
            parties = rng.sample(["employer", "doctor", "union"], k=rng.choice([0, 0, 1, 2])) if first else []
            follow_up_record(actor=actor, case=case, held_on=day, form=rng.choice(["meeting", "meeting", "phone"]),
                             summary=rng.choice(FOLLOW_UP_SUMMARIES), parties_decided=first and rng.random() < 0.9,
                             parties=parties, interpreter_used=needs_interpreter and rng.random() < 0.9)  # fmt: skip
            first = False
        day += timedelta(weeks=weeks, days=rng.randint(-3, 3))


def _add_decision(rng: random.Random, *, case: Case, actor: User, status: str, today: date) -> None:
    """A decision in some state: a draft being heard (awaiting decision), or issued — sometimes complained about
    (decided). Issued here with a written override: the demo cases do not satisfy every other check."""
    from evne.decisions import services as decisions

    fleksjob = case.assessments.filter(conclusion="flex_job_level").exists()
    outcome = rng.choice(["refusal", "fleksjob"]) if fleksjob else "activities"
    # The refusal refuses a fleksjob: the citizen applied for one, and the decision answers the application.
    application = (
        decisions.application_record(actor=actor, case=case, kind="fleksjob",
                                     applied_on=min(case.help_requested_on, today), channel="written")
        if outcome == "refusal" else None
    )  # fmt: skip
    note = case.notes.order_by("created_at", "id").first()
    decision = decisions.decision_draft(
        actor=actor, case=case, outcome=outcome, fully_grants=outcome != "refusal",
        application_id=application.pk if application else None,
        facts=[{"text": profile_texts.DECISION_FACT, "source": f"note:{note.pk}" if note else ""}],
        **{"refusal": profile_texts.DECISION_REFUSAL, "fleksjob": profile_texts.DECISION_FLEKSJOB}.get(
            outcome, profile_texts.DECISION_GRANT),
    )  # fmt: skip
    if outcome == "refusal":
        sent = today - timedelta(days=rng.randint(16, 30))
        hearing = decisions.hearing_send(
            actor=actor, decision=decision, expected_version=decision.version, sent_on=sent,
            unfavourable_facts=profile_texts.HEARING_UNFAVOURABLE,
        )  # fmt: skip
        if status == CaseStatus.AWAITING_DECISION and rng.random() < 0.5:
            return  # still waiting for the citizen's answer (or its absence to be recorded)
        decisions.hearing_record_answer(actor=actor, hearing=hearing, expected_version=hearing.version,
                                        answer="answered", answered_on=sent + timedelta(days=7),
                                        summary=profile_texts.HEARING_ANSWER, form="oral")  # fmt: skip
        decision = decisions.decision_revise(actor=actor, decision=decision, expected_version=decision.version,
                                             answer_dealt_with=profile_texts.ANSWER_DEALT_WITH)  # fmt: skip
    if status != CaseStatus.DECIDED:
        return
    decision = decisions.decision_issue(actor=actor, decision=decision, expected_version=decision.version,
                                        override_reason=profile_texts.DEMO_OVERRIDE)  # fmt: skip
    if outcome == "refusal" and rng.random() < 0.5:
        decisions.complaint_register(actor=actor, decision=decision, received_on=today, channel="oral",
                                     summary=profile_texts.COMPLAINT)  # fmt: skip


def _add_note(rng: random.Random, *, case: Case, actor: User, when: date, kind: str, say: dict) -> JournalNote:
    values = {
        **say,
        "date": texts.danish_date(when),
        "job": rng.choice(texts.JOBS),
        "years": rng.randint(2, 20),
        "hours": rng.choice((6, 8, 10, 12, 15, 20)),
        "resource": rng.choice(texts.RESOURCES),
        "wish": rng.choice(texts.WISHES),
    }
    if kind == NoteKind.FACT:
        template, source = rng.choice(texts.FACT_NOTES)
    else:
        template = rng.choice(texts.ASSESSMENT_NOTES + texts.PATHWAY_ASSESSMENT_NOTES[case.pathway])
        source = ""
    return note_add(actor=actor, case=case, kind=kind, text=template.format(**values), source=source)


# The resource profile belongs to these pathways (bek. 543/2002 § 2; the rehabiliteringsplan reuses it).
PROFILE_PATHWAYS = {
    Pathway.REVALIDERING, Pathway.RESSOURCEFORLOB, Pathway.JOBAFKLARING, Pathway.FLEKSJOB, Pathway.FORTIDSPENSION,
}  # fmt: skip


def _add_profile(rng: random.Random, *, case: Case, actor: User, when: date, say: dict) -> None:
    """An opening conversation, 3–5 described elements with sourced facts, and sometimes a presentation where
    the citizen disagrees on health and the caseworker keeps the assessment with an explanation."""
    involvement_record(
        actor=actor,
        case=case,
        kind="opening_conversation",
        occurred_on=when,
        text="Indledende samtale om ressourceprofilen; borgeren fortalte om sin baggrund og sine ønsker.",
    )
    values = {**say, "years": rng.randint(3, 15), "short": rng.randint(1, 3), "gap": rng.randint(1, 4)}
    chosen = rng.sample(sorted(profile_texts.ELEMENTS), k=rng.randint(3, 5))
    assessed: list[str] = []
    for element in chosen:
        facts, extra = rng.choice(profile_texts.ELEMENTS[element])
        fact_rows = [
            {"id": f"f{i}", "text": text.format(**values), "source_kind": kind, "source_detail": detail}
            for i, (text, kind, detail) in enumerate(facts, start=1)
        ]
        fields = {k: v.format(**values) if isinstance(v, str) else v for k, v in extra.items()}
        if fields.get("assessment"):
            fields["assessment_fact_ids"] = [row["id"] for row in fact_rows]
        element_save(actor=actor, case=case, element=element, base_version=0, reason="Første beskrivelse",
                     relevant=True, facts=fact_rows, **fields)  # fmt: skip
        if fields.get("assessment"):
            assessed.append(element)
    if rng.random() < 0.5:
        disagree = "health" in chosen and rng.random() < 0.6
        responses = {e: {"agrees": not (disagree and e == "health"),
                         "disagreement": profile_texts.DISAGREEMENT if disagree and e == "health" else ""}
                     for e in chosen}  # fmt: skip
        # The versions are saved now (the services stamp the time; see the module's known limit), and a version
        # cannot be presented before it exists: the presentation is dated the day they were saved.
        presentation = profile_present(actor=actor, case=case, presented_on=timezone.localdate(), method="meeting",
                                       responses=responses)  # fmt: skip
        for response in presentation.responses.filter(agrees=False):
            disagreement_decide(actor=actor, case=case, response=response, outcome="keep",
                                explanation=profile_texts.KEEP_EXPLANATION)  # fmt: skip
    return assessed


DEVELOPMENT_STATUSES = {CaseStatus.IN_COURSE, CaseStatus.AWAITING_DECISION, CaseStatus.DECIDED}


TRADES = ("Lager og logistik", "Rengøring", "Butik", "Kontor", "Køkken", "Gartneri")


def _add_development(rng: random.Random, *, case: Case, actor: User, elements: list[str], status: str,
                     today: date) -> None:  # fmt: skip
    """An action plan on the profile, a work placement with its order and the provider's report, a status
    statement requested with consent (answered, or overdue), and — for cases further on — an assessment."""
    if not elements:
        return
    start = today - timedelta(days=rng.randint(40, 120))
    plan_save(actor=actor, case=case, base_version=0, reason="Første handleplan", means=profile_texts.PLAN_MEANS,
              goals=[{"id": "g1", "text": profile_texts.PLAN_GOAL, "parent_id": None,
                      "element_keys": elements[:2], "builds_on": "resources"}],
              agreed_with_citizen_on=start - timedelta(days=7))  # fmt: skip
    activity = activity_create(
        actor=actor, case=case, type="virksomhedspraktik", provider=rng.choice(profile_texts.PROVIDERS),
        start_on=start, planned_end_on=start + timedelta(weeks=13), hours_per_week=rng.choice([10, 12, 15, 20]),
        goal_ids=["g1"], order={**profile_texts.ORDER, "element_keys": elements[:2]},
    )  # fmt: skip
    report = report_record(actor=actor, activity=activity, report_date=min(start + timedelta(weeks=6), today),
                           author="Praktikvejleder",
                           citizen_participated=True, citizen_agreement="agrees",
                           resources_by_element=[{"element": elements[0], "text": profile_texts.REPORT_RESOURCE}],
                           **profile_texts.REPORT)  # fmt: skip
    # The facts the law turns on (issue 11), from a random stream of their own so the rest of the demo stays the same.
    facts = random.Random(f"{case.number}-facts")
    planned = activity.hours_per_week
    trial_period_record(
        actor=actor, activity=activity, start_on=start, end_on=report.report_date, trade=facts.choice(TRADES),
        job_functions=profile_texts.REPORT["actual_content"][:200], planned_hours_per_week=planned,
        actual_hours_per_week=max(planned - facts.choice([0, 2, 4, 6]), 2), accommodation_respected="yes",
        outcome="running" if report.report_date >= today else "completed", pace_percent=facts.choice([None, 60, 80]),
        sustained_hours_per_week=max(planned - facts.choice([2, 4, 6]), 2), report=report,
    )  # fmt: skip
    consent = consent_record(actor=actor, case=case, purpose="collect", status="given", guidance_given=True,
                             scope=profile_texts.CONSENT_SCOPE, given_on=start)  # fmt: skip
    request = request_create(actor=actor, case=case, recipient_kind="gp", recipient_name="Egen læge",
                             document_type="status_statement", consent_id=consent.pk,
                             **profile_texts.REQUEST)  # fmt: skip
    sent = start + timedelta(days=rng.randint(3, 20))
    request = request_send(actor=actor, request=request, expected_version=request.version, sent_on=sent,
                           answer_due_on=sent + timedelta(days=14))  # fmt: skip
    documents = []
    if rng.random() < 0.6:
        answered = sent + timedelta(days=rng.randint(5, 13))
        request = request_answer(actor=actor, request=request, expected_version=request.version, answered_on=answered,
                                 document={**profile_texts.STATUS_STATEMENT, "document_date": answered})  # fmt: skip
        documents = list(request.answers.values_list("pk", flat=True))
        facts = random.Random(f"{case.number}-statement")
        temporary = facts.random() < 0.5
        statement_record(
            actor=actor, document=request.answers.get(), author_role="gp", stated_on=answered,
            prognosis="temporary" if temporary else facts.choice(["permanent", "unclear"]),
            prognosis_until=answered + timedelta(days=180) if temporary else None,
            hours_per_week=facts.choice([None, "15", "20"]), restrictions="Ingen tunge løft.",
            development_view="unclear", work_ability_view="not_assessed",
            treatments=[{"description": "Fysioterapi", "expected_effect": "work_ability",
                         "status": facts.choice(["planned", "ongoing"])}] if facts.random() < 0.5 else [],
        )  # fmt: skip
    if status != CaseStatus.IN_COURSE:
        flex = bool(documents) and rng.random() < 0.5
        assessment_make(
            actor=actor, case=case, assessed_on=today - timedelta(days=rng.randint(1, 20)),
            conclusion="flex_job_level" if flex else "can_be_improved", development_exhausted=flex,
            document_ids=documents, **profile_texts.ASSESSMENT,
        )  # fmt: skip


def _add_supporter(rng: random.Random, *, actor: User, citizen: Citizen, requested: date, today: date) -> None:
    helper = names.person(rng)
    since = _random_day(rng, requested, today)
    if rng.random() < 0.6:
        supporter_add(
            actor=actor,
            citizen=citizen,
            kind=SupporterKind.COMPANION,
            name=f"{helper.first_name} {helper.last_name}",
            relation=rng.choice(texts.COMPANION_RELATIONS),
            active_from=since,
        )
    else:
        supporter_add(
            actor=actor,
            citizen=citizen,
            kind=SupporterKind.REPRESENTATIVE,
            name=f"{helper.first_name} {helper.last_name}",
            relation=rng.choice(texts.REPRESENTATIVE_RELATIONS),
            active_from=since,
            power_of_attorney_on=since,
        )
