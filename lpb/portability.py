"""Your data is yours: export (JSON, Markdown, CSV), import of our JSON, and erasing an account.

The export format is documented in docs/export-format.md; the app on the device writes the same.
"""

import csv
import io
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Blueprint, Response, jsonify, request

from lpb import contract, guidance, limits
from lpb.accounts import check_password, end_session
from lpb.contract import EXPORT_FORMAT, EXPORT_VERSION
from lpb.extensions import db
from lpb.jsonapi import ApiError, json_body, parse, signed_in, signed_in_user
from lpb.models import (
    Client,
    Entry,
    GuideInvitation,
    GuideLink,
    RateLimit,
    Session,
    Share,
    User,
)
from lpb.sync import Batch, Mutation, entry_json, lock_user, put_of

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
    return document


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
    text = entry.get("text") or entry.get("markdown") or entry.get("nl") or entry.get("en") or ""
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


def import_entries(user: User, entries: list[tuple[Mutation, str | None]]) -> dict:
    """Add the entries this account does not have yet, in the caller's transaction."""
    batch = Batch(lock_user(user.id), "import")
    batch.preload({mutation.id for mutation, _ in entries})
    added = 0
    for mutation, conflict_of in entries:
        if batch.known[mutation.id] is not None:
            continue
        # An import never grants anyone access: link ids in a file name no links of this account.
        mutation.body.pop("shared_with", None)
        batch.insert(mutation).conflict_of = conflict_of
        added += 1
    return {"added": added, "skipped": len(entries) - added}


def delete_account(user: User) -> None:
    """Erase a user and everything of theirs, in the caller's transaction."""
    # Explicit deletes rather than relying on ON DELETE CASCADE alone: every table, every engine.
    links = sa.select(GuideLink.id).where(
        sa.or_(GuideLink.user_id == user.id, GuideLink.guide_id == user.id)
    )
    db.session.execute(sa.delete(Share).where(Share.link_id.in_(links)))
    db.session.execute(
        sa.delete(GuideLink).where(
            sa.or_(GuideLink.user_id == user.id, GuideLink.guide_id == user.id)
        )
    )
    for model in (Share, GuideInvitation, Entry, Client, Session, RateLimit):
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
    """Download everything of the signed-in user as JSON, Markdown or CSV."""
    fmt = request.args.get("format", "json")
    if fmt not in DOWNLOADS:
        raise ApiError(400, "invalid_request", "format must be json, md or csv.")
    document = export_document(signed_in_user())
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
    return response


@bp.post("/import")
@signed_in
@limits.limited(limits.IMPORT)
def import_json() -> Response:
    """Merge a JSON export into the signed-in account, without duplicates."""
    entries = parse_import(json_body())
    answer = import_entries(signed_in_user(), entries)
    db.session.commit()
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
