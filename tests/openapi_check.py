"""Check API responses against the OpenAPI document the app serves at /api/openapi.json."""

import re

from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:lpb:openapi"


def _pointer(*parts: str) -> str:
    """Return a JSON pointer to the given keys (RFC 6901 escaping)."""
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)


class OpenAPI:
    """The response schemas of one OpenAPI document, by path template, method and status."""

    def __init__(self, document: dict):
        self.document = document
        resource = DRAFT202012.create_resource(document)
        self.registry = Registry().with_resource(DOCUMENT_URI, resource)
        self.templates = [
            (re.compile("^" + re.sub(r"\{[^/]+\}", "[^/]+", template) + "$"), template)
            for template in document["paths"]
        ]

    def template(self, path: str) -> str:
        """Return the path template that a concrete path matches, or fail."""
        for pattern, template in self.templates:
            if pattern.match(path):
                return template
        raise AssertionError(f"{path} is not in the OpenAPI document")

    def validate(self, path: str, method: str, status: int, body: object) -> None:
        """Fail unless the document describes this status for this operation and body fits it."""
        template = self.template(path)
        responses = self.document["paths"][template][method.lower()]["responses"]
        assert str(status) in responses, f"{method} {template} answered {status}, undocumented"
        # A $ref into the whole document, so the schema's own "#/components/…" refs resolve.
        pointer = _pointer(
            "paths",
            template,
            method.lower(),
            "responses",
            str(status),
            "content",
            "application/json",
            "schema",
        )
        validator = Draft202012Validator(
            {"$ref": f"{DOCUMENT_URI}#{pointer}"},
            registry=self.registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(body)
        ]
        assert not errors, f"{method} {path} {status} does not fit the OpenAPI document: {errors}"


class CheckedClient(FlaskClient):
    """A test client that checks every 2xx and 4xx JSON answer under /api/ against the document."""

    def open(self, *args, **kwargs):
        """Send the request, then check the answer."""
        response = super().open(*args, **kwargs)
        request = response.request
        if not request.path.startswith("/api/"):
            return response
        if response.status_code == 200 and response.mimetype in ("text/markdown", "text/csv"):
            return response  # the export downloads, documented as such
        assert response.is_json, f"{request.method} {request.path} did not answer in JSON"
        assert response.status_code < 500, f"{request.method} {request.path}: {response.json}"
        if response.status_code // 100 in (2, 4):
            openapi(self.application).validate(
                request.path, request.method, response.status_code, response.get_json()
            )
        return response


def openapi(app) -> OpenAPI:
    """Return the app's OpenAPI document, fetched once per app."""
    if "openapi" not in app.extensions:
        document = FlaskClient(app).get("/api/openapi.json").get_json()
        app.extensions["openapi"] = OpenAPI(document)
    return app.extensions["openapi"]
