"""A guide's words always arrive, and only while the link lasts: replies, questions, suggestions.

Each test drives a client and a guide in two browser contexts (two devices, two people).
"""

from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect
from test_guidance_ui import (
    GUIDE_NAME,
    accept,
    assert_no_violations,
    guide_sees,
    invite_guide,
    share_in_journal,
)
from test_sync import SYNC_SECONDS, register, sign_in, sync_state


def linked_pair(make_context, email="anna@example.org") -> tuple[Page, Page, str]:
    """Return a signed-in client, their guide's page, and the path of the client's page."""
    client, guide = make_context().new_page(), make_context().new_page()
    open_app(client)
    register(client, email)
    client_page = accept(guide, invite_guide(client))
    go_to(client, "Settings")  # the device learns the link, for the share switches
    expect(client.get_by_role("heading", name=GUIDE_NAME)).to_be_visible()
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


def open_answer(card) -> None:
    """Open a question card's answer form, where Today keeps the card compact until then."""
    opener = card.get_by_role("button", name="Answer", exact=True)
    if opener.count():
        opener.click()


def test_a_reply_shows_in_a_short_journal_within_one_sync(make_context):
    """Three reflections, one shared: the reply shows, and stays when the journal opens again."""
    client, guide, client_page = linked_pair(make_context)
    go_to(client, "Today")
    for text in ("Morning walk", "For my guide", "Evening call"):
        write_reflection(client, text)
    share_in_journal(client, "For my guide")
    reply_to(guide, client_page, "For my guide", "What made it work?")

    article = client.get_by_role("article").filter(has_text="For my guide")
    replied = article.get_by_text(f"{GUIDE_NAME} replied: What made it work?")
    go_to(client, "Journal")  # the tab tapped again syncs at once
    expect(replied).to_be_visible(timeout=SYNC_SECONDS)
    go_to(client, "Today")  # opened again, with nothing new to sync: the reply is still there
    go_to(client, "Journal")
    expect(replied).to_be_visible()
    client.reload()
    expect(replied).to_be_visible()
    expect(client.get_by_role("article")).to_have_count(3)


def test_an_ended_links_question_leaves_today_and_is_never_called_shared(make_context):
    """Stopping here removes the card at once; the guide ending it removes it within one sync."""
    client, guide, client_page = linked_pair(make_context)
    ask(guide, client_page, "What did you learn this week?")
    go_to(client, "Today")
    card = client.get_by_role("region", name=f"Question from your guide {GUIDE_NAME}")
    expect(card).to_be_visible(timeout=SYNC_SECONDS)
    open_answer(card)
    expect(card.get_by_text(f"Your answer is shared with {GUIDE_NAME}.")).to_be_visible()
    go_to(client, "Settings")
    client.get_by_role("button", name="Stop sharing").click()
    client.get_by_role("button", name="Yes, stop").click()
    expect(client.get_by_text(f"You no longer share anything with {GUIDE_NAME}.")).to_be_visible()
    client.context.set_offline(True)  # at once: not waiting for the server to say so
    go_to(client, "Today")
    expect(client.locator("#reflection")).to_be_visible()
    expect(card).to_have_count(0)
    expect(client.get_by_text("Your answer is shared with")).to_have_count(0)
    client.context.set_offline(False)
    expect(sync_state(client)).to_have_text("All synced", timeout=SYNC_SECONDS)
    client.reload()
    expect(client.locator("#reflection")).to_be_visible()
    expect(card).to_have_count(0)


def test_an_answer_begun_when_the_guide_ends_the_link_stays_private(make_context):
    """An answer being typed stays on screen, says it stays private, and is saved as private."""
    client, guide, client_page = linked_pair(make_context)
    ask(guide, client_page, "Where do you stand now?")
    ask(guide, client_page, "What would you like to try?")
    go_to(client, "Today")
    typed = client.get_by_role("region").filter(has_text="Where do you stand now?")
    untouched = client.get_by_role("region").filter(has_text="What would you like to try?")
    expect(untouched).to_be_visible(timeout=SYNC_SECONDS)
    open_answer(typed)
    typed.get_by_label("Your answer").fill("Halfway, and glad of it")
    guide.goto(client_page)
    guide.get_by_role("button", name="End guidance").click()
    go_to(client, "Today")  # the tab tapped again syncs at once
    expect(untouched).to_have_count(0, timeout=SYNC_SECONDS)
    expect(typed.get_by_text("You no longer share with this guide")).to_be_visible()
    expect(client.get_by_text("Your answer is shared with")).to_have_count(0)
    typed.get_by_role("button", name="Save").click()
    expect(client.get_by_text("Your answer is saved, only for you.")).to_be_visible()
    expect(client.get_by_text("saved and shared")).to_have_count(0)


