"""Limits on how often something may be tried, kept in the database so they hold across workers.

Each try is counted before the work it guards (a password check, a sign-up) under a row lock, so
simultaneous requests cannot all slip through before any of them is counted.
"""

import hashlib
import hmac
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import wraps
from typing import ParamSpec, TypeVar

import sqlalchemy as sa
from flask import current_app, g
from sqlalchemy.dialects import postgresql, sqlite

from lpb import clock
from lpb.errors import too_many
from lpb.extensions import db
from lpb.models import RateLimit

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Rate:
    """At most count tries per period; after that, wait until the period is over."""

    name: str
    count: int
    period: timedelta

    def count_try(self, row: RateLimit, now: datetime, allowed: int) -> int:
        """Count a try on the row; return 0, or the seconds to wait when it is refused."""
        if row.tries >= allowed:
            return _seconds(row.started_at + self.period - now)
        row.tries += 1
        row.expires_at = row.started_at + self.period
        return 0

    def uncount(self, row: RateLimit) -> None:
        """Take back one counted try."""
        row.tries = max(row.tries - 1, 0)


@dataclass(frozen=True)
class BackOff:
    """Free tries, then a wait before each next one that doubles up to a cap (never a hard lock)."""

    name: str
    count: int
    first_wait: timedelta = timedelta(seconds=30)
    max_wait: timedelta = timedelta(minutes=15)
    # Longer than max_wait, or waiting out the longest pause would earn fresh free tries.
    forget_after: timedelta = timedelta(days=1)

    def count_try(self, row: RateLimit, now: datetime, allowed: int) -> int:
        """Count a try on the row; return 0, or the seconds to wait when it is refused."""
        if row.blocked_until and row.blocked_until > now:
            return _seconds(row.blocked_until - now)
        row.tries += 1
        if row.tries >= allowed:
            doublings = min(row.tries - allowed, 20)
            row.blocked_until = now + min(self.first_wait * 2**doublings, self.max_wait)
        row.expires_at = now + self.forget_after
        return 0

    def uncount(self, row: RateLimit) -> None:
        """Take back one counted try and the wait it started."""
        row.tries = max(row.tries - 1, 0)
        row.blocked_until = None


Limit = Rate | BackOff


def _seconds(delta: timedelta) -> int:
    """Return a wait in whole seconds, at least 1."""
    return max(math.ceil(delta.total_seconds()), 1)


def _key(limit: Limit, value: str) -> str:
    """Return the row key: the limit's name and a keyed hash, so no address is stored in clear."""
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    digest = hmac.new(secret, value.encode("utf-8", "surrogatepass"), hashlib.sha256)
    return f"{limit.name}:{digest.hexdigest()}"


def _allowed(limit: Limit) -> int:
    """Return how many tries the limit allows; RATE_LIMITS in the config can change that."""
    return _allowed_count(limit.name, limit.count)


def _allowed_count(name: str, count: int) -> int:
    """Return a limit's count, or what RATE_LIMITS in the config says for its name."""
    return int(current_app.config.get("RATE_LIMITS", {}).get(name, count))


