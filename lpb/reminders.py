"""Daily reminders: a device's time, days and Web Push subscription, and a private calendar feed."""

import hashlib
import re
import secrets
import uuid
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

import icalendar
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric import ec
from flask import Blueprint, Response, abort, current_app, jsonify, request, url_for

from lpb import webpush
from lpb.accounts import current_user
from lpb.api import error, signed_in
from lpb.extensions import db
from lpb.i18n import LANGUAGES, TEXTS, current_language
from lpb.models import CalendarFeed, PushDevice, User

bp = Blueprint("reminders", __name__)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CALENDAR_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Where browsers' push services live (Chrome and most others, Firefox, Safari, Edge): the
# server posts only there, so an account cannot aim the sender at the server's own network.
PUSH_SERVICE_HOSTS = (
    "fcm.googleapis.com",
    "push.services.mozilla.com",
    "push.apple.com",
    "notify.windows.com",
)


class InvalidReminder(Exception):
    """A request the reminder API refuses, with a message that names the field."""

    def __init__(self, message: str, status: int = 400, code: str = "invalid_request"):
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


@bp.errorhandler(InvalidReminder)
def invalid_reminder(exc: InvalidReminder):
    """Undo whatever the request started, and explain in JSON."""
    db.session.rollback()
    return error(exc.status, exc.code, exc.message)


def now() -> datetime:
    """Return the current time in UTC (a function, so tests can set the clock)."""
    return datetime.now(UTC)


def _user() -> User:
    """Return the signed-in user; every view that asks is behind signed_in."""
    user = current_user()
    if user is None:
        abort(401)
    return user


def _json_body() -> dict:
    """Return the request's JSON object, or fail with a clear message."""
    if not request.is_json:
        raise InvalidReminder("Send the body as application/json.", 415, "unsupported_media_type")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InvalidReminder("The request body must be a JSON object.", 400, "invalid_json")
    return body


def parse_device_id(value: object) -> str:
    """Return a device id (the device's sync client id, a UUID) in canonical form."""
    try:
        if not isinstance(value, str):
            raise ValueError
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidReminder("device_id must be a UUID (the device's sync client_id).") from None


@cache
def time_zones() -> frozenset[str]:
    """Return the names of the IANA time zones this server knows."""
    return frozenset(available_timezones())


def parse_schedule(body: dict) -> dict:
    """Return the time, weekdays and time zone of a reminder, checked."""
    at = body.get("time")
    if not isinstance(at, str) or not TIME.fullmatch(at):
        raise InvalidReminder("time must be a local time HH:MM, e.g. 07:30.")
    days = body.get("days")
    if not isinstance(days, list) or not days or not all(day in DAYS for day in days):
        raise InvalidReminder(f"days must be a non-empty list of {', '.join(DAYS)}.")
    zone = body.get("time_zone")
    if not isinstance(zone, str) or zone not in time_zones():
        raise InvalidReminder("time_zone must be an IANA time zone, e.g. Europe/Brussels.")
    return {
        "remind_at": at,
        "weekdays": sum(1 << DAYS.index(day) for day in set(days)),
        "time_zone": zone,
    }


def schedule_json(row: PushDevice | CalendarFeed) -> dict:
    """Return a reminder's schedule as the API sends it."""
    return {
        "time": row.remind_at,
        "days": [day for index, day in enumerate(DAYS) if row.weekdays & (1 << index)],
        "time_zone": row.time_zone,
    }


def _allowed_push_host(url: str) -> bool:
    """Return whether url is https on a push service's host (or http in development)."""
    parts = urlsplit(url)
    hosts = current_app.config.get("PUSH_SERVICE_HOSTS", PUSH_SERVICE_HOSTS)
    schemes = ("https", "http") if current_app.config.get("PUSH_ALLOW_HTTP") else ("https",)
    host = parts.hostname or ""
    return parts.scheme in schemes and any(
        host == allowed or host.endswith(f".{allowed}") for allowed in hosts
    )


