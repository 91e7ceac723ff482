"""Take the README's phone screenshots: the first visit, Today, the finished day and Insights.

Run with .venv/bin/python; the PNGs go to docs/screenshots/.
"""

import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from helpers import open_app  # noqa: E402
from test_method import WEEK, add_reflections  # noqa: E402

from lpb import create_app  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

MIX = """async () => {
    const { createEntry } = await import('/static/js/data/entries.js');
    const { isoWeek } = await import('/static/js/method/day-math.js');
    const { localDay } = await import('/static/js/method/dates.js');
    const day = (ago) => { const d = new Date(); d.setDate(d.getDate() - ago); return d; };
    for (const [ago, paid, rest] of [[14, 60, 10], [7, 55, 15], [0, 45, 20]]) {
        await createEntry('mix', {
            week: isoWeek(localDay(day(ago))),
            actual: { paid, care: 15, volunteering: 5, learning: 100 - paid - rest - 20, rest },
            wished: { paid: 40, care: 20, volunteering: 10, learning: 10, rest: 20 },
        }, { createdAt: day(ago) });
    }
}"""


def main() -> None:
    """Serve a fresh app, fill it with a week, and photograph the first visit, Today, done, Insights."""
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "TESTING": True,
                "INSTANCE_PATH": f"{tmp}/instance",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/db.sqlite",
            }
        )
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(
                viewport={"width": 360, "height": 740},
                device_scale_factor=2,
                is_mobile=True,
                has_touch=True,
                locale="nl-BE",
                base_url=f"http://127.0.0.1:{server.server_port}",
            )
            open_app(page)
            page.wait_for_timeout(500)
            page.screenshot(path=ROOT / "docs/screenshots/intro.png")
            page.get_by_role("button", name="Overslaan").click()
            add_reflections(page, [{**item, "days_ago": item["days_ago"] + 1} for item in WEEK])
            page.evaluate(MIX)
            page.reload()
            page.locator("#reflection").fill(
                "Ik merk dat ik meer energie krijg van de wandeling dan van de vergadering."
            )
            page.get_by_role("button", name="Plek en planeet").click()
            page.wait_for_timeout(500)
            page.screenshot(path=ROOT / "docs/screenshots/today.png")
            page.get_by_role("button", name="Bewaren").click()
            page.get_by_role("heading", name="Vandaag is geschreven").wait_for()
            page.wait_for_timeout(300)
            page.screenshot(path=ROOT / "docs/screenshots/done.png")
            page.goto("/insights")
            page.locator("#main .view").wait_for()
            page.get_by_role("radio", name="7 dagen").check()
            page.wait_for_timeout(300)
            page.screenshot(path=ROOT / "docs/screenshots/insights.png")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
