"""A client and a guide, in two browser contexts: invite, share one reflection, ask, answer, stop."""

import re

from axe_playwright_python.sync_playwright import Axe
from helpers import go_to, open_app, wait_until, write_reflection
from playwright.sync_api import Page, expect
from test_sync import SYNC_SECONDS, register, sync_state

GUIDE = "els@example.org"
# The name the guide chooses on accepting: what the client sees, never the email.
GUIDE_NAME = "Els"


def assert_no_violations(page: Page) -> None:
    """Axe finds nothing on the page as it is now."""
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def invite_guide(client: Page) -> str:
    """Invite a guide from Settings; return the invitation's path."""
    go_to(client, "Settings")
    client.get_by_label("Name your guide sees for you").fill("Anna")
    client.get_by_role("button", name="Invite a guide").click()
    url = client.get_by_label(re.compile("Invitation link")).input_value()
    assert "/guide/accept/" in url
    expect(client.get_by_text("Invitation for your guide (your name: Anna)")).to_be_visible()
    return url[url.index("/guide/accept/") :]


def accept(guide: Page, path: str) -> str:
    """Register as the guide, accept the invitation; return the client's page path."""
    open_app(guide)
    register(guide, GUIDE)
    guide.goto(path)
    guide.get_by_label("Your name as your clients see it").fill(GUIDE_NAME)
    guide.get_by_role("button", name="Accept").click()
    guide.wait_for_url(re.compile(r"/guide/clients/\d+$"))
    return guide.url[guide.url.index("/guide/clients/") :]


def guide_sees(guide: Page, path: str, text: str) -> None:
    """Reload the guide's page of the client until text shows (the client syncs within seconds)."""
    wait_until(
        lambda: guide.goto(path) and guide.get_by_text(text).count(),
        f"the guide's page to show {text!r}",
        guide,
        seconds=SYNC_SECONDS // 1000,
    )


def share_in_journal(client: Page, text: str) -> None:
    """Share one reflection with the guide from the journal, offline."""
    go_to(client, "Journal")
    article = client.get_by_role("article").filter(has_text=text)
    article.get_by_role("switch", name="Share with my guide").check()
    expect(
        client.get_by_role("article").filter(has_text=text).get_by_text(f"Shared with {GUIDE_NAME}")
    ).to_be_visible()


def test_client_shares_one_reflection_and_answers_a_question(make_context):
    """Only what is shared reaches the guide; a question goes and comes back; stopping ends it."""
    phone, laptop = make_context(), make_context()
    client, guide = phone.new_page(), laptop.new_page()
    open_app(client)
    register(client, "anna@example.org")
    path = invite_guide(client)
    assert_no_violations(client)
    client_page = accept(guide, path)
    expect(guide.get_by_text("Nothing has been shared with you yet.")).to_be_visible()

    go_to(client, "Settings")  # the guide appears, and the device keeps the link for offline use
    expect(client.get_by_role("heading", name=GUIDE_NAME)).to_be_visible()
    expect(client.get_by_text("Last looked:")).to_be_visible()
    assert_no_violations(client)
    phone.set_offline(True)
    go_to(client, "Today")
    write_reflection(client, "Private one")
    write_reflection(client, "For my guide")
    write_reflection(client, "Private two")
    share_in_journal(client, "For my guide")
    phone.set_offline(False)
    expect(sync_state(client)).to_have_text("All synced", timeout=SYNC_SECONDS)

    guide.goto(client_page)
    expect(guide.get_by_text("For my guide")).to_be_visible()
    expect(guide.get_by_text("Private one")).to_have_count(0)
    expect(guide.get_by_text("Private two")).to_have_count(0)
    assert_no_violations(guide)
    guide.locator("form[action$='/question'] textarea").fill("What gave you energy this week?")
    guide.get_by_role("button", name="Send question").click()

    go_to(client, "Journal")
    go_to(client, "Today")
    card = client.get_by_role("region", name=f"Question from your guide {GUIDE_NAME}")
    expect(card).to_be_visible(timeout=SYNC_SECONDS)
    card.get_by_role("button", name="Answer").click()  # compact until you answer
    expect(card.get_by_text(f"Your answer is shared with {GUIDE_NAME}.")).to_be_visible()
    card.get_by_label("Your answer").fill("The walk with my sister")
    card.get_by_role("button", name="Save").click()
    expect(client.get_by_text("Your answer is saved and shared.")).to_be_visible()
    guide_sees(guide, client_page, "The walk with my sister")
    expect(
        guide.get_by_text("Answer to your question: What gave you energy this week?")
    ).to_be_visible()

    shared = guide.get_by_role("article").filter(has_text="For my guide")
    shared.locator("summary").click()
    shared.get_by_role("textbox").fill("Good to read: what made it work?")
    shared.get_by_role("button", name="Send reply").click()
    go_to(client, "Journal")
    expect(
        client.get_by_role("article")
        .filter(has_text="For my guide")
        .get_by_text(f"{GUIDE_NAME} replied: Good to read: what made it work?")
    ).to_be_visible(timeout=SYNC_SECONDS)

    go_to(client, "Insights")  # the "since last time" summary, shared as a snapshot
    client.get_by_role("button", name="Share with my guide").click()
    expect(client.get_by_text("Shared with your guide.")).to_be_visible()
    guide_sees(guide, client_page, "Shared summaries")

    go_to(client, "Settings")
    client.get_by_role("button", name="Stop sharing").click()
    client.get_by_role("button", name="Yes, stop").click()
    expect(client.get_by_text(f"You no longer share anything with {GUIDE_NAME}.")).to_be_visible()
    guide.goto(client_page)  # a page written for the guide, with nothing of the client's
    expect(guide.get_by_text("This client no longer shares with you")).to_be_visible()
    expect(guide.get_by_text("For my guide")).to_have_count(0)


