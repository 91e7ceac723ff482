"""The sync API on SQLite and PostgreSQL: once only, both texts kept, deletes final, users apart."""

import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from threading import Barrier

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from lpb.extensions import db
from lpb.models import Client, User
from lpb.sync import services as sync
from tests.api_client import Device, api_token, delete, entry, json_of, put, register
from tests.openapi_check import CheckedClient

EMAIL = "ada@example.org"


@pytest.fixture
def api_app(db_app):
    """Return db_app whose test clients check every API answer against the OpenAPI document."""
    db_app.test_client_class = CheckedClient
    return db_app


def signed_in(app, email: str = EMAIL) -> FlaskClient:
    """Return a test client with a new account, signed in."""
    client = app.test_client()
    assert register(client, email).status_code == 302
    return client


def account(app, email: str = EMAIL) -> tuple[int, dict[str, int]]:
    """Return the user's version and the last mutation id of each of their devices, as stored."""
    with app.app_context():
        user = db.session.scalars(sa.select(User).where(User.email == email)).one()
        clients = db.session.execute(
            sa.select(Client.client_id, Client.last_mutation_id).where(Client.user_id == user.id)
        )
        return user.version, dict(clients.all())


def statuses(response) -> list[str]:
    """Return the status of each mutation in a push answer."""
    assert response.status_code == 200, response.json
    return [result["status"] for result in response.json["results"]]


def live_texts(state: dict[str, dict]) -> dict[str, str | None]:
    """Return the text of each entry that is not deleted, by id."""
    return {key: change.get("text") for key, change in state.items() if not change["deleted"]}


def test_same_batch_three_times_in_a_row_is_applied_once(api_app):
    """A batch sent three times over a flaky network stores each change once."""
    device = Device(signed_in(api_app))
    kept, removed = entry(text="Kept"), entry(text="Removed again")
    batch = [put(1, kept), put(2, removed), delete(3, removed["id"], 0)]

    assert statuses(device.push(batch)) == ["applied"] * 3
    state = device.state()
    for _ in range(2):
        again = device.push(batch)
        assert statuses(again) == ["duplicate"] * 3
        assert again.json["last_mutation_id"] == 3
        assert device.state() == state
    assert account(api_app) == (3, {device.client_id: 3})
    assert live_texts(state) == {kept["id"]: "Kept"}


def test_same_batch_twice_at_once_is_applied_once(api_app):
    """A retry racing its original (two tabs, two connections) stores the batch once."""
    first = signed_in(api_app)
    token, device_id = api_token(first), str(uuid.uuid4())
    second = api_app.test_client()
    cookie = first.get_cookie("lpb")
    assert cookie is not None
    second.set_cookie("lpb", cookie.value)
    batch = [put(mid, entry(text=f"Entry {mid}")) for mid in range(1, 41)]
    barrier = Barrier(2)

    def send(client: FlaskClient):
        """Push the batch as soon as the other thread is ready too."""
        barrier.wait()
        return Device(client, device_id).push(batch, token)

    with ThreadPoolExecutor(2) as pool:
        answers = [future.result() for future in [pool.submit(send, c) for c in (first, second)]]

    outcomes = [set(statuses(answer)) for answer in answers]
    assert outcomes in ([{"applied"}, {"duplicate"}], [{"duplicate"}, {"applied"}])
    state = Device(first).state()
    assert sorted(change["version"] for change in state.values()) == list(range(1, 41))
    texts = [str(text) for text in live_texts(state).values()]
    assert sorted(texts) == sorted(f"Entry {mid}" for mid in range(1, 41))
    assert account(api_app) == (40, {device_id: 40})


def test_response_lost_after_commit_and_retried_makes_no_duplicate(api_app):
    """A device that never heard back sends again: no doubled entry, no false conflict."""
    device = Device(signed_in(api_app))
    note = entry(text="First words")
    device.push([put(1, note)])
    assert live_texts(device.state()) == {note["id"]: "First words"}

    # Never having heard the version, the device bases its next edit on 0 as well.
    edited = {**note, "text": "First words, and more"}
    assert statuses(device.push([put(1, note), put(2, edited)])) == ["duplicate", "applied"]
    state = device.state()
    assert live_texts(state) == {note["id"]: "First words, and more"}
    assert state[note["id"]]["version"] == 2
    assert account(api_app) == (2, {device.client_id: 2})


