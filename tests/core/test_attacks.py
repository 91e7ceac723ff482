"""Hardened against an outside attacker (issue 8, the API's findings): each attack, then the fix."""

import csv
import fcntl
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import request

from lpb import create_app, sqlite_writer
from lpb.extensions import db
from lpb.models import User
from lpb.portability import imports
from lpb.sync import services as sync
from lpb.sync.contract import MAX_IMPORT_ENTRIES
from tests.api_client import Device, api_token, entry, form_token, put, register
from tests.openapi_check import CheckedClient

EMAIL = "ada@example.org"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def api_app(db_app):
    """Return db_app (SQLite, then PostgreSQL) whose clients check answers against the document."""
    db_app.test_client_class = CheckedClient
    return db_app


def signed_in(app, email: str = EMAIL):
    """Return a test client with a new account, signed in."""
    client = app.test_client()
    assert register(client, email).status_code == 302
    return client


def send(client, path: str, body: str):
    """Post a raw JSON body."""
    return client.post(
        path,
        data=body,
        content_type="application/json",
        headers={"X-CSRFToken": api_token(client)},
    )


def export_document(entries: list) -> dict:
    """Return an export document holding entries."""
    return {"format": "levensloopbaan-export", "version": 1, "entries": entries}


def tiny(number: int) -> dict:
    """Return the smallest reflection a device could send."""
    return {
        "id": str(uuid.uuid4()),
        "kind": "reflection",
        "day": "2026-11-28",
        "text": str(number),
        "created_at": "2026-11-28T08:00:00Z",
        "updated_at": "2026-11-28T08:00:00Z",
    }


# (1) One request must not stall everyone.


def lock_waits(app) -> dict[int, list[float]]:
    """Record, by thread, how long each SQLite transaction waited to begin (for the write lock)."""
    waits: dict[int, list[float]] = {}
    with app.app_context():
        engine = db.engine

    @sa.event.listens_for(engine, "before_cursor_execute")
    def before(connection, cursor, statement, *args):
        """Note when a transaction asks to begin."""
        if statement.startswith("BEGIN"):
            connection.info["asked"] = time.monotonic()

    @sa.event.listens_for(engine, "after_cursor_execute")
    def after(connection, cursor, statement, *args):
        """Note how long it waited."""
        if statement.startswith("BEGIN"):
            waited = time.monotonic() - connection.info.pop("asked")
            waits.setdefault(threading.get_ident(), []).append(waited)

    return waits


IMPORTER = """
import json, sys
from lpb import create_app
from tests.api_client import api_token, register
app = create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": sys.argv[1],
                  "INSTANCE_PATH": sys.argv[2]})
client = app.test_client()
register(client, "big@example.org")
body, token = sys.stdin.read(), api_token(client)
print("ready", flush=True)
answer = client.post("/api/import", data=body, content_type="application/json",
                     headers={"X-CSRFToken": token})
print(json.dumps([answer.status_code, answer.json]), flush=True)
"""


