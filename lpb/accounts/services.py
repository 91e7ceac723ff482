"""Accounts: email addresses, finding and creating users, and password hashes."""

import re
import unicodedata

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lpb import limits
from lpb.extensions import db
from lpb.models import ResetLink, Session, User

# OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 degree of parallelism.
password_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
_DUMMY_HASH = password_hasher.hash("not a real password")

# Visible or not, these never belong in an email address.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp", "Zs"}
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class InvalidEmail(ValueError):
    """An email address we do not accept; args[0] is the key of the message."""


def normalise_email(email: str) -> str:
    """Return an address as stored (NFKC, lower-case, IDNA domain, no trailing dot), or raise."""
    email = unicodedata.normalize("NFKC", email.strip())
    if any(unicodedata.category(char) in INVISIBLE_CATEGORIES for char in email):
        raise InvalidEmail("email_invisible")
    local, _, domain = email.rpartition("@")
    try:
        domain = domain.lower().removesuffix(".").encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidEmail("email_invalid") from None
    email = f"{local.lower()}@{domain.lower()}"
    if not local or not EMAIL_PATTERN.fullmatch(email) or len(email) > 254:
        raise InvalidEmail("email_invalid")
    return email


def lookup_email(email: str) -> str:
    """Return the form of a typed address to look up: normalised when it can be."""
    try:
        return normalise_email(email)
    except InvalidEmail:
        return email.strip().lower()


def find_user(email: str) -> User | None:
    """Return the account of a typed email address, if there is one."""
    return db.session.scalar(sa.select(User).where(User.email == lookup_email(email)))


def create_user(email: str, password: str) -> User | None:
    """Create an account; None when the address is taken (as slowly: the password is hashed)."""
    email = normalise_email(email)
    password_hash = password_hasher.hash(password)
    if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        return None
    user = User(email=email, password_hash=password_hash, version=0)
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except sa.exc.IntegrityError:
        return None  # the same address registered at the same moment
    return user


def create_user_with_hash(email: str, password_hash: str) -> User | None:
    """Create a confirmed sign-up's account from its stored hash; None when the address is taken."""
    user = User(email=email, password_hash=password_hash, version=0)
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except sa.exc.IntegrityError:
        return None
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


def reset_password(user: User, password: str) -> None:
    """Give a user a new password without the old one: every session and reset link ends."""
    user.password_hash = password_hasher.hash(password)
    db.session.execute(sa.delete(ResetLink).where(ResetLink.user_id == user.id))
    db.session.execute(sa.delete(Session).where(Session.user_id == user.id))
    limits.forget(limits.SIGN_IN_ACCOUNT, user.email)
