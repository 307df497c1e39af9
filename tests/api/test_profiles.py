"""The resource profile over the API: elements and their versions, the method's rules as 400s, stale saves as
409s, history and comparison, the profile at a past moment, presentations, disagreements and decisions,
need-to-know, and bad input that never gives a 500.

Alice owns the case (team A), Bob is on her team, Carol is in team B (reads, never writes), Charlie is in
another municipality (404).
"""

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from evne.accounts.models import AccessAction, AccessChannel, AccessLogEntry
from evne.cases.models import EventKind
from evne.profiles.models import DisagreementDecision, ElementKey, ElementVersion, Hypothesis, ProfilePresentation
from evne.profiles.services import element_save, hypothesis_add, involvement_record, profile_present
from tests.api.conftest import basic

PROFILE = "/api/cases/{case}/profile"
ELEMENT = PROFILE + "/elements/{element}"


def fact(text="Borgeren er uddannet lagerarbejder (AMU, 2004).", kind="conversation", **fields) -> dict:
    return {"text": text, "source_kind": kind, "source_detail": "Samtale 9. marts", **fields}


def element(base_version=0, reason="Første beskrivelse", **fields) -> dict:
    return {"base_version": base_version, "reason": reason, "relevant": True, **fields}


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.fixture
def started(alice, case):
    """The opening conversation is recorded: the profile may be written (bek. 543/2002 § 7, stk. 1)."""
    return involvement_record(
        actor=alice, case=case, kind="opening_conversation", occurred_on=date(2026, 3, 9),
        text="Første samtale om ressourceprofilen.",
    )  # fmt: skip


@pytest.fixture
def save(alice, case, started):
    """Save an element through the service, as Alice unless told otherwise."""

    def do(key="education", base_version=0, actor=None, reason="Første beskrivelse", **values):
        values.setdefault("relevant", True)
        return element_save(
            actor=actor or alice, case=case, element=key, base_version=base_version, reason=reason, **values
        )

    return do


@pytest.fixture
def disagreement(alice, case, save):
    """Education is presented and the citizen disagrees with it: one open disagreement."""
    save(facts=[fact()])
    presentation = profile_present(
        actor=alice,
        case=case,
        presented_on=date(2026, 3, 20),
        method="meeting",
        responses={"education": {"agrees": False, "disagreement": "Borgeren har også et truckførerbevis."}},
    )
    return presentation.responses.get()


def _walk_keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _walk_keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _walk_keys(inner)


# --- saving an element ----------------------------------------------------------------------------------


def test_it_saves_an_element_and_answers_201_with_the_new_version(api_client, alice, case, started):
    body = element(
        facts=[fact(id="aaaa1111")],
        resources="Erfaring med lagerstyring.",
        assessment="Det er min vurdering, at uddannelsen kan bruges.",
        assessment_fact_ids=["aaaa1111"],
    )

    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element="education"), body)

    assert response.status_code == 201, response.content
    version = response.json()
    assert (version["element"], version["number"], version["reason"]) == ("education", 1, "Første beskrivelse")
    assert version["element_label"] == "Education (Uddannelse)"
    assert version["author"] == {"id": alice.pk, "name": "Alice Testesen"}
    assert version["facts"] == [
        {
            "id": "aaaa1111",
            "text": "Borgeren er uddannet lagerarbejder (AMU, 2004).",
            "source_kind": "conversation",
            "source_kind_label": "Conversation with the citizen",
            "source_detail": "Samtale 9. marts",
            "note_id": None,
            "document_id": None,
            "report_id": None,
        }
    ]
    assert version["assessment_fact_ids"] == ["aaaa1111"]
    assert ElementVersion.objects.get().resources == "Erfaring med lagerstyring."
    assert case.events.filter(kind=EventKind.PROFILE_ELEMENT_SAVED).count() == 1


def test_it_saves_an_accommodation_need_with_its_duration(api_client, alice, case, started):
    body = element(
        accommodation_needs="Må ikke løfte over 10 kg.",
        accommodation_duration="temporary",
        accommodation_until="2027-06-30",
    )

    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element="health"), body)

    assert response.status_code == 201, response.content
    assert response.json()["accommodation_duration_label"] == "Temporary (until a date)"
    assert response.json()["accommodation_until"] == "2027-06-30"


def test_it_takes_an_empty_code_as_none_chosen(api_client, alice, case, started):
    body = element(facts=[fact(kind="")], accommodation_duration="")

    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element="education"), body)

    assert response.status_code == 400  # the method's rule, not a malformed request: every fact has a source
    assert response.json()["field"] == "facts.0"


