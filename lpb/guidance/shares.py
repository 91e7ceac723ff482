"""Which entries a guide may read: the shares table, kept equal to what the entries' bodies say.

An entry is shared with a guide link when its body's shared_with names the link, the link is one of
the entry's owner's own accepted links, the entry is a live reflection or summary, and it is not a
conflict copy (a copy is kept for its writer to merge, never shown to a guide).
"""

from collections.abc import Iterable

import sqlalchemy as sa

from lpb.extensions import db
from lpb.models import Entry, GuideLink, NewEntry, Share
from lpb.sync.contract import MAX_LINK_ID

SHAREABLE_KINDS = ("reflection", "shared_summary")


def shared_link_ids(entry: Entry | NewEntry) -> set[int]:
    """Return the link ids an entry's body asks to share it with (not yet checked as the owner's)."""
    if entry.deleted or entry.conflict_of or entry.kind not in SHAREABLE_KINDS:
        return set()
    wanted = (entry.body or {}).get("shared_with") or []
    return {
        link
        for link in wanted
        if isinstance(link, int) and not isinstance(link, bool) and 0 < link <= MAX_LINK_ID
    }


def refresh(user_id: int, entries: Iterable[Entry | NewEntry]) -> None:
    """Make the shares of these entries of one user what their current bodies say."""
    entries = list(entries)
    if not entries:
        return
    db.session.flush()
    db.session.execute(
        sa.delete(Share).where(
            Share.user_id == user_id, Share.entry_id.in_([entry.id for entry in entries])
        )
    )
    wanted = {entry.id: shared_link_ids(entry) for entry in entries}
    asked = set().union(*wanted.values())
    if not asked:
        return
    own = set(
        db.session.scalars(
            sa.select(GuideLink.id).where(GuideLink.user_id == user_id, GuideLink.id.in_(asked))
        )
    )
    rows = [
        {"link_id": link, "user_id": user_id, "entry_id": entry_id}
        for entry_id, links in wanted.items()
        for link in sorted(links & own)
    ]
    if rows:
        db.session.execute(sa.insert(Share), rows)


def guiding(user_id: int) -> bool:
    """Return whether an account guides at least one client."""
    return (
        db.session.scalar(sa.select(GuideLink.id).where(GuideLink.guide_id == user_id).limit(1))
        is not None
    )
