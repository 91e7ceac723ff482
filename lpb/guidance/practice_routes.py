"""A guide's practice, as the app reads it: every client at a glance, private notes, sessions.

The queries are in lpb/guidance/practice.py.
"""

from datetime import date

from flask import Blueprint, Response, jsonify

from lpb import clock
from lpb.guidance import practice, services
from lpb.guidance.contracts_practice import GuideProfileChange, NotesChange, SessionHeld
from lpb.i18n import current_language
from lpb.jsonapi import invalid, json_body, parse, signed_in, signed_in_user

bp = Blueprint("practice", __name__, url_prefix="/api/guide")


# Day and month names for the server's fallback pages (the app's pages use the browser's Intl).
DAY_NAMES = {
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split(),
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
}


MONTH_NAMES = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
    "december".split(),
    "en": "January February March April May June July August September October November "
    "December".split(),
}


@bp.app_template_filter("guide_day")
def format_day(day: str | None) -> str:
    """Return a YYYY-MM-DD day in the reader's language: "maandag 7 december 2026"."""
    try:
        value = date.fromisoformat((day or "")[:10])
    except ValueError:
        return day or ""
    lang = current_language()
    weekday, month = DAY_NAMES[lang][value.weekday()], MONTH_NAMES[lang][value.month - 1]
    if lang == "en":
        return f"{weekday} {month} {value.day}, {value.year}"
    return f"{weekday} {value.day} {month} {value.year}"


@bp.get("/practice", endpoint="practice")
@signed_in
def practice_view() -> Response:
    """Return the signed-in guide's clients, ordered on the device, with what is new."""
    return jsonify(practice.practice_json(signed_in_user()))


@bp.get("/practice/<link_id>")
@signed_in
def practice_client(link_id: str) -> Response:
    """Return what one client shared, with the guide's notes and last session; a visit."""
    link = practice.link_of(link_id, signed_in_user())
    detail, version = practice.client_json(link)
    response = jsonify(detail)
    services.mark_seen(link.id, version)
    return response


@bp.put("/practice/<link_id>/notes")
@signed_in
def save_notes(link_id: str) -> Response:
    """Replace the guide's private notes of a client (also of one who stopped sharing)."""
    user = signed_in_user()
    change = parse(NotesChange, json_body())
    return jsonify(practice.save_notes(user, link_id, change.notes))


@bp.delete("/practice/<link_id>/notes")
@signed_in
def delete_notes(link_id: str) -> Response:
    """Delete the guide's notes of a client; of an ended link, nothing of the client is left."""
    practice.delete_notes(signed_in_user(), link_id)
    return jsonify(deleted=True)


@bp.put("/practice/<link_id>/session")
@signed_in
def session_held(link_id: str) -> Response:
    """Record the day of the last session with a client: their page opens on what came since."""
    user = signed_in_user()
    held = parse(SessionHeld, json_body())
    try:
        day = date.fromisoformat(held.held_on)
    except ValueError as error:
        raise invalid("held_on is not a day of the calendar.") from error
    if day > date.fromordinal(clock.now().date().toordinal() + 1):
        raise invalid("held_on cannot be in the future.")
    return jsonify(practice.session_held(user, link_id, held.held_on))


@bp.get("/profile")
@signed_in
def profile() -> Response:
    """Return the name the guide's clients see."""
    return jsonify(display_name=signed_in_user().display_name)


@bp.put("/profile")
@signed_in
def change_profile() -> Response:
    """Choose the name clients see; later questions and replies carry it."""
    change = parse(GuideProfileChange, json_body())
    name = change.display_name.strip()
    if not name:
        raise invalid("display_name cannot be blank.")
    user = signed_in_user()
    practice.rename(user, name)
    return jsonify(display_name=user.display_name)


@bp.after_request
def _private(response: Response) -> Response:
    """Keep every answer out of caches: they show someone's reflections and private notes."""
    response.headers["Cache-Control"] = "no-store"
    return response