def test_stale_base_is_a_conflict_that_keeps_both_texts(api_app):
    """Two devices edit the same version: the later one becomes a marked copy, nothing is lost."""
    client = signed_in(api_app)
    phone, laptop = Device(client), Device(client)
    note = entry(text="Morning")
    phone.push([put(1, note)])
    assert statuses(laptop.push([put(1, {**note, "text": "Laptop edit"}, 1)])) == ["applied"]

    answer = phone.push([put(2, {**note, "text": "Phone edit"}, 1)])
    assert statuses(answer) == ["conflict"]
    result = answer.json["results"][0]
    assert (result["entry"]["text"], result["entry"]["version"]) == ("Laptop edit", 2)
    state = phone.state()
    assert live_texts(state) == {note["id"]: "Laptop edit", result["conflict_id"]: "Phone edit"}
    assert state[result["conflict_id"]]["conflict_of"] == note["id"]
    assert state[note["id"]]["conflict_of"] is None

    assert statuses(phone.push([put(2, {**note, "text": "Phone edit"}, 1)])) == ["duplicate"]
    assert phone.state() == state


def test_stale_edit_after_delete_stays_deleted(api_app):
    """An edit made offline to an entry deleted elsewhere does not bring it back."""
    client = signed_in(api_app)
    phone, laptop = Device(client), Device(client)
    note = entry(text="Private")
    phone.push([put(1, note)])
    assert statuses(laptop.push([delete(1, note["id"], 1)])) == ["applied"]

    answer = phone.push([put(2, {**note, "text": "Edited offline"}, 1)])
    assert statuses(answer) == ["deleted"]
    assert answer.json["results"][0]["entry"]["deleted"] is True
    state = phone.state()
    assert list(state) == [note["id"]]
    assert state[note["id"]]["deleted"] is True and "text" not in state[note["id"]]
    assert state[note["id"]]["version"] == 2


def test_stale_delete_after_edit_deletes_and_keeps_the_newer_text_as_a_copy(api_app):
    """A delete based on an older text removes the entry but keeps the text written since."""
    client = signed_in(api_app)
    phone, laptop = Device(client), Device(client)
    note = entry(text="Draft")
    phone.push([put(1, note)])
    assert statuses(laptop.push([put(1, {**note, "text": "Laptop rewrite"}, 1)])) == ["applied"]

    answer = phone.push([delete(2, note["id"], 1)])
    assert statuses(answer) == ["applied"]
    copy_id = answer.json["results"][0]["conflict_id"]
    state = phone.state()
    assert state[note["id"]]["deleted"] is True and "text" not in state[note["id"]]
    assert live_texts(state) == {copy_id: "Laptop rewrite"}
    assert state[copy_id]["conflict_of"] == note["id"]


def test_thousand_changes_in_one_transaction_pulled_fifty_at_a_time_arrive_once(api_app):
    """A new device paging through a large account gets every entry once, oldest first."""
    client = signed_in(api_app)
    ids = [str(uuid.uuid4()) for _ in range(1000)]
    stamp = "2026-11-28T08:00:00.000Z"
    mutations = [
        sync.Mutation(
            number + 1, "put", 0, key, "reflection", {"text": f"Entry {number}"}, stamp, stamp
        )
        for number, key in enumerate(ids)
    ]
    with api_app.app_context():
        user_id = db.session.execute(sa.select(User.id).where(User.email == EMAIL)).scalar_one()
        assert sync.push(user_id, str(uuid.uuid4()), mutations)["version"] == 1000
        db.session.commit()

    pages: list[dict] = []
    since = 0
    while not pages or pages[-1]["has_more"]:
        pages.append(json_of(client.get(f"/api/pull?since={since}&limit=50")))
        since = pages[-1]["cursor"]
    changes = [change for page in pages for change in page["changes"]]
    assert [len(page["changes"]) for page in pages] == [50] * 20
    assert [change["version"] for change in changes] == list(range(1, 1001))
    assert [change["id"] for change in changes] == ids
    assert [change["text"] for change in changes] == [f"Entry {number}" for number in range(1000)]
    assert client.get(f"/api/pull?since={since}&limit=50").json == {
        "changes": [],
        "cursor": 1000,
        "has_more": False,
    }


