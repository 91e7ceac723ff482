"""Guidance together: invitations, sharing chosen reflections with guides, and stopping at once."""

import itertools
import json
import re
import uuid
from datetime import timedelta

import pytest

from lpb import clock
from tests.api_client import Device, api_token, delete, entry, put, register
from tests.openapi_check import CheckedClient, openapi

SECRET = "Unshared: only for me"


@pytest.fixture
def api_app(db_app):
    """Return db_app whose test clients check every API answer against the OpenAPI document."""
    db_app.test_client_class = CheckedClient
    return db_app


def account(app, email):
    """Return a client with a new account, signed in."""
    client = app.test_client()
    assert register(client, email).status_code == 302
    return client


def invite(client, name=""):
    """Make an invitation through the API and return the answer."""
    response = client.post(
        "/api/guides/invitations",
        json={"name_for_guide": name},
        headers={"X-CSRFToken": api_token(client)},
    )
    assert response.status_code == 201, response.json
    return response.json


def accept(guide, path):
    """Press Accept on an invitation page."""
    return guide.post(path, data={"csrf_token": api_token(guide)})


def link_up(client, guide, name=""):
    """Let the guide accept a new invitation of the client; return the link id."""
    response = accept(guide, invite(client, name)["path"])
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def links(client):
    """Return the client's guide links by id."""
    return {link["id"]: link for link in client.get("/api/guides").json["links"]}


def text_of(response):
    """Return everything a response shows."""
    return response.get_data(as_text=True)


def post_form(guide, path, **fields):
    """Post a guide's form with a valid CSRF token."""
    return guide.post(path, data={"csrf_token": api_token(guide), **fields})


@pytest.fixture
def story(api_app):
    """A client with two guides; reflections shared with one, the other, and neither."""
    anna = account(api_app, "anna@example.org")
    guide_a = account(api_app, "gerda@example.org")
    guide_b = account(api_app, "hugo@example.org")
    stranger = account(api_app, "sam@example.org")
    link_a = link_up(anna, guide_a, "Anna")
    link_b = link_up(anna, guide_b)
    # The stranger has a client of their own: that link id must never grant anything of Anna's.
    other_client = account(api_app, "olga@example.org")
    foreign = link_up(other_client, stranger)
    items = {
        "for_a": entry(text="Shared with Gerda", shared_with=[link_a], circles=["close"], energy=4),
        "for_b": entry(text="Shared with Hugo", shared_with=[link_b]),
        "secret": entry(text=SECRET, shared_with=[foreign]),
    }
    phone = Device(anna)
    answer = phone.push([put(mid, item) for mid, item in enumerate(items.values(), 1)])
    assert answer.status_code == 200
    return {
        "app": api_app,
        "anna": anna,
        "guide_a": guide_a,
        "guide_b": guide_b,
        "stranger": stranger,
        "link_a": link_a,
        "link_b": link_b,
        "foreign": foreign,
        "items": items,
        "phone": phone,
    }


def walk(app, client, values):
    """Send every route of the URL map and the OpenAPI document, ids plugged in; return the texts."""
    templates = [
        (rule.rule, sorted(rule.methods - {"HEAD", "OPTIONS"})) for rule in app.url_map.iter_rules()
    ]
    document = openapi(app).document
    templates += [
        (re.sub(r"\{([^}]+)\}", r"<\1>", path), [method.upper() for method in operations])
        for path, operations in document["paths"].items()
    ]
    seen = []
    for template, methods in templates:
        names = re.findall(r"<(?:[a-z]+:)?([a-z_]+)>", template)
        choices = [values.get(name, ["x"]) for name in names]
        for combination in itertools.product(*choices):
            path = template
            for name, value in zip(names, combination, strict=True):
                path = re.sub(rf"<(?:[a-z]+:)?{name}>", str(value), path, count=1)
            for method in methods:
                response = client.open(path, method=method, json={})
                assert response.status_code < 500, (method, path)
                seen.append(f"{method} {path} {response.status_code}\n{text_of(response)}")
    return "\n".join(seen)


def plugged(story, **more):
    """Return path parameter values: the client's entry ids and link ids, and some more."""
    return {
        "entry_id": [item["id"] for item in story["items"].values()],
        "link_id": [story["link_a"], story["link_b"], story["foreign"]],
        "invitation_id": [1, 2],
        **more,
    }


