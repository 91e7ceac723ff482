"""Steps that browser tests share: opening the app, writing and saving reflections, waiting."""

import time
from collections.abc import Callable

from playwright.sync_api import Page, expect


def open_app(page: Page, path: str = "/") -> None:
    """Open the app and wait until the service worker controls the page (offline-ready)."""
    page.goto(path)
    page.evaluate(
        """() => new Promise((resolve) => {
            if (navigator.serviceWorker.controller) resolve();
            else navigator.serviceWorker.addEventListener('controllerchange', resolve);
        })"""
    )
    expect(page.locator("#main .view")).to_be_visible()


def write_reflection(page: Page, text: str, circles=(), energy=None) -> None:
    """Write and save a reflection on Today with exactly these circles, and wait for "Saved".

    After a first reflection Today shows the day as done: "Something else on your mind?" opens a
    fresh form. The question's own circles come chosen; the chips are set to the given ones.
    """
    more = page.get_by_role("button", name="Something else on your mind?")
    if more.is_visible():
        more.click()
    page.locator("#reflection").fill(text)
    for chip in page.locator("form.today .chip[data-circle]").all():
        if (chip.get_attribute("aria-pressed") == "true") != (
            chip.inner_text().strip("✓ ") in circles
        ):
            chip.click()
    if energy:
        page.get_by_role("button", name=str(energy), exact=True).click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()


def go_to(page: Page, name: str) -> None:
    """Follow a link in the navigation by its accessible name."""
    page.get_by_role("navigation").get_by_role("link", name=name).click()


def wait_until(condition: Callable[[], object], what: str, page: Page | None = None, seconds=15):
    """Wait until condition() is true, failing with what was waited for after the given seconds.

    For what expect() and wait_for_function cannot wait for: the server's database, DevTools
    events, and answers the page gives only asynchronously (wait_for_function takes a promise for
    true at once). With a page, Playwright delivers its events while waiting.
    """
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        if page:
            page.wait_for_timeout(50)
        else:
            time.sleep(0.05)