def test_it_refuses_to_start_the_profile_before_the_opening_conversation(api_client, alice, case):
    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element="education"), element())

    assert response.status_code == 400
    assert response.json()["field"] == "involvement"
    assert not ElementVersion.objects.exists()


@pytest.mark.parametrize(
    ("key", "fields", "field"),
    [
        # P2 / R17: a non-relevant element says why, unless obviously not relevant.
        ("interests", {"relevant": False}, "not_relevant_reason"),
        # R18: "other" is justified in writing.
        ("other", {"title": "Kørekort"}, "justification"),
        ("other", {"justification": "Afgørende for job i hjemplejen."}, "title"),
        # P4 / R28: an assessment points at the facts it rests on.
        ("education", {"facts": [fact()], "assessment": "Min vurdering."}, "assessment_fact_ids"),
        (
            "education",
            {"facts": [fact(id="aaaa1111")], "assessment": "Min vurdering.", "assessment_fact_ids": ["bbbb2222"]},
            "assessment_fact_ids",
        ),
        # P6: the citizen's own perspective carries the citizen's view.
        ("work_wishes", {"facts": [fact()]}, "citizen_view"),
        ("performance_expectations", {}, "citizen_view"),
        ("work_identity", {}, "citizen_view"),
        # P9: every fact has a source.
        ("education", {"facts": [{"text": "Borgeren har kørekort."}]}, "facts.0"),
        # P8: an accommodation need carries its duration.
        ("health", {"accommodation_needs": "Må ikke løfte."}, "accommodation_duration"),
        ("health", {"accommodation_needs": "Må ikke.", "accommodation_duration": "temporary"}, "accommodation_until"),
        ("health", {"accommodation_duration": "permanent"}, "accommodation_needs"),
        # C1: an unknown (or unpresented) hypothesis.
        ("adaptability", {"hypothesis_ids": [999]}, "hypothesis_ids"),
        # A version needs a reason.
        ("education", {"reason": "   "}, "reason"),
    ],
)
def test_it_refuses_a_version_that_breaks_a_rule_with_400_naming_the_field(
    api_client, alice, case, started, key, fields, field
):
    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element=key), element(**fields))

    assert response.status_code == 400, response.content
    assert response.json()["field"] == field
    assert response.json()["detail"]
    assert not ElementVersion.objects.exists()


@pytest.mark.parametrize(
    ("key", "fields"),
    [
        ("interests", {"relevant": False, "not_relevant_reason": "Belyser ikke arbejdsevnen."}),
        ("housing_finances", {"relevant": False, "not_relevant_obvious": True}),
        ("other", {"title": "Kørekort", "justification": "Afgørende for job i hjemplejen."}),
        ("work_wishes", {"citizen_view": "Jeg vil gerne arbejde med dyr."}),
    ],
)
def test_it_saves_the_version_that_keeps_the_rule(api_client, alice, case, started, key, fields):
    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element=key), element(**fields))

    assert response.status_code == 201, response.content


def test_it_refuses_a_hypothesis_before_it_was_presented_and_accepts_it_after(api_client, alice, case, save):
    client = api_client(alice)
    body = {"text": "Fast kontaktperson hjælper.", "element": "adaptability"}
    hypothesis = _post(client, PROFILE.format(case=case.pk) + "/hypotheses", body)
    assert hypothesis.status_code == 201
    hypothesis_id = hypothesis.json()["id"]
    assert hypothesis.json()["presented"] is False
    url = ELEMENT.format(case=case.pk, element="adaptability")

    refused = _post(client, url, element(hypothesis_ids=[hypothesis_id]))
    save(facts=[fact()])
    presented = _post(
        client,
        PROFILE.format(case=case.pk) + "/presentations",
        {
            "presented_on": "2026-03-20",
            "method": "phone",
            "responses": {"education": {"agrees": True}},
            "hypothesis_comments": {str(hypothesis_id): "Det tror jeg også."},
        },
    )
    accepted = _post(client, url, element(hypothesis_ids=[hypothesis_id]))

    assert refused.status_code == 400
    assert refused.json()["field"] == "hypothesis_ids"
    assert presented.status_code == 201, presented.content
    assert presented.json()["hypotheses"] == [
        {"hypothesis_id": hypothesis_id, "text": "Fast kontaktperson hjælper.", "citizen_comment": "Det tror jeg også."}
    ]
    assert accepted.status_code == 201
    assert accepted.json()["hypothesis_ids"] == [hypothesis_id]
    profile = client.get(PROFILE.format(case=case.pk)).json()
    assert profile["hypotheses"][0]["presented"] is True
    assert profile["hypotheses"][0]["presented_on"] == "2026-03-20"