def test_each_guide_sees_only_what_was_shared_with_them_through_any_route(story):
    """Walking every route as each guide and a stranger: no unshared or other guide's text."""
    app = story["app"]
    gerda = walk(app, story["guide_a"], plugged(story))
    assert "Shared with Gerda" in gerda
    assert SECRET not in gerda and "Shared with Hugo" not in gerda
    hugo = walk(app, story["guide_b"], plugged(story))
    assert "Shared with Hugo" in hugo
    assert SECRET not in hugo and "Shared with Gerda" not in hugo
    stranger = walk(app, story["stranger"], plugged(story))
    for text in (SECRET, "Shared with Gerda", "Shared with Hugo"):
        assert text not in stranger


def test_the_guide_page_shows_shared_reflections_without_other_links(story):
    """The guide's page and API show the shared reflection read-only, never its shared_with."""
    page = story["guide_a"].get(f"/guide/clients/{story['link_a']}")
    assert page.status_code == 200 and "Shared with Gerda" in text_of(page)
    assert page.headers["Cache-Control"] == "no-store"
    detail = story["guide_a"].get(f"/api/guide/clients/{story['link_a']}").json
    assert [item["text"] for item in detail["entries"]] == ["Shared with Gerda"]
    assert "shared_with" not in detail["entries"][0]
    assert detail["name"] == "Anna" and detail["insights"] is None
    hugo = story["guide_b"].get("/api/guide/clients").json["clients"]
    assert [client["name"] for client in hugo] == ["anna@example.org"]


def test_unsharing_by_edit_or_delete_hides_at_the_next_request(story):
    """Dropping the link id from the body, or deleting the reflection, removes it from the view."""
    phone, items, gerda = story["phone"], story["items"], story["guide_a"]
    first_version = {c["id"]: c["version"] for c in phone.pull_all()}[items["for_a"]["id"]]
    second = entry(text="Also for Gerda", shared_with=[story["link_a"]])
    assert phone.push([put(4, second)]).status_code == 200
    page = f"/guide/clients/{story['link_a']}"
    assert "Also for Gerda" in text_of(gerda.get(page))

    unshared = dict(items["for_a"], shared_with=[])
    assert phone.push([put(5, unshared, first_version)]).status_code == 200
    assert "Shared with Gerda" not in text_of(gerda.get(page))
    version = {c["id"]: c["version"] for c in phone.pull_all()}[second["id"]]
    assert phone.push([delete(6, second["id"], version)]).status_code == 200
    assert "Also for Gerda" not in text_of(gerda.get(page))
    assert gerda.get(f"/api/guide/clients/{story['link_a']}").json["entries"] == []


def test_a_conflict_copy_is_never_shared(story):
    """A stale edit that becomes a conflict copy carries no shares to the guide."""
    anna, link_a = story["anna"], story["link_a"]
    stale = dict(story["items"]["for_b"], text="Stale laptop text", shared_with=[link_a])
    answer = Device(anna).push([put(1, stale, base_version=0)]).json["results"][0]
    assert answer["status"] == "conflict"
    copy = Device(anna).state()[answer["conflict_id"]]
    assert "shared_with" not in copy
    assert "Stale laptop text" not in text_of(story["guide_a"].get(f"/guide/clients/{link_a}"))


def test_stopping_sharing_closes_every_guide_url_at_once(story):
    """After the client stops sharing, every earlier guide URL and API call answers 403 or 404."""
    gerda, link_a = story["guide_a"], story["link_a"]
    reflection = story["items"]["for_a"]["id"]
    urls = [
        ("GET", f"/guide/clients/{link_a}", {}),
        ("GET", f"/api/guide/clients/{link_a}", {}),
        ("POST", f"/guide/clients/{link_a}/question", {"guide_text": "Still there?"}),
        ("POST", f"/guide/clients/{link_a}/reply/{reflection}", {"guide_text": "Hello"}),
        ("POST", f"/guide/clients/{link_a}/end", {}),
    ]
    for method, path, _ in urls[:2]:
        assert gerda.open(path, method=method).status_code == 200
    anna = story["anna"]
    stopped = anna.delete(f"/api/guides/{link_a}", headers={"X-CSRFToken": api_token(anna)})
    assert stopped.json == {"deleted": True}
    for method, path, fields in urls[1:]:
        data = {"csrf_token": api_token(gerda), **fields} if method == "POST" else None
        assert gerda.open(path, method=method, data=data).status_code in (403, 404), path
    # The page itself sends the guide to a page written for a guide, which shows nothing of Anna.
    ended = gerda.get(urls[0][1])
    assert ended.status_code == 302 and ended.headers["Location"] == f"/guidance/client?id={link_a}"
    assert gerda.get(f"/api/guide/practice/{link_a}").status_code == 410
    assert gerda.get("/api/guide/clients").json == {"clients": []}
    assert "Shared with Gerda" not in walk(story["app"], gerda, plugged(story))
    assert list(links(anna)) == [story["link_b"]]


