"""Your data is yours: export (JSON, Markdown, CSV), import of our JSON, and erasing an account.

The export format is documented in docs/export-format.md; the app on the device writes the same.
"""

import csv
import io
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Blueprint, Response, jsonify, request

from lpb import limits
from lpb.accounts import check_password, current_user, end_session
from lpb.api import signed_in
from lpb.extensions import db
from lpb.models import Client, Entry, RateLimit, Session, User
from lpb.sync import Batch, SyncError, entry_json, lock_user, parse_put, parse_uuid

EXPORT_FORMAT = "levensloopbaan-export"
EXPORT_VERSION = 1
MAX_IMPORT_ENTRIES = 100_000
CSV_COLUMNS = [
    "id",
    "kind",
    "day",
    "created_at",
    "updated_at",
    "question",
    "text",
    "circles",
    "energy",
    "conflict_of",
    "data",
]
# Fields with a column of their own in the CSV; the rest of an entry goes, as JSON, in "data".
CSV_OWN_FIELDS = {
    "id",
    "kind",
    "day",
    "created_at",
    "updated_at",
    "question_text",
    "text",
    "circles",
    "energy",
    "conflict_of",
    "question_id",
}


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
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": "server",
        "account": {"email": user.email},
        "settings": {},
        "entries": user_entries(user),
    }


def export_markdown(document: dict) -> str:
    """Return an export as one readable Markdown document, by day."""
    lines = ["# Levensloopbaan", "", f"Export {document['exported_at']}", ""]
    days: dict[str, list[dict]] = {}
    for entry in document["entries"]:
        days.setdefault(entry.get("day") or entry["created_at"][:10], []).append(entry)
    for day in sorted(days):
        lines += [f"## {day}", ""]
        for entry in days[day]:
            lines += _markdown_entry(entry)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_entry(entry: dict) -> list[str]:
    """Return the Markdown lines of one entry."""
    time = entry["created_at"][11:16]
    if entry["kind"] == "reflection":
        title = entry.get("question_text") or "Reflectie / Reflection"
        lines = [f"### {time} · {title}", ""]
        if entry.get("conflict_of"):
            lines += ["*Conflict copy / conflictkopie*", ""]
        lines += [entry.get("text", ""), ""]
        facts = []
        if entry.get("circles"):
            facts.append("circles: " + ", ".join(entry["circles"]))
        if entry.get("energy"):
            facts.append(f"energy: {entry['energy']}/5")
        return lines + ([f"*{' · '.join(facts)}*", ""] if facts else [])
    if entry["kind"] == "mix":
        return [
            f"### {time} · Eigen mix {entry.get('week', '')}",
            "",
            f"```json\n{json.dumps(_without_common(entry), ensure_ascii=False, separators=(',', ':'))}\n```",
            "",
        ]
    text = entry.get("text") or entry.get("nl") or entry.get("en") or ""
    return [f"### {time} · {entry['kind']}", "", text, ""]


def _without_common(entry: dict) -> dict:
    """Return an entry without the fields every entry has."""
    return {key: value for key, value in entry.items() if key not in CSV_OWN_FIELDS}


