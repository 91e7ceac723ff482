"""Reminders that reach a closed app: Web Push to a real receiver on loopback, and a calendar feed."""

import base64
import json
import os
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import http_ece
import icalendar
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid

from lpb import clock as server_clock
from lpb import create_app
from lpb.extensions import db
from lpb.models import CalendarFeed, PushDevice
from lpb.reminders import webpush
from lpb.reminders.sender import send_due_reminders
from tests.api_client import api_token, register

PUSH_SETTINGS = {
    "VAPID_SUBJECT": "mailto:admin@example.org",
    "PUSH_LOOPBACK_RECEIVER": True,
}
EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def utc(text: str) -> datetime:
    """Return an instant written as 2026-03-29T05:30 (UTC)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def b64url(data: bytes) -> str:
    """Return unpadded base64url, as the Push API writes keys."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class PushReceiver:
    """A push service on loopback that records what it is sent and answers with `status`."""

    def __init__(self):
        self.received: list[dict] = []
        self.status = 201
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"path": self.path, "headers": self.headers, "body": body})
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


class Subscriber:
    """A browser's push subscription: an ECDH P-256 key pair and an auth secret."""

    def __init__(self, receiver: PushReceiver):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.secret = os.urandom(16)
        self.path = f"/push/{uuid.uuid4()}"
        self.endpoint = receiver.origin + self.path
        public = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.keys: dict[str, str | None] = {"p256dh": b64url(public), "auth": b64url(self.secret)}
        self.subscription = {"endpoint": self.endpoint, "expirationTime": None, "keys": self.keys}

    def decrypt(self, body: bytes) -> dict:
        """Decrypt a push (aes128gcm) as the browser does, and read its JSON."""
        plain = http_ece.decrypt(
            body, private_key=self.key, auth_secret=self.secret, version="aes128gcm"
        )
        return json.loads(plain)


@dataclass
class Clock:
    """The API's clock, set by the test."""

    at: datetime


@pytest.fixture
def app(db_app, monkeypatch):
    """Return db_app set up to push to the loopback receiver, with a clock the test sets."""
    db_app.config.update(PUSH_SETTINGS)
    clock = Clock(utc("2026-01-01T12:00"))
    monkeypatch.setattr(server_clock, "now", lambda: clock.at)
    db_app.extensions["clock"] = clock
    return db_app


@pytest.fixture
def receiver():
    """Start a push receiver on loopback."""
    receiver = PushReceiver()
    yield receiver
    receiver.close()


def signed_in(app, email: str = "noor@example.org"):
    """Return a client with a new account, signed in."""
    client = app.test_client()
    assert register(client, email).status_code == 302
    return client


def put_device(client, subscription: dict, device_id: str | None = None, **settings):
    """Register this device's reminder: every day at 07:30 in Brussels unless said otherwise."""
    body = {
        "device_id": device_id or str(uuid.uuid4()),
        "time": "07:30",
        "days": EVERY_DAY,
        "time_zone": "Europe/Brussels",
        "skip_when_written": False,
        "subscription": subscription,
        **settings,
    }
    return client.put(
        "/api/reminders/device", json=body, headers={"X-CSRFToken": api_token(client)}
    )


def send(app, at: str) -> int:
    """Run the sender as the CLI does, at an instant in UTC."""
    with app.app_context():
        return send_due_reminders(utc(at)).sent


def pushed_days(receiver: PushReceiver, subscriber: Subscriber) -> list[str]:
    """Return the day of every reminder the subscriber received, decrypted."""
    return [
        subscriber.decrypt(request["body"])["day"]
        for request in receiver.received
        if request["path"] == subscriber.path
    ]


def registered(app, receiver, saved_at: str, **settings) -> tuple:
    """Return a signed-in client and a subscriber whose reminder was saved at saved_at."""
    app.extensions["clock"].at = utc(saved_at)
    client = signed_in(app)
    subscriber = Subscriber(receiver)
    response = put_device(client, subscriber.subscription, **settings)
    assert response.status_code == 201, response.json
    return client, subscriber, response.json["device_id"]


