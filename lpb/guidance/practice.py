"""A guide's practice: every client at a glance, private notes, sessions, and the guide's name.

What a guide reads of a client still goes through lpb/guidance/routes.py (the link and its shares); this
module adds the guide's own things, kept in guide_records by link id: notes only the guide reads
(they outlive an ended link until the guide deletes them) and the day of the last session. None of
it is ever written into the client's entries, so it cannot reach the client's pull or export.
"""

import sqlalchemy as sa

from lpb import clock
from lpb.extensions import db
from lpb.guidance import services
from lpb.jsonapi import ApiError
from lpb.models import Entry, GuideLink, GuideRecord, Share, User, row_id


def ended_for(user: User, link_id: int) -> bool:
    """Return whether a link of this guide has ended (its record is still the guide's)."""
    record = db.session.get(GuideRecord, link_id)
    return record is not None and record.user_id == user.id


def record_json(record: GuideRecord | None, link_id: int) -> dict:
    """Return the guide's own record of a link as the API sends it."""
    return {
        "link_id": link_id,
        "notes": record.notes if record else "",
        "notes_updated_at": clock.iso(record.notes_updated_at) if record else None,
        "session_held_on": record.session_held_on if record else None,
    }


def _records(guide_id: int) -> dict[int, GuideRecord]:
    """Return the guide's records by link id."""
    rows = db.session.scalars(sa.select(GuideRecord).where(GuideRecord.user_id == guide_id))
    return {row.link_id: row for row in rows}


def _activity(guide_id: int) -> dict[int, tuple[int, int, int, str | None]]:
    """Return per link of this guide: new reflections, new answers, shared count, last activity.

    Each part reads no more than it must, so the practice view stays fast with many clients of
    long histories: the count from the shares alone (a share exists only for a live entry), what
    is new through the entries' (user, version) index from the guide's last visit on, and the
    last activity as the newest shared entry, found from the newest version down.
    """
    counts: dict[int, int] = dict(
        db.session.execute(
            sa.select(Share.link_id, sa.func.count())
            .join(GuideLink, GuideLink.id == Share.link_id)
            .where(GuideLink.guide_id == guide_id)
            .group_by(Share.link_id)
        ).all()
    )
    answer_of = Entry.body["guide_question_id"].as_string()
    new = sa.select(
        Share.link_id,
        sa.func.sum(sa.case((answer_of.is_(None), 1), else_=0)),
        sa.func.sum(sa.case((answer_of.is_not(None), 1), else_=0)),
    ).select_from(GuideLink)
    new = (
        new.join(
            Entry,
            sa.and_(Entry.user_id == GuideLink.user_id, Entry.version > GuideLink.seen_version),
        )
        .join(
            Share,
            sa.and_(
                Share.link_id == GuideLink.id,
                Share.user_id == Entry.user_id,
                Share.entry_id == Entry.id,
            ),
        )
        .where(GuideLink.guide_id == guide_id, Entry.kind == "reflection")
        .group_by(Share.link_id)
    )
    fresh = {link_id: (int(a or 0), int(b or 0)) for link_id, a, b in db.session.execute(new)}
    newest = (
        sa.select(Entry.updated_at)
        .join(Share, sa.and_(Share.user_id == Entry.user_id, Share.entry_id == Entry.id))
        .where(Share.link_id == GuideLink.id, Entry.user_id == GuideLink.user_id)
        .order_by(Entry.version.desc())
        .limit(1)
        .scalar_subquery()
    )
    last: dict[int, str | None] = dict(
        db.session.execute(
            sa.select(GuideLink.id, newest).where(GuideLink.guide_id == guide_id)
        ).all()
    )
    return {
        link_id: (*fresh.get(link_id, (0, 0)), int(count), last.get(link_id))
        for link_id, count in counts.items()
    }


