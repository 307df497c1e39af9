"""The citizen's copy of the resource profile as a PDF (bek. 543/2002 § 6 and § 7, stk. 8)."""

import io
from datetime import date

import pytest
from django.utils import timezone
from pypdf import PdfReader

from evne.profiles.models import ElementKey
from evne.profiles.pdf import element_name_da, render_profile_pdf
from evne.profiles.services import disagreement_decide, profile_present

from .conftest import fact

DISAGREEMENT = "Jeg kan godt løfte mere end 10 kg, bare ikke hele dagen."
KEEP_EXPLANATION = "Lægens udtalelse af 2. marts anbefaler at undgå tunge løft, indtil genoptræningen er slut."


def pdf_text(pdf: bytes) -> str:
    """All pages' text with whitespace collapsed, so a sentence broken over two lines still matches."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def present(alice, case, disagree: dict[str, str] | None = None, elements=()):
    disagree = disagree or {}
    responses = {e: {"agrees": e not in disagree, "disagreement": disagree.get(e, "")} for e in elements}
    return profile_present(
        actor=alice, case=case, presented_on=timezone.localdate(), method="meeting", responses=responses
    )


@pytest.fixture
def three_elements(save):
    """Education with facts and sources, the citizen's own work wishes, and health with a temporary skånebehov."""
    save(
        element="education",
        facts=[
            fact("Borgeren er uddannet lagerarbejder (AMU, 2004).", id="f1"),
            fact("Truckcertifikat fra 2010.", kind="citizen_document", detail="Kursusbevis", id="f2"),
        ],
        resources="Erfaren med lagerstyring og truckkørsel.",
        assessment="Uddannelsen kan bruges direkte i lagerjob.",
        assessment_fact_ids=["f1", "f2"],
    )
    save(
        element="work_wishes",
        citizen_view="Jeg vil gerne tilbage til et lager, helst på dagholdet.",
        facts=[fact("Borgeren ønsker lagerarbejde.", detail="Samtale 9. marts")],
    )
    save(
        element="health",
        facts=[fact("Diskusprolaps i lænden 2025.", kind="medical_statement", detail="Lægeattest 2. marts 2026")],
        barriers="Smerter ved langvarige tunge løft.",
        development="Genoptræning hos fysioterapeut.",
        accommodation_needs="Undgå løft over 10 kg.",
        accommodation_duration="temporary",
        accommodation_until=date(2026, 9, 30),
    )


def test_it_renders_the_citizens_profile_with_sources_views_and_the_kept_disagreement(alice, case, three_elements):
    presentation = present(alice, case, {"health": DISAGREEMENT}, ["education", "work_wishes", "health"])
    response = presentation.responses.get(agrees=False)
    disagreement_decide(actor=alice, case=case, response=response, outcome="keep", explanation=KEEP_EXPLANATION)

    pdf = render_profile_pdf(case=case)

    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Ressourceprofil" in text and "Evnekøbing Kommune" in text and "Mette Testrup" in text
    assert case.number in text and "Alice Testesen" in text
    for name in ("Uddannelse", "Arbejdsrelevante ønsker", "Helbred"):
        assert name in text
    assert "Borgeren er uddannet lagerarbejder (AMU, 2004)." in text
    assert "Kilde: Samtale med dig, Samtale 9. marts" in text
    assert "Kilde: Dit eget dokument, Kursusbevis" in text
    assert "Vurderingen bygger på oplysning nr. 1 og 2 i beskrivelsen." in text
    assert "Dit eget syn Jeg vil gerne tilbage til et lager, helst på dagholdet." in text
    assert "Skånehensyn Undgå løft over 10 kg. Varighed: midlertidigt til 30-09-2026" in text
    assert "Du var uenig" in text and DISAGREEMENT in text
    assert "Kommunen fastholder beskrivelsen og vurderingen" in text and KEEP_EXPLANATION in text
    assert "Side 1 af" in text


def test_it_masks_the_cpr_number(case, three_elements):
    text = pdf_text(render_profile_pdf(case=case))
    assert "010180-XXXX" in text
    assert "010180-1234" not in text and "0101801234" not in text


