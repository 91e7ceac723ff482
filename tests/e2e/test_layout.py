"""Screens that hold at 360 px, in Dutch and English, at 100% and 200% text: nothing wider than the
phone, no clipped text, no word split across lines in a table, a top bar that makes room."""

import pytest
from boxes import box_of, viewport_height
from helpers import go_to, open_app
from playwright.sync_api import Page, expect
from test_habit import DUTCH_TABS, ENGLISH_TABS
from test_meaning import seed

# Set before the app's modules run, so the charts are drawn for it, as with a phone's text setting.
TEXT_SIZE = "document.addEventListener('DOMContentLoaded', () => {{ \
document.documentElement.style.fontSize = '{size}'; }})"

PROBLEMS = """() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el) => el.closest('.table-scroll');
    const name = (el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} \
"${(el.textContent || '').trim().slice(0, 40)}"`;
    const problems = [];
    for (const el of document.querySelectorAll('body *')) {
        if (el.closest('.visually-hidden, .rem-probe, [hidden], details:not([open]) > :not(summary)'))
            continue;
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height) continue;
        if (!inScroller(el) && (box.right > width + 0.5 || box.left < -0.5))
            problems.push(`wider than the phone: ${name(el)} ${box.left}..${box.right}`);
        const style = getComputedStyle(el);
        const clips = ['hidden', 'clip'].includes(style.overflowX) && !el.matches('.table-scroll');
        if (clips && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim())
            problems.push(`text clipped: ${name(el)}`);
    }
    if (document.documentElement.scrollWidth > width)
        problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}`);
    // A word in a table cell is on one line: its range has one line box (none when scrolled away).
    for (const cell of document.querySelectorAll('main th, main td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (tops.size > 1) problems.push(`word split in a table: "${match[0]}"`);
            }
        }
    }
    return problems;
}"""


def phone(make_context, locale: str, size: str) -> Page:
    """Return a page on a 360 × 780 phone in this language, with text at this size."""
    context = make_context(locale=locale)
    context.add_init_script(TEXT_SIZE.format(size=size))
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 780})
    return page


def assert_holds(page: Page, where: str) -> None:
    """Fail with every element that is wider than the phone, clipped, or a split word."""
    assert page.evaluate(PROBLEMS) == [], where


def assert_bars_make_room(page: Page, size: str, where: str) -> None:
    """The tabs stay under a quarter of the screen; at 200% the top bar scrolls away."""
    height = viewport_height(page)
    assert box_of(page.locator(".tabs"))["height"] < height / 4, where
    label = page.locator(".tabs a").first.evaluate(
        "(a) => parseFloat(getComputedStyle(a).fontSize)"
    )
    # The tab labels grow with the text (12 px at 100%).
    assert label >= (18 if size == "200%" else 12), (label, where)
    if size == "200%":
        page.evaluate("scrollTo(0, 400)")
        if page.evaluate("scrollY") >= 200:
            bar = box_of(page.locator(".top-bar"))
            assert bar["y"] + bar["height"] <= 0, where
        page.evaluate("scrollTo(0, 0)")


def open_every_table(page: Page) -> None:
    """Open every folded table and chart detail, so their cells are checked too."""
    page.evaluate("document.querySelectorAll('main details').forEach((d) => { d.open = true; })")


@pytest.mark.parametrize("locale", ["nl-BE", "en-GB"])
@pytest.mark.parametrize("size", ["100%", "200%"])
def test_every_view_holds_on_a_small_phone(make_context, locale, size):
    """Today, Insights for each period, Journal and Settings: no overflow, clipping or split words."""
    page = phone(make_context, locale, size)
    context = page.context
    open_app(page)
    page.locator(".intro button").last.click()
    context.set_offline(True)
    seed(page)
    page.reload()
    tabs = dict(zip(["today", "journal", "insights", "settings"], DUTCH_TABS, strict=True))
    if locale == "en-GB":
        tabs = dict(zip(tabs, ENGLISH_TABS, strict=True))
    expect(page.locator("#question")).not_to_be_empty()
    assert_holds(page, f"Today at {size}")
    assert_bars_make_room(page, size, f"Today at {size}")
    go_to(page, tabs["insights"])
    periods = page.locator(".period input[type=radio]")
    expect(periods).to_have_count(4)
    for i in range(4):
        periods.nth(i).check(force=True)
        expect(page.locator(".quadrant")).to_be_visible()
        open_every_table(page)
        assert_holds(page, f"Insights, period {i + 1}, at {size}")
    assert_bars_make_room(page, size, f"Insights at {size}")
    for view in ("journal", "settings"):
        go_to(page, tabs[view])
        page.locator("#main .view").wait_for()
        open_every_table(page)
        assert_holds(page, f"{view} at {size}")


def add_rated(page: Page, items: list[tuple[str, int, int]]) -> None:
    """Store reflections of earlier days, each on one circle with its energy and meaning."""
    page.evaluate(
        """async (items) => {
            const { createEntry } = await import('/static/js/data/entries.js');
            for (const [i, [circle, energy, meaning]] of items.entries()) {
                const createdAt = new Date();
                createdAt.setDate(createdAt.getDate() - 1 - i);
                await createEntry('reflection', { text: `Day ${i}`, circles: [circle], energy,
                    meaning, question_id: null, question_text: '' }, { createdAt });
            }
        }""",
        [list(item) for item in items],
    )


@pytest.mark.parametrize("size", ["100%", "200%"])
def test_circles_in_one_place_share_a_dot_with_their_count(make_context, size):
    """Self and Close at the same spot are one numbered dot; the legend names both, with a count."""
    page = phone(make_context, "en-GB", size)
    context = page.context
    open_app(page)
    page.get_by_role("button", name="Skip").click()
    context.set_offline(True)
    add_rated(page, [("self", 4, 4), ("close", 4, 4), ("organisations", 2, 1), ("society", 2, 2)])
    page.goto("/insights")
    page.get_by_role("radio", name="30 days").check(force=True)
    quadrant = page.locator(".quadrant")
    expect(quadrant.locator("svg circle")).to_have_count(3)
    legend = quadrant.locator(".quadrant-legend li")
    expect(legend).to_have_count(3)
    expect(legend.first).to_have_text(
        "1YourselfClose ones2 in the same place", use_inner_text=False
    )
    # No two words of the drawing cover each other, and they grow with the text.
    boxes = [box_of(text) for text in quadrant.locator("svg text").all()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap_x = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
            overlap_y = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
            assert overlap_x <= 0.5 or overlap_y <= 0.5, (a, b)
    axis = box_of(quadrant.locator("svg text.axis").first)["height"]
    assert axis > (16 if size == "200%" else 10), axis
    assert_holds(page, f"Insights at {size}")