def practice_json(user: User) -> dict:
    """Return the guide's practice: each client with what is new, and ended links with notes."""
    links = services.guided_links(user)
    records = _records(user.id)
    activity = _activity(user.id)
    clients = []
    for link in links:
        new, answers, count, last = activity.get(link.id, (0, 0, 0, None))
        record = records.get(link.id)
        clients.append(
            {
                "link_id": link.id,
                "name": services.client_name(link),
                "new_reflections": new,
                "new_answers": answers,
                "shared_count": count,
                "last_activity": last,
                "guide_last_seen_at": clock.iso(link.guide_last_seen_at),
                "session_held_on": record.session_held_on if record else None,
                "show_insights": link.show_insights,
            }
        )
    live = {link.id for link in links}
    ended = [
        {
            "link_id": record.link_id,
            "name": record.client_name,
            "notes": record.notes,
            "ended_at": clock.iso(record.ended_at),
        }
        for record in sorted(records.values(), key=lambda row: row.link_id)
        if record.link_id not in live and record.notes
    ]
    return {"display_name": user.display_name, "clients": clients, "ended": ended}


def _ended_error(link_id: int, user: User) -> ApiError:
    """Return the answer for a link of this guide that no longer exists (or never did)."""
    if ended_for(user, link_id):
        return ApiError(410, "link_ended", "This client stopped sharing with you.")
    return ApiError(404, "not_found", "No such client.")


def link_of(raw_id: str, user: User) -> GuideLink:
    """Return a live link of this guide, or answer 410 (ended) or 404 (never theirs)."""
    link_id = row_id(raw_id)
    link = db.session.get(GuideLink, link_id)
    if link is None or link.guide_id != user.id:
        raise _ended_error(link_id, user)
    return link


def own_record(raw_id: str, user: User) -> tuple[GuideRecord | None, GuideLink | None]:
    """Return this guide's record of a link and the link (live or ended); 404 if neither is theirs."""
    link_id = row_id(raw_id)
    link = db.session.get(GuideLink, link_id)
    if link is not None and link.guide_id != user.id:
        link = None
    record = db.session.get(GuideRecord, link_id)
    if record is not None and record.user_id != user.id:
        record = None
    if link is None and record is None:
        raise ApiError(404, "not_found", "No such client.")
    return record, link


def record_for(link: GuideLink, user: User) -> GuideRecord:
    """Return the guide's record of a live link, made now if there is none."""
    record = db.session.get(GuideRecord, link.id)
    if record is None:
        record = GuideRecord(link_id=link.id, user_id=user.id, client_name="", notes="")
        db.session.add(record)
    return record


def guide_records_export(user: User) -> list[dict]:
    """Return the guide's own notes for the guide's export (never in a client's)."""
    rows = db.session.scalars(
        sa.select(GuideRecord)
        .where(GuideRecord.user_id == user.id, GuideRecord.notes != "")
        .order_by(GuideRecord.link_id)
    )
    return [
        {
            "link_id": row.link_id,
            "client_name": row.client_name,
            "notes": row.notes,
            "notes_updated_at": clock.iso(row.notes_updated_at),
        }
        for row in rows
    ]


def client_json(link: GuideLink) -> tuple[dict, int]:
    """Return what one client shared with the guide's record of them, and the version seen."""
    detail = services.visit(link)
    version = detail.pop("_version")
    detail.update(record_json(db.session.get(GuideRecord, link.id), link.id))
    detail.pop("link_id")
    detail["link_id"] = link.id
    return detail, version


def save_notes(user: User, raw_id: str, notes: str) -> dict:
    """Replace the guide's private notes of a client (also of one who stopped sharing)."""
    record, link = own_record(raw_id, user)
    if record is None:
        assert link is not None
        record = record_for(link, user)
    record.notes = notes
    record.notes_updated_at = clock.now()
    if link is not None:
        record.client_name = services.client_name(link)[:100]
    db.session.commit()
    return record_json(record, record.link_id)


def delete_notes(user: User, raw_id: str) -> None:
    """Delete the guide's notes of a client; of an ended link, nothing of the client is left."""
    record, link = own_record(raw_id, user)
    if record is not None:
        if link is None:
            db.session.delete(record)
        else:
            record.notes, record.notes_updated_at, record.client_name = "", None, ""
    db.session.commit()


def session_held(user: User, raw_id: str, held_on: str) -> dict:
    """Record the day of the last session with a client."""
    record = record_for(link_of(raw_id, user), user)
    record.session_held_on = held_on
    db.session.commit()
    return record_json(record, record.link_id)


def rename(user: User, name: str) -> None:
    """Choose the name the guide's clients see."""
    user.display_name = name
    db.session.commit()
