"""What you act on stays in sight: a saved edit keeps its place and shows its question, a day
jumped to has its heading below the top bar, and stopping sharing asks and answers where you are."""

from boxes import box_of
from helpers import go_to, open_app
from playwright.sync_api import FloatRect, Page, expect
from test_guidance_ui import GUIDE_NAME, accept, invite_guide
from test_large_journal import seed
from test_sync import register

QUESTION = "What did you learn today?"


def below_top_bar(page: Page, box: FloatRect) -> bool:
    """Return whether a box starts below the sticky top bar and above the tab bar."""
    bar = box_of(page.locator(".top-bar"))
    tabs = box_of(page.locator(".tabs"))
    return bar["y"] + bar["height"] - 0.5 <= box["y"] and box["y"] + box["height"] <= tabs["y"]


def test_a_saved_edit_keeps_its_place_and_shows_its_question(page):
    """Edit a reflection far down the journal: its question shows; after Save it is still in sight."""
    open_app(page)
    page.context.set_offline(True)
    page.evaluate(
        """async (question) => {
            const { createEntry } = await import('/static/js/data/entries.js');
            for (let i = 1; i <= 12; i += 1) {
                const createdAt = new Date();
                createdAt.setDate(createdAt.getDate() - i);
                await createEntry('reflection', { text: `Day ${i}. ` + 'A longer thought. '.repeat(12),
                    circles: ['self'], question_id: null, question_text: question }, { createdAt });
            }
        }""",
        QUESTION,
    )
    page.goto("/journal")
    entry = page.get_by_role("article").filter(has_text="Day 6.")
    entry.get_by_role("button", name="Edit").click()
    form = page.locator("form.entry")
    expect(form.get_by_text(QUESTION)).to_be_visible()
    form.get_by_role("textbox").fill("Day 6, said shorter.")
    save = form.get_by_role("button", name="Save")
    save.scroll_into_view_if_needed()
    save.click()
    saved = page.get_by_role("article").filter(has_text="Day 6, said shorter.")
    expect(saved).to_be_in_viewport()
    assert page.evaluate("scrollY") > 0


def test_a_day_jumped_to_shows_its_heading_below_the_top_bar(page):
    """From the journal's calendar, a day's heading lands in sight, not under the sticky bar."""
    seed(page, 300)
    page.get_by_text("Jump to a day").click()
    page.get_by_role("button", name="Previous month").click()
    page.locator(".month-calendar td button").nth(3).click()
    heading = page.locator(".journal-list h2:focus")
    expect(heading).to_have_count(1)
    assert below_top_bar(page, box_of(heading)), box_of(heading)


def test_stopping_sharing_asks_and_answers_in_sight(make_context):
    """The question "stop sharing?" comes right where it was asked, and so does the answer."""
    client, guide = make_context().new_page(), make_context().new_page()
    open_app(client)
    register(client, "bea@example.org")
    accept(guide, invite_guide(client))
    go_to(client, "Settings")
    expect(client.get_by_role("heading", name=GUIDE_NAME)).to_be_visible()
    client.get_by_role("button", name="Stop sharing").click()
    yes = client.get_by_role("button", name="Yes, stop")
    expect(yes).to_be_focused()
    assert below_top_bar(client, box_of(yes))
    yes.click()
    done = client.get_by_text(f"You no longer share anything with {GUIDE_NAME}.")
    expect(done).to_be_in_viewport()
    assert below_top_bar(client, box_of(done))
