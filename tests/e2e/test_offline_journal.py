"""Journaling on the phone, online and offline, in a real Chromium."""

import re
from datetime import datetime, timedelta

from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Dialog, expect


def test_reload_offline_gives_a_working_app(context, page):
    """After one visit the app opens and saves with no connection."""
    open_app(page)
    context.set_offline(True)
    page.reload()
    question = page.locator("#question")
    expect(question).not_to_be_empty()
    expect(page.get_by_role("textbox", name=question.inner_text())).to_be_visible()
    write_reflection(page, "Written on the train.")
    go_to(page, "Journal")
    expect(page.get_by_role("article")).to_have_count(1)


def test_first_install_says_the_app_works_offline(page):
    """The first visit tells the user that the app now works without a connection."""
    open_app(page)
    expect(page.get_by_text("The app now works offline.")).to_be_visible()


def test_three_entries_saved_offline_survive_an_offline_reload(context, page):
    """Entries written offline are on the device, newest first, after reloading offline."""
    open_app(page)
    context.set_offline(True)
    for number in (1, 2, 3):
        write_reflection(page, f"Offline reflection {number}")
    page.reload()
    go_to(page, "Journal")
    articles = page.get_by_role("article")
    expect(articles).to_have_count(3)
    expect(articles.nth(0)).to_contain_text("Offline reflection 3")
    expect(articles.nth(2)).to_contain_text("Offline reflection 1")


def test_circles_and_energy_are_kept(page):
    """The chosen circles and energy are shown with the entry in the journal."""
    open_app(page)
    write_reflection(
        page, "A good talk with my sister.", circles=["Close ones", "Yourself"], energy=4
    )
    go_to(page, "Journal")
    article = page.get_by_role("article")
    expect(article).to_contain_text("Close ones")
    expect(article).to_contain_text("Yourself")
    expect(article).to_contain_text("Energy 4 of 5")


def test_empty_reflection_is_not_saved(page):
    """Saving nothing says what to do instead of storing an empty entry."""
    open_app(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Write a few words first.")).to_be_visible()
    go_to(page, "Journal")
    expect(page.get_by_text("No reflections yet.")).to_be_visible()


def test_edit_and_delete_work_offline(context, page):
    """Offline, an entry can be edited, deleted, and the delete undone."""
    open_app(page)
    context.set_offline(True)
    write_reflection(page, "First thought")
    write_reflection(page, "Second thought")
    go_to(page, "Journal")

    first = page.get_by_role("article").filter(has_text="First thought")
    first.get_by_role("button", name="Edit").click()
    editor = page.get_by_role("textbox", name="Your reflection")
    editor.fill("First thought, sharpened")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("article").filter(has_text="First thought, sharpened")).to_have_count(1)

    second = page.get_by_role("article").filter(has_text="Second thought")
    second.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("article")).to_have_count(1)
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("article")).to_have_count(2)

    page.get_by_role("article").filter(has_text="Second thought").get_by_role(
        "button", name="Delete"
    ).click()
    expect(page.get_by_text("Reflection deleted.")).to_be_visible()
    page.reload()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article")).to_contain_text("First thought, sharpened")


def test_search_filters_as_you_type(page):
    """The Search box narrows the journal with every keystroke, ignoring accents and case."""
    open_app(page)
    write_reflection(page, "Koffie met Anaïs")
    write_reflection(page, "Long walk by the river")
    go_to(page, "Journal")
    search = page.get_by_role("searchbox", name="Search")
    search.press_sequentially("anai")
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article")).to_contain_text("Anaïs")
    search.fill("nothing like this")
    expect(page.get_by_role("article")).to_have_count(0)
    expect(page.get_by_text("No reflections found")).to_be_visible()
    search.fill("")
    expect(page.get_by_role("article")).to_have_count(2)


def stop_the_clock(page):
    """Stop the page's timers, so the typing delay never writes the draft: only closing does."""
    page.clock.install()
    page.clock.pause_at(datetime.now() + timedelta(minutes=1))


def test_draft_survives_closing_the_page(context):
    """Text typed but not saved is there again after the page is closed at once and reopened."""
    page = context.new_page()
    open_app(page)
    stop_the_clock(page)
    page.locator("#reflection").fill("Half a thought I must not lose")
    # The day's question comes with its own circles chosen: choose one it did not choose.
    circle = page.locator("form.today .chip[aria-pressed=false]").first.get_attribute("data-circle")
    chip = page.locator(f"form.today .chip[data-circle={circle}]")
    chip.click()
    expect(chip).to_have_attribute("aria-pressed", "true")
    page.close()

    context.clock.resume()
    again = context.new_page()
    open_app(again)
    expect(again.locator("#reflection")).to_have_value("Half a thought I must not lose")
    expect(again.locator(f"form.today .chip[data-circle={circle}]")).to_have_attribute(
        "aria-pressed", "true"
    )


