"""Database models: users, their sessions and devices, their entries, and rate limits."""

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import abort

from lpb import clock, ids
from lpb.extensions import db

# Flask-SQLAlchemy makes db.Model at run time, from Base; type checkers see Base itself.
if TYPE_CHECKING:
    from lpb.extensions import Base as Model
else:
    Model = db.Model


Row = TypeVar("Row", bound=Model)


def row_id(raw: str) -> int:
    """Return a row id from a path, or answer 404 (an id that cannot exist is not found)."""
    number = ids.row_number(raw)
    if number is None:
        abort(404)
    return number


def uuid_id(raw: str) -> str:
    """Return a UUID from a path in canonical form, or answer 404."""
    key = ids.canonical_uuid(raw)
    if key is None:
        abort(404)
    return key


def own_or_404(model: type[Row], key: object, owner_id: int, owner: str = "user_id") -> Row:
    """Return the row under this key if owner_id owns it (its owner column); else answer 404.

    Someone else's row is as unknown as a missing one.
    """
    row = db.session.get(model, key)
    if row is None or getattr(row, owner) != owner_id:
        abort(404)
    return row


def new_device_key() -> str:
    """Return a fresh random value for an account's device cookies."""
    return secrets.token_hex(16)


class User(Model):
    """An account; version is the last version given to any change of this user's entries."""

    __tablename__ = "users"
    # Never reuse a deleted account's id (SQLite would): old cookies and rows may still name it.
    __table_args__ = {"sqlite_autoincrement": True}

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    email: so.Mapped[str] = so.mapped_column(sa.String(254), unique=True)
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(255))
    version: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)
    created_at: so.Mapped[datetime] = so.mapped_column(default=clock.now)
    # sha256 of each unused recovery code; the codes themselves are shown once and never stored.
    recovery_codes: so.Mapped[list[str]] = so.mapped_column(sa.JSON, default=list)
    # A random value of this account that device cookies name, so a cookie fits no other account.
    device_key: so.Mapped[str] = so.mapped_column(sa.String(32), default=new_device_key)
    # The name a guide chooses for their clients to see (never the email); "" until chosen.
    display_name: so.Mapped[str] = so.mapped_column(sa.String(100), default="", server_default="")


class OneTimeLink:
    """A secret link of an account that expires: numbered, and only its token's hash is kept."""

    __table_args__ = {"sqlite_autoincrement": True}

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    expires_at: so.Mapped[datetime]


class ResetLink(OneTimeLink, Model):
    """A live password reset link of an account."""

    __tablename__ = "reset_links"


class Session(Model):
    """A signed-in browser; deleting the row signs that browser out for real."""

    __tablename__ = "sessions"

    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    label: so.Mapped[str] = so.mapped_column(sa.String(200), default="")
    created_at: so.Mapped[datetime] = so.mapped_column(default=clock.now)
    last_seen: so.Mapped[datetime] = so.mapped_column(default=clock.now)


class Client(Model):
    """A device's sync identity, and the last of its mutations that was applied."""

    __tablename__ = "clients"

    client_id: so.Mapped[str] = so.mapped_column(sa.String(36), primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    last_mutation_id: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)


class Entry(Model):
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


@dataclass(slots=True)
class NewEntry:
    """An entry a push is about to insert: a plain object with Entry's columns, far cheaper to
    make than a mapped one; sync.Batch inserts a batch's new entries in one statement."""

    user_id: int
    id: str
    version: int
    kind: str
    body: dict
    created_at: str
    updated_at: str
    deleted: bool
    written_by: str
    conflict_of: str | None = None


class SetAsideEntry(Model):
    """An entry stored before bodies were checked that could not be repaired: kept, never served."""

    __tablename__ = "set_aside_entries"

    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    id: so.Mapped[str] = so.mapped_column(sa.String(36), primary_key=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(20))
    # The body as it was, as JSON text with every character escaped (it may hold NUL or NaN).
    body: so.Mapped[str] = so.mapped_column(sa.Text)
    created_at: so.Mapped[str] = so.mapped_column(sa.Text)
    reason: so.Mapped[str] = so.mapped_column(sa.Text)
    set_aside_at: so.Mapped[datetime] = so.mapped_column(default=clock.now)


