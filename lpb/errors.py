"""The API's one error answer: ApiError, and the JSON body every /api error is made of.

A refused try (429) and a busy database (503) also say when to come back, in Retry-After.
"""

from flask import Response, jsonify


class ApiError(Exception):
    """A request that cannot be served as asked; nothing of it is stored."""

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        retry_after: int | None = None,
        details: dict | None = None,
    ):
        super().__init__(message)
        self.status, self.error, self.message = status, error, message
        self.retry_after, self.details = retry_after, details or {}


def too_many(wait: int) -> ApiError:
    """Return the error for a refused try: 429, to retry after wait seconds (said in the body too)."""
    message = f"Too many tries. Try again in {wait} seconds."
    return ApiError(429, "too_many_requests", message, wait, {"retry_after": wait})


def error_response(error: ApiError) -> Response:
    """Return an ApiError as the API answers it: {error, message}, its status, Retry-After."""
    response = jsonify(error=error.error, message=error.message, **error.details)
    response.status_code = error.status
    if error.retry_after is not None:
        response.headers["Retry-After"] = str(error.retry_after)
    return response
