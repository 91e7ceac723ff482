"""Two devices of one account, in two browser contexts, kept in step by sync."""

import json
import sqlite3

import pytest
import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe
from helpers import go_to, open_app, wait_until, write_reflection
from playwright.sync_api import expect

from lpb.extensions import db
from lpb.models import Entry, Session

PASSWORD = "a long enough password"
SYNC_SECONDS = (
    15_000  # the app syncs every 10 s while open, and at once after a save or going online
)


def register(page, email):
    """Create an account through the form; past the recovery codes, the app opens, signed in."""
    page.goto("/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("link", name="I saved them, continue to the app").click()
    page.locator("#main .view").wait_for()


def sign_in(page, email):
    """Sign in through the form."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("#main .view").wait_for()


def sync_state(page):
    """Return the sync status line."""
    return page.locator("#sync-state")


def test_offline_changes_reach_the_other_device(make_context):
    """A writes, edits and deletes offline; back online, B shows exactly that, untouched."""
    phone, laptop = make_context(), make_context()
    a, b = phone.new_page(), laptop.new_page()
    open_app(a)
    write_reflection(a, "Written before having an account")
    register(a, "anna@example.org")
    expect(sync_state(a)).to_have_text("All synced")

    b.goto("/login")
    sign_in(b, "anna@example.org")
    go_to(b, "Journal")
    expect(b.get_by_role("article")).to_have_count(1, timeout=SYNC_SECONDS)

    phone.set_offline(True)
    go_to(a, "Today")
    write_reflection(a, "Kept as written")
    write_reflection(a, "To be sharpened")
    write_reflection(a, "To be deleted")
    expect(sync_state(a)).to_contain_text("Offline")
    go_to(a, "Journal")
    a.get_by_role("article").filter(has_text="To be sharpened").get_by_role(
        "button", name="Edit"
    ).click()
    a.get_by_role("textbox", name="Your reflection").fill("Sharpened offline")
    a.get_by_role("button", name="Save").click()
    a.get_by_role("article").filter(has_text="To be deleted").get_by_role(
        "button", name="Delete"
    ).click()
    expect(sync_state(a)).to_have_text("Offline · 5 changes go along once you are back online")

    phone.set_offline(False)
    expect(sync_state(a)).to_have_text("All synced", timeout=SYNC_SECONDS)
    articles = b.get_by_role("article")
    expect(articles).to_have_count(3, timeout=SYNC_SECONDS)
    expect(articles.nth(0)).to_contain_text("Sharpened offline")
    expect(articles.nth(1)).to_contain_text("Kept as written")
    expect(articles.nth(2)).to_contain_text("Written before having an account")
    expect(b.get_by_text("To be deleted")).to_have_count(0)
    expect(b.get_by_text("To be sharpened")).to_have_count(0)


def test_expired_session_keeps_the_queue_until_signed_in(make_context, live_server):
    """A session that ended while offline keeps the entries, asks to sign in, then syncs them."""
    phone = make_context()
    page = phone.new_page()
    open_app(page)
    register(page, "bert@example.org")
    expect(sync_state(page)).to_have_text("All synced")

    phone.set_offline(True)
    write_reflection(page, "Written on the train")
    with live_server.app.app_context():
        db.session.execute(sa.delete(Session))
        db.session.commit()
    phone.set_offline(False)
    expect(sync_state(page)).to_have_text("Sign in again to sync", timeout=SYNC_SECONDS)
    go_to(page, "Journal")
    expect(page.get_by_role("article")).to_contain_text("Written on the train")

    sync_state(page).get_by_role("link").click()
    sign_in(page, "bert@example.org")
    expect(sync_state(page)).to_have_text("All synced", timeout=SYNC_SECONDS)
    with live_server.app.app_context():
        texts = [entry.body.get("text") for entry in db.session.scalars(sa.select(Entry))]
    assert texts == ["Written on the train"]


def test_sign_out_warns_about_unsynced_entries_and_clears_the_device(make_context):
    """Signing out on a shared device warns when entries wait, then leaves nothing behind."""
    phone = make_context()
    page = phone.new_page()
    open_app(page)
    register(page, "carla@example.org")
    phone.set_offline(True)
    write_reflection(page, "Not on the server yet")
    go_to(page, "Settings")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("1 change is not on the server yet.")).to_be_visible()
    phone.set_offline(False)
    page.get_by_role("button", name="Sync first").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/")
    page.locator("#main .view").wait_for()
    go_to(page, "Journal")
    expect(page.get_by_text("No reflections yet.")).to_be_visible()
    go_to(page, "Settings")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_colliding_edits_are_both_kept_and_can_be_merged(make_context):
    """Two devices edit one entry offline; both texts survive, clearly marked, until merged."""
    phone, laptop = make_context(), make_context()
    a, b = phone.new_page(), laptop.new_page()
    open_app(a)
    register(a, "dirk@example.org")
    write_reflection(a, "First version")
    expect(sync_state(a)).to_have_text("All synced", timeout=SYNC_SECONDS)
    b.goto("/login")
    sign_in(b, "dirk@example.org")
    go_to(b, "Journal")
    expect(b.get_by_role("article")).to_have_count(1, timeout=SYNC_SECONDS)

    for context, page, text in ((phone, a, "Phone version"), (laptop, b, "Laptop version")):
        context.set_offline(True)
        if page is a:
            go_to(a, "Journal")
        page.get_by_role("button", name="Edit").click()
        page.get_by_role("textbox", name="Your reflection").fill(text)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("article")).to_contain_text(text)
    phone.set_offline(False)
    expect(sync_state(a)).to_have_text("All synced", timeout=SYNC_SECONDS)
    laptop.set_offline(False)
    expect(sync_state(b)).to_have_text("All synced", timeout=SYNC_SECONDS)

    for page in (a, b):
        expect(page.get_by_role("article")).to_have_count(2, timeout=SYNC_SECONDS)
        copy = page.get_by_role("article").filter(has_text="Conflict:")
        expect(copy).to_contain_text("Laptop version")
        expect(page.get_by_role("article").nth(0)).to_contain_text("Phone version")

    b.get_by_role("article").filter(has_text="Conflict:").get_by_role(
        "button", name="Keep this one"
    ).click()
    expect(b.get_by_role("article")).to_have_count(1)
    expect(b.get_by_role("article")).to_contain_text("Laptop version")
    expect(a.get_by_role("article")).to_have_count(1, timeout=SYNC_SECONDS)
    expect(a.get_by_role("article")).to_contain_text("Laptop version")


@pytest.mark.parametrize("locale", ["en-GB", "nl-NL"])
def test_account_pages_are_accessible(make_context, locale):
    """axe finds nothing on the sign-in, create-account and account pages, errors shown included."""
    page = make_context(locale=locale).new_page()
    axe = Axe()
    page.goto("/register")
    page.locator("button[type=submit]").click()
    assert axe.run(page).violations_count == 0
    page.goto("/login")
    assert axe.run(page).violations_count == 0
    page.goto("/register")
    page.locator("#email").fill("eva@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.goto("/account")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_todays_question_is_the_same_on_every_device_of_an_account(make_context):
    """Signed in to one account, the phone and the laptop ask the same question today."""
    phone, laptop = make_context(), make_context(locale="nl-BE")
    a, b = phone.new_page(), laptop.new_page()
    open_app(a)
    register(a, "ilse@example.org")
    b.goto("/login")
    b.get_by_label("E-mailadres").fill("ilse@example.org")
    b.get_by_label("Wachtwoord").fill(PASSWORD)
    b.get_by_role("button", name="Aanmelden").click()
    expect(sync_state(a)).to_have_text("All synced", timeout=SYNC_SECONDS)
    expect(sync_state(b)).to_have_text("Alles gesynchroniseerd", timeout=SYNC_SECONDS)
    a.reload()
    b.reload()
    english = a.locator("#question").inner_text()
    dutch = b.locator("#question").inner_text()
    questions = json.loads(a.evaluate("fetch('/api/questions').then((r) => r.text())"))
    asked = next(question for question in questions if question["en"] == english)
    assert asked["nl"] == dutch


def test_signing_in_offline_says_a_connection_is_needed(context, page):
    """Offline, "Sign in" explains that it needs a connection instead of failing."""
    open_app(page, "/settings")
    context.set_offline(True)
    page.get_by_role("link", name="Sign in").click()
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    expect(page.get_by_text("You can keep writing")).to_be_visible()


def test_a_busy_server_is_waited_for_and_the_change_still_arrives(make_context, live_server):
    """While another writer holds the database, a push is answered 503 busy; the app says so and
    sends it again after Retry-After, well before its next periodic round."""
    phone = make_context()
    page = phone.new_page()
    open_app(page)
    register(page, "carla@example.org")
    expect(sync_state(page)).to_have_text("All synced")

    database = live_server.app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    other_writer = sqlite3.connect(database, isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")  # SQLite's one write lock, held like a long import
    try:
        write_reflection(page, "Sent while the server was busy")
        expect(sync_state(page)).to_contain_text("The server is busy", timeout=30_000)
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()
    expect(sync_state(page)).to_have_text("All synced", timeout=6_000)
    with live_server.app.app_context():
        texts = [entry.body.get("text") for entry in db.session.scalars(sa.select(Entry))]
    assert texts == ["Sent while the server was busy"]


def test_an_offline_reflection_is_sent_with_no_page_open(context, page, live_server):
    """Saved offline, the page closed, back online: the worker's Background Sync sends it."""
    open_app(page)
    register(page, "noor@example.org")
    expect(page.locator("#sync-state")).to_have_text("All synced", timeout=15_000)
    context.set_offline(True)
    write_reflection(page, "Written in a tunnel")
    # The page asks for a Background Sync as it saves; wait for the browser to hold it, then close.
    tags = "navigator.serviceWorker.ready.then((r) => r.sync.getTags())"
    wait_until(lambda: "outbox" in page.evaluate(tags), "a Background Sync for the outbox", page)
    page.close()
    context.set_offline(False)

    def texts():
        with live_server.app.app_context():
            return [entry.body.get("text") for entry in db.session.scalars(sa.select(Entry))]

    wait_until(lambda: "Written in a tunnel" in texts(), "the worker to send it", seconds=30)
    assert context.pages == []
    assert texts() == ["Written in a tunnel"]