def test_a_due_reminder_is_pushed_once_encrypted_and_signed(app, receiver):
    """At its minute the device gets one push it can decrypt, signed with the server's VAPID key."""
    client, subscriber, device_id = registered(app, receiver, "2026-11-29T12:00")
    public_key = client.get("/api/reminders/vapid-public-key").json["public_key"]

    assert send(app, "2026-11-30T06:29") == 0
    assert send(app, "2026-11-30T06:30") == 1
    assert send(app, "2026-11-30T06:31") == 0
    assert send(app, "2026-11-30T08:00") == 0

    [push] = receiver.received
    assert subscriber.decrypt(push["body"]) == {"type": "reminder", "day": "2026-11-30"}
    assert push["headers"]["Content-Encoding"] == "aes128gcm"
    assert int(push["headers"]["TTL"]) > 0
    authorization = push["headers"]["Authorization"]
    assert authorization.startswith("vapid t=") and authorization.endswith(f",k={public_key}")
    assert Vapid.verify(authorization)
    token = authorization.split("t=", 1)[1].split(",", 1)[0]
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["aud"] == receiver.origin
    assert claims["sub"] == "mailto:admin@example.org"
    assert client.get(f"/api/reminders/device/{device_id}").json["subscribed"] is True


def test_two_senders_at_once_push_each_reminder_once(app, receiver):
    """Two sender processes on one database: every device still gets exactly one push."""
    app.extensions["clock"].at = utc("2026-11-29T12:00")
    client = signed_in(app)
    subscribers = [Subscriber(receiver) for _ in range(6)]
    for subscriber in subscribers:
        assert put_device(client, subscriber.subscription).status_code == 201
    other = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": app.instance_path,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            **PUSH_SETTINGS,
        }
    )
    start = threading.Barrier(2)
    sent = []

    def sender(sender_app):
        start.wait()
        sent.append(send(sender_app, "2026-11-30T06:30"))

    threads = [threading.Thread(target=sender, args=(each,)) for each in (app, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with other.app_context():
        db.engine.dispose()

    assert sum(sent) == 6
    assert sorted(push["path"] for push in receiver.received) == sorted(
        subscriber.path for subscriber in subscribers
    )
    assert all(pushed_days(receiver, s) == ["2026-11-30"] for s in subscribers)


# (local time, [(sender runs at, in UTC, the day pushed then or None)]) in Europe/Brussels,
# whose clocks go forward on 29 March 2026 (02:00 → 03:00) and back on 25 October (03:00 → 02:00).
DST_CASES = {
    "07:30 stays 07:30 local in spring": (
        "07:30",
        [
            ("2026-03-28T06:29", None),
            ("2026-03-28T06:30", "2026-03-28"),
            ("2026-03-29T05:29", None),
            ("2026-03-29T05:30", "2026-03-29"),
            ("2026-03-29T06:30", None),
        ],
    ),
    "07:30 stays 07:30 local in autumn": (
        "07:30",
        [
            ("2026-10-24T05:30", "2026-10-24"),
            ("2026-10-25T05:30", None),
            ("2026-10-25T06:29", None),
            ("2026-10-25T06:30", "2026-10-25"),
        ],
    ),
    "02:30 does not exist in spring: sent at 03:00": (
        "02:30",
        [
            ("2026-03-29T00:59", None),
            ("2026-03-29T01:00", "2026-03-29"),
            ("2026-03-29T01:30", None),
            ("2026-03-30T00:30", "2026-03-30"),
        ],
    ),
    "02:30 happens twice in autumn: sent once": (
        "02:30",
        [
            ("2026-10-25T00:29", None),
            ("2026-10-25T00:30", "2026-10-25"),
            ("2026-10-25T01:30", None),
            ("2026-10-26T01:30", "2026-10-26"),
        ],
    ),
}


@pytest.mark.parametrize("local_time, steps", DST_CASES.values(), ids=DST_CASES.keys())
def test_reminders_keep_local_time_across_daylight_saving_changes(app, receiver, local_time, steps):
    """A reminder follows the wall clock in its zone, through the gap and the repeated hour."""
    _, subscriber, _ = registered(app, receiver, "2026-03-01T12:00", time=local_time)
    for at, day in steps:
        before = pushed_days(receiver, subscriber)
        send(app, at)
        assert pushed_days(receiver, subscriber) == before + ([day] if day else []), at


CATCH_UP_CASES = {
    "sender down 1h59: still sent": ("07:30", EVERY_DAY, "2026-11-29T12:00", "2026-11-30T08:29", "2026-11-30"),
    "sender down 2h01: too late": ("07:30", EVERY_DAY, "2026-11-29T12:00", "2026-11-30T08:31", None),
    "late evening, caught up after midnight": ("23:30", EVERY_DAY, "2026-11-29T12:00", "2026-11-30T23:10", "2026-11-30"),
    "saved after its minute: not sent that day": ("07:30", EVERY_DAY, "2026-11-30T07:00", "2026-11-30T07:01", None),
    "a day not chosen": ("07:30", ["sat", "sun"], "2026-11-29T12:00", "2026-11-30T06:30", None),
}  # fmt: skip


@pytest.mark.parametrize(
    "local_time, days, saved_at, run_at, day", CATCH_UP_CASES.values(), ids=CATCH_UP_CASES.keys()
)
def test_a_missed_minute_is_caught_up_for_two_hours(
    app, receiver, local_time, days, saved_at, run_at, day
):
    """A sender that was down sends a reminder whose minute passed less than two hours ago."""
    _, subscriber, _ = registered(app, receiver, saved_at, time=local_time, days=days)
    send(app, run_at)
    assert pushed_days(receiver, subscriber) == ([day] if day else [])


@pytest.mark.parametrize("status, forgotten", [(410, True), (404, True), (400, False)])
def test_a_subscription_the_push_service_forgot_is_dropped(
    app, receiver, caplog, status, forgotten
):
    """404 and 410 mean the subscription is gone: the server forgets it; other errors are logged."""
    client, _, device_id = registered(app, receiver, "2026-11-29T12:00")
    receiver.status = status
    assert send(app, "2026-11-30T06:30") == 0
    receiver.status = 201
    assert send(app, "2026-11-30T06:31") == 0
    assert len(receiver.received) == 1
    assert client.get(f"/api/reminders/device/{device_id}").json["subscribed"] is not forgotten
    assert ("Push to http://127.0.0.1" in caplog.text) is not forgotten
    send(app, "2026-12-01T06:30")
    assert len(receiver.received) == (1 if forgotten else 2)


@pytest.mark.parametrize("status", [429, 503])
def test_a_busy_push_service_gets_the_reminder_again_next_minute(app, receiver, status):
    """When the push service answers 429 or 5xx it did not take the push: the next run retries."""
    _, subscriber, _ = registered(app, receiver, "2026-11-29T12:00")
    receiver.status = status
    assert send(app, "2026-11-30T06:30") == 0
    receiver.status = 201
    assert send(app, "2026-11-30T06:31") == 1
    assert send(app, "2026-11-30T06:32") == 0
    assert len(receiver.received) == 2
    assert subscriber.decrypt(receiver.received[-1]["body"])["day"] == "2026-11-30"


def test_no_reminder_once_todays_reflection_is_written(app, receiver):
    """With skip_when_written, telling the server "written today" silences that day only."""
    client, subscriber, _ = registered(app, receiver, "2026-11-29T12:00", skip_when_written=True)
    laptop = Subscriber(receiver)
    assert put_device(client, laptop.subscription).status_code == 201
    app.extensions["clock"].at = utc("2026-11-30T06:00")
    response = client.post(
        "/api/reminders/written-today",
        json={"day": "2026-11-30"},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert response.status_code == 200 and response.json == {"day": "2026-11-30"}

    send(app, "2026-11-30T06:30")
    send(app, "2026-12-01T06:30")
    assert pushed_days(receiver, subscriber) == ["2026-12-01"]
    assert pushed_days(receiver, laptop) == ["2026-11-30", "2026-12-01"]


@pytest.mark.parametrize("day", ["2026-11-28", "2026-12-02", "30-11-2026", "2026-02-30", None])
def test_written_today_takes_only_todays_date(app, day):
    """A day that cannot be today anywhere on Earth is refused, naming the field."""
    client = signed_in(app)
    app.extensions["clock"].at = utc("2026-11-30T12:00")
    response = client.post(
        "/api/reminders/written-today",
        json={"day": day},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert response.status_code == 400
    assert "day" in response.json["message"]


def feed_body(**settings) -> dict:
    """Return a calendar feed request: Monday, Wednesday and Friday at 07:30 in Brussels."""
    return {
        "time": "07:30",
        "days": ["mon", "wed", "fri"],
        "time_zone": "Europe/Brussels",
        "lang": "nl",
        **settings,
    }


@dataclass
class FeedEvent:
    """A feed's one event, as a calendar app reads it."""

    start: datetime
    tzid: str
    rrule: dict[str, list[str]]
    summary: str
    url: str
    alarms: int


def read_feed(app, url: str) -> FeedEvent:
    """Fetch a feed as a calendar app does (no session) and return its one event, parsed."""
    response = app.test_client().get(urlsplit(url).path)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.data)
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Brussels"
    [event] = calendar.walk("VEVENT")
    start = event["DTSTART"]
    assert isinstance(start, icalendar.vDDDTypes) and isinstance(start.dt, datetime)
    rrule = {
        key: [str(value) for value in values] for key, values in event.decoded("RRULE").items()
    }
    alarms = len(event.walk("VALARM"))
    return FeedEvent(
        start.dt, start.params["TZID"], rrule, str(event["SUMMARY"]), str(event["URL"]), alarms
    )


def test_calendar_feed_repeats_the_reminder_at_local_time(app):
    """The private feed is a weekly event on the chosen days, at 07:30 Brussels time."""
    client = signed_in(app)
    app.extensions["clock"].at = utc("2026-11-28T10:00")
    made = client.post(
        "/api/reminders/calendar", json=feed_body(), headers={"X-CSRFToken": api_token(client)}
    )
    assert made.status_code == 201
    assert made.json["url"].startswith("http://localhost/calendar/")
    assert len(urlsplit(made.json["url"]).path.rsplit("/", 1)[1]) >= 43  # 256 bits

    event = read_feed(app, made.json["url"])
    start = event.start
    assert event.tzid == "Europe/Brussels"
    assert (start.hour, start.minute) == (7, 30)
    assert str(start.tzinfo) == "Europe/Brussels"
    assert start.date().isoformat() == "2026-11-30"  # the first chosen day
    assert event.rrule["FREQ"] == ["WEEKLY"]
    assert event.rrule["BYDAY"] == ["MO", "WE", "FR"]
    assert event.summary == "Levensloopbaan — je vraag van vandaag"
    assert event.url == "http://localhost/"
    assert event.alarms
    assert client.get("/api/reminders/calendar").json == {
        "time": "07:30",
        "days": ["mon", "wed", "fri"],
        "time_zone": "Europe/Brussels",
        "lang": "nl",
    }


def test_calendar_feed_changes_keep_or_rotate_its_address(app):
    """PUT keeps the address; POST rotates it and DELETE revokes it: old addresses answer 404."""
    client = signed_in(app)
    first = client.post(
        "/api/reminders/calendar", json=feed_body(), headers={"X-CSRFToken": api_token(client)}
    ).json["url"]
    changed = client.put(
        "/api/reminders/calendar",
        json=feed_body(time="21:15", days=["sun"], lang="en"),
        headers={"X-CSRFToken": api_token(client)},
    )
    assert changed.status_code == 200
    event = read_feed(app, first)
    assert (event.start.hour, event.start.minute) == (21, 15)
    assert event.rrule["BYDAY"] == ["SU"]
    assert event.summary == "Levensloopbaan — your question for today"

    second = client.post(
        "/api/reminders/calendar", json=feed_body(), headers={"X-CSRFToken": api_token(client)}
    ).json["url"]
    assert second != first
    assert app.test_client().get(urlsplit(first).path).status_code == 404
    read_feed(app, second)

    revoked = client.delete("/api/reminders/calendar", headers={"X-CSRFToken": api_token(client)})
    assert revoked.json == {"deleted": True}
    assert app.test_client().get(urlsplit(second).path).status_code == 404
    assert client.get("/api/reminders/calendar").status_code == 404
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CalendarFeed)) == 0


ENDPOINTS = [
    ("GET", "/api/reminders/vapid-public-key"),
    ("PUT", "/api/reminders/device"),
    ("GET", f"/api/reminders/device/{uuid.uuid4()}"),
    ("DELETE", f"/api/reminders/device/{uuid.uuid4()}"),
    ("POST", "/api/reminders/written-today"),
    ("POST", "/api/reminders/calendar"),
    ("GET", "/api/reminders/calendar"),
    ("PUT", "/api/reminders/calendar"),
    ("DELETE", "/api/reminders/calendar"),
]


@pytest.mark.parametrize("method, path", ENDPOINTS)
def test_every_reminder_endpoint_needs_a_session(app, method, path):
    """Without a session, each endpoint answers 401 in JSON, even with a valid CSRF token."""
    client = app.test_client()
    response = client.open(path, method=method, json={}, headers={"X-CSRFToken": api_token(client)})
    assert response.status_code == 401
    assert response.json["error"] == "not_signed_in"


def test_another_account_cannot_read_change_or_delete_a_devices_reminder(app, receiver):
    """Someone else's device id is unknown to you; using it makes a reminder of your own."""
    owner, _, device_id = registered(app, receiver, "2026-11-29T12:00")
    stranger = signed_in(app, "stranger@example.org")
    token = api_token(stranger)
    assert stranger.get(f"/api/reminders/device/{device_id}").status_code == 404
    deleting = stranger.delete(f"/api/reminders/device/{device_id}", headers={"X-CSRFToken": token})
    assert deleting.status_code == 404 and deleting.is_json
    changing = put_device(stranger, Subscriber(receiver).subscription, device_id, time="05:00")
    assert changing.status_code == 201
    assert owner.get(f"/api/reminders/device/{device_id}").json["time"] == "07:30"
    owner.post(
        "/api/reminders/calendar", json=feed_body(), headers={"X-CSRFToken": api_token(owner)}
    )
    assert stranger.get("/api/reminders/calendar").status_code == 404
    stranger.delete("/api/reminders/calendar", headers={"X-CSRFToken": token})
    assert owner.get("/api/reminders/calendar").status_code == 200


def test_a_device_changes_and_stops_its_reminder(app, receiver):
    """PUT again changes the reminder in place; DELETE stops it and forgets the subscription."""
    client, subscriber, device_id = registered(app, receiver, "2026-11-29T12:00")
    changed = put_device(client, subscriber.subscription, device_id, time="08:00", days=["mon"])
    assert changed.status_code == 200
    assert changed.json == {
        "device_id": device_id,
        "time": "08:00",
        "days": ["mon"],
        "time_zone": "Europe/Brussels",
        "skip_when_written": False,
        "subscribed": True,
    }
    deleted = client.delete(
        f"/api/reminders/device/{device_id}", headers={"X-CSRFToken": api_token(client)}
    )
    assert deleted.json == {"deleted": True}
    assert client.get(f"/api/reminders/device/{device_id}").status_code == 404
    send(app, "2026-11-30T07:00")
    assert receiver.received == []


def test_a_subscription_reminds_only_the_account_that_registered_it_last(app, receiver):
    """A browser that signs in to another account stops reminding the first one."""
    first, subscriber, device_id = registered(app, receiver, "2026-11-29T12:00")
    second = signed_in(app, "second@example.org")
    assert put_device(second, subscriber.subscription).status_code == 201
    assert first.get(f"/api/reminders/device/{device_id}").status_code == 404
    send(app, "2026-11-30T06:30")
    assert pushed_days(receiver, subscriber) == ["2026-11-30"]


BAD_DEVICES = [
    ({"device_id": "phone"}, "device_id"),
    ({"time": "7:30"}, "time"),
    ({"time": "24:00"}, "time"),
    ({"days": []}, "days"),
    ({"days": ["monday"]}, "days"),
    ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
    ({"time_zone": "../../etc/passwd"}, "time_zone"),
    ({"time_zone": "Europe"}, "time_zone"),
    ({"time_zone": ["Europe/Brussels"]}, "time_zone"),
    ({"skip_when_written": "yes"}, "skip_when_written"),
    ({"subscription": None}, "subscription"),
    ({"subscription": {"endpoint": "https://10.0.0.1/", "keys": {}}}, "subscription.endpoint"),
    ({"subscription": {"endpoint": "file:///etc/passwd", "keys": {}}}, "subscription.endpoint"),
]


@pytest.mark.parametrize("change, field", BAD_DEVICES)
def test_bad_device_settings_are_refused_naming_the_field(app, receiver, change, field):
    """Each invalid field gets a 400 in JSON whose message names it; nothing is stored."""
    client = signed_in(app)
    subscriber = Subscriber(receiver)
    body = {"device_id": str(uuid.uuid4()), "subscription": subscriber.subscription, **change}
    response = put_device(client, **body)
    assert response.status_code == 400
    assert response.json["error"] == "invalid_request"
    assert response.json["message"].startswith(field)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(PushDevice)) == 0


