"""Accounts: forms, password hashing, sign-in limits, revocable sessions and cookies."""

import re
import time

import pytest
import sqlalchemy as sa

from lpb.extensions import db
from lpb.models import User
from tests.api_client import PASSWORD, Device, entry, form_token, matched, put, register, sign_in


def test_register_form_in_english_and_dutch(db_app):
    """The form has labelled Email and Password fields and its button, in both languages."""
    client = db_app.test_client()
    english = client.get("/register", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert re.search(r'<label for="email">Email</label>', english)
    assert re.search(r'<label for="password">Password</label>', english)
    assert "Create account</button>" in english
    dutch = client.get("/register", headers={"Accept-Language": "nl-BE"}).get_data(as_text=True)
    assert "E-mailadres</label>" in dutch and "Account maken</button>" in dutch
    login = client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Sign in</button>" in login


def test_register_signs_in_and_stores_an_argon2id_hash(db_app):
    """A new account is signed in at once; its password is hashed at OWASP's argon2id settings."""
    client = db_app.test_client()
    response = register(client, "  Anna@Example.org ")
    assert response.status_code == 302
    assert client.get("/api/session").json["email"] == "anna@example.org"
    with db_app.app_context():
        stored = db.session.execute(sa.select(User.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("not-an-email", PASSWORD, "Enter a valid email address."),
        ("a@example.org", "short", "at least 10 characters"),
        ("a@example.org", "nine char", "at least 10 characters"),
        ("a@example.org", "Password1234", "list of common passwords"),
        ("a@example.org", "qwertyuiop", "list of common passwords"),
        ("a@example.org", "wachtwoord1", "list of common passwords"),
        ("a@example.org", "Welkom2026!", "list of common passwords"),
        ("a@example.org", "Feyenoord123", "list of common passwords"),
        ("a.de.vries@example.org", "A.de.Vries@example.org", "cannot be your email address"),
        ("a.de.vries@example.org", "a.de.vries", "cannot be your email address"),
        ("a@example.org", " " * 12, "only spaces or invisible characters"),
        ("a@example.org", "\u200b\u2060" * 6, "only spaces or invisible characters"),
        ("a\x00b@example.org", PASSWORD, "not allowed (control characters)"),
        ("a@example.org", "correct\x00horse battery", "not allowed (control characters)"),
        ("a\u200b@example.org", PASSWORD, "invisible characters or spaces"),
        ("a@exa mple.org", PASSWORD, "invisible characters or spaces"),
        ("a@example..org", PASSWORD, "Enter a valid email address."),
        ("", PASSWORD, "This field is required."),
        ("a@example.org", "x" * 129, "at most 128 characters"),
    ],
)
def test_register_rejects_bad_input_with_a_message(db_app, email, password, message):
    """Bad input is answered with a clear message and creates nothing."""
    client = db_app.test_client()
    response = register(client, email, password)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with db_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_register_twice_with_one_email(db_app):
    """A taken address gets a message, not a second account."""
    register(db_app.test_client(), "anna@example.org")
    response = register(db_app.test_client(), "ANNA@example.org")
    assert "There is already an account with this email." in response.get_data(as_text=True)
    with db_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def test_sign_in_with_wrong_password(db_app):
    """A wrong password or unknown account says so, without telling which."""
    register(db_app.test_client(), "anna@example.org")
    client = db_app.test_client()
    wrong = sign_in(client, "anna@example.org", "wrong password")
    unknown = sign_in(client, "nobody@example.org")
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert "Email or password is not right." in response.get_data(as_text=True)
    assert client.get("/api/session").json["signed_in"] is False
    assert sign_in(client, "anna@example.org").status_code == 302


def test_sign_out_ends_the_session_on_the_server(db_app):
    """After signing out, a copy of the old cookie no longer works."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    cookie = client.get_cookie("lpb").value
    thief = db_app.test_client()
    thief.set_cookie("lpb", cookie)
    assert thief.get("/api/pull").status_code == 200

    token = client.get("/api/session").json["csrf_token"]
    assert client.post("/api/signout", headers={"X-CSRFToken": token}).status_code == 200
    response = thief.get("/api/pull")
    assert response.status_code == 401
    assert response.json["error"] == "not_signed_in"


def test_sign_out_other_devices(db_app):
    """ "Sign out other devices" ends every other session and keeps this one."""
    phone, laptop = db_app.test_client(), db_app.test_client()
    register(phone, "anna@example.org")
    sign_in(laptop, "anna@example.org")
    response = phone.post(
        "/account",
        data={"others-csrf_token": form_token_for(phone, "others")},
        follow_redirects=True,
    )
    assert "Your other devices are signed out (1)." in response.get_data(as_text=True)
    assert laptop.get("/api/pull").status_code == 401
    assert phone.get("/api/pull").status_code == 200


def form_token_for(client, prefix: str) -> str:
    """Return the CSRF token of a prefixed form on the account page."""
    html = client.get("/account").get_data(as_text=True)
    return matched(rf'name="{prefix}-csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_password_change_signs_out_other_devices(db_app):
    """A new password keeps this device signed in and signs out the others."""
    phone, laptop = db_app.test_client(), db_app.test_client()
    register(phone, "anna@example.org")
    sign_in(laptop, "anna@example.org")
    response = phone.post(
        "/account",
        data={
            "password-csrf_token": form_token_for(phone, "password"),
            "password-current_password": PASSWORD,
            "password-new_password": "a brand new password",
        },
        follow_redirects=True,
    )
    assert "Your password was changed." in response.get_data(as_text=True)
    assert laptop.get("/api/pull").status_code == 401
    assert phone.get("/api/pull").status_code == 200
    assert (
        sign_in(db_app.test_client(), "anna@example.org", "a brand new password").status_code == 302
    )


def test_password_change_needs_the_current_password(db_app):
    """A wrong current password changes nothing."""
    phone = db_app.test_client()
    register(phone, "anna@example.org")
    response = phone.post(
        "/account",
        data={
            "password-csrf_token": form_token_for(phone, "password"),
            "password-current_password": "not it",
            "password-new_password": "a brand new password",
        },
    )
    assert "Email or password is not right." in response.get_data(as_text=True)
    assert sign_in(db_app.test_client(), "anna@example.org").status_code == 302


def test_account_page_needs_a_session(db_app):
    """Signed out, the account page sends you to sign in."""
    response = db_app.test_client().get("/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_sign_in_goes_back_only_to_local_pages(db_app):
    """The next parameter cannot send a user to another site."""
    register(db_app.test_client(), "anna@example.org")
    client = db_app.test_client()
    token = form_token(client, "/login")
    data = {"csrf_token": token, "email": "anna@example.org", "password": PASSWORD}
    response = client.post("/login?next=//evil.example/", data=data)
    assert response.headers["Location"] == "/"


def test_session_cookie_flags(db_app):
    """The cookies are HttpOnly and SameSite=Lax; over HTTPS also Secure and __Host- prefixed."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    cookie = client.get_cookie("lpb")
    assert cookie.http_only and cookie.same_site == "Lax" and not cookie.secure
    secure = db_app.test_client()
    secure.get("/register", base_url="https://localhost")
    response = secure.post(
        "/register",
        base_url="https://localhost",
        headers={"Referer": "https://localhost/register"},  # Flask-WTF checks it over HTTPS
        data={"csrf_token": secure_token(secure), "email": "b@example.org", "password": PASSWORD},
    )
    headers = sorted(response.headers.getlist("Set-Cookie"))
    assert [header.split("=")[0] for header in headers] == ["__Host-lpb", "__Host-lpb_device"]
    for header in headers:
        assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header
        assert "Path=/" in header and "Domain" not in header


def secure_token(client) -> str:
    """Return the register form's CSRF token over HTTPS."""
    html = client.get("/register", base_url="https://localhost").get_data(as_text=True)
    return matched(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_forms_without_csrf_token_are_refused(db_app):
    """A form posted without its token gets a friendly page, and nothing happens."""
    response = db_app.test_client().post(
        "/register", data={"email": "a@example.org", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert "This form had expired." in response.get_data(as_text=True)
    with db_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_expired_csrf_token_is_refused_and_a_fresh_one_works(db_app, monkeypatch):
    """API tokens expire after an hour; the app fetches a fresh one before syncing."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    device = Device(client)
    stale = client.get("/api/session").json["csrf_token"]
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 3601)
    response = device.push([put(1, entry())], token=stale)
    assert response.status_code == 400
    assert response.json["error"] == "csrf_failed"
    assert device.push([put(1, entry())]).status_code == 200


def test_nul_bytes_at_sign_in_are_a_form_error(db_app):
    """A NUL byte in the email or password is refused as a form error on every database."""
    register(db_app.test_client(), "anna@example.org")
    for email, password in [("anna\x00@example.org", PASSWORD), ("anna@example.org", "a\x00b")]:
        response = sign_in(db_app.test_client(), email, password)
        assert response.status_code == 400
        assert "not allowed (control characters)" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "lookalike",
    [
        "ａｎｎａ@example.org",  # fullwidth letters
        "anna@ｅｘａｍｐｌｅ.org",
        "ANNA@EXAMPLE.ORG",
        "anna@example.org.",  # a trailing dot names the same domain
        "anna@example。org",  # an ideographic full stop
    ],
)
def test_a_lookalike_address_is_the_same_account(db_app, lookalike):
    """Lookalikes of a taken address create no second account, and sign in to the first."""
    register(db_app.test_client(), "anna@example.org")
    response = register(db_app.test_client(), lookalike)
    assert "There is already an account with this email." in response.get_data(as_text=True)
    assert sign_in(db_app.test_client(), lookalike).status_code == 302
    with db_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def test_an_international_domain_is_stored_in_its_ascii_form(db_app):
    """The domain is stored as IDNA, so both spellings of it are one account."""
    register(db_app.test_client(), "Anna@Bücher.example")
    with db_app.app_context():
        assert db.session.scalar(sa.select(User.email)) == "anna@xn--bcher-kva.example"
    assert sign_in(db_app.test_client(), "anna@xn--bcher-kva.example").status_code == 302


def test_a_new_sign_in_ends_the_old_session_of_the_browser(db_app):
    """Signing in again gives the browser a new session; a copy of the old cookie stops working."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    old_cookie = client.get_cookie("lpb").value
    assert sign_in(client, "anna@example.org").status_code == 302
    thief = db_app.test_client()
    thief.set_cookie("lpb", old_cookie)
    assert thief.get("/api/pull").status_code == 401
    assert client.get("/api/pull").status_code == 200


def test_password_rules_are_explained_in_dutch(db_app):
    """The reasons a password is refused are in the visitor's language too."""
    client = db_app.test_client()
    response = client.post(
        "/register",
        headers={"Accept-Language": "nl"},
        data={
            "csrf_token": form_token(client, "/register"),
            "email": "a@example.org",
            "password": "password123",
        },
    )
    assert response.status_code == 400
    assert "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden" in response.get_data(
        as_text=True
    )


def test_a_new_password_follows_the_rules_too(db_app):
    """Changing to a common password is refused with the reason."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    response = client.post(
        "/account",
        data={
            "password-csrf_token": form_token_for(client, "password"),
            "password-current_password": PASSWORD,
            "password-new_password": "1234567890",
        },
    )
    assert response.status_code == 400
    assert "list of common passwords" in response.get_data(as_text=True)
