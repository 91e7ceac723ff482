"""Take the README's guidance screenshot: a guide's page of a client, on a phone, in Dutch.

Run with .venv/bin/python; docs/screenshots/guide.png is written, and (to check the layout) the
same page at 1280 px and the client's side in /tmp/guide-*.png.
"""

import re
import sys
import tempfile
import threading
from pathlib import Path

import flask_migrate
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from helpers import open_app  # noqa: E402
from test_guidance_ui import in_dutch  # noqa: E402
from test_sync import register  # noqa: E402

from lpb import create_app  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True}
REFLECTIONS = [
    ("Ik merk dat ik meer energie krijg van de wandeling dan van de vergadering.", True),
    ("Een moeilijk gesprek met mijn leidinggevende; dat houd ik voor mezelf.", False),
    ("Vrijwilligerswerk bij de voedselbank gaf me vandaag echt zin.", True),
]


def write(page, text, share):
    """Write a reflection on Today, shared with the guide or not."""
    more = page.get_by_role("button", name="Nog iets anders aan je hoofd?")
    if more.is_visible():
        more.click()
    page.locator("#reflection").fill(text)
    if share:
        page.get_by_role("checkbox", name="Delen met mijn begeleider").check()
    page.get_by_role("button", name="Bewaren").click()
    page.get_by_role("heading", name="Vandaag is geschreven").wait_for()


def client_and_guide(browser, url, live):
    """Invite, accept, share two of three reflections, ask; return (client, guide, client page)."""
    client = browser.new_context(**PHONE, locale="en-GB", base_url=url).new_page()
    open_app(client)
    register(client, "anna@example.org")
    in_dutch(client, live)
    client.goto("/settings")
    client.get_by_label("Naam die je begeleider voor jou ziet").fill("Anna")
    client.get_by_role("button", name="Begeleider uitnodigen").click()
    link = client.get_by_label(re.compile("Uitnodigingslink")).input_value()
    guide = browser.new_context(**PHONE, locale="en-GB", base_url=url).new_page()
    open_app(guide)
    register(guide, "els@example.org")
    in_dutch(guide, live)
    guide.goto(link[link.index("/guide/accept/") :])
    guide.get_by_role("button", name="Aanvaarden").click()
    guide.wait_for_url(re.compile(r"/guide/clients/\d+$"))
    path = guide.url[guide.url.index("/guide/clients/") :]
    client.goto("/settings")
    client.get_by_role("heading", name="els@example.org").wait_for()
    client.goto("/")
    client.locator("#main .view").wait_for()
    for text, share in REFLECTIONS:
        write(client, text, share)
    client.locator("#sync-state").filter(has_text="Alles gesynchroniseerd").wait_for()
    client.wait_for_timeout(1500)
    guide.goto(path)
    guide.locator("form[action$='/question'] textarea").fill(
        "Wat gaf je deze week de meeste energie, en waarom denk je?"
    )
    guide.get_by_role("button", name="Vraag versturen").click()
    return client, guide, path


def main() -> None:
    """Serve a fresh app, play a client and a guide, and photograph the guide's page."""
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "TESTING": True,
                "INSTANCE_PATH": f"{tmp}/instance",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/db.sqlite",
            }
        )
        with app.app_context():
            flask_migrate.upgrade()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}"
        live = type("Live", (), {"url": url})
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            client, guide, path = client_and_guide(browser, url, live)
            guide.goto(path)
            guide.screenshot(path=ROOT / "docs/screenshots/guide.png")
            guide.screenshot(path="/tmp/guide-phone-full.png", full_page=True)
            guide.set_viewport_size({"width": 1280, "height": 900})
            guide.screenshot(path="/tmp/guide-desktop.png", full_page=True)
            guide.goto("/guide")
            guide.screenshot(path="/tmp/guide-home-desktop.png")
            client.wait_for_timeout(11000)  # a sync brings the question
            client.goto("/")
            client.locator("#main .view").wait_for()
            client.wait_for_timeout(500)
            client.screenshot(path="/tmp/guide-client-today.png", full_page=True)
            client.goto("/journal")
            client.wait_for_timeout(500)
            client.screenshot(path="/tmp/guide-client-journal.png", full_page=True)
            client.goto("/settings")
            client.get_by_role("heading", name="els@example.org").wait_for()
            client.locator("#guide-title").scroll_into_view_if_needed()
            client.screenshot(path="/tmp/guide-client-settings.png")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
