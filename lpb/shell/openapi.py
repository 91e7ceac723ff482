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
from lpb.shell.openapi_parts import (
    CSRF_HEADER,
    REF_TEMPLATE,
    answer,
    body,
    errors,
    operation,
    path_id,
    query,
    ref,
)
from lpb.sync import contract
from lpb.sync.services import MAX_PULL_LIMIT


def schemas() -> dict:
    """Return the JSON Schemas of every model of the contract, by name."""
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        (getattr(module, name), "validation")
        for module in (contract, contract_reminders, contract_guidance, contract_practice)
        for name in module.REQUESTS + module.ANSWERS
    ]
    _, document = models_json_schema(models, ref_template=REF_TEMPLATE)
    return document["$defs"]


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
                    "responses": {"200": answer(ref("Session"), "The session."), **errors(503)},
                }
            },
            "/api/signout": {
                "post": {
                    "summary": "End this browser's session on the server",
                    "parameters": [CSRF_HEADER],
                    "responses": {
                        "200": answer(ref("SignedOut"), "Signed out."),
                        **errors(400, 503),
                    },
                }
            },
            "/api/push": {
                "post": {
                    "summary": "Apply a batch of changes from one device, exactly once",
                    "parameters": [CSRF_HEADER],
                    "requestBody": body("PushRequest"),
                    "responses": {
                        "200": answer(
                            ref("PushResponse"), "The batch was applied (or already was)."
                        ),
                        **errors(400, 401, 404, 409, 413, 415, 429, 503),
                    },
                }
            },
            "/api/pull": {
                "get": {
                    "summary": "Changes after a cursor, oldest first",
                    "parameters": [
                        query("since", {"type": "integer", "minimum": 0}),
                        query(
                            "seen",
                            {"type": "integer", "minimum": 0},
                            "The highest version the device has heard of; "
                            "more than the server has gives 409 cursor_ahead.",
                        ),
                        query(
                            "limit", {"type": "integer", "minimum": 1, "maximum": MAX_PULL_LIMIT}
                        ),
                    ],
                    "responses": {
                        "200": answer(ref("PullResponse"), "A page of changes."),
                        **errors(400, 401, 409, 503),
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
                        "200": answer(ref("Entry"), "The entry."),
                        **errors(401, 404, 503),
                    },
                }
            },
            "/api/export": {
                "get": {
                    "summary": "Everything of the signed-in user (docs/export-format.md)",
                    "parameters": [
                        query("format", {"type": "string", "enum": ["json", "md", "csv"]}),
                        query(
                            "lang",
                            {"type": "string", "enum": ["nl", "en"]},
                            "Markdown and CSV language; else the cookie lpb_lang or Accept-Language.",
                        ),
                        query(
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
                        **errors(400, 401, 429, 503),
                    },
                }
            },
            "/api/import": {
                "post": {
                    "summary": "Merge a JSON export into the account; importing twice changes nothing",
                    "parameters": [CSRF_HEADER],
                    "requestBody": body("ExportDocument"),
                    "responses": {
                        "200": answer(
                            ref("ImportResult"), "What was added and what was there already."
                        ),
                        **errors(400, 401, 413, 415, 429, 503),
                    },
                }
            },
            "/api/account/delete": {
                "post": {
                    "summary": "Erase the account and everything of it, confirmed with the password",
                    "parameters": [CSRF_HEADER],
                    "requestBody": body("DeleteAccountRequest"),
                    "responses": {
                        "200": answer(ref("Deleted"), "Erased."),
                        **errors(400, 401, 403, 413, 415, 429, 503),
                    },
                }
            },
            "/api/questions": {
                "get": {
                    "summary": "The question bank (public)",
                    "responses": {
                        "200": answer(
                            {"type": "array", "items": ref("BankQuestion")}, "All questions."
                        )
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": answer({"type": "object"}, "The OpenAPI document.")},
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
                    "200": answer(ref("VapidPublicKey"), "The VAPID public key."),
                    **errors(401, 503),
                },
            }
        },
        "/api/reminders/device": {
            "put": {
                "summary": "Create or change this device's reminder and push subscription",
                "parameters": [CSRF_HEADER],
                "requestBody": body("DeviceReminderRequest"),
                "responses": {
                    "200": answer(ref("DeviceReminder"), "Changed."),
                    "201": answer(ref("DeviceReminder"), "Created."),
                    **errors(400, 401, 413, 415, 503),
                },
            }
        },
        "/api/reminders/device/{device_id}": {
            "get": {
                "summary": "This device's reminder",
                "parameters": [device_id],
                "responses": {
                    "200": answer(ref("DeviceReminder"), "The reminder."),
                    **errors(401, 404, 503),
                },
            },
            "delete": {
                "summary": "Stop this device's reminders and forget its subscription",
                "parameters": [device_id, CSRF_HEADER],
                "responses": {
                    "200": answer(ref("ReminderDeleted"), "Stopped."),
                    **errors(400, 401, 404, 503),
                },
            },
        },
        "/api/reminders/schedule": {
            "get": {
                "summary": "The schedule saved last, on any device or for the calendar feed",
                "responses": {
                    "200": answer(ref("LastSchedule"), "The schedule."),
                    **errors(401, 404, 503),
                },
            }
        },
        "/api/reminders/written-today": {
            "post": {
                "summary": "A reflection was written today: no reminder for it on any device",
                "parameters": [CSRF_HEADER],
                "requestBody": body("WrittenTodayRequest"),
                "responses": {
                    "200": answer(ref("WrittenToday"), "Noted."),
                    **errors(400, 401, 413, 415, 503),
                },
            }
        },
        "/api/reminders/calendar": {
            "get": {
                "summary": "The calendar feed's settings (its URL is shown only when made)",
                "responses": {"200": answer(feed, "The settings."), **errors(401, 404, 503)},
            },
            "post": {
                "summary": "Create the calendar feed, or give it a new secret URL",
                "parameters": [CSRF_HEADER],
                "requestBody": body("CalendarFeedRequest"),
                "responses": {
                    "201": answer(ref("NewCalendarFeed"), "The feed and its secret URL."),
                    **errors(400, 401, 413, 415, 503),
                },
            },
            "put": {
                "summary": "Change the calendar feed's settings; its URL stays",
                "parameters": [CSRF_HEADER],
                "requestBody": body("CalendarFeedRequest"),
                "responses": {
                    "200": answer(feed, "Changed."),
                    **errors(400, 401, 404, 413, 415, 503),
                },
            },
            "delete": {
                "summary": "Revoke the calendar feed: its URL answers 404 from now on",
                "parameters": [CSRF_HEADER],
                "responses": {
                    "200": answer(ref("ReminderDeleted"), "Revoked."),
                    **errors(400, 401, 404, 503),
                },
            },
        },
    }