def parse_subscription(value: object) -> tuple[str, str, str]:
    """Return endpoint, p256dh and auth of a PushSubscription's toJSON(), checked."""
    if not isinstance(value, dict) or not isinstance(value.get("keys"), dict):
        raise InvalidReminder(
            "subscription must be the browser's PushSubscription.toJSON(): "
            '{"endpoint": …, "keys": {"p256dh": …, "auth": …}}.'
        )
    endpoint = value.get("endpoint")
    if not isinstance(endpoint, str) or len(endpoint) > 1024 or not _allowed_push_host(endpoint):
        raise InvalidReminder(
            "subscription.endpoint must be an https URL of a browser's push service."
        )
    p256dh, auth = value["keys"].get("p256dh"), value["keys"].get("auth")
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), _decoded(p256dh))
    except ValueError:
        raise InvalidReminder(
            "subscription.keys.p256dh must be a P-256 public key (65 bytes) in base64url."
        ) from None
    if len(_decoded(auth)) != 16:
        raise InvalidReminder("subscription.keys.auth must be 16 bytes in base64url.")
    return endpoint, p256dh, auth


def _decoded(key: object) -> bytes:
    """Return the bytes of a base64url key; empty when it is not one."""
    try:
        return webpush.b64url_decode(key) if isinstance(key, str) else b""
    except ValueError:
        return b""


def device_json(device: PushDevice) -> dict:
    """Return a device's reminder as the API sends it (never the subscription's secrets)."""
    return {
        "device_id": device.device_id,
        **schedule_json(device),
        "skip_when_written": device.skip_when_written,
        "subscribed": device.endpoint is not None,
    }


def _own_device(device_id: str) -> PushDevice:
    """Return the signed-in user's device; another user's is as unknown as a missing one."""
    try:
        key = str(uuid.UUID(device_id))
    except ValueError:
        abort(404)
    device = db.session.get(PushDevice, (_user().id, key))
    if device is None:
        abort(404)
    return device


@bp.get("/api/reminders/vapid-public-key")
@signed_in
def vapid_public_key():
    """Return the key a browser subscribes to push with (applicationServerKey)."""
    return jsonify(public_key=webpush.public_key())


@bp.put("/api/reminders/device")
@signed_in
def put_device():
    """Create or change this device's reminder and push subscription."""
    body = _json_body()
    device_id = parse_device_id(body.get("device_id"))
    schedule = parse_schedule(body)
    skip = body.get("skip_when_written", False)
    if not isinstance(skip, bool):
        raise InvalidReminder("skip_when_written must be true or false.")
    endpoint, p256dh, auth = parse_subscription(body.get("subscription"))
    user = _user()
    # A browser's subscription reminds whoever registered it last, never two accounts.
    db.session.execute(
        sa.delete(PushDevice).where(
            PushDevice.endpoint == endpoint,
            sa.or_(PushDevice.user_id != user.id, PushDevice.device_id != device_id),
        )
    )
    device = db.session.get(PushDevice, (user.id, device_id))
    created = device is None
    if device is None:
        device = PushDevice(user_id=user.id, device_id=device_id)
        db.session.add(device)
    if created or schedule != {name: getattr(device, name) for name in schedule}:
        device.scheduled_at = now().replace(tzinfo=None)
    for name, value in schedule.items():
        setattr(device, name, value)
    device.skip_when_written = skip
    device.endpoint, device.p256dh, device.auth = endpoint, p256dh, auth
    db.session.commit()
    return jsonify(device_json(device)), 201 if created else 200


@bp.get("/api/reminders/device/<device_id>")
@signed_in
def get_device(device_id: str):
    """Return this device's reminder."""
    return jsonify(device_json(_own_device(device_id)))


@bp.delete("/api/reminders/device/<device_id>")
@signed_in
def delete_device(device_id: str):
    """Stop this device's reminders and forget its subscription."""
    db.session.delete(_own_device(device_id))
    db.session.commit()
    return jsonify(deleted=True)


