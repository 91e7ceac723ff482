"""The practice API's paths (lpb/guidance/practice_routes.py) in /api/openapi.json."""

from lpb.shell import openapi_parts


def practice_paths() -> dict:
    """Return the practice API's paths."""
    o = openapi_parts
    link = {"name": "link_id", "in": "path", "required": True, "schema": {"type": "string"}}
    record = o.answer(o.ref("GuideRecord"), "The guide's record of the client.")
    profile = o.answer(o.ref("GuideProfile"), "The guide's name for clients.")

    def change(summary: str, body: str, answer: dict, *params: dict) -> dict:
        """Return a change with a JSON body and a CSRF token."""
        return {
            "summary": summary,
            "parameters": [*params, o.CSRF_HEADER],
            "requestBody": o.body(body),
            "responses": {"200": answer, **o.errors(400, 401, 404, 410, 413, 415, 503)},
        }

    return {
        "/api/guide/practice": {
            "get": {
                "summary": "The signed-in guide's clients with what is new, and kept notes",
                "responses": {
                    "200": o.answer(o.ref("Practice"), "The practice."),
                    **o.errors(401, 503),
                },
            }
        },
        "/api/guide/practice/{link_id}": {
            "get": {
                "summary": "What one client shared, with the guide's notes (counts as a visit)",
                "parameters": [link],
                "responses": {
                    "200": o.answer(o.ref("PracticeClientDetail"), "The client."),
                    **o.errors(401, 404, 410, 503),
                },
            }
        },
        "/api/guide/practice/{link_id}/notes": {
            "put": change("Replace the guide's private notes", "NotesChange", record, link),
            "delete": {
                "summary": "Delete the guide's notes of a client",
                "parameters": [link, o.CSRF_HEADER],
                "responses": {
                    "200": o.answer(o.ref("GuideDeleted"), "Gone."),
                    **o.errors(400, 401, 404, 503),
                },
            },
        },
        "/api/guide/practice/{link_id}/session": {
            "put": change("Record the day of the last session", "SessionHeld", record, link),
        },
        "/api/guide/profile": {
            "get": {
                "summary": "The name the guide's clients see",
                "responses": {"200": profile, **o.errors(401, 503)},
            },
            "put": change("Choose the name clients see", "GuideProfileChange", profile),
        },
    }
