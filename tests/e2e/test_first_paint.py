"""Today's first screen comes from the HTML alone; the modules start after it is painted."""

import re

import pytest
from conftest import PHONE
from playwright.sync_api import Page, expect

SEEN_KEY = "lpb.intro-seen"


@pytest.fixture
def make_page(browser, live_server):
    """Return a factory of phones without a service worker: page.route cannot see what a worker
    answers from its cache, and these tests look at the page as the server sends it."""
    contexts = []

    def make(locale="en-GB"):
        context = browser.new_context(
            **PHONE, locale=locale, base_url=live_server.url, service_workers="block"
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def without_modules(page: Page) -> None:
    """Keep the app's modules from loading, so that the page stays as its HTML first paints it."""
    page.route(re.compile(r"/static/js/(?!boot\.js)"), lambda route: route.abort())


def card_html(page: Page) -> str:
    """Return the introduction card's markup, without the whitespace between tags."""
    markup = page.locator("#main .intro").evaluate("(card) => card.outerHTML")
    return re.sub(r">\s+<", "><", markup)


@pytest.mark.parametrize("locale", ["nl-BE", "en-GB"])
def test_the_servers_introduction_is_the_apps(make_page, locale):
    """A first visit paints the introduction's first step before the modules run, exactly as the
    app then draws it: same elements, same words, in the visitor's language."""
    page = make_page(locale)
    without_modules(page)
    page.goto("/")
    expect(page.locator("#main .intro")).to_be_visible()
    painted = card_html(page)
    page.unroute_all()
    page.reload()
    page.locator("#main .view .intro").wait_for()
    assert card_html(page) == painted


def test_a_returning_device_never_sees_the_introduction(make_page):
    """Once seen, the introduction is not painted at all, not even before the modules run."""
    page = make_page()
    page.goto("/")
    page.locator("#main .view .intro").wait_for()
    assert page.evaluate(f"localStorage.getItem('{SEEN_KEY}')") is not None
    without_modules(page)
    page.reload(wait_until="domcontentloaded")
    expect(page.locator("#main .view-skeleton .question-skeleton")).to_be_visible()
    expect(page.locator("#main .view-skeleton .intro")).to_have_count(1)
    expect(page.locator("#main .view-skeleton .intro")).to_be_hidden()
    page.unroute_all()
    page.reload()
    page.locator("#main .view").wait_for()
    expect(page.locator(".intro")).to_have_count(0)


def test_no_module_starts_before_the_first_paint(make_page):
    """The first paint waits for the page and its styles only: every module starts after it."""
    page = make_page()
    page.goto("/")
    page.locator("#main .view").wait_for()
    timings = page.evaluate(
        """() => ({
            paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
            modules: performance.getEntriesByType('resource')
              .filter((entry) => /\\/static\\/js\\/(?!boot\\.js)/.test(entry.name))
              .map((entry) => entry.startTime),
        })"""
    )
    assert len(timings["modules"]) > 10
    assert min(timings["modules"]) > timings["paint"]
