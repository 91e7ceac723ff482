"""Your data in the browser: export, import into a fresh account, privacy, and deleting it all."""

import json
import re
import sqlite3

import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe
from helpers import go_to, open_app, wait_until, write_reflection
from playwright.sync_api import expect
from test_sync import PASSWORD, register, sync_state

from lpb.extensions import db
from lpb.models import Entry, User

LIVE_FIELDS = ("id", "kind", "text", "circles", "energy", "question_text", "created_at", "day")


def entries_on_device(page):
    """Return the live entries in IndexedDB, by id, with the fields that matter to a reader."""
    entries = page.evaluate("import('/static/js/data/entries.js').then((m) => m.allEntries())")
    return {
        entry["id"]: {field: entry.get(field) for field in LIVE_FIELDS}
        for entry in entries
        if not entry["deleted"]
    }


def test_export_offline_then_import_into_a_fresh_account(make_context, tmp_path, live_server):
    """What one device exports (offline) imports into a new account on another, identical."""
    phone = make_context()
    a = phone.new_page()
    open_app(a)
    write_reflection(a, 'Een reflectie met "aanhalingstekens"', circles=["Yourself"], energy=5)
    write_reflection(a, "A second one,\nover two lines", circles=["Society", "Place and planet"])
    phone.set_offline(True)
    go_to(a, "Settings")
    with a.expect_download() as download:
        a.get_by_role("button", name="Export (JSON)").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    document = json.loads(exported.read_text())
    assert document["format"] == "levensloopbaan-export" and len(document["entries"]) == 2
    with a.expect_download() as markdown:
        a.get_by_role("button", name="Export (Markdown)").click()
    assert "A second one,\nover two lines" in markdown.value.path().read_text()

    laptop = make_context()
    b = laptop.new_page()
    open_app(b)
    register(b, "fenna@example.org")
    go_to(b, "Settings")
    b.get_by_label("Import a JSON export").set_input_files(exported)
    expect(b.get_by_text("2 added; 0 were already here.")).to_be_visible()
    b.get_by_label("Import a JSON export").set_input_files(exported)
    expect(b.get_by_text("0 added; 2 were already here.")).to_be_visible()
    assert entries_on_device(b) == entries_on_device(a)
    expect(sync_state(b)).to_have_text("All synced", timeout=15_000)
    with live_server.app.app_context():
        texts = sorted(entry.body["text"] for entry in db.session.scalars(sa.select(Entry)))
    assert texts == sorted(entry["text"] for entry in document["entries"])


def test_a_file_that_is_not_an_export_is_refused(page, tmp_path):
    """Importing some other file says so and changes nothing."""
    open_app(page)
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}')
    go_to(page, "Settings")
    page.get_by_label("Import a JSON export").set_input_files(other)
    expect(page.get_by_text("This file is not a Levensloopbaan export.")).to_be_visible()


def test_privacy_page_in_both_languages(make_context):
    """The privacy page says what is kept where, in English and Dutch, offline too."""
    for locale, heading, words in (
        ("en-GB", "On your device", "argon2id"),
        ("nl-BE", "Op je toestel", "argon2id"),
    ):
        context = make_context(locale=locale)
        page = context.new_page()
        open_app(page, "/settings")
        context.set_offline(True)
        page.get_by_role(
            "link", name="What we keep" if locale == "en-GB" else "Wat we bewaren"
        ).click()
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.get_by_text(words).first).to_be_visible()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()


def test_deleting_the_account_from_the_app(make_context, live_server):
    """Delete account asks for the password, erases the server's copy, and clears the device."""
    phone = make_context()
    page = phone.new_page()
    open_app(page)
    register(page, "gijs@example.org")
    write_reflection(page, "Soon gone")
    expect(sync_state(page)).to_have_text("All synced", timeout=15_000)
    go_to(page, "Settings")
    page.get_by_text("Delete account", exact=True).click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_label("Your password, to confirm").fill("not my password")
    page.get_by_role("button", name="Delete account for good").click()
    expect(page.get_by_text("That password is not right. Nothing was deleted.")).to_be_visible()
    page.get_by_label("Your password, to confirm").fill(PASSWORD)
    page.get_by_role("button", name="Delete account for good").click()
    page.wait_for_url("**/")
    page.locator("#main .view").wait_for()
    assert entries_on_device(page) == {}
    with live_server.app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Entry)) == 0


def test_guessing_the_password_to_delete_is_slowed_down(make_context, live_server):
    """After five wrong passwords the form says how long to wait, and nothing is deleted."""
    phone = make_context()
    page = phone.new_page()
    open_app(page)
    register(page, "hugo@example.org")
    go_to(page, "Settings")
    page.get_by_text("Delete account", exact=True).click()
    for _ in range(5):
        page.get_by_label("Your password, to confirm").fill("not my password")
        page.get_by_role("button", name="Delete account for good").click()
        expect(page.get_by_text("That password is not right. Nothing was deleted.")).to_be_visible()
        page.evaluate("document.querySelector('.danger-zone [role=alert]').textContent = ''")
    page.get_by_label("Your password, to confirm").fill(PASSWORD)
    page.get_by_role("button", name="Delete account for good").click()
    expect(
        page.get_by_text(re.compile(r"^Too many tries. Try again in \d+ seconds"))
    ).to_be_visible()
    with live_server.app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def server_holds(live_server, count, seconds=15):
    """Wait until the server holds count entries (a save syncs half a second later)."""

    def held():
        with live_server.app.app_context():
            return db.session.scalar(sa.select(sa.func.count()).select_from(Entry))

    wait_until(lambda: held() == count, f"the server to hold {count} entries", seconds=seconds)


def test_a_device_refills_a_server_restored_from_an_older_backup(
    make_context, live_server, tmp_path
):
    """After a restore from a backup, the device sends back what the backup missed, once."""
    phone = make_context()
    page = phone.new_page()
    open_app(page)
    register(page, "hanna@example.org")
    write_reflection(page, "Before the backup")
    server_holds(live_server, 1)
    backup = tmp_path / "backup.sqlite"
    runner = live_server.app.test_cli_runner()
    assert runner.invoke(args=["backup", str(backup)]).exit_code == 0
    write_reflection(page, "After the backup")
    server_holds(live_server, 2)

    phone.set_offline(True)
    with live_server.app.app_context():
        database = sa.make_url(live_server.app.config["SQLALCHEMY_DATABASE_URI"]).database
        assert database is not None
        db.engine.dispose()
        # Restore the old copy through SQLite itself: the same content as copying the file back
        # with the app stopped, done safely while the test server keeps running.
        with sqlite3.connect(backup) as old, sqlite3.connect(database) as current:
            old.backup(current)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Entry)) == 1
    phone.set_offline(False)

    server_holds(live_server, 2)
    expect(sync_state(page)).to_have_text("All synced", timeout=15_000)
    with live_server.app.app_context():
        texts = sorted(entry.body["text"] for entry in db.session.scalars(sa.select(Entry)))
    assert texts == ["After the backup", "Before the backup"]
    go_to(page, "Journal")
    expect(page.get_by_role("article")).to_have_count(2)
    expect(page.get_by_text("Conflict:")).to_have_count(0)
