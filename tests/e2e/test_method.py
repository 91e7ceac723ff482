"""The levensloopbaan method on the phone, offline: a week, the eigen mix, kantelen and insights."""

import re
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from boxes import box_of
from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect

# Six earlier days of a week; today's reflection is written through the UI.
WEEK = [
    {"days_ago": 6, "text": "Tired after the long meeting", "circles": ["self"], "energy": 2},
    {"days_ago": 5, "text": "Dinner with my parents", "circles": ["self", "close"], "energy": 4},
    {"days_ago": 4, "text": "The team finally agreed", "circles": ["organisations"], "energy": 3},
    {"days_ago": 3, "text": "Helped my neighbour move", "circles": ["close"], "energy": 5},
    {"days_ago": 2, "text": "Angry about the news", "circles": ["society"], "energy": 1},
    {"days_ago": 1, "text": "A quiet evening reading", "circles": ["self"], "energy": 4},
]
OLD = {"days_ago": 10, "text": "My job takes all my time", "circles": ["organisations"]}


def add_reflections(page: Page, reflections: list[dict]) -> None:
    """Store reflections on earlier days, as if written then.

    They go through the app's own createEntry from /static/js/data/entries.js, with its createdAt
    option backdated to noon of that day: the UI can only write today.
    """
    page.evaluate(
        """async (items) => {
            const { createEntry } = await import('/static/js/data/entries.js');
            for (const item of items) {
                const createdAt = new Date();
                createdAt.setDate(createdAt.getDate() - item.days_ago);
                createdAt.setHours(12, 0, 0, 0);
                await createEntry('reflection', {
                    text: item.text, circles: item.circles, energy: item.energy ?? null,
                    question_id: null, question_text: '',
                }, { createdAt });
            }
        }""",
        reflections,
    )


def rows(table_region) -> list[str]:
    """Return a table's body rows as 'cell | cell' strings (also when folded away)."""
    return [
        " | ".join(cell.strip() for cell in row.split("\t"))
        for row in table_region.locator("tbody tr").evaluate_all(
            "(trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent).join('\\t'))"
        )
    ]


def fill_in_the_mix(page: Page) -> None:
    """Fill in this week's eigen mix on Today with the keyboard: 60% paid work, 40% rest wished.

    The first check-in starts from a usual week (40% paid work, 30% rest): four steps up, two up.
    """
    page.get_by_role("button", name="Fill it in").click()
    form = page.get_by_role("form", name="Your own mix")
    actual = form.get_by_role("group", name="As it was")
    wished = form.get_by_role("group", name="As you'd like it")
    actual.get_by_role("slider", name="Paid work").focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    wished.get_by_role("slider", name="Rest and leisure").focus()
    for _ in range(2):
        page.keyboard.press("ArrowRight")
    expect(actual.get_by_role("slider", name="Caring for others")).to_have_value("15")
    expect(wished.get_by_role("slider", name="Paid work")).to_have_value("30")
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_role("status")).to_have_text("Your own mix for this week is saved.")


