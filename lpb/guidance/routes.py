"""Guidance together: a client invites guides, shares chosen reflections, and can stop at once.

Any account can be a client, a guide, or both. What a guide may read is the shares table
(lpb/guidance/shares.py), kept in step with the entries' bodies at every push; every view below reads
through it and through a link of the signed-in guide, so an ended link or an unshared entry is
gone at the next request. A guide's questions and replies become entries of the client, with
a new version from the client's counter, so they reach the client's devices by the normal pull.
"""

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from werkzeug.wrappers import Response as BaseResponse
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from lpb import limits
from lpb.accounts import links
from lpb.accounts import services as accounts
from lpb.accounts.routes import ConfirmForm, LocalisedForm
from lpb.extensions import db
from lpb.guidance import guide_words
from lpb.guidance.contracts import GuideLinkChange, InvitationRequest
from lpb.i18n import translate
from lpb.jsonapi import ApiError, json_body, parse, signed_in, signed_in_user
from lpb.models import Entry, GuideInvitation, GuideLink, Share, User
from lpb.sync import services as sync
from lpb.sync.contract import CIRCLES, MAX_GUIDE_TEXT

bp = Blueprint("guidance", __name__)

INVITATION_DAYS = 7
MAX_OPEN_INVITATIONS = 20
# A guide's questions the client has not answered yet, per link: more wait until one is answered.
MAX_OPEN_QUESTIONS = 3
GUIDE_KINDS = sync.GUIDE_KINDS


def now() -> datetime:
    """Return the current time in UTC, naive as stored (a function, so tests can set the clock)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _iso(moment: datetime | None) -> str | None:
    """Return a stored UTC time as the API sends it."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _token_hash(token: str) -> str:
    """Return the stored form of an invitation token: only its hash is kept."""
    return hashlib.sha256(token.encode()).hexdigest()


def _number(raw: str) -> int:
    """Return an id from a path, or answer 404 (an id that cannot exist is not found)."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10 or int(raw) >= 2**31:
        abort(404)
    return int(raw)


# The client's side: invitations and links.


def invitation_json(invitation: GuideInvitation) -> dict:
    """Return an open invitation as the API sends it."""
    return {
        "id": invitation.id,
        "name_for_guide": invitation.name_for_guide,
        "created_at": _iso(invitation.created_at),
        "expires_at": _iso(invitation.expires_at),
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
        "accepted_at": _iso(link.accepted_at),
        "guide_last_seen_at": _iso(link.guide_last_seen_at),
    }


def _own_link(raw_id: str) -> GuideLink:
    """Return a guide link of the signed-in client; anyone else's is as unknown as a missing one."""
    link = db.session.get(GuideLink, _number(raw_id))
    if link is None or link.user_id != signed_in_user().id:
        abort(404)
    return link


