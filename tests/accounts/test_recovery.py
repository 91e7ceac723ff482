"""Getting back in: a reset link by email (a real SMTP server on loopback), or recovery codes."""

import re
import time
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from lpb import clock
from tests.accounts.test_accounts import form_token_for
from tests.api_client import PASSWORD, form_token, matched, register, sign_in
from tests.postgres import _free_port

NEW_PASSWORD = "a fresh start for anna"


class Inbox:
    """An SMTP handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        """Keep the message."""
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def wait_for(self, count: int):
        """Return the messages once count have arrived (sending happens in the background)."""
        deadline = time.monotonic() + 10
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) == count
        return self.messages


@pytest.fixture
def inbox(db_app):
    """Run an SMTP server on loopback and configure the app to send mail through it."""
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    db_app.config.update(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=controller.port,
        MAIL_SENDER="lpb@example.org",
        PUBLIC_URL="https://journal.example.org",
    )
    yield handler
    controller.stop()


def register_by_mail(client, inbox, email: str, password: str = PASSWORD):
    """Sign up with mail on: the form, then the link in the mail and its button; return the answer."""
    before = len(inbox.messages)
    answer = register(client, email, password)
    assert answer.status_code == 200 and "Check your email" in answer.get_data(as_text=True)
    message = inbox.wait_for(before + 1)[-1]
    path = re.search(r"https://journal\.example\.org(/register/confirm/\S+)", message.get_content())
    assert path is not None, message.get_content()
    link = path.group(1)
    created = client.post(link, data={"csrf_token": form_token(client, link)})
    inbox.messages.remove(message)
    return created


def ask_for_link(client, email: str):
    """Post the forgot-password form."""
    return client.post(
        "/forgot",
        data={"csrf_token": form_token(client, "/forgot"), "email": email},
        follow_redirects=True,
    )


def reset_path(message) -> str:
    """Return the path of the reset link in an email."""
    return matched(r"https?://[^/\s]+(/reset/\S+)", message.get_content()).group(1)


def choose_password(client, path: str, password: str = NEW_PASSWORD):
    """Post a new password on a reset link's page."""
    return client.post(
        path, data={"csrf_token": form_token(client, path), "new_password": password}
    )


def test_login_page_links_to_forgot_password(db_app):
    """The sign-in page offers help with a forgotten password, in both languages."""
    client = db_app.test_client()
    assert "Forgot your password?" in client.get("/login").get_data(as_text=True)
    dutch = client.get("/login", headers={"Accept-Language": "nl"}).get_data(as_text=True)
    assert "Wachtwoord vergeten?" in dutch


def test_reset_link_by_email(db_app, inbox):
    """The link arrives, sets a new password once, and every old session ends."""
    phone, laptop = db_app.test_client(), db_app.test_client()
    assert register_by_mail(phone, inbox, "anna@example.org").headers["Location"] == "/"
    sign_in(laptop, "anna@example.org")

    answer = ask_for_link(db_app.test_client(), "Anna@Example.org")
    assert "an email with a link is on its way" in answer.get_data(as_text=True)
    (message,) = inbox.wait_for(1)
    assert message["To"] == "anna@example.org"
    assert "30 minutes" in message.get_content()
    path = reset_path(message)

    stranger = db_app.test_client()
    assert stranger.get(path).status_code == 200
    assert choose_password(stranger, path).headers["Location"] == "/login"
    assert phone.get("/api/pull").status_code == 401
    assert laptop.get("/api/pull").status_code == 401
    assert stranger.get("/api/pull").status_code == 401
    assert sign_in(db_app.test_client(), "anna@example.org", NEW_PASSWORD).status_code == 302
    assert sign_in(db_app.test_client(), "anna@example.org", PASSWORD).status_code == 401

    again = db_app.test_client()
    assert again.get(path).status_code == 410
    assert "expired or was used already" in again.get(path).get_data(as_text=True)


def test_reset_link_expires_after_30_minutes(db_app, inbox, monkeypatch):
    """A link older than 30 minutes changes nothing."""
    register_by_mail(db_app.test_client(), inbox, "anna@example.org")
    ask_for_link(db_app.test_client(), "anna@example.org")
    path = reset_path(inbox.wait_for(1)[0])
    client = db_app.test_client()
    token = form_token(client, path)
    later = clock.now() + timedelta(minutes=31)
    monkeypatch.setattr(clock, "now", lambda: later)
    response = client.post(path, data={"csrf_token": token, "new_password": NEW_PASSWORD})
    assert response.status_code == 410
    assert sign_in(db_app.test_client(), "anna@example.org").status_code == 302


