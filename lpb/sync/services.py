"""Sync: validating pushed changes, applying them once in one transaction, and paging changes out.

The server orders every change by a version it assigns per user (never by device clocks).
A mutation names the version its entry was based on; a stale one becomes a conflict copy,
so nothing is silently overwritten, and a delete always wins over an edit.
"""

import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import current_app

from lpb.extensions import db
from lpb.guidance import shares
from lpb.jsonapi import ApiError, invalid, parse
from lpb.models import Client, Entry, NewEntry, User, own_or_404, uuid_id
from lpb.sync import contract
from lpb.sync.contract import EntryInput

# The guide kinds are written by the server for a guide (lpb/guidance/); a device may delete them,
# never write them.
from lpb.vocabulary import GUIDE_KINDS

MAX_BODY_BYTES = 64 * 1024
# A push body's size at most, refused before it is parsed (the app sends at most 512 KiB).
MAX_PUSH_BYTES = 1024 * 1024
MAX_PULL_LIMIT = 5000
MAX_PULL_BYTES = 4 * 1024 * 1024  # about; a page stops after the change that passes it
# Fields the server owns or that only mean something on the device: never kept in the body.
RESERVED_FIELDS = {
    "id",
    "kind",
    "version",
    "deleted",
    "created_at",
    "updated_at",
    "conflict_of",
    "sync",
}


@dataclass
class Mutation:
    """One checked change from a device."""

    mid: int
    op: str
    base_version: int
    id: str
    kind: str = "reflection"
    body: dict = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""


def put_of(entry: EntryInput, where: str, mid: int = 0, base: int = 0) -> Mutation:
    """Return a checked entry (from a device or an import) as a put of its own fields."""
    body = entry.model_dump(exclude_unset=True, exclude=RESERVED_FIELDS, by_alias=True)
    # UTF-8, as sent: escaped as \u sequences, a 20,000-character text in another script would not fit.
    if len(json.dumps(body, ensure_ascii=False).encode()) > MAX_BODY_BYTES:
        raise ApiError(413, "entry_too_large", f"{where} is larger than {MAX_BODY_BYTES} bytes.")
    return Mutation(
        mid, "put", base, entry.id, entry.kind, body, entry.created_at, entry.updated_at
    )


def parse_push(payload: object) -> tuple[str, list[Mutation]]:
    """Check a push request against the contract and return its client id and mutations."""
    pushed = parse(contract.PushRequest, payload)
    mutations = []
    for index, item in enumerate(pushed.mutations):
        if index and item.mid <= pushed.mutations[index - 1].mid:
            raise invalid(f"mutations[{index}].mid must be larger than the mid before it.")
        if item.op == "put":
            mutations.append(
                put_of(item.entry, f"mutations[{index}].entry", item.mid, item.base_version)
            )
        else:
            mutations.append(Mutation(item.mid, "delete", item.base_version, item.id))
    return pushed.client_id, mutations


def entry_json(entry: Entry | NewEntry) -> dict:
    """Return an entry as the API sends it: its body with the server's fields."""
    return {
        **(entry.body or {}),
        "id": entry.id,
        "kind": entry.kind,
        "version": entry.version,
        "deleted": entry.deleted,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "conflict_of": entry.conflict_of,
    }