@bp.post("/api/reminders/written-today")
@signed_in
def written_today():
    """Note that a reflection was written on this local day: no reminder for it on any device."""
    day = _json_body().get("day")
    try:
        written = date.fromisoformat(day) if isinstance(day, str) and DAY.fullmatch(day) else None
    except ValueError:
        written = None
    # Local days on Earth are at most a day before or after the day in UTC.
    if written is None or abs(written - now().date()) > timedelta(days=1):
        raise InvalidReminder("day must be today's date on the device, YYYY-MM-DD.")
    db.session.execute(
        sa.update(PushDevice)
        .where(
            PushDevice.user_id == _user().id,
            sa.or_(PushDevice.written_day.is_(None), PushDevice.written_day < day),
        )
        .values(written_day=day)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return jsonify(day=day)


def _token_hash(token: str) -> str:
    """Return the stored form of a feed token: only its hash is kept."""
    return hashlib.sha256(token.encode()).hexdigest()


def _parse_feed(body: dict) -> dict:
    """Return a calendar feed's settings, checked; the language defaults to the visitor's."""
    lang = body.get("lang", current_language())
    if lang not in LANGUAGES:
        raise InvalidReminder(f"lang must be one of {', '.join(LANGUAGES)}.")
    return {**parse_schedule(body), "lang": lang}


def feed_json(feed: CalendarFeed) -> dict:
    """Return a calendar feed's settings as the API sends them."""
    return {**schedule_json(feed), "lang": feed.lang}


def _own_feed() -> CalendarFeed:
    """Return the signed-in user's calendar feed, or answer 404."""
    feed = db.session.get(CalendarFeed, _user().id)
    if feed is None:
        abort(404)
    return feed


@bp.post("/api/reminders/calendar")
@signed_in
def create_feed():
    """Create the account's calendar feed, or give it a new secret URL (the old one stops)."""
    settings = _parse_feed(_json_body())
    token = secrets.token_urlsafe(32)
    feed = db.session.get(CalendarFeed, _user().id)
    if feed is None:
        feed = CalendarFeed(user_id=_user().id)
        db.session.add(feed)
    for name, value in settings.items():
        setattr(feed, name, value)
    feed.token_hash = _token_hash(token)
    feed.scheduled_at = now().replace(tzinfo=None)
    db.session.commit()
    url = url_for("reminders.calendar_feed", token=token, _external=True)
    return jsonify(url=url, **feed_json(feed)), 201


@bp.get("/api/reminders/calendar")
@signed_in
def get_feed():
    """Return the calendar feed's settings (its URL is shown only when made)."""
    return jsonify(feed_json(_own_feed()))


@bp.put("/api/reminders/calendar")
@signed_in
def put_feed():
    """Change the calendar feed's time, days, zone or language; its URL stays."""
    settings = _parse_feed(_json_body())
    feed = _own_feed()
    for name, value in settings.items():
        setattr(feed, name, value)
    feed.scheduled_at = now().replace(tzinfo=None)
    db.session.commit()
    return jsonify(feed_json(feed))


@bp.delete("/api/reminders/calendar")
@signed_in
def delete_feed():
    """Revoke the calendar feed: its URL answers 404 from now on."""
    db.session.delete(_own_feed())
    db.session.commit()
    return jsonify(deleted=True)


def first_day(feed: CalendarFeed, zone: ZoneInfo) -> date:
    """Return the first chosen weekday from the day the schedule was saved (DTSTART's day)."""
    day = feed.scheduled_at.replace(tzinfo=UTC).astimezone(zone).date()
    while not feed.weekdays & (1 << day.weekday()):
        day += timedelta(days=1)
    return day


def feed_calendar(feed: CalendarFeed) -> icalendar.Calendar:
    """Return the feed as a calendar: one weekly recurring event on the chosen days."""
    texts = TEXTS[feed.lang]
    zone = ZoneInfo(feed.time_zone)
    start = datetime.combine(first_day(feed, zone), time.fromisoformat(feed.remind_at), zone)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Levensloopbaan//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Levensloopbaan")
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    event = icalendar.Event()
    event.add("uid", f"reminder-{feed.user_id}@levensloopbaan")
    event.add("dtstamp", now())
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=5))
    event.add(
        "rrule",
        {
            "freq": "weekly",
            "byday": [day for i, day in enumerate(CALENDAR_DAYS) if feed.weekdays & (1 << i)],
        },
    )
    event.add("summary", texts["reminder_title"])
    event.add("description", texts["reminder_body"])
    event.add("url", request.url_root)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", texts["reminder_title"])
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str) -> Response:
    """Serve the private calendar feed to whoever holds its secret URL (no session needed)."""
    feed = db.session.scalar(
        sa.select(CalendarFeed).where(CalendarFeed.token_hash == _token_hash(token))
    )
    if feed is None:
        abort(404)
    response = Response(feed_calendar(feed).to_ical(), mimetype="text/calendar")
    response.headers["Cache-Control"] = "private, no-cache"
    return response
