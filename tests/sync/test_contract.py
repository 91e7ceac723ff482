"""One API contract: the models that check requests are the ones /api/openapi.json describes."""

from pydantic import Field

from lpb.guidance import contracts as contract_guidance
from lpb.guidance import contracts_practice as contract_practice
from lpb.reminders import contracts as contract_reminders
from lpb.sync import contract
from tests.api_client import Device, api_token, entry, put, register


def test_changing_a_request_model_changes_the_document_and_the_checks(app, monkeypatch):
    """A field added to the push model appears in the document and is required at once."""
    client = app.test_client()
    register(client, "ada@example.org")
    before = client.get("/api/openapi.json").json["components"]["schemas"]["PushRequest"]
    assert "device_name" not in before["properties"]

    class PushRequest(contract.PushRequest):
        """The push model with one more required field."""

        device_name: str = Field(max_length=40)

    monkeypatch.setattr(contract, "PushRequest", PushRequest)
    after = client.get("/api/openapi.json").json["components"]["schemas"]["PushRequest"]
    assert after["properties"]["device_name"] == {
        "maxLength": 40,
        "title": "Device Name",
        "type": "string",
    }
    assert after["required"] == [*before["required"], "device_name"]
    assert {key: value for key, value in after["properties"].items() if key != "device_name"} == (
        before["properties"]
    )

    answer = Device(client).push([put(1, entry())])
    assert answer.status_code == 400
    assert answer.json["message"].startswith("device_name:")
    named = client.post(
        "/api/push",
        json={"client_id": Device(client).client_id, "mutations": [], "device_name": "phone"},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert named.status_code == 200


def test_every_request_body_in_the_document_is_a_model_of_the_contract(client):
    """No request body is described by hand: each names a contract model that checks it."""
    document = client.get("/api/openapi.json").json
    bodies = [
        operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        for path in document["paths"].values()
        for operation in path.values()
        if "requestBody" in operation
    ]
    requests = (
        *contract.REQUESTS,
        *contract_reminders.REQUESTS,
        *contract_guidance.REQUESTS,
        *contract_practice.REQUESTS,
    )
    assert set(bodies) == {f"#/components/schemas/{name}" for name in requests}
    answers = (
        *contract.ANSWERS,
        *contract_reminders.ANSWERS,
        *contract_guidance.ANSWERS,
        *contract_practice.ANSWERS,
    )
    for name in (*requests, *answers):
        assert document["components"]["schemas"][name]["title"] == name
