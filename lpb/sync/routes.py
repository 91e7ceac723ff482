"""The JSON API under /api/: the session, sync (push and pull), and the question bank."""

import json
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, jsonify, request
from flask_wtf.csrf import generate_csrf

from lpb import limits
from lpb.accounts import sessions
from lpb.errors import too_many
from lpb.guidance import shares
from lpb.jsonapi import ApiError, json_body, signed_in, signed_in_user, signed_in_user_id
from lpb.shell.openapi import openapi_document
from lpb.sync import services as sync

bp = Blueprint("api", __name__, url_prefix="/api")

QUESTIONS_FILE = Path(__file__).parent.parent / "data" / "questions.json"


@cache
def _questions_json() -> str:
    """Return the question bank as compact JSON, read once."""
    return json.dumps(json.loads(QUESTIONS_FILE.read_text(encoding="utf-8")), ensure_ascii=False)


@bp.get("/questions")
def questions() -> Response:
    """Return the public question bank."""
    response = Response(_questions_json(), mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/openapi.json")
def openapi() -> Response:
    """Return the OpenAPI 3 description of this API."""
    return jsonify(openapi_document())


@bp.get("/session")
def session_state() -> Response:
    """Say who is signed in, with a fresh CSRF token for the next write."""
    user = sessions.current_user()
    return jsonify(
        signed_in=user is not None,
        user_id=user.id if user else None,
        email=user.email if user else None,
        guiding=shares.guiding(user.id) if user else False,
        csrf_token=generate_csrf(),
    )


@bp.post("/signout")
def sign_out() -> Response:
    """End this browser's session on the server."""
    sessions.sign_out()
    return jsonify(signed_in=False)


@bp.post("/push")
@signed_in
def push() -> Response:
    """Apply a batch of mutations from one device, once, in one transaction."""
    user_id = signed_in_user_id()
    wait = limits.PUSH.take(sessions.session_key())
    if wait:
        raise too_many(wait)
    refuse_large_push()
    sync.release_lock()
    client_id, mutations = sync.parse_push(json_body())
    return jsonify(sync.apply_push(user_id, client_id, mutations))


def refuse_large_push() -> None:
    """Refuse a push body over MAX_PUSH_BYTES before reading it (the app sends far less)."""
    if (request.content_length or 0) > sync.MAX_PUSH_BYTES:
        raise ApiError(
            413, "push_too_large", f"A push is at most {sync.MAX_PUSH_BYTES} bytes; send fewer."
        )
    request.max_content_length = sync.MAX_PUSH_BYTES  # a body sent without a length, too


def _int_arg(name: str, default: int, minimum: int, maximum: int) -> int:
    """Return an integer query parameter within bounds, or fail with a clear message."""
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, "invalid_request", f"{name} must be an integer.") from None
    if not minimum <= value <= maximum:
        raise ApiError(400, "invalid_request", f"{name} must be between {minimum} and {maximum}.")
    return value


@bp.get("/pull")
@signed_in
def pull() -> Response:
    """Return the changes after a cursor, a page at a time."""
    since = _int_arg("since", 0, 0, 2**62)
    limit = _int_arg("limit", 500, 1, sync.MAX_PULL_LIMIT)
    seen = _int_arg("seen", 0, 0, 2**62)
    return Response(sync.pull(signed_in_user(), since, limit, seen), mimetype="application/json")


@bp.get("/entries/<entry_id>")
@signed_in
def entry(entry_id: str) -> Response:
    """Return one of the user's entries; another user's is as unknown as a missing one."""
    return jsonify(sync.entry_json(sync.own_entry(signed_in_user().id, entry_id)))
