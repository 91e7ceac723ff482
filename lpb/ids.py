"""Ids read from a path or a body: a row's number, a device's or entry's UUID, checked."""

import uuid


def row_number(raw: str) -> int | None:
    """Return a row id written in a path, or None if no row can have it."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10 or int(raw) >= 2**31:
        return None
    return int(raw)


def canonical_uuid(raw: str) -> str | None:
    """Return a UUID in its canonical form, or None if it is not one."""
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return None
