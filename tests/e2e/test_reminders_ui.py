"""Reminders that remember: what was saved shows after a reload and on another device; turning
them on says it is busy; when push cannot be set up the calendar feed is offered, as webcal://."""

from helpers import go_to, open_app
from playwright.sync_api import Page, expect
from test_habit import fake_subscription, push_server  # noqa: F401 (push_server: a fixture)
from test_sync import register, sign_in

from tests.reminders.test_reminders import Subscriber


def reminders(page: Page):
    """Return the Reminders region of Settings."""
    return page.get_by_role("region", name="Reminders")


def assert_shows(page: Page, time: str, days: set[str]) -> None:
    """The form holds this time and exactly these days."""
    region = reminders(page)
    expect(region.get_by_label("Time")).to_have_value(time)
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        box = region.get_by_label(day)
        expect(box).to_be_checked() if day in days else expect(box).not_to_be_checked()


WORKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}


def test_reminders_show_what_was_saved_after_a_reload_and_elsewhere(
    make_context,
    live_server,
    push_server,  # noqa: F811
):
    """07:30 Monday–Friday, saved on one phone, is what both phones show, with its time zone."""
    first = make_context()
    first.grant_permissions(["notifications"], origin=live_server.url)
    page = first.new_page()
    open_app(page)
    page.get_by_role("button", name="Skip").click()
    register(page, "ida@example.org")
    go_to(page, "Settings")
    fake_subscription(page, Subscriber(push_server))
    region = reminders(page)
    region.get_by_label("Time").fill("07:30")
    for day in ("Saturday", "Sunday"):
        region.get_by_label(day).uncheck()
    region.get_by_role("button", name="Turn reminders on").click()
    expect(region.get_by_role("status").first).to_contain_text("Reminder saved.")
    zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")

    page.reload()
    assert_shows(page, "07:30", WORKDAYS)
    expect(reminders(page)).to_contain_text(
        f"On: at 07:30 on Mon, Tue, Wed, Thu, Fri. Time zone: {zone}."
    )

    other = make_context().new_page()
    open_app(other)
    other.get_by_role("button", name="Skip").click()
    other.goto("/login")
    sign_in(other, "ida@example.org")
    go_to(other, "Settings")
    assert_shows(other, "07:30", WORKDAYS)
    expect(reminders(other)).to_contain_text(
        f"Chosen last: at 07:30 on Mon, Tue, Wed, Thu, Fri ({zone})."
    )
    # A calendar link made later, at 06:45 on weekdays, is what a reload shows from then on.
    reminders(other).get_by_label("Time").fill("06:45")
    reminders(other).get_by_role("button", name="Make a calendar link").click()
    expect(reminders(other).get_by_label("Your private calendar link")).to_be_visible()
    other.reload()
    assert_shows(other, "06:45", WORKDAYS)
    expect(reminders(other)).to_contain_text(
        f"Your calendar link reminds you at 06:45 on Mon, Tue, Wed, Thu, Fri ({zone})."
    )


def test_turning_on_is_busy_and_a_failed_push_offers_the_calendar(make_context, live_server):
    """While subscribing the button says so; when push fails, the calendar link is offered."""
    context = make_context()
    context.grant_permissions(["notifications"], origin=live_server.url)
    page = context.new_page()
    open_app(page)
    page.get_by_role("button", name="Skip").click()
    register(page, "jan@example.org")
    go_to(page, "Settings")
    # A push service that answers only when the test says, and then with a failure.
    page.evaluate(
        """() => {
            PushManager.prototype.getSubscription = async () => null;
            PushManager.prototype.subscribe = () => new Promise((resolve, reject) => {
                self.failSubscribe = () => reject(new DOMException('No push service', 'AbortError'));
            });
        }"""
    )
    region = reminders(page)
    region.get_by_role("button", name="Turn reminders on").click()
    busy = region.get_by_role("button", name="Turning reminders on…")
    expect(busy).to_be_disabled()
    expect(region.locator("form.reminders")).to_have_attribute("aria-busy", "true")
    # Not wait_for_function: it evaluates a string, which the CSP forbids.
    for _ in range(100):
        if page.evaluate("typeof self.failSubscribe === 'function'"):
            break
        page.wait_for_timeout(50)
    page.evaluate("self.failSubscribe()")
    expect(region).to_contain_text(
        "Notifications cannot be set up on this device. A reminder in your calendar does work"
    )
    expect(region.get_by_role("button", name="Turn reminders on")).to_be_enabled()
    expect(region.locator("form.reminders")).not_to_have_attribute("aria-busy", "true")
    make = region.get_by_role("button", name="Make a calendar link")
    expect(make).to_be_focused()
    make.click()
    url = region.get_by_label("Your private calendar link").input_value()
    add = region.get_by_role("link", name="Add to my calendar")
    expect(add).to_have_attribute("href", "webcal:" + url.split(":", 1)[1])
    assert url.endswith(".ics")