def _locked_row(key: str, now: datetime) -> RateLimit:
    """Return the key's row, created if missing, locked until the transaction ends."""
    insert = postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
    db.session.execute(
        insert(RateLimit)
        .values(key=key, tries=0, started_at=now, expires_at=now)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    # FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the only write lock.
    row = db.session.scalars(
        sa.select(RateLimit)
        .where(RateLimit.key == key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    if row.expires_at <= now:
        row.tries, row.started_at, row.blocked_until = 0, now, None
    return row


def _remove_expired(now: datetime, keep: str) -> None:
    """Delete some expired rows; rows another request holds are skipped, never waited for."""
    expired = (
        sa.select(RateLimit.key)
        .where(RateLimit.expires_at < now, RateLimit.key != keep)
        .limit(100)
        .with_for_update(skip_locked=True)
    )
    db.session.execute(sa.delete(RateLimit).where(RateLimit.key.in_(expired)))


def attempt(limit: Limit, value: str, user_id: int | None = None) -> int:
    """Count a try and commit; return 0 to go ahead, or the seconds to wait (not counted)."""
    now = clock.now()
    key = _key(limit, value)
    row = _locked_row(key, now)
    wait = limit.count_try(row, now, _allowed(limit))
    row.user_id = user_id or row.user_id
    _remove_expired(now, key)
    db.session.commit()
    return wait


def attempt_all(counters: list[tuple[Limit, str, int | None]]) -> int:
    """Count a try against each (limit, value, user id) in turn; if one refuses, take the rest back."""
    counted: list[tuple[Limit, str]] = []
    for limit, value, user_id in counters:
        wait = attempt(limit, value, user_id)
        if wait:
            for earlier, earlier_value in counted:
                take_back(earlier, earlier_value)
            db.session.commit()
            return wait
        counted.append((limit, value))
    return 0


def take_back(limit: Limit, value: str) -> None:
    """Take back a counted try that turned out fine (the caller commits)."""
    row = db.session.scalars(
        sa.select(RateLimit)
        .where(RateLimit.key == _key(limit, value))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if row is not None:
        limit.uncount(row)


def forget(limit: Limit, value: str) -> None:
    """Drop every counted try under a key, after a success (the caller commits)."""
    db.session.execute(sa.delete(RateLimit).where(RateLimit.key == _key(limit, value)))


def limited(limit: Limit) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Limit an API view per signed-in user (put it under @signed_in)."""

    def decorate(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            wait = attempt(limit, f"user:{g.user_id}", user_id=g.user_id)
            if wait:
                raise too_many(wait)
            return view(*args, **kwargs)

        return wrapped

    return decorate


class LocalBucket:
    """A token bucket per key, in this process's memory: a cheap limit for requests too frequent
    to count in the database (a push). With several workers each holds its own buckets."""

    def __init__(self, name: str, burst: int, per_second: float):
        self.name, self.burst, self.per_second = name, burst, per_second
        self.buckets: dict[str, tuple[float, float]] = {}  # key → (tokens, at)
        self.lock = threading.Lock()

    def take(self, key: str) -> int:
        """Take a token; return 0, or the seconds to wait when the bucket is empty."""
        burst = _allowed_count(self.name, self.burst)
        now = time.monotonic()
        with self.lock:
            tokens, at = self.buckets.get(key, (burst, now))
            tokens = min(burst, tokens + (now - at) * self.per_second)
            if tokens < 1:
                return max(math.ceil((1 - tokens) / self.per_second), 1)
            self.buckets[key] = (tokens - 1, now)
            if len(self.buckets) > 10_000:  # forget the keys that are full again
                full = [
                    k
                    for k, (t, a) in self.buckets.items()
                    if t + (now - a) * self.per_second >= burst
                ]
                for forgotten in full:
                    del self.buckets[forgotten]
        return 0


# Registration, password and account operations; sign-in has its own keys in lpb/accounts/sessions.py.
REGISTER = Rate("register", 10, timedelta(hours=1))
PASSWORD_CHANGE = BackOff("password-change", 5)
DELETE_ACCOUNT = BackOff("delete-account", 5)
EXPORT = Rate("export", 60, timedelta(hours=1))
IMPORT = Rate("import", 60, timedelta(hours=1))
RESET_MAIL_ADDRESS = Rate("reset-mail-address", 10, timedelta(hours=1))
RESET_MAIL_ACCOUNT = Rate("reset-mail-account", 3, timedelta(hours=1))
RESET_MAIL_DEVICE = Rate("reset-mail-device", 3, timedelta(hours=1))
RECOVER_ADDRESS = BackOff("recover-address", 20)
RECOVER_ACCOUNT = BackOff("recover-account", 5)
RECOVER_DEVICE = BackOff("recover-device", 5)
GUIDE_WRITE = Rate("guide-write", 30, timedelta(hours=1))
SIGN_IN_ADDRESS = BackOff("sign-in-address", 20)
SIGN_IN_ACCOUNT = BackOff("sign-in-account", 5)
SIGN_IN_DEVICE = BackOff("sign-in-device", 5)
# Pushes per signed-in browser: a burst of 120, then 4 a second (a week offline is 10 pushes).
PUSH = LocalBucket("push", 120, 4.0)