def test_a_page_of_long_entries_stops_at_a_few_megabytes_and_the_rest_follows(api_app):
    """A large page limit over long entries still answers in pieces of about 4 MiB, losing none."""
    client = signed_in(api_app)
    stamp = "2026-11-28T08:00:00.000Z"
    text = "lang verhaal " * 1500  # 19,500 characters
    mutations = [
        sync.Mutation(
            number + 1, "put", 0, str(uuid.uuid4()), "reflection", {"text": text}, stamp, stamp
        )
        for number in range(300)
    ]
    with api_app.app_context():
        user_id = db.session.execute(sa.select(User.id).where(User.email == EMAIL)).scalar_one()
        sync.push(user_id, str(uuid.uuid4()), mutations)
        db.session.commit()

    first = client.get("/api/pull?since=0&limit=5000")
    assert len(first.data) < sync.MAX_PULL_BYTES + 64 * 1024
    page = json_of(first)
    assert page["has_more"] is True
    rest = json_of(client.get(f"/api/pull?since={page['cursor']}&limit=5000"))
    assert rest["has_more"] is False
    versions = [change["version"] for change in page["changes"] + rest["changes"]]
    assert versions == list(range(1, 301))


CLOCKS = {
    "right": "2026-11-28T08:00:00.000Z",
    "a year ahead": "2027-11-28T08:00:00.000Z",
    "a year behind": "2025-11-28T08:00:00.000Z",
    "1970": "1970-01-01T00:00:00.000Z",
}


def clock_story(app, email: str, phone_clock: str, laptop_clock: str) -> dict:
    """Run the same edits from two devices with the given clocks; return what the server made."""
    client = signed_in(app, email)
    phone, laptop = Device(client), Device(client)
    note, later = str(uuid.uuid4()), str(uuid.uuid4())

    def at(clock: str, key: str, text: str) -> dict:
        """Return an entry stamped with a device's clock."""
        return entry(key, text, created_at=CLOCKS[clock], updated_at=CLOCKS[clock])

    answers = [
        phone.push([put(1, at(phone_clock, note, "Phone first"))]),
        laptop.push([put(1, at(laptop_clock, note, "Laptop edit"), 1)]),
        phone.push([put(2, at(phone_clock, note, "Phone late edit"), 1)]),
        laptop.push([put(2, at(laptop_clock, later, "Laptop second"))]),
        phone.push([delete(3, later, 4)]),
    ]
    copy = answers[2].json["results"][0].get("conflict_id")
    labels = {note: "note", later: "later", copy: "copy"}
    pulled = Device(client).pull_all()
    assert pulled[0]["updated_at"] == CLOCKS[laptop_clock]
    return {
        "results": [statuses(answer) for answer in answers],
        "pulled": [
            (
                labels[change["id"]],
                change["version"],
                change.get("text"),
                change["deleted"],
                labels.get(change["conflict_of"]),
            )
            for change in pulled
        ],
    }


@pytest.mark.parametrize(
    "phone_clock, laptop_clock",
    [
        ("a year ahead", "right"),
        ("right", "a year ahead"),
        ("1970", "right"),
        ("right", "1970"),
        ("1970", "a year ahead"),
        ("a year behind", "1970"),
    ],
)
def test_device_clocks_change_nothing(api_app, phone_clock, laptop_clock):
    """Wrong device clocks neither reorder changes nor decide conflicts: server versions do."""
    skewed = clock_story(api_app, "skewed@example.org", phone_clock, laptop_clock)
    assert skewed == clock_story(api_app, "right@example.org", "right", "right")
    assert skewed == {
        "results": [["applied"], ["applied"], ["conflict"], ["applied"], ["applied"]],
        "pulled": [
            ("note", 2, "Laptop edit", False, None),
            ("copy", 3, "Phone late edit", False, "note"),
            ("later", 5, None, True, None),
        ],
    }