class RateLimit(Model):
    """How often something was tried lately, under one key (a keyed hash of an email, address …)."""

    __tablename__ = "rate_limits"

    key: so.Mapped[str] = so.mapped_column(sa.String(100), primary_key=True)
    # The account the tries were about, if any: erasing the account erases its counters.
    user_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    tries: so.Mapped[int] = so.mapped_column(default=0)
    started_at: so.Mapped[datetime] = so.mapped_column(default=clock.now)
    blocked_until: so.Mapped[datetime | None]
    expires_at: so.Mapped[datetime] = so.mapped_column(default=clock.now, index=True)


class Schedule:
    """A daily reminder's schedule: local time, weekdays and zone, and when it was saved."""

    remind_at: so.Mapped[str] = so.mapped_column(sa.String(5))
    weekdays: so.Mapped[int] = so.mapped_column()  # bit 0 is Monday
    time_zone: so.Mapped[str] = so.mapped_column(sa.String(64))
    # A reminder whose minute came before its schedule was saved is not caught up.
    scheduled_at: so.Mapped[datetime] = so.mapped_column(default=clock.now)


class PushDevice(Schedule, Model):
    """A device's daily reminder: local time, weekdays and zone, and its Web Push subscription."""

    __tablename__ = "push_devices"

    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    device_id: so.Mapped[str] = so.mapped_column(sa.String(36), primary_key=True)
    skip_when_written: so.Mapped[bool] = so.mapped_column(default=False)
    endpoint: so.Mapped[str | None] = so.mapped_column(sa.String(1024))
    p256dh: so.Mapped[str | None] = so.mapped_column(sa.String(128))
    auth: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    written_day: so.Mapped[str | None] = so.mapped_column(sa.String(10))
    last_reminded_day: so.Mapped[str | None] = so.mapped_column(sa.String(10))


class CalendarFeed(Schedule, Model):
    """An account's private calendar feed of the daily reminder; only its token's hash is kept."""

    __tablename__ = "calendar_feeds"

    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    lang: so.Mapped[str] = so.mapped_column(sa.String(2))


class GuideInvitation(OneTimeLink, Model):
    """A client's one-time invitation for a guide."""

    __tablename__ = "guide_invitations"

    name_for_guide: so.Mapped[str] = so.mapped_column(sa.String(100), default="")
    created_at: so.Mapped[datetime] = so.mapped_column(default=clock.now)


class GuideLink(Model):
    """An accepted guide of a client (user_id); deleting the row ends every view at once."""

    __tablename__ = "guide_links"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "guide_id", name="uq_guide_links_user_guide"),
        # Never reuse an ended link's id: old bodies may still name it in shared_with.
        {"sqlite_autoincrement": True},
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    guide_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    name_for_guide: so.Mapped[str] = so.mapped_column(sa.String(100), default="")
    show_insights: so.Mapped[bool] = so.mapped_column(default=False)
    # Whether the guide's suggested questions show on the client's Today (the client's choice).
    accepts_suggestions: so.Mapped[bool] = so.mapped_column(default=True, server_default=sa.true())
    accepted_at: so.Mapped[datetime] = so.mapped_column(default=clock.now)
    guide_last_seen_at: so.Mapped[datetime | None]
    # The client's version at the guide's last visit: what is newer is "new since last time".
    seen_version: so.Mapped[int] = so.mapped_column(sa.BigInteger, default=0)


class Share(Model):
    """An entry of a client shared with one guide link, as the entry's current body says."""

    __tablename__ = "shares"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["user_id", "entry_id"], ["entries.user_id", "entries.id"], ondelete="CASCADE"
        ),
        sa.Index("ix_shares_user_id_entry_id", "user_id", "entry_id"),
    )

    link_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("guide_links.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    entry_id: so.Mapped[str] = so.mapped_column(sa.String(36), primary_key=True)


class GuideRecord(Model):
    """A guide's own record of one link: private notes and the last session held.

    Keyed by the link's id but with no foreign key to it: the notes outlive an ended link, until the
    guide deletes them or the account. Only the guide reads it; it never reaches the client.
    """

    __tablename__ = "guide_records"

    link_id: so.Mapped[int] = so.mapped_column(primary_key=True, autoincrement=False)
    # The guide, whose record this is (user_id, like every table's owner).
    user_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    # The client's name as the guide last saw it, kept only while there are notes.
    client_name: so.Mapped[str] = so.mapped_column(sa.String(100), default="")
    notes: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    notes_updated_at: so.Mapped[datetime | None]
    # A day, YYYY-MM-DD, as the guide entered it.
    session_held_on: so.Mapped[str | None] = so.mapped_column(sa.String(10))
    ended_at: so.Mapped[datetime | None]