# --- versions -------------------------------------------------------------------------------------------


def test_it_refuses_a_stale_base_version_with_409_and_changes_nothing(api_client, alice, bob, case, save):
    save(facts=[fact("Alices første udgave")])
    save(base_version=1, actor=bob, reason="Bob tilføjer", facts=[fact("Bobs ændring")])

    response = _post(
        api_client(alice),
        ELEMENT.format(case=case.pk, element="education"),
        element(base_version=1, reason="Alice gemmer oven i", facts=[fact("Alices ændring")]),
    )

    assert response.status_code == 409
    body = response.json()
    assert "Bob" in body["detail"]
    assert body["changes"]["facts"]["yours"][0]["text"] == "Alices første udgave"
    assert body["changes"]["facts"]["current"][0]["text"] == "Bobs ændring"
    assert list(ElementVersion.objects.order_by("number").values_list("number", "reason")) == [
        (1, "Første beskrivelse"),
        (2, "Bob tilføjer"),
    ]


def test_it_refuses_a_base_version_of_an_element_that_has_none_with_400(api_client, alice, case, started):
    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element="education"), element(base_version=3))

    assert response.status_code == 400
    assert response.json()["field"] == "base_version"
    assert not ElementVersion.objects.exists()


def test_it_refuses_a_base_version_ahead_of_the_current_with_409(api_client, alice, case, save):
    save()

    response = _post(api_client(alice), ELEMENT.format(case=case.pk, element="education"), element(base_version=5))

    assert response.status_code == 409
    assert ElementVersion.objects.count() == 1


def test_it_shows_the_history_newest_first_one_version_and_a_comparison(api_client, alice, case, save):
    save(facts=[fact("Uddannet tømrer.")], resources="Håndværksmæssige færdigheder.")
    save(base_version=1, reason="Ny viden", facts=[fact("Uddannet tømrer.")], resources="Håndværk og ledelse.")
    client = api_client(alice)
    url = ELEMENT.format(case=case.pk, element="education")

    history = client.get(url + "/versions").json()
    first = client.get(url + "/versions/1").json()
    compared = client.get(url + "/compare", {"a": 1, "b": 2}).json()

    assert [(v["number"], v["reason"]) for v in history] == [(2, "Ny viden"), (1, "Første beskrivelse")]
    assert history[0]["resources"] == "Håndværk og ledelse."
    assert first["resources"] == "Håndværksmæssige færdigheder."
    assert (compared["a"]["number"], compared["b"]["number"]) == (1, 2)
    assert compared["b"]["reason"] == "Ny viden"
    rows = {row["label"]: row for row in compared["rows"]}
    assert rows["Resources"]["changed"] is True
    assert rows["Resources"]["old"] == "Håndværksmæssige færdigheder."
    assert rows["Resources"]["new"] == "Håndværk og ledelse."
    assert "+ ledelse." in rows["Resources"]["diff"]
    assert rows["Description (facts with sources)"]["changed"] is False


def test_it_answers_404_for_a_version_that_does_not_exist(api_client, alice, case, save):
    save()
    client = api_client(alice)
    url = ELEMENT.format(case=case.pk, element="education")

    assert client.get(url + "/versions/2").status_code == 404
    assert client.get(url + "/compare", {"a": 1, "b": 2}).status_code == 404
    assert client.get(ELEMENT.format(case=case.pk, element="health") + "/versions/1").status_code == 404
    assert client.get(ELEMENT.format(case=case.pk, element="health") + "/versions").json() == []


# --- the profile ----------------------------------------------------------------------------------------


def test_it_shows_every_element_in_order_even_before_the_profile_is_started(api_client, alice, case):
    profile = api_client(alice).get(PROFILE.format(case=case.pk))

    assert profile.status_code == 200
    body = profile.json()
    assert [e["key"] for e in body["elements"]] == ElementKey.values
    assert all(e["current"] is None and e["relevant"] is None and e["notices"] == [] for e in body["elements"])
    assert (body["involvement"], body["hypotheses"], body["open_disagreements"]) == ([], [], [])
    assert body["at"] is None


