"""Your data is yours: export (JSON, Markdown, CSV), import of our JSON, and erasing an account.

The export format is documented in docs/export-format.md; the app on the device writes the same.
"""

import html
import json
import time
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Blueprint, Response, jsonify, request

from lpb import contract, guidance, limits, practice
from lpb.accounts import check_password, end_session
from lpb.contract import EXPORT_FORMAT, EXPORT_VERSION
from lpb.export_words import (
    Words,
    balance_table,
    export_language,
    export_words,
    facts_line,
    mix_table,
)
from lpb.extensions import db
from lpb.i18n import LANGUAGES, current_language
from lpb.jsonapi import ApiError, json_body, parse, signed_in, signed_in_user
from lpb.models import (
    Client,
    Entry,
    GuideInvitation,
    GuideLink,
    GuideRecord,
    RateLimit,
    Session,
    SetAsideEntry,
    Share,
    User,
)
from lpb.sync import Batch, Mutation, entry_json, lock_user, put_of

# Per transaction: a chunk is written in well under 100 ms, so others wait that long at most.
IMPORT_CHUNK = 200
IMPORT_PAUSE_SECONDS = 0.03
MAX_ACCOUNT_ENTRIES = 50_000
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
# A cell starting with one of these is a formula to a spreadsheet; a leading ' makes it text.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
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
    # A guide's own notes of their clients: only in the guide's export, never in a client's.
    if notes := practice.guide_records_export(user):
        document["guide_notes"] = notes
    return document


def export_markdown(document: dict, reader: str | None = None) -> str:
    """Return an export as one readable Markdown document, by day, in reader's language."""
    lang = export_language(reader or document["settings"].get("language"))
    word = export_words(lang)
    lines = ["# Levensloopbaan", "", f"Export {_md(document['exported_at'])}", ""]
    days: dict[str, list[dict]] = {}
    for entry in document["entries"]:
        days.setdefault(entry.get("day") or entry["created_at"][:10], []).append(entry)
    for day in sorted(days):
        lines += [f"## {_md(day)}", ""]
        for entry in days[day]:
            lines += _markdown_entry(entry, word, lang)
    return "\n".join(lines).rstrip() + "\n"


def _md(value: object) -> str:
    """Return text for Markdown with its HTML escaped, so a viewer shows it rather than runs it."""
    return html.escape(str(value), quote=False)


def _markdown_entry(entry: dict, word: Words, lang: str) -> list[str]:
    """Return the Markdown lines of one entry, as the device writes them."""
    time = _md(entry["created_at"][11:16])

    def with_facts(lines: list[str]) -> list[str]:
        """Return lines followed by the entry's circles and ratings, when it has any."""
        facts = facts_line(entry, word)
        return [*lines, facts, ""] if facts else lines

    if entry["kind"] == "reflection":
        lines = [f"### {time} · {_md(entry.get('question_text') or word('reflection'))}", ""]
        if entry.get("conflict_of"):
            lines += [f"*{word('conflict')}*", ""]
        return with_facts([*lines, _md(entry.get("text") or ""), ""])
    if entry["kind"] == "checkin":
        return with_facts([f"### {time} · {word('checkin')}", ""])
    if entry["kind"] == "mix":
        title = word("mix", week=_md(entry.get("week") or ""))
        return [f"### {time} · {title}", "", *mix_table(entry, word, lang), ""]
    if entry["kind"] == "balance":
        return [f"### {time} · {word('balance')}", "", *balance_table(entry, word, lang), ""]
    title = word("question") if entry["kind"] == "question" else _md(entry["kind"])
    text = entry.get("text") or entry.get("markdown") or entry.get("nl") or entry.get("en") or ""
    return [f"### {time} · {title}", "", _md(text), ""]


def _without_common(entry: dict) -> dict:
    """Return an entry without the fields every entry has."""
    return {key: value for key, value in entry.items() if key not in CSV_OWN_FIELDS}


def export_csv(document: dict) -> str:
    """Return an export as CSV with the documented columns, one row per entry (as the device)."""
    lines = [",".join(CSV_COLUMNS)]
    for entry in document["entries"]:
        rest = _without_common(entry)
        row = [
            entry["id"],
            entry["kind"],
            entry.get("day") or entry["created_at"][:10],
            entry["created_at"],
            entry["updated_at"],
            entry.get("question_text") or "",
            entry.get("text") or "",
            " ".join(entry.get("circles") or []),
            entry.get("energy") or "",
            entry.get("conflict_of") or "",
            _compact_json(rest) if rest else "",
        ]
        lines.append(",".join(_csv_cell(value) for value in row))
    return "\n".join(lines) + "\n"


def _compact_json(value: dict) -> str:
    """Return JSON as the device writes it in the CSV: keys sorted, whole numbers without ".0"."""
    return json.dumps(
        _whole_numbers(value), ensure_ascii=False, separators=(",", ":"), sort_keys=True
    )


def _whole_numbers(value: object) -> object:
    """Return a JSON value with its whole floats as ints (the contract stores a share 60 as 60.0)."""
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _csv_cell(value: object) -> str:
    """Return one CSV cell: quoted as RFC 4180 asks, and never a formula (OWASP CSV injection)."""
    text = str(value)
    if text.startswith(CSV_FORMULA_STARTS):
        text = "'" + text
    if any(char in text for char in '",\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


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
    stored = db.session.scalar(
        sa.select(sa.func.count()).select_from(Entry).where(Entry.user_id == user_id)
    )
    known = sum(
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Entry)
            .where(Entry.user_id == user_id, Entry.id.in_(ids[start : start + IMPORT_CHUNK]))
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
    for model in (Share, GuideInvitation, Entry, SetAsideEntry, Client, Session, RateLimit):
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
    lang = request.args.get("lang") or current_language()
    if lang not in LANGUAGES:
        raise ApiError(400, "invalid_request", "lang must be nl or en.")
    document = export_document(signed_in_user())
    body = {
        "json": lambda: json.dumps(document, ensure_ascii=False, indent=2),
        "md": lambda: export_markdown(document, lang),
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
