"""Take the README's screenshots of a guide's practice view and a client's page, in Dutch, at
360 px and 1280 px wide. Run with .venv/bin/python; the PNGs go to docs/screenshots/.
"""

import sys
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path

import flask_migrate
import sqlalchemy as sa
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))

from helpers import open_app  # noqa: E402
from practice_view import seed  # noqa: E402
from test_sync import register  # noqa: E402

from lpb import create_app  # noqa: E402
from lpb.extensions import db  # noqa: E402
from lpb.models import User  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

NAMES = ["Anna de Wit", "Bram", "Chantal V.", "Daan", "Emre Yilmaz", "Fleur"]
NEWS = [3, 0, 1, 0, 2, 0]
TEXTS = [
    "Het gesprek met mijn teamleider gaf me meer ruimte dan ik had verwacht.",
    "Vandaag de hele dag gezorgd voor mijn moeder; moe, maar het voelde juist.",
    "Op de fiets naar het werk merkte ik hoe graag ik buiten ben.",
    "In de vergadering zei ik eindelijk wat ik dacht. Spannend, en goed.",
    "Vrijwilligerswerk bij de voedselbank: ik wil hier meer tijd voor.",
]


def main() -> None:
    """Serve a fresh app with a guide of six clients and photograph the practice and one client."""
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
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(
                viewport={"width": 360, "height": 740},
                device_scale_factor=2,
                locale="en-GB",
                timezone_id="Europe/Amsterdam",
                base_url=f"http://127.0.0.1:{server.server_port}",
            )
            open_app(page)
            register(page, "els@example.org")
            with app.app_context():
                guide = db.session.scalar(sa.select(User).where(User.email == "els@example.org"))
                guide.display_name = "Els Jansen"
                guide_id = guide.id
                db.session.commit()
            seed(app, guide_id, len(NAMES), 24, names=NAMES, news=NEWS, texts=TEXTS)
            page.evaluate("() => localStorage.setItem('lpb.lang', 'nl')")
            page.goto("/guidance")
            page.get_by_role("heading", name="Je cliënten").wait_for()
            page.get_by_role("navigation").get_by_role("link", name="Begeleiding").wait_for()
            shots = ROOT / "docs/screenshots"
            page.screenshot(path=shots / "practice-360.png")
            page.set_viewport_size({"width": 1280, "height": 800})
            page.screenshot(path=shots / "practice-1280.png")
            page.set_viewport_size({"width": 360, "height": 740})
            page.get_by_role("link", name="Anna de Wit").click()
            page.get_by_label("Notities (alleen jij leest ze)").fill(
                "Wil meer tijd voor vrijwilligerswerk. Volgende keer: wat zou ze loslaten?"
            )
            page.get_by_text("Bewaard om", exact=False).wait_for()
            page.get_by_label("Gesprek gehouden op").fill(
                (date.today() - timedelta(days=3)).isoformat()
            )
            page.get_by_role("button", name="Gesprek vastleggen").click()
            page.get_by_role("region", name="Sinds het laatste gesprek", exact=False).wait_for()
            page.evaluate("() => scrollTo(0, 0)")
            page.screenshot(path=shots / "practice-client-360.png")
            page.set_viewport_size({"width": 1280, "height": 800})
            page.screenshot(path=shots / "practice-client-1280.png")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