def test_guide_section_and_pages_are_accessible_in_dutch(make_context, live_server):
    """The guide section of Settings and the guide's pages, in Dutch."""
    client = make_context().new_page()
    open_app(client)
    register(client, "bea@example.org")
    in_dutch(client, live_server)
    client.reload()
    go_to(client, "Instellingen")
    client.get_by_role("button", name="Begeleider uitnodigen").click()
    url = client.get_by_label(re.compile("Uitnodigingslink")).input_value()
    expect(client.get_by_text("Uitnodiging voor je begeleider (je naam: bea)")).to_be_visible()
    assert_no_violations(client)

    guide = make_context().new_page()
    open_app(guide)
    register(guide, GUIDE)
    in_dutch(guide, live_server)
    guide.goto(url[url.index("/guide/accept/") :])
    assert_no_violations(guide)
    guide.get_by_label("Je naam zoals je cliënten die zien").fill(GUIDE_NAME)
    guide.get_by_role("button", name="Aanvaarden").click()
    guide.wait_for_url(re.compile(r"/guide/clients/\d+$"))
    expect(guide.get_by_text("Er is nog niets met jou gedeeld.")).to_be_visible()
    assert_no_violations(guide)
    guide.goto("/guide")
    expect(guide.get_by_role("link", name="bea")).to_be_visible()
    assert_no_violations(guide)
    guide.goto("/settings")  # someone who guides finds the way to the guide's pages in Settings
    guide.get_by_role("link", name="Begeleiding: naar je cliënten").click()
    guide.wait_for_url(re.compile(r"/guidance$"))
    guide.goto("/")  # and a fifth tab, which the client (who guides nobody) does not get
    tabs = guide.get_by_role("navigation", name="Hoofdmenu")
    guide.wait_for_load_state("networkidle")  # the remembered flag and the fresh session answered
    expect(tabs.get_by_role("link", name="Begeleiding", exact=True)).to_have_count(1)
    tabs.get_by_role("link", name="Begeleiding", exact=True).click()
    guide.wait_for_url(re.compile(r"/guidance$"))
    expect(guide.get_by_role("link", name="bea")).to_be_visible()
    assert_no_violations(guide)
    expect(
        client.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Begeleiding")
    ).to_have_count(0)

    client.reload()
    expect(client.get_by_role("heading", name=GUIDE_NAME)).to_be_visible()
    expect(client.get_by_text(re.compile("Laatst gekeken: "))).to_be_visible()
    expect(
        client.get_by_role("checkbox", name="Toon inzichten uit gedeelde reflecties")
    ).to_be_visible()
    assert_no_violations(client)


def in_dutch(page: Page, live_server) -> None:
    """Switch the app and the server's pages to Dutch, as Settings does."""
    page.evaluate("() => localStorage.setItem('lpb.lang', 'nl')")
    page.context.add_cookies([{"name": "lpb_lang", "value": "nl", "url": live_server.url}])
