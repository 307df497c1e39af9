"""The order for the provider and the citizen's copy of the plan ("Min plan") as PDFs from the case (issue 13, item
8): the content is there in Danish, the full CPR is not, and every download is in the access log and on the
timeline naming which document and which version. Carol (another team) may print; Charlie (another municipality)
gets 404 and no entry."""

from io import BytesIO

from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.cases.models import EventKind, TimelineEvent
from evne.cases.timeline import describe
from evne.plans.services import order_write

from .conftest import order_values


def text_of(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    reader = PdfReader(BytesIO(response.content))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_the_order_prints_for_the_provider_and_the_timeline_names_it(client, alice, case, ordered):
    order_write(actor=alice, activity=ordered, base_version=1, **order_values(purpose="Afklare 20 timer om ugen."))
    client.force_login(alice)

    text = text_of(client.get(reverse("web:plans_order_pdf", args=[case.pk, ordered.pk]) + "?version=1"))

    assert "Kravspecifikation til Lagerhuset A/S" in text and "Version 1" in text
    assert "Afklare om borgeren kan arbejde på lager 15 timer om ugen." in text  # version 1, not the latest
    assert "Afklare 20 timer om ugen." not in text
    assert "Fremmøde, smerter efter længere tids stående arbejde" in text
    assert "Arbejdsmarkedserfaring" in text or "erfaring" in text.lower()  # the elements by their Danish names
    assert "010180-XXXX" in text and "010180-1234" not in text
    assert "labour_market_experience" not in text
    event = TimelineEvent.objects.filter(case=case, kind=EventKind.DOCUMENT_PRINTED).get()
    assert event.data["document"] == "order" and event.data["number"] == 1 and event.actor == alice
    with translation.override("da"):
        assert describe(event) == "Kravspecifikationen (version 1) til Lagerhuset A/S er udskrevet eller hentet."
    entry = AccessLogEntry.objects.filter(user=alice, action=AccessAction.DOCUMENT).latest("at")
    assert entry.case == case and entry.detail == "Kravspecifikation, version 1, til Lagerhuset A/S"


def test_the_citizen_gets_her_plan_written_to_her(client, alice, carol, charlie, case, plan, ordered):
    client.force_login(carol)  # another team of the municipality: reads and prints, changes nothing

    text = text_of(client.get(reverse("web:plans_plan_pdf", args=[case.pk])))

    assert "Min plan" in text and "Din handleplan, version 1" in text
    assert "Vi aftalte planen med dig den 20-03-2026" in text
    assert "Mål 1: Borgeren afprøver lagerarbejde 15 timer om ugen." in text and "Delmål 1.1" in text
    assert "Sådan når vi det: Virksomhedspraktik med mentor." in text
    assert "Mentor hos Lagerhuset A/S" in text or "Lagerhuset A/S" in text
    assert "kontakt din sagsbehandler" in text and "70 00 00 00" in text
    event = TimelineEvent.objects.get(case=case, kind=EventKind.DOCUMENT_PRINTED)
    assert event.data == {"document": "plan", "number": 1, "plan_id": plan.pk} and event.actor == carol
    with translation.override("da"):
        assert "handleplanen (version 1)" in describe(event)
    assert AccessLogEntry.objects.filter(user=carol, action=AccessAction.DOCUMENT, case=case,
                                         detail="Min plan (handleplan), version 1").exists()  # fmt: skip
    client.force_login(charlie)
    assert client.get(reverse("web:plans_plan_pdf", args=[case.pk])).status_code == 404
    assert not AccessLogEntry.objects.filter(user=charlie, case=case).exists()


def test_the_case_page_links_to_both_printouts(client, alice, case, plan, ordered):
    client.force_login(alice)

    page = client.get(reverse("web:case_detail", args=[case.pk])).content.decode()

    assert reverse("web:plans_plan_pdf", args=[case.pk]) in page
    assert reverse("web:plans_order_pdf", args=[case.pk, ordered.pk]) in page
    assert not TimelineEvent.objects.filter(
        case=case, kind=EventKind.DOCUMENT_PRINTED
    ).exists()  # a link prints nothing
