"""Today, one thing at a time: the day's question first, compact cards that open their own form,
one Save on screen, nothing moving after a tap, and a start that survives being interrupted."""

import pytest
from boxes import box_of
from helpers import open_app, write_reflection
from playwright.sync_api import Page, expect
from test_method import OLD, add_reflections

GUIDE_QUESTION = "What gave you energy this week?"

# The Save buttons between the top of the screen and the tab bar.
SAVES_IN_VIEW = """() => {
    const bottom = document.querySelector('.tabs').getBoundingClientRect().top;
    return [...document.querySelectorAll('button[type=submit]')].filter((button) => {
        const box = button.getBoundingClientRect();
        return box.height > 0 && box.bottom > 0 && box.top < bottom;
    }).length;
}"""


# The most Save buttons on screen at once, anywhere on the page (scrolled through and back).
MOST_SAVES = f"""() => {{
    const count = {SAVES_IN_VIEW};
    const start = scrollY;
    let most = 0;
    for (let y = 0; y <= document.documentElement.scrollHeight; y += 40) {{
        scrollTo(0, y);
        most = Math.max(most, count());
    }}
    scrollTo(0, start);
    return most;
}}"""


def phone(make_context, locale: str = "en-GB") -> Page:
    """Return a page on a 360 × 780 phone that has seen the introduction, offline."""
    page = make_context(locale=locale).new_page()
    page.set_viewport_size({"width": 360, "height": 780})
    open_app(page)
    page.locator(".intro button").last.click()
    page.context.set_offline(True)
    return page


def add_guide_question(page: Page) -> None:
    """Store a guide's open question on the device, as a sync would bring it."""
    page.evaluate(
        """async (text) => {
            const { createEntry } = await import('/static/js/data/entries.js');
            const { writeMeta } = await import('/static/js/data/device-meta.js');
            // Today shows a question only while this device knows its link.
            await writeMeta('guide-links', [{ id: 1, guide_email: 'sanne@example.org' }]);
            await createEntry('guide_question', { text, guide_name: 'Sanne', link_id: 1 });
        }""",
        GUIDE_QUESTION,
    )


def assert_at_top(page: Page, card) -> None:
    """The card's top is just below the top bar."""
    top = box_of(card)["y"]
    bar = box_of(page.locator(".top-bar"))
    assert bar["y"] + bar["height"] <= top <= bar["y"] + bar["height"] + 24, (top, bar)


@pytest.mark.parametrize("locale", ["en-GB", "nl-BE"])
def test_the_guides_question_is_in_sight_and_one_save_at_a_time(make_context, locale):
    """On a 360 × 780 screen the guide's question shows without scrolling; its form opens on request."""
    page = phone(make_context, locale)
    add_guide_question(page)
    add_reflections(page, [OLD])
    page.reload()
    card = page.locator(".guide-question")
    question = card.get_by_text(GUIDE_QUESTION)
    expect(question).to_be_visible()
    assert page.evaluate("scrollY") == 0
    tabs_top = box_of(page.locator(".tabs"))["y"]
    box = box_of(question)
    assert box["y"] + box["height"] <= tabs_top, box
    # Compact: no answer form yet, so the day's form has the one Save.
    expect(card.locator("textarea")).to_have_count(0)
    expect(page.locator("#question")).not_to_be_empty()
    assert page.evaluate(MOST_SAVES) == 1
    card.get_by_role("button", name="Answer" if locale == "en-GB" else "Antwoorden").click()
    expect(card.locator("textarea")).to_be_focused()
    assert page.evaluate(MOST_SAVES) == 1

    # Each card below the day's form opens its own form at the top of the screen: one Save.
    checkin = page.locator(".quick-checkin")
    expect(checkin.get_by_role("group")).to_have_count(0)
    checkin.get_by_role(
        "button", name="Check in" if locale == "en-GB" else "Snel inchecken"
    ).click()
    expect(checkin.get_by_role("group")).to_have_count(2)
    expect(checkin.locator("button:focus")).to_have_count(1)
    page.locator(".kantelen .actions button").first.click()
    expect(page.locator(".kantelen textarea")).to_be_focused()
    # The opened card comes to the top, below the top bar; nowhere are two Saves in sight.
    assert_at_top(page, page.locator(".kantelen"))
    assert page.evaluate(SAVES_IN_VIEW) <= 1
    assert page.evaluate(MOST_SAVES) == 1
    page.locator(".mix-holder button").click()
    expect(page.locator(".mix-holder button[type=submit]")).to_be_visible()
    assert_at_top(page, page.locator(".card:has(.mix-holder)"))
    assert page.evaluate(MOST_SAVES) == 1


