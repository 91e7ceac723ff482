"""A guide's words always arrive, and only while the link lasts: replies, questions, suggestions.

Each test drives a client and a guide in two browser contexts (two devices, two people).
"""

import re

from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect
from test_guidance_ui import GUIDE, accept, guide_sees, invite_guide, share_in_journal
from test_sync import SYNC_SECONDS, register, sign_in, sync_state


def linked_pair(make_context, email="anna@example.org") -> tuple[Page, Page, str]:
    """Return a signed-in client, their guide's page, and the path of the client's page."""
    client, guide = make_context().new_page(), make_context().new_page()
    open_app(client)
    register(client, email)
    client_page = accept(guide, invite_guide(client))
    go_to(client, "Settings")  # the device learns the link, for the share switches
    expect(client.get_by_role("heading", name=GUIDE)).to_be_visible()
    return client, guide, client_page


def reply_to(guide: Page, client_page: str, text: str, reply: str) -> None:
    """Reply, as the guide, beside the shared reflection with this text."""
    guide_sees(guide, client_page, text)
    shared = guide.get_by_role("article").filter(has_text=text)
    shared.locator("summary").click()
    shared.get_by_role("textbox").fill(reply)
    shared.get_by_role("button", name="Send reply").click()
    expect(guide.get_by_text("Your reply was sent.")).to_be_visible()


def ask(guide: Page, client_page: str, question: str) -> None:
    """Send a question to the client from the guide's page."""
    guide.goto(client_page)
    guide.locator("form[action$='/question'] textarea").fill(question)
    guide.get_by_role("button", name="Send question").click()
    expect(guide.get_by_text("Your question was sent.")).to_be_visible()


def test_a_reply_shows_in_a_short_journal_within_one_sync(make_context):
    """Three reflections, one shared: the reply shows, and stays when the journal opens again."""
    client, guide, client_page = linked_pair(make_context)
    go_to(client, "Today")
    for text in ("Morning walk", "For my guide", "Evening call"):
        write_reflection(client, text)
    share_in_journal(client, "For my guide")
    reply_to(guide, client_page, "For my guide", "What made it work?")

    article = client.get_by_role("article").filter(has_text="For my guide")
    replied = article.get_by_text(f"{GUIDE} replied: What made it work?")
    go_to(client, "Journal")  # the tab tapped again syncs at once
    expect(replied).to_be_visible(timeout=SYNC_SECONDS)
    go_to(client, "Today")  # opened again, with nothing new to sync: the reply is still there
    go_to(client, "Journal")
    expect(replied).to_be_visible()
    client.reload()
    expect(replied).to_be_visible()
    expect(client.get_by_role("article")).to_have_count(3)
