"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.

Its schemas are generated from the contract's models (lpb/sync/contract.py), the same ones that check
every request, so the description cannot drift from what the server accepts.
"""

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from lpb.guidance import contracts as contract_guidance
from lpb.guidance import contracts_practice as contract_practice
from lpb.guidance import openapi_practice
from lpb.reminders import contracts as contract_reminders
from lpb.sync import contract
from lpb.sync.services import MAX_PULL_LIMIT

REF_TEMPLATE = "#/components/schemas/{model}"


def _json(schema: dict, description: str) -> dict:
    """Return a response object with a JSON body."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    """Return error responses for the given status codes."""
    return {str(code): _json(ref("Error"), "An error, explained.") for code in codes}


def ref(name: str) -> dict:
    """Return a reference to a schema of the contract."""
    return {"$ref": REF_TEMPLATE.format(model=name)}


def _body(name: str) -> dict:
    """Return a required JSON request body described by a contract model."""
    return {"required": True, "content": {"application/json": {"schema": ref(name)}}}


def _query(name: str, schema: dict, description: str = "") -> dict:
    """Return a query parameter."""
    parameter = {"name": name, "in": "query", "schema": schema}
    return {**parameter, "description": description} if description else parameter


def schemas() -> dict:
    """Return the JSON Schemas of every model of the contract, by name."""
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        (getattr(module, name), "validation")
        for module in (contract, contract_reminders, contract_guidance, contract_practice)
        for name in module.REQUESTS + module.ANSWERS
    ]
    _, document = models_json_schema(models, ref_template=REF_TEMPLATE)
    return document["$defs"]


CSRF_HEADER = {
    "name": "X-CSRFToken",
    "in": "header",
    "required": True,
    "description": "The csrf_token from GET /api/session.",
    "schema": {"type": "string"},
}


def openapi_document() -> dict:
    """Return the OpenAPI document."""
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
                    "responses": {"200": _json(ref("Session"), "The session."), **_errors(503)},
                }
            },
            "/api/signout": {
                "post": {
                    "summary": "End this browser's session on the server",
                    "parameters": [CSRF_HEADER],
                    "responses": {
                        "200": _json(ref("SignedOut"), "Signed out."),
                        **_errors(400, 503),
                    },
                }
            },
            "/api/push": {
                "post": {
                    "summary": "Apply a batch of changes from one device, exactly once",
                    "parameters": [CSRF_HEADER],
                    "requestBody": _body("PushRequest"),
                    "responses": {
                        "200": _json(
                            ref("PushResponse"), "The batch was applied (or already was)."
                        ),
                        **_errors(400, 401, 404, 409, 413, 415, 429, 503),
                    },
                }
            },
            "/api/pull": {
                "get": {
                    "summary": "Changes after a cursor, oldest first",
                    "parameters": [
                        _query("since", {"type": "integer", "minimum": 0}),
                        _query(
                            "seen",
                            {"type": "integer", "minimum": 0},
                            "The highest version the device has heard of; "
                            "more than the server has gives 409 cursor_ahead.",
                        ),
                        _query(
                            "limit", {"type": "integer", "minimum": 1, "maximum": MAX_PULL_LIMIT}
                        ),
                    ],
                    "responses": {
                        "200": _json(ref("PullResponse"), "A page of changes."),
                        **_errors(400, 401, 409, 503),
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
                    "responses": {
                        "200": _json(ref("Entry"), "The entry."),
                        **_errors(401, 404, 503),
                    },
                }
            },
            "/api/export": {
                "get": {
                    "summary": "Everything of the signed-in user (docs/export-format.md)",
                    "parameters": [
                        _query("format", {"type": "string", "enum": ["json", "md", "csv"]}),
                        _query(
                            "lang",
                            {"type": "string", "enum": ["nl", "en"]},
                            "Markdown and CSV language; else the cookie lpb_lang or Accept-Language.",
                        ),
                        _query(
                            "tz",
                            {"type": "string", "maxLength": 64},
                            "Markdown and CSV time zone (IANA, e.g. Europe/Brussels); UTC without.",
                        ),
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
                        **_errors(400, 401, 429, 503),
                    },
                }
            },
            "/api/import": {
                "post": {
                    "summary": "Merge a JSON export into the account; importing twice changes nothing",
                    "parameters": [CSRF_HEADER],
                    "requestBody": _body("ExportDocument"),
                    "responses": {
                        "200": _json(
                            ref("ImportResult"), "What was added and what was there already."
                        ),
                        **_errors(400, 401, 413, 415, 429, 503),
                    },
                }
            },
            "/api/account/delete": {
                "post": {
                    "summary": "Erase the account and everything of it, confirmed with the password",
                    "parameters": [CSRF_HEADER],
                    "requestBody": _body("DeleteAccountRequest"),
                    "responses": {
                        "200": _json(ref("Deleted"), "Erased."),
                        **_errors(400, 401, 403, 413, 415, 429, 503),
                    },
                }
            },
            "/api/questions": {
                "get": {
                    "summary": "The question bank (public)",
                    "responses": {
                        "200": _json(
                            {"type": "array", "items": ref("BankQuestion")}, "All questions."
                        )
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": _json({"type": "object"}, "The OpenAPI document.")},
                }
            },
            **_reminder_paths(),
            **_guidance_paths(),
            **openapi_practice.practice_paths(),
        },
        "components": {"schemas": schemas()},
    }


def _reminder_paths() -> dict:
    """Return the reminder API's paths (lpb/reminders/routes.py); its .ics feed is not JSON API."""
    device_id = {
        "name": "device_id",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "format": "uuid"},
    }
    feed = ref("CalendarFeedSettings")
    return {
        "/api/reminders/vapid-public-key": {
            "get": {
                "summary": "The key a browser subscribes to push with",
                "responses": {
                    "200": _json(ref("VapidPublicKey"), "The VAPID public key."),
                    **_errors(401, 503),
                },
            }
        },
        "/api/reminders/device": {
            "put": {
                "summary": "Create or change this device's reminder and push subscription",
                "parameters": [CSRF_HEADER],
                "requestBody": _body("DeviceReminderRequest"),
                "responses": {
                    "200": _json(ref("DeviceReminder"), "Changed."),
                    "201": _json(ref("DeviceReminder"), "Created."),
                    **_errors(400, 401, 413, 415, 503),
                },
            }
        },
        "/api/reminders/device/{device_id}": {
            "get": {
                "summary": "This device's reminder",
                "parameters": [device_id],
                "responses": {
                    "200": _json(ref("DeviceReminder"), "The reminder."),
                    **_errors(401, 404, 503),
                },
            },
            "delete": {
                "summary": "Stop this device's reminders and forget its subscription",
                "parameters": [device_id, CSRF_HEADER],
                "responses": {
                    "200": _json(ref("ReminderDeleted"), "Stopped."),
                    **_errors(400, 401, 404, 503),
                },
            },
        },
        "/api/reminders/schedule": {
            "get": {
                "summary": "The schedule saved last, on any device or for the calendar feed",
                "responses": {
                    "200": _json(ref("LastSchedule"), "The schedule."),
                    **_errors(401, 404, 503),
                },
            }
        },
        "/api/reminders/written-today": {
            "post": {
                "summary": "A reflection was written today: no reminder for it on any device",
                "parameters": [CSRF_HEADER],
                "requestBody": _body("WrittenTodayRequest"),
                "responses": {
                    "200": _json(ref("WrittenToday"), "Noted."),
                    **_errors(400, 401, 413, 415, 503),
                },
            }
        },
        "/api/reminders/calendar": {
            "get": {
                "summary": "The calendar feed's settings (its URL is shown only when made)",
                "responses": {"200": _json(feed, "The settings."), **_errors(401, 404, 503)},
            },
            "post": {
                "summary": "Create the calendar feed, or give it a new secret URL",
                "parameters": [CSRF_HEADER],
                "requestBody": _body("CalendarFeedRequest"),
                "responses": {
                    "201": _json(ref("NewCalendarFeed"), "The feed and its secret URL."),
                    **_errors(400, 401, 413, 415, 503),
                },
            },
            "put": {
                "summary": "Change the calendar feed's settings; its URL stays",
                "parameters": [CSRF_HEADER],
                "requestBody": _body("CalendarFeedRequest"),
                "responses": {
                    "200": _json(feed, "Changed."),
                    **_errors(400, 401, 404, 413, 415, 503),
                },
            },
            "delete": {
                "summary": "Revoke the calendar feed: its URL answers 404 from now on",
                "parameters": [CSRF_HEADER],
                "responses": {
                    "200": _json(ref("ReminderDeleted"), "Revoked."),
                    **_errors(400, 401, 404, 503),
                },
            },
        },
    }