def test_the_guide_can_end_the_relationship(story):
    """The guide's end button removes the link for both."""
    gerda, link_a = story["guide_a"], story["link_a"]
    ended = post_form(gerda, f"/guide/clients/{link_a}/end")
    assert ended.status_code == 303
    # Not the client's 404: the page for a guide whose client is gone, which shows nothing of them.
    assert gerda.get(f"/guide/clients/{link_a}").headers["Location"].endswith(f"?id={link_a}")
    assert gerda.get(f"/api/guide/practice/{link_a}").status_code == 410
    assert link_a not in links(story["anna"])
    assert gerda.get("/api/session").json["guiding"] is False


def test_invitation_is_accepted_once_after_signing_in(api_app):
    """A visitor is asked to sign in first and comes back; the link then works once."""
    anna = account(api_app, "anna@example.org")
    path = invite(anna, "Anna V.")["path"]
    account(api_app, "gerda@example.org")
    visitor = api_app.test_client()
    page = visitor.get(path)
    assert page.status_code == 200
    assert f"/login?next={path}" in text_of(page) and f"/register?next={path}" in text_of(page)
    signed = visitor.post(
        f"/login?next={path}",
        data={
            "csrf_token": api_token(visitor),
            "email": "gerda@example.org",
            "password": "correct horse battery",
        },
    )
    assert signed.headers["Location"] == path
    offer = visitor.get(path)
    assert "Anna V." in text_of(offer) and "Accept" in text_of(offer)
    assert accept(visitor, path).status_code == 302
    again = accept(visitor, path)
    assert again.status_code == 410 and "used or revoked" in text_of(again)
    guide = next(iter(links(anna).values()))
    assert guide["guide_email"] == "gerda@example.org" and guide["name_for_guide"] == "Anna V."
    assert visitor.get("/api/session").json["guiding"] is True
    assert anna.get("/api/session").json["guiding"] is False
    assert visitor.get("/guide").headers["Location"] == "/guidance"  # the practice view
    assert visitor.get("/api/guide/practice").json["clients"][0]["name"] == "Anna V."


def test_registering_from_an_invitation_comes_back_to_it(api_app):
    """Creating an account from the invitation page returns to it after the recovery codes."""
    anna = account(api_app, "anna@example.org")
    path = invite(anna)["path"]
    visitor = api_app.test_client()
    created = visitor.post(
        f"/register?next={path}",
        data={
            "csrf_token": api_token(visitor),
            "email": "new@example.org",
            "password": "correct horse battery",
        },
    )
    assert created.status_code == 302
    codes = visitor.get(created.headers["Location"])
    assert f'href="{path}"' in text_of(codes)


