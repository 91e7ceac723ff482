"""Your data is yours: export (JSON, Markdown, CSV), import of our JSON, and erasing an account.

The export format is documented in docs/export-format.md; the app on the device writes the same.
"""

import json
import time
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Blueprint, Response, jsonify, request

from lpb import limits
from lpb.accounts.services import check_password, end_session
from lpb.extensions import db
from lpb.guidance import practice
from lpb.guidance import routes as guidance
from lpb.i18n import LANGUAGES, current_language
from lpb.jsonapi import ApiError, json_body, parse, signed_in, signed_in_user
from lpb.models import (
    Client,
    Entry,
    GuideInvitation,
    GuideLink,
    GuideRecord,
    RateLimit,
    ResetLink,
    Session,
    SetAsideEntry,
    Share,
    User,
)
from lpb.portability.export_words import time_zone
from lpb.portability.readable import export_csv, export_markdown
from lpb.sync import contract
from lpb.sync.contract import EXPORT_FORMAT, EXPORT_VERSION
from lpb.sync.services import Batch, Mutation, entry_json, lock_user, put_of

# Per transaction: a chunk is written in well under 100 ms, so others wait that long at most.
IMPORT_CHUNK = 200
IMPORT_PAUSE_SECONDS = 0.03
MAX_ACCOUNT_ENTRIES = 50_000


def export_entry(entry: Entry) -> dict:
    """Return an entry as exported: as the API sends it, without the server's sync state."""
    exported = entry_json(entry)
    del exported["version"], exported["deleted"]
    return exported


def user_entries(user: User) -> list[dict]:
    """Return every live entry of a user (conflict copies included), oldest first."""
    rows = db.session.scalars(
        sa.select(Entry)
        .where(Entry.user_id == user.id, Entry.deleted.is_(False))
        .order_by(Entry.created_at, Entry.id)
    )
    return [export_entry(entry) for entry in rows]


def export_document(user: User) -> dict:
    """Return everything of a user in our versioned JSON export format."""
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": "server",
        "account": {"email": user.email},
        "settings": {},
        "entries": user_entries(user),
    }
    guides = db.session.scalars(
        sa.select(GuideLink).where(GuideLink.user_id == user.id).order_by(GuideLink.id)
    )
    # Only when there are any, so an export without guides stays the one the device writes.
    if links := [guidance.link_json(link) for link in guides]:
        document["guides"] = links
    # A guide's own notes of their clients: only in the guide's export, never in a client's.
    if notes := practice.guide_records_export(user):
        document["guide_notes"] = notes
    return document


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
        .where(Entry.user_id == user_id, Entry.kind.not_in(guidance.GUIDE_KINDS))
    )
    known = sum(
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Entry)
            .where(
                Entry.user_id == user_id,
                Entry.kind.not_in(guidance.GUIDE_KINDS),
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


def delete_account(user: User) -> None:
    """Erase a user and everything of theirs, in the caller's transaction."""
    # A guide's name leaves the clients' data, and open questions their Today.
    for link in db.session.scalars(sa.select(GuideLink).where(GuideLink.guide_id == user.id)).all():
        guidance.end_link(link, forget_guide=True)
    # Explicit deletes rather than relying on ON DELETE CASCADE alone: every table, every engine.
    for link in db.session.scalars(sa.select(GuideLink).where(GuideLink.user_id == user.id)):
        practice.link_ended(link)  # the guide's notes stay theirs; their page says what happened
    db.session.execute(sa.delete(GuideRecord).where(GuideRecord.user_id == user.id))
    links = sa.select(GuideLink.id).where(
        sa.or_(GuideLink.user_id == user.id, GuideLink.guide_id == user.id)
    )
    db.session.execute(sa.delete(Share).where(Share.link_id.in_(links)))
    db.session.execute(
        sa.delete(GuideLink).where(
            sa.or_(GuideLink.user_id == user.id, GuideLink.guide_id == user.id)
        )
    )
    for model in (
        Share,
        GuideInvitation,
        Entry,
        SetAsideEntry,
        Client,
        Session,
        RateLimit,
        ResetLink,
    ):
        db.session.execute(sa.delete(model).where(model.user_id == user.id))
    db.session.execute(sa.delete(User).where(User.id == user.id))


bp = Blueprint("portability", __name__, url_prefix="/api")

DOWNLOADS = {
    "json": ("application/json", "json"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


@bp.get("/export")
@signed_in
@limits.limited(limits.EXPORT)
def export() -> Response:
    """Download everything of the signed-in user as JSON, or as Markdown or CSV in lang and tz."""
    fmt = request.args.get("format", "json")
    if fmt not in DOWNLOADS:
        raise ApiError(400, "invalid_request", "format must be json, md or csv.")
    lang = request.args.get("lang") or current_language()
    if lang not in LANGUAGES:
        raise ApiError(400, "invalid_request", "lang must be nl or en.")
    # Markdown and CSV give times in the reader's zone, which the app sends; UTC without one.
    zone_name = request.args.get("tz") or "UTC"
    zone = time_zone(zone_name)
    if zone is None:
        raise ApiError(400, "invalid_request", "tz must be a time zone such as Europe/Brussels.")
    document = export_document(signed_in_user())
    body = {
        "json": lambda: json.dumps(document, ensure_ascii=False, indent=2),
        "md": lambda: export_markdown(document, lang, zone_name, zone),
        "csv": lambda: export_csv(document, lang, zone_name, zone),
    }[fmt]()
    mimetype, extension = DOWNLOADS[fmt]
    response = Response(body, content_type=mimetype)
    day = document["exported_at"][:10]
    response.headers["Content-Disposition"] = (
        f'attachment; filename="levensloopbaan-{day}.{extension}"'
    )
    return response


@bp.post("/import")
@signed_in
@limits.limited(limits.IMPORT)
def import_json() -> Response:
    """Merge a JSON export into the signed-in account, without duplicates, a chunk at a time."""
    # Each chunk is its own short transaction, so a large import never holds the database (SQLite:
    # its one write lock) for long. Stopped halfway, an import is sent again: what arrived is skipped.
    entries = parse_import(json_body())
    user_id = signed_in_user().id
    check_account_room(user_id, entries)
    db.session.commit()
    answer = {"added": 0, "skipped": 0}
    for start in range(0, len(entries), IMPORT_CHUNK):
        began = time.monotonic()
        chunk = import_chunk(user_id, entries[start : start + IMPORT_CHUNK])
        db.session.commit()
        answer = {key: answer[key] + chunk[key] for key in answer}
        if db.engine.dialect.name == "sqlite":
            # Give waiting writers (who try every few ms, see extensions) their turn: the lock is
            # left free at least twice as long as a chunk held it, on a busy machine too.
            time.sleep(max(IMPORT_PAUSE_SECONDS, 2 * (time.monotonic() - began)))
    return jsonify(answer)


@bp.post("/account/delete")
@signed_in
@limits.limited(limits.DELETE_ACCOUNT)
def delete() -> Response:
    """Erase the signed-in account, confirmed with its password."""
    confirmation = parse(contract.DeleteAccountRequest, json_body())
    if not check_password(signed_in_user(), confirmation.password):
        raise ApiError(403, "wrong_password", "The password is not right; nothing was deleted.")
    delete_account(signed_in_user())
    end_session()
    db.session.commit()
    return jsonify(deleted=True)
