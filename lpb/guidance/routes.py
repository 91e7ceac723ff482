"""Guidance's routes: a client invites guides and stops at once; a guide reads, asks and replies.

Any account can be a client, a guide, or both. The queries are in lpb/guidance/services.py; the
guide's practice (lpb/guidance/practice_routes.py) and suggested questions
(lpb/guidance/suggestion_routes.py) have blueprints of their own.
"""

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
from werkzeug.wrappers import Response as BaseResponse

from lpb import clock
from lpb.accounts import links, sessions
from lpb.accounts.forms import ConfirmForm
from lpb.guidance import practice, services
from lpb.guidance.contracts import GuideLinkChange, InvitationRequest
from lpb.guidance.forms import AcceptForm, GuideTextForm
from lpb.i18n import translate
from lpb.jsonapi import json_body, parse, signed_in, signed_in_user
from lpb.models import GuideLink, User, row_id

bp = Blueprint("guidance", __name__)


# The client's side: invitations and links.


@bp.post("/api/guides/invitations")
@signed_in
def invite() -> tuple[Response, int]:
    """Make a one-time invitation link for a guide, valid for a week."""
    body = parse(InvitationRequest, json_body())
    invitation, token = services.invite(signed_in_user(), body.name_for_guide)
    path = url_for("guidance.accept", token=token)
    # Without a configured address the device puts its own origin before the path.
    base = links.public_base()
    answer = {
        **services.invitation_json(invitation),
        "url": base + path if base else None,
        "path": path,
    }
    return jsonify(answer), 201


@bp.get("/api/guides")
@signed_in
def guides() -> Response:
    """Return the signed-in client's guides and open invitations."""
    return jsonify(services.guides_json(signed_in_user()))


@bp.patch("/api/guides/<link_id>")
@signed_in
def change_link(link_id: str) -> Response:
    """Rename what a guide sees, or choose whether the guide sees insights."""
    link = services.own_link(signed_in_user(), link_id)
    return jsonify(services.change_link(link, parse(GuideLinkChange, json_body())))


@bp.delete("/api/guides/<link_id>")
@signed_in
def stop_sharing(link_id: str) -> Response:
    """Stop sharing with a guide: from this request on the guide sees nothing of this client."""
    services.stop_sharing(services.own_link(signed_in_user(), link_id))
    return jsonify(deleted=True)


@bp.delete("/api/guides/invitations/<invitation_id>")
@signed_in
def revoke_invitation(invitation_id: str) -> Response:
    """Revoke an open invitation: its link no longer works."""
    services.revoke_invitation(signed_in_user(), invitation_id)
    return jsonify(deleted=True)


# Accepting an invitation.


@bp.route("/guide/accept/<token>", methods=["GET", "POST"])
def accept(token: str) -> BaseResponse | tuple[str, int]:
    """Show an invitation and accept it with a button; signing in or up first comes back here."""
    user = sessions.current_user()
    invitation = services.invitation_of(token)
    problem = services.invitation_problem(invitation, user)
    if problem is not None:
        status = 403 if problem == "invitation_own" else 410
        return render_template("guide_accept.html", problem=problem), status
    assert invitation is not None
    here = url_for("guidance.accept", token=token)
    if user is None:
        return render_template("guide_accept.html", next=here, form=None), 200
    form = AcceptForm(data={"guide_display_name": user.display_name})
    if not form.validate_on_submit():
        page = render_template(
            "guide_accept.html", form=form, name=services.client_name(invitation)
        )
        return page, 400 if request.method == "POST" else 200
    link = services.accept(invitation, user, form.guide_display_name.data or "")
    if link is None:
        return render_template("guide_accept.html", problem="invitation_invalid"), 410
    flash(translate("guide_accepted"))
    return redirect(url_for("guidance.client_page", link_id=link.id))


# The guide's side: what a guide may read goes through the guide's own link and its shares.


