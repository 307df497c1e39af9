"""The OpenAPI document names each schema once: two models of the same name would share one entry in
`components.schemas`, and the document would describe one of them wrongly (issue 15: four such pairs did)."""

import typing
from collections import defaultdict

from pydantic import BaseModel

from evne.api.api import api


def _models(annotation, seen: set) -> typing.Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        yield annotation
        for field in annotation.model_fields.values():
            yield from _models(field.annotation, seen)
        return
    for arg in typing.get_args(annotation):
        yield from _models(arg, seen)


def _operation_models() -> set[type[BaseModel]]:
    seen: set = set()
    for _, router in api._routers:
        for path_operation in router.path_operations.values():
            for operation in path_operation.operations:
                for model in [*operation.models, *operation.response_models.values()]:
                    list(_models(model, seen))
    return seen


def test_it_gives_every_model_in_the_api_its_own_schema_name():
    by_name = defaultdict(set)
    for model in _operation_models():
        if not model.__module__.startswith("evne."):
            continue  # django-ninja's own wrappers of parameters and responses, never in components
        by_name[model.__name__].add(f"{model.__module__}.{model.__qualname__}")

    duplicates = {name: sorted(where) for name, where in by_name.items() if len(where) > 1}
    assert not duplicates, f"schemas defined twice under one name: {duplicates}"
    assert set(by_name) <= set(api.get_openapi_schema()["components"]["schemas"])


def test_it_accepts_a_follow_up_conversation_as_the_document_describes_it(api_client, alice, case):
    schema = api.get_openapi_schema()
    body_ref = schema["paths"]["/api/cases/{case_id}/follow-ups"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]["$ref"]
    documented = schema["components"]["schemas"][body_ref.rsplit("/", 1)[1]]
    assert {"held_on", "form", "summary", "parties", "interpreter_used"} <= set(documented["properties"])

    response = api_client(alice).post(
        f"/api/cases/{case.pk}/follow-ups",
        {"held_on": "2026-06-01", "form": "phone", "summary": "Samtale om praktik.", "parties": ["employer"]},
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["form"] == "phone"


def test_the_follow_ups_answer_as_the_document_describes_them(api_client, alice, case):
    import jsonschema

    client = api_client(alice)
    client.post(
        f"/api/cases/{case.pk}/follow-ups",
        {"held_on": "2026-06-01", "form": "meeting", "summary": "Samtale.", "parties": ["doctor"]},
        content_type="application/json",
    )
    document = api.get_openapi_schema()
    declared = document["paths"]["/api/cases/{case_id}/follow-ups"]["get"]["responses"][200]["content"]
    schema = {**declared["application/json"]["schema"], "components": document["components"]}

    answer = client.get(f"/api/cases/{case.pk}/follow-ups").json()

    assert len(answer) == 1
    jsonschema.validate(answer, schema)  # raises if the answer is not what the document says