def _guidance_paths() -> dict:
    """Return the guidance API's paths (lpb/guidance/routes.py); the guide's pages are HTML."""

    def path_id(name: str) -> dict:
        """Return a numeric id in the path."""
        return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}

    deleted = _json(ref("GuideDeleted"), "Gone.")
    return {
        "/api/guides": {
            "get": {
                "summary": "The signed-in client's guides (link ids for shared_with) and invitations",
                "responses": {"200": _json(ref("Guides"), "The guides."), **_errors(401, 503)},
            }
        },
        "/api/guides/invitations": {
            "post": {
                "summary": "Make a one-time invitation link for a guide, valid for 7 days",
                "parameters": [CSRF_HEADER],
                "requestBody": _body("InvitationRequest"),
                "responses": {
                    "201": _json(ref("NewInvitation"), "The invitation and its link, shown once."),
                    **_errors(400, 401, 409, 413, 415, 503),
                },
            }
        },
        "/api/guides/invitations/{invitation_id}": {
            "delete": {
                "summary": "Revoke an open invitation",
                "parameters": [path_id("invitation_id"), CSRF_HEADER],
                "responses": {"200": deleted, **_errors(400, 401, 404, 503)},
            }
        },
        "/api/guides/{link_id}": {
            "patch": {
                "summary": "Rename what a guide sees, or choose whether the guide sees insights",
                "parameters": [path_id("link_id"), CSRF_HEADER],
                "requestBody": _body("GuideLinkChange"),
                "responses": {
                    "200": _json(ref("GuideLink"), "Changed."),
                    **_errors(400, 401, 404, 413, 415, 503),
                },
            },
            "delete": {
                "summary": "Stop sharing with a guide, at once",
                "parameters": [path_id("link_id"), CSRF_HEADER],
                "responses": {"200": deleted, **_errors(400, 401, 404, 503)},
            },
        },
        "/api/guide/clients": {
            "get": {
                "summary": "The signed-in guide's clients, with what is new since the last visit",
                "responses": {
                    "200": _json(ref("GuidedClients"), "The clients."),
                    **_errors(401, 503),
                },
            }
        },
        "/api/guide/clients/{link_id}": {
            "get": {
                "summary": "What one client shared with the signed-in guide (counts as a visit)",
                "parameters": [path_id("link_id")],
                "responses": {
                    "200": _json(ref("GuidedClientDetail"), "What is shared."),
                    **_errors(401, 404, 503),
                },
            }
        },
        "/api/guide/clients/{link_id}/suggestion": {
            "post": {
                "summary": "Suggest a circle or up to 7 questions for the client's next 1-14 days",
                "parameters": [path_id("link_id"), CSRF_HEADER],
                "requestBody": _body("SuggestionRequest"),
                "responses": {
                    "201": _json(ref("Suggestion"), "Suggested; it replaces the last one."),
                    **_errors(400, 401, 404, 409, 413, 415, 503),
                },
            },
            "delete": {
                "summary": "Withdraw the suggestion",
                "parameters": [path_id("link_id"), CSRF_HEADER],
                "responses": {"200": deleted, **_errors(400, 401, 404, 503)},
            },
        },
    }