def test_it_shows_the_current_versions_with_the_methods_notices(api_client, alice, case, save):
    save(facts=[fact()])
    save(key="health", relevant=False, not_relevant_obvious=True)

    body = api_client(alice).get(PROFILE.format(case=case.pk)).json()

    elements = {e["key"]: e for e in body["elements"]}
    education = elements["education"]
    assert education["label"] == "Education (Uddannelse)"
    assert education["relevant"] is True
    assert education["current"]["number"] == 1
    assert education["current"]["author"]["name"] == "Alice Testesen"
    assert education["current"]["facts"][0]["text"] == "Borgeren er uddannet lagerarbejder (AMU, 2004)."
    assert "No professional assessment yet." in education["notices"]
    assert elements["health"]["relevant"] is False
    assert elements["health"]["notices"] == []
    assert elements["interests"]["current"] is None
    assert [r["kind"] for r in body["involvement"]] == ["opening_conversation"]
    assert body["involvement"][0]["kind_label"] == "Opening conversation with the citizen"


def test_it_has_no_score_anywhere_in_the_profile(api_client, alice, case, disagreement):
    """The law forbids an overall score of the resource profile (bek. 543/2002; seed 001, l. 1634–1644)."""
    body = api_client(alice).get(PROFILE.format(case=case.pk)).json()

    assert not [key for key in _walk_keys(body) if any(w in key for w in ("score", "rank", "total", "points"))]


def test_it_shows_the_profile_as_it_stood_at_a_past_moment(api_client, alice, case, save):
    save(facts=[fact("Før")])
    between = timezone.now()
    save(base_version=1, reason="Senere", facts=[fact("Efter")])
    save(key="health", relevant=False, not_relevant_obvious=True)
    hypothesis_add(actor=alice, case=case, text="Senere antagelse.")
    client = api_client(alice)

    then = client.get(PROFILE.format(case=case.pk), {"at": between.isoformat()}).json()
    now = client.get(PROFILE.format(case=case.pk)).json()
    before = client.get(PROFILE.format(case=case.pk), {"at": "2000-01-01T00:00"}).json()

    then_elements = {e["key"]: e for e in then["elements"]}
    assert then_elements["education"]["current"]["facts"][0]["text"] == "Før"
    assert then_elements["education"]["current"]["number"] == 1
    assert then_elements["health"]["current"] is None
    assert then["hypotheses"] == []
    assert then["at"] is not None
    now_elements = {e["key"]: e for e in now["elements"]}
    assert now_elements["education"]["current"]["facts"][0]["text"] == "Efter"
    assert now_elements["health"]["current"]["number"] == 1
    assert len(now["hypotheses"]) == 1
    assert all(e["current"] is None for e in before["elements"])
    assert before["involvement"] == []


def test_it_shows_a_disagreement_as_open_until_it_was_decided(api_client, alice, case, disagreement):
    client = api_client(alice)
    before_decision = timezone.now()
    decided = _post(
        client,
        PROFILE.format(case=case.pk) + f"/responses/{disagreement.pk}/decision",
        {"outcome": "keep", "explanation": "Truckcertifikatet er udløbet; beskrivelsen fastholdes."},
    )
    assert decided.status_code == 201

    then = client.get(PROFILE.format(case=case.pk), {"at": before_decision.isoformat()}).json()
    now = client.get(PROFILE.format(case=case.pk)).json()

    assert [d["id"] for d in then["open_disagreements"]] == [disagreement.pk]
    assert now["open_disagreements"] == []


# --- involvement, presentations, disagreements --------------------------------------------------------------


def test_it_records_the_opening_conversation(api_client, alice, case):
    response = _post(
        api_client(alice),
        PROFILE.format(case=case.pk) + "/involvement",
        {"kind": "opening_conversation", "occurred_on": "2026-03-09", "text": "Første samtale."},
    )

    assert response.status_code == 201, response.content
    assert response.json()["kind_label"] == "Opening conversation with the citizen"
    assert response.json()["recorded_by"]["id"] == alice.pk
    assert case.events.filter(kind=EventKind.INVOLVEMENT_RECORDED).count() == 1