@pytest.mark.parametrize(
    "key, value",
    [
        ("p256dh", "AAAA"),
        ("p256dh", b64url(b"\x04" + bytes(64))),
        ("p256dh", None),
        ("auth", "not base64!"),
        ("auth", b64url(bytes(8))),
    ],
)
def test_bad_subscription_keys_are_refused(app, receiver, key, value):
    """Keys that are not a P-256 point and a 16-byte secret are refused, naming the key."""
    client = signed_in(app)
    subscriber = Subscriber(receiver)
    subscriber.keys[key] = value
    response = put_device(client, subscriber.subscription)
    assert response.status_code == 400
    assert response.json["message"].startswith(f"subscription.keys.{key}")


def test_a_body_that_is_not_json_is_refused_in_json(app):
    """The API answers in JSON even to a form post."""
    client = signed_in(app)
    response = client.put(
        "/api/reminders/device", data="time=07:30", headers={"X-CSRFToken": api_token(client)}
    )
    assert response.status_code == 415 and response.is_json


def test_vapid_keys_are_made_once_or_taken_from_the_settings(tmp_path):
    """Without settings the key pair is generated once in the instance folder and kept."""
    public_keys = []
    for _ in range(2):
        app = create_app({"INSTANCE_PATH": tmp_path, "SECRET_KEY": "x", "TESTING": True})
        with app.app_context():
            public_keys.append(webpush.public_key())
    assert public_keys[0] == public_keys[1]
    assert len(base64.urlsafe_b64decode(public_keys[0] + "=")) == 65
    assert (tmp_path / "vapid_private_key.pem").stat().st_mode & 0o077 == 0

    key = ec.generate_private_key(ec.SECP256R1())
    raw = b64url(key.private_numbers().private_value.to_bytes(32, "big"))
    public = b64url(
        key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )
    configured = create_app(
        {"INSTANCE_PATH": tmp_path, "SECRET_KEY": "x", "VAPID_PRIVATE_KEY": raw}
    )
    with configured.app_context():
        assert webpush.public_key() == public
    mismatched = create_app(
        {
            "INSTANCE_PATH": tmp_path,
            "SECRET_KEY": "x",
            "VAPID_PRIVATE_KEY": raw,
            "VAPID_PUBLIC_KEY": public_keys[0],
        }
    )
    with mismatched.app_context(), pytest.raises(RuntimeError, match="FLASK_VAPID_PUBLIC_KEY"):
        webpush.public_key()


