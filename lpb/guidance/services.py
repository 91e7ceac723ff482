"""Guidance's queries: invitations, links, what a guide may read, and a guide's words to a client.

What a guide may read is the shares table (lpb/guidance/shares.py), kept in step with the entries'
bodies at every push; every read below goes through it and through a link of the guide, so an
ended link or an unshared entry is gone at the next request. A guide's questions and replies
become entries of the client, with a new version from the client's counter, so they reach the
client's devices by the normal pull.
"""

import secrets
import uuid
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from lpb import clock, limits
from lpb.extensions import db
from lpb.guidance import guide_words
from lpb.guidance.contracts import GuideLinkChange
from lpb.jsonapi import ApiError
from lpb.models import (
    Entry,
    GuideInvitation,
    GuideLink,
    GuideRecord,
    Share,
    User,
    own_or_404,
    row_id,
)
from lpb.sync import services as sync
from lpb.sync.contract import CIRCLES
from lpb.tokens import token_hash

INVITATION_DAYS = 7


MAX_OPEN_INVITATIONS = 20


# A guide's questions the client has not answered yet, per link: more wait until one is answered.
MAX_OPEN_QUESTIONS = 3


GUIDE_KINDS = sync.GUIDE_KINDS


def invitation_json(invitation: GuideInvitation) -> dict:
    """Return an open invitation as the API sends it."""
    return {
        "id": invitation.id,
        "name_for_guide": invitation.name_for_guide,
        "created_at": clock.iso(invitation.created_at),
        "expires_at": clock.iso(invitation.expires_at),
    }


def link_json(link: GuideLink) -> dict:
    """Return a guide link as its client sees it."""
    guide = db.session.get(User, link.guide_id)
    return {
        "id": link.id,
        "guide_email": guide.email if guide else "",
        "guide_name": (guide.display_name or guide.email) if guide else "",
        "name_for_guide": link.name_for_guide,
        "show_insights": link.show_insights,
        "accepts_suggestions": link.accepts_suggestions,
        "accepted_at": clock.iso(link.accepted_at),
        "guide_last_seen_at": clock.iso(link.guide_last_seen_at),
    }


def end_link(link: GuideLink, forget_guide: bool = False) -> None:
    """End a guide link and every share of it, in the caller's transaction.

    The guide's open questions leave the client's Today, answered ones are marked ended and the
    link's suggestion is withdrawn; when the guide's account goes (forget_guide), the guide's name
    leaves the client's other entries too. The guide's own notes stay theirs.
    """
    retire_guide_entries(link, forget_guide)
    guide_words.retire_link(sync.lock_user(link.user_id), link.id)
    link_ended(link)
    db.session.execute(sa.delete(Share).where(Share.link_id == link.id))
    db.session.execute(sa.delete(GuideLink).where(GuideLink.id == link.id))


def link_ended(link: GuideLink) -> None:
    """Note that a link ended, in the caller's transaction: the guide's notes stay theirs."""
    record = db.session.get(GuideRecord, link.id)
    if record is None:
        record = GuideRecord(link_id=link.id, user_id=link.guide_id, client_name="", notes="")
        db.session.add(record)
    record.ended_at = clock.now()
    record.session_held_on = None
    # The client's name is kept only beside notes, so the guide knows whose they are.
    record.client_name = client_name(link)[:100] if record.notes else ""


def answered_questions(client_id: int, question_ids: list[str]) -> set[str]:
    """Return which of these questions a live reflection of the client answers."""
    if not question_ids:
        return set()
    answer = Entry.body["guide_question_id"].as_string()
    return set(
        db.session.scalars(
            sa.select(answer).where(
                Entry.user_id == client_id,
                Entry.kind == "reflection",
                Entry.deleted.is_(False),
                answer.in_(question_ids),
            )
        )
    )


def open_questions(link: GuideLink) -> list[Entry]:
    """Return the guide's questions on this link that the client has not answered."""
    questions = [entry for entry in guide_entries(link) if entry.kind == "guide_question"]
    answered = answered_questions(link.user_id, [entry.id for entry in questions])
    return [entry for entry in questions if entry.id not in answered]


