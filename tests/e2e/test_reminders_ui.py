"""Reminders that remember: what was saved shows after a reload and on another device; turning
them on says it is busy; when push cannot be set up the calendar feed is offered, as webcal://."""

import json

import pytest
import sqlalchemy as sa
from helpers import go_to, open_app, wait_until, write_reflection
from playwright.sync_api import Page, expect
from test_habit import assert_no_violations
from test_sync import register, sign_in

from lpb.extensions import db
from lpb.models import PushDevice
from lpb.reminders import webpush
from tests.reminders.test_reminders import PUSH_SETTINGS, PushReceiver, Subscriber


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


@pytest.fixture
def push_server(live_server):
    """Let the live server push to a receiver on loopback, as to a browser's push service."""
    live_server.app.config.update(PUSH_SETTINGS)
    receiver = PushReceiver()
    yield receiver
    receiver.close()


def fake_subscription(page: Page, subscriber: Subscriber) -> None:
    """Make pushManager.subscribe answer with the test's subscription (Chromium's needs Google)."""
    page.evaluate(
        """(subscription) => {
            PushManager.prototype.getSubscription = async () => null;
            PushManager.prototype.subscribe = async (options) => {
                const key = new Uint8Array(options.applicationServerKey);
                self.subscribedWith = { userVisibleOnly: options.userVisibleOnly,
                    key: btoa(String.fromCharCode(...key)).replace(/\\+/g, '-')
                        .replace(/\\//g, '_').replace(/=+$/, '') };
                return { ...subscription, toJSON: () => subscription, unsubscribe: async () => true };
            };
        }""",
        subscriber.subscription,
    )


def worker_registration_id(page: Page, cdp) -> str:
    """Return the id of the app's service worker registration, through DevTools."""
    found: list[dict] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: found.extend(r for r in event["registrations"] if not r["isDeleted"]),
    )
    cdp.send("ServiceWorker.enable")
    wait_until(lambda: found, "DevTools to report the service worker", page)
    return found[0]["registrationId"]


NOTIFICATIONS = """async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications())
        .map(({ title, body, tag }) => ({ title, body, tag }));
}"""


def notifications(page: Page) -> list[dict]:
    """Return the title, body and tag of every notification the worker shows."""
    return page.evaluate(NOTIFICATIONS)


def wait_for_notification(page: Page, body: str) -> None:
    """Wait until the worker shows a notification with this body."""
    wait_until(
        lambda: any(shown["body"] == body for shown in notifications(page)),
        f"a notification saying {body!r}",
        page,
    )


def test_reminders_from_settings_to_a_notification(context, page, live_server, push_server):
    """Turn reminders on: the subscription reaches the server; a push shows today's question."""
    context.grant_permissions(["notifications"], origin=live_server.url)
    open_app(page)
    page.get_by_role("button", name="Skip").click()
    go_to(page, "Settings")
    expect(page.get_by_role("region", name="Reminders")).to_contain_text("need an account")
    register(page, "rosa@example.org")
    # Joining the account gave today the account's question, as on its other devices.
    question = page.locator("#question").inner_text()
    go_to(page, "Settings")
    subscriber = Subscriber(push_server)
    fake_subscription(page, subscriber)
    reminders = page.get_by_role("region", name="Reminders")
    reminders.get_by_label("Time").fill("07:30")
    for day in ("Saturday", "Sunday"):
        reminders.get_by_label(day).uncheck()
    reminders.get_by_label("Skip when I've already written today").check()
    assert_no_violations(page)
    reminders.get_by_role("button", name="Turn reminders on").click()
    expect(reminders.get_by_role("status").first).to_contain_text("Reminder saved.")
    expect(reminders).to_contain_text("On: at 07:30 on Mon, Tue, Wed, Thu, Fri.")

    client_id = page.evaluate(
        """async () => {
            const { readOutbox } = await import('/static/js/data/sync-store.js');
            return (await readOutbox()).clientId;
        }"""
    )
    zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    with live_server.app.app_context():
        device = db.session.scalars(sa.select(PushDevice)).one()
        public_key = webpush.public_key()
        assert (device.endpoint, device.p256dh, device.auth) == (
            subscriber.endpoint,
            subscriber.keys["p256dh"],
            subscriber.keys["auth"],
        )
        assert (device.device_id, device.remind_at, device.weekdays) == (
            client_id,
            "07:30",
            0b11111,
        )
        assert device.time_zone == zone and device.skip_when_written
        # The server's sender pushes to the receiver; the test decrypts as the browser would.
        assert device.endpoint and device.p256dh and device.auth
        assert (
            webpush.send(
                device.endpoint, device.p256dh, device.auth, {"type": "reminder", "day": "x"}
            ).name
            == "SENT"
        )
    assert page.evaluate("self.subscribedWith") == {"userVisibleOnly": True, "key": public_key}
    payload = subscriber.decrypt(push_server.received[-1]["body"])

    cdp = context.new_cdp_session(page)
    registration = worker_registration_id(page, cdp)
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": live_server.url, "registrationId": registration, "data": json.dumps(payload)},
    )
    wait_for_notification(page, question)
    assert notifications(page) == [{"title": "Levensloopbaan", "body": question, "tag": "reminder"}]

    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": live_server.url, "registrationId": registration, "data": "not json"},
    )
    wait_for_notification(page, "Time for your minute of today.")
    assert notifications(page) == [
        {"title": "Levensloopbaan", "body": "Time for your minute of today.", "tag": "reminder"}
    ]


