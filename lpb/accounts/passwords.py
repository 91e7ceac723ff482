"""Which new passwords we accept (NIST SP 800-63B): long enough, not common, not the email.

No composition rules; the list of common passwords ships with the app and is checked offline.
"""

import unicodedata
from functools import cache
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 128
DATA = Path(__file__).parent.parent / "data"
# The international list (scripts/make-common-passwords.py) and common Dutch and Flemish ones.
COMMON_FILES = (DATA / "common-passwords.txt", DATA / "common-passwords-nl.txt")
# Spaces, line breaks, zero-width and other format characters: nothing anyone can see.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Zs"}


@cache
def common_passwords() -> frozenset[str]:
    """Return the shipped lists of common passwords, read once."""
    return frozenset(
        word for path in COMMON_FILES for word in path.read_text(encoding="utf-8").split()
    )


def _folded(text: str) -> str:
    """Return text as compared: NFKC, case-folded, without spaces."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def problem(password: str, email: str = "") -> str | None:
    """Return the message key of what is wrong with a new password, or None when it is fine."""
    if len(password) > MAX_LENGTH:
        return "password_long"
    if all(unicodedata.category(char) in INVISIBLE_CATEGORIES for char in password):
        return "password_blank" if password else "field_required"
    if len(password) < MIN_LENGTH:
        return "password_short"
    folded = _folded(password)
    if folded in common_passwords():
        return "password_common"
    local_part = email.rpartition("@")[0]
    if email and folded in {_folded(email), _folded(local_part)}:
        return "password_is_email"
    return None
