"""Take the README's phone screenshots: the first visit, Today, the finished day and Insights, and
Today and Insights at 200% text.

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
from test_meaning import seed  # noqa: E402

from lpb import create_app  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def main() -> None:
    """Serve a fresh app, fill it with a rated month, and photograph the first visit, Today, done, Insights."""
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
            seed(page)
            page.reload()
            page.locator("#reflection").fill(
                "Ik merk dat ik meer energie krijg van de wandeling dan van de vergadering."
            )
            page.get_by_role("button", name="Plek en planeet").click()
            page.get_by_role("button", name="4", exact=True).click()
            page.locator(".today").get_by_role("button", name="Zingeving 5").click()
            # Taller than the phone's screen, so the ratings and the quick check-in show too.
            page.set_viewport_size({"width": 360, "height": 1180})
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(500)
            page.screenshot(path=ROOT / "docs/screenshots/today.png")
            page.set_viewport_size({"width": 360, "height": 740})
            page.get_by_role("button", name="Bewaren").click()
            page.get_by_role("heading", name="Klaar voor vandaag").wait_for()
            page.wait_for_timeout(300)
            page.screenshot(path=ROOT / "docs/screenshots/done.png")
            page.goto("/insights")
            page.locator("#main .view").wait_for()
            page.get_by_role("radio", name="30 dagen").check()
            page.wait_for_timeout(300)
            page.screenshot(path=ROOT / "docs/screenshots/insights.png")
            large_text(page)
            browser.close()
        server.shutdown()


def large_text(page) -> None:
    """Photograph Today and Insights with text at 200%, on the same phone and data."""
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " document.documentElement.style.fontSize = '200%'; })"
    )
    page.goto("/")
    page.locator(".next-step > .actions button").click()  # "something else on your mind?"
    page.wait_for_timeout(500)
    page.screenshot(path=ROOT / "docs/screenshots/today-200.png")
    page.goto("/insights")
    page.locator(".period input[type=radio]").nth(1).check(force=True)  # 30 days
    page.locator(".quadrant h2").evaluate("(heading) => heading.scrollIntoView()")
    page.wait_for_timeout(300)
    page.screenshot(path=ROOT / "docs/screenshots/insights-200.png")


if __name__ == "__main__":
    main()
