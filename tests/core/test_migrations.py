"""Migrations on data written before them: bodies repaired or set aside, emails normalised."""

import json
import uuid
from datetime import datetime

import flask_migrate
import sqlalchemy as sa
from pydantic import TypeAdapter

from lpb.extensions import db
from lpb.models import SetAsideEntry, User
from lpb.sync.contract import EntryInput
from tests.api_client import Device, entry, put, register
from tests.openapi_check import CheckedClient

BEFORE_CHECKS = "b20fead1691d"
STAMP = "2026-11-28T08:00:00.000Z"
GOOD = {"text": "Fine", "circles": ["self"], "energy": 3, "day": "2026-11-28"}
# Stored body → the body after the migration (None: set aside). Both databases could store these.
STORED: dict[str, tuple[object, dict | None]] = {
    "good": (GOOD, GOOD),
    "no day": ({"text": "No day"}, {"text": "No day", "day": "2026-11-28"}),
    "day as list": ({**GOOD, "day": ["x"]}, GOOD),
    "day as number": ({**GOOD, "day": 20261128}, GOOD),
    "energy 7": ({**GOOD, "energy": 7}, {key: v for key, v in GOOD.items() if key != "energy"}),
    "object field": ({**GOOD, "mood": {"deep": [1]}}, GOOD),
    "bad circle": ({**GOOD, "circles": ["self", "work", 3]}, GOOD),
    "no text": ({"day": "2026-11-28"}, None),
    "question nl object": (
        {"text": "Wie?", "nl": {"a": 1}, "kind": "question"},
        {"text": "Wie?"},
    ),
    "mix without shares": ({"week": "2026-W48", "kind": "mix"}, None),
}
# What only SQLite could store (PostgreSQL's json type refused it already).
SQLITE_ONLY: dict[str, tuple[str, dict | None]] = {
    "NaN": (
        '{"text": "x", "day": "2026-11-28", "energy": NaN}',
        {"text": "x", "day": "2026-11-28", "energy": None},
    ),
    "NUL and a lone surrogate": (
        '{"text": "a\\u0000b\\ud800c", "day": "2026-11-28"}',
        {"text": "ab\ufffdc", "day": "2026-11-28"},
    ),
    "not an object": ("[1, 2]", None),
}


def test_unchecked_entries_are_repaired_or_set_aside(db_app):
    """After the upgrade every stored entry fits the contract; the unfixable ones are tombstones."""
    client = db_app.test_client()
    register(client, "old@example.org")
    with db_app.app_context():
        flask_migrate.downgrade(revision=BEFORE_CHECKS)
        user_id = db.session.scalar(sa.select(User.id))
        stored = {name: json.dumps(body) for name, (body, _) in STORED.items()}
        expected = {name: after for name, (_, after) in STORED.items()}
        if db.engine.dialect.name == "sqlite":
            stored.update({name: raw for name, (raw, _) in SQLITE_ONLY.items()})
            expected.update({name: after for name, (_, after) in SQLITE_ONLY.items()})
        ids = {name: str(uuid.uuid4()) for name in stored}
        for version, (name, body) in enumerate(stored.items(), start=1):
            kind = json.loads(body).get("kind", "reflection") if body.startswith("{") else "mix"
            db.session.execute(
                sa.text(
                    "INSERT INTO entries (user_id, id, version, kind, body, created_at, updated_at,"
                    " deleted, written_by) VALUES (:user, :id, :version, :kind, :body, :stamp,"
                    " :stamp, false, 'old')"
                ),
                {
                    "user": user_id,
                    "id": ids[name],
                    "version": version,
                    "kind": kind,
                    "body": body,
                    "stamp": STAMP,
                },
            )
        db.session.execute(sa.text("UPDATE users SET version = :v"), {"v": len(stored)})
        db.session.commit()
        flask_migrate.upgrade()

    db_app.test_client_class = CheckedClient
    checked = db_app.test_client()
    checked.set_cookie("lpb", client.get_cookie("lpb").value)
    changes = {change["id"]: change for change in Device(checked).pull_all()}
    names = {entry_id: name for name, entry_id in ids.items()}
    assert len(changes) == len(stored)
    for entry_id, change in changes.items():
        name = names[entry_id]
        after = expected[name]
        if after is None:
            assert change["deleted"] and change["version"] > len(stored), name
            continue
        own = {k: v for k, v in change.items() if k not in ("version", "deleted", "conflict_of")}
        TypeAdapter(EntryInput).validate_python(own)
        kept = {k: v for k, v in own.items() if k not in ("id", "kind", "created_at", "updated_at")}
        assert kept == {k: v for k, v in after.items() if k != "kind"}, name
        assert (change["version"] > len(stored)) == (name != "good"), name
    with db_app.app_context():
        aside = db.session.scalars(sa.select(SetAsideEntry)).all()
        assert {names[row.id] for row in aside} == {
            n for n, after in expected.items() if after is None
        }
        assert all(row.reason and row.body for row in aside)


def test_stored_emails_are_normalised_and_lookalikes_kept_apart(db_app):
    """A Unicode domain or trailing dot is rewritten; where that would merge two accounts, not."""
    with db_app.app_context():
        flask_migrate.downgrade(revision=BEFORE_CHECKS)
        users = sa.table(
            "users",
            sa.column("email", sa.String),
            sa.column("password_hash", sa.String),
            sa.column("version", sa.BigInteger),
            sa.column("created_at", sa.DateTime),
        )
        stored = [
            "anna@bücher.example",
            "bert@example.org.",
            "carla@example.org",
            "carla@example.org.",
        ]
        with db.engine.begin() as connection:
            connection.execute(
                users.insert(),
                [
                    {
                        "email": email,
                        "password_hash": "x",
                        "version": 0,
                        "created_at": datetime(2026, 1, 1),
                    }
                    for email in stored
                ],
            )
        flask_migrate.upgrade()
        emails = set(db.session.scalars(sa.select(User.email)))
    assert emails == {
        "anna@xn--bcher-kva.example",
        "bert@example.org",
        "carla@example.org",
        "carla@example.org.",
    }


def test_upgrading_a_database_in_use_keeps_every_row(db_app):
    """Rebuilding a table on SQLite (batch mode) must not cascade: entries and sessions survive."""
    client = db_app.test_client()
    register(client, "steady@example.org")
    device = Device(client)
    device.push([put(1, entry(text="Written before the upgrade"))])
    with db_app.app_context():
        flask_migrate.downgrade(revision=BEFORE_CHECKS)
        flask_migrate.upgrade()
    assert client.get("/api/session").json["signed_in"] is True
    assert [change["text"] for change in device.pull_all()] == ["Written before the upgrade"]
