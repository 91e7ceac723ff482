"""Sync: validating pushed changes, applying them once in one transaction, and paging changes out.

The server orders every change by a version it assigns per user (never by device clocks).
A mutation names the version its entry was based on; a stale one becomes a conflict copy,
so nothing is silently overwritten, and a delete always wins over an edit.
"""

import json
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from lpb.extensions import db
from lpb.models import Client, Entry, User

KINDS = ("reflection", "mix", "question")
CIRCLES = ("self", "close", "organisations", "society", "place")
MAX_TEXT_LENGTH = 20_000
MAX_BODY_BYTES = 64 * 1024
MAX_MUTATIONS = 500
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
CONFLICT_NAMESPACE = uuid.UUID("5b0a2f4e-3c1d-4a8e-9f6b-2d7c1e0a9b55")


class SyncError(Exception):
    """A request that cannot be applied; nothing of it is stored."""

    def __init__(self, status: int, error: str, message: str):
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def _invalid(message: str) -> SyncError:
    """Return the error for a malformed request."""
    return SyncError(400, "invalid_request", message)


def parse_uuid(value: object, where: str) -> str:
    """Return value as a canonical UUID string, or fail."""
    if not isinstance(value, str):
        raise _invalid(f"{where} must be a UUID string.")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise _invalid(f"{where} must be a UUID, not {value[:40]!r}.") from None


def _integer(value: object, where: str, minimum: int = 0) -> int:
    """Return value if it is an integer of at least minimum, or fail."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _invalid(f"{where} must be an integer of at least {minimum}.")
    return value


def _timestamp(value: object, where: str) -> str:
    """Return a device time (display only): a short string."""
    if not isinstance(value, str) or not 0 < len(value) <= 40:
        raise _invalid(f"{where} must be a date-time string.")
    return value


def _body(entry: dict, where: str) -> dict:
    """Return the entry's own fields, checked for type and size."""
    body = {key: value for key, value in entry.items() if key not in RESERVED_FIELDS}
    text = body.get("text", "")
    if not isinstance(text, str):
        raise _invalid(f"{where}.text must be a string.")
    if len(text) > MAX_TEXT_LENGTH:
        raise SyncError(
            413, "entry_too_large", f"{where}.text is longer than {MAX_TEXT_LENGTH} characters."
        )
    circles = body.get("circles", [])
    if not isinstance(circles, list) or any(circle not in CIRCLES for circle in circles):
        raise _invalid(f"{where}.circles must be a list of: {', '.join(CIRCLES)}.")
    energy = body.get("energy")
    if energy is not None and (isinstance(energy, bool) or energy not in range(1, 6)):
        raise _invalid(f"{where}.energy must be null or an integer from 1 to 5.")
    # UTF-8, as sent: escaped as \u sequences, a 20,000-character text in another script would not fit.
    if len(json.dumps(body, ensure_ascii=False).encode(errors="surrogatepass")) > MAX_BODY_BYTES:
        raise SyncError(413, "entry_too_large", f"{where} is larger than {MAX_BODY_BYTES} bytes.")
    return body


@dataclass
class Mutation:
    """One checked change from a device."""

    mid: int
    op: str
    base_version: int
    id: str
    kind: str = "reflection"
    body: dict | None = None
    created_at: str = ""
    updated_at: str = ""


def parse_put(entry: object, where: str, mid: int = 0, base: int = 0) -> Mutation:
    """Check an entry as a device (or an import) sends it, and return it as a put."""
    if not isinstance(entry, dict):
        raise _invalid(f"{where} must be an object.")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise _invalid(f"{where}.kind must be one of: {', '.join(KINDS)}.")
    return Mutation(
        mid,
        "put",
        base,
        parse_uuid(entry.get("id"), f"{where}.id"),
        kind,
        _body(entry, where),
        _timestamp(entry.get("created_at"), f"{where}.created_at"),
        _timestamp(entry.get("updated_at"), f"{where}.updated_at"),
    )


