"""Secrets the server keeps: the stored form of a token, and secrets kept in the instance folder."""

import hashlib
import os
from collections.abc import Callable
from pathlib import Path


def token_hash(token: str) -> str:
    """Return the stored form of a secret with plenty of entropy (a token, a code): its sha256.

    Only the hash is kept, so a copy of the database opens no session, link or feed.
    """
    return hashlib.sha256(token.encode()).hexdigest()


def instance_secret(instance: Path, name: str, make: Callable[[], bytes]) -> bytes:
    """Return the secret kept in the instance folder under this name, made on first run."""
    secret_file = instance / name
    if not secret_file.exists():
        # Several workers may start at once: write aside, then link, so one secret wins for all.
        draft = instance / f"{name}.{os.getpid()}"
        draft.write_bytes(make())
        draft.chmod(0o600)
        try:
            os.link(draft, secret_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return secret_file.read_bytes()
