"""A small client for the server tests: sign up through the forms, then push and pull as a device."""

import re
import uuid
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

PASSWORD = "correct horse battery"


def matched(pattern: str | re.Pattern[str], text: str, flags: int = 0) -> re.Match[str]:
    """Return where a pattern is found in a text; fail the test, naming it, where it is not."""
    found = re.search(pattern, text, flags)
    assert found is not None, f"{pattern!r} is not in {text[:200]!r}"
    return found


def json_of(response: TestResponse) -> Any:
    """Return a response's JSON body; fail the test where it has none."""
    body = response.get_json(silent=True)
    assert body is not None, f"not JSON: {response.status} {response.get_data(as_text=True)[:200]}"
    return body


def form_token(client: FlaskClient, path: str) -> str:
    """Return the CSRF token of the form on a page."""
    html = client.get(path).get_data(as_text=True)
    return matched(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def register(client: FlaskClient, email: str, password: str = PASSWORD):
    """Create an account through the form; the client is then signed in."""
    return client.post(
        "/register",
        data={"csrf_token": form_token(client, "/register"), "email": email, "password": password},
    )


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD):
    """Sign in through the form."""
    return client.post(
        "/login",
        data={"csrf_token": form_token(client, "/login"), "email": email, "password": password},
    )


def api_token(client: FlaskClient) -> str:
    """Return a fresh CSRF token for the API, as the app gets one before syncing."""
    return json_of(client.get("/api/session"))["csrf_token"]


def entry(entry_id: str | None = None, text: str = "A reflection", **fields) -> dict:
    """Return an entry as a device sends it."""
    return {
        "id": entry_id or str(uuid.uuid4()),
        "kind": "reflection",
        "text": text,
        "circles": ["self"],
        "energy": 3,
        "day": "2026-11-28",
        "created_at": "2026-11-28T08:00:00.000Z",
        "updated_at": "2026-11-28T08:00:00.000Z",
        **fields,
    }


def put(mid: int, item: dict, base_version: int = 0) -> dict:
    """Return a put mutation."""
    return {"mid": mid, "op": "put", "base_version": base_version, "entry": item}


def delete(mid: int, entry_id: str, base_version: int) -> dict:
    """Return a delete mutation."""
    return {"mid": mid, "op": "delete", "base_version": base_version, "id": entry_id}


class Device:
    """One device of a signed-in user: its client id, and push and pull calls."""

    def __init__(self, client: FlaskClient, client_id: str | None = None):
        self.client = client
        self.client_id = client_id or str(uuid.uuid4())

    def push(self, mutations: list[dict], token: str | None = None):
        """Push mutations with a fresh CSRF token."""
        return self.client.post(
            "/api/push",
            json={"client_id": self.client_id, "mutations": mutations},
            headers={"X-CSRFToken": token or api_token(self.client)},
        )

    def pull_all(self, since: int = 0, limit: int = 500) -> list[dict]:
        """Pull every change after since, page by page."""
        changes = []
        while True:
            page = json_of(self.client.get(f"/api/pull?since={since}&limit={limit}"))
            changes.extend(page["changes"])
            since = page["cursor"]
            if not page["has_more"]:
                return changes

    def state(self) -> dict[str, dict]:
        """Return the user's entries as the server holds them, by id (the last change wins)."""
        return {change["id"]: change for change in self.pull_all()}