# Built once: every push runs them, and building a statement costs about as much as running it.
ENTRY_COLUMNS = tuple(column.key for column in Entry.__table__.columns)
INSERT_ENTRIES = sa.insert(Entry)
KNOWN_ENTRIES = sa.select(Entry).where(
    Entry.user_id == sa.bindparam("user_id"), Entry.id.in_(sa.bindparam("ids", expanding=True))
)
# FOR NO KEY UPDATE on PostgreSQL: it serialises this user's pushes as FOR UPDATE did, but does not
# block the key-share locks that inserting rows referring to the user takes (a sign-in's session).
LOCKED_VERSION = (
    sa.select(User.version)
    .where(User.id == sa.bindparam("user_id"))
    .with_for_update(key_share=True)
)
SET_VERSION = sa.update(User).where(User.id == sa.bindparam("user_id"))
# The device's row and the entries a push touches, in one statement (one round trip): one row per
# stored entry, or a single row without one; the device's columns are NULL for a new device.
_DEVICE = Client.client_id == sa.bindparam("client_id")
DEVICE_AND_KNOWN = (
    sa.select(
        sa.select(Client.user_id).where(_DEVICE).scalar_subquery().label("client_user"),
        sa.select(Client.last_mutation_id).where(_DEVICE).scalar_subquery().label("client_last"),
        Entry,
    )
    .select_from(sa.select(sa.literal(1).label("one")).subquery())
    .outerjoin(
        Entry,
        sa.and_(
            Entry.user_id == sa.bindparam("user_id"),
            Entry.id.in_(sa.bindparam("ids", expanding=True)),
        ),
    )
)
INSERT_CLIENT = sa.insert(Client)
SET_LAST_MUTATION = sa.update(Client).where(Client.client_id == sa.bindparam("device"))
LOCKED_USER = (
    sa.select(User)
    .where(User.id == sa.bindparam("user_id"))
    .with_for_update()
    .execution_options(populate_existing=True)
)


# PostgreSQL: a push's writes in one statement, one round trip: its new entries (as arrays, one row
# each), the user's version and the device's last mutation. Its text never changes, so psycopg
# prepares it once per connection. (SQLite, in process, has no round trips to save.)
WRITE_PUSH_POSTGRESQL = sa.text(
    """
    WITH new_entries AS (
        INSERT INTO entries (user_id, id, version, kind, body, created_at, updated_at, deleted,
                             conflict_of, written_by)
        SELECT CAST(:user_id AS integer), * FROM unnest(
            CAST(:ids AS varchar[]), CAST(:versions AS bigint[]), CAST(:kinds AS varchar[]),
            CAST(:bodies AS json[]), CAST(:created AS varchar[]), CAST(:updated AS varchar[]),
            CAST(:deleted AS boolean[]), CAST(:conflicts AS varchar[]),
            CAST(:writers AS varchar[]))
    ), new_version AS (
        UPDATE users SET version = CAST(:version AS bigint)
        WHERE id = CAST(:user_id AS integer) AND version <> CAST(:version AS bigint)
    )
    INSERT INTO clients (client_id, user_id, last_mutation_id)
    VALUES (CAST(:client_id AS varchar), CAST(:user_id AS integer), CAST(:last AS bigint))
    ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id
    WHERE clients.last_mutation_id <> excluded.last_mutation_id
    """
)


@dataclass
class Owner:
    """The user a batch writes for, as push reads it: the id and the latest version."""

    id: int
    version: int


