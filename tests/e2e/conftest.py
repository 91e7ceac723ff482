"""A live server and Debian's Chromium, driven by Playwright, with a phone viewport."""

import threading
from types import SimpleNamespace

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def live_server(make_app):
    """Serve a fresh app on a free loopback port for one test."""
    app = make_app()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_port}", app=app)
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def playwright():
    """Start Playwright once for the whole run."""
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    """Launch Debian's Chromium once for the whole run."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def profile_context(playwright, live_server, tmp_path):
    """Return a phone with a real (not incognito) profile, as an installed app would have."""
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile",
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        base_url=live_server.url,
        locale="en-GB",
        **PHONE,
    )
    yield context
    context.close()


@pytest.fixture
def make_context(browser, live_server):
    """Return a factory of phone-sized browser contexts (each a separate device)."""
    contexts = []

    def make(locale="en-GB", **options):
        context = browser.new_context(
            **PHONE, locale=locale, base_url=live_server.url, service_workers="allow", **options
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(make_context):
    """Return one English-speaking phone."""
    return make_context()


@pytest.fixture
def page(context):
    """Return a page on the phone."""
    return context.new_page()


def pytest_collection_modifyitems(items):
    """Ignore files left open by the live server's threads when the browser drops a request.

    Werkzeug's static file responses are closed by the WSGI server only when fully sent; a browser
    that cancels a request (a navigation or reload mid-load) leaves one for the garbage collector,
    and pytest would pin that warning on whichever test happens to run then.
    """
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.filterwarnings("ignore::ResourceWarning"))
            item.add_marker(
                pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
            )