def test_a_second_device_just_signed_in_shows_the_finished_day(make_context):
    """Without a reload: no introduction, the day written on the first device, shown as done."""
    first = make_context().new_page()
    open_app(first)
    register(first, "dina@example.org")
    first_question = first.locator("#question").inner_text()
    second = make_context().new_page()
    second.goto("/login")
    sign_in(second, "dina@example.org")
    expect(second.locator("#question")).to_have_text(first_question, timeout=SYNC_SECONDS)
    write_reflection(first, "Written on the phone")
    expect(sync_state(first)).to_have_text("All synced", timeout=SYNC_SECONDS)

    third = make_context().new_page()  # a device that signs in after the day was written
    third.goto("/login")
    sign_in(third, "dina@example.org")
    for device in (second, third):
        expect(device.get_by_role("heading", name="Done for today")).to_be_visible(
            timeout=SYNC_SECONDS
        )
        expect(device.get_by_text("Work and life, one whole")).to_have_count(0)
        expect(device.locator("#reflection")).to_have_count(0)
        expect(sync_state(device)).to_have_text("All synced")


def suggest(guide: Page, client_page: str, questions: str, days: int = 3) -> None:
    """Suggest questions in the guide's own words, with the form on the client's page."""
    guide.goto(client_page)
    guide.get_by_label("Your own questions, one per line").fill(questions)
    guide.get_by_label("Number of days (1 to 14)").fill(str(days))
    guide.get_by_role("button", name="Send suggestion").click()
    expect(guide.get_by_text("Your suggestion was sent.")).to_be_visible()


SUGGESTED = "What would you tell yourself ten years ago?"


def saved_link(response) -> bool:
    """Return whether a response is the server's answer to a change of a guide link."""
    return response.request.method == "PATCH" and "/api/guides/" in response.url and response.ok


def test_a_suggested_question_shows_on_today_and_can_be_declined(make_context):
    """The suggestion arrives on an open Today; declining gives the usual question, for today."""
    client, guide, client_page = linked_pair(make_context)
    go_to(client, "Today")
    usual = client.locator("#question").inner_text()
    suggest(guide, client_page, SUGGESTED)
    card = client.get_by_role("region", name="Your guide suggested")
    go_to(client, "Today")  # the tab tapped again syncs at once
    expect(card).to_be_visible(timeout=SYNC_SECONDS)
    expect(card.get_by_text(f"Suggested by {GUIDE_NAME}, 2 more days.")).to_be_visible()
    expect(client.locator("#question")).to_have_text(SUGGESTED)
    assert_no_violations(client)
    guide.goto(client_page)  # the guide's form, with the suggestion it made
    expect(guide.get_by_text("Your current suggestion, 3 days")).to_be_visible()
    assert_no_violations(guide)

    card.get_by_role("button", name="The usual question instead").click()
    expect(client.locator("#question")).to_have_text(usual)
    expect(card.get_by_text("You get the usual question today.")).to_be_visible()
    client.reload()
    expect(client.locator("#question")).to_have_text(usual)
    card.get_by_role("button", name="The suggested question after all").click()
    expect(client.locator("#question")).to_have_text(SUGGESTED)
    client.locator("#reflection").fill("Be patient, it comes together")
    client.get_by_role("button", name="Save").click()
    expect(client.get_by_role("heading", name="Done for today")).to_be_visible()
    go_to(client, "Journal")
    expect(client.get_by_role("article").filter(has_text=SUGGESTED)).to_contain_text(
        "Be patient, it comes together"
    )


def test_a_suggestion_stops_when_the_link_ends_or_is_turned_off(make_context):
    """Turned off in Settings it leaves Today at once; the guide ending the link ends it too."""
    client, guide, client_page = linked_pair(make_context)
    suggest(guide, client_page, SUGGESTED)
    card = client.get_by_role("region", name="Your guide suggested")
    go_to(client, "Today")
    expect(card).to_be_visible(timeout=SYNC_SECONDS)
    go_to(client, "Settings")
    switch = client.get_by_role("checkbox", name="Show this guide's suggested questions on Today")
    with client.expect_response(saved_link):
        switch.uncheck()
    go_to(client, "Today")
    expect(client.locator("#question")).not_to_have_text(SUGGESTED)
    expect(card).to_have_count(0)
    guide.goto(client_page)
    expect(guide.get_by_text("Your current suggestion")).to_have_count(0)

    go_to(client, "Settings")
    with client.expect_response(saved_link):
        switch.check()
    suggest(guide, client_page, SUGGESTED)
    go_to(client, "Today")
    expect(card).to_be_visible(timeout=SYNC_SECONDS)
    guide.goto(client_page)
    guide.get_by_role("button", name="End guidance").click()
    go_to(client, "Today")
    expect(card).to_have_count(0, timeout=SYNC_SECONDS)
    expect(client.locator("#question")).not_to_have_text(SUGGESTED)