def retire_guide_entries(link: GuideLink, forget_guide: bool) -> None:
    """Tombstone the link's open questions and, with forget_guide, blank the guide's name in the
    rest; each change gets a new version of the client, so the devices pull it."""
    client = sync.lock_user(link.user_id)
    still_open = {entry.id for entry in open_questions(link)}
    for entry in guide_entries(link):
        if entry.id in still_open:
            entry.body, entry.deleted = {}, True
        elif forget_guide:
            entry.body = {**entry.body, "guide_name": ""}
        else:
            continue
        client.version += 1
        entry.version = client.version


def invitation_problem(invitation: GuideInvitation | None, user: User | None) -> str | None:
    """Return why an invitation cannot be accepted by this visitor, if it cannot."""
    if invitation is None:
        return "invitation_invalid"
    if invitation.expires_at < clock.now():
        return "invitation_expired"
    if user is not None and user.id == invitation.user_id:
        return "invitation_own"
    return None


def client_name(link_or_invitation: GuideLink | GuideInvitation) -> str:
    """Return the name a guide sees for a client: the chosen one, else the client's email."""
    if link_or_invitation.name_for_guide:
        return link_or_invitation.name_for_guide
    client = db.session.get(User, link_or_invitation.user_id)
    return client.email if client else ""


def link_between(client_id: int, guide_id: int, name: str) -> GuideLink:
    """Return the link of a client and a guide, made now if they have none yet."""
    query = sa.select(GuideLink).where(
        GuideLink.user_id == client_id, GuideLink.guide_id == guide_id
    )
    link = db.session.scalar(query)
    if link is not None:
        return link
    link = GuideLink(
        user_id=client_id, guide_id=guide_id, name_for_guide=name, accepted_at=clock.now()
    )
    try:
        with db.session.begin_nested():
            db.session.add(link)
    except IntegrityError:  # the same pair linked at the same moment by another invitation
        return db.session.scalars(query).one()
    return link


def shared_entries(link: GuideLink) -> list[Entry]:
    """Return the live entries shared on a link, newest change first."""
    return list(
        db.session.scalars(
            sa.select(Entry)
            .join(Share, sa.and_(Share.user_id == Entry.user_id, Share.entry_id == Entry.id))
            .where(
                Share.link_id == link.id,
                Entry.user_id == link.user_id,
                Entry.deleted.is_(False),
                Entry.conflict_of.is_(None),
            )
            .order_by(Entry.version.desc())
        )
    )


def new_count(link: GuideLink) -> int:
    """Return how many shared entries changed since the guide's last visit."""
    count = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Share)
        .join(Entry, sa.and_(Share.user_id == Entry.user_id, Share.entry_id == Entry.id))
        .where(Share.link_id == link.id, Entry.version > link.seen_version)
    )
    return count or 0


def guide_entries(link: GuideLink) -> list[Entry]:
    """Return this guide's questions and replies that the client still has.

    Only what the server wrote for this link (written_by): nothing a device or an import stored
    is ever shown as the guide's own words.
    """
    rows = db.session.scalars(
        sa.select(Entry)
        .where(
            Entry.user_id == link.user_id,
            Entry.kind.in_(GUIDE_KINDS),
            Entry.deleted.is_(False),
            Entry.written_by == f"guide:{link.id}",
        )
        .order_by(Entry.version)
    )
    return [row for row in rows if (row.body or {}).get("link_id") == link.id]


def shared_json(entry: Entry) -> dict:
    """Return a shared entry as a guide sees it: never the other links it is shared with."""
    seen = sync.entry_json(entry)
    for private in ("shared_with", "version", "deleted", "conflict_of"):
        seen.pop(private, None)
    return seen


