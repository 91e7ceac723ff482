"""Getting back into an account in the browser: recovery codes, and the pages' accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from test_sync import PASSWORD

NEW_PASSWORD = "back in with a recovery code"


def test_a_recovery_code_gets_the_owner_back_in(make_context):
    """Codes shown after registering let the owner choose a new password from the sign-in page."""
    page = make_context().new_page()
    page.goto("/register")
    page.get_by_label("Email").fill("jan@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("You see them only this once.")).to_be_visible()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 8

    other = make_context().new_page()
    other.goto("/login")
    other.get_by_role("link", name="Forgot your password?").click()
    other.get_by_role("link", name="Use a recovery code").click()
    other.get_by_label("Email").fill("jan@example.org")
    other.get_by_label("Recovery code").fill(codes[0])
    other.get_by_label("New password").fill(NEW_PASSWORD)
    other.get_by_role("button", name="Save password").click()
    expect(other.get_by_text("You have 7 recovery codes left.")).to_be_visible()
    other.get_by_label("Email").fill("jan@example.org")
    other.get_by_label("Password").fill(NEW_PASSWORD)
    other.get_by_role("button", name="Sign in").click()
    other.locator("#main .view").wait_for()


@pytest.mark.parametrize("locale", ["en-GB", "nl-NL"])
def test_recovery_pages_are_accessible(make_context, locale):
    """axe finds nothing on the codes, forgot-password and recovery pages, errors shown included."""
    page = make_context(locale=locale).new_page()
    axe = Axe()
    page.goto("/register")
    page.locator("#email").fill("kim@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.locator(".recovery-codes").wait_for()
    for path in (None, "/forgot", "/recover", "/reset/not-a-token"):
        if path:
            page.goto(path)
        results = axe.run(page)
        assert results.violations_count == 0, results.generate_report()
    page.goto("/recover")
    page.locator("button[type=submit]").click()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