def export_csv(document: dict) -> str:
    """Return an export as CSV with the documented columns, one row per entry."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in document["entries"]:
        rest = _without_common(entry)
        writer.writerow(
            {
                "id": entry["id"],
                "kind": entry["kind"],
                "day": entry.get("day") or entry["created_at"][:10],
                "created_at": entry["created_at"],
                "updated_at": entry["updated_at"],
                "question": entry.get("question_text", ""),
                "text": entry.get("text", ""),
                "circles": " ".join(entry.get("circles") or []),
                "energy": entry.get("energy") or "",
                "conflict_of": entry.get("conflict_of") or "",
                "data": json.dumps(rest, ensure_ascii=False, separators=(",", ":")) if rest else "",
            }
        )
    return out.getvalue()


def parse_import(payload: object) -> list[dict]:
    """Check an export document and return its entries, or fail with a clear message."""
    if not isinstance(payload, dict) or payload.get("format") != EXPORT_FORMAT:
        raise SyncError(400, "invalid_import", "This is not a Levensloopbaan JSON export.")
    if payload.get("version") != EXPORT_VERSION:
        raise SyncError(
            400, "invalid_import", f"Export version {payload.get('version')!r} is not supported."
        )
    entries = payload.get("entries")
    if not isinstance(entries, list) or len(entries) > MAX_IMPORT_ENTRIES:
        raise SyncError(
            400,
            "invalid_import",
            f"entries must be a list of at most {MAX_IMPORT_ENTRIES} entries.",
        )
    return entries


def import_entries(user: User, entries: list[dict]) -> dict:
    """Add the entries this account does not have yet; importing twice changes nothing."""
    batch = Batch(lock_user(user.id), "import")
    added = skipped = 0
    for index, item in enumerate(entries):
        where = f"entries[{index}]"
        mutation = parse_put(item, where)
        if db.session.get(Entry, (user.id, mutation.id)) is not None:
            skipped += 1
            continue
        stored = batch.insert(mutation)
        if item.get("conflict_of"):
            stored.conflict_of = parse_uuid(item["conflict_of"], f"{where}.conflict_of")
        added += 1
    db.session.commit()
    return {"added": added, "skipped": skipped}


def delete_account(user: User) -> None:
    """Erase a user and everything of theirs, at once, in one transaction."""
    # Explicit deletes rather than relying on ON DELETE CASCADE alone: every table, every engine.
    for model in (Entry, Client, Session, RateLimit):
        db.session.execute(sa.delete(model).where(model.user_id == user.id))
    db.session.execute(sa.delete(User).where(User.id == user.id))
    db.session.commit()


bp = Blueprint("portability", __name__, url_prefix="/api")

DOWNLOADS = {
    "json": ("application/json", "json"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


@bp.errorhandler(SyncError)
def portability_error(exc: SyncError):
    """Undo whatever the failed request started, and explain in JSON."""
    db.session.rollback()
    return jsonify(error=exc.error, message=exc.message), exc.status


@bp.get("/export")
@signed_in
@limits.limited(limits.EXPORT)
def export():
    """Download everything of the signed-in user as JSON, Markdown or CSV."""
    fmt = request.args.get("format", "json")
    if fmt not in DOWNLOADS:
        raise SyncError(400, "invalid_request", "format must be json, md or csv.")
    document = export_document(current_user())
    body = {
        "json": lambda: json.dumps(document, ensure_ascii=False, indent=2),
        "md": lambda: export_markdown(document),
        "csv": lambda: export_csv(document),
    }[fmt]()
    mimetype, extension = DOWNLOADS[fmt]
    response = Response(body, content_type=mimetype)
    day = document["exported_at"][:10]
    response.headers["Content-Disposition"] = (
        f'attachment; filename="levensloopbaan-{day}.{extension}"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/import")
@signed_in
@limits.limited(limits.IMPORT)
def import_json():
    """Merge a JSON export into the signed-in account, without duplicates."""
    payload = request.get_json(silent=True) if request.is_json else None
    if payload is None:
        raise SyncError(
            400, "invalid_json", "Send a Levensloopbaan JSON export as application/json."
        )
    return jsonify(import_entries(current_user(), parse_import(payload)))


@bp.post("/account/delete")
@signed_in
@limits.limited(limits.DELETE_ACCOUNT)
def delete():
    """Erase the signed-in account, confirmed with its password."""
    payload = request.get_json(silent=True) if request.is_json else None
    password = payload.get("password") if isinstance(payload, dict) else None
    if not isinstance(password, str) or not check_password(current_user(), password):
        raise SyncError(403, "wrong_password", "The password is not right; nothing was deleted.")
    delete_account(current_user())
    end_session()
    db.session.commit()
    return jsonify(deleted=True)
