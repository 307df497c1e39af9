"""The legal tables and closed vocabularies the law sets, in one home (plain Python, no Django).

The models' TextChoices, the services that refuse a save and the rules that check a case all read these tables, so
a requirement is written once. Keys are the models' TextChoices values (plain strings).
"""

# What the recommendation must contain for each kind: bek. 996/2016 § 8 (ressourceforløb), § 9 (fleksjob), § 10
# (førtidspension) (seed 003 L3188–3300; notes §5.3 R8–R11). `factors` (the employment, social and health factors
# relied on) belongs to every recommendation. Keys: reform.RecommendationKind.
REQUIRED_CONTENT: dict[str, tuple[str, ...]] = {
    "ressourceforlob": ("factors", "goal", "measures", "order_of_measures", "follow_up", "mentor"),
    "fleksjob": ("factors", "why_clarified", "flex_job_types", "special_needs"),
    "fortidspension": ("factors", "professional_reasons"),
    "jobafklaring": ("factors", "goal", "measures", "follow_up"),
    "other": ("factors", "measures"),
    "postponement": ("postponement_reason",),
    "not_clarified": ("factors", "legal_test"),
}

# The recommendation's content fields (the text fields of reform.Recommendation).
CONTENT_FIELDS: tuple[str, ...] = (
    "factors",
    "goal",
    "measures",
    "order_of_measures",
    "follow_up",
    "mentor",
    "why_clarified",
    "flex_job_types",
    "special_needs",
    "development_within_reasonable_time",
    "professional_reasons",
    "postponement_reason",
    "reasons",
    "legal_test",
)

# The four conditions for deciding an obviously futile case without the team (vejledning nr. 9465 af 25. maj 2016;
# seed 003 L646–652).
FUTILE_CONDITIONS: tuple[str, ...] = ("health_alone", "unambiguous", "not_contradictory", "documented")

# The decision types a case's readiness is judged for (checks.case.DECISION_TYPES gives their labels).
DECISION_TYPES: tuple[str, ...] = (
    "revalidering",
    "ressourceforlob",
    "jobafklaring",
    "fleksjob",
    "fortidspension",
    "refusal",
    "ordinary_work",
)

# The decision type each decision outcome (decisions.OutcomeKind) is checked as. An outcome not listed is a refusal.
DECISION_TYPE: dict[str, str] = {
    "ordinary_work": "ordinary_work",
    "activities": "revalidering",
    "ressourceforlob": "ressourceforlob",
    "jobafklaring": "jobafklaring",
    "fleksjob": "fleksjob",
    "fortidspension": "fortidspension",
    "fortidspension_existing": "fortidspension",
    "senior_fortidspension": "fortidspension",
    "refusal": "refusal",
    "partial_grant": "refusal",
    "stop_reduction": "refusal",
    "refuse_pension_case": "refusal",
}

# The decisions the rehabilitation team must have dealt with the case before (lov om aktiv socialpolitik § 68 b,
# pension act § 18; seed 003), and the pathways the team also takes (the jobafklaringsforløb).
TEAM_DECISIONS: tuple[str, ...] = ("ressourceforlob", "fleksjob", "fortidspension")
TEAM_PATHWAYS: tuple[str, ...] = (*TEAM_DECISIONS, "jobafklaring")

# The pathways where help to forsørgelse (income support) is sought (sygedagpenge, kontanthjælp; cases.Pathway).
INCOME_SUPPORT: tuple[str, ...] = ("sygedagpenge", "kontanthjaelp")

# The resource profile's elements as the law names them (bek. 543/2002 § 6, stk. 2 and 3), Danish and English, for
# the rules' messages: a finding names "Helbred", never the key `health`. Keys: profiles.ElementKey.
ELEMENT_NAMES: dict[str, tuple[str, str]] = {
    "education": ("Uddannelse", "Education"),
    "labour_market_experience": ("Arbejdsmarkedserfaring", "Labour-market experience"),
    "interests": ("Interesser", "Interests"),
    "social_competences": ("Sociale kompetencer", "Social competences"),
    "adaptability": ("Omstillingsevne", "Adaptability"),
    "learning_ability": ("Indlæringsevne", "Learning ability"),
    "work_wishes": ("Arbejdsrelevante ønsker", "Work-relevant wishes"),
    "performance_expectations": ("Præstationsforventninger", "Performance expectations"),
    "work_identity": ("Arbejdsidentitet", "Work identity"),
    "housing_finances": ("Bolig og økonomi", "Housing and finances"),
    "social_network": ("Sociale netværk", "Social network"),
    "health": ("Helbred", "Health"),
    "other": ("Andet arbejdsmarkedsrelateret", "Other labour-market-related matters"),
}


def element_names(keys, *, english: bool = False) -> str:
    """The elements' names joined for a message: "Helbred, Sociale netværk"."""
    return ", ".join(ELEMENT_NAMES.get(k, (k, k))[1 if english else 0] for k in keys)


# The work-ability assessment's conclusion on the method's ladder, as a finding names it (Danish, English); the
# same words as the assessment form (assessments.models.Conclusion; seed 000, L3241–3257).
CONCLUSION_WORDS: dict[str, tuple[str, str]] = {
    "sufficient": ("tilstrækkelig til ordinært arbejde", "sufficient for ordinary work"),
    "can_be_improved": ("ikke tilstrækkelig, men kan forbedres", "not sufficient, but can be improved"),
    "flex_job_level": (
        "varigt og væsentligt nedsat, men tilstrækkelig til fleksjob",
        "permanently and substantially limited, but enough for a flex job",
    ),
    "below_flex_job": (
        "ikke tilstrækkelig til fleksjob og kan ikke forbedres",
        "not enough for a flex job and cannot be improved",
    ),
    "not_final": (
        "ikke endelig: udvikling og afklaring fortsætter",
        "not final: development and clarification continue",
    ),
}
