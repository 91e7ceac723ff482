"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json."""

from lpb.sync import CIRCLES, KINDS, MAX_TEXT_LENGTH

UUID = {"type": "string", "format": "uuid"}
KIND = {"type": "string", "enum": list(KINDS)}
# An entry's own fields that the server checks; any others are kept as they are.
ENTRY_FIELDS = {
    "text": {"type": "string", "maxLength": MAX_TEXT_LENGTH},
    "circles": {"type": "array", "items": {"enum": list(CIRCLES)}},
    "energy": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
}
ERROR_REF = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str) -> dict:
    """Return a response object with a JSON body."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    """Return error responses for the given status codes."""
    return {str(code): _json(ERROR_REF, "An error, explained.") for code in codes}


SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error", "message"],
        "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
    },
    "Session": {
        "type": "object",
        "required": ["signed_in", "user_id", "email", "csrf_token"],
        "properties": {
            "signed_in": {"type": "boolean"},
            "user_id": {"type": ["integer", "null"]},
            "email": {"type": ["string", "null"]},
            "csrf_token": {"type": "string"},
        },
    },
    "Entry": {
        "type": "object",
        "description": "An entry as stored: the server's fields and the entry's own fields "
        "(text, circles, energy, question_id, …). Tombstones have no text.",
        "required": ["id", "kind", "version", "deleted", "created_at", "updated_at", "conflict_of"],
        "properties": {
            "id": UUID,
            "kind": KIND,
            "version": {"type": "integer", "minimum": 1},
            "deleted": {"type": "boolean"},
            "created_at": {"type": "string", "maxLength": 40},
            "updated_at": {"type": "string", "maxLength": 40},
            "conflict_of": {"oneOf": [UUID, {"type": "null"}]},
            **ENTRY_FIELDS,
        },
        "additionalProperties": True,
    },
    "EntryInput": {
        "type": "object",
        "required": ["id", "kind", "created_at", "updated_at"],
        "properties": {
            "id": UUID,
            "kind": KIND,
            "created_at": {"type": "string", "minLength": 1, "maxLength": 40},
            "updated_at": {"type": "string", "minLength": 1, "maxLength": 40},
            **ENTRY_FIELDS,
        },
        "additionalProperties": True,
    },
    "Mutation": {
        "type": "object",
        "required": ["mid", "op"],
        "properties": {
            "mid": {"type": "integer", "minimum": 1},
            "op": {"type": "string", "enum": ["put", "delete"]},
            "base_version": {"type": "integer", "minimum": 0},
            "id": UUID,
            "entry": {"$ref": "#/components/schemas/EntryInput"},
        },
    },
    "PushRequest": {
        "type": "object",
        "required": ["client_id", "mutations"],
        "properties": {
            "client_id": UUID,
            "mutations": {
                "type": "array",
                "maxItems": 500,
                "items": {"$ref": "#/components/schemas/Mutation"},
            },
        },
    },
    "MutationResult": {
        "type": "object",
        "required": ["mid", "id", "status"],
        "properties": {
            "mid": {"type": "integer"},
            "id": UUID,
            "status": {"type": "string", "enum": ["applied", "conflict", "deleted", "duplicate"]},
            "version": {"type": "integer"},
            "conflict_id": UUID,
            "entry": {"$ref": "#/components/schemas/Entry"},
        },
    },
    "PushResponse": {
        "type": "object",
        "required": ["last_mutation_id", "version", "results"],
        "properties": {
            "last_mutation_id": {"type": "integer", "minimum": 0},
            "version": {"type": "integer", "minimum": 0},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/MutationResult"}},
        },
    },
    "PullResponse": {
        "type": "object",
        "required": ["changes", "cursor", "has_more"],
        "properties": {
            "changes": {"type": "array", "items": {"$ref": "#/components/schemas/Entry"}},
            "cursor": {"type": "integer", "minimum": 0},
            "has_more": {"type": "boolean"},
        },
    },
    "Export": {
        "type": "object",
        "required": ["format", "version", "entries"],
        "properties": {
            "format": {"const": "levensloopbaan-export"},
            "version": {"const": 1},
            "exported_at": {"type": "string"},
            "source": {"type": "string", "enum": ["device", "server"]},
            "account": {"type": ["object", "null"]},
            "settings": {"type": "object"},
            "entries": {"type": "array", "items": {"$ref": "#/components/schemas/EntryInput"}},
        },
    },
    "Question": {
        "type": "object",
        "required": ["id", "circles", "theme", "nl", "en"],
        "properties": {
            "id": {"type": "string"},
            "circles": {"type": "array", "items": {"type": "string"}},
            "theme": {"type": "string"},
            "nl": {"type": "string"},
            "en": {"type": "string"},
        },
    },
}

CSRF_HEADER = {
    "name": "X-CSRFToken",
    "in": "header",
    "required": True,
    "description": "The csrf_token from GET /api/session.",
    "schema": {"type": "string"},
}


def openapi_document() -> dict:
    """Return the OpenAPI document."""
    ref = lambda name: {"$ref": f"#/components/schemas/{name}"}  # noqa: E731
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Levensloopbaan API",
            "version": "1",
            "description": "Sync for Levensloopbaan. Every error is JSON with a message.",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/session": {
                "get": {
                    "summary": "Who is signed in, and a fresh CSRF token",
                    "responses": {"200": _json(ref("Session"), "The session.")},
                }
            },
            "/api/signout": {
                "post": {
                    "summary": "End this browser's session on the server",
                    "parameters": [CSRF_HEADER],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["signed_in"],
                                "properties": {"signed_in": {"const": False}},
                            },
                            "Signed out.",
                        ),
                        **_errors(400),
                    },
                }
            },
            "/api/push": {
                "post": {
                    "summary": "Apply a batch of changes from one device, exactly once",
                    "parameters": [CSRF_HEADER],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": ref("PushRequest")}},
                    },
                    "responses": {
                        "200": _json(
                            ref("PushResponse"), "The batch was applied (or already was)."
                        ),
                        **_errors(400, 401, 404, 409, 413, 415),
                    },
                }
            },
            "/api/pull": {
                "get": {
                    "summary": "Changes after a cursor, oldest first",
                    "parameters": [
                        {
                            "name": "since",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 0},
                        },
                        {
                            "name": "seen",
                            "in": "query",
                            "description": "The highest version the device has heard of; "
                            "more than the server has gives 409 cursor_ahead.",
                            "schema": {"type": "integer", "minimum": 0},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 1000},
                        },
                    ],
                    "responses": {
                        "200": _json(ref("PullResponse"), "A page of changes."),
                        **_errors(400, 401, 409),
                    },
                }
            },
            "/api/entries/{entry_id}": {
                "get": {
                    "summary": "One entry of the signed-in user",
                    "parameters": [
                        {
                            "name": "entry_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": _json(ref("Entry"), "The entry."), **_errors(401, 404)},
                }
            },
            "/api/export": {
                "get": {
                    "summary": "Everything of the signed-in user (docs/export-format.md)",
                    "parameters": [
                        {
                            "name": "format",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["json", "md", "csv"]},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The export, as a download.",
                            "content": {
                                "application/json": {"schema": ref("Export")},
                                "text/markdown": {"schema": {"type": "string"}},
                                "text/csv": {"schema": {"type": "string"}},
                            },
                        },
                        **_errors(400, 401, 429),
                    },
                }
            },
            "/api/import": {
                "post": {
                    "summary": "Merge a JSON export into the account; importing twice changes nothing",
                    "parameters": [CSRF_HEADER],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": ref("Export")}},
                    },
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["added", "skipped"],
                                "properties": {
                                    "added": {"type": "integer", "minimum": 0},
                                    "skipped": {"type": "integer", "minimum": 0},
                                },
                            },
                            "What was added and what was there already.",
                        ),
                        **_errors(400, 401, 413, 429),
                    },
                }
            },
            "/api/account/delete": {
                "post": {
                    "summary": "Erase the account and everything of it, confirmed with the password",
                    "parameters": [CSRF_HEADER],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["password"],
                                    "properties": {"password": {"type": "string"}},
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["deleted"],
                                "properties": {"deleted": {"const": True}},
                            },
                            "Erased.",
                        ),
                        **_errors(400, 401, 403, 429),
                    },
                }
            },
            "/api/questions": {
                "get": {
                    "summary": "The question bank (public)",
                    "responses": {
                        "200": _json({"type": "array", "items": ref("Question")}, "All questions.")
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": _json({"type": "object"}, "The OpenAPI document.")},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
