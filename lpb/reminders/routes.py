"""Daily reminders: a device's time, days and Web Push subscription, and a private calendar feed."""

import hashlib
import secrets
import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import sqlalchemy as sa
from flask import Blueprint, Response, abort, jsonify, request, url_for

from lpb.extensions import db
from lpb.i18n import TEXTS, current_language
from lpb.jsonapi import invalid, json_body, parse, signed_in, signed_in_user
from lpb.models import CalendarFeed, PushDevice
from lpb.reminders import push_target, webpush
from lpb.reminders.contracts import (
    DAYS,
    CalendarFeedRequest,
    DeviceReminderRequest,
    Schedule,
    WrittenTodayRequest,
)

bp = Blueprint("reminders", __name__)

CALENDAR_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def now() -> datetime:
    """Return the current time in UTC (a function, so tests can set the clock)."""
    return datetime.now(UTC)


def stored_schedule(schedule: Schedule) -> dict:
    """Return a checked schedule as its columns hold it."""
    return {
        "remind_at": schedule.time,
        "weekdays": sum(1 << DAYS.index(day) for day in set(schedule.days)),
        "time_zone": schedule.time_zone,
    }


def schedule_json(row: PushDevice | CalendarFeed) -> dict:
    """Return a reminder's schedule as the API sends it."""
    return {
        "time": row.remind_at,
        "days": [day for index, day in enumerate(DAYS) if row.weekdays & (1 << index)],
        "time_zone": row.time_zone,
    }


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
    device = db.session.get(PushDevice, (signed_in_user().id, key))
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
    body = parse(DeviceReminderRequest, json_body())
    schedule = stored_schedule(body)
    keys = body.subscription.keys
    endpoint, p256dh, auth = body.subscription.endpoint, keys.p256dh, keys.auth
    user = signed_in_user()
    # A browser's subscription reminds whoever registered it last, never two accounts.
    db.session.execute(
        sa.delete(PushDevice).where(
            PushDevice.endpoint == endpoint,
            sa.or_(PushDevice.user_id != user.id, PushDevice.device_id != body.device_id),
        )
    )
    device = db.session.get(PushDevice, (user.id, body.device_id))
    created = device is None
    if device is None:
        device = PushDevice(user_id=user.id, device_id=body.device_id)
        db.session.add(device)
    if created or schedule != {name: getattr(device, name) for name in schedule}:
        device.scheduled_at = now().replace(tzinfo=None)
    for name, value in schedule.items():
        setattr(device, name, value)
    device.skip_when_written = body.skip_when_written
    device.endpoint, device.p256dh, device.auth = endpoint, p256dh, auth
    if created:
        _forget_oldest_devices(user.id, keep=body.device_id)
    db.session.commit()
    return jsonify(device_json(device)), 201 if created else 200


def _forget_oldest_devices(user_id: int, keep: str) -> None:
    """Keep at most MAX_DEVICES_PER_ACCOUNT reminders: those set longest ago are forgotten."""
    db.session.flush()
    oldest_first = db.session.scalars(
        sa.select(PushDevice.device_id)
        .where(PushDevice.user_id == user_id, PushDevice.device_id != keep)
        .order_by(PushDevice.scheduled_at, PushDevice.device_id)
    ).all()
    surplus = len(oldest_first) + 1 - push_target.MAX_DEVICES_PER_ACCOUNT
    if surplus > 0:
        db.session.execute(
            sa.delete(PushDevice).where(
                PushDevice.user_id == user_id, PushDevice.device_id.in_(oldest_first[:surplus])
            )
        )


@bp.get("/api/reminders/device/<device_id>")
@signed_in
def get_device(device_id: str):
    """Return this device's reminder."""
    return jsonify(device_json(_own_device(device_id)))


@bp.get("/api/reminders/schedule")
@signed_in
def last_schedule():
    """Return the schedule saved last, on any device or for the calendar feed (404 if none).

    A device without a reminder of its own starts its form from it, so every device shows what
    was chosen rather than a default.
    """
    user_id = signed_in_user().id
    device = db.session.scalars(
        sa.select(PushDevice)
        .where(PushDevice.user_id == user_id)
        .order_by(PushDevice.scheduled_at.desc())
        .limit(1)
    ).first()
    feed = db.session.get(CalendarFeed, user_id)
    if feed is not None and (device is None or feed.scheduled_at > device.scheduled_at):
        return jsonify(**schedule_json(feed), skip_when_written=False, source="calendar")
    if device is None:
        abort(404)
    return jsonify(
        **schedule_json(device), skip_when_written=device.skip_when_written, source="device"
    )


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
    day = parse(WrittenTodayRequest, json_body()).day
    # Local days on Earth are at most a day before or after the day in UTC.
    if abs(date.fromisoformat(day) - now().date()) > timedelta(days=1):
        raise invalid("day: must be today's date on the device, YYYY-MM-DD.")
    db.session.execute(
        sa.update(PushDevice)
        .where(
            PushDevice.user_id == signed_in_user().id,
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


def _parse_feed() -> dict:
    """Return a calendar feed's settings, checked; the language defaults to the visitor's."""
    body = parse(CalendarFeedRequest, json_body())
    return {**stored_schedule(body), "lang": body.lang or current_language()}


def feed_json(feed: CalendarFeed) -> dict:
    """Return a calendar feed's settings as the API sends them."""
    return {**schedule_json(feed), "lang": feed.lang}


def _own_feed() -> CalendarFeed:
    """Return the signed-in user's calendar feed, or answer 404."""
    feed = db.session.get(CalendarFeed, signed_in_user().id)
    if feed is None:
        abort(404)
    return feed


@bp.post("/api/reminders/calendar")
@signed_in
def create_feed():
    """Create the account's calendar feed, or give it a new secret URL (the old one stops)."""
    settings = _parse_feed()
    token = secrets.token_urlsafe(32)
    feed = db.session.get(CalendarFeed, signed_in_user().id)
    if feed is None:
        feed = CalendarFeed(user_id=signed_in_user().id)
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
    settings = _parse_feed()
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
