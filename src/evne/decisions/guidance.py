"""Complaint guidance (klagevejledning), dated versions.

FVL § 25, stk. 1: a decision that can be appealed is, when given in writing, accompanied by guidance naming the
appeal body, how to complain and any deadline — unless it fully grants the request. The guidance must carry no
form requirement: it may not say that a complaint must be written, "og dette bør heller ikke indirekte fremgå via
formuleringer som f.eks. 'klagen sendes til'" (seed 000, L7264–7268). The text below follows the method book's
model (seed 000, L7273–7352) and says outright that a complaint may be made orally.

The appeal body and the deadlines are dated parameters (rules/parameters/appeals.yaml, deadlines.yaml), by date
and area: employment and pension decisions (everything Evne decides) went to Det Sociale Nævn until 31 December
2006, to the beskæftigelsesankenævn from 1 January 2007 and to Ankestyrelsen from 1 July 2013; the social area kept
Det Sociale Nævn until 30 June 2013.
"""

from dataclasses import dataclass
from datetime import date

from evne.rules.parameters import param, value_on

# What must never appear: a demand for written form, directly or indirectly (seed 000, L7264–7268; X8).
FORBIDDEN = (
    "skal være skriftlig",
    "skriftligt til",
    "klagen sendes til",
    "send klagen",
    "send din klage",
    "skriv til",
    "skal sendes",
    "brev til",
    "klageskema",
)


@dataclass(frozen=True)
class Guidance:
    version: str  # e.g. "2013-07-01"
    appeal_body: str
    text: str


def _weeks(on: date) -> int:
    return int(param("deadlines.appeal_weeks", on))


AREAS = {"employment": "appeals.appeal_body", "social": "appeals.appeal_body_social"}


def guidance_for(on: date, area: str = "employment") -> Guidance:
    """The complaint guidance in force on `on` (the decision date) for a decision in `area` (employment — which
    includes pension — or social)."""
    body = value_on(AREAS[area], on)
    if body is None:
        raise ValueError(f"No appeal body is known for {on.isoformat()}.")
    weeks = _weeks(on)
    reconsider = int(param("deadlines.reconsideration_weeks", on))
    text = (
        f"Hvis du ikke er enig i denne afgørelse, kan du klage over den. Du kan klage, som det passer dig: "
        f"mundtligt, for eksempel ved at ringe til os eller komme forbi, eller skriftligt. "
        f"Vi skal have din klage inden {weeks} uger efter, at du har fået denne afgørelse, jf. § 60, stk. 1, og "
        f"§ 67, stk. 1, i lov om retssikkerhed og administration på det sociale område. "
        f"Når vi får din klage, ser vi på sagen igen, jf. § 66 i samme lov. Hvis vi ikke ændrer afgørelsen, giver "
        f"vi klagen videre til {body.value} sammen med vores afgørelse inden {reconsider} uger, og vi fortæller "
        f"dig, at vi har gjort det. Hvis vi ændrer afgørelsen, eller hvis vi har brug for flere oplysninger, "
        f"fortæller vi dig det inden for den samme frist. "
        f"Du har ret til at se din sag (aktindsigt). Spørg os, hvis du vil have hjælp til at klage."
    )
    return Guidance(version=body.since.isoformat(), appeal_body=str(body.value), text=text)


def demands_written_form(text: str) -> list[str]:
    """The forbidden phrasings found in `text` (empty when the guidance is lawful)."""
    lowered = " ".join(text.lower().split())
    return [phrase for phrase in FORBIDDEN if phrase in lowered]