def test_it_requires_the_consequences_explained_when_the_citizen_will_not_take_part(api_client, alice, case):
    url = PROFILE.format(case=case.pk) + "/involvement"
    body = {"kind": "non_participation", "occurred_on": "2026-03-09", "text": "Nej.", "non_participation": "will_not"}

    refused = _post(api_client(alice), url, body)
    accepted = _post(api_client(alice), url, {**body, "consequences_explained": True})

    assert refused.status_code == 400
    assert refused.json()["field"] == "consequences_explained"
    assert accepted.status_code == 201
    assert accepted.json()["non_participation_label"] == "Will not take part"


def test_it_refuses_an_involvement_date_in_the_future(api_client, alice, case):
    response = _post(
        api_client(alice),
        PROFILE.format(case=case.pk) + "/involvement",
        {"kind": "opening_conversation", "occurred_on": "2999-01-01", "text": "Snart."},
    )

    assert response.status_code == 400
    assert response.json()["field"] == "occurred_on"


def test_it_refuses_a_disagreement_without_its_content_and_records_it_with_it(api_client, alice, case, save):
    save(facts=[fact()])
    save(key="work_wishes", citizen_view="Jeg vil gerne arbejde med dyr.")
    client = api_client(alice)
    url = PROFILE.format(case=case.pk) + "/presentations"
    body = {
        "presented_on": "2026-03-20",
        "method": "meeting",
        "notes": "Gennemgået på mødet.",
        "responses": {"education": {"agrees": True}, "work_wishes": {"agrees": False}},
    }

    refused = _post(client, url, body)
    assert refused.status_code == 400
    assert refused.json()["field"] == "responses.work_wishes"
    assert not ProfilePresentation.objects.exists()

    body["responses"]["work_wishes"]["disagreement"] = "Borgeren ønsker også kontorarbejde."
    accepted = _post(client, url, body)

    assert accepted.status_code == 201, accepted.content
    presentation = accepted.json()
    assert presentation["method_label"] == "Meeting"
    assert [(r["element"], r["number"], r["agrees"]) for r in presentation["responses"]] == [
        ("education", 1, True),
        ("work_wishes", 1, False),
    ]
    open_ = client.get(PROFILE.format(case=case.pk)).json()["open_disagreements"]
    assert [(d["element"], d["disagreement"], d["presented_on"]) for d in open_] == [
        ("work_wishes", "Borgeren ønsker også kontorarbejde.", "2026-03-20")
    ]
    listed = client.get(url).json()
    assert [p["id"] for p in listed] == [presentation["id"]]
    assert listed[0]["responses"][1]["decision"] is None


def test_it_refuses_a_presentation_that_leaves_out_an_element(api_client, alice, case, save):
    save()
    save(key="health", relevant=False, not_relevant_obvious=True)

    response = _post(
        api_client(alice),
        PROFILE.format(case=case.pk) + "/presentations",
        {"presented_on": "2026-03-20", "method": "meeting", "responses": {"education": {"agrees": True}}},
    )

    assert response.status_code == 400
    assert response.json()["field"] == "responses"


def test_it_refuses_to_keep_a_disagreement_without_an_explanation(api_client, alice, case, disagreement):
    url = PROFILE.format(case=case.pk) + f"/responses/{disagreement.pk}/decision"

    response = _post(api_client(alice), url, {"outcome": "keep"})

    assert response.status_code == 400
    assert response.json()["field"] == "explanation"
    assert not DisagreementDecision.objects.exists()


def test_it_keeps_the_description_with_an_explanation(api_client, alice, case, disagreement):
    client = api_client(alice)
    url = PROFILE.format(case=case.pk) + f"/responses/{disagreement.pk}/decision"

    response = _post(client, url, {"outcome": "keep", "explanation": "Certifikatet er udløbet."})

    assert response.status_code == 201, response.content
    decision = response.json()
    assert (decision["outcome"], decision["outcome_label"]) == ("keep", "Keep the description and assessment")
    assert decision["explanation"] == "Certifikatet er udløbet."
    assert decision["amended_number"] is None
    assert decision["decided_by"]["id"] == alice.pk
    assert client.get(PROFILE.format(case=case.pk)).json()["open_disagreements"] == []
    shown = client.get(PROFILE.format(case=case.pk) + "/presentations").json()[0]["responses"][0]["decision"]
    assert shown["explanation"] == "Certifikatet er udløbet."
    again = _post(client, url, {"outcome": "keep", "explanation": "Igen."})
    assert again.status_code == 400


