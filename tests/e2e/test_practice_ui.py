"""A guide's practice in the app, with a client in a second browser: the list, a client's page,
private notes, a session, the guide's name, offline reading, and a client who stops sharing."""

import re
from datetime import date, timedelta

from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect
from test_guidance_ui import (
    GUIDE_NAME,
    accept,
    assert_no_violations,
    invite_guide,
    share_in_journal,
)
from test_sync import SYNC_SECONDS, register, sync_state

NOTE = "Ask about the sabbatical she hinted at"


def client_with_guide(make_context, **options) -> tuple[Page, Page, int]:
    """Return a client and a guide (each in their own browser), linked; and the link id."""
    client, guide = make_context(**options).new_page(), make_context(**options).new_page()
    open_app(client)
    register(client, "anna@example.org")
    path = invite_guide(client)
    page = accept(guide, path)
    go_to(client, "Settings")  # the device learns of the guide, for the share switches
    expect(client.get_by_role("heading", name=GUIDE_NAME)).to_be_visible()
    return client, guide, int(page.rsplit("/", 1)[1])


def share(client: Page, *texts_and_energies: tuple[str, int]) -> None:
    """Write reflections in the self circle, share them with the guide, and wait until synced."""
    go_to(client, "Today")
    expect(client.locator("form.today, .card.done").first).to_be_visible()
    for text, energy in texts_and_energies:
        write_reflection(client, text, circles=("Yourself",), energy=energy)
    for text, _ in texts_and_energies:
        share_in_journal(client, text)
    expect(sync_state(client)).to_have_text("All synced", timeout=SYNC_SECONDS)


def open_practice(guide: Page) -> None:
    """Open the Guidance tab."""
    guide.goto("/")
    guide.get_by_role("navigation").get_by_role("link", name="Guidance", exact=True).click()
    expect(guide.get_by_role("heading", name="Your clients")).to_be_visible()


def test_practice_view_client_page_notes_and_session(make_context):
    """The guide finds what is new, reads it, keeps notes the client never sees, records a session."""
    client, guide, link_id = client_with_guide(make_context)
    share(client, ("For my guide", 2), ("Kept to myself", 5))  # the second unshared below
    go_to(client, "Journal")
    client.get_by_role("article").filter(has_text="Kept to myself").get_by_role(
        "switch", name="Share with my guide"
    ).uncheck()
    expect(sync_state(client)).to_have_text("All synced", timeout=SYNC_SECONDS)

    open_practice(guide)
    item = guide.get_by_role("listitem").filter(has_text="Anna")
    expect(item.get_by_text("1 new reflections, 0 answers since your last visit")).to_be_visible()
    expect(
        item.get_by_text(re.compile(r"^Last active: \w+day, \w+ \d+, \d\d:\d\d [AP]M$"))
    ).to_be_visible()
    guide.get_by_label("Search by name").fill("ANN")
    expect(guide.get_by_role("link", name="Anna")).to_be_visible()
    guide.get_by_label("Search by name").fill("zz")
    expect(guide.get_by_text("No client by that name.")).to_be_visible()
    guide.get_by_label("Search by name").fill("")
    assert_no_violations(guide)

    guide.get_by_role("link", name="Anna").click()
    expect(guide.get_by_role("heading", name="Anna", level=1)).to_be_visible()
    shared = guide.get_by_role("article").filter(has_text="For my guide")
    expect(shared.get_by_text("Energy 2/5")).to_be_visible()
    expect(shared.get_by_text("Yourself")).to_be_visible()
    expect(guide.get_by_text("Kept to myself")).to_have_count(0)

    guide.get_by_label("Notes (only you read them)").fill(NOTE)
    expect(guide.get_by_text(re.compile(r"^Saved at \d\d:\d\d( [AP]M)?$"))).to_be_visible()
    # Yesterday's session: what was written from that day on is "since" (the trend is unit-tested).
    guide.get_by_label("Session held on").fill((date.today() - timedelta(days=1)).isoformat())
    guide.get_by_role("button", name="Record session").click()
    since = guide.get_by_role("region", name=re.compile("^Since the last session"))
    expect(since).to_be_visible()
    expect(since.get_by_text("1 reflections shared, 0 questions answered")).to_be_visible()
    expect(since.get_by_text("Energy: too little to compare")).to_be_visible()
    assert_no_violations(guide)

    share(client, ("After our talk", 4))  # the page then opens on what came since
    guide.reload()
    since = guide.get_by_role("region", name=re.compile("^Since the last session"))
    expect(since.get_by_text("2 reflections shared, 0 questions answered")).to_be_visible()
    expect(since.get_by_text("After our talk")).to_be_visible()
    expect(guide.get_by_label("Notes (only you read them)")).to_have_value(NOTE)
    guide.emulate_media(media="print")  # the printout: since the last session, not the notes
    expect(since).to_be_visible()
    expect(guide.get_by_label("Notes (only you read them)")).to_be_hidden()
    expect(guide.get_by_role("navigation")).to_be_hidden()
    pdf = guide.pdf(format="A4")  # printed with the print stylesheet
    assert 1 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 2
    guide.emulate_media(media="screen")

    for view in ("Today", "Journal", "Insights", "Settings"):  # the client never meets the notes
        go_to(client, view)
        expect(client.locator("#main .view")).to_be_visible()
        expect(client.get_by_text(NOTE)).to_have_count(0)
    assert link_id > 0


