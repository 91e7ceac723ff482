"""Signing up when the server sends mail: the address is confirmed before the account exists.

Whether or not an address has an account, the form answers the same ("check your email") in the
same time, and what differs happens after the answer, in the background: a new address gets a
link that creates the account; the owner of a taken one gets a note that someone tried.
"""

import base64
import hashlib
import json
import threading
from collections.abc import Callable

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

from lpb.accounts import recovery
from lpb.extensions import db
from lpb.models import User

CONFIRM_HOURS = 24


def _fernet() -> Fernet:
    """Return the cipher of sign-up links, keyed by the server's secret."""
    secret = str(current_app.config["SECRET_KEY"]).encode()
    key = hashlib.sha256(b"lpb-signup:" + secret).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def confirm_token(email: str, password_hash: str) -> str:
    """Return a sign-up link's token: the address and password hash, encrypted (never readable)."""
    payload = json.dumps({"email": email, "hash": password_hash}).encode()
    return _fernet().encrypt(payload).decode()


def read_token(token: str) -> tuple[str, str] | None:
    """Return (email, password hash) of a sign-up token younger than a day, else None."""
    try:
        payload = json.loads(_fernet().decrypt(token.encode(), ttl=CONFIRM_HOURS * 3600))
    except (InvalidToken, ValueError, UnicodeError):
        return None
    return payload["email"], payload["hash"]


def in_background(work: Callable[..., None], *args: object) -> None:
    """Run work(*args) after the answer, in a thread with the app's context; failures are logged."""
    app = current_app._get_current_object()

    def run() -> None:
        with app.app_context():
            try:
                work(*args)
            except Exception:
                db.session.rollback()
                app.logger.exception("Background work failed")
            finally:
                db.session.remove()

    threading.Thread(target=run, daemon=True).start()


def mail_signup(email: str, new_mail: tuple[str, str], taken_mail: tuple[str, str]) -> None:
    """Mail the sign-up link to a new address, or the note to the owner of a taken one."""
    taken = db.session.scalar(sa.select(User.id).where(User.email == email)) is not None
    db.session.rollback()
    subject, body = taken_mail if taken else new_mail
    recovery.deliver_now(email, subject, body)