def test_the_sender_command_needs_a_subject_and_runs_once(app):
    """`flask reminders --once` explains a missing FLASK_VAPID_SUBJECT, else sends and exits."""
    runner = app.test_cli_runner()
    assert runner.invoke(args=["reminders", "--once"]).exit_code == 0
    app.config["VAPID_SUBJECT"] = "admin@example.org"
    refused = runner.invoke(args=["reminders", "--once"])
    assert refused.exit_code != 0 and "FLASK_VAPID_SUBJECT" in refused.output


def test_every_device_starts_from_the_schedule_saved_last(app, receiver):
    """A device without a reminder of its own is shown what was chosen last: a device's or the feed's."""
    client = signed_in(app)
    assert client.get("/api/reminders/schedule").status_code == 404
    app.extensions["clock"].at = utc("2026-11-28T10:00")
    subscriber = Subscriber(receiver)
    put_device(client, subscriber.subscription, time="21:15", days=["sat", "sun"])
    assert client.get("/api/reminders/schedule").json == {
        "time": "21:15",
        "days": ["sat", "sun"],
        "time_zone": "Europe/Brussels",
        "skip_when_written": False,
        "source": "device",
    }
    app.extensions["clock"].at = utc("2026-11-28T11:00")
    made = client.post(
        "/api/reminders/calendar",
        json=feed_body(days=["mon", "tue", "wed", "thu", "fri"]),
        headers={"X-CSRFToken": api_token(client)},
    )
    assert made.status_code == 201
    assert client.get("/api/reminders/schedule").json == {
        "time": "07:30",
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "time_zone": "Europe/Brussels",
        "skip_when_written": False,
        "source": "calendar",
    }
    # Another account sees none of it.
    assert signed_in(app, "other@example.org").get("/api/reminders/schedule").status_code == 404
