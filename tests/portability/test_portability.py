"""Your data is yours: export, import, erasure, backups, and a server that guards every route."""

import base64
import csv
import io
import json
import sqlite3
import threading
import uuid

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from lpb.accounts import recovery
from lpb.extensions import db
from lpb.models import SetAsideEntry, User
from tests.api_client import PASSWORD, Device, api_token, entry, put, register, sign_in
from tests.openapi_check import CheckedClient

EMAIL = "iris@example.org"


@pytest.fixture
def api_app(db_app):
    """Return db_app whose test clients check every API answer against the OpenAPI document."""
    db_app.test_client_class = CheckedClient
    return db_app


def signed_in(app, email=EMAIL):
    """Return a client with a new account, signed in."""
    client = app.test_client()
    assert register(client, email).status_code == 302
    return client


def fill_account(client) -> list[dict]:
    """Push a varied set of entries (a conflict copy included) and return the device's view."""
    first = entry(
        text='Een wandeling met mijn zus.\nTwee regels, een "quote", een komma.',
        circles=["close", "place"],
        energy=4,
        day="2026-11-27",
        question_id="q001",
        question_text="Wat gaf je vandaag energie?",
    )
    mix = {
        "id": str(uuid.uuid4()),
        "kind": "mix",
        "week": "2026-W48",
        "actual": {"paid": 60, "care": 20, "volunteering": 0, "learning": 10, "rest": 10},
        "wished": {"paid": 40, "care": 20, "volunteering": 10, "learning": 10, "rest": 20},
        "created_at": "2026-11-28T09:00:00Z",
        "updated_at": "2026-11-28T09:00:00Z",
    }
    question = {
        "id": str(uuid.uuid4()),
        "kind": "question",
        "text": "Wie zag ik vandaag echt?",
        "circles": ["close"],
        "created_at": "2026-11-28T09:01:00Z",
        "updated_at": "2026-11-28T09:01:00Z",
    }
    phone, laptop = Device(client), Device(client)
    assert phone.push([put(1, first), put(2, mix), put(3, question)]).status_code == 200
    edited = dict(first, text="Edited on the laptop, stale")
    assert laptop.push([put(1, edited, base_version=0)]).json["results"][0]["status"] == "conflict"
    return phone.pull_all()


def export_json(client) -> dict:
    """Download the JSON export."""
    response = client.get("/api/export?format=json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    return json.loads(response.get_data(as_text=True))


def test_export_then_import_into_a_fresh_account_gives_identical_entries(api_app):
    """Everything exported from one account and imported into a new one is the same."""
    anna = signed_in(api_app)
    fill_account(anna)
    exported = export_json(anna)
    assert exported["format"] == "levensloopbaan-export" and exported["version"] == 1
    assert {item["kind"] for item in exported["entries"]} == {"reflection", "mix", "question"}
    assert sum(1 for item in exported["entries"] if item["conflict_of"]) == 1

    bert = signed_in(api_app, "bert@example.org")
    response = bert.post("/api/import", json=exported, headers={"X-CSRFToken": api_token(bert)})
    assert response.json == {"added": 4, "skipped": 0}
    assert export_json(bert)["entries"] == exported["entries"]


def test_importing_the_same_file_twice_changes_nothing(api_app):
    """A second import of the same file adds nothing and moves no version."""
    client = signed_in(api_app)
    fill_account(client)
    exported = export_json(client)
    headers = {"X-CSRFToken": api_token(client)}
    assert client.post("/api/import", json=exported, headers=headers).json == {
        "added": 0,
        "skipped": 4,
    }
    again = Device(client).pull_all()
    assert [change["version"] for change in again] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"format": "something-else", "version": 1, "entries": []}, "not a Levensloopbaan"),
        ({"format": "levensloopbaan-export", "version": 99, "entries": []}, "not supported"),
        ({"format": "levensloopbaan-export", "version": 1, "entries": [{"kind": "x"}]}, "kind"),
        (
            {
                "format": "levensloopbaan-export",
                "version": 1,
                "entries": [entry(), {**entry(), "id": "not-a-uuid"}],
            },
            "entries[1].id",
        ),
    ],
)
def test_bad_imports_are_refused_whole(api_app, body, message):
    """A file that is not our export, or has a bad entry, is refused with a reason; nothing added."""
    client = signed_in(api_app)
    response = client.post("/api/import", json=body, headers={"X-CSRFToken": api_token(client)})
    assert response.status_code == 400
    assert message in response.json["message"]
    assert Device(client).pull_all() == []


