"""Schemathesis, signed in, on SQLite and PostgreSQL: generated requests against /api/openapi.json,
and hostile bodies no generator makes (NaN, lone surrogates, NUL, deep nesting), find no 5xx and no
answer that breaks the document."""

import uuid

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from lpb.shell.openapi import openapi_document
from tests.api_client import register

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Signing out would end the session every later case relies on; it has tests of its own.
OPERATIONS = [
    (path, method.upper())
    for path, operations in openapi_document()["paths"].items()
    for method in operations
    if path != "/api/signout"
]
CLIENT_ID = str(uuid.uuid4())
ENTRY = (
    '{"id": "%s", "kind": "reflection", "day": "2026-11-28", "created_at": "2026-11-28T08:00:00Z",'
    ' "updated_at": "2026-11-28T08:00:00Z", "text": %s}'
)


def push_with_text(raw_text: str) -> bytes:
    """Return a push body whose one entry has raw JSON as its text."""
    entry = ENTRY % (uuid.uuid4(), raw_text)
    return (
        f'{{"client_id": "{CLIENT_ID}", "mutations": [{{"mid": 1, "op": "put", "entry": {entry}}}]}}'
    ).encode()


def nested(depth: int) -> bytes:
    """Return an object holding a list nested depth deep."""
    return b'{"entries": ' + b"[" * depth + b"]" * depth + b"}"


HOSTILE = {
    "NaN": push_with_text("NaN"),
    "Infinity": push_with_text("-Infinity"),
    "lone surrogate": push_with_text('"\\udc00 alone"'),
    "NUL": push_with_text('"before\\u0000after"'),
    "NUL in a name": b'{"password\\u0000": "x", "format": 1}',
    "nested 1,000 deep": nested(1_000),
    "nested 100,000 deep": nested(100_000),
    "not UTF-8": b'{"password": "\xff\xfe"}',
}


@pytest.fixture
def signed_in_app(db_app):
    """Return db_app (SQLite, then PostgreSQL) with the headers and cookies of a signed-in user."""
    client = db_app.test_client()
    register(client, "fuzz@example.org")
    db_app.config["FUZZ_HEADERS"] = {
        "X-CSRFToken": client.get("/api/session").json["csrf_token"],
        # Schemathesis's WSGI transport reads the bytes as sent and never unzips: ask for none.
        # (The app gzips its public files, /api/questions among them: tests/test_pages.py.)
        "Accept-Encoding": "identity",
    }
    db_app.config["FUZZ_COOKIES"] = {"lpb": client.get_cookie("lpb").value}
    return db_app


@pytest.fixture
def api_schema(signed_in_app):
    """Return the app's OpenAPI document as schemathesis reads it."""
    return schemathesis.openapi.from_wsgi("/api/openapi.json", signed_in_app)


@pytest.mark.parametrize("path, method", OPERATIONS)
def test_api_answers_within_its_description(api_schema, signed_in_app, path, method):
    """Whatever is sent, signed in: never a 5xx, and every answer fits the OpenAPI document."""

    @given(case=api_schema[path][method].as_strategy())
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    def answers_within_description(case):
        """Send one generated request and check its answer."""
        response = case.call_and_validate(
            headers=signed_in_app.config["FUZZ_HEADERS"],
            cookies=signed_in_app.config["FUZZ_COOKIES"],
            checks=CHECKS,
        )
        assert response.status_code != 401, "the run must stay signed in to test anything"

    answers_within_description()


@pytest.mark.parametrize("body", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("path", ["/api/push", "/api/import", "/api/account/delete"])
def test_hostile_bodies_get_a_documented_400(api_schema, signed_in_app, path, body):
    """Bodies JSON forbids or no one should send: a 400 as documented, never a 500."""
    case = api_schema[path]["POST"].Case(body=body, media_type="application/json")
    response = case.call_and_validate(
        headers=signed_in_app.config["FUZZ_HEADERS"],
        cookies=signed_in_app.config["FUZZ_COOKIES"],
        checks=CHECKS,
    )
    assert response.status_code == 400
    assert response.json()["error"] in ("invalid_json", "invalid_request", "invalid_import")