@bp.get("/api/guide/clients")
@signed_in
def api_clients() -> Response:
    """Return the signed-in guide's clients with what is new since the last visit."""
    return jsonify(
        clients=[services.client_summary(link) for link in services.guided_links(signed_in_user())]
    )


@bp.get("/api/guide/clients/<link_id>")
@signed_in
def api_client(link_id: str) -> Response:
    """Return what one client shared with the signed-in guide; this counts as a visit."""
    link = services.guided_link(link_id, signed_in_user())
    detail = services.visit(link)
    version = detail.pop("_version")
    response = jsonify(detail)
    services.mark_seen(link.id, version)
    return response


def confirmed_guide_link(link_id: str) -> tuple[User, GuideLink] | BaseResponse:
    """Return the guide and link of a confirmed form post, or the redirect to sign in first."""
    user = signed_in_or_login()
    if not isinstance(user, User):
        return user
    link = services.guided_link(link_id, user)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return user, link


def signed_in_or_login() -> User | BaseResponse:
    """Return the signed-in user, or a redirect to sign in and come back."""
    user = sessions.current_user()
    if user is None:
        return redirect(url_for("auth.login", next=request.path))
    return user


@bp.get("/guide")
def guide_home() -> BaseResponse:
    """Send the guide to the practice view in the app."""
    user = signed_in_or_login()
    if not isinstance(user, User):
        return user
    return redirect("/guidance")  # the app's practice view (lpb/guidance/practice.py), offline too


@bp.get("/guide/clients/<link_id>")
def client_page(link_id: str) -> BaseResponse | str:
    """Show a client's shared reflections, summaries and (if allowed) insights, read-only."""
    user = signed_in_or_login()
    if not isinstance(user, User):
        return user
    if practice.ended_for(user, row_id(link_id)):  # a page written for the guide, in the app
        return redirect(f"/guidance/client?id={row_id(link_id)}")
    link = services.guided_link(link_id, user)
    detail = services.visit(link)
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
    services.mark_seen(link.id, detail["_version"])
    return page


def _guide_post(link_id: str) -> tuple[User, GuideLink, str | None] | BaseResponse:
    """Check a guide's form post; return the guide, the link and the text (None if refused)."""
    user = signed_in_or_login()
    if not isinstance(user, User):
        return user
    link = services.guided_link(link_id, user)
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
        refused = services.send_to_client(link, kind, body)
        if refused == "too_many_writes":
            return _refused(translate("guide_too_many_writes"), 429)
        if refused == "too_many_open":
            return _refused(translate("guide_too_many_open", n=services.MAX_OPEN_QUESTIONS), 409)
        if refused == "ended":
            abort(404)
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
        "guide_name": services.guide_name(user),
        "text": text,
        "asked_at": clock.iso(clock.now()),
    }
    return _send_to_client(link, "guide_question", body, "guide_question_sent")


@bp.post("/guide/clients/<link_id>/reply/<entry_id>")
def reply(link_id: str, entry_id: str) -> BaseResponse | tuple[str, int]:
    """Leave a short reply beside a reflection the client shared with this guide."""
    checked = _guide_post(link_id)
    if not isinstance(checked, tuple):
        return checked
    user, link, text = checked
    if not any(entry.id == entry_id for entry in services.shared_entries(link)):
        abort(404)
    name = services.guide_name(user)
    body = {"link_id": link.id, "guide_name": name, "entry_id": entry_id, "text": text}
    return _send_to_client(link, "guide_reply", body, "guide_reply_sent")


@bp.post("/guide/clients/<link_id>/end")
def end(link_id: str) -> BaseResponse:
    """End the guidance of a client, as the guide."""
    checked = confirmed_guide_link(link_id)
    if not isinstance(checked, tuple):
        return checked
    services.end_guidance(checked[1])
    flash(translate("guide_ended"))
    return redirect(url_for("guidance.guide_home"), 303)


@bp.after_request
def _private(response: Response) -> Response:
    """Keep every guidance page and answer out of caches: they show someone's reflections."""
    response.headers["Cache-Control"] = "no-store"
    return response