def test_a_user_can_neither_read_nor_write_another_users_entries(api_app):
    """Bob learns nothing of Ada's journal and cannot change it, even knowing her ids."""
    ada_client = signed_in(api_app)
    ada = Device(ada_client)
    secret = entry(text="Ada's secret")
    ada.push([put(1, secret)])
    ada_state, ada_account = ada.state(), account(api_app)
    bob_client = signed_in(api_app, "bob@example.org")
    bob = Device(bob_client)

    answer = bob_client.get(f"/api/entries/{secret['id']}")
    assert answer.status_code == 404 and json_of(answer)["error"] == "not_found"
    assert answer.json == bob_client.get(f"/api/entries/{uuid.uuid4()}").json
    assert b"secret" not in answer.data and secret["id"].encode() not in answer.data
    assert bob.pull_all() == []

    assert statuses(
        bob.push([put(1, {**secret, "text": "Bob was here"}, 1), delete(2, secret["id"], 2)])
    ) == ["applied", "applied"]
    stolen = Device(bob_client, ada.client_id).push([put(2, {**secret, "text": "Bob as Ada"}, 1)])
    assert stolen.status_code == 404 and json_of(stolen)["error"] == "unknown_client"
    assert ada.state() == ada_state and account(api_app) == ada_account
    assert json_of(ada_client.get(f"/api/entries/{secret['id']}"))["text"] == "Ada's secret"
    assert "Bob as Ada" not in json.dumps(bob.state())


@dataclass
class Journal:
    """A signed-in device with one synced entry, to send bad requests from."""

    app: Flask
    client: FlaskClient
    device: Device
    token: str

    def push(self, mutations: list[dict], **kwargs):
        """Push mutations from the device."""
        body = {"client_id": self.device.client_id, "mutations": mutations}
        return self.post_json(body, **kwargs)

    def post_json(self, body: object, **kwargs):
        """Post a JSON body to /api/push."""
        return self.post(json.dumps(body), **kwargs)

    def post(
        self,
        data: str,
        token: str | None = "",
        client: FlaskClient | None = None,
        content_type: str = "application/json",
    ):
        """Post a raw body to /api/push; token "" means this device's token, None means none."""
        headers = {} if token is None else {"X-CSRFToken": token or self.token}
        return (client or self.client).post(
            "/api/push", data=data, content_type=content_type, headers=headers
        )


def new_put(mid: int = 2, **fields) -> dict:
    """Return a put of a new entry that must not be stored."""
    return put(mid, {**entry(text="Must not be stored"), **fields})


def anonymous_push(journal: Journal):
    """Push from a browser that is not signed in, with its own valid CSRF token."""
    stranger = journal.app.test_client()
    return journal.push([new_put()], token=api_token(stranger), client=stranger)


