"""Database models: users, their sessions and devices, and their entries."""

from datetime import UTC, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from lpb.extensions import db


def utcnow() -> datetime:
    """Return the current time in UTC (server times only; device times are for display)."""
    return datetime.now(UTC).replace(tzinfo=None)


class User(db.Model):
    """An account; version is the last version given to any change of this user's entries."""

    __tablename__ = "users"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    email: so.Mapped[str] = so.mapped_column(sa.String(254), unique=True)
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(255))
    version: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)


class Session(db.Model):
    """A signed-in browser; deleting the row signs that browser out for real."""

    __tablename__ = "sessions"

    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    label: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    created_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    last_seen: so.Mapped[datetime] = so.mapped_column(default=utcnow)


class Client(db.Model):
    """A device's sync identity, and the last of its mutations that was applied."""

    __tablename__ = "clients"

    client_id: so.Mapped[str] = so.mapped_column(sa.String(36), primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    last_mutation_id: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)


class Entry(db.Model):
    """One entry of a user (reflection, eigen mix, own question …) or its tombstone."""

    __tablename__ = "entries"
    __table_args__ = (sa.UniqueConstraint("user_id", "version", name="uq_entries_user_version"),)

    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    id: so.Mapped[str] = so.mapped_column(sa.String(36), primary_key=True)
    version: so.Mapped[int] = so.mapped_column(sa.BigInteger)
    kind: so.Mapped[str] = so.mapped_column(sa.String(20))
    body: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)
    created_at: so.Mapped[str] = so.mapped_column(sa.String(40))
    updated_at: so.Mapped[str] = so.mapped_column(sa.String(40))
    deleted: so.Mapped[bool] = so.mapped_column(default=False)
    conflict_of: so.Mapped[str | None] = so.mapped_column(sa.String(36))
    written_by: so.Mapped[str] = so.mapped_column(sa.String(36))


class FailedSignIn(db.Model):
    """A failed sign-in, counted per account and per address to slow down guessing."""

    __tablename__ = "failed_sign_ins"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    email: so.Mapped[str] = so.mapped_column(sa.String(254), index=True)
    address: so.Mapped[str] = so.mapped_column(sa.String(64), index=True)
    at: so.Mapped[datetime] = so.mapped_column(default=utcnow, index=True)


class PushDevice(db.Model):
    """A device's daily reminder: local time, weekdays and zone, and its Web Push subscription."""

    __tablename__ = "push_devices"

    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    device_id: so.Mapped[str] = so.mapped_column(sa.String(36), primary_key=True)
    remind_at: so.Mapped[str] = so.mapped_column(sa.String(5))
    weekdays: so.Mapped[int] = so.mapped_column()  # bit 0 is Monday
    time_zone: so.Mapped[str] = so.mapped_column(sa.String(64))
    skip_when_written: so.Mapped[bool] = so.mapped_column(default=False)
    endpoint: so.Mapped[str | None] = so.mapped_column(sa.String(1024))
    p256dh: so.Mapped[str | None] = so.mapped_column(sa.String(128))
    auth: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    # A reminder whose minute came before its schedule was saved is not caught up.
    scheduled_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    written_day: so.Mapped[str | None] = so.mapped_column(sa.String(10))
    last_reminded_day: so.Mapped[str | None] = so.mapped_column(sa.String(10))


class CalendarFeed(db.Model):
    """An account's private calendar feed of the daily reminder; only its token's hash is kept."""

    __tablename__ = "calendar_feeds"

    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    remind_at: so.Mapped[str] = so.mapped_column(sa.String(5))
    weekdays: so.Mapped[int] = so.mapped_column()  # bit 0 is Monday
    time_zone: so.Mapped[str] = so.mapped_column(sa.String(64))
    lang: so.Mapped[str] = so.mapped_column(sa.String(2))
    scheduled_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
