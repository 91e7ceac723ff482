"""The server's clock: one aware UTC now(), and the one way the API writes a stored time."""

from datetime import UTC, datetime


def now() -> datetime:
    """Return the current time, aware, in UTC (a function, so tests can set the clock)."""
    return datetime.now(UTC)


def iso(moment: datetime | None) -> str | None:
    """Return a stored UTC time as the API sends it: to the second, with a Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def stamp(moment: datetime) -> str:
    """Return a time as entries carry it (created_at, updated_at): milliseconds and a Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")