def circle_insights(entries: list[dict]) -> list[dict]:
    """Return per circle the count and average energy of the given reflections."""
    table = []
    for circle in CIRCLES:
        inside = [entry for entry in entries if circle in (entry.get("circles") or [])]
        energies = [entry["energy"] for entry in inside if isinstance(entry.get("energy"), int)]
        average = round(sum(energies) / len(energies), 1) if energies else None
        table.append({"circle": circle, "count": len(inside), "average_energy": average})
    return table


def client_summary(link: GuideLink) -> dict:
    """Return a client as their guide sees them in the list."""
    return {
        "link_id": link.id,
        "name": client_name(link),
        "new_count": new_count(link),
        "show_insights": link.show_insights,
        "accepts_suggestions": link.accepts_suggestions,
        "accepted_at": clock.iso(link.accepted_at),
        "guide_last_seen_at": clock.iso(link.guide_last_seen_at),
    }


def client_detail(link: GuideLink) -> dict:
    """Return everything a guide may see of one client."""
    entries = [shared_json(entry) for entry in shared_entries(link)]
    own = [{"id": row.id, "kind": row.kind, **row.body} for row in guide_entries(link)]
    reflections = [entry for entry in entries if entry["kind"] == "reflection"]
    return {
        **client_summary(link),
        "entries": entries,
        "questions": [row for row in own if row["kind"] == "guide_question"],
        "replies": [row for row in own if row["kind"] == "guide_reply"],
        "suggestion": next((row for row in own if row["kind"] == "guide_suggestion"), None),
        "insights": circle_insights(reflections) if link.show_insights else None,
    }


def guided_links(user: User) -> list[GuideLink]:
    """Return the links on which the user is the guide."""
    return list(
        db.session.scalars(
            sa.select(GuideLink).where(GuideLink.guide_id == user.id).order_by(GuideLink.id)
        )
    )


def mark_seen(link_id: int, version: int) -> None:
    """Note the guide's visit, in a transaction of its own after the page was read."""
    db.session.rollback()
    try:
        db.session.execute(
            sa.update(GuideLink)
            .where(GuideLink.id == link_id)
            .values(guide_last_seen_at=clock.now(), seen_version=version)
        )
        db.session.commit()
    except OperationalError:
        # A busy database must not fail a page already made; the next visit tries again.
        db.session.rollback()


def visit(link: GuideLink) -> dict:
    """Return what a guide sees of a client, and note the visit."""
    detail = client_detail(link)
    client = db.session.get(User, link.user_id)
    detail["_version"] = client.version if client else 0
    return detail


def add_client_entry(link: GuideLink, kind: str, body: dict) -> str | None:
    """Add a guide's entry to the client's entries; return its id, None if the link just ended."""
    client = sync.lock_user(link.user_id)
    if db.session.get(GuideLink, link.id, populate_existing=True) is None:
        return None
    client.version += 1
    stamp = clock.stamp(clock.now())
    entry_id = str(uuid.uuid4())
    db.session.add(
        Entry(
            user_id=client.id,
            id=entry_id,
            version=client.version,
            kind=kind,
            body=body,
            created_at=stamp,
            updated_at=stamp,
            deleted=False,
            conflict_of=None,
            written_by=f"guide:{link.id}",
        )
    )
    return entry_id


def guide_name(user: User) -> str:
    """Return the name a client sees for the guide: the chosen one (older accounts: the email)."""
    return user.display_name or user.email


# The client's side.


def own_link(user: User, raw_id: str) -> GuideLink:
    """Return a guide link of this client; anyone else's is as unknown as a missing one."""
    return own_or_404(GuideLink, row_id(raw_id), user.id)