# Where Today's Save is on screen, each frame from now until 90 frames after it first shows.
WATCH_SAVE = """() => {
    self.saveTops = [];
    const tick = () => {
        const save = document.querySelector('form.today button[type=submit]');
        if (save) self.saveTops.push(Math.round(save.getBoundingClientRect().top));
        if (self.saveTops.length < 90) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    self.shifts = [];
    new PerformanceObserver((list) => self.shifts.push(...list.getEntries().map(
        (entry) => entry.value))).observe({ type: 'layout-shift' });
}"""


@pytest.mark.parametrize("with_guide", [False, True])
def test_after_something_else_the_form_stands_still(make_context, with_guide):
    """Right after "Something else on your mind?" Save stays where it is drawn: no layout shift,
    also when the form has a "share with my guide" switch."""
    page = phone(make_context)
    add_reflections(page, [OLD])  # kantelen joins Today after its first frame
    if with_guide:
        page.evaluate(
            """async () => {
                const { writeMeta } = await import('/static/js/data/device-meta.js');
                await writeMeta('guide-links', [{ id: 1, guide_email: 'els@example.org' }]);
            }"""
        )
    page.reload()
    write_reflection(page, "First thought of the day", circles=("Yourself",))
    page.evaluate(WATCH_SAVE)
    page.get_by_role("button", name="Something else on your mind?").click()
    expect(page.locator(".kantelen")).to_be_visible()
    if with_guide:
        expect(page.locator("form.today").get_by_label("Share with my guide")).to_be_visible()
    page.wait_for_function("() => self.saveTops.length >= 90")
    tops = page.evaluate("self.saveTops")
    assert len(tops) >= 90 and len(set(tops)) == 1, tops
    assert page.evaluate("scrollY") == 0
    expect(page.locator("#reflection")).to_be_focused()
    assert page.evaluate("self.shifts.reduce((a, b) => a + b, 0)") < 0.01


def test_a_start_that_fails_says_what_and_tries_again(make_context):
    """A module that does not arrive: Today says it could not open, and "Try again" opens it."""
    page = make_context().new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/static/js/views/today-method.js", lambda route: route.abort())
    page.goto("/")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Today could not open")
    alert.get_by_text("What went wrong").click()
    expect(alert.locator(".hint")).not_to_have_text("")
    expect(alert.locator(".hint")).not_to_have_text("undefined")
    page.unroute("**/static/js/views/today-method.js")
    alert.get_by_role("button", name="Try again").click()
    expect(page.locator("#question")).not_to_be_empty()
    assert not [e for e in errors if "undefined" in e], errors


def test_a_reload_during_the_start_is_survived(make_context):
    """Reloading while the start's modules load: no error in the console, Today opens."""
    page = make_context().new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    held = []
    page.route("**/static/js/data/sync.js", lambda route: held.append(route))
    with page.expect_request("**/static/js/data/sync.js"):
        page.goto("/")
    expect(page.locator("#main .view")).to_be_visible()
    page.unroute("**/static/js/data/sync.js")
    page.reload()
    expect(page.locator("#question")).not_to_be_empty()
    expect(page.locator("#sync-state")).not_to_be_empty()
    assert errors == []