BAD_INPUT = [
    pytest.param(
        lambda j: j.post('{"client_id": '), 400, "invalid_json", "JSON", id="malformed JSON"
    ),
    pytest.param(
        lambda j: j.post_json([new_put()]), 400, "invalid_request", "object", id="body is a list"
    ),
    pytest.param(
        lambda j: j.post_json("push"), 400, "invalid_request", "object", id="body is a string"
    ),
    pytest.param(
        lambda j: j.push([{**new_put(), "mid": "2"}]),
        400,
        "invalid_request",
        "mid",
        id="mid is a string",
    ),
    pytest.param(
        lambda j: j.push([new_put(3), new_put(2)]),
        400,
        "invalid_request",
        "mid",
        id="mids out of order",
    ),
    pytest.param(
        lambda j: j.push([{**new_put(), "base_version": -1}]),
        400,
        "invalid_request",
        "base_version",
        id="negative base version",
    ),
    pytest.param(
        lambda j: j.post_json({"client_id": j.device.client_id, "mutations": new_put()}),
        400,
        "invalid_request",
        "mutations",
        id="mutations is not a list",
    ),
    pytest.param(
        lambda j: j.push(["put"]), 400, "invalid_request", "object", id="mutation is not an object"
    ),
    pytest.param(
        lambda j: j.push([{**new_put(), "op": "upsert"}]),
        400,
        "invalid_request",
        "op",
        id="unknown op",
    ),
    pytest.param(
        lambda j: j.push([new_put(energy=7)]), 400, "invalid_request", "energy", id="energy 7"
    ),
    pytest.param(
        lambda j: j.push([new_put(energy="high")]),
        400,
        "invalid_request",
        "energy",
        id="energy is a string",
    ),
    pytest.param(
        lambda j: j.push([new_put(circles=["work"])]),
        400,
        "invalid_request",
        "circles",
        id="unknown circle",
    ),
    pytest.param(
        lambda j: j.push([new_put(circles="self")]),
        400,
        "invalid_request",
        "circles",
        id="circles is not a list",
    ),
    pytest.param(
        lambda j: j.push([new_put(text=42)]), 400, "invalid_request", "text", id="text is a number"
    ),
    pytest.param(
        lambda j: j.push([new_put(kind="diary")]), 400, "invalid_request", "kind", id="unknown kind"
    ),
    pytest.param(
        lambda j: j.push([new_put(updated_at=None)]),
        400,
        "invalid_request",
        "updated_at",
        id="no updated_at",
    ),
    pytest.param(
        lambda j: j.post_json({"client_id": "phone-1", "mutations": [new_put()]}),
        400,
        "invalid_request",
        "client_id",
        id="client_id is not a UUID",
    ),
    pytest.param(
        lambda j: j.push([new_put(id="12345")]),
        400,
        "invalid_request",
        "id",
        id="entry id is not a UUID",
    ),
    pytest.param(
        lambda j: j.push([delete(2, "../../etc/passwd", 1)]),
        400,
        "invalid_request",
        "id",
        id="deleted id is not a UUID",
    ),
    pytest.param(
        lambda j: j.client.get("/api/entries/not-a-uuid"),
        404,
        "not_found",
        None,
        id="entry address is not a UUID",
    ),
    pytest.param(
        lambda j: j.push([new_put(text="x" * 20_001)]),
        413,
        "entry_too_large",
        "20000",
        id="text of 20,001 characters",
    ),
    pytest.param(
        lambda j: j.push([new_put(mid) for mid in range(2, 503)]),
        413,
        "batch_too_large",
        "500",
        id="501 mutations",
    ),
    pytest.param(
        lambda j: j.push([new_put(text="x" * (4 * 1024 * 1024))]),
        413,
        "request_entity_too_large",
        None,
        id="body over 4 MiB",
    ),
    pytest.param(
        lambda j: j.post(json.dumps({}), content_type="text/plain"),
        415,
        "unsupported_media_type",
        "application/json",
        id="not sent as JSON",
    ),
    pytest.param(
        lambda j: j.push([new_put()], token=None), 400, "csrf_failed", "CSRF", id="no CSRF token"
    ),
    pytest.param(
        lambda j: j.push([new_put()], token=api_token(j.app.test_client())),
        400,
        "csrf_failed",
        "CSRF",
        id="CSRF token of another browser",
    ),
    pytest.param(anonymous_push, 401, "not_signed_in", "sign in", id="not signed in"),
    pytest.param(
        lambda j: j.push([new_put(2), new_put(4)]), 409, "conflict_gap", "missing", id="mid gap"
    ),
    pytest.param(
        lambda j: j.client.get("/api/pull?since=yesterday"),
        400,
        "invalid_request",
        "since",
        id="since is not a number",
    ),
    pytest.param(
        lambda j: j.client.get("/api/pull?limit=0"), 400, "invalid_request", "limit", id="limit 0"
    ),
    pytest.param(
        lambda j: j.client.get("/api/pull?limit=5001"),
        400,
        "invalid_request",
        "limit",
        id="limit over 5000",
    ),
]


@pytest.mark.parametrize("send, status, code, mention", BAD_INPUT)
def test_bad_input_gets_a_clear_json_error_and_changes_nothing(
    api_app, send, status, code, mention
):
    """A bad request is refused with a JSON explanation (never a 500) and stores nothing."""
    client = signed_in(api_app)
    device = Device(client)
    device.push([put(1, entry(text="Already synced"))])
    state, before = device.state(), account(api_app)

    answer = send(Journal(api_app, client, device, api_token(client)))
    assert answer.status_code == status
    assert answer.json["error"] == code
    message = answer.json["message"]
    assert isinstance(message, str) and len(message) > 15 and "<" not in message
    assert mention is None or mention.lower() in message.lower()
    assert device.state() == state
    assert account(api_app) == before


@pytest.mark.parametrize("letter", ["a", "é", "語"])
def test_an_entry_of_twenty_thousand_characters_is_accepted_in_any_script(api_app, letter):
    """The longest text the journal lets you type syncs, whatever the language."""
    device = Device(signed_in(api_app))
    note = entry(text=letter * 20_000)
    assert statuses(device.push([put(1, note)])) == ["applied"]
    assert device.state()[note["id"]]["text"] == letter * 20_000
