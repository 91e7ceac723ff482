"""Accounts: password hashing, server-side sessions that can be revoked, and sign-in limits."""

import hashlib
import secrets
from datetime import timedelta
from typing import cast

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Response, current_app, g, request, session
from sqlalchemy.exc import OperationalError

from lpb.extensions import db
from lpb.models import FailedSignIn, Session, User, utcnow

# OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 degree of parallelism.
password_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_DUMMY_HASH = password_hasher.hash("not a real password")

LIMIT_WINDOW = timedelta(minutes=15)
LIMIT_PER_ACCOUNT = 5
LIMIT_PER_ADDRESS = 20
LAST_SEEN_EVERY = timedelta(minutes=5)


def normalise_email(email: str) -> str:
    """Return an email address as stored: trimmed and lower-case."""
    return email.strip().lower()


def create_user(email: str, password: str) -> User | None:
    """Create an account; None when the address is taken."""
    email = normalise_email(email)
    if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        return None
    user = User(email=email, password_hash=password_hasher.hash(password), version=0)
    db.session.add(user)
    db.session.flush()
    return user


def check_password(user: User | None, password: str) -> bool:
    """Return whether password is the user's; takes as long for an unknown user."""
    try:
        password_hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    if user is None:
        return False
    if password_hasher.check_needs_rehash(user.password_hash):
        user.password_hash = password_hasher.hash(password)
    return True


def set_password(user: User, password: str) -> None:
    """Change the user's password and sign out every other session."""
    user.password_hash = password_hasher.hash(password)
    end_other_sessions(user)


def _token_hash(token: str) -> str:
    """Return the stored form of a session token: only its hash is kept."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> None:
    """Sign the browser in: a new server-side session whose token lives in the cookie."""
    token = secrets.token_urlsafe(32)
    agent = request.user_agent.string[:200]
    db.session.add(Session(token_hash=_token_hash(token), user_id=user.id, label=agent))
    session.clear()
    session["token"] = token
    session.permanent = True
    g.user = user


def current_user() -> User | None:
    """Return the signed-in user, or None; a revoked or expired session counts as signed out."""
    if "user" in g:
        return g.user
    g.user = None
    token = session.get("token")
    if not token:
        return None
    row = db.session.get(Session, _token_hash(token))
    lifetime = current_app.permanent_session_lifetime
    if row is None or row.last_seen < utcnow() - lifetime:
        return None
    if row.last_seen < utcnow() - LAST_SEEN_EVERY:
        g.session_to_touch = row.token_hash  # written by touch_session, after the view
    g.user = db.session.get(User, row.user_id)
    return g.user


def touch_session(response: Response) -> Response:
    """Note that a session is in use, in a transaction of its own (reading never commits)."""
    token_hash = g.pop("session_to_touch", None)
    if token_hash is None:
        return response
    db.session.rollback()
    try:
        db.session.execute(
            sa.update(Session).where(Session.token_hash == token_hash).values(last_seen=utcnow())
        )
        db.session.commit()
    except OperationalError:
        # A busy database must not fail an answer already made; the next request tries again.
        db.session.rollback()
    return response


def end_session() -> None:
    """Sign this browser out: its server-side session is deleted, so a copied cookie dies too."""
    token = session.get("token")
    if token:
        db.session.execute(sa.delete(Session).where(Session.token_hash == _token_hash(token)))
    session.clear()
    g.user = None


def end_other_sessions(user: User) -> int:
    """Sign out every session of the user but this one; return how many ended."""
    keep = _token_hash(session.get("token", ""))
    result = db.session.execute(
        sa.delete(Session).where(Session.user_id == user.id, Session.token_hash != keep)
    )
    return cast(sa.CursorResult, result).rowcount


def client_address() -> str:
    """Return the caller's address (ProxyFix makes this the real one behind a proxy)."""
    return (request.remote_addr or "unknown")[:64]


def sign_in_blocked(email: str) -> bool:
    """Return whether too many sign-ins failed lately for this account or address."""
    since = utcnow() - LIMIT_WINDOW
    recent = sa.select(sa.func.count()).select_from(FailedSignIn).where(FailedSignIn.at > since)
    per_account = db.session.scalar(recent.where(FailedSignIn.email == normalise_email(email)))
    per_address = db.session.scalar(recent.where(FailedSignIn.address == client_address()))
    return (per_account or 0) >= LIMIT_PER_ACCOUNT or (per_address or 0) >= LIMIT_PER_ADDRESS


def record_failed_sign_in(email: str) -> None:
    """Count a failed sign-in (in the database, so every worker sees it)."""
    db.session.add(FailedSignIn(email=normalise_email(email)[:254], address=client_address()))
    db.session.execute(sa.delete(FailedSignIn).where(FailedSignIn.at < utcnow() - LIMIT_WINDOW))


def forget_failed_sign_ins(email: str) -> None:
    """Clear an account's failed sign-ins after a successful one."""
    db.session.execute(sa.delete(FailedSignIn).where(FailedSignIn.email == normalise_email(email)))
