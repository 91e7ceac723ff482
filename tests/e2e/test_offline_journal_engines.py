"""The main offline journal flow in Firefox and WebKit, as in Chromium: write a reflection offline,
reload offline and find it, sign up, sync, and find it on a second profile that started empty.

Firefox is Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi from a Node script;
WebKit is Debian's WebKitGTK through its WebDriver (WebKitWebDriver) and Selenium, on a virtual
screen (xvfb-run). WebKit's driver cannot take the network away, so its test reaches the app
through a proxy it switches off (tests/e2e/network_switch.py).
"""

import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import wait_until
from network_switch import NetworkSwitch
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

FIREFOX_FLOW = Path(__file__).with_name("firefox_offline_journal.js")
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
TEXT = "Written offline in WebKit"
EMAIL = "webkit@example.org"
PASSWORD = "a long enough password"
SYNC_SECONDS = 20  # the app syncs at once after signing in, and every 10 s while open


def test_the_offline_journal_flow_in_firefox(live_server):
    """Firefox writes offline, reloads offline, signs up, and a second profile gets the entry."""
    result = subprocess.run(
        ["node", str(FIREFOX_FLOW), live_server.url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "saved offline",
        "found after an offline reload",
        "signed up and synced",
        "an empty second profile",
        "found on a second profile",
    ]


@pytest.fixture
def webkit_driver() -> Iterator[str]:
    """Start WebKitWebDriver on a virtual screen; return its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    driver = subprocess.Popen(
        ["xvfb-run", "--auto-servernum", WEBKIT_DRIVER, f"--port={port}"],
        env={**os.environ, "LANG": "en_GB.UTF-8", "LANGUAGE": "en_GB"},
        start_new_session=True,  # xvfb-run's Xvfb and the driver end with it
    )

    def listening():
        try:
            socket.create_connection(("127.0.0.1", port)).close()
            return True
        except OSError:
            assert driver.poll() is None, "WebKitWebDriver did not start"
            return False

    wait_until(listening, "WebKitWebDriver to listen", seconds=30)
    yield f"http://127.0.0.1:{port}"
    os.killpg(driver.pid, signal.SIGTERM)
    driver.wait(timeout=30)


@contextmanager
def webkit(driver_url: str) -> Iterator[WebDriver]:
    """Open a WebKit window with a fresh profile of its own."""
    options = webdriver.WebKitGTKOptions()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    driver = RemoteConnection(client_config=ClientConfig(remote_server_addr=driver_url))
    browser = webdriver.Remote(command_executor=driver, options=options)
    try:
        yield browser
    finally:
        browser.quit()


def element(browser: WebDriver, selector: str) -> WebElement:
    """Wait for the element matching selector and return it."""
    found = WebDriverWait(browser, 15).until(
        lambda browser: next(iter(browser.find_elements(By.CSS_SELECTOR, selector)), None),
        f"an element matching {selector}",
    )
    assert found is not None
    return found


def wait_for_text(browser: WebDriver, selector: str, text: str, seconds: float = 15) -> None:
    """Wait until an element matching selector contains text."""
    WebDriverWait(browser, seconds).until(
        lambda browser: browser.execute_script(
            """const [selector, text] = arguments;
            return [...document.querySelectorAll(selector)]
                .some((element) => element.textContent.includes(text));""",
            selector,
            text,
        ),
        f"{selector} to contain {text!r}",
    )


def open_app(browser: WebDriver, url: str) -> None:
    """Open the app and wait until the service worker controls the page and a view is drawn."""
    browser.get(url)
    browser.execute_async_script(
        """const done = arguments[arguments.length - 1];
        if (navigator.serviceWorker.controller) done();
        else navigator.serviceWorker.addEventListener('controllerchange', () => done());"""
    )
    element(browser, "#main .view")


def reaches_the_server(browser: WebDriver) -> bool:
    """Return whether the page can fetch from the server."""
    return browser.execute_async_script(
        """const done = arguments[arguments.length - 1];
        fetch('/api/session', { cache: 'no-store' }).then(() => done(true), () => done(false));"""
    )


def open_journal(browser: WebDriver) -> None:
    """Open the journal through the tab bar."""
    element(browser, 'nav.tabs a[href="/journal"]').click()


def submit_account_form(browser: WebDriver) -> None:
    """Fill in and send the server's sign-up or sign-in form."""
    element(browser, "#email").send_keys(EMAIL)
    element(browser, "#password").send_keys(PASSWORD)
    element(browser, "form button[type=submit]").click()


def test_the_offline_journal_flow_in_webkit(live_server, webkit_driver):
    """WebKit writes offline, reloads offline, signs up, and a second profile gets the entry."""
    network = NetworkSwitch(int(live_server.url.rsplit(":", 1)[1]))
    try:
        with webkit(webkit_driver) as phone:
            open_app(phone, network.url)
            network.off()
            assert reaches_the_server(phone) is False
            element(phone, "#reflection").send_keys(TEXT)
            element(phone, "form.today button[type=submit]").click()
            wait_for_text(phone, "[role=status]", "Saved")

            phone.refresh()
            open_journal(phone)
            wait_for_text(phone, "article", TEXT)

            network.on()
            phone.get(f"{network.url}/register")
            submit_account_form(phone)
            element(phone, "main a.button.primary").click()
            wait_for_text(phone, "#sync-state", "All synced", SYNC_SECONDS)

        with webkit(webkit_driver) as laptop:
            open_app(laptop, network.url)
            open_journal(laptop)
            wait_for_text(laptop, "main", "No reflections yet.")
            laptop.get(f"{network.url}/login")
            submit_account_form(laptop)
            element(laptop, "#main .view")
            open_journal(laptop)
            wait_for_text(laptop, "article", TEXT, SYNC_SECONDS)
    finally:
        network.close()
