"""The signed-in browser: revocable server-side sessions, device cookies and sign-in limits.

This is where an account meets the request: the session cookie's token (only its hash is stored),
the caller's address, and the signed cookie of a browser the owner signed in on before.
"""

import hmac
import ipaddress
import secrets
from datetime import timedelta
from typing import cast

import sqlalchemy as sa
from flask import Response, current_app, g, request, session
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.exc import OperationalError
from werkzeug.wrappers import Response as BaseResponse

from lpb import clock, limits, tokens
from lpb.accounts.services import lookup_email, password_hasher, reset_password
from lpb.extensions import db
from lpb.models import ResetLink, Session, User

LAST_SEEN_EVERY = timedelta(minutes=5)


DEVICE_COOKIE_AGE = timedelta(days=400)


def start_session(user: User) -> None:
    """Sign the browser in: a new server-side session, and the browser's old one ends."""
    end_session()
    token = secrets.token_urlsafe(32)
    agent = "".join(c for c in request.user_agent.string[:200] if c.isprintable())
    db.session.add(Session(token_hash=tokens.token_hash(token), user_id=user.id, label=agent))
    session.clear()
    session["token"] = token
    session.permanent = True
    g.user, g.user_id = user, user.id


# Built once: every API request asks it first.
SIGNED_IN_SESSION = sa.select(Session.user_id, Session.last_seen).where(
    Session.token_hash == sa.bindparam("token_hash")
)


def current_user_id() -> int | None:
    """Return the signed-in user's id, or None, without loading the user (one Core query)."""
    if "user_id" in g:
        return g.user_id
    g.user_id = None
    token = session.get("token")
    if not token:
        return None
    token_hash = tokens.token_hash(token)
    found = db.session.connection().execute(SIGNED_IN_SESSION, {"token_hash": token_hash}).first()
    lifetime = current_app.permanent_session_lifetime
    if found is None or found.last_seen < clock.now() - lifetime:
        return None
    if found.last_seen < clock.now() - LAST_SEEN_EVERY:
        g.session_to_touch = token_hash  # written by touch_session, after the view
    g.user_id = found.user_id
    return g.user_id


def session_key() -> str:
    """Return a key for this browser's session (its token's hash), to limit what it sends."""
    return tokens.token_hash(session.get("token", ""))


def current_user() -> User | None:
    """Return the signed-in user, or None; a revoked or expired session counts as signed out."""
    if "user" in g:
        return g.user
    user_id = current_user_id()
    g.user = None if user_id is None else db.session.get(User, user_id)
    return g.user


def touch_session(response: Response) -> Response:
    """Note that a session is in use, in a transaction of its own (reading never commits)."""
    token_hash = g.pop("session_to_touch", None)
    if token_hash is None:
        return response
    db.session.rollback()
    try:
        db.session.execute(
            sa.update(Session).where(Session.token_hash == token_hash).values(last_seen=clock.now())
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
        db.session.execute(sa.delete(Session).where(Session.token_hash == tokens.token_hash(token)))
    session.clear()
    g.user = g.user_id = None


def end_other_sessions(user: User) -> int:
    """Sign out every session of the user but this one; return how many ended."""
    keep = tokens.token_hash(session.get("token", ""))
    result = db.session.execute(
        sa.delete(Session).where(Session.user_id == user.id, Session.token_hash != keep)
    )
    return cast(sa.CursorResult, result).rowcount


def client_address() -> str:
    """Return the caller's address (ProxyFix makes it the real one behind a proxy), as limited.

    An IPv6 address counts as its /64: one subscriber usually holds all of it.
    """
    address = request.remote_addr or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if ip.version == 6 and ip.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _device_serializer() -> URLSafeSerializer:
    """Return the signer of device cookies."""
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="lpb-device")


def _device_cookie_name() -> str:
    """Return the device cookie's name, __Host- prefixed over HTTPS like the session's."""
    return "__Host-lpb_device" if request.is_secure else "lpb_device"


