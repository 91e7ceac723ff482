"""Import: a JSON export merged into an account, without duplicates, a chunk at a time."""

import time

import sqlalchemy as sa

from lpb.extensions import db
from lpb.jsonapi import ApiError, parse
from lpb.models import Entry
from lpb.sync import contract
from lpb.sync.contract import EXPORT_FORMAT, EXPORT_VERSION
from lpb.sync.services import GUIDE_KINDS, Batch, Mutation, lock_user, put_of

# Per transaction: a chunk is written in well under 100 ms, so others wait that long at most.
IMPORT_CHUNK = 200
IMPORT_PAUSE_SECONDS = 0.03
MAX_ACCOUNT_ENTRIES = 50_000


def parse_import(payload: object) -> list[tuple[Mutation, str | None]]:
    """Check an export document; return its entries as puts with their conflict_of, or fail."""
    if not isinstance(payload, dict) or payload.get("format") != EXPORT_FORMAT:
        raise ApiError(400, "invalid_import", "This is not a Levensloopbaan JSON export.")
    if payload.get("version") != EXPORT_VERSION:
        raise ApiError(
            400, "invalid_import", f"Export version {payload.get('version')!r} is not supported."
        )
    document = parse(contract.ExportDocument, payload)
    return [
        (put_of(item, f"entries[{index}]"), item.conflict_of)
        for index, item in enumerate(document.entries)
    ]


def import_chunk(user_id: int, entries: list[tuple[Mutation, str | None]]) -> dict:
    """Add the entries of one chunk this account does not have yet, in the caller's transaction."""
    batch = Batch(lock_user(user_id), "import")
    batch.preload({mutation.id for mutation, _ in entries})
    added = 0
    for mutation, conflict_of in entries:
        if batch.known[mutation.id] is not None:
            continue
        # An import never grants anyone access: link ids in a file name no links of this account.
        mutation.body.pop("shared_with", None)
        batch.insert(mutation).conflict_of = conflict_of
        added += 1
    batch.write()
    return {"added": added, "skipped": len(entries) - added}


def check_account_room(user_id: int, entries: list[tuple[Mutation, str | None]]) -> None:
    """Refuse an import that would take an account past MAX_ACCOUNT_ENTRIES."""
    ids = list({mutation.id for mutation, _ in entries})
    # A guide's questions and replies are not the account's own writing: they never use its room.
    stored = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Entry)
        .where(Entry.user_id == user_id, Entry.kind.not_in(GUIDE_KINDS))
    )
    known = sum(
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Entry)
            .where(
                Entry.user_id == user_id,
                Entry.kind.not_in(GUIDE_KINDS),
                Entry.id.in_(ids[start : start + IMPORT_CHUNK]),
            )
        )
        or 0
        for start in range(0, len(ids), IMPORT_CHUNK)
    )
    if (stored or 0) + len(ids) - known > MAX_ACCOUNT_ENTRIES:
        raise ApiError(
            413,
            "import_too_large",
            f"An account holds at most {MAX_ACCOUNT_ENTRIES} entries; this import would go over.",
        )


def import_entries(user_id: int, entries: list[tuple[Mutation, str | None]]) -> dict:
    """Merge checked entries into an account, committing chunk by chunk; return what was added."""
    # Each chunk is its own short transaction, so a large import never holds the database (SQLite:
    # its one write lock) for long. Stopped halfway, an import is sent again: what arrived is skipped.
    check_account_room(user_id, entries)
    db.session.commit()
    answer = {"added": 0, "skipped": 0}
    for start in range(0, len(entries), IMPORT_CHUNK):
        began = time.monotonic()
        chunk = import_chunk(user_id, entries[start : start + IMPORT_CHUNK])
        db.session.commit()
        answer = {key: answer[key] + chunk[key] for key in answer}
        if db.engine.dialect.name == "sqlite":
            # Give waiting writers (who try every few ms, see lpb/sqlite_writer.py) their turn: the
            # lock is left free at least twice as long as a chunk held it, on a busy machine too.
            time.sleep(max(IMPORT_PAUSE_SECONDS, 2 * (time.monotonic() - began)))
    return answer