def test_markdown_export_reads_by_day_in_the_readers_zone(api_app):
    """The Markdown has a heading per day written out, times in the reader's zone, kinds in words."""
    client = signed_in(api_app)
    fill_account(client)
    response = client.get("/api/export?format=md&lang=nl&tz=Europe/Brussels")
    assert response.mimetype == "text/markdown"
    text = response.get_data(as_text=True)
    assert text.startswith("# Levensloopbaan\n\nGeëxporteerd op ")
    assert "Tijden staan in je eigen tijdzone (Europe/Brussels)." in text
    assert "Export 20" not in text and "T09:" not in text
    assert "## vrijdag 27 november 2026" in text and "## zaterdag 28 november 2026" in text
    assert "### 09:00 · Wat gaf je vandaag energie?" in text
    assert "Een wandeling met mijn zus.\nTwee regels" in text
    assert "*Naasten, Plek en planeet · energie 4 van 5*" in text
    assert "*Conflictkopie*" in text
    assert "### 10:00 · Eigen mix, week van maandag 23 november 2026" in text
    assert "| Betaald werk | 60% | 40% |" in text


@pytest.mark.parametrize(
    ("query", "headers", "heading"),
    [
        ("&lang=en", {"Accept-Language": "nl"}, "Own mix, week of Monday 23 November 2026"),
        ("&lang=nl", {}, "Eigen mix, week van maandag 23 november 2026"),
        ("", {"Accept-Language": "nl-NL,nl;q=0.9"}, "Eigen mix, week van maandag"),
        ("", {"Accept-Language": "de"}, "Own mix, week of Monday"),
    ],
)
def test_markdown_export_speaks_the_readers_language(api_app, query, headers, heading):
    """The Markdown is in the asked language, else the browser's, else English; UTC by default."""
    client = signed_in(api_app)
    fill_account(client)
    text = client.get(f"/api/export?format=md{query}", headers=headers).get_data(as_text=True)
    assert f"### 09:00 · {heading}" in text


def test_markdown_export_follows_the_chosen_language_cookie(api_app):
    """A language chosen in the app (the lpb_lang cookie) wins over the browser's."""
    client = signed_in(api_app)
    fill_account(client)
    client.set_cookie("lpb_lang", "nl")
    text = client.get("/api/export?format=md", headers={"Accept-Language": "en"}).get_data(True)
    assert "Eigen mix, week van maandag 23 november 2026" in text


def test_export_refuses_an_unknown_language(api_app):
    """A lang other than nl or en is a clear 400."""
    client = signed_in(api_app)
    response = client.get("/api/export?format=md&lang=fr")
    assert response.status_code == 400
    assert "lang must be nl or en" in response.json["message"]


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd", "Europe/", "x" * 300])
def test_export_refuses_an_unknown_time_zone(api_app, zone):
    """A tz that names no time zone is a clear 400 in JSON."""
    client = signed_in(api_app)
    response = client.get("/api/export", query_string={"format": "csv", "tz": zone})
    assert response.status_code == 400
    assert "tz must be a time zone" in response.json["message"]


def test_csv_export_has_a_column_per_rating_and_circles_in_words(api_app):
    """The CSV has the columns of docs/export-format.md in the reader's words, one row per entry."""
    client = signed_in(api_app)
    fill_account(client)
    response = client.get("/api/export?format=csv&lang=nl&tz=Europe/Brussels")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert list(rows[0]) == [
        "Datum",
        "Tijd",
        "Soort",
        "Vraag",
        "Tekst",
        "Cirkels",
        "Energie",
        "Zingeving",
        "Betrokkenheid",
        "Details",
        "ID",
    ]
    assert len(rows) == 4
    reflection = next(row for row in rows if row["Vraag"] and not row["Details"])
    assert reflection["Datum"] == "vrijdag 27 november 2026" and reflection["Tijd"] == "09:00"
    assert reflection["Tekst"].startswith('Een wandeling met mijn zus.\nTwee regels, een "quote"')
    assert reflection["Cirkels"] == "Naasten, Plek en planeet" and reflection["Energie"] == "4"
    mix = next(row for row in rows if row["Soort"].startswith("Eigen mix"))
    assert "Zo zou je het willen: Betaald werk 40%" in mix["Details"]
    assert any(row["Soort"] == "Eigen vraag" for row in rows)


def rows_of_user(app, user_id: int, email: str) -> dict[str, int]:
    """Count, in every table, the rows that belong to a user (by user id or email)."""
    counts = {}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            conditions = []
            if "user_id" in table.c:
                conditions.append(table.c.user_id == user_id)
            if "email" in table.c:
                conditions.append(table.c.email == email)
            if table.name == "users":
                conditions.append(table.c.id == user_id)
            assert conditions, f"table {table.name} has no way to tell whose rows these are"
            counts[table.name] = db.session.execute(
                sa.select(sa.func.count()).select_from(table).where(sa.or_(*conditions))
            ).scalar_one()
    return counts