def test_it_records_an_amendment_only_after_the_amended_version_is_saved(api_client, alice, case, disagreement):
    client = api_client(alice)
    url = PROFILE.format(case=case.pk) + f"/responses/{disagreement.pk}/decision"

    too_early = _post(client, url, {"outcome": "amend"})
    _post(
        client,
        ELEMENT.format(case=case.pk, element="education"),
        element(base_version=1, reason="Borgerens indsigelse", facts=[fact(), fact("Har truckførerbevis.")]),
    )
    amended = _post(client, url, {"outcome": "amend"})

    assert too_early.status_code == 400
    assert amended.status_code == 201
    assert amended.json()["amended_number"] == 2


def test_it_answers_404_for_a_response_of_another_case(api_client, alice, citizen, case, disagreement):
    from evne.cases.services import case_open

    other = case_open(
        actor=alice, citizen=citizen, pathway="fleksjob", benefit="ledighedsydelse", help_requested_on=date(2026, 1, 1)
    )

    response = _post(
        api_client(alice),
        PROFILE.format(case=other.pk) + f"/responses/{disagreement.pk}/decision",
        {"outcome": "keep", "explanation": "Forkert sag."},
    )

    assert response.status_code == 404
    assert not DisagreementDecision.objects.exists()


# --- need-to-know ---------------------------------------------------------------------------------------

READS = [
    PROFILE,
    PROFILE + "?at=2026-03-10T12:00",
    ELEMENT,
    ELEMENT + "/versions",
    ELEMENT + "/versions/1",
    ELEMENT + "/compare?a=1&b=1",
    PROFILE + "/presentations",
]
WRITES = [
    (ELEMENT, element(base_version=1, reason="Ikke min sag")),
    (PROFILE + "/involvement", {"kind": "citizen_contribution", "occurred_on": "2026-03-10", "text": "x"}),
    (PROFILE + "/hypotheses", {"text": "Ikke min antagelse."}),
    (PROFILE + "/presentations", {"presented_on": "2026-03-20", "method": "letter", "responses": {}}),
    (PROFILE + "/responses/{response}/decision", {"outcome": "keep", "explanation": "Ikke min sag."}),
]


@pytest.fixture
def ids(case, disagreement):
    return {"case": case.pk, "element": "education", "response": disagreement.pk}


def _nothing_written(case):
    assert ElementVersion.objects.count() == 1
    assert case.profile.involvement.count() == 1
    assert not Hypothesis.objects.exists()
    assert ProfilePresentation.objects.count() == 1
    assert not DisagreementDecision.objects.exists()


@pytest.mark.parametrize("url", READS)
def test_it_answers_404_to_a_reader_from_another_municipality(api_client, charlie, ids, url):
    response = api_client(charlie).get(url.format(**ids))

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert not AccessLogEntry.objects.filter(user=charlie).exists()


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_it_answers_404_to_a_writer_from_another_municipality(api_client, charlie, case, ids, url, body):
    response = _post(api_client(charlie), url.format(**ids), body)

    assert response.status_code == 404
    _nothing_written(case)


@pytest.mark.parametrize("url", READS)
def test_it_lets_another_team_read_and_logs_it_with_channel_api(api_client, carol, case, ids, url):
    response = api_client(carol).get(url.format(**ids))

    assert response.status_code == 200, response.content
    entry = AccessLogEntry.objects.get(user=carol)
    assert (entry.channel, entry.action) == (AccessChannel.API, AccessAction.PROFILE)
    assert (entry.case_id, entry.citizen_id) == (case.pk, case.citizen_id)


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_it_refuses_writes_by_another_team_with_403(api_client, carol, case, ids, url, body):
    response = _post(api_client(carol), url.format(**ids), body)

    assert response.status_code == 403
    assert response.json()["detail"]
    _nothing_written(case)


def test_it_lets_a_teammate_save_an_element(api_client, bob, case, ids):
    response = _post(api_client(bob), ELEMENT.format(**ids), element(base_version=1, reason="Bob supplerer"))

    assert response.status_code == 201
    assert response.json()["author"]["id"] == bob.pk


def test_it_answers_401_without_a_user(case, ids):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")

    for url in READS:
        assert client.get(url.format(**ids)).status_code == 401
    for url, body in WRITES:
        assert _post(client, url.format(**ids), body).status_code == 401
    assert client.get(PROFILE.format(**ids), **basic("alice", "wrong")).status_code == 401
    _nothing_written(case)


def test_it_answers_a_script_with_basic_authentication(case, ids):
    response = Client().get(PROFILE.format(**ids), **basic("alice"))

    assert response.status_code == 200
    assert response.json()["open_disagreements"][0]["id"] == ids["response"]