class Batch:
    """Applies one push for one user inside the caller's transaction."""

    def __init__(self, user: User | Owner, client_id: str):
        self.user, self.client_id = user, client_id
        # entry id → stored (or new) entry, None if there is none
        self.known: dict[str, Entry | NewEntry | None] = {}
        # New entries, kept out of the ORM session and written at once by write(): one
        # executemany instead of the unit of work's per-object bookkeeping.
        self.created: list[NewEntry] = []

    def preload(self, ids: set[str], rows: Iterable[Entry | None] | None = None) -> None:
        """Load the entries a batch touches in one query, instead of one per mutation (or take
        them as read already)."""
        if rows is None:
            rows = db.session.scalars(KNOWN_ENTRIES, {"user_id": self.user.id, "ids": list(ids)})
        self.known.update(dict.fromkeys(ids))
        self.known.update((entry.id, entry) for entry in rows if entry is not None)

    def next_version(self) -> int:
        """Give the next version of this user's changes."""
        self.user.version += 1
        return self.user.version

    def apply(self, mutation: Mutation) -> dict:
        """Apply one mutation and return its result."""
        if mutation.id in self.known:
            stored = self.known[mutation.id]
        else:
            stored = db.session.get(Entry, (self.user.id, mutation.id))
        result = {"mid": mutation.mid, "id": mutation.id}
        if stored is None:
            stored = self.insert(mutation)
            return {**result, "status": "applied", "version": stored.version}
        if stored.deleted:
            return {**result, "status": "deleted", "entry": entry_json(stored)}
        if mutation.op == "put" and mutation.body == stored.body and mutation.kind == stored.kind:
            # The server has this text already (a device re-sending after a restore): nothing to do.
            return {**result, "status": "applied", "version": stored.version}
        # Changes this device made itself are a continuation of what it saw, not a conflict.
        current = stored.version == mutation.base_version or stored.written_by == self.client_id
        if mutation.op == "put" and current:
            self._update(stored, mutation)
            return {**result, "status": "applied", "version": stored.version}
        if mutation.op == "put":
            copy = self._conflict_copy(mutation, stored, mutation.body, mutation.updated_at)
            return {
                **result,
                "status": "conflict",
                "conflict_id": copy.id,
                "entry": entry_json(stored),
            }
        if not current:
            # A delete based on an older text: the newer text another device wrote is kept.
            copy = self._conflict_copy(mutation, stored, stored.body, stored.updated_at)
            result["conflict_id"] = copy.id
        self._tombstone(stored)
        return {**result, "status": "applied", "version": stored.version}

    def insert(self, mutation: Mutation) -> NewEntry:
        """Store a new entry (a delete of an unknown id stores a tombstone)."""
        deleted = mutation.op == "delete"
        entry = NewEntry(
            user_id=self.user.id,
            id=mutation.id,
            version=self.next_version(),
            kind=mutation.kind,
            body={} if deleted else mutation.body,
            created_at=mutation.created_at,
            updated_at=mutation.updated_at,
            deleted=deleted,
            written_by=self.client_id,
        )
        self.created.append(entry)
        self.known[entry.id] = entry
        return entry

    def _update(self, stored: Entry | NewEntry, mutation: Mutation) -> None:
        """Overwrite an entry with a change based on its current version."""
        stored.body = mutation.body
        stored.kind = mutation.kind
        stored.updated_at = mutation.updated_at
        stored.version = self.next_version()
        stored.written_by = self.client_id

    def _tombstone(self, stored: Entry | NewEntry) -> None:
        """Turn an entry into a tombstone without text."""
        stored.body = {}
        stored.deleted = True
        stored.version = self.next_version()
        stored.written_by = self.client_id

    def _conflict_copy(
        self, mutation: Mutation, stored: Entry | NewEntry, body: dict, updated: str
    ) -> NewEntry:
        """Keep a text that lost a race as a new entry marked as a conflict of the original."""
        copy = NewEntry(
            user_id=self.user.id,
            id=self._free_copy_id(stored.id, mutation.mid),
            version=self.next_version(),
            kind=stored.kind,
            # A copy waits for its writer to merge it: it is never shared with a guide.
            body={key: value for key, value in body.items() if key != "shared_with"},
            created_at=stored.created_at,
            updated_at=updated,
            deleted=False,
            conflict_of=stored.id,
            written_by=self.client_id,
        )
        self.created.append(copy)
        self.known[copy.id] = copy
        return copy

    def write(self) -> None:
        """Insert the new entries in one statement, then flush the changes to stored ones."""
        if self.created:
            # On the session's connection, as Core: the ORM's bulk path costs more than the write.
            db.session.connection().execute(
                INSERT_ENTRIES,
                [
                    {column: getattr(entry, column) for column in ENTRY_COLUMNS}
                    for entry in self.created
                ],
            )
            self.created = []
        db.session.flush()

    def share_candidates(self) -> list[Entry | NewEntry]:
        """Return the entries whose shares may have changed: every stored one the batch touched,
        and the new ones that ask to be shared (a new entry has no shares to remove)."""
        return [
            entry
            for entry in self.known.values()
            if isinstance(entry, Entry)
            or (isinstance(entry, NewEntry) and shares.shared_link_ids(entry))
        ]

    def _free_copy_id(self, original: str, mid: int) -> str:
        """Return the id of a conflict copy: unguessable, and never one the user has already."""
        for attempt in range(100):
            candidate = conflict_copy_id(self.user.id, original, self.client_id, mid, attempt)
            if (
                candidate not in self.known
                and db.session.get(Entry, (self.user.id, candidate)) is None
            ):
                return candidate
        raise RuntimeError("no free conflict copy id in 100 tries")