def test_reminders_say_when_notifications_are_blocked(context, page, live_server, push_server):
    """Refused notifications explain what to do; the calendar feed is made, shown and revoked."""
    open_app(page)
    register(page, "tom@example.org")
    page.evaluate("Notification.requestPermission = async () => 'denied'")
    go_to(page, "Settings")
    page.evaluate(
        "Object.defineProperty(Notification, 'permission', { get: () => 'denied' });"
        "Notification.requestPermission = async () => 'denied'"
    )
    reminders = page.get_by_role("region", name="Reminders")
    reminders.get_by_role("button", name="Turn reminders on").click()
    expect(reminders).to_contain_text("Notifications are blocked for this app.")
    reminders.get_by_role("button", name="Make a calendar link").click()
    url = reminders.get_by_label("Your private calendar link").input_value()
    assert "/calendar/" in url and url.endswith(".ics")
    assert page.request.get(url).ok
    assert_no_violations(page)
    reminders.get_by_role("button", name="Revoke the calendar link").click()
    expect(reminders).to_contain_text("The calendar link is revoked.")
    assert page.request.get(url).status == 404


def test_saving_today_tells_the_server_when_reminders_are_on(
    context, page, live_server, push_server
):
    """With reminders on, a reflection saved today reaches the server as written-today."""
    context.grant_permissions(["notifications"], origin=live_server.url)
    open_app(page)
    register(page, "lea@example.org")
    go_to(page, "Settings")
    fake_subscription(page, Subscriber(push_server))
    reminders = page.get_by_role("region", name="Reminders")
    reminders.get_by_role("button", name="Turn reminders on").click()
    expect(reminders.get_by_role("status").first).to_contain_text("Reminder saved.")
    go_to(page, "Today")
    write_reflection(page, "A short walk at lunch")
    today = page.evaluate("import('/static/js/method/dates.js').then(({ localDay }) => localDay())")

    def written_day():
        with live_server.app.app_context():
            return db.session.scalars(sa.select(PushDevice.written_day)).one()

    wait_until(lambda: written_day() == today, "the server to hear of today's reflection", page)

    reminders_off = page.get_by_role("region", name="Reminders")
    go_to(page, "Settings")
    reminders_off.get_by_role("button", name="Turn reminders off").click()
    expect(reminders_off).to_contain_text("Reminders are off on this device.")
    with live_server.app.app_context():
        assert db.session.scalars(sa.select(PushDevice)).all() == []


def test_reminders_show_what_was_saved_after_a_reload_and_elsewhere(
    make_context,
    live_server,
    push_server,
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
    page.wait_for_function("() => typeof self.failSubscribe === 'function'")
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
