"""Warnings on the reasons (X7, the method's "ten commandments"; seed 000, L3955–4039). They read the draft's text,
Django-side, and become flags in the rules snapshot (evne.rules reads no free text).

- "Fordi lægen siger det" is not a reason (L4016–4021): a reason that only refers to what a doctor says.
- A specialist's or the medical adviser's conclusion is an assessment, not a fact (L4016–4021).
- A fact relied on must be found in the case (X6, FVL § 24, stk. 2; L4009–4015): every fact points at a document,
  a journal note or a resource-profile version of this case.
"""

import re

from django.utils.translation import gettext as _

from .language import sentences

# Sentences that hand the reasoning to a doctor.
DOCTOR_ONLY = re.compile(
    r"\b(fordi|da|idet)\s+(egen\s+)?(læge|lægen|speciallægen|lægekonsulenten|psykiateren)\b"
    r"|\bifølge\s+(egen\s+)?(læge|lægen|speciallægen|lægekonsulenten|psykiateren|lægeerklæringen|attesten)\b"
    r"|\b(lægen|speciallægen|lægekonsulenten|psykiateren)\s+(siger|skriver|mener|vurderer|konkluderer|har\s+sagt)\b",
    re.IGNORECASE,
)
# Words of a conclusion (an assessment), as opposed to an observation.
CONCLUSION = re.compile(
    r"\b(vurderer|vurdering|konkluderer|konklusion|mener|skønner|finder\s+at|anbefaler|bør|uarbejdsdygtig|"
    r"ikke\s+kan\s+arbejde|arbejdsevnen\s+er)\b",
    re.IGNORECASE,
)
SPECIALIST = re.compile(r"\b(speciallæge\w*|lægekonsulent\w*|psykiater\w*|overlæge\w*|læge\w*)\b", re.IGNORECASE)
MEDICAL_KINDS = {"specialist_statement", "medical_adviser", "lae_265", "medical_certificate", "hospital_records"}


def reasons_only_doctor(reasons: str) -> bool:
    """True when at least half the sentences of the reasons rest on what a doctor says."""
    parts = sentences(reasons)
    if not parts:
        return False
    doctor = sum(1 for s in parts if DOCTOR_ONLY.search(s))
    return doctor > 0 and doctor * 2 >= len(parts)


def conclusion_facts(facts: list[dict], document_kinds: dict[int, str]) -> list[int]:
    """Indices of facts that read as a doctor's or specialist's conclusion."""
    found = []
    for index, fact in enumerate(facts):
        text = fact.get("text", "")
        source = fact.get("source", "")
        medical_source = source.startswith("document:") and document_kinds.get(_id(source)) in MEDICAL_KINDS
        if CONCLUSION.search(text) and (medical_source or SPECIALIST.search(text)):
            found.append(index)
    return found


def _id(source: str) -> int | None:
    try:
        return int(source.split(":", 1)[1])
    except (IndexError, ValueError):
        return None


def unsourced_facts(facts: list[dict]) -> list[int]:
    return [i for i, f in enumerate(facts) if not f.get("source")]


def warnings(decision) -> list[str]:
    """The reasons warnings of a draft, in the reader's language."""
    from evne.evidence.models import Document

    kinds = dict(Document.objects.filter(case_id=decision.case_id).values_list("pk", "kind"))
    notes = []
    if reasons_only_doctor(decision.reasons):
        notes.append(
            _(
                "The reasons rest on what a doctor says. “Because the doctor says so” is not a reason: say why the "
                "decision is as it is, and weigh the medical information with the other facts."
            )
        )
    for index in conclusion_facts(decision.facts, kinds):
        notes.append(
            _("Fact %(n)d reads as a specialist's conclusion. A conclusion is an assessment, not a fact: move it to "
              "the reasons and weigh it there.") % {"n": index + 1}
        )  # fmt: skip
    for index in unsourced_facts(decision.facts):
        notes.append(
            _("Fact %(n)d does not point at anything in the case: choose the document, note or profile version it "
              "comes from.") % {"n": index + 1}
        )  # fmt: skip
    return notes
