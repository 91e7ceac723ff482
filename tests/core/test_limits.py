"""Rate limits: counted in the database, exact under concurrency, and never locking the owner out."""

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from lpb import clock as server_clock
from lpb import create_app
from lpb.extensions import db
from lpb.models import RateLimit
from tests.accounts.test_accounts import form_token_for
from tests.api_client import PASSWORD, api_token, form_token, register, sign_in

WORKERS = 4


@pytest.fixture
def clock(monkeypatch):
    """Return a function that moves the limits' clock forward; it stands still otherwise."""
    # Frozen, so a slow machine's real seconds never shave one off an announced wait.
    start = server_clock.now()
    offset = timedelta()

    def later(**delta):
        nonlocal offset
        offset += timedelta(**delta)

    monkeypatch.setattr(server_clock, "now", lambda: start + offset)
    return later


@pytest.fixture
def workers(db_app):
    """Return app instances on one database, standing for separate gunicorn workers."""
    apps = [db_app] + [
        create_app({**db_app.config, "INSTANCE_PATH": db_app.instance_path})
        for _ in range(WORKERS - 1)
    ]
    yield apps
    for app in apps[1:]:
        with app.app_context():
            db.engine.dispose()


def all_at_once(workers, attempts: list[tuple[str, str, str]]) -> list[int]:
    """Send sign-ins (address, email, password) at the same moment, spread over the workers."""
    prepared = []
    for number, (address, email, password) in enumerate(attempts):
        client = workers[number % len(workers)].test_client()
        client.environ_base["REMOTE_ADDR"] = address
        data = {"csrf_token": form_token(client, "/login"), "email": email, "password": password}
        prepared.append((client, data))
    start = threading.Barrier(len(prepared))
    statuses = [0] * len(prepared)

    def send(number):
        client, data = prepared[number]
        start.wait()
        statuses[number] = client.post("/login", data=data).status_code

    threads = [threading.Thread(target=send, args=(number,)) for number in range(len(prepared))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_simultaneous_guesses_at_one_account_get_five_tries(db_app, workers):
    """40 wrong passwords at once, over four workers: exactly 5 are checked, the rest wait."""
    register(db_app.test_client(), "anna@example.org")
    statuses = all_at_once(
        workers, [(f"10.0.0.{n}", "anna@example.org", f"guess {n}") for n in range(40)]
    )
    assert statuses.count(401) == 5
    assert statuses.count(429) == 35


def test_simultaneous_guesses_from_one_address_get_twenty_tries(db_app, workers):
    """60 wrong sign-ins at once from one address, each for another account: exactly 20 count."""
    statuses = all_at_once(
        workers, [("10.0.0.1", f"user{n}@example.org", "a wrong guess") for n in range(60)]
    )
    assert statuses.count(401) == 20
    assert statuses.count(429) == 40


def test_waits_grow_and_are_announced(db_app, clock):
    """After 5 failures each next try waits longer (30 s, 60 s …, at most 15 min), with Retry-After."""
    register(db_app.test_client(), "anna@example.org")
    guesser = db_app.test_client()
    for _ in range(5):
        assert sign_in(guesser, "anna@example.org", "a wrong guess").status_code == 401
    waits = []
    for _ in range(8):
        refused = sign_in(guesser, "anna@example.org", "a wrong guess")
        assert refused.status_code == 429
        waits.append(int(refused.headers["Retry-After"]))
        assert "Please try again in" in refused.get_data(as_text=True)
        clock(seconds=waits[-1])
        assert sign_in(guesser, "anna@example.org", "a wrong guess").status_code == 401
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900]
    clock(seconds=900)
    assert sign_in(guesser, "anna@example.org").status_code == 302


def test_a_wait_is_explained_in_dutch(db_app):
    """The wait message is in the visitor's language."""
    client = db_app.test_client()
    for _ in range(5):
        sign_in(client, "anna@example.org", "a wrong guess")
    response = client.post(
        "/login",
        headers={"Accept-Language": "nl"},
        data={
            "csrf_token": form_token(client, "/login"),
            "email": "anna@example.org",
            "password": "a wrong guess",
        },
    )
    assert response.status_code == 429
    assert "Te veel pogingen. Probeer het over 30 seconden opnieuw." in response.get_data(
        as_text=True
    )


def test_an_attacker_cannot_lock_the_owner_out(db_app):
    """Guesses from elsewhere make strangers wait, never the owner's own browser (device cookie)."""
    owner = db_app.test_client()
    register(owner, "anna@example.org")
    owner.post("/api/signout", headers={"X-CSRFToken": api_token(owner)})
    attacker = db_app.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    for _ in range(30):
        sign_in(attacker, "anna@example.org", "a wrong guess")
    assert sign_in(attacker, "anna@example.org").status_code == 429

    assert sign_in(owner, "anna@example.org").status_code == 302
    new_phone = db_app.test_client()
    response = sign_in(new_phone, "anna@example.org")
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) <= 15 * 60


def test_a_shared_address_does_not_lock_out_everyone_there(db_app):
    """Many failures from an office's one address leave its known browsers alone."""
    colleague = db_app.test_client()
    colleague.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    register(colleague, "bert@example.org")
    colleague.post("/api/signout", headers={"X-CSRFToken": api_token(colleague)})
    guesser = db_app.test_client()
    guesser.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    for number in range(25):
        sign_in(guesser, f"user{number}@example.org", "a wrong guess")
    assert sign_in(guesser, "bert@example.org").status_code == 429
    assert sign_in(colleague, "bert@example.org").status_code == 302


