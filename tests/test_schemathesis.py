"""Schemathesis, signed in: generated requests against /api/openapi.json find no 5xx and no
answer that breaks the document."""

import tempfile
from pathlib import Path

import flask_migrate
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from lpb import create_app
from tests.api_client import register

FOLDER = Path(tempfile.mkdtemp(prefix="lpb-schemathesis-"))
APP = create_app(
    {
        "TESTING": True,
        "INSTANCE_PATH": FOLDER,
        "SECRET_KEY": "schemathesis",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{FOLDER / 'api.sqlite'}",
    }
)
with APP.app_context():
    flask_migrate.upgrade()
CLIENT = APP.test_client()
register(CLIENT, "fuzz@example.org")
HEADERS = {"X-CSRFToken": CLIENT.get("/api/session").json["csrf_token"]}
COOKIES = {"lpb": CLIENT.get_cookie("lpb").value}

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", APP)
# Signing out would end the session every later case relies on; it has tests of its own.
schema = schema.exclude(path="/api/signout")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_within_its_description(case):
    """Whatever is sent, signed in: never a 5xx, and every answer fits the OpenAPI document."""
    response = case.call_and_validate(
        headers=HEADERS,
        cookies=COOKIES,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
    assert response.status_code != 401, "the run must stay signed in to test anything"
