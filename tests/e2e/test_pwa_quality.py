"""Installability, accessibility, language, layout and the update flow."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from boxes import box_of
from helpers import go_to, open_app, write_reflection
from playwright.sync_api import expect

VIEWS = {"/": "Today", "/journal": "Journal", "/insights": "Insights", "/settings": "Settings"}
DUTCH_NAMES = ["Vandaag", "Dagboek", "Inzichten", "Instellingen"]


def test_chromium_reports_no_installability_errors(profile_context):
    """Chromium's own check finds the app installable (in a real profile, as on a phone)."""
    page = profile_context.pages[0]
    open_app(page)
    cdp = profile_context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []


@pytest.mark.parametrize("locale", ["en-GB", "nl-BE"])
def test_axe_finds_no_violations_on_any_view(make_context, locale):
    """axe-core finds no accessibility violations on any view, with content, in both languages."""
    page = make_context(locale=locale).new_page()
    open_app(page)
    page.locator("#reflection").fill("Een reflectie / a reflection")
    page.locator("form.today button.primary").click()
    page.locator(".save-status:not(:empty)").wait_for()
    axe = Axe()
    for path in VIEWS:
        page.goto(path)
        page.locator("#main .view").wait_for()
        results = axe.run(page)
        assert results.violations_count == 0, f"{path}: {results.generate_report()}"


def test_navigation_names_in_english(page):
    """The navigation's links are named Today, Journal, Insights and Settings."""
    open_app(page)
    nav = page.get_by_role("navigation")
    for path, name in VIEWS.items():
        link = nav.get_by_role("link", name=name, exact=True)
        link.click()
        expect(page).to_have_url(f"{page.url.split('/')[0]}//{page.url.split('/')[2]}{path}")
        expect(link).to_have_attribute("aria-current", "page")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_language_follows_the_browser_and_is_remembered(make_context):
    """A Dutch browser gets Dutch; choosing English in Settings sticks after a reload."""
    page = make_context(locale="nl-NL").new_page()
    open_app(page)
    nav = page.get_by_role("navigation")
    for name in DUTCH_NAMES:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "nl"
    expect(page.get_by_role("button", name="Bewaren")).to_be_visible()

    go_to(page, "Instellingen")
    page.get_by_role("radio", name="English").check()
    expect(nav.get_by_role("link", name="Settings", exact=True)).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "en"
    go_to(page, "Today")
    expect(page.get_by_role("button", name="Save")).to_be_visible()


def test_usable_at_360_pixels_with_44_pixel_targets(page):
    """Nothing scrolls sideways at 360 px, and every button and link is at least 44 px tall."""
    open_app(page)
    write_reflection(page, "A " + "long " * 200)
    for path in VIEWS:
        page.goto(path)
        page.locator("#main .view").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        for target in page.locator("main button:visible, main a:visible, nav a").all():
            box = box_of(target)
            assert box["height"] >= 44 and box["width"] >= 44, (path, target.inner_text(), box)


def test_dark_mode_follows_the_system(make_context):
    """With a dark system theme the app is dark."""
    page = make_context(color_scheme="dark").new_page()
    open_app(page)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(part) for part in background[4:-1].split(","))
    assert red + green + blue < 150, background


def test_no_layout_shift_while_loading(page):
    """Opening the app moves nothing that was already on screen."""
    page.add_init_script(
        """window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });"""
    )
    open_app(page)
    page.reload()
    # The start is over when the question and the sync line are drawn and the fonts are in.
    expect(page.locator("#question")).not_to_be_empty()
    expect(page.locator("#sync-state")).not_to_be_empty()
    page.evaluate("document.fonts.ready.then(() => new Promise(requestAnimationFrame))")
    assert page.evaluate("window.__shift") < 0.01


def test_update_offers_reload_and_keeps_the_draft(page, live_server):
    """A new version offers "Update available — reload"; reloading keeps the unsaved draft."""
    open_app(page)
    page.locator("#reflection").fill("Words written before the update")
    live_server.app.config["BUILD_VERSION"] = "next-version"
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    expect(page.get_by_text("Update available")).to_be_visible()
    expect(page.locator("#reflection")).to_have_value("Words written before the update")

    with page.expect_event("load"):
        page.get_by_role("button", name="Reload").click()
    expect(page.locator("#reflection")).to_have_value("Words written before the update")
    caches = page.evaluate("caches.keys()")
    assert caches == ["lpb-static-next-version"]