def invite(user: User, name_for_guide: str) -> tuple[GuideInvitation, str]:
    """Make a one-time invitation for a guide, valid for a week; return it and its token."""
    db.session.execute(
        sa.delete(GuideInvitation).where(
            GuideInvitation.user_id == user.id, GuideInvitation.expires_at < clock.now()
        )
    )
    open_count = (
        db.session.scalar(sa.select(sa.func.count()).where(GuideInvitation.user_id == user.id)) or 0
    )
    if open_count >= MAX_OPEN_INVITATIONS:
        raise ApiError(
            409,
            "too_many_invitations",
            f"At most {MAX_OPEN_INVITATIONS} invitations can be open; revoke one first.",
        )
    token = secrets.token_urlsafe(32)
    invitation = GuideInvitation(
        user_id=user.id,
        token_hash=token_hash(token),
        name_for_guide=name_for_guide.strip(),
        created_at=clock.now(),
        expires_at=clock.now() + timedelta(days=INVITATION_DAYS),
    )
    db.session.add(invitation)
    db.session.commit()
    return invitation, token


def guides_json(user: User) -> dict:
    """Return a client's guides and open invitations, as the API sends them."""
    links = db.session.scalars(
        sa.select(GuideLink).where(GuideLink.user_id == user.id).order_by(GuideLink.id)
    )
    invitations = db.session.scalars(
        sa.select(GuideInvitation)
        .where(GuideInvitation.user_id == user.id, GuideInvitation.expires_at >= clock.now())
        .order_by(GuideInvitation.id)
    )
    return {
        "links": [link_json(link) for link in links],
        "invitations": [invitation_json(invitation) for invitation in invitations],
    }


def change_link(link: GuideLink, change: GuideLinkChange) -> dict:
    """Rename what a guide sees, or choose what the guide sees and may send; return the link."""
    if change.name_for_guide is not None:
        link.name_for_guide = change.name_for_guide.strip()
    if change.show_insights is not None:
        link.show_insights = change.show_insights
    if change.accepts_suggestions is not None:
        link.accepts_suggestions = change.accepts_suggestions
        if not change.accepts_suggestions:
            guide_words.withdraw_suggestions(sync.lock_user(link.user_id), link.id)
    db.session.commit()
    return link_json(link)


def stop_sharing(link: GuideLink) -> None:
    """End a link and every share of it, at once."""
    end_link(link)
    db.session.commit()


def revoke_invitation(user: User, raw_id: str) -> None:
    """Revoke an open invitation of this client: its link no longer works."""
    db.session.delete(own_or_404(GuideInvitation, row_id(raw_id), user.id))
    db.session.commit()


def invitation_of(token: str) -> GuideInvitation | None:
    """Return the open invitation of this token, if there is one."""
    return db.session.scalar(
        sa.select(GuideInvitation).where(GuideInvitation.token_hash == token_hash(token))
    )


def accept(invitation: GuideInvitation, guide: User, display_name: str) -> GuideLink | None:
    """Accept an invitation as this guide; None if another request took it first."""
    guide.display_name = display_name.strip() or guide.display_name
    taken = db.session.execute(
        sa.delete(GuideInvitation).where(GuideInvitation.id == invitation.id)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        return None
    link = link_between(invitation.user_id, guide.id, invitation.name_for_guide)
    db.session.commit()
    return link


# The guide's side: what a guide may read goes through the guide's own link and its shares.


def guided_link(raw_id: str, user: User) -> GuideLink:
    """Return a link on which the user is the guide; anyone else's is as unknown as a missing one."""
    return own_or_404(GuideLink, row_id(raw_id), user.id, owner="guide_id")


def send_to_client(link: GuideLink, kind: str, body: dict) -> str | None:
    """Add a guide's entry to the client's entries and commit; return why not, if refused.

    "too_many_writes" (the guide's limit), "too_many_open" (questions) or "ended" (the link).
    """
    if limits.attempt(limits.GUIDE_WRITE, f"guide:{link.guide_id}", user_id=link.guide_id):
        return "too_many_writes"
    if kind == "guide_question" and len(open_questions(link)) >= MAX_OPEN_QUESTIONS:
        db.session.rollback()
        return "too_many_open"
    if not add_client_entry(link, kind, body):
        return "ended"
    db.session.commit()
    return None


def end_guidance(link: GuideLink) -> None:
    """End the guidance of a client, as the guide."""
    end_link(link)
    db.session.commit()
