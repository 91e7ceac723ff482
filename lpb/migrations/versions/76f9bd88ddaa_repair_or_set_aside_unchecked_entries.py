"""repair or set aside entries stored before bodies were checked against the contract

Before this revision the server kept any JSON in an entry's body: NaN, NUL, lone surrogates, a
reflection without `day`, a question whose `nl` is an object. Devices that pull such an entry break.
Each stored entry is checked against lpb.sync.contract (the rules every push and import follow now):
- fixable entries are repaired (NUL removed, lone surrogates and NaN replaced, a missing or broken
  optional field dropped, a reflection's missing `day` taken from its `created_at`) and get a new
  version, so devices pull the repaired text;
- the rest are copied to set_aside_entries and become tombstones (a new version), so no device is
  served them again; an admin can still read them there.

Revision ID: 76f9bd88ddaa
Revises: 7c3e9a51d2f4
Create Date: 2026-11-28 09:40:00.000000

"""
import json
import math
import re
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from pydantic import TypeAdapter, ValidationError

from lpb.sync.contract import CIRCLES, EntryInput

# revision identifiers, used by Alembic.
revision = '76f9bd88ddaa'
down_revision = '7c3e9a51d2f4'
branch_labels = None
depends_on = None

BATCH = 500
BAD_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Fields without which an entry of the kind means nothing: such an entry is set aside.
REQUIRED = {"reflection": {"text"}, "mix": {"week", "actual", "wished"}, "question": {"text"}}
SERVER_FIELDS = ("id", "kind", "created_at", "updated_at")
ENTRY: TypeAdapter = TypeAdapter(EntryInput)

entries = sa.table(
    "entries",
    sa.column("user_id", sa.Integer),
    sa.column("id", sa.String),
    sa.column("version", sa.BigInteger),
    sa.column("kind", sa.String),
    sa.column("body", sa.JSON),
    sa.column("created_at", sa.String),
    sa.column("updated_at", sa.String),
    sa.column("deleted", sa.Boolean),
    sa.column("written_by", sa.String),
)
users = sa.table("users", sa.column("id", sa.Integer), sa.column("version", sa.BigInteger))


def clean(value: Any) -> Any:
    """Return value with NUL gone, lone surrogates and non-finite numbers replaced."""
    if isinstance(value, str):
        return BAD_CHARACTERS.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [clean(item) for item in value]
    if isinstance(value, dict):
        return {clean(key): clean(item) for key, item in value.items()}
    return value


def repaired(row: sa.Row) -> tuple[dict | None, str, str, str]:
    """Return the repaired body and times of a stored entry, or None and the reason it cannot be."""
    created_at, updated_at = (clean(row.created_at)[:40], clean(row.updated_at)[:40])
    try:
        body = clean(json.loads(row.body_text, parse_constant=lambda _: None))
    except (ValueError, RecursionError) as error:
        return None, f"unreadable body: {error}", created_at, updated_at
    if not isinstance(body, dict) or row.kind not in REQUIRED:
        return None, "not an entry of a known kind", created_at, updated_at
    if row.kind == "reflection" and not (isinstance(body.get("day"), str) and DAY.match(body["day"])):
        body["day"] = created_at[:10]
    if isinstance(body.get("circles"), list):
        body["circles"] = [circle for circle in CIRCLES if circle in body["circles"]]
    server = dict(zip(SERVER_FIELDS, (row.id, row.kind, created_at or "?", updated_at or "?")))
    for _ in range(len(body) + 1):
        try:
            ENTRY.validate_python({**body, **server})
            return body, "", server["created_at"], server["updated_at"]
        except RecursionError:
            return None, "nested too deeply", created_at, updated_at
        except ValidationError as error:
            problem = error.errors()[0]
            field = next((part for part in problem["loc"][1:] if isinstance(part, str)), None)
            if field is None or field in SERVER_FIELDS or field in REQUIRED[row.kind] or field not in body:
                return None, f"{field}: {problem['msg']}", created_at, updated_at
            del body[field]
    return None, "could not be repaired", created_at, updated_at


def upgrade() -> None:
    op.create_table(
        'set_aside_entries',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('created_at', sa.Text(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('set_aside_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_set_aside_entries_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'id', name=op.f('pk_set_aside_entries'))
    )
    set_aside = sa.table(
        "set_aside_entries",
        *(sa.column(name) for name in ("user_id", "id", "kind", "body", "created_at", "reason", "set_aside_at")),
    )
    connection = op.get_bind()
    versions = dict(connection.execute(sa.select(users.c.id, users.c.version)).all())
    changed: set[int] = set()
    after = (-1, "")
    while True:
        rows = connection.execute(
            sa.select(
                entries.c.user_id, entries.c.id, entries.c.kind, entries.c.created_at,
                entries.c.updated_at, sa.cast(entries.c.body, sa.Text).label("body_text"),
            )
            .where(entries.c.deleted.is_(False), sa.tuple_(entries.c.user_id, entries.c.id) > after)
            .order_by(entries.c.user_id, entries.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        after = (rows[-1].user_id, rows[-1].id)
        for row in rows:
            body, reason, created_at, updated_at = repaired(row)
            if body is not None and body == json.loads(row.body_text, parse_constant=lambda _: math.nan) and (
                created_at, updated_at) == (row.created_at, row.updated_at):
                continue
            versions[row.user_id] += 1
            changed.add(row.user_id)
            change = {"version": versions[row.user_id], "written_by": "repair"}
            if body is None:
                connection.execute(set_aside.insert().values(
                    user_id=row.user_id, id=row.id, kind=clean(row.kind)[:20],
                    body=json.dumps(row.body_text), created_at=json.dumps(row.created_at),
                    reason=clean(reason), set_aside_at=datetime.now(UTC).replace(tzinfo=None),
                ))
                change.update(body={}, deleted=True)
            else:
                change.update(body=body, created_at=created_at, updated_at=updated_at)
            connection.execute(
                entries.update()
                .where(entries.c.user_id == row.user_id, entries.c.id == row.id)
                .values(**change)
            )
    for user_id in changed:
        connection.execute(users.update().where(users.c.id == user_id).values(version=versions[user_id]))


def downgrade() -> None:
    op.drop_table('set_aside_entries')
