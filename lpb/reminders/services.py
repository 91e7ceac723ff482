"""Reminders' queries: each device's schedule and push subscription, and the calendar feed."""

import secrets

import sqlalchemy as sa

from lpb import clock
from lpb.extensions import db
from lpb.models import CalendarFeed, PushDevice, own_or_404, uuid_id
from lpb.reminders import push_target
from lpb.reminders.contracts import DAYS, DeviceReminderRequest, Schedule
from lpb.tokens import token_hash


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


def own_device(user_id: int, device_id: str) -> PushDevice:
    """Return a device of this user; another user's is as unknown as a missing one."""
    return own_or_404(PushDevice, (user_id, uuid_id(device_id)), user_id)


def save_device(user_id: int, body: DeviceReminderRequest) -> tuple[PushDevice, bool]:
    """Create or change a device's reminder and subscription; return it and whether it is new."""
    schedule = stored_schedule(body)
    keys = body.subscription.keys
    endpoint, p256dh, auth = body.subscription.endpoint, keys.p256dh, keys.auth
    # A browser's subscription reminds whoever registered it last, never two accounts.
    db.session.execute(
        sa.delete(PushDevice).where(
            PushDevice.endpoint == endpoint,
            sa.or_(PushDevice.user_id != user_id, PushDevice.device_id != body.device_id),
        )
    )
    device = db.session.get(PushDevice, (user_id, body.device_id))
    created = device is None
    if device is None:
        device = PushDevice(user_id=user_id, device_id=body.device_id)
        db.session.add(device)
    if created or schedule != {name: getattr(device, name) for name in schedule}:
        device.scheduled_at = clock.now()
    for name, value in schedule.items():
        setattr(device, name, value)
    device.skip_when_written = body.skip_when_written
    device.endpoint, device.p256dh, device.auth = endpoint, p256dh, auth
    if created:
        _forget_oldest_devices(user_id, keep=body.device_id)
    db.session.commit()
    return device, created


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


def last_schedule(user_id: int) -> dict | None:
    """Return the schedule saved last, on any device or for the calendar feed; None if none."""
    device = db.session.scalars(
        sa.select(PushDevice)
        .where(PushDevice.user_id == user_id)
        .order_by(PushDevice.scheduled_at.desc())
        .limit(1)
    ).first()
    feed = db.session.get(CalendarFeed, user_id)
    if feed is not None and (device is None or feed.scheduled_at > device.scheduled_at):
        return {**schedule_json(feed), "skip_when_written": False, "source": "calendar"}
    if device is None:
        return None
    return {
        **schedule_json(device),
        "skip_when_written": device.skip_when_written,
        "source": "device",
    }


def delete_device(user_id: int, device_id: str) -> None:
    """Stop a device's reminders and forget its subscription."""
    db.session.delete(own_device(user_id, device_id))
    db.session.commit()


def note_written(user_id: int, day: str) -> None:
    """Note that a reflection was written on this local day: no reminder for it on any device."""
    db.session.execute(
        sa.update(PushDevice)
        .where(
            PushDevice.user_id == user_id,
            sa.or_(PushDevice.written_day.is_(None), PushDevice.written_day < day),
        )
        .values(written_day=day)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def feed_json(feed: CalendarFeed) -> dict:
    """Return a calendar feed's settings as the API sends them."""
    return {**schedule_json(feed), "lang": feed.lang}


def own_feed(user_id: int) -> CalendarFeed:
    """Return the user's calendar feed, or answer 404."""
    return own_or_404(CalendarFeed, user_id, user_id)


def new_feed(user_id: int, settings: dict) -> tuple[CalendarFeed, str]:
    """Create the account's calendar feed, or give it a new secret; return it and its token."""
    token = secrets.token_urlsafe(32)
    feed = db.session.get(CalendarFeed, user_id)
    if feed is None:
        feed = CalendarFeed(user_id=user_id)
        db.session.add(feed)
    for name, value in settings.items():
        setattr(feed, name, value)
    feed.token_hash = token_hash(token)
    feed.scheduled_at = clock.now()
    db.session.commit()
    return feed, token


def change_feed(user_id: int, settings: dict) -> CalendarFeed:
    """Change the calendar feed's time, days, zone or language; its URL stays."""
    feed = own_feed(user_id)
    for name, value in settings.items():
        setattr(feed, name, value)
    feed.scheduled_at = clock.now()
    db.session.commit()
    return feed


def delete_feed(user_id: int) -> None:
    """Revoke the calendar feed: its URL answers 404 from now on."""
    db.session.delete(own_feed(user_id))
    db.session.commit()


def feed_of(token: str) -> CalendarFeed | None:
    """Return the calendar feed of this secret, if there is one."""
    return db.session.scalar(
        sa.select(CalendarFeed).where(CalendarFeed.token_hash == token_hash(token))
    )
