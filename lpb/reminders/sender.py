"""The reminder sender: which reminders are due now, each claimed once in the database, pushed."""

import time as clock
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import cast
from zoneinfo import ZoneInfo

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from lpb.extensions import db
from lpb.models import PushDevice
from lpb.reminders import webpush

# A reminder whose minute passed while the sender was down is still sent within this time.
CATCH_UP = timedelta(hours=2)


@dataclass(frozen=True)
class Due:
    """A reminder to push: which device, for which local day, to which subscription."""

    user_id: int
    device_id: str
    day: str
    previous_day: str | None
    endpoint: str
    p256dh: str
    auth: str


def local_moment(day: date, at: time, zone: ZoneInfo) -> datetime:
    """Return when the wall clock in zone first shows `at` on `day`, in UTC.

    In a spring gap that is the first valid minute after it; in an autumn repeat, the first pass.
    """
    wall = datetime.combine(day, at)
    while True:
        moment = wall.replace(tzinfo=zone)  # fold=0: the first pass of a repeated hour
        if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall:
            return moment.astimezone(UTC)
        wall += timedelta(minutes=1)


def due_day(device: PushDevice, now: datetime) -> str | None:
    """Return the local day (YYYY-MM-DD) whose reminder this device should get at now, if any."""
    zone = ZoneInfo(device.time_zone)
    at = time.fromisoformat(device.remind_at)
    today = now.astimezone(zone).date()
    scheduled = device.scheduled_at
    for day in (today - timedelta(days=1), today):
        moment = local_moment(day, at, zone)
        if not device.weekdays & (1 << day.weekday()) or not scheduled <= moment <= now:
            continue
        label = day.isoformat()
        if now >= moment + CATCH_UP or (device.last_reminded_day or "") >= label:
            continue
        if device.skip_when_written and device.written_day == label:
            continue
        return label
    return None


def due_reminders(now: datetime) -> list[Due]:
    """Return every reminder due at now; the read ends before any push goes out."""
    devices = db.session.scalars(sa.select(PushDevice).where(PushDevice.endpoint.is_not(None)))
    due = [
        Due(d.user_id, d.device_id, day, d.last_reminded_day, d.endpoint, d.p256dh, d.auth)
        for d in devices
        if d.endpoint and d.p256dh and d.auth and (day := due_day(d, now))
    ]
    db.session.commit()
    return due


def claim(reminder: Due) -> bool:
    """Mark the reminder as sent, committed before sending: of several senders, one wins."""
    result = db.session.execute(
        sa.update(PushDevice)
        .where(
            PushDevice.user_id == reminder.user_id,
            PushDevice.device_id == reminder.device_id,
            PushDevice.endpoint == reminder.endpoint,
            sa.or_(
                PushDevice.last_reminded_day.is_(None),
                PushDevice.last_reminded_day < reminder.day,
            ),
        )
        .values(last_reminded_day=reminder.day)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return cast(sa.CursorResult, result).rowcount == 1


def _change_device(reminder: Due, still: sa.ColumnElement[bool], **values: object) -> None:
    """Change the reminder's device row if it is still as the sender saw it (still), and commit."""
    db.session.execute(
        sa.update(PushDevice)
        .where(
            PushDevice.user_id == reminder.user_id,
            PushDevice.device_id == reminder.device_id,
            still,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def release(reminder: Due) -> None:
    """Undo a claim, so that the next run (within the catch-up time) tries again."""
    _change_device(
        reminder,
        PushDevice.last_reminded_day == reminder.day,
        last_reminded_day=reminder.previous_day,
    )


def forget_subscription(reminder: Due) -> None:
    """Drop a subscription the push service no longer knows; the schedule stays for a new one."""
    _change_device(
        reminder, PushDevice.endpoint == reminder.endpoint, endpoint=None, p256dh=None, auth=None
    )


@dataclass
class Report:
    """What a run did: pushes sent, pushes that failed, subscriptions forgotten."""

    sent: int = 0
    failed: int = 0
    forgotten: int = 0

    def __str__(self) -> str:
        return f"sent {self.sent}, failed {self.failed}, forgotten {self.forgotten}"


def _push_one(reminder: Due, report: Report) -> None:
    """Push one claimed reminder and note the outcome in the report."""
    outcome = webpush.send(
        reminder.endpoint, reminder.p256dh, reminder.auth, {"type": "reminder", "day": reminder.day}
    )
    if outcome in (webpush.Outcome.GONE, webpush.Outcome.REFUSED):
        forget_subscription(reminder)
        report.forgotten += 1
    elif outcome is webpush.Outcome.RETRY:
        release(reminder)
    if outcome is webpush.Outcome.SENT:
        report.sent += 1
    else:
        report.failed += 1
        current_app.logger.warning(
            "Reminder for device %s not sent: %s", reminder.device_id, outcome.value
        )


def send_due_reminders(now: datetime) -> Report:
    """Push every reminder due at now that no other sender claimed; one failure stops no other."""
    report = Report()
    for reminder in due_reminders(now):
        try:
            if claim(reminder):
                _push_one(reminder, report)
        except Exception:
            db.session.rollback()
            report.failed += 1
            current_app.logger.exception("Reminder for device %s failed", reminder.device_id)
    return report


def _send_now() -> None:
    """Send what is due at this minute; a failure is logged, the sender lives on."""
    try:
        report = send_due_reminders(datetime.now(UTC))
    except Exception:
        db.session.rollback()
        current_app.logger.exception("Sending reminders failed")
        return
    if report.sent or report.failed or report.forgotten:
        current_app.logger.info("Reminders: %s", report)


@click.command("reminders")
@click.option("--once", is_flag=True, help="Send what is due now and exit (cron, systemd timer).")
@with_appcontext
def reminders_command(once: bool) -> None:
    """Push the daily reminders that are due: each minute, or once with --once."""
    try:
        webpush.subject()
        webpush.public_key()
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    if once:
        click.echo(f"Reminders: {send_due_reminders(datetime.now(UTC))}")
        return
    click.echo("Sending reminders each minute; stop with Ctrl+C.")
    while True:
        _send_now()
        clock.sleep(60 - clock.time() % 60)