def test_reset_answer_is_the_same_for_unknown_addresses(db_app, inbox):
    """Whether the address has an account or not, the page says the same; no mail is sent."""
    register_by_mail(db_app.test_client(), inbox, "anna@example.org")
    known = ask_for_link(db_app.test_client(), "anna@example.org").get_data(as_text=True)
    unknown = ask_for_link(db_app.test_client(), "nobody@example.org").get_data(as_text=True)
    strip = re.compile(r'name="csrf_token" type="hidden" value="[^"]+"')
    assert strip.sub("", known) == strip.sub("", unknown)
    time.sleep(0.5)
    assert len(inbox.wait_for(1)) == 1


def test_reset_links_are_rate_limited(db_app, inbox):
    """Three links an hour per address asked for; the fourth request waits."""
    register_by_mail(db_app.test_client(), inbox, "anna@example.org")
    for _ in range(3):
        ask_for_link(db_app.test_client(), "anna@example.org")
    client = db_app.test_client()
    response = client.post(
        "/forgot", data={"csrf_token": form_token(client, "/forgot"), "email": "anna@example.org"}
    )
    assert response.status_code == 429 and "Retry-After" in response.headers
    assert len(inbox.wait_for(3)) == 3


def test_a_new_password_from_a_link_follows_the_rules(db_app, inbox):
    """The reset page refuses a common password, and the link still works afterwards."""
    register_by_mail(db_app.test_client(), inbox, "anna@example.org")
    ask_for_link(db_app.test_client(), "anna@example.org")
    path = reset_path(inbox.wait_for(1)[0])
    client = db_app.test_client()
    refused = choose_password(client, path, "password123")
    assert refused.status_code == 400
    assert "list of common passwords" in refused.get_data(as_text=True)
    assert choose_password(client, path).status_code == 302


def shown_codes(client) -> list[str]:
    """Return the recovery codes on the page shown after registering or asking for new ones."""
    response = client.get("/recovery-codes")
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert "You see them only this once." in html
    return re.findall(r"<code>([0-9a-z-]+)</code>", html)


def recover(client, email: str, code: str, password: str = NEW_PASSWORD):
    """Post the recovery-code form."""
    return client.post(
        "/recover",
        data={
            "csrf_token": form_token(client, "/recover"),
            "email": email,
            "recovery_code": code,
            "new_password": password,
        },
    )


def test_without_mail_registering_shows_recovery_codes_once(db_app):
    """After registering, 8 codes are shown once; the forgot page then offers to use one."""
    client = db_app.test_client()
    response = register(client, "anna@example.org")
    assert response.headers["Location"] == "/recovery-codes"
    codes = shown_codes(client)
    assert len(codes) == 8 and len(set(codes)) == 8
    assert client.get("/recovery-codes").headers["Location"] == "/account"
    forgot = client.get("/forgot").get_data(as_text=True)
    assert "This server does not send email." in forgot and 'href="/recover"' in forgot


def test_a_recovery_code_resets_the_password_once(db_app):
    """A code sets a new password and ends every session; it cannot be used twice."""
    phone = db_app.test_client()
    register(phone, "anna@example.org")
    codes = shown_codes(phone)

    stranger = db_app.test_client()
    response = recover(stranger, "anna@example.org", codes[3].upper())
    assert response.headers["Location"] == "/login"
    assert "You have 7 recovery codes left." in stranger.get("/login").get_data(as_text=True)
    assert phone.get("/api/pull").status_code == 401
    assert sign_in(db_app.test_client(), "anna@example.org", NEW_PASSWORD).status_code == 302

    reused = recover(db_app.test_client(), "anna@example.org", codes[3], "yet another password")
    assert reused.status_code == 401
    assert "Email or recovery code is not right." in reused.get_data(as_text=True)


def test_new_recovery_codes_replace_the_old_ones(db_app):
    """Asking for new codes on the account page shows new ones once; the old ones stop working."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    old = shown_codes(client)
    account = client.get("/account").get_data(as_text=True)
    assert "You have 8 unused recovery codes." in account
    response = client.post("/account", data={"codes-csrf_token": form_token_for(client, "codes")})
    assert response.headers["Location"] == "/recovery-codes"
    new = shown_codes(client)
    assert not set(old) & set(new)
    assert recover(db_app.test_client(), "anna@example.org", old[0]).status_code == 401
    assert recover(db_app.test_client(), "anna@example.org", new[0]).status_code == 302


def test_guessing_recovery_codes_is_limited(db_app):
    """5 wrong codes for an account, then a wait."""
    register(db_app.test_client(), "anna@example.org")
    client = db_app.test_client()
    for number in range(5):
        assert recover(client, "anna@example.org", f"0000-0000-000{number}").status_code == 401
    response = recover(client, "anna@example.org", "0000-0000-0009")
    assert response.status_code == 429 and "Retry-After" in response.headers