def test_a_known_device_has_an_allowance_of_its_own(db_app):
    """A guesser holding the owner's device cookie still gets only 5 tries, then waits."""
    phone = db_app.test_client()
    register(phone, "anna@example.org")
    for _ in range(5):
        assert sign_in(phone, "anna@example.org", "a wrong guess").status_code == 401
    assert sign_in(phone, "anna@example.org").status_code == 429
    assert sign_in(db_app.test_client(), "anna@example.org").status_code == 302


def test_a_device_cookie_counts_only_for_its_own_account(db_app):
    """Anna's browser guessing Bert's password is a stranger to Bert's account."""
    register(db_app.test_client(), "bert@example.org")
    annas_phone = db_app.test_client()
    register(annas_phone, "anna@example.org")
    for _ in range(5):
        sign_in(annas_phone, "bert@example.org", "a wrong guess")
    assert sign_in(db_app.test_client(), "bert@example.org").status_code == 429
    assert sign_in(annas_phone, "anna@example.org").status_code == 302


def test_a_forged_device_cookie_counts_as_unknown(db_app):
    """Only a device cookie signed by the server, for this account, gets its own allowance."""
    register(db_app.test_client(), "anna@example.org")
    forger = db_app.test_client()
    forger.set_cookie("lpb_device", '{"id": "x", "user": 1}')
    for _ in range(5):
        sign_in(forger, "anna@example.org", "a wrong guess")
    assert sign_in(forger, "anna@example.org").status_code == 429


def test_registrations_from_one_address_are_limited(db_app):
    """An address can create 10 accounts an hour; the 11th waits."""
    app = create_app({**db_app.config, "RATE_LIMITS": {}})
    client = app.test_client()
    for number in range(10):
        assert register(client, f"user{number}@example.org").status_code == 302
    response = register(client, "user10@example.org")
    with app.app_context():
        db.engine.dispose()
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 3500
    assert "Please try again in" in response.get_data(as_text=True)


def change_password(client, current: str):
    """Post the change-password form."""
    return client.post(
        "/account",
        data={
            "password-csrf_token": form_token_for(client, "password"),
            "password-current_password": current,
            "password-new_password": "a brand new password",
        },
    )


def test_guessing_the_current_password_is_limited(db_app):
    """5 wrong current passwords, then even the right one waits."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    for _ in range(5):
        assert "Email or password is not right." in change_password(client, "no").get_data(
            as_text=True
        )
    response = change_password(client, PASSWORD)
    assert response.status_code == 429
    assert "Retry-After" in response.headers
    assert sign_in(db_app.test_client(), "anna@example.org").status_code == 302


def test_guessing_the_password_to_delete_the_account_is_limited(db_app):
    """5 wrong passwords to delete the account, then a 429 in JSON with Retry-After."""
    client = db_app.test_client()
    register(client, "anna@example.org")
    headers = {"X-CSRFToken": api_token(client)}
    for _ in range(5):
        wrong = client.post("/api/account/delete", json={"password": "no"}, headers=headers)
        assert wrong.status_code == 403
    response = client.post("/api/account/delete", json={"password": PASSWORD}, headers=headers)
    assert response.status_code == 429
    assert response.json["error"] == "too_many_requests"
    assert int(response.headers["Retry-After"]) == 30


def test_export_and_import_are_limited(db_app):
    """Export and import are counted per account like the rest (here 2 an hour)."""
    db_app.config["RATE_LIMITS"] = {"export": 2, "import": 2}
    client = db_app.test_client()
    register(client, "anna@example.org")
    for _ in range(2):
        assert client.get("/api/export").status_code == 200
    refused = client.get("/api/export")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 3500
    headers = {"X-CSRFToken": api_token(client)}
    for _ in range(2):
        assert client.post("/api/import", json={}, headers=headers).status_code == 400
    assert client.post("/api/import", json={}, headers=headers).status_code == 429


def test_old_counters_are_removed(db_app, clock):
    """A day after its last try, a counter is forgotten and its row deleted by a later try."""
    client = db_app.test_client()
    for number in range(3):
        sign_in(client, f"user{number}@example.org", "a wrong guess")
    clock(days=1, seconds=1)
    sign_in(client, "someone@example.org", "a wrong guess")
    with db_app.app_context():
        keys = db.session.scalars(sa.select(RateLimit.key)).all()
    assert len(keys) == 2  # this address, and someone@example.org


def test_an_ipv6_subnet_counts_as_one_address(db_app):
    """Hopping between addresses of one /64 does not earn fresh tries."""
    for number in range(20):
        client = db_app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"2001:db8:1:2::{number + 1:x}"
        assert sign_in(client, f"user{number}@example.org", "a wrong guess").status_code == 401
    hopper = db_app.test_client()
    hopper.environ_base["REMOTE_ADDR"] = "2001:db8:1:2:ffff::1"
    assert sign_in(hopper, "someone@example.org", "a wrong guess").status_code == 429
    neighbour = db_app.test_client()
    neighbour.environ_base["REMOTE_ADDR"] = "2001:db8:1:3::1"
    assert sign_in(neighbour, "someone@example.org", "a wrong guess").status_code == 401