def test_it_shows_elements_in_the_order_of_the_law_and_only_those_described(case, three_elements):
    text = pdf_text(render_profile_pdf(case=case))
    assert text.index("Uddannelse") < text.index("Arbejdsrelevante ønsker") < text.index("Helbred")
    assert "Interesser" not in text and "Sociale kompetencer" not in text


def test_it_shows_why_an_element_is_not_relevant(case, save):
    save(element="housing_finances", relevant=False, not_relevant_reason="Borgeren har fast bolig og ingen gæld.")
    text = pdf_text(render_profile_pdf(case=case))
    assert "Bolig og økonomi Ikke relevant Borgeren har fast bolig og ingen gæld." in text
    assert "Beskrivelse" not in text and "Sagsbehandlerens vurdering" not in text


def test_it_shows_the_profile_as_it_stood_at_a_past_moment(case, save):
    save(facts=[fact("Borgeren har 9. klasse.")])
    between = timezone.now()
    save(base_version=1, reason="Ny oplysning", facts=[fact("Borgeren har 9. klasse og en HF.")])

    then = pdf_text(render_profile_pdf(case=case, at=between))
    assert "Borgeren har 9. klasse." in then and "HF" not in then
    assert f"Profilen, som den så ud den {timezone.localtime(between):%d-%m-%Y}" in then
    assert "Version 1" in then
    now = pdf_text(render_profile_pdf(case=case))
    assert "Borgeren har 9. klasse og en HF." in now and "Version 2" in now and "Udskrevet" in now


def test_it_tells_the_citizen_when_the_municipality_amended_the_element(alice, case, save):
    save(facts=[fact("Borgeren har ingen uddannelse.")])
    presentation = present(alice, case, {"education": "Jeg har et svendebrev som tømrer."}, ["education"])
    save(base_version=1, reason="Borgerens oplysning", facts=[fact("Borgeren er udlært tømrer.")])
    response = presentation.responses.get()
    disagreement_decide(actor=alice, case=case, response=response, outcome="amend")

    text = pdf_text(render_profile_pdf(case=case))
    assert "Borgeren er udlært tømrer." in text and "ingen uddannelse" not in text
    assert "Du var uenig" in text and "Jeg har et svendebrev som tømrer." in text
    assert "Kommunen har rettet elementet" in text and "Kommunen fastholder" not in text


def test_it_says_so_while_the_disagreement_is_undecided(alice, case, save):
    save(facts=[fact("Borgeren har ingen uddannelse.")])
    present(alice, case, {"education": "Jeg har et svendebrev."}, ["education"])
    text = pdf_text(render_profile_pdf(case=case))
    assert "Du var uenig Da profilen blev gennemgået" in text
    assert "Kommunen har endnu ikke taget stilling" in text


def test_it_shows_no_score_rank_or_grade(alice, case, three_elements):
    present(alice, case, elements=["education", "work_wishes", "health"])
    text = pdf_text(render_profile_pdf(case=case)).lower()
    # The only mention of a score is the sentence telling the citizen there is none.
    assert text.count("score") == 1 and "ingen samlet score" in text
    for word in ("point", "rang", "placering", "niveau", "grøn", "gul", "rød"):
        assert f" {word} " not in f" {text} "


def test_it_renders_an_empty_profile(case):
    text = pdf_text(render_profile_pdf(case=case))
    assert "Der er endnu ikke beskrevet noget i din ressourceprofil." in text


def test_it_renders_all_thirteen_elements(case, save):
    for key in ElementKey.values:
        extra = {"title": "Kørekort", "justification": "Kørekort er krav i mange lagerjob."} if key == "other" else {}
        save(
            element=key,
            facts=[fact(f"Oplysning om {key} nr. {n}.", id=f"f{n}") for n in range(1, 4)],
            citizen_view="Mit eget syn på sagen.",
            resources="Ressourcer beskrevet.",
            barriers="Barrierer beskrevet.",
            development="Udviklingsmuligheder beskrevet.",
            missing_information="Afventer udtalelse.",
            assessment="Sagsbehandlerens vurdering.",
            assessment_fact_ids=["f1", "f3"],
            **extra,
        )
    pdf = render_profile_pdf(case=case)

    text = pdf_text(pdf)
    for key in ElementKey.values:
        assert element_name_da(key) in text
    assert "Andet arbejdsmarkedsrelateret: Kørekort" in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