def test_a_big_import_stalls_no_one_else(app, tmp_path):
    """While one user imports the most entries allowed, others push and pull, waiting < 1 s."""
    # The import runs in a process of its own, as in another server worker (a thread here would
    # share the GIL). Measured is how long the others' transactions waited for the database;
    # their whole requests only have to finish, on a busy machine too.
    body = json.dumps(export_document([tiny(n) for n in range(MAX_IMPORT_ENTRIES)]))
    # The others push back to back, far faster than a device does: past the push limit per browser.
    app.config["RATE_LIMITS"] = {"push": 1_000_000}
    others = [signed_in(app, f"user{n}@example.org") for n in range(2)]
    waits = lock_waits(app)

    def sync_alongside(client) -> tuple[int, list[tuple[str, int, float]]]:
        """Push and pull as a device would, for as long as the import runs."""
        device, token, timings, mid = Device(client), api_token(client), [], 0
        while importer.poll() is None:
            mid += 1
            begin = time.monotonic()
            pushed = device.push([put(mid, entry())], token=token)
            timings.append(("push", pushed.status_code, time.monotonic() - begin))
            begin = time.monotonic()
            pulled = client.get("/api/pull?since=0&limit=50")
            timings.append(("pull", pulled.status_code, time.monotonic() - begin))
        return threading.get_ident(), timings

    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, app.config["SQLALCHEMY_DATABASE_URI"], str(tmp_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert importer.stdin is not None and importer.stdout is not None
    with importer:
        importer.stdin.write(body)
        importer.stdin.close()
        assert importer.stdout.readline() == "ready\n"
        with ThreadPoolExecutor(2) as pool:
            threads, timings = zip(*pool.map(sync_alongside, others), strict=True)
        status, answer = json.loads(importer.stdout.read())

    assert status == 200 and answer == {"added": MAX_IMPORT_ENTRIES, "skipped": 0}
    requests = [timing for thread in timings for timing in thread]
    assert len(requests) >= 20, "the others must have synced while the import ran"
    assert {status for _, status, _ in requests} == {200}
    assert max(duration for _, _, duration in requests) < 5, "not stalled, even on a busy machine"
    longest_wait = max(wait for thread in threads for wait in waits[thread])
    assert longest_wait < 1.0


def test_an_import_writes_in_short_transactions(app):
    """However big the import, no transaction adds more than one chunk of entries."""
    client = signed_in(app)
    per_transaction = [0]

    def count(connection, cursor, statement, parameters, context, executemany):
        """Count the entries a statement adds to the open transaction."""
        if statement.startswith("INSERT INTO entries"):
            per_transaction[-1] += len(parameters) if executemany else 1

    def next_transaction(connection):
        """Start counting a new transaction."""
        per_transaction.append(0)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", count)
    sa.event.listen(engine, "commit", next_transaction)
    try:
        body = json.dumps(export_document([tiny(n) for n in range(1_000)]))
        assert send(client, "/api/import", body).json == {"added": 1_000, "skipped": 0}
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
        sa.event.remove(engine, "commit", next_transaction)
    assert 0 < max(per_transaction) <= 200
    assert sum(per_transaction) == 1_000


def test_imports_are_limited_per_request_and_per_account(api_app, monkeypatch):
    """Too many entries at once, or more than an account may hold, are refused whole with 413."""
    client = signed_in(api_app)
    too_many = json.dumps(export_document([tiny(0)] * (MAX_IMPORT_ENTRIES + 1)))
    answer = send(client, "/api/import", too_many)
    assert (answer.status_code, answer.json["error"]) == (413, "import_too_large")

    monkeypatch.setattr(imports, "MAX_ACCOUNT_ENTRIES", 10)
    first = [tiny(n) for n in range(8)]
    assert send(client, "/api/import", json.dumps(export_document(first))).json["added"] == 8
    again = send(client, "/api/import", json.dumps(export_document(first)))
    assert again.json == {"added": 0, "skipped": 8}, "what is there already does not count"
    over = send(
        client, "/api/import", json.dumps(export_document(first + [tiny(8), tiny(9), tiny(10)]))
    )
    assert (over.status_code, over.json["error"]) == (413, "import_too_large")
    assert len(Device(client).pull_all()) == 8


def test_a_locked_database_answers_503_busy_with_retry_after(app, tmp_path, monkeypatch):
    """SQLite's write lock held too long gives a retry-able 503, never a 500; reads go on."""
    monkeypatch.setattr(sqlite_writer, "SQLITE_BUSY_TIMEOUT_MS", 100)
    with app.app_context():
        db.engine.dispose()
    client = signed_in(app)
    device, token = Device(client), api_token(client)
    stranger = app.test_client()
    login = {"csrf_token": form_token(stranger, "/login"), "email": EMAIL, "password": "guess"}
    holder = sqlite3.connect(tmp_path / "test.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        busy = device.push([put(1, entry())], token=token)
        assert busy.status_code == 503
        assert busy.json["error"] == "busy" and busy.headers["Retry-After"] == "1"
        assert client.get("/api/pull").status_code == 200
        page = stranger.post("/login", data=login)
        assert page.status_code == 503 and page.headers["Retry-After"] == "1"
        assert page.mimetype == "text/html"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert device.push([put(1, entry())], token=token).status_code == 200


@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_a_write_queue_held_too_long_delays_a_push_but_never_fails_it(
    app, tmp_path, monkeypatch, where
):
    """The queue only orders our writers: a lock file held by a hung process costs a push the
    busy timeout at most, and SQLite itself, free, lets it write."""
    monkeypatch.setattr(sqlite_writer, "SQLITE_BUSY_TIMEOUT_MS", 300)
    with app.app_context():
        db.engine.dispose()
    client = signed_in(app)
    device, token = Device(client), api_token(client)
    hung = os.open(tmp_path / "test.sqlite-writers", os.O_RDWR | os.O_CREAT)
    fcntl.flock(hung, fcntl.LOCK_EX)
    try:
        started = time.monotonic()
        if where == "main thread":  # as in a gunicorn sync worker
            answer = device.push([put(1, entry())], token=token)
        else:  # as in a threaded server
            with ThreadPoolExecutor(1) as pool:
                answer = pool.submit(device.push, [put(1, entry())], token=token).result()
        waited = time.monotonic() - started
    finally:
        os.close(hung)
    assert answer.status_code == 200
    assert 0.3 <= waited < 4
    assert len(device.pull_all()) == 1


def test_a_queued_push_starts_when_the_writer_before_it_commits(app):
    """A waiting writer goes as soon as the one holding the write lock commits, not at a
    timeout."""
    client = signed_in(app)
    device, token = Device(client), api_token(client)
    with app.app_context(), db.engine.connect() as holder:
        holder.exec_driver_sql("UPDATE users SET created_at = created_at")  # holds the lock
        with ThreadPoolExecutor(1) as pool:
            pushing = pool.submit(device.push, [put(1, entry())], token=token)
            time.sleep(0.3)
            assert not pushing.done(), "the push waits for the write lock"
            holder.commit()
            committed = time.monotonic()
            answer = pushing.result()
            waited = time.monotonic() - committed
    assert answer.status_code == 200
    assert waited < 2, "well before the 5 s busy timeout"


# (2) No poison entries, (7) no NUL: each entry kind's body is checked against the contract.

MIX = {
    "kind": '"mix"',
    "week": '"2026-W48"',
    "text": None,
    "circles": None,
    "energy": None,
    "wished": '{"paid": 100, "care": 0, "volunteering": 0, "learning": 0, "rest": 0}',
}
POISON = [
    pytest.param({"energy": "NaN"}, "energy", id="NaN"),
    pytest.param({"energy": "Infinity"}, "energy", id="Infinity"),
    pytest.param({"energy": "-Infinity"}, "energy", id="-Infinity"),
    pytest.param({"text": '"half a pair \\ud83d"'}, "text", id="lone surrogate in text"),
    pytest.param({"text": '"nul \\u0000 byte"'}, "text", id="NUL in text"),
    pytest.param({"created_at": '"2026-11-28\\u0000"'}, "created_at", id="NUL in created_at"),
    pytest.param({"question_id": '"q\\u0000"'}, "question_id", id="NUL in question_id"),
    pytest.param({"mood\\u0000": '"x"'}, "mood", id="NUL in a field name"),
    pytest.param({"day": None}, "day", id="reflection without day"),
    pytest.param({"day": '["2026-11-28"]'}, "day", id="day is a list"),
    pytest.param({"day": "20261128"}, "day", id="day is a number"),
    pytest.param({"day": '"yesterday"'}, "day", id="day is not a date"),
    pytest.param({"text": "null"}, "text", id="text is null"),
    pytest.param({"energy": "true"}, "energy", id="energy is true"),
    pytest.param({"energy": "3.5"}, "energy", id="energy is a fraction"),
    pytest.param({"kantelen_of": '{"id": 1}'}, "kantelen_of", id="kantelen_of is an object"),
    pytest.param({"to_circle": '"work"'}, "to_circle", id="to_circle is no circle"),
    pytest.param({"mood": '{"deep": []}'}, "mood", id="unknown field is an object"),
    pytest.param(
        {"kind": '"question"', "energy": None, "nl": '{"toString": 1}'},
        "nl",
        id="question nl object",
    ),
    pytest.param({"kind": '"question"', "text": '["Wie?"]'}, "text", id="question text is a list"),
    pytest.param(
        {**MIX, "actual": '{"paid": 101, "care": 0, "volunteering": 0, "learning": 0, "rest": 0}'},
        "actual.paid",
        id="mix share over 100",
    ),
    pytest.param({**MIX, "actual": '{"paid": 100}'}, "actual.care", id="mix shares missing"),
    pytest.param({**MIX, "actual": MIX["wished"], "week": "48"}, "week", id="mix week is a number"),
]


def poisoned(changes: dict[str, str | None]) -> str:
    """Return the JSON of a reflection with fields set to raw JSON text (None: left out)."""
    fields: dict[str, str | None] = {key: json.dumps(value) for key, value in entry().items()}
    fields.update(changes)
    return "{" + ", ".join(f'"{key}": {raw}' for key, raw in fields.items() if raw) + "}"


@pytest.mark.parametrize("fields, field", POISON)
def test_poison_is_refused_at_push_naming_the_field(api_app, fields, field):
    """A body that would break a device (or the database) is refused with 400 naming the field."""
    client = signed_in(api_app)
    device = Device(client)
    body = f'{{"client_id": "{device.client_id}", "mutations": [{{"mid": 1, "op": "put", '
    body += f'"base_version": 0, "entry": {poisoned(fields)}}}]}}'
    answer = send(client, "/api/push", body)
    assert answer.status_code == 400, answer.json
    assert answer.json["error"] == "invalid_request"
    assert f"mutations[0].entry.{field}".startswith(answer.json["message"].split(":")[0])
    assert field.split(".")[0] in answer.json["message"]
    assert device.pull_all() == []


@pytest.mark.parametrize("fields, field", POISON)
def test_poison_is_refused_at_import_naming_the_field(api_app, fields, field):
    """The same bodies in an import are refused whole, naming the entry and field."""
    client = signed_in(api_app)
    body = f'{{"format": "levensloopbaan-export", "version": 1, "entries": [{json.dumps(entry())}, '
    body += f"{poisoned(fields)}]}}"
    answer = send(client, "/api/import", body)
    assert answer.status_code == 400, answer.json
    assert answer.json["message"].startswith("entries[1]")
    assert field.split(".")[0] in answer.json["message"]
    assert Device(client).pull_all() == []


@pytest.mark.parametrize(
    "body, field",
    [
        ('{"client_id": "\\u0000", "mutations": []}', "client_id"),
        ('{"client_id": "%s", "mutations": [{"mid": 1, "op": "delete", "id": "a\\u0000"}]}', "id"),
        ('{"client_id": "%s", "mutations": [{"mid": NaN, "op": "delete", "id": "%s"}]}', "mid"),
    ],
    ids=["NUL in client_id", "NUL in a deleted id", "NaN as mid"],
)
def test_nul_and_nan_in_ids_are_refused(api_app, body, field):
    """NUL or NaN anywhere, ids too, is a 400 on SQLite and PostgreSQL alike."""
    client = signed_in(api_app)
    answer = send(client, "/api/push", body.replace("%s", str(uuid.uuid4())))
    assert answer.status_code == 400 and field in answer.json["message"]


@pytest.mark.parametrize(
    "path, status",
    [
        ("/api/pull?since=%00", 400),
        ("/api/pull?limit=1%00", 400),
        ("/api/export?format=json%00", 400),
        ("/api/entries/%00", 404),
    ],
)
def test_nul_in_addresses_is_refused(api_app, path, status):
    """NUL in a query or a path is a clean 4xx on SQLite and PostgreSQL alike."""
    assert signed_in(api_app).get(path).status_code == status


def test_what_the_real_client_writes_is_accepted(api_app):
    """Every shape the app writes syncs: a reflection, a kantelen look, a mix, an own question."""
    device = Device(signed_in(api_app))
    reflection = entry(question_id=None, question_text="", energy=None, circles=[])
    kantelen = entry(
        question_id=None,
        question_text="Hoe ziet dit eruit vanuit de samenleving?",
        kantelen_of=reflection["id"],
        from_circle="self",
        to_circle="society",
    )
    shares = {"paid": 55, "care": 15, "volunteering": 5, "learning": 10, "rest": 15}
    mix = {**entry(), "kind": "mix", "week": "2026-W48", "actual": shares, "wished": shares}
    del mix["text"], mix["circles"], mix["energy"]
    question = {**entry(text="Wat leerde ik?"), "kind": "question", "circles": ["self"]}
    del question["energy"]
    pulled = {**reflection, "version": 3, "deleted": False, "conflict_of": None, "sync": "synced"}
    answer = device.push(
        [put(1, reflection), put(2, kantelen), put(3, mix), put(4, question), put(5, pulled, 1)]
    )
    assert [result["status"] for result in answer.json["results"]] == ["applied"] * 5
    assert {change["kind"] for change in device.pull_all()} == {"reflection", "mix", "question"}


# (6) Deep nesting.


@pytest.mark.parametrize("path", ["/api/push", "/api/import", "/api/account/delete"])
@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_is_invalid_json_not_a_500(api_app, path, depth):
    """JSON nested a thousand (or a hundred thousand) deep gets 400 invalid_json."""
    client = signed_in(api_app)
    answer = send(client, path, '{"entries": ' + "[" * depth + "]" * depth + "}")
    assert (answer.status_code, answer.json["error"]) == (400, "invalid_json")


# (8) Conflict copies cannot be blocked.


def test_an_entry_stored_at_a_conflict_copys_id_does_not_block_the_copy(api_app):
    """Someone who stores an entry with the id a conflict copy would get makes no push fail."""
    client = signed_in(api_app)
    phone, laptop, squatter = Device(client), Device(client), Device(client)
    note = entry(text="Morning")
    phone.push([put(1, note)])
    laptop.push([put(1, {**note, "text": "Laptop edit"}, 1)])
    with api_app.app_context():
        user_id = db.session.execute(sa.select(User.id).where(User.email == EMAIL)).scalar_one()
        predicted = sync.conflict_copy_id(user_id, note["id"], phone.client_id, 2, 0)
    assert squatter.push([put(1, entry(predicted, "Taken first"))]).status_code == 200

    answer = phone.push([put(2, {**note, "text": "Phone edit"}, 1)])
    assert answer.status_code == 200
    result = answer.json["results"][0]
    assert result["status"] == "conflict" and result["conflict_id"] != predicted
    state = phone.state()
    assert state[result["conflict_id"]]["text"] == "Phone edit"
    assert state[predicted]["text"] == "Taken first"
    assert phone.push([put(2, {**note, "text": "Phone edit"}, 1)]).json["results"][0]["status"] == (
        "duplicate"
    )


def test_conflict_copy_ids_depend_on_the_servers_secret(app):
    """The old public namespace let anyone compute a copy's id; the secret makes it unguessable."""
    original, client_id = str(uuid.uuid4()), str(uuid.uuid4())
    with app.test_request_context():
        ours = sync.conflict_copy_id(1, original, client_id, 2, 0)
        app.config["SECRET_KEY"] = "another server"
        theirs = sync.conflict_copy_id(1, original, client_id, 2, 0)
    assert ours != theirs
    assert str(uuid.UUID(ours)) == ours


# (12) Exports that open safely in a spreadsheet and a Markdown viewer.


def test_csv_cells_never_start_a_formula(api_app):
    """Cells starting with = + - @ tab or CR get a leading ' (OWASP CSV injection)."""
    client = signed_in(api_app)
    texts = ['=HYPERLINK("http://evil")', "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "Plain"]
    Device(client).push(
        [put(n + 1, entry(text=text, question_text="=cmd")) for n, text in enumerate(texts)]
    )
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=csv").get_data(True))))
    assert sorted(row["Text"] for row in rows) == sorted(
        ['\'=HYPERLINK("http://evil")', "'+1", "'-2+3", "'@SUM(A1)", "'\tTab", "'\rCR", "Plain"]
    )
    assert {row["Question"] for row in rows} == {"'=cmd"}


def test_markdown_export_escapes_raw_html(api_app):
    """HTML in a text or a question shows as text in a Markdown viewer, it does not run."""
    client = signed_in(api_app)
    Device(client).push(
        [put(1, entry(text="<script>alert(1)</script> & <b>", question_text="<img src=x>"))]
    )
    text = client.get("/api/export?format=md").get_data(as_text=True)
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in text
    assert "### 08:00 · &lt;img src=x&gt;" in text


# (13) Proxies and caches.


def test_a_forwarded_host_is_not_trusted(tmp_path):
    """Behind a trusted proxy the address and scheme are taken from it, the host name never."""
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": tmp_path,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'proxy.sqlite'}",
            "TRUSTED_PROXIES": 1,
        }
    )
    app.add_url_rule("/seen", view_func=lambda: [request.host, request.scheme, request.remote_addr])
    seen = app.test_client().get(
        "/seen",
        headers={
            "X-Forwarded-Host": "evil.example",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.9",
        },
    )
    assert seen.json == ["localhost", "https", "203.0.113.9"]


def test_account_data_is_never_cached(db_app):
    """Every API answer but the public question bank, and the account pages, say no-store."""
    client = signed_in(db_app)
    device = Device(client)
    answers = {
        "push": device.push([put(1, entry())]),
        "bad push": device.push([{"mid": "x"}]),
        "pull": client.get("/api/pull"),
        "session": client.get("/api/session"),
        "entry": client.get(f"/api/entries/{uuid.uuid4()}"),
        "export": client.get("/api/export?format=csv"),
        "openapi": client.get("/api/openapi.json"),
        "unknown": client.get("/api/nothing-here"),
        "account": client.get("/account"),
        "login": db_app.test_client().get("/login"),
        "register": db_app.test_client().get("/register"),
        "signed out": db_app.test_client().get("/api/pull"),
    }
    assert {name: answer.headers.get("Cache-Control") for name, answer in answers.items()} == (
        dict.fromkeys(answers, "no-store")
    )
    assert "public" in client.get("/api/questions").headers["Cache-Control"]
