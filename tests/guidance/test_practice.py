"""A guide's practice: the clients at a glance, private notes, sessions, and the guide's name."""

import json

from tests.api_client import Device, api_token, entry, put
from tests.guidance.test_guidance import (  # noqa: F401  (api_app and story are fixtures)
    account,
    api_app,
    invite,
    links,
    post_form,
    story,
    text_of,
)

NOTE = "Private: thinks about quitting; ask about the sabbatical"


def change(client, method, path, body=None):
    """Send a JSON change with a fresh CSRF token."""
    return client.open(path, method=method, json=body, headers={"X-CSRFToken": api_token(client)})


def practice(guide):
    """Return the guide's practice answer."""
    response = guide.get("/api/guide/practice")
    assert response.status_code == 200, response.json
    return response.json


def test_the_practice_counts_what_is_new_since_the_last_visit(story):  # noqa: F811
    """New reflections and answers are counted apart, and a visit sets them back to nought."""
    gerda, link_a, phone = story["guide_a"], story["link_a"], story["phone"]
    [client] = practice(gerda)["clients"]
    assert client["name"] == "Anna" and client["new_reflections"] == 1
    assert client["new_answers"] == 0 and client["last_activity"]
    assert (
        post_form(gerda, f"/guide/clients/{link_a}/question", guide_text="Wat?").status_code == 303
    )
    question = next(c for c in phone.pull_all() if c["kind"] == "guide_question")
    answer = entry(text="Dit", guide_question_id=question["id"], shared_with=[link_a])
    pushed = phone.push([put(4, answer), put(5, entry(shared_with=[link_a]))])
    assert pushed.status_code == 200, pushed.json
    [client] = practice(gerda)["clients"]
    # Sending a question is no visit: the first shared reflection is still new too.
    assert (client["new_reflections"], client["new_answers"]) == (2, 1)
    detail = gerda.get(f"/api/guide/practice/{link_a}").json
    assert {e["text"] for e in detail["entries"]} >= {"Dit", "Shared with Gerda"}
    assert detail["notes"] == "" and detail["session_held_on"] is None
    [client] = practice(gerda)["clients"]
    assert (client["new_reflections"], client["new_answers"]) == (0, 0)
    assert practice(story["stranger"])["clients"][0]["name"] != "Anna"


def test_notes_are_only_the_guides_and_never_reach_the_client(story):  # noqa: F811
    """Notes are kept for the guide, in the guide's export; never in the client's pull, export or pages."""
    gerda, anna, link_a = story["guide_a"], story["anna"], story["link_a"]
    saved = change(gerda, "PUT", f"/api/guide/practice/{link_a}/notes", {"notes": NOTE})
    assert saved.status_code == 200 and saved.json["notes"] == NOTE
    assert gerda.get(f"/api/guide/practice/{link_a}").json["notes"] == NOTE
    hugo = story["guide_b"]
    assert (
        change(hugo, "PUT", f"/api/guide/practice/{link_a}/notes", {"notes": "x"}).status_code
        == 404
    )
    assert hugo.get(f"/api/guide/practice/{link_a}").status_code == 404

    pulled = json.dumps(Device(anna).pull_all())
    exported = anna.get("/api/export").get_data(as_text=True)
    markdown = anna.get("/api/export?format=md").get_data(as_text=True)
    guides = json.dumps(anna.get("/api/guides").json)
    settings = text_of(anna.get("/settings"))
    for seen in (pulled, exported, markdown, guides, settings):
        assert "sabbatical" not in seen
    own = gerda.get("/api/export").json
    assert own["guide_notes"][0]["notes"] == NOTE and own["guide_notes"][0]["client_name"] == "Anna"


def test_notes_outlive_an_ended_link_until_the_guide_deletes_them(story):  # noqa: F811
    """After "Stop sharing" the guide meets 410, keeps the notes, and can delete them."""
    gerda, anna, link_a = story["guide_a"], story["anna"], story["link_a"]
    change(gerda, "PUT", f"/api/guide/practice/{link_a}/notes", {"notes": NOTE})
    assert change(anna, "DELETE", f"/api/guides/{link_a}").status_code == 200
    gone = gerda.get(f"/api/guide/practice/{link_a}")
    assert gone.status_code == 410 and gone.json["error"] == "link_ended"
    now = practice(gerda)
    assert now["clients"] == [] and now["ended"][0]["notes"] == NOTE
    assert "Shared with Gerda" not in json.dumps(now)
    assert change(gerda, "DELETE", f"/api/guide/practice/{link_a}/notes").status_code == 200
    assert practice(gerda)["ended"] == []
    assert "guide_notes" not in gerda.get("/api/export").json
    # An ended link without notes is still known to its guide: a page for a guide, not a 404.
    link_b = story["link_b"]
    assert change(anna, "DELETE", f"/api/guides/{link_b}").status_code == 200
    assert story["guide_b"].get(f"/api/guide/practice/{link_b}").status_code == 410
    assert story["stranger"].get(f"/api/guide/practice/{link_b}").status_code == 404


def test_a_session_day_is_recorded_and_checked(story):  # noqa: F811
    """The guide records a session's day; a day that does not exist or lies ahead is refused."""
    gerda, link_a = story["guide_a"], story["link_a"]
    path = f"/api/guide/practice/{link_a}/session"
    assert change(gerda, "PUT", path, {"held_on": "2026-02-30"}).status_code == 400
    assert change(gerda, "PUT", path, {"held_on": "2999-01-01"}).status_code == 400
    assert change(gerda, "PUT", path, {"held_on": "7 dec"}).status_code == 400
    recorded = change(gerda, "PUT", path, {"held_on": "2026-01-05"})
    assert recorded.status_code == 200 and recorded.json["session_held_on"] == "2026-01-05"
    assert practice(gerda)["clients"][0]["session_held_on"] == "2026-01-05"
    assert "2026-01-05" not in json.dumps(Device(story["anna"]).pull_all())


def test_clients_see_the_guides_chosen_name_never_the_email(story):  # noqa: F811
    """The display name goes with later questions and replies, and into the client's guide list."""
    gerda, anna, link_a = story["guide_a"], story["anna"], story["link_a"]
    assert change(gerda, "PUT", "/api/guide/profile", {"display_name": "  "}).status_code == 400
    named = change(gerda, "PUT", "/api/guide/profile", {"display_name": "Gerda de Vries"})
    assert named.status_code == 200 and gerda.get("/api/guide/profile").json == named.json
    assert (
        post_form(gerda, f"/guide/clients/{link_a}/question", guide_text="Hoe?").status_code == 303
    )
    question = next(c for c in Device(anna).pull_all() if c["kind"] == "guide_question")
    assert question["guide_name"] == "Gerda de Vries"
    assert links(anna)[link_a]["guide_name"] == "Gerda de Vries"


def test_accepting_an_invitation_sets_the_name_clients_see(api_app):  # noqa: F811
    """The invitation page asks the guide for a name; that is what the client sees."""
    anna = account(api_app, "anna@example.org")
    gerda = account(api_app, "gerda@example.org")
    path = invite(anna, "Anna")["path"]
    assert "Your name as your clients see it" in text_of(gerda.get(path))
    accepted = gerda.post(
        path, data={"csrf_token": api_token(gerda), "guide_display_name": "Gerda"}
    )
    assert accepted.status_code == 302
    assert [link["guide_name"] for link in links(anna).values()] == ["Gerda"]