# --- bad input ------------------------------------------------------------------------------------------

LONG = "x" * 20_001
BAD_BODIES = [
    # (url, raw JSON body, the field a 422 names)
    (ELEMENT, "{not json", ""),
    (ELEMENT, "[]", ""),
    (ELEMENT, '{"reason": "x", "relevant": true}', "base_version"),
    (ELEMENT, json.dumps(element(base_version=-1)), "base_version"),
    (ELEMENT, json.dumps(element(base_version=2**31)), "base_version"),
    (ELEMENT, json.dumps(element(base_version="en")), "base_version"),
    (ELEMENT, '{"base_version": 0, "relevant": true}', "reason"),
    (ELEMENT, '{"base_version": 0, "reason": "x"}', "relevant"),
    (ELEMENT, json.dumps(element(score=7)), "score"),
    (ELEMENT, json.dumps(element(reason="x" * 301)), "reason"),
    (ELEMENT, json.dumps(element(title="x" * 201)), "title"),
    (ELEMENT, json.dumps(element(assessment=LONG)), "assessment"),
    (ELEMENT, json.dumps(element(citizen_view="a\u0000b")), "citizen_view"),
    (ELEMENT, '{"base_version": 0, "reason": "x", "relevant": true, "resources": "a\\ud800b"}', "resources"),
    (ELEMENT, json.dumps(element(facts="Borgeren har kørekort.")), "facts"),
    (ELEMENT, json.dumps(element(facts=["Borgeren har kørekort."])), "facts.0"),
    (ELEMENT, json.dumps(element(facts=[{"source_kind": "conversation"}])), "facts.0.text"),
    (ELEMENT, json.dumps(element(facts=[fact(kind="rygte")])), "facts.0.source_kind"),
    (ELEMENT, json.dumps(element(facts=[fact(note_id=2**64)])), "facts.0.note_id"),
    (ELEMENT, json.dumps(element(facts=[fact(id="x" * 17)])), "facts.0.id"),
    (ELEMENT, json.dumps(element(facts=[fact(text="x" * 5001)])), "facts.0.text"),
    (ELEMENT, json.dumps(element(facts=[fact(colour="blå")])), "facts.0.colour"),
    (ELEMENT, json.dumps(element(accommodation_duration="for evigt")), "accommodation_duration"),
    (ELEMENT, json.dumps(element(accommodation_until="30. juni")), "accommodation_until"),
    (ELEMENT, json.dumps(element(assessment_fact_ids="aaaa1111")), "assessment_fact_ids"),
    (ELEMENT, json.dumps(element(hypothesis_ids=["H1"])), "hypothesis_ids.0"),
    (ELEMENT, json.dumps(element(hypothesis_ids=[0])), "hypothesis_ids.0"),
    (ELEMENT, json.dumps(element(hypothesis_ids=[2**64])), "hypothesis_ids.0"),
    (PROFILE + "/elements/moon", json.dumps(element()), "element"),
    (PROFILE + "/involvement", '{"kind": "chat", "occurred_on": "2026-03-09", "text": "x"}', "kind"),
    (PROFILE + "/involvement", '{"kind": "opening_conversation", "text": "x"}', "occurred_on"),
    (
        PROFILE + "/involvement",
        '{"kind": "non_participation", "occurred_on": "2026-03-09", "text": "x", "non_participation": "maybe"}',
        "non_participation",
    ),
    (PROFILE + "/hypotheses", '{"element": "education"}', "text"),
    (PROFILE + "/hypotheses", '{"text": "x", "element": "moon"}', "element"),
    (PROFILE + "/presentations", '{"presented_on": "2026-03-20", "method": "pigeon", "responses": {}}', "method"),
    (PROFILE + "/presentations", '{"presented_on": "i går", "method": "meeting", "responses": {}}', "presented_on"),
    (PROFILE + "/presentations", '{"presented_on": "2026-03-20", "method": "meeting"}', "responses"),
    (
        PROFILE + "/presentations",
        '{"presented_on": "2026-03-20", "method": "meeting", "responses": {"moon": {"agrees": true}}}',
        "responses.moon.[key]",
    ),
    (
        PROFILE + "/presentations",
        '{"presented_on": "2026-03-20", "method": "meeting", "responses": {"education": {}}}',
        "responses.education.agrees",
    ),
    (
        PROFILE + "/presentations",
        '{"presented_on": "2026-03-20", "method": "meeting", "responses": {"education": true}}',
        "responses.education",
    ),
    (
        PROFILE + "/presentations",
        '{"presented_on": "2026-03-20", "method": "meeting", "responses": {}, "hypothesis_comments": {"H1": "x"}}',
        "hypothesis_comments.H1.[key]",
    ),
    (
        PROFILE + "/presentations",
        '{"presented_on": "2026-03-20", "method": "meeting", "responses": {}, '
        '"hypothesis_comments": {"99999999999999999999": "x"}}',
        "hypothesis_comments.99999999999999999999.[key]",
    ),
    (PROFILE + "/responses/{response}/decision", '{"outcome": "maybe"}', "outcome"),
    (PROFILE + "/responses/{response}/decision", '{"explanation": "x"}', "outcome"),
    (PROFILE + "/responses/0/decision", '{"outcome": "keep", "explanation": "x"}', "response_id"),
]