def test_a_week_offline_gives_the_right_insights(context, page):
    """A week of reflections and a check-in, offline, show up right in the charts and summary."""
    open_app(page)
    context.set_offline(True)
    add_reflections(page, WEEK)
    page.reload()
    write_reflection(page, "Walked to work along the river", circles=["Place and planet"], energy=3)
    fill_in_the_mix(page)
    page.reload()
    expect(page.get_by_role("region", name="Your own mix this week")).to_have_count(0)

    go_to(page, "Insights")
    page.get_by_role("radio", name="7 days").check()
    wheel = page.get_by_role("region", name="Balance across the five circles")
    assert rows(wheel) == [
        "Yourself | 3",
        "Close ones | 2",
        "Organisations | 1",
        "Society | 1",
        "Place and planet | 1",
    ]
    expect(wheel.locator("svg path")).to_have_count(5)

    days = page.get_by_role("region", name="Days you wrote")
    expect(days).not_to_contain_text("streak")
    shown = 77 + date.today().weekday() + 1
    expect(days).to_contain_text(f"You wrote on 7 of the last {shown} days.")
    expect(days.locator("svg rect.day-written")).to_have_count(7)

    energy = page.get_by_role("region", name="Energy")
    expect(energy.locator("svg circle.dot")).to_have_count(7)
    by_circle = energy.locator("figure").nth(1)
    assert rows(by_circle) == [
        "Yourself | 3.3 | 3",
        "Close ones | 4.5 | 2",
        "Organisations | 3 | 1",
        "Society | 1 | 1",
        "Place and planet | 3 | 1",
    ]

    mix = page.get_by_role("region", name="Your own mix")
    mix_rows = rows(mix)
    assert mix_rows[0].endswith("Paid work | 60% | 30%"), mix_rows
    assert mix_rows[4].endswith("Rest and leisure | 10% | 40%"), mix_rows
    expect(mix.locator("svg rect")).to_have_count(10)

    summary = page.get_by_role("textbox", name="Summary").input_value()
    for reflection in WEEK:
        assert reflection["text"] in summary
    assert "Walked to work along the river" in summary
    assert "## Reflections (7)" in summary
    assert "- Yourself: 3" in summary
    assert "| Paid work | 60% | 30% |" in summary
    page.get_by_role("button", name="Copy").click()
    expect(
        page.get_by_text(re.compile(r"^(Copied\.|The text is selected: copy it yourself\.)$"))
    ).to_be_visible()


def test_kantelen_links_a_new_look_to_the_old_reflection(context, page):
    """Today offers an old reflection once a week; the new look is linked and shown with it."""
    open_app(page)
    context.set_offline(True)
    add_reflections(page, [OLD])
    page.reload()
    card = page.get_by_role("region", name="Kantelen: look at it another way")
    expect(card).to_contain_text(OLD["text"])
    card.get_by_role("button", name="Look at it again").click()
    card.get_by_role("textbox").fill("From home it looks different: I miss the evenings.")
    card.get_by_role("button", name="Save").click()
    expect(card).to_contain_text("Saved. Your journal now shows them together.")

    page.reload()
    expect(page.get_by_role("region", name="Kantelen: look at it another way")).to_have_count(0)
    linked = page.evaluate(
        """async () => {
            const { listReflections } = await import('/static/js/data/entries.js');
            const [newer, older] = await listReflections();
            return newer.kantelen_of === older.id && newer.from_circle === 'organisations'
                && newer.to_circle !== 'organisations';
        }"""
    )
    assert linked
    go_to(page, "Journal")
    newer = page.get_by_role("article").first
    expect(newer).to_contain_text("I miss the evenings")
    expect(newer.locator("blockquote")).to_contain_text(OLD["text"])
    expect(page.get_by_role("article").last).to_contain_text("you looked at this again, from")


def assert_large_targets(page: Page) -> None:
    """Every visible button, link, summary and slider in the view is at least 44 px tall."""
    for target in page.locator("main :is(button, a, summary, input[type=range]):visible").all():
        box = box_of(target)
        assert box["height"] >= 44 and box["width"] >= 44, (target.inner_text(), box)


@pytest.mark.parametrize("locale", ["en-GB", "nl-BE"])
def test_axe_finds_no_violations_on_today_and_insights(make_context, locale):
    """With the week, the check-in and kantelen open, axe finds nothing, in both languages."""
    page = make_context(locale=locale).new_page()
    open_app(page)
    page.context.set_offline(True)
    add_reflections(page, [*WEEK, OLD])
    page.reload()
    page.locator(".quick-checkin .card-opener button").click()
    page.locator(".mix-holder button").click()
    page.locator(".kantelen button").first.click()
    page.locator(".own-questions summary").click()
    axe = Axe()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_large_targets(page)

    page.goto("/insights")
    page.locator("#main .view").wait_for()
    for details in page.locator("main details").all():
        details.locator("summary").click()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_large_targets(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_own_questions_are_kept_offline(context, page):
    """A question of your own is stored on the device and listed after a reload."""
    open_app(page)
    context.set_offline(True)
    page.get_by_text("Your own questions", exact=True).click()
    page.get_by_role("textbox", name="New question").fill("What did I postpone today?")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Your question was added.")).to_be_visible()
    page.reload()
    page.get_by_text("Your own questions", exact=True).click()
    expect(page.locator(".own-list")).to_contain_text("What did I postpone today?")
