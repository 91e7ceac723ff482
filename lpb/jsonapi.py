"""What every JSON API blueprint shares: ApiError, signed_in, the JSON body reader, error handlers.

Who commits: a view commits the work it did, once it is complete; helpers only add and flush.
A failed request is rolled back by the error handlers here. The one write outside a view is the
session's last-seen time (sessions.touch_session, after the view, in a transaction of its own).
"""

import json
import math
import re
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import Flask, Response, current_app, g, request
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import InternalServerError, ServiceUnavailable

from lpb.accounts import sessions
from lpb.errors import ApiError, error_response
from lpb.extensions import db
from lpb.models import User
from lpb.sync.contract import MAX_IMPORT_ENTRIES, MAX_MUTATIONS, MAX_TEXT_LENGTH, first_problem

# Deeper than any body the API reads (a push is 5 levels deep); deeper ones are refused unread.
MAX_DEPTH = 16
RETRY_AFTER_SECONDS = 1
# NUL and lone surrogates: PostgreSQL refuses them in text, and they are not Unicode text anyway.
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")

Model = TypeVar("Model", bound=BaseModel)
P = ParamSpec("P")
R = TypeVar("R")


def invalid(message: str) -> ApiError:
    """Return the error for a malformed request."""
    return ApiError(400, "invalid_request", message)


def signed_in_user() -> User:
    """Return the signed-in user, or answer 401."""
    user = sessions.current_user()
    if user is None:
        raise ApiError(401, "not_signed_in", "Sign in to sync.")
    return user


def signed_in_user_id() -> int:
    """Return the signed-in user's id without loading the user, or answer 401."""
    user_id = sessions.current_user_id()
    if user_id is None:
        raise ApiError(401, "not_signed_in", "Sign in to sync.")
    return user_id


def signed_in(view: Callable[P, R]) -> Callable[P, R]:
    """Answer 401 in JSON unless a user is signed in."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        # Finding the user only reads: on SQLite it must not take the write lock (see extensions),
        # and its transaction ends before the view, whose work begins one of its own.
        g.reading = True
        try:
            if db.session.get_bind().dialect.name == "postgresql":
                # One statement, no transaction around it: no BEGIN and COMMIT to wait for.
                db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            signed_in_user_id()  # the id only: a view that needs the user loads it in its own
            # Committed, not rolled back (it wrote nothing, so it costs the same): psycopg forgets
            # the connection's prepared statements at every ROLLBACK, and a push's are reused.
            db.session.commit()
        finally:
            g.reading = False
            db.session.rollback()
        return view(*args, **kwargs)

    return wrapped


class _NotANumber(float):
    """NaN or Infinity as read from a body, kept until its place in the body is known."""


def _not_a_number(name: str) -> float:
    """Mark a NaN or Infinity constant, which JSON does not have."""
    return _NotANumber(math.nan)


def _path(parent: str, key: int | str) -> str:
    """Return the path of a child: entries[3], or mutations[0].entry."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def _check_values(payload: object) -> None:
    """Refuse NaN, Infinity, NUL, lone surrogates and deep nesting anywhere in a body."""
    stack: list[tuple[object, str, int]] = [(payload, "", 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, _NotANumber):
            raise invalid(f"{path or 'The body'}: NaN and Infinity are not JSON numbers.")
        if isinstance(value, str) and _BAD_CHARACTER.search(value):
            raise invalid(f"{path or 'The body'}: text must be Unicode without NUL characters.")
        if isinstance(value, dict | list) and depth > MAX_DEPTH:
            raise ApiError(400, "invalid_json", f"The body is nested deeper than {MAX_DEPTH}.")
        if isinstance(value, dict):
            for key, child in value.items():
                if _BAD_CHARACTER.search(key):
                    raise invalid(
                        f"{path or 'The body'}: the name {ascii(key)} is not Unicode without NUL."
                    )
                stack.append((child, _path(path, key), depth + 1))
        elif isinstance(value, list):
            stack.extend((child, _path(path, i), depth + 1) for i, child in enumerate(value))


def json_body() -> object:
    """Return the request's JSON body, or fail with a clear message."""
    if not request.is_json:
        raise ApiError(415, "unsupported_media_type", "Send the body as application/json.")
    try:
        payload = json.loads(request.get_data(), parse_constant=_not_a_number)
    except (ValueError, RecursionError):
        raise ApiError(400, "invalid_json", "The request body is not valid JSON.") from None
    _check_values(payload)
    return payload


def parse(model: type[Model], payload: object) -> Model:
    """Check a body against its model in the contract; fail naming the first field that is wrong."""
    if not isinstance(payload, dict):
        raise invalid("The request body must be a JSON object.")
    try:
        return model.model_validate(payload)
    except ValidationError as error:
        path, message, problem = first_problem(error)
        if problem["type"] == "too_long" and path == "mutations":
            raise ApiError(
                413, "batch_too_large", f"A push holds at most {MAX_MUTATIONS} mutations."
            ) from None
        if problem["type"] == "too_long" and path == "entries":
            raise ApiError(
                413, "import_too_large", f"An import holds at most {MAX_IMPORT_ENTRIES} entries."
            ) from None
        if problem["type"] == "string_too_long" and path.endswith(".text"):
            raise ApiError(
                413, "entry_too_large", f"{path} is longer than {MAX_TEXT_LENGTH} characters."
            ) from None
        raise invalid(f"{path or 'The body'}: {message}.") from None


def _api_error(error: ApiError) -> Response:
    """Undo whatever the failed request started, and explain in JSON."""
    db.session.rollback()
    return error_response(error)


def is_busy(error: OperationalError) -> bool:
    """Return whether the database was only busy (SQLite's write lock held too long)."""
    return "database is locked" in str(error.orig) or "database is busy" in str(error.orig)


def _database_error(error: OperationalError) -> Response:
    """Answer a busy database with a 503 to retry, never a 500; pass on anything else."""
    db.session.rollback()
    if not is_busy(error):
        current_app.logger.exception("Database error", exc_info=error)
        return current_app.make_response(current_app.handle_http_exception(InternalServerError()))
    if request.path.startswith("/api/"):
        message = "The server is busy; try again in a moment."
        return error_response(ApiError(503, "busy", message, RETRY_AFTER_SECONDS))
    response = current_app.make_response(current_app.handle_http_exception(ServiceUnavailable()))
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def init_app(app: Flask) -> None:
    """Register the API's error handlers once, for every API blueprint."""
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(OperationalError, _database_error)