@pytest.mark.parametrize(("url", "raw", "field"), BAD_BODIES)
def test_it_answers_422_json_naming_the_field_to_bad_input(api_client, alice, case, ids, url, raw, field):
    response = api_client(alice).post(url.format(**ids), raw, content_type="application/json")

    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"].startswith("The request")
    assert field in [e["field"] for e in body["errors"]], body
    assert all(e["message"] for e in body["errors"])
    _nothing_written(case)


@pytest.mark.parametrize(
    ("url", "field"),
    [
        (PROFILE + "?at=yesterday", "at"),
        (PROFILE + "?at=2026-02-30T12:00", "at"),
        (PROFILE + "?at=9999-12-31T23:59:59-05:00", "at"),
        (PROFILE + "?at=0001-01-01T00:00:00%2B05:00", "at"),
        (PROFILE + "?at=%00", "at"),
        ("/api/cases/{case}/profile/elements/moon", "element"),
        ("/api/cases/{case}/profile/elements/Education/versions", "element"),
        ("/api/cases/{case}/profile/elements/moon/versions/1", "element"),
        (ELEMENT + "/versions/0", "number"),
        (ELEMENT + "/versions/abc", "number"),
        (ELEMENT + "/versions/99999999999999999999", "number"),
        (ELEMENT + "/compare?a=1", "b"),
        (ELEMENT + "/compare?a=0&b=1", "a"),
        (ELEMENT + "/compare?a=x&b=1", "a"),
        ("/api/cases/0/profile", "case_id"),
        ("/api/cases/abc/profile/presentations", "case_id"),
    ],
)
def test_it_answers_422_to_bad_path_and_query_parameters(api_client, alice, ids, url, field):
    response = api_client(alice).get(url.format(**ids))

    assert response.status_code == 422, response.content
    assert field in [e["field"] for e in response.json()["errors"]], response.json()


def test_it_names_the_elements_there_are_for_an_unknown_element(api_client, alice, case):
    response = api_client(alice).get(f"/api/cases/{case.pk}/profile/elements/moon/versions")

    assert response.status_code == 422
    assert "'education'" in response.json()["detail"]
    assert "'other'" in response.json()["detail"]


def test_it_reads_a_time_without_a_zone_as_danish_time(api_client, alice, case, save):
    saved = timezone.localtime(save().saved_at).replace(tzinfo=None)
    client = api_client(alice)

    def education_at(moment):
        body = client.get(PROFILE.format(case=case.pk), {"at": moment.isoformat(timespec="seconds")}).json()
        return body["elements"][0]["current"], body["at"]

    after, at = education_at(saved + timedelta(minutes=1))
    before, _at = education_at(saved - timedelta(minutes=1))

    assert after is not None
    assert before is None
    assert at.endswith(("+01:00", "+02:00"))


def test_it_answers_405_in_json_to_a_method_the_path_does_not_take(api_client, alice, case):
    response = api_client(alice).delete(PROFILE.format(case=case.pk))

    assert response.status_code == 405
    assert response.json()["detail"]


def test_a_moment_with_a_zone_no_place_has_is_refused_not_a_server_error(api_client, alice, case):
    # Found by the fuzzer on PostgreSQL: a time zone 22 hours from UTC reached the database, which refused it.
    client = api_client(alice)
    response = client.get(f"/api/cases/{case.pk}/profile", {"at": "0429-06-11T02:45:14.5-22:25"})
    assert response.status_code == 422
    assert client.get(f"/api/cases/{case.pk}/profile", {"at": "2026-06-11T02:45:14+14:00"}).status_code == 200