def add_reminders(client, device_id: str) -> None:
    """Give the account a device's push reminder and a calendar feed, through the API."""
    public_key = ec.generate_private_key(ec.SECP256R1()).public_key()
    point = public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    schedule = {"time": "07:30", "days": ["mon", "fri"], "time_zone": "Europe/Brussels"}
    subscription = {
        "endpoint": "https://fcm.googleapis.com/fcm/send/phone",
        "expirationTime": None,
        "keys": {"p256dh": b64url(point), "auth": b64url(bytes(range(16)))},
    }
    device = client.put(
        "/api/reminders/device",
        json={"device_id": device_id, **schedule, "subscription": subscription},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert device.status_code == 201
    feed = client.post(
        "/api/reminders/calendar",
        json={**schedule, "lang": "nl"},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert feed.status_code == 201


def add_guidance(app, client) -> None:
    """Give the account a guide, an open invitation and a reflection shared with the guide."""
    guide = app.test_client()
    assert register(guide, "guide@example.org").status_code == 302
    invitations = [
        client.post("/api/guides/invitations", json={}, headers={"X-CSRFToken": api_token(client)})
        for _ in range(2)
    ]
    accepted = guide.post(invitations[0].json["path"], data={"csrf_token": api_token(guide)})
    link_id = int(accepted.headers["Location"].rsplit("/", 1)[1])
    assert Device(client).push([put(1, entry(shared_with=[link_id]))]).status_code == 200
    # The account guides someone too, and keeps private notes of them (the guide's own record).
    other = app.test_client()
    assert register(other, "olga@example.org").status_code == 302
    invitation = other.post(
        "/api/guides/invitations", json={}, headers={"X-CSRFToken": api_token(other)}
    )
    accepted = client.post(invitation.json["path"], data={"csrf_token": api_token(client)})
    their_link = int(accepted.headers["Location"].rsplit("/", 1)[1])
    notes = client.put(
        f"/api/guide/practice/{their_link}/notes",
        json={"notes": "Mine only"},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert notes.status_code == 200


def b64url(data: bytes) -> str:
    """Return unpadded base64url, as the Push API writes keys."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_deleting_an_account_erases_everything_and_refuses_later_pushes(api_app):
    """After deletion: sign-in fails, no row of the user is left, old sessions push nothing."""
    client = signed_in(api_app)
    other_device = api_app.test_client()
    sign_in(other_device, EMAIL, PASSWORD)
    sign_in(api_app.test_client(), EMAIL, "a wrong guess")
    phone = Device(client)
    fill_account(client)
    add_reminders(client, phone.client_id)
    add_guidance(api_app, client)
    with api_app.app_context():
        user_id = db.session.execute(sa.select(User.id).where(User.email == EMAIL)).scalar_one()
        # Left by the migration that checked old entries: erased with the rest.
        db.session.add(
            SetAsideEntry(
                user_id=user_id,
                id=str(uuid.uuid4()),
                kind="mix",
                body="{}",
                created_at='""',
                reason="week: missing",
            )
        )
        recovery.add_reset_token(user_id, "a reset link's token")
        db.session.commit()
    assert all(rows_of_user(api_app, user_id, EMAIL).values())

    wrong = client.post(
        "/api/account/delete", json={"password": "nope"}, headers={"X-CSRFToken": api_token(client)}
    )
    assert wrong.status_code == 403
    assert rows_of_user(api_app, user_id, EMAIL)["entries"] == 5

    offline_token = api_token(other_device)
    response = client.post(
        "/api/account/delete",
        json={"password": PASSWORD},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert response.json == {"deleted": True}
    assert set(rows_of_user(api_app, user_id, EMAIL).values()) == {0}

    late = Device(other_device, phone.client_id).push([put(4, entry())], token=offline_token)
    assert late.status_code == 401
    assert set(rows_of_user(api_app, user_id, EMAIL).values()) == {0}
    assert sign_in(api_app.test_client(), EMAIL, PASSWORD).status_code == 401


def test_request_size_is_limited(api_app):
    """A body over 4 MiB is refused with a JSON message before it is read."""
    client = signed_in(api_app)
    response = client.post(
        "/api/push",
        data="x" * (4 * 1024 * 1024 + 1),
        headers={"X-CSRFToken": api_token(client), "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json["message"]


PUBLIC_ON_PURPOSE = {
    "/": "the app shell",
    "/journal": "the app shell",
    "/insights": "the app shell",
    "/settings": "the app shell",
    "/privacy": "the app shell",
    "/method": "the app shell",
    "/guidance": "the app shell",
    "/guidance/client": "the app shell",
    "/service-worker.js": "the worker",
    "/manifest.json": "the manifest",
    "/static/<path:filename>": "shell files",
    "/styles.css": "the shell's stylesheets, joined",
    "/api/questions": "the question bank",
    "/api/openapi.json": "the API description",
    "/api/session": "says whether one is signed in",
    "/register": "to create an account",
    "/login": "to sign in",
    "/forgot": "to ask for a reset link",
    "/reset/<token>": "a reset link stands in for the session",
    "/register/confirm/<token>": "a sign-up link, mailed to the address, creates the account",
    "/recover": "a recovery code stands in for the session",
    "/api/signout": "signing out without a session is harmless",
    "/calendar/<token>.ics": "the private calendar feed, opened by its secret token",
    "/guide/accept/<token>": "an invitation asks a visitor to sign in first, then to accept",
}


def test_every_route_needs_a_session_or_is_public_on_purpose(app):
    """Walking the URL map: each route is in the public list, or refuses a visitor without one."""
    client = app.test_client()
    for rule in app.url_map.iter_rules():
        # Shell files, some with the vocabulary written in (lpb/vocabulary.py).
        if rule.rule in PUBLIC_ON_PURPOSE or rule.rule.startswith("/static/"):
            continue
        path = rule.rule.replace("<entry_id>", str(uuid.uuid4()))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method, json={})
            if path.startswith("/api/"):
                assert response.status_code in (400, 401), (method, path, response.status_code)
                assert response.status_code == 401 or response.json["error"] == "csrf_failed"
            else:
                assert response.status_code in (302, 400), (method, path)
                if response.status_code == 302:
                    assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("path", ["/", "/login", "/api/pull", "/api/export"])
def test_hardening_headers(client, path):
    """Every answer forbids framing and powerful features; HSTS comes over HTTPS."""
    for base in ("http://localhost", "https://localhost"):
        headers = client.get(path, base_url=base).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "camera=()" in headers["Permissions-Policy"]
        assert ("Strict-Transport-Security" in headers) == base.startswith("https")


def test_admin_export_command(app):
    """`flask export-user` prints one user's data, in each format."""
    client = signed_in(app)
    fill_account(client)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["export-user", EMAIL.upper()])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["entries"]) == 4
    assert runner.invoke(args=["export-user", EMAIL, "--format", "md"]).output.startswith(
        "# Levensloopbaan"
    )
    dutch = runner.invoke(
        args=["export-user", EMAIL, "--format", "md", "--lang", "nl", "--tz", "Europe/Brussels"]
    ).output
    assert "### 10:00 · Eigen mix, week van maandag 23 november 2026" in dutch
    nowhere = runner.invoke(args=["export-user", EMAIL, "--format", "csv", "--tz", "Nowhere/Land"])
    assert nowhere.exit_code != 0 and "No time zone Nowhere/Land" in nowhere.output
    missing = runner.invoke(args=["export-user", "nobody@example.org"])
    assert missing.exit_code != 0 and "No account" in missing.output


def test_backup_while_writing_restores_every_committed_entry(app, tmp_path):
    """A backup taken while pushes keep coming holds every entry committed before it began."""
    client = signed_in(app)
    device = Device(client)
    token = api_token(client)
    committed: list[str] = []
    stop = threading.Event()

    def keep_writing():
        mid = 0
        while not stop.is_set():
            mid += 1
            item = entry(text=f"entry {mid}")
            if device.push([put(mid, item)], token=token).status_code == 200:
                committed.append(item["id"])

    writer = threading.Thread(target=keep_writing)
    writer.start()
    while len(committed) < 50:
        stop.wait(0.01)
    before = list(committed)
    target = tmp_path / "backup.sqlite"
    result = app.test_cli_runner().invoke(args=["backup", str(target)])
    while len(committed) < len(before) + 20:
        stop.wait(0.01)
    stop.set()
    writer.join()
    assert result.exit_code == 0, result.output

    restored = sqlite3.connect(target)
    assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    ids = {row[0] for row in restored.execute("SELECT id FROM entries")}
    restored.close()
    assert set(before) <= ids
    assert app.test_cli_runner().invoke(args=["backup", str(target)]).exit_code != 0


def test_after_a_restore_devices_are_told_and_resending_known_text_is_harmless(api_app):
    """A cursor beyond the server's versions is refused; a resent identical entry changes nothing."""
    client = signed_in(api_app)
    item = entry(text="Kept through the restore")
    assert Device(client).push([put(1, item)]).status_code == 200
    ahead = client.get("/api/pull?since=5")
    assert ahead.status_code == 409 and ahead.json["error"] == "cursor_ahead"
    # A device that heard of version 5 in a push answer, though its cursor is behind.
    heard = client.get("/api/pull?since=0&seen=5")
    assert heard.status_code == 409 and heard.json["error"] == "cursor_ahead"
    assert client.get("/api/pull?since=0&seen=1").status_code == 200

    resent = Device(client).push([put(1, item, base_version=0)])
    assert resent.json["results"][0] == {
        "mid": 1,
        "id": item["id"],
        "status": "applied",
        "version": 1,
    }
    assert [change["version"] for change in Device(client).pull_all()] == [1]
