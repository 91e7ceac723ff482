"""Database models: users, their sessions and devices, their entries, and rate limits."""

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
    # sha256 of each unused recovery code; the codes themselves are shown once and never stored.
    recovery_codes: so.Mapped[list[str]] = so.mapped_column(sa.JSON, default=list)
    reset_token_hash: so.Mapped[str | None] = so.mapped_column(sa.String(64), unique=True)
    reset_expires_at: so.Mapped[datetime | None]


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


class RateLimit(db.Model):
    """How often something was tried lately, under one key (a keyed hash of an email, address …)."""

    __tablename__ = "rate_limits"

    key: so.Mapped[str] = so.mapped_column(sa.String(100), primary_key=True)
    # The account the tries were about, if any: erasing the account erases its counters.
    user_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    tries: so.Mapped[int] = so.mapped_column(default=0)
    started_at: so.Mapped[datetime] = so.mapped_column(default=utcnow)
    blocked_until: so.Mapped[datetime | None]
    expires_at: so.Mapped[datetime] = so.mapped_column(default=utcnow, index=True)