def test_offline_reading_and_a_client_who_stops_sharing(make_context):
    """Offline the guide reads what the device kept; after "Stop sharing" only the notes are left."""
    client, guide, link_id = client_with_guide(make_context)
    share(client, ("Read me on the train", 3))
    open_app(guide, "/guidance")
    guide.get_by_role("link", name="Anna").click()
    expect(guide.get_by_text("Read me on the train")).to_be_visible()
    guide.get_by_label("Notes (only you read them)").fill(NOTE)
    expect(guide.get_by_text(re.compile(r"^Saved at"))).to_be_visible()

    guide.context.set_offline(True)
    guide.reload()
    expect(guide.get_by_text("You are offline: this is what this device kept.")).to_be_visible()
    expect(guide.get_by_text("Read me on the train")).to_be_visible()
    guide.get_by_role("link", name="Back to your clients").click()
    expect(
        guide.get_by_text(re.compile("^You are offline: you see what this device kept on"))
    ).to_be_visible()
    expect(guide.get_by_role("link", name="Anna")).to_be_visible()
    guide.context.set_offline(False)

    go_to(client, "Settings")
    client.get_by_role("button", name="Stop sharing").click()
    client.get_by_role("button", name="Yes, stop").click()
    expect(client.get_by_text(f"You no longer share anything with {GUIDE_NAME}.")).to_be_visible()

    guide.reload()  # the next fetch forgets what the device kept of Anna
    expect(guide.get_by_role("link", name="Anna")).to_have_count(0)
    guide.get_by_role("link", name="Anna: your notes are kept").click()
    expect(guide.get_by_text("This client no longer shares with you")).to_be_visible()
    expect(guide.get_by_text(NOTE)).to_be_visible()
    expect(guide.get_by_text("Read me on the train")).to_have_count(0)
    assert_no_violations(guide)
    guide.context.set_offline(True)
    guide.reload()
    expect(guide.get_by_text("Read me on the train")).to_have_count(0)
    guide.context.set_offline(False)
    guide.reload()
    guide.get_by_role("button", name="Delete notes").click()
    expect(guide.get_by_text("Your notes are deleted.")).to_be_visible()
    expect(guide.get_by_text(NOTE)).to_have_count(0)
    guide.goto(f"/guide/clients/{link_id}")  # the server's fallback page of an ended link
    guide.goto(f"/guidance/client?id={link_id}")
    expect(guide.get_by_text("This client no longer shares with you")).to_be_visible()