@bp.post("/api/guides/invitations")
@signed_in
def invite() -> tuple[Response, int]:
    """Make a one-time invitation link for a guide, valid for a week."""
    body = parse(InvitationRequest, json_body())
    user = signed_in_user()
    db.session.execute(
        sa.delete(GuideInvitation).where(
            GuideInvitation.user_id == user.id, GuideInvitation.expires_at < now()
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
        token_hash=_token_hash(token),
        name_for_guide=body.name_for_guide.strip(),
        created_at=now(),
        expires_at=now() + timedelta(days=INVITATION_DAYS),
    )
    db.session.add(invitation)
    db.session.commit()
    path = url_for("guidance.accept", token=token)
    # Without a configured address the device puts its own origin before the path.
    base = links.public_base()
    answer = {**invitation_json(invitation), "url": base + path if base else None, "path": path}
    return jsonify(answer), 201


@bp.get("/api/guides")
@signed_in
def guides() -> Response:
    """Return the signed-in client's guides and open invitations."""
    user = signed_in_user()
    links = db.session.scalars(
        sa.select(GuideLink).where(GuideLink.user_id == user.id).order_by(GuideLink.id)
    )
    invitations = db.session.scalars(
        sa.select(GuideInvitation)
        .where(GuideInvitation.user_id == user.id, GuideInvitation.expires_at >= now())
        .order_by(GuideInvitation.id)
    )
    return jsonify(
        links=[link_json(link) for link in links],
        invitations=[invitation_json(invitation) for invitation in invitations],
    )


@bp.patch("/api/guides/<link_id>")
@signed_in
def change_link(link_id: str) -> Response:
    """Rename what a guide sees, or choose whether the guide sees insights."""
    link = _own_link(link_id)
    change = parse(GuideLinkChange, json_body())
    if change.name_for_guide is not None:
        link.name_for_guide = change.name_for_guide.strip()
    if change.show_insights is not None:
        link.show_insights = change.show_insights
    if change.accepts_suggestions is not None:
        link.accepts_suggestions = change.accepts_suggestions
        if not change.accepts_suggestions:
            guide_words.withdraw_suggestions(sync.lock_user(link.user_id), link.id)
    db.session.commit()
    return jsonify(link_json(link))


def end_link(link: GuideLink, forget_guide: bool = False) -> None:
    """End a guide link and every share of it, in the caller's transaction.

    The guide's open questions leave the client's Today, answered ones are marked ended and the
    link's suggestion is withdrawn; when the guide's account goes (forget_guide), the guide's name
    leaves the client's other entries too. The guide's own notes stay theirs.
    """
    from lpb.guidance import practice  # practice builds on this module

    _retire_guide_entries(link, forget_guide)
    guide_words.retire_link(sync.lock_user(link.user_id), link.id)
    practice.link_ended(link)
    db.session.execute(sa.delete(Share).where(Share.link_id == link.id))
    db.session.execute(sa.delete(GuideLink).where(GuideLink.id == link.id))


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


def _retire_guide_entries(link: GuideLink, forget_guide: bool) -> None:
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


@bp.delete("/api/guides/<link_id>")
@signed_in
def stop_sharing(link_id: str) -> Response:
    """Stop sharing with a guide: from this request on the guide sees nothing of this client."""
    end_link(_own_link(link_id))
    db.session.commit()
    return jsonify(deleted=True)


@bp.delete("/api/guides/invitations/<invitation_id>")
@signed_in
def revoke_invitation(invitation_id: str) -> Response:
    """Revoke an open invitation: its link no longer works."""
    invitation = db.session.get(GuideInvitation, _number(invitation_id))
    if invitation is None or invitation.user_id != signed_in_user().id:
        abort(404)
    db.session.delete(invitation)
    db.session.commit()
    return jsonify(deleted=True)


# Accepting an invitation.


def _invitation_problem(invitation: GuideInvitation | None, user: User | None) -> str | None:
    """Return why an invitation cannot be accepted by this visitor, if it cannot."""
    if invitation is None:
        return "invitation_invalid"
    if invitation.expires_at < now():
        return "invitation_expired"
    if user is not None and user.id == invitation.user_id:
        return "invitation_own"
    return None


def _client_name(link_or_invitation: GuideLink | GuideInvitation) -> str:
    """Return the name a guide sees for a client: the chosen one, else the client's email."""
    if link_or_invitation.name_for_guide:
        return link_or_invitation.name_for_guide
    client = db.session.get(User, link_or_invitation.user_id)
    return client.email if client else ""


@bp.route("/guide/accept/<token>", methods=["GET", "POST"])
def accept(token: str) -> BaseResponse | tuple[str, int]:
    """Show an invitation and accept it with a button; signing in or up first comes back here."""
    user = accounts.current_user()
    invitation = db.session.scalar(
        sa.select(GuideInvitation).where(GuideInvitation.token_hash == _token_hash(token))
    )
    problem = _invitation_problem(invitation, user)
    if problem is not None:
        status = 403 if problem == "invitation_own" else 410
        return render_template("guide_accept.html", problem=problem), status
    assert invitation is not None
    here = url_for("guidance.accept", token=token)
    if user is None:
        return render_template("guide_accept.html", next=here, form=None), 200
    form = AcceptForm(data={"guide_display_name": user.display_name})
    if not form.validate_on_submit():
        page = render_template("guide_accept.html", form=form, name=_client_name(invitation))
        return page, 400 if request.method == "POST" else 200
    user.display_name = (form.guide_display_name.data or "").strip() or user.display_name
    taken = db.session.execute(
        sa.delete(GuideInvitation).where(GuideInvitation.id == invitation.id)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        db.session.rollback()
        return render_template("guide_accept.html", problem="invitation_invalid"), 410
    link = _link_between(invitation.user_id, user.id, invitation.name_for_guide)
    db.session.commit()
    flash(translate("guide_accepted"))
    return redirect(url_for("guidance.client_page", link_id=link.id))


class AcceptForm(LocalisedForm):
    """Accepting an invitation: with the name the client will see (never the email)."""

    guide_display_name = StringField()

    def field_validators(self) -> dict[str, list]:
        """A name is needed, and a short one."""
        return {
            # Required in the form; a post without it (older scripts) keeps the name as it was.
            "guide_display_name": [
                Optional(),
                Length(max=100, message=translate("guide_text_long", n=100)),
            ]
        }


def _link_between(client_id: int, guide_id: int, name: str) -> GuideLink:
    """Return the link of a client and a guide, made now if they have none yet."""
    query = sa.select(GuideLink).where(
        GuideLink.user_id == client_id, GuideLink.guide_id == guide_id
    )
    link = db.session.scalar(query)
    if link is not None:
        return link
    link = GuideLink(user_id=client_id, guide_id=guide_id, name_for_guide=name, accepted_at=now())
    try:
        with db.session.begin_nested():
            db.session.add(link)
    except IntegrityError:  # the same pair linked at the same moment by another invitation
        return db.session.scalars(query).one()
    return link


# The guide's side: what a guide may read goes through the guide's own link and its shares.


def _guided_link(raw_id: str, user: User) -> GuideLink:
    """Return a link on which the user is the guide; anyone else's is as unknown as a missing one."""
    link = db.session.get(GuideLink, _number(raw_id))
    if link is None or link.guide_id != user.id:
        abort(404)
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
        "name": _client_name(link),
        "new_count": new_count(link),
        "show_insights": link.show_insights,
        "accepts_suggestions": link.accepts_suggestions,
        "accepted_at": _iso(link.accepted_at),
        "guide_last_seen_at": _iso(link.guide_last_seen_at),
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


def _guided_links(user: User) -> list[GuideLink]:
    """Return the links on which the user is the guide."""
    return list(
        db.session.scalars(
            sa.select(GuideLink).where(GuideLink.guide_id == user.id).order_by(GuideLink.id)
        )
    )


def _mark_seen(link_id: int, version: int) -> None:
    """Note the guide's visit, in a transaction of its own after the page was read."""
    db.session.rollback()
    try:
        db.session.execute(
            sa.update(GuideLink)
            .where(GuideLink.id == link_id)
            .values(guide_last_seen_at=now(), seen_version=version)
        )
        db.session.commit()
    except OperationalError:
        # A busy database must not fail a page already made; the next visit tries again.
        db.session.rollback()


def _visit(link: GuideLink) -> dict:
    """Return what a guide sees of a client, and note the visit."""
    detail = client_detail(link)
    client = db.session.get(User, link.user_id)
    detail["_version"] = client.version if client else 0
    return detail


@bp.get("/api/guide/clients")
@signed_in
def api_clients() -> Response:
    """Return the signed-in guide's clients with what is new since the last visit."""
    return jsonify(clients=[client_summary(link) for link in _guided_links(signed_in_user())])


@bp.get("/api/guide/clients/<link_id>")
@signed_in
def api_client(link_id: str) -> Response:
    """Return what one client shared with the signed-in guide; this counts as a visit."""
    link = _guided_link(link_id, signed_in_user())
    detail = _visit(link)
    version = detail.pop("_version")
    response = jsonify(detail)
    _mark_seen(link.id, version)
    return response


def _signed_in_or_login() -> User | BaseResponse:
    """Return the signed-in user, or a redirect to sign in and come back."""
    user = accounts.current_user()
    if user is None:
        return redirect(url_for("auth.login", next=request.path))
    return user


@bp.get("/guide")
def guide_home() -> BaseResponse:
    """Send the guide to the practice view in the app."""
    user = _signed_in_or_login()
    if not isinstance(user, User):
        return user
    return redirect("/guidance")  # the app's practice view (lpb/guidance/practice.py), offline too


class GuideTextForm(LocalisedForm):
    """A guide's question or reply: a short text."""

    guide_text = TextAreaField()

    def field_validators(self) -> dict[str, list]:
        """A text is needed, and a short one."""
        return {
            "guide_text": [
                InputRequired(message=translate("field_required")),
                Length(max=MAX_GUIDE_TEXT, message=translate("guide_text_long", n=MAX_GUIDE_TEXT)),
            ]
        }


@bp.get("/guide/clients/<link_id>")
def client_page(link_id: str) -> BaseResponse | str:
    """Show a client's shared reflections, summaries and (if allowed) insights, read-only."""
    user = _signed_in_or_login()
    if not isinstance(user, User):
        return user
    from lpb.guidance import practice  # practice builds on this module

    if practice.ended_for(user, _number(link_id)):  # a page written for the guide, in the app
        return redirect(f"/guidance/client?id={_number(link_id)}")
    link = _guided_link(link_id, user)
    detail = _visit(link)
    questions = {question["id"]: question for question in detail["questions"]}
    replies: dict[str, list[dict]] = {}
    for reply in detail["replies"]:
        replies.setdefault(reply["entry_id"], []).append(reply)
    page = render_template(
        "guide_client.html",
        client=detail,
        questions=questions,
        replies=replies,
        form=GuideTextForm(formdata=None),
        end_form=ConfirmForm(formdata=None),
    )
    _mark_seen(link.id, detail["_version"])
    return page


def _add_client_entry(link: GuideLink, kind: str, body: dict) -> str | None:
    """Add a guide's entry to the client's entries; return its id, None if the link just ended."""
    client = sync.lock_user(link.user_id)
    if db.session.get(GuideLink, link.id, populate_existing=True) is None:
        return None
    client.version += 1
    stamp = now().strftime("%Y-%m-%dT%H:%M:%S.000Z")
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


def _guide_post(link_id: str) -> tuple[User, GuideLink, str | None] | BaseResponse:
    """Check a guide's form post; return the guide, the link and the text (None if refused)."""
    user = _signed_in_or_login()
    if not isinstance(user, User):
        return user
    link = _guided_link(link_id, user)
    form = GuideTextForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(errors))
        return user, link, None
    return user, link, form.guide_text.data.strip()


def _refused(message: str, status: int) -> tuple[str, int]:
    """Answer a refused question or reply with a page that says why."""
    return render_template("error.html", title=translate("error_title"), body=message), status


def _send_to_client(
    link: GuideLink, kind: str, body: dict, sent: str
) -> BaseResponse | tuple[str, int]:
    """Add a guide's entry with text to the client's entries, say it was sent, and go back."""
    if body["text"]:
        if limits.attempt(limits.GUIDE_WRITE, f"guide:{link.guide_id}", user_id=link.guide_id):
            return _refused(translate("guide_too_many_writes"), 429)
        if kind == "guide_question" and len(open_questions(link)) >= MAX_OPEN_QUESTIONS:
            db.session.rollback()
            return _refused(translate("guide_too_many_open", n=MAX_OPEN_QUESTIONS), 409)
        if not _add_client_entry(link, kind, body):
            abort(404)
        db.session.commit()
        flash(translate(sent))
    return redirect(url_for("guidance.client_page", link_id=link.id), 303)


@bp.post("/guide/clients/<link_id>/question")
def ask(link_id: str) -> BaseResponse | tuple[str, int]:
    """Write a question for the client; it reaches the client's devices at their next sync."""
    checked = _guide_post(link_id)
    if not isinstance(checked, tuple):
        return checked
    user, link, text = checked
    body = {
        "link_id": link.id,
        "guide_name": guide_name(user),
        "text": text,
        "asked_at": _iso(now()),
    }
    return _send_to_client(link, "guide_question", body, "guide_question_sent")


@bp.post("/guide/clients/<link_id>/reply/<entry_id>")
def reply(link_id: str, entry_id: str) -> BaseResponse | tuple[str, int]:
    """Leave a short reply beside a reflection the client shared with this guide."""
    checked = _guide_post(link_id)
    if not isinstance(checked, tuple):
        return checked
    user, link, text = checked
    if not any(entry.id == entry_id for entry in shared_entries(link)):
        abort(404)
    body = {"link_id": link.id, "guide_name": guide_name(user), "entry_id": entry_id, "text": text}
    return _send_to_client(link, "guide_reply", body, "guide_reply_sent")


@bp.post("/guide/clients/<link_id>/end")
def end(link_id: str) -> BaseResponse:
    """End the guidance of a client, as the guide."""
    user = _signed_in_or_login()
    if not isinstance(user, User):
        return user
    link = _guided_link(link_id, user)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    end_link(link)
    db.session.commit()
    flash(translate("guide_ended"))
    return redirect(url_for("guidance.guide_home"), 303)


@bp.after_request
def _private(response: Response) -> Response:
    """Keep every guidance page and answer out of caches: they show someone's reflections."""
    response.headers["Cache-Control"] = "no-store"
    return response