def known_device(user: User | None) -> str | None:
    """Return the id of this browser if the user signed in on it before (a signed cookie)."""
    cookie = request.cookies.get(_device_cookie_name())
    if user is None or not cookie:
        return None
    try:
        device = _device_serializer().loads(cookie)
    except BadSignature:
        return None
    # The account's random key, not its id: a cookie never fits an account made later.
    if not isinstance(device, dict) or not hmac.compare_digest(
        str(device.get("account", "")), user.device_key
    ):
        return None
    return str(device.get("id"))


def remember_device(response: BaseResponse, user: User) -> None:
    """Mark this browser as one the user signs in on, so it keeps an allowance of its own."""
    device = {"id": known_device(user) or secrets.token_urlsafe(16), "account": user.device_key}
    response.set_cookie(
        _device_cookie_name(),
        _device_serializer().dumps(device),
        max_age=DEVICE_COOKIE_AGE,
        secure=request.is_secure,
        httponly=True,
        samesite="Lax",
    )


Counters = list[tuple[limits.Limit, str, int | None]]


def owner_or_stranger(
    email: str, user: User | None, kinds: tuple[limits.Limit, limits.Limit, limits.Limit]
) -> Counters:
    """Return the counters a try about an account counts against: (address, account, device).

    A browser the owner signed in on before counts only against itself, so an attacker's tries
    elsewhere (same account, same shared address) never make the owner wait (OWASP's device cookies).
    """
    address, account, device_limit = kinds
    device = known_device(user)
    if device and user is not None:
        return [(device_limit, device, user.id)]
    return [(address, client_address(), None), (account, email, user.id if user else None)]


def recovery_counters(email: str, user: User | None) -> Counters:
    """Return the counters a try with a recovery code counts against.

    The owner's own browser counts only against itself: a stranger's guesses cost it nothing.
    """
    kinds = (limits.RECOVER_ADDRESS, limits.RECOVER_ACCOUNT, limits.RECOVER_DEVICE)
    return owner_or_stranger(lookup_email(email), user, kinds)


def recovered(counters: Counters) -> None:
    """Forget the failed recovery tries of this device and account (the caller commits)."""
    for limit, value, _user_id in counters:
        if limit is not limits.RECOVER_ADDRESS:
            limits.forget(limit, value)


def _sign_in_limits(email: str, user: User | None) -> Counters:
    """Return the counters a sign-in counts against."""
    kinds = (limits.SIGN_IN_ADDRESS, limits.SIGN_IN_ACCOUNT, limits.SIGN_IN_DEVICE)
    return owner_or_stranger(email, user, kinds)


def count_sign_in(email: str, user: User | None) -> int:
    """Count a sign-in before the password is checked; return 0, or the seconds to wait."""
    return limits.attempt_all(_sign_in_limits(lookup_email(email), user))


def sign_in_succeeded(email: str, user: User) -> None:
    """Forget the failures of this device or account; a shared address only gets its try back."""
    for limit, value, _user_id in _sign_in_limits(lookup_email(email), user):
        if limit is limits.SIGN_IN_ADDRESS:
            limits.take_back(limit, value)
        else:
            limits.forget(limit, value)


def set_password(user: User, password: str) -> None:
    """Change the user's password, sign out every other session and void every reset link."""
    user.password_hash = password_hasher.hash(password)
    end_other_sessions(user)
    db.session.execute(sa.delete(ResetLink).where(ResetLink.user_id == user.id))


def sign_in(user: User) -> None:
    """Start a session for the user on this browser, and commit."""
    start_session(user)
    db.session.commit()


def change_password(user: User, password: str) -> None:
    """Change the signed-in user's password, keeping only this session, and commit."""
    set_password(user, password)
    db.session.commit()


def sign_out_others(user: User) -> int:
    """End the user's sessions on every other browser and commit; return how many ended."""
    ended = end_other_sessions(user)
    db.session.commit()
    return ended


def password_tried(user: User) -> None:
    """Give back the password change tries once the current password was right, and commit."""
    limits.forget(limits.PASSWORD_CHANGE, f"user:{user.id}")
    db.session.commit()


def reset_and_sign_out(user: User, password: str) -> None:
    """Give the user a new password without the old one, end every session, and commit."""
    reset_password(user, password)
    end_session()
    db.session.commit()


def sign_out() -> None:
    """End this browser's session on the server, and commit."""
    end_session()
    db.session.commit()
