"""A daily ritual that lasts: the first visit, the finished day, tabs and text that hold on a phone."""

import json
import re
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from boxes import box_of
from helpers import go_to, open_app, write_reflection
from playwright.sync_api import FloatRect, Page, expect
from test_method import add_reflections
from test_sync import register, sign_in

VIEWS = {"/": "Today", "/journal": "Journal", "/insights": "Insights", "/settings": "Settings"}


DUTCH_TABS = ["Vandaag", "Dagboek", "Inzichten", "Instellingen"]


ENGLISH_TABS = ["Today", "Journal", "Insights", "Settings"]


def assert_no_violations(page: Page) -> None:
    """Run axe on the page and fail with its report."""
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_first_visit_introduces_the_method_once(make_context):
    """A new Dutch-speaking device sees a three-step introduction once, and the method page later."""
    page = make_context(locale="nl-BE").new_page()
    open_app(page)
    intro = page.get_by_role("region", name="Werk en leven, één geheel")
    expect(intro).to_contain_text("Stap 1 van 3")
    assert_no_violations(page)
    intro.get_by_role("button", name="Volgende").click()
    circles = page.get_by_role("region", name="Vijf cirkels")
    expect(circles.get_by_role("listitem")).to_have_count(5)
    expect(circles).to_contain_text("Plek en planeet")
    assert_no_violations(page)
    circles.get_by_role("button", name="Volgende").click()
    last = page.get_by_role("region", name="Elke dag een minuut")
    expect(last).to_contain_text("Alles blijft op dit toestel")
    assert_no_violations(page)
    last.get_by_role("button", name="Beginnen").click()
    expect(page.locator(".intro")).to_have_count(0)
    expect(page.locator("#reflection")).to_be_focused()

    page.reload()
    page.locator("#main .view").wait_for()
    expect(page.locator("#reflection")).to_be_visible()
    expect(page.locator(".intro")).to_have_count(0)

    go_to(page, "Instellingen")
    page.get_by_role("link", name="Over de methode").click()
    expect(page).to_have_url(re.compile(r"/method$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Over de methode")
    expect(page.locator(".circle-list li")).to_have_count(5)
    assert_no_violations(page)


def test_english_readers_get_the_dutch_term_explained(page):
    """In English the method is named in English, with the Dutch term explained once."""
    open_app(page)
    expect(page.locator(".intro")).to_contain_text(
        "Life-career guidance (in Dutch: levensloopbaanbegeleiding)"
    )
    page.get_by_role("button", name="Skip").click()
    expect(page.locator(".intro")).to_have_count(0)


def todays_question(page: Page) -> dict:
    """Return the bank's question that Today shows, by its English text."""
    text = page.locator("#question").inner_text()
    bank = json.loads(page.evaluate("fetch('/api/questions').then((r) => r.text())"))
    return next(question for question in bank if question["en"] == text)


def test_a_saved_reflection_finishes_the_day(context, page):
    """After saving, Today shows what was written, the day done and the week's count, also later."""
    open_app(page)
    context.set_offline(True)
    question = todays_question(page)
    pressed = page.locator("form.today .chip[data-circle][aria-pressed=true]")
    expect(pressed).to_have_count(len(question["circles"]))
    for circle in question["circles"]:
        expect(page.locator(f"form.today .chip[data-circle={circle}]")).to_have_attribute(
            "aria-pressed", "true"
        )

    add_reflections(page, [{"days_ago": 1, "text": "Yesterday", "circles": ["self"]}])
    write_reflection(page, "Coffee with Sam, who listened.", circles=["Close ones"], energy=4)
    done = page.get_by_role("region", name="Done for today")
    expect(done).to_contain_text("Coffee with Sam, who listened.")
    expect(done).to_contain_text("Close ones")
    expect(done).to_contain_text("Energy 4 of 5")
    week = 2 if date.today().weekday() > 0 else 1
    expect(done).to_contain_text(f"{week} days written this week" if week > 1 else "1 day")
    expect(page.get_by_role("heading", name="Done for today")).to_be_focused()
    expect(page.locator("#reflection")).to_have_count(0)
    assert_no_violations(page)

    page.reload()
    expect(page.get_by_role("region", name="Done for today")).to_contain_text("Coffee with Sam")
    page.get_by_role("button", name="Something else on your mind?").click()
    expect(page.locator("#reflection")).to_have_value("")
    expect(page.locator("#reflection")).to_be_focused()
    expect(page.locator("#question")).to_have_text(question["en"])


def test_every_tab_opens_at_the_top(context, page):
    """Scrolled down in one view, the next tab opens at its top."""
    open_app(page)
    context.set_offline(True)
    add_reflections(
        page, [{"days_ago": n, "text": f"Day {n} " * 30, "circles": ["self"]} for n in range(1, 15)]
    )
    page.reload()
    page.locator("#main .view").wait_for()
    for name in ["Journal", "Insights", "Settings", "Today", "Journal"]:
        page.evaluate("scrollTo(0, document.body.scrollHeight)")
        assert page.evaluate("scrollY") > 0, name
        go_to(page, name)
        link = page.get_by_role("navigation").get_by_role("link", name=name)
        expect(link).to_have_attribute("aria-current", "page")
        assert page.evaluate("scrollY") == 0, name


def boxes_overlap(a: FloatRect, b: FloatRect) -> bool:
    """Return whether two bounding boxes overlap (touching is fine)."""
    return (
        a["x"] + a["width"] > b["x"] + 0.5
        and b["x"] + b["width"] > a["x"] + 0.5
        and a["y"] + a["height"] > b["y"] + 0.5
        and b["y"] + b["height"] > a["y"] + 0.5
    )


def assert_layout_holds(page: Page, where: str) -> None:
    """No horizontal scroll, tab labels apart and inside their tabs, the top bar's text inside it."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, where
    labels = [box_of(span) for span in page.locator(".tabs a span").all()]
    tabs = [box_of(link) for link in page.locator(".tabs a").all()]
    for i, label in enumerate(labels):
        tab = tabs[i]
        assert (
            tab["x"] - 0.5 <= label["x"]
            and label["x"] + label["width"] <= tab["x"] + tab["width"] + 0.5
        ), where
        for other in labels[i + 1 :]:
            assert not boxes_overlap(label, other), where
    bar = box_of(page.locator(".top-bar"))
    for part in (page.locator(".brand"), page.locator("#sync-state")):
        box = part.bounding_box()
        if box and box["height"]:
            assert (
                box["y"] >= bar["y"] - 0.5
                and box["y"] + box["height"] <= bar["y"] + bar["height"] + 0.5
            ), where
            assert box["x"] + box["width"] <= 360.5, where
    main = box_of(page.locator("#main"))
    assert main["y"] >= bar["y"] + bar["height"] - 0.5, where


@pytest.mark.parametrize("locale", ["nl-BE", "en-GB"])
@pytest.mark.parametrize("size", ["130%", "200%"])
def test_large_text_fits_a_small_phone(make_context, locale, size):
    """At 360 px with 130% and 200% text nothing overlaps and nothing scrolls sideways."""
    page = make_context(locale=locale).new_page()
    open_app(page)
    page.evaluate(f"document.documentElement.style.fontSize = '{size}'")
    tabs = DUTCH_TABS if locale == "nl-BE" else ENGLISH_TABS
    for path, name in zip(VIEWS, tabs, strict=True):
        go_to(page, name)
        link = page.get_by_role("navigation").get_by_role("link", name=name)
        expect(link).to_have_attribute("aria-current", "page")
        page.locator("#main .view").wait_for()
        page.evaluate("document.fonts.ready.then(() => new Promise(requestAnimationFrame))")
        assert_layout_holds(page, f"{path} at {size}")
    page.goto("/method")
    page.evaluate(f"document.documentElement.style.fontSize = '{size}'")
    assert_layout_holds(page, f"/method at {size}")


def test_one_toast_at_a_time_above_the_tab_bar_and_gone_after_navigation(page):
    """Toasts replace each other, sit above the tab bar, and stay behind when changing tabs."""
    open_app(page)
    page.evaluate(
        """async () => {
            const { showToast } = await import('/static/js/ui/toast.js');
            showToast('First message');
            showToast('Second message');
        }"""
    )
    toast = page.locator(".toast")
    expect(toast).to_have_count(1)
    expect(toast).to_have_text("Second message")
    assert not boxes_overlap(box_of(toast), box_of(page.locator(".tabs")))
    go_to(page, "Journal")
    expect(page.locator(".toast")).to_have_count(0)


def test_settings_polish(context, page):
    """Signed out, Settings ends without "null"; import is a labelled 44 px button; long own
    questions keep their delete button whole."""
    open_app(page)
    context.set_offline(True)
    page.get_by_text("Your own questions", exact=True).click()
    long_question = (
        "What would I do with a free afternoon every week, if nobody expected anything? " * 2
    )
    page.get_by_role("textbox", name="New question").fill(long_question)
    page.get_by_role("button", name="Add", exact=True).click()
    delete = page.locator(".own-list button")
    expect(delete).to_be_visible()
    assert delete.evaluate("(b) => b.scrollWidth <= b.clientWidth")
    box = box_of(delete)
    assert box["x"] + box["width"] <= 360 and box["height"] >= 44

    go_to(page, "Settings")
    expect(page.locator("main")).not_to_contain_text("null")
    choose = page.get_by_text("Import a JSON export")
    box = box_of(choose)
    assert box["height"] >= 44
    assert choose.evaluate("(label) => getComputedStyle(label).borderStyle") == "solid"
    expect(page.get_by_label("Import a JSON export")).to_be_attached()


@pytest.mark.parametrize("path", ["/login", "/register"])
def test_account_pages_have_the_tab_bar_and_large_links(page, path):
    """The server's sign-in pages show the app's tab bar, and their links are 44 px targets."""
    page.goto(path)
    nav = page.get_by_role("navigation", name="Main menu")
    for name in ENGLISH_TABS:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    for link in page.locator("main a, .tabs a").all():
        assert box_of(link)["height"] >= 44, link.inner_text()
    assert_no_violations(page)


def test_the_first_today_after_signing_in_already_asks_the_accounts_question(make_context):
    """Signing in on a device that showed its own question: Today's first render asks the
    account's question, the one its other devices ask, and it stays after syncing."""
    phone, laptop = make_context(), make_context()
    a, b = phone.new_page(), laptop.new_page()
    open_app(a)
    register(a, "ines@example.org")
    asked = a.locator("#question").inner_text()
    open_app(b)
    b.goto("/login?next=/")
    sign_in(b, "ines@example.org")
    expect(b.locator("#question")).to_have_text(asked)
    expect(b.locator("#sync-state")).to_have_text("All synced", timeout=15_000)
    b.reload()
    expect(b.locator("#question")).to_have_text(asked)
