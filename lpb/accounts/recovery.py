"""Getting back into an account: a reset link by email, or a recovery code where there is no mail."""

import logging
import secrets
import smtplib
from datetime import timedelta
from email.message import EmailMessage

import sqlalchemy as sa
from flask import current_app

from lpb import clock
from lpb.accounts import links
from lpb.extensions import db
from lpb.models import ResetLink, User
from lpb.tokens import token_hash

RESET_LINK_MINUTES = 30
RECOVERY_CODE_COUNT = 8
# Crockford's base32: no i, l, o or u, so a code read aloud or copied by hand stays right.
CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4


def mail_configured() -> bool:
    """Return whether this server sends email: FLASK_MAIL_SERVER, and an address for its links."""
    return bool(current_app.config.get("MAIL_SERVER")) and links.mail_problem(current_app) is None


def new_reset_token(user: User) -> str:
    """Give the user a reset link token valid for 30 minutes; links mailed earlier keep working."""
    token = secrets.token_urlsafe(32)
    add_reset_token(user.id, token)
    return token


def add_reset_token(user_id: int, token: str) -> None:
    """Store a reset token's hash for the user, valid for RESET_LINK_MINUTES."""
    db.session.execute(sa.delete(ResetLink).where(ResetLink.expires_at <= clock.now()))
    expires = clock.now() + timedelta(minutes=RESET_LINK_MINUTES)
    db.session.add(ResetLink(user_id=user_id, token_hash=token_hash(token), expires_at=expires))


def clear_reset_tokens(user_id: int) -> None:
    """Void every outstanding reset link of the user (a new password was chosen)."""
    db.session.execute(sa.delete(ResetLink).where(ResetLink.user_id == user_id))


def reset_token_user(token: str) -> User | None:
    """Return the user of a reset token that is unused and not expired."""
    return db.session.scalar(
        sa.select(User)
        .join(ResetLink, ResetLink.user_id == User.id)
        .where(ResetLink.token_hash == token_hash(token), ResetLink.expires_at > clock.now())
    )


def use_reset_token(token: str) -> User | None:
    """Use up a reset token, at most once even when sent twice at the same time; return its user."""
    user_id = db.session.scalar(
        sa.delete(ResetLink)
        .where(ResetLink.token_hash == token_hash(token), ResetLink.expires_at > clock.now())
        .returning(ResetLink.user_id)
    )
    return db.session.get(User, user_id) if user_id is not None else None


def _normalise_code(code: str) -> str:
    """Return a typed code as generated: lower-case, no dashes or spaces, Crockford's look-alikes."""
    code = "".join(code.lower().replace("-", "").split())
    return code.translate(str.maketrans("ilo", "110"))


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with new ones and commit; return them, to be shown once."""
    codes = [
        "-".join(
            "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
            for _ in range(CODE_GROUPS)
        )
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    user.recovery_codes = [token_hash(_normalise_code(code)) for code in codes]
    db.session.commit()
    return codes


def use_recovery_code(user: User | None, code: str) -> bool:
    """Use up one of the user's recovery codes; return whether it was one."""
    code_hash = token_hash(_normalise_code(code))
    if user is None:
        return False
    locked = db.session.scalars(
        sa.select(User)
        .where(User.id == user.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    if code_hash not in locked.recovery_codes:
        return False
    locked.recovery_codes = [kept for kept in locked.recovery_codes if kept != code_hash]
    return True


def deliver_now(to: str, subject: str, body: str) -> None:
    """Send a plain-text email from this thread (one already in the background)."""
    message, settings = _message(to, subject, body)
    _deliver(settings, message, current_app.logger)


def mail_reset_link(email: str, token: str, subject: str, body: str) -> None:
    """In the background: if the address has an account, store the token and mail its link."""
    user_id = db.session.scalar(sa.select(User.id).where(User.email == email))
    if user_id is None:
        db.session.rollback()
        return
    add_reset_token(user_id, token)
    db.session.commit()
    deliver_now(email, subject, body)


def _message(to: str, subject: str, body: str) -> tuple[EmailMessage, dict]:
    """Return a plain-text message and the SMTP settings to send it with."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config.get("MAIL_SENDER") or config.get("MAIL_USERNAME")
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    settings = {
        key: config.get(f"MAIL_{key.upper()}")
        for key in ("server", "port", "username", "password", "use_tls", "use_ssl")
    }
    return message, settings


def _deliver(settings: dict, message: EmailMessage, logger: logging.Logger) -> None:
    """Hand a message to the SMTP server; a failure is logged (the user can ask again)."""
    connect = smtplib.SMTP_SSL if settings["use_ssl"] else smtplib.SMTP
    default_port = 465 if settings["use_ssl"] else (587 if settings["use_tls"] else 25)
    try:
        with connect(settings["server"], int(settings["port"] or default_port), timeout=30) as smtp:
            if settings["use_tls"]:
                smtp.starttls()
            if settings["username"]:
                # from_prefixed_env reads values as JSON: a password of digits arrives as a number.
                smtp.login(str(settings["username"]), str(settings["password"] or ""))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        logger.exception("Could not send an email")