def parse_push(payload: object) -> tuple[str, list[Mutation]]:
    """Check a push request and return its client id and mutations, or fail."""
    if not isinstance(payload, dict):
        raise _invalid("The request body must be a JSON object.")
    client_id = parse_uuid(payload.get("client_id"), "client_id")
    raw = payload.get("mutations")
    if not isinstance(raw, list):
        raise _invalid("mutations must be a list.")
    if len(raw) > MAX_MUTATIONS:
        raise SyncError(413, "batch_too_large", f"A push holds at most {MAX_MUTATIONS} mutations.")
    mutations = []
    for index, item in enumerate(raw):
        where = f"mutations[{index}]"
        if not isinstance(item, dict):
            raise _invalid(f"{where} must be an object.")
        mid = _integer(item.get("mid"), f"{where}.mid", minimum=1)
        base = _integer(item.get("base_version", 0), f"{where}.base_version")
        op = item.get("op")
        if op == "delete":
            mutations.append(Mutation(mid, op, base, parse_uuid(item.get("id"), f"{where}.id")))
        elif op == "put":
            mutations.append(parse_put(item.get("entry"), f"{where}.entry", mid, base))
        else:
            raise _invalid(f"{where}.op must be 'put' or 'delete'.")
        if index and mid <= mutations[index - 1].mid:
            raise _invalid(f"{where}.mid must be larger than the mid before it.")
    return client_id, mutations


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
        copy_id = str(
            uuid.uuid5(CONFLICT_NAMESPACE, f"{stored.id}:{self.client_id}:{mutation.mid}")
        )
        copy = Entry(
            user_id=self.user.id,
            id=copy_id,
            version=self.next_version(),
            kind=stored.kind,
            body=dict(body),
            created_at=stored.created_at,
            updated_at=updated,
            deleted=False,
            conflict_of=stored.id,
            written_by=self.client_id,
        )
        db.session.add(copy)
        return copy


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
    """Apply a batch once, in one transaction; retried mutations are skipped by their mid."""
    user = lock_user(user_id)
    client = db.session.get(Client, client_id, populate_existing=True)
    if client is None:
        client = Client(client_id=client_id, user_id=user.id, last_mutation_id=0)
        db.session.add(client)
    elif client.user_id != user.id:
        raise SyncError(404, "unknown_client", "This device id belongs to no device of yours.")
    batch = Batch(user, client_id)
    batch.preload({mutation.id for mutation in mutations})
    results = []
    for mutation in mutations:
        if mutation.mid <= client.last_mutation_id:
            results.append({"mid": mutation.mid, "id": mutation.id, "status": "duplicate"})
            continue
        if mutation.mid != client.last_mutation_id + 1:
            raise SyncError(
                409,
                "conflict_gap",
                f"Mutation {mutation.mid} follows {client.last_mutation_id}: "
                "some changes are missing, nothing was applied.",
            )
        results.append(batch.apply(mutation))
        client.last_mutation_id = mutation.mid
    db.session.commit()
    return {
        "last_mutation_id": client.last_mutation_id,
        "version": user.version,
        "results": results,
    }


def pull(user_id: int, since: int, limit: int, seen: int = 0) -> dict:
    """Return the user's changes after version since, oldest first, at most limit of them.

    seen is the highest version the device has heard of (its cursor, or a push's answer): more
    than the server has means the server was restored from an older backup.
    """
    if max(since, seen) > db.session.get(User, user_id).version:
        raise SyncError(
            409,
            "cursor_ahead",
            "This device has seen changes the server no longer has (was it restored from a "
            "backup?): send everything again and pull from the start.",
        )
    rows = db.session.scalars(
        sa.select(Entry)
        .where(Entry.user_id == user_id, Entry.version > since)
        .order_by(Entry.version)
        .limit(limit + 1)
    ).all()
    page = rows[:limit]
    return {
        "changes": [entry_json(entry) for entry in page],
        "cursor": page[-1].version if page else since,
        "has_more": len(rows) > limit,
    }