def _guidance_paths() -> dict:
    """Return the guidance API's paths (lpb/guidance/routes.py); the guide's pages are HTML."""
    link, changed = [path_id("link_id"), CSRF_HEADER], (400, 401, 404, 413, 415, 503)
    deleted = ("200", answer(ref("GuideDeleted"), "Gone."))
    return {
        "/api/guides": {
            "get": operation(
                "The signed-in client's guides (link ids for shared_with) and invitations",
                ("200", answer(ref("Guides"), "The guides.")),
                (401, 503),
            )
        },
        "/api/guides/invitations": {
            "post": operation(
                "Make a one-time invitation link for a guide, valid for 7 days",
                ("201", answer(ref("NewInvitation"), "The invitation and its link, shown once.")),
                (400, 401, 409, 413, 415, 503),
                [CSRF_HEADER],
                "InvitationRequest",
            )
        },
        "/api/guides/invitations/{invitation_id}": {
            "delete": operation(
                "Revoke an open invitation",
                deleted,
                (400, 401, 404, 503),
                [path_id("invitation_id"), CSRF_HEADER],
            )
        },
        "/api/guides/{link_id}": {
            "patch": operation(
                "Rename what a guide sees, or choose whether the guide sees insights",
                ("200", answer(ref("GuideLink"), "Changed.")),
                changed,
                link,
                "GuideLinkChange",
            ),
            "delete": operation(
                "Stop sharing with a guide, at once", deleted, (400, 401, 404, 503), link
            ),
        },
        "/api/guide/clients": {
            "get": operation(
                "The signed-in guide's clients, with what is new since the last visit",
                ("200", answer(ref("GuidedClients"), "The clients.")),
                (401, 503),
            )
        },
        "/api/guide/clients/{link_id}": {
            "get": operation(
                "What one client shared with the signed-in guide (counts as a visit)",
                ("200", answer(ref("GuidedClientDetail"), "What is shared.")),
                (401, 404, 503),
                [path_id("link_id")],
            )
        },
        "/api/guide/clients/{link_id}/suggestion": {
            "post": operation(
                "Suggest a circle or up to 7 questions for the client's next 1-14 days",
                ("201", answer(ref("Suggestion"), "Suggested; it replaces the last one.")),
                (400, 401, 404, 409, 413, 415, 503),
                link,
                "SuggestionRequest",
            ),
            "delete": operation("Withdraw the suggestion", deleted, (400, 401, 404, 503), link),
        },
    }
