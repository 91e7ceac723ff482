"""Export: everything of an account in our versioned JSON format, or readable as Markdown or CSV.

The export format is documented in docs/export-format.md; the app on the device writes the same.
"""

import json
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from lpb import clock
from lpb.extensions import db
from lpb.guidance import practice
from lpb.guidance import services as guidance
from lpb.models import Entry, GuideLink, User
from lpb.portability.readable import export_csv, export_markdown
from lpb.sync.contract import EXPORT_FORMAT, EXPORT_VERSION
from lpb.sync.services import entry_json

DOWNLOADS = {
    "json": ("application/json", "json"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "csv": ("text/csv; charset=utf-8", "csv"),
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
        "exported_at": clock.iso(clock.now()),
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


def download(
    user: User, fmt: str, lang: str, zone_name: str, zone: ZoneInfo
) -> tuple[str, str, str]:
    """Return a user's export in a format of DOWNLOADS: the body, its type and its file name."""
    document = export_document(user)
    body = {
        "json": lambda: json.dumps(document, ensure_ascii=False, indent=2),
        "md": lambda: export_markdown(document, lang, zone_name, zone),
        "csv": lambda: export_csv(document, lang, zone_name, zone),
    }[fmt]()
    mimetype, extension = DOWNLOADS[fmt]
    day = document["exported_at"][:10]
    return body, mimetype, f"levensloopbaan-{day}.{extension}"
