"""The reform pages: they render, refuse strangers with 404, keep bad input with a Danish message, and let a
rehab-team member see exactly the cases on their team's agendas."""

from django.urls import reverse
from django.utils import timezone

from evne.accounts.models import AccessAction, AccessLogEntry
from evne.reform.models import Departure, Recommendation

from ..conftest import PASSWORD
from .conftest import CONTENT, FLEX


def login(client, user):
    client.login(username=user.username, password=PASSWORD)


def test_it_renders_every_page_of_the_case(client, alice, plan, recommendation):
    login(client, alice)
    case = plan.case
    for name, args in (("web:reform", [case.pk]), ("web:reform_plan", [case.pk, 1]),
                       ("web:reform_plan_edit", [case.pk]), ("web:reform_refer", [case.pk]),
                       ("web:reform_depart", [case.pk, recommendation.pk]), ("web:reform_pension", [case.pk]),
                       ("web:reform_course", [case.pk]), ("web:reform_visitation", [case.pk]),
                       ("web:reform_flex_job", [case.pk]), ("web:reform_ledighedsydelse", [case.pk]),
                       ("web:reform_clarification", [case.pk]),
                       ("web:case_detail", [case.pk])):  # fmt: skip
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_it_answers_404_to_another_municipality(client, charlie, plan, meeting, rehab_team):
    login(client, charlie)
    assert client.get(reverse("web:reform", args=[plan.case_id])).status_code == 404
    assert client.get(reverse("web:rehab_meeting", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("web:rehab_team", args=[rehab_team.pk])).status_code == 404


def test_it_keeps_the_input_and_names_the_field_on_a_bad_plan(client, alice, flex_case, lae_265):
    login(client, alice)
    data = {**CONTENT, "wishes": "", "base_version": 0, "gp_basis": "lae_265", "gp_document_id": lae_265.pk}
    response = client.post(reverse("web:reform_plan_edit", args=[flex_case.pk]), data)
    assert response.status_code == 422
    assert "skal udfyldes" in response.content.decode()
    assert CONTENT["goals"] in response.content.decode()
    assert flex_case.rehab_plans.count() == 0


def test_a_rehab_member_reads_only_cases_on_their_teams_agenda(client, rita, ruth, flex_case, meeting):
    login(client, rita)
    url = reverse("web:case_detail", args=[flex_case.pk])
    assert client.get(url).status_code == 404  # not on an agenda yet
    from evne.reform.services import agenda_add

    agenda_add(actor=rita, meeting=meeting, case=flex_case, referred_on=meeting.held_on)
    assert client.get(url).status_code == 200
    assert AccessLogEntry.objects.filter(user=rita, case=flex_case, action=AccessAction.CASE).exists()
    page = client.get(reverse("web:rehab_meeting", args=[meeting.pk]))
    assert flex_case.number in page.content.decode()
    assert AccessLogEntry.objects.filter(user=rita, case=flex_case, action=AccessAction.LIST).exists()
    client.logout()
    login(client, ruth)  # a member of another team
    assert client.get(url).status_code == 404
    assert client.get(reverse("web:rehab_meeting", args=[meeting.pk])).status_code == 404


def test_the_member_records_the_recommendation_and_the_caseworker_departs(client, alice, rita, item):
    login(client, rita)
    url = reverse("web:rehab_recommend", args=[item.meeting_id, item.pk])
    response = client.post(url, {"kind": "postponement"})
    assert response.status_code == 422
    assert Recommendation.objects.count() == 0
    response = client.post(url, {"kind": "fleksjob", **FLEX})
    assert response.status_code == 302
    rec = Recommendation.objects.get()
    client.logout()
    login(client, alice)
    response = client.post(
        reverse("web:reform_depart", args=[item.case_id, rec.pk]),
        {"departed_on": timezone.localdate().isoformat(), "reason": "Ressourceforløb først."},
    )
    assert response.status_code == 302
    assert Departure.objects.filter(recommendation=rec).exists()
    page = client.get(reverse("web:case_detail", args=[item.case_id])).content.decode()
    assert "genforelægges" in page


def test_the_case_page_says_when_the_team_wants_the_case_back(client, alice, rita, item):
    from evne.reform.services import recommendation_record

    login(client, alice)
    url = reverse("web:case_detail", args=[item.case_id])
    assert "Teamet vil se sagen igen" not in client.get(url).content.decode()
    recommendation_record(actor=rita, item=item, kind="ressourceforlob", wants_case_back=True,
                          presented_for="fortidspension", reasons="Arbejdsevnen kan udvikles.",
                          development_perspective=True, factors="F", goal="G", measures="M", order_of_measures="O",
                          follow_up="Hver 2. måned", mentor="Ja")  # fmt: skip
    assert "Teamet vil se sagen igen" in client.get(url).content.decode()


def test_the_page_shows_a_flex_jobs_end_and_ends_a_period(client, alice, flex_case):
    from evne.reform import services

    today = timezone.localdate()
    job = services.flex_job_record(actor=alice, case=flex_case, employer="Lagerhuset A/S", start_on=today,
                                   hours_per_week="10", accommodation="Pauser")  # fmt: skip
    period = services.ledighedsydelse_record(actor=alice, case=flex_case, start_on=today)
    login(client, alice)
    page = client.get(reverse("web:reform", args=[flex_case.pk])).content.decode()
    end_url = reverse("web:reform_flex_job_end", args=[flex_case.pk, job.pk])
    assert end_url in page
    bad = client.post(end_url, {"ended_on": today.isoformat(), "reason": "other"})
    assert bad.status_code == 422 and not hasattr(job, "end")
    assert client.post(end_url, {"ended_on": today.isoformat(), "reason": "dismissed"}).status_code == 302
    page = client.get(reverse("web:reform", args=[flex_case.pk])).content.decode()
    assert end_url not in page
    assert "Arbejdsgiveren opsagde ansættelsen" in page
    period_url = reverse("web:reform_ledighedsydelse_end", args=[flex_case.pk, period.pk])
    assert client.post(period_url, {"ended_on": today.isoformat()}).status_code == 302
    page = client.get(reverse("web:reform", args=[flex_case.pk])).content.decode()
    assert period_url not in page and f"{today:%d-%m-%Y}–{today:%d-%m-%Y}" in page


def test_the_first_preparatory_part_starts_from_the_resource_profile(client, alice, flex_case):
    from evne.profiles.services import element_save, involvement_record

    involvement_record(actor=alice, case=flex_case, kind="opening_conversation", occurred_on=timezone.localdate(),
                       text="Første samtale.")  # fmt: skip
    fact = {"id": "f1", "text": "Uddannet lagerassistent i 2010.", "source_kind": "conversation",
            "source_detail": "Samtale"}  # fmt: skip
    element_save(actor=alice, case=flex_case, element="education", base_version=0, reason="Første", relevant=True,
                 facts=[fact], resources="Truckcertifikat.", assessment="Min vurdering: kan bruges.",
                 assessment_fact_ids=["f1"])  # fmt: skip
    element_save(actor=alice, case=flex_case, element="work_wishes", base_version=0, reason="Første", relevant=True,
                 citizen_view="Vil gerne arbejde med logistik.")  # fmt: skip
    login(client, alice)
    page = client.get(reverse("web:reform_plan_edit", args=[flex_case.pk]), HTTP_ACCEPT_LANGUAGE="da")
    body = page.content.decode()
    employment = body[body.index('name="employment_resources"') : body.index("</textarea>", body.index(
        'name="employment_resources"'))]  # fmt: skip
    assert "Uddannet lagerassistent i 2010." in employment and "Truckcertifikat." in employment
    assert "Min vurdering" not in body  # the part describes; the caseworker's assessment stays in the profile
    wishes = body[body.index('name="wishes"') : body.index("</textarea>", body.index('name="wishes"'))]
    assert "Vil gerne arbejde med logistik." in wishes


def test_a_new_version_of_the_preparatory_part_starts_from_the_last(client, alice, plan):
    login(client, alice)
    body = client.get(reverse("web:reform_plan_edit", args=[plan.case_id])).content.decode()
    assert plan.goals in body and 'name="base_version" value="1"' in body
