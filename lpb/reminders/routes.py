"""Daily reminders: a device's time, days and Web Push subscription, and a private calendar feed.

The queries are in lpb/reminders/services.py; the sender (lpb/reminders/sender.py) pushes them.
"""

from datetime import date, timedelta

from flask import Blueprint, Response, abort, jsonify, request, url_for

from lpb import clock
from lpb.i18n import current_language
from lpb.jsonapi import invalid, json_body, parse, signed_in, signed_in_user
from lpb.reminders import services, webpush
from lpb.reminders.calendar import feed_calendar
from lpb.reminders.contracts import CalendarFeedRequest, DeviceReminderRequest, WrittenTodayRequest

bp = Blueprint("reminders", __name__)


@bp.get("/api/reminders/vapid-public-key")
@signed_in
def vapid_public_key() -> Response:
    """Return the key a browser subscribes to push with (applicationServerKey)."""
    return jsonify(public_key=webpush.public_key())


@bp.put("/api/reminders/device")
@signed_in
def put_device() -> tuple[Response, int]:
    """Create or change this device's reminder and push subscription."""
    body = parse(DeviceReminderRequest, json_body())
    device, created = services.save_device(signed_in_user().id, body)
    return jsonify(services.device_json(device)), 201 if created else 200


@bp.get("/api/reminders/device/<device_id>")
@signed_in
def get_device(device_id: str) -> Response:
    """Return this device's reminder."""
    return jsonify(services.device_json(services.own_device(signed_in_user().id, device_id)))


@bp.get("/api/reminders/schedule")
@signed_in
def last_schedule() -> Response:
    """Return the schedule saved last, on any device or for the calendar feed (404 if none).

    A device without a reminder of its own starts its form from it, so every device shows what
    was chosen rather than a default.
    """
    schedule = services.last_schedule(signed_in_user().id)
    if schedule is None:
        abort(404)
    return jsonify(schedule)


@bp.delete("/api/reminders/device/<device_id>")
@signed_in
def delete_device(device_id: str) -> Response:
    """Stop this device's reminders and forget its subscription."""
    services.delete_device(signed_in_user().id, device_id)
    return jsonify(deleted=True)


@bp.post("/api/reminders/written-today")
@signed_in
def written_today() -> Response:
    """Note that a reflection was written on this local day: no reminder for it on any device."""
    day = parse(WrittenTodayRequest, json_body()).day
    # Local days on Earth are at most a day before or after the day in UTC.
    if abs(date.fromisoformat(day) - clock.now().date()) > timedelta(days=1):
        raise invalid("day: must be today's date on the device, YYYY-MM-DD.")
    services.note_written(signed_in_user().id, day)
    return jsonify(day=day)


def _parse_feed() -> dict:
    """Return a calendar feed's settings, checked; the language defaults to the visitor's."""
    body = parse(CalendarFeedRequest, json_body())
    return {**services.stored_schedule(body), "lang": body.lang or current_language()}


@bp.post("/api/reminders/calendar")
@signed_in
def create_feed() -> tuple[Response, int]:
    """Create the account's calendar feed, or give it a new secret URL (the old one stops)."""
    feed, token = services.new_feed(signed_in_user().id, _parse_feed())
    url = url_for("reminders.calendar_feed", token=token, _external=True)
    return jsonify(url=url, **services.feed_json(feed)), 201


@bp.get("/api/reminders/calendar")
@signed_in
def get_feed() -> Response:
    """Return the calendar feed's settings (its URL is shown only when made)."""
    return jsonify(services.feed_json(services.own_feed(signed_in_user().id)))


@bp.put("/api/reminders/calendar")
@signed_in
def put_feed() -> Response:
    """Change the calendar feed's time, days, zone or language; its URL stays."""
    settings = _parse_feed()
    return jsonify(services.feed_json(services.change_feed(signed_in_user().id, settings)))


@bp.delete("/api/reminders/calendar")
@signed_in
def delete_feed() -> Response:
    """Revoke the calendar feed: its URL answers 404 from now on."""
    services.delete_feed(signed_in_user().id)
    return jsonify(deleted=True)


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str) -> Response:
    """Serve the private calendar feed to whoever holds its secret URL (no session needed)."""
    feed = services.feed_of(token)
    if feed is None:
        abort(404)
    response = Response(feed_calendar(feed, request.url_root).to_ical(), mimetype="text/calendar")
    response.headers["Cache-Control"] = "private, no-cache"
    return response
