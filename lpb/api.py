"""The JSON API under /api/: the session, sync (push and pull), and the question bank."""

import json
from functools import cache, wraps
from pathlib import Path

from flask import Blueprint, Response, abort, jsonify, request
from flask_wtf.csrf import generate_csrf

from lpb import accounts, sync
from lpb.extensions import db
from lpb.models import Entry
from lpb.openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api")

QUESTIONS_FILE = Path(__file__).parent / "data" / "questions.json"


def error(status: int, code: str, message: str) -> tuple[Response, int]:
    """Return a JSON error: {"error": code, "message": message}."""
    return jsonify(error=code, message=message), status


def signed_in(view):
    """Answer 401 in JSON unless a user is signed in."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if accounts.current_user() is None:
            return error(401, "not_signed_in", "Sign in to sync.")
        return view(*args, **kwargs)

    return wrapped


@bp.errorhandler(sync.SyncError)
def sync_error(exc: sync.SyncError):
    """Undo whatever the failed request started, and explain in JSON."""
    db.session.rollback()
    return error(exc.status, exc.error, exc.message)


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
def session_state():
    """Say who is signed in, with a fresh CSRF token for the next write."""
    user = accounts.current_user()
    response = jsonify(
        signed_in=user is not None,
        user_id=user.id if user else None,
        email=user.email if user else None,
        csrf_token=generate_csrf(),
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/signout")
def sign_out():
    """End this browser's session on the server."""
    accounts.end_session()
    db.session.commit()
    return jsonify(signed_in=False)


def _json_body() -> object:
    """Return the request's JSON body, or fail with a clear message."""
    if not request.is_json:
        raise sync.SyncError(415, "unsupported_media_type", "Send the body as application/json.")
    payload = request.get_json(silent=True)
    if payload is None:
        raise sync.SyncError(400, "invalid_json", "The request body is not valid JSON.")
    return payload


@bp.post("/push")
@signed_in
def push():
    """Apply a batch of mutations from one device, once."""
    client_id, mutations = sync.parse_push(_json_body())
    return jsonify(sync.push(accounts.current_user().id, client_id, mutations))


def _int_arg(name: str, default: int, minimum: int, maximum: int) -> int:
    """Return an integer query parameter within bounds, or fail with a clear message."""
    raw = request.args.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise sync.SyncError(400, "invalid_request", f"{name} must be an integer.") from None
    if not minimum <= value <= maximum:
        raise sync.SyncError(
            400, "invalid_request", f"{name} must be between {minimum} and {maximum}."
        )
    return value


@bp.get("/pull")
@signed_in
def pull():
    """Return the changes after a cursor, a page at a time."""
    since = _int_arg("since", 0, 0, 2**62)
    limit = _int_arg("limit", 500, 1, sync.MAX_PULL_LIMIT)
    seen = _int_arg("seen", 0, 0, 2**62)
    response = jsonify(sync.pull(accounts.current_user().id, since, limit, seen))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/entries/<entry_id>")
@signed_in
def entry(entry_id: str):
    """Return one of the user's entries; another user's is as unknown as a missing one."""
    try:
        key = sync.parse_uuid(entry_id, "id")
    except sync.SyncError:
        abort(404)
    stored = db.session.get(Entry, (accounts.current_user().id, key))
    if stored is None:
        abort(404)
    return jsonify(sync.entry_json(stored))