def conflict_copy_id(user_id: int, original: str, client_id: str, mid: int, attempt: int) -> str:
    """Derive a conflict copy's id with the server's secret, so no one can take it beforehand."""
    secret = current_app.config["SECRET_KEY"].encode()
    seed = f"{user_id}:{original}:{client_id}:{mid}:{attempt}".encode()
    digest = hmac.new(secret, seed, hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def refuse_forged_guide_entry(batch: Batch, mutation: Mutation, index: int) -> None:
    """Refuse a put that would write a guide's words (a re-sent copy of the stored one is fine)."""
    if mutation.op != "put":
        return
    stored = batch.known.get(mutation.id)
    involved = mutation.kind in GUIDE_KINDS or (stored is not None and stored.kind in GUIDE_KINDS)
    if not involved or (
        stored is not None
        and (stored.deleted or (stored.kind, stored.body) == (mutation.kind, mutation.body))
    ):
        return
    raise invalid(
        f"mutations[{index}].entry.kind: {mutation.kind} entries are a guide's words, "
        "written by the server only."
    )


def lock_user(user_id: int) -> User:
    """Load the user's row locked, so that one user's changes apply one at a time."""
    # PostgreSQL: FOR UPDATE; SQLite has no row locks, but its BEGIN IMMEDIATE serialises writers.
    user = db.session.execute(LOCKED_USER, {"user_id": user_id}).scalar_one_or_none()
    if user is None:  # erased since its session was checked, in an earlier transaction
        raise ApiError(401, "not_signed_in", "Sign in to sync.")
    return user


def push(user_id: int, client_id: str, mutations: list[Mutation]) -> dict:
    """Apply a batch once in the caller's transaction; retried mutations are skipped by their mid."""
    # The user's and the device's rows are read and written with Core on the session's
    # connection, past the ORM's bookkeeping. The user's row is locked all the same: FOR UPDATE
    # on PostgreSQL; on SQLite, taking the connection began the transaction IMMEDIATE.
    connection = db.session.connection()
    version = connection.execute(LOCKED_VERSION, {"user_id": user_id}).scalar_one_or_none()
    if version is None:  # erased since its session was checked, in an earlier transaction
        raise ApiError(401, "not_signed_in", "Sign in to sync.")
    # Read after the lock: a retry of this device's push that was waiting for it sees the first.
    ids = {mutation.id for mutation in mutations}
    rows = db.session.execute(
        DEVICE_AND_KNOWN, {"client_id": client_id, "user_id": user_id, "ids": list(ids)}
    ).all()
    client_user, client_last = rows[0].client_user, rows[0].client_last
    if client_user is not None and client_user != user_id:
        raise ApiError(404, "unknown_client", "This device id belongs to no device of yours.")
    last = client_last or 0
    owner = Owner(user_id, version)
    batch = Batch(owner, client_id)
    batch.preload(ids, (row.Entry for row in rows))
    results = []
    for index, mutation in enumerate(mutations):
        refuse_forged_guide_entry(batch, mutation, index)
        if mutation.mid <= last:
            results.append({"mid": mutation.mid, "id": mutation.id, "status": "duplicate"})
            continue
        if mutation.mid != last + 1:
            raise ApiError(
                409,
                "conflict_gap",
                f"Mutation {mutation.mid} follows {last}: "
                "some changes are missing, nothing was applied.",
            )
        results.append(batch.apply(mutation))
        last = mutation.mid
    candidates = batch.share_candidates()
    if connection.dialect.name == "postgresql":
        _write_postgresql(connection, batch, last)
        shares.refresh(user_id, candidates)
        return {"last_mutation_id": last, "version": owner.version, "results": results}
    batch.write()
    shares.refresh(user_id, candidates)
    if owner.version != version:
        connection.execute(SET_VERSION, {"user_id": user_id, "version": owner.version})
    if client_user is None:
        connection.execute(
            INSERT_CLIENT, {"client_id": client_id, "user_id": user_id, "last_mutation_id": last}
        )
    elif last != client_last:
        connection.execute(SET_LAST_MUTATION, {"device": client_id, "last_mutation_id": last})
    return {"last_mutation_id": last, "version": owner.version, "results": results}


def _write_postgresql(connection: sa.Connection, batch: Batch, last: int) -> None:
    """Write a push's new entries, the user's version and the device's last mutation in one
    statement, then flush the changes to stored entries (none, for a push of new entries)."""
    created, batch.created = batch.created, []
    dump = connection.dialect._json_serializer or json.dumps  # as the JSON column writes a body
    connection.execute(
        WRITE_PUSH_POSTGRESQL,
        {
            "user_id": batch.user.id,
            "ids": [entry.id for entry in created],
            "versions": [entry.version for entry in created],
            "kinds": [entry.kind for entry in created],
            "bodies": [dump(entry.body) for entry in created],
            "created": [entry.created_at for entry in created],
            "updated": [entry.updated_at for entry in created],
            "deleted": [entry.deleted for entry in created],
            "conflicts": [entry.conflict_of for entry in created],
            "writers": [entry.written_by for entry in created],
            "version": batch.user.version,
            "client_id": batch.client_id,
            "last": last,
        },
    )
    db.session.flush()


def pull(user: User, since: int, limit: int, seen: int = 0) -> str:
    """Return, as the JSON answer, the user's changes after version since, oldest first, at most limit.

    seen is the highest version the device has heard of (its cursor, or a push's answer): more
    than the server has means the server was restored from an older backup.
    """
    if max(since, seen) > user.version:
        raise ApiError(
            409,
            "cursor_ahead",
            "This device has seen changes the server no longer has (was it restored from a "
            "backup?): send everything again and pull from the start.",
        )
    rows = db.session.execute(
        sa.select(
            sa.cast(Entry.body, sa.Text).label("body"),
            Entry.id,
            Entry.kind,
            Entry.version,
            Entry.deleted,
            Entry.created_at,
            Entry.updated_at,
            Entry.conflict_of,
        )
        .where(Entry.user_id == user.id, Entry.version > since)
        .order_by(Entry.version)
        .limit(limit + 1)
    )
    changes: list[str] = []
    cursor, size, has_more = since, 0, False
    for row in rows:
        if len(changes) == limit or size > MAX_PULL_BYTES:
            has_more = True  # a page of large entries ends early: the device asks again
            break
        changes.append(_change_json(row))
        cursor, size = row.version, size + len(changes[-1])
    rows.close()
    return (
        f'{{"changes":[{",".join(changes)}],"cursor":{cursor},"has_more":{json.dumps(has_more)}}}'
    )


def _change_json(row: sa.Row) -> str:
    """Return one change as entry_json gives it, spliced from the body's stored JSON text.

    The body is stored as a JSON object without server fields (RESERVED_FIELDS), so it is sent as
    stored instead of being parsed and written again: a large page costs little more than its size.
    """
    fields = json.dumps(
        {
            "id": row.id,
            "kind": row.kind,
            "version": row.version,
            "deleted": bool(row.deleted),
            "created_at": row.created_at,
            "updated_at": row.updated_at,
            "conflict_of": row.conflict_of,
        }
    )
    body = (row.body or "").strip()
    if not body.startswith("{") or body.replace(" ", "") == "{}":
        return fields
    return f"{body[:-1]},{fields[1:]}"


def release_lock() -> None:
    """End the transaction that finding the session began (SQLite: a POST's write lock).

    So no other push waits while this one's body is parsed and checked; push locks again.
    """
    db.session.rollback()


def apply_push(user_id: int, client_id: str, mutations: list[Mutation]) -> dict:
    """Apply a device's batch in one transaction and commit; return the answer to send."""
    answer = push(user_id, client_id, mutations)
    db.session.commit()
    return answer


def own_entry(user_id: int, entry_id: str) -> Entry:
    """Return one of the user's entries; another user's is as unknown as a missing one."""
    return own_or_404(Entry, (user_id, uuid_id(entry_id)), user_id)