def test_edit_draft_survives_closing_the_page(context):
    """An unsaved edit opens again, with its text, after the page was closed."""
    page = context.new_page()
    open_app(page)
    write_reflection(page, "Original words")
    go_to(page, "Journal")
    page.get_by_role("button", name="Edit").click()
    stop_the_clock(page)
    page.get_by_role("textbox", name="Your reflection").fill("Original words, and more")
    page.close()

    context.clock.resume()
    again = context.new_page()
    open_app(again, "/journal")
    expect(again.get_by_role("textbox", name="Your reflection")).to_have_value(
        "Original words, and more"
    )


def test_entry_text_is_shown_as_text(page):
    """HTML in an entry is shown literally and never runs."""
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    open_app(page)
    payload = "<img src=x onerror=alert(1)>"
    write_reflection(page, payload)
    go_to(page, "Journal")
    expect(page.get_by_role("article")).to_contain_text(payload)
    expect(page.locator("article img")).to_have_count(0)
    page.reload()
    expect(page.get_by_role("article")).to_contain_text(payload)
    expect(page.locator("article img")).to_have_count(0)
    assert dialogs == []


def test_another_question_draws_a_different_one(page):
    """ "Another question" changes the question, and the text area's name follows it."""
    open_app(page)
    question = page.locator("#question")
    before = question.inner_text()
    page.get_by_role("button", name="Another question").click()
    expect(question).not_to_have_text(before)
    expect(page.get_by_role("textbox", name=question.inner_text())).to_be_visible()


def test_full_storage_gives_a_clear_message_and_no_half_entry(context, page, live_server):
    """When the device is full, saving says so, keeps the text, and stores nothing."""
    cdp = context.new_cdp_session(page)
    # Chromium applies a quota override to storage opened after it, so set it before the visit.
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url, "quotaSize": 1})
    page.goto("/")
    page.locator("#main .view").wait_for()
    page.locator("#reflection").fill("A reflection that does not fit")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your device has no storage left.")).to_be_visible()
    expect(page.locator("#reflection")).to_have_value("A reflection that does not fit")

    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url})
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    go_to(page, "Journal")
    expect(page.get_by_role("article")).to_have_count(1)


def test_unknown_url_online_is_a_friendly_404(page, live_server):
    """Online, an unknown address gets the server's friendly 404 page."""
    response = page.goto("/no/such/page")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    expect(page.get_by_role("link", name="Go to Today")).to_be_visible()


def test_unknown_url_offline_gets_the_cached_shell(context, page):
    """Offline, an unknown address opens the app, which says the page does not exist."""
    open_app(page)
    context.set_offline(True)
    page.goto("/no/such/page")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    page.get_by_role("link", name="Go to Today").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("#reflection")).to_be_visible()


def test_entries_from_the_first_database_version_are_kept_and_queued(page):
    """Upgrading the device database from version 1 keeps every entry and queues it for sync."""
    page.goto("/manifest.json")
    page.evaluate(
        """() => new Promise((resolve, reject) => {
          const request = indexedDB.open('levensloopbaan', 1);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('entries', { keyPath: 'id' }).createIndex('by_created', 'created_at');
            db.createObjectStore('drafts', { keyPath: 'key' });
            db.createObjectStore('meta', { keyPath: 'key' });
          };
          request.onsuccess = () => {
            const tx = request.result.transaction('entries', 'readwrite');
            tx.objectStore('entries').put({
              id: '0b5f8c1e-1c2d-4e3f-8a9b-0c1d2e3f4a5b', kind: 'reflection', text: 'From version 1',
              circles: ['self'], energy: null, question_id: null, question_text: '', day: '2026-11-27',
              created_at: '2026-11-27T08:00:00.000Z', updated_at: '2026-11-27T08:00:00.000Z',
              deleted: false, version: 0, sync: 'pending',
            });
            tx.oncomplete = () => { request.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        })"""
    )
    open_app(page, "/journal")
    expect(page.get_by_role("article")).to_contain_text("From version 1")
    waiting = page.evaluate(
        "import('/static/js/data/sync-store.js').then((store) => store.countWaiting())"
    )
    assert waiting == 1