def test_invitations_are_refused_when_own_expired_or_revoked(api_app, monkeypatch):
    """Own, expired and revoked invitations are refused with a clear page, in Dutch too."""
    anna = account(api_app, "anna@example.org")
    gerda = account(api_app, "gerda@example.org")
    own = invite(anna)
    refused = anna.get(own["path"])
    assert refused.status_code == 403 and "your own invitation" in text_of(refused)
    assert accept(anna, own["path"]).status_code == 403
    dutch = anna.get(own["path"], headers={"Accept-Language": "nl"})
    assert "je eigen uitnodiging" in text_of(dutch)

    later = clock.now() + timedelta(days=7, minutes=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    expired = accept(gerda, own["path"])
    assert expired.status_code == 410 and "expired" in text_of(expired)
    assert anna.get("/api/guides").json["invitations"] == []
    monkeypatch.undo()

    revoked = invite(anna)
    gone = anna.delete(
        f"/api/guides/invitations/{revoked['id']}", headers={"X-CSRFToken": api_token(anna)}
    )
    assert gone.json == {"deleted": True}
    assert accept(gerda, revoked["path"]).status_code == 410
    assert links(anna) == {}
    assert len(revoked["path"].rsplit("/", 1)[1]) >= 43  # 32 random bytes, base64url


def test_guide_questions_and_replies_reach_the_client_by_pull(story):
    """A question and a reply become the client's entries; the answer shows with the question."""
    gerda, link_a, phone = story["guide_a"], story["link_a"], story["phone"]
    base = f"/guide/clients/{link_a}"
    assert post_form(gerda, f"{base}/question", guide_text="Wat wil je leren?").status_code == 303
    question = next(c for c in phone.pull_all() if c["kind"] == "guide_question")
    assert question["link_id"] == link_a and question["text"] == "Wat wil je leren?"
    assert question["guide_name"] == "gerda@example.org"

    answer = entry(
        text="Ik wil leren delegeren", guide_question_id=question["id"], shared_with=[link_a]
    )
    assert phone.push([put(4, answer)]).status_code == 200
    page = text_of(gerda.get(base))
    assert "Answer to your question: Wat wil je leren?" in page and "Ik wil leren delegeren" in page

    replied = post_form(gerda, f"{base}/reply/{answer['id']}", guide_text="Mooi gezien.")
    assert replied.status_code == 303
    reply = next(c for c in phone.pull_all() if c["kind"] == "guide_reply")
    assert reply["entry_id"] == answer["id"] and reply["text"] == "Mooi gezien."
    secret = story["items"]["secret"]["id"]
    assert post_form(gerda, f"{base}/reply/{secret}", guide_text="Peek").status_code == 404
    too_long = post_form(gerda, f"{base}/question", guide_text="x" * 2001)
    assert too_long.status_code == 303
    assert sum(c["kind"] == "guide_question" for c in phone.pull_all()) == 1


def test_insights_last_visit_and_summaries(story):
    """Insights only when the client allows, from shared reflections only; visits are visible."""
    anna, gerda, link_a, phone = story["anna"], story["guide_a"], story["link_a"], story["phone"]
    assert gerda.get("/api/guide/clients").json["clients"][0]["new_count"] == 1
    assert links(anna)[link_a]["guide_last_seen_at"] is None
    summary = {
        "id": str(uuid.uuid4()),
        "kind": "shared_summary",
        "day": "2026-11-28",
        "period_days": 7,
        "markdown": "# Week\nMostly close ones.",
        "shared_with": [link_a],
        "created_at": "2026-11-28T10:00:00Z",
        "updated_at": "2026-11-28T10:00:00Z",
    }
    assert phone.push([put(4, summary)]).status_code == 200
    changed = anna.patch(
        f"/api/guides/{link_a}",
        json={"show_insights": True, "name_for_guide": "A."},
        headers={"X-CSRFToken": api_token(anna)},
    )
    assert changed.json["show_insights"] is True and changed.json["name_for_guide"] == "A."
    detail = gerda.get(f"/api/guide/clients/{link_a}").json
    close = next(row for row in detail["insights"] if row["circle"] == "close")
    assert close == {"circle": "close", "count": 1, "average_energy": 4.0}
    assert sum(row["count"] for row in detail["insights"]) == 1
    page = text_of(gerda.get(f"/guide/clients/{link_a}"))
    assert "Mostly close ones." in page and "<table>" in page
    assert links(anna)[link_a]["guide_last_seen_at"] is not None
    assert gerda.get("/api/guide/clients").json["clients"][0]["new_count"] == 0


def test_import_never_grants_access(story):
    """An exported and re-imported reflection keeps its text but not its shares."""
    anna = story["anna"]
    exported = json.loads(text_of(anna.get("/api/export?format=json")))
    assert any(item.get("shared_with") == [story["link_a"]] for item in exported["entries"])
    guides = {guide["guide_email"]: guide for guide in exported["guides"]}
    assert set(guides) == {"gerda@example.org", "hugo@example.org"}
    assert guides["gerda@example.org"]["name_for_guide"] == "Anna"
    olga = account(story["app"], "olga2@example.org")
    imported = olga.post("/api/import", json=exported, headers={"X-CSRFToken": api_token(olga)})
    assert imported.json["added"] == 3
    assert all("shared_with" not in change for change in Device(olga).pull_all())


def test_deleting_an_account_ends_every_link_on_both_sides(story):
    """A deleted guide disappears from the client's guides; a deleted client from the guide's."""
    gerda = story["guide_a"]
    gone = gerda.post(
        "/api/account/delete",
        json={"password": "correct horse battery"},
        headers={"X-CSRFToken": api_token(gerda)},
    )
    assert gone.json == {"deleted": True}
    assert list(links(story["anna"])) == [story["link_b"]]
    anna = story["anna"]
    anna.post(
        "/api/account/delete",
        json={"password": "correct horse battery"},
        headers={"X-CSRFToken": api_token(anna)},
    )
    assert story["guide_b"].get("/api/guide/clients").json == {"clients": []}
    hugo = story["guide_b"]
    assert hugo.get(f"/guide/clients/{story['link_b']}").status_code == 302  # to the ended page
    assert hugo.get(f"/api/guide/practice/{story['link_b']}").status_code == 410
    assert hugo.get("/api/guide/practice").json["clients"] == []
