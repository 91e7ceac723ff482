"""Sync: validating pushed changes, applying them once in one transaction, and paging changes out.

The server orders every change by a version it assigns per user (never by device clocks).
A mutation names the version its entry was based on; a stale one becomes a conflict copy,
so nothing is silently overwritten, and a delete always wins over an edit.
"""

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import current_app

from lpb import contract, shares
from lpb.contract import EntryInput
from lpb.extensions import db
from lpb.jsonapi import ApiError, invalid, parse
from lpb.models import Client, Entry, User

MAX_BODY_BYTES = 64 * 1024
MAX_PULL_LIMIT = 1000
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
    request = parse(contract.PushRequest, payload)
    mutations = []
    for index, item in enumerate(request.mutations):
        if index and item.mid <= request.mutations[index - 1].mid:
            raise invalid(f"mutations[{index}].mid must be larger than the mid before it.")
        if item.op == "put":
            mutations.append(
                put_of(item.entry, f"mutations[{index}].entry", item.mid, item.base_version)
            )
        else:
            mutations.append(Mutation(item.mid, "delete", item.base_version, item.id))
    return request.client_id, mutations


def entry_json(entry: Entry) -> dict:
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


class Batch:
    """Applies one push for one user inside the caller's transaction."""

    def __init__(self, user: User, client_id: str):
        self.user, self.client_id = user, client_id
        self.known: dict[str, Entry | None] = {}  # entry id → stored entry, None if there is none

    def preload(self, ids: set[str]) -> None:
        """Load the entries a batch touches in one query, instead of one per mutation."""
        rows = db.session.scalars(
            sa.select(Entry).where(Entry.user_id == self.user.id, Entry.id.in_(ids))
        )
        self.known.update(dict.fromkeys(ids))
        self.known.update((entry.id, entry) for entry in rows)

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

    def insert(self, mutation: Mutation) -> Entry:
        """Store a new entry (a delete of an unknown id stores a tombstone)."""
        deleted = mutation.op == "delete"
        entry = Entry(
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
        db.session.add(entry)
        self.known[entry.id] = entry
        return entry

    def _update(self, stored: Entry, mutation: Mutation) -> None:
        """Overwrite an entry with a change based on its current version."""
        stored.body = mutation.body
        stored.kind = mutation.kind
        stored.updated_at = mutation.updated_at
        stored.version = self.next_version()
        stored.written_by = self.client_id

    def _tombstone(self, stored: Entry) -> None:
        """Turn an entry into a tombstone without text."""
        stored.body = {}
        stored.deleted = True
        stored.version = self.next_version()
        stored.written_by = self.client_id

    def _conflict_copy(self, mutation: Mutation, stored: Entry, body: dict, updated: str) -> Entry:
        """Keep a text that lost a race as a new entry marked as a conflict of the original."""
        copy = Entry(
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
        db.session.add(copy)
        self.known[copy.id] = copy
        return copy

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


def lock_user(user_id: int) -> User:
    """Load the user's row locked, so that one user's changes apply one at a time."""
    # PostgreSQL: FOR UPDATE; SQLite has no row locks, but its BEGIN IMMEDIATE serialises writers.
    return db.session.execute(
        sa.select(User)
        .where(User.id == user_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()


def push(user_id: int, client_id: str, mutations: list[Mutation]) -> dict:
    """Apply a batch once in the caller's transaction; retried mutations are skipped by their mid."""
    user = lock_user(user_id)
    client = db.session.get(Client, client_id, populate_existing=True)
    if client is None:
        client = Client(client_id=client_id, user_id=user.id, last_mutation_id=0)
        db.session.add(client)
    elif client.user_id != user.id:
        raise ApiError(404, "unknown_client", "This device id belongs to no device of yours.")
    batch = Batch(user, client_id)
    batch.preload({mutation.id for mutation in mutations})
    results = []
    for mutation in mutations:
        if mutation.mid <= client.last_mutation_id:
            results.append({"mid": mutation.mid, "id": mutation.id, "status": "duplicate"})
            continue
        if mutation.mid != client.last_mutation_id + 1:
            raise ApiError(
                409,
                "conflict_gap",
                f"Mutation {mutation.mid} follows {client.last_mutation_id}: "
                "some changes are missing, nothing was applied.",
            )
        results.append(batch.apply(mutation))
        client.last_mutation_id = mutation.mid
    shares.refresh(user.id, [entry for entry in batch.known.values() if entry is not None])
    db.session.flush()
    return {
        "last_mutation_id": client.last_mutation_id,
        "version": user.version,
        "results": results,
    }


def pull(user: User, since: int, limit: int, seen: int = 0) -> dict:
    """Return the user's changes after version since, oldest first, at most limit of them.

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
    rows = db.session.scalars(
        sa.select(Entry)
        .where(Entry.user_id == user.id, Entry.version > since)
        .order_by(Entry.version)
        .limit(limit + 1)
    ).all()
    page = rows[:limit]
    return {
        "changes": [entry_json(entry) for entry in page],
        "cursor": page[-1].version if page else since,
        "has_more": len(rows) > limit,
    }
