"""A guide's practice in the app, with a client in a second browser: the list, a client's page,
private notes, a session, the guide's name, offline reading, and a client who stops sharing."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect
from test_guidance_ui import (
    GUIDE_NAME,
    accept,
    assert_no_violations,
    in_dutch,
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
    expect(item.get_by_text("1 reflection and 0 answers since your last visit")).to_be_visible()
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
    expect(since.get_by_text("1 reflection shared, 0 questions answered")).to_be_visible()
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

    chart = guide.get_by_role("region", name="Energy and meaning per circle")
    expect(chart).to_have_count(0)  # insights only where the client allows them
    go_to(client, "Settings")
    client.get_by_role("checkbox", name="Show insights from shared reflections").check()
    expect(
        client.get_by_role("checkbox", name="Show insights from shared reflections")
    ).to_be_checked()
    for _ in range(10):  # the change is saved on the server as soon as it is answered
        guide.reload()
        if chart.count():
            break
    expect(chart.locator("svg")).to_be_visible()
    expect(chart.get_by_role("row", name=re.compile(r"^Yourself 2 3 –$"))).to_be_visible()
    assert_no_violations(guide)

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


def no_sideways_scroll(page: Page) -> None:
    """Nothing sticks out sideways: the page needs no horizontal scrolling."""
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1")


def test_in_dutch_in_the_guides_time_zone_accessible_wide_narrow_and_at_200_percent(
    make_context, live_server
):
    """Dutch texts, local times (not UTC), axe at 360 and 1280 px and with text at 200%."""
    client, guide, link_id = client_with_guide(make_context, timezone_id="Europe/Amsterdam")
    share(client, ("Een wandeling na het overleg", 4))
    for page in (client, guide):
        in_dutch(page, live_server)
    guide.goto("/guidance")
    expect(guide.get_by_role("heading", name="Je cliënten")).to_be_visible()
    seen = guide.request.get("/api/guide/practice").json()["clients"][0]["guide_last_seen_at"]
    local = datetime.fromisoformat(seen.replace("Z", "+00:00")).astimezone(
        ZoneInfo("Europe/Amsterdam")
    )
    visit = guide.get_by_text(re.compile(r"^Vorig bezoek: "))
    expect(visit).to_have_text(
        re.compile(rf"^Vorig bezoek: [a-z]+dag {local.day} [a-z]+, {local:%H:%M}$")
    )
    for width in (360, 1280):
        guide.set_viewport_size({"width": width, "height": 800})
        assert_no_violations(guide)
        no_sideways_scroll(guide)
    guide.set_viewport_size({"width": 360, "height": 740})
    guide.get_by_role("link", name="Anna").click()
    guide.get_by_label("Notities (alleen jij leest ze)").fill("Vragen naar de cursus")
    expect(guide.get_by_text(re.compile(r"^Bewaard om \d\d:\d\d$"))).to_be_visible()
    guide.get_by_role("button", name="Gesprek vastleggen").click()
    expect(
        guide.get_by_role("region", name=re.compile(r"^Sinds het laatste gesprek \(\w+dag"))
    ).to_be_visible()
    expect(guide.get_by_text("Energie 4/5").first).to_be_visible()
    for width in (360, 1280):
        guide.set_viewport_size({"width": width, "height": 800})
        assert_no_violations(guide)
        no_sideways_scroll(guide)
    guide.set_viewport_size({"width": 360, "height": 740})
    guide.evaluate("document.documentElement.style.fontSize = '200%'")
    assert_no_violations(guide)
    no_sideways_scroll(guide)
    guide.get_by_role("link", name="Terug naar je cliënten").click()
    expect(guide.get_by_role("heading", name="Je cliënten")).to_be_visible()
    assert_no_violations(guide)
    no_sideways_scroll(guide)

    client.goto("/privacy")  # the client is told that a guide may keep notes of their own
    expect(client.get_by_text(re.compile("Een begeleider mag eigen notities"))).to_be_visible()
    client.goto(f"/guidance/client?id={link_id}")  # not the client's to see: nothing of the guide's
    expect(client.get_by_text("Vragen naar de cursus")).to_have_count(0)
