"""What a guide wrote into a client's entries, changed by the server when the link ends or changes.

A guide's entries reach the client's devices by the normal pull, so retiring them does the same:
each changed entry gets the next version of the client's counter. The caller holds the client's
row lock (sync.lock_user) and commits.
"""

from datetime import UTC, datetime

import sqlalchemy as sa

from lpb.extensions import db
from lpb.models import Entry, User


def _stamp() -> str:
    """Return the current time as an entry's updated_at."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def link_entries(user_id: int, link_id: int, kind: str) -> list[Entry]:
    """Return the client's live entries of this kind written for this link."""
    rows = db.session.scalars(
        sa.select(Entry).where(
            Entry.user_id == user_id, Entry.kind == kind, Entry.deleted.is_(False)
        )
    )
    return [row for row in rows if (row.body or {}).get("link_id") == link_id]


def _next_version(client: User) -> int:
    """Take the client's next version."""
    client.version += 1
    return client.version


def withdraw_suggestions(client: User, link_id: int) -> None:
    """Delete the suggestions of a link: tombstones, so every device drops them at its next pull."""
    for row in link_entries(client.id, link_id, "guide_suggestion"):
        row.body = {}
        row.deleted = True
        row.updated_at = _stamp()
        row.version = _next_version(client)


def end_questions(client: User, link_id: int) -> None:
    """Mark a link's questions as ended, so no device offers them to be answered any more."""
    for row in link_entries(client.id, link_id, "guide_question"):
        if (row.body or {}).get("ended"):
            continue
        row.body = {**row.body, "ended": True}
        row.updated_at = _stamp()
        row.version = _next_version(client)


def retire_link(client: User, link_id: int) -> None:
    """A link ends: its questions can no longer be answered and its suggestions stop."""
    end_questions(client, link_id)
    withdraw_suggestions(client, link_id)
