"""Several devices of one user editing and syncing over a bad network, against the real server.

Each device follows the client protocol of docs/sync-design.md; Hypothesis picks what the user does
and what the network does to each request, and shrinks any failure to a short story.
"""

import itertools
import uuid

import hypothesis.strategies as st
import sqlalchemy as sa
from hypothesis import settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from lpb.extensions import db
from lpb.guidance.services import MAX_OPEN_QUESTIONS
from lpb.guidance.shares import SHAREABLE_KINDS
from lpb.models import Entry, Share, User
from lpb.sync.services import GUIDE_KINDS
from tests.api_client import api_token, delete, entry, put, register

# Small pages, so that a lost answer can stop a pull halfway.
PULL_LIMIT = 3
DEVICES = st.integers(0, 3)
PUSH_FATES = st.sampled_from(
    [
        "delivered",
        "request lost",
        "answer lost",
        "sent twice, first answer heard",
        "sent twice, second answer heard",
        "edited while in flight",
    ]
)
# How many pull pages arrive before an answer is lost; None: all of them.
PULL_FATES = st.one_of(st.none(), st.integers(0, 2))
# A link id no link of the user has: a body may name it, and it must never become a share.
NOBODY = 2**31 - 1


def from_server(change: dict) -> dict:
    """Return an entry as a device stores it after hearing it from the server."""
    return {
        "text": change.get("text"),
        "deleted": change["deleted"],
        "version": change["version"],
        "shared": tuple(change.get("shared_with") or ()),
        # A guide's question: the device may delete it, never write it (lpb/sync/services.py).
        "guide": change["kind"] in GUIDE_KINDS,
    }


class DeviceModel:
    """One device: its entries, an outbox of (mid, entry id) rows, and a pull cursor."""

    def __init__(self, name: str):
        self.name = name
        self.client_id = str(uuid.uuid4())
        self.entries: dict[str, dict] = {}
        self.outbox: list[tuple[int, str]] = []
        self.next_mid = 1
        self.cursor = 0
        self.online = True

    def __repr__(self) -> str:
        """Name the device in Hypothesis's reports."""
        return self.name

    def save(self, key: str, text: str | None, shared: tuple[int, ...] | None = None) -> None:
        """Store a local change (text None deletes) and queue it, as one transaction would."""
        old = self.entries.get(key, {})
        shared = old.get("shared", ()) if shared is None else shared
        self.entries[key] = {
            "text": text,
            "deleted": text is None,
            "version": old.get("version", 0),
            "shared": () if text is None else shared,
        }
        self.outbox.append((self.next_mid, key))
        self.next_mid += 1

    def waiting(self, key: str) -> bool:
        """Return whether the entry has changes not yet pushed."""
        return any(row_key == key for _, row_key in self.outbox)

    def live(self, editable: bool = False) -> dict[str, str]:
        """Return the text of every entry that is not deleted (editable: and not a guide's), in the
        order they came."""
        return {
            key: local["text"]
            for key, local in self.entries.items()
            if not local["deleted"] and not (editable and local.get("guide"))
        }

    def mutations(self) -> list[dict]:
        """Return the outbox as mutations, each sending its entry's current local state."""
        batch = []
        for mid, key in self.outbox:
            local = self.entries[key]
            if local["deleted"]:
                batch.append(delete(mid, key, local["version"]))
            else:
                item = entry(key, local["text"], shared_with=list(local["shared"]))
                batch.append(put(mid, item, local["version"]))
        return batch

    def take_push_answer(self, answer: dict) -> None:
        """Drop the applied rows and learn the versions, conflicts and deletes of the answer."""
        self.outbox = [(mid, key) for mid, key in self.outbox if mid > answer["last_mutation_id"]]
        for result in answer["results"]:
            key = result["id"]
            if result["status"] == "deleted":
                self.entries[key] = from_server(result["entry"])
            elif self.waiting(key):
                continue
            elif result["status"] == "applied":
                self.entries[key]["version"] = result["version"]
            elif result["status"] == "conflict":
                self.entries[key] = from_server(result["entry"])

    def take_pull_page(self, page: dict, held: bool) -> bool:
        """Store a page, keeping entries with local changes; return whether the cursor is held."""
        for change in page["changes"]:
            if not self.waiting(change["id"]):
                self.entries[change["id"]] = from_server(change)
            elif not held:
                # Not past a change left unstored: if the waiting row was applied before its
                # answer was lost, the retry only says "duplicate" and this change never comes back.
                self.cursor, held = change["version"] - 1, True
        if not held:
            self.cursor = page["cursor"]
        return held


def sync_machine(app):
    """Return a state machine class bound to one app (and so to one database)."""
    accounts = itertools.count()

    class SyncMachine(RuleBasedStateMachine):
        """The devices of one fresh user; the server is the real app."""

        @initialize(count=st.integers(2, 4))
        def start(self, count):
            """Create an account and its devices."""
            self.client = app.test_client()
            email = f"model-{next(accounts)}@example.org"
            assert register(self.client, email).status_code == 302
            self.token = api_token(self.client)
            self.guide = app.test_client()
            assert register(self.guide, f"guide-{email}").status_code == 302
            invitation = self.client.post(
                "/api/guides/invitations", json={}, headers={"X-CSRFToken": self.token}
            )
            accepted = self.guide.post(
                invitation.json["path"], data={"csrf_token": api_token(self.guide)}
            )
            self.link = int(accepted.headers["Location"].rsplit("/", 1)[1])
            with app.app_context():
                self.user_id = db.session.scalar(sa.select(User.id).where(User.email == email))
            self.devices = [DeviceModel(f"device {number}") for number in range(count)]
            self.texts = (f"text-{number}" for number in itertools.count())
            self.ids = (str(uuid.UUID(int=number)) for number in itertools.count(1))
            # Texts the server said it stored, and texts a user chose to replace or delete.
            self.acknowledged: set[str] = set()
            self.replaced: set[str] = set()
            self.deleted_on_server: set[str] = set()
            self.deleted_on_device: list[set[str]] = [set() for _ in range(count)]

        def device(self, index: int) -> DeviceModel:
            """Return a device by any index."""
            return self.devices[index % len(self.devices)]

        def server_entries(self) -> dict[str, dict]:
            """Return the user's entries as the server stores them."""
            with app.app_context():
                rows = db.session.scalars(sa.select(Entry).where(Entry.user_id == self.user_id))
                return {
                    row.id: {
                        "text": row.body.get("text"),
                        "deleted": row.deleted,
                        "conflict_of": row.conflict_of,
                        "kind": row.kind,
                        "shared": tuple(row.body.get("shared_with") or ()),
                    }
                    for row in rows
                }

        def change(self, device: DeviceModel, key: str, text: str | None) -> None:
            """Let the user replace (or delete, text None) an entry's text on a device."""
            self.replaced.add(device.entries[key]["text"])
            device.save(key, text)

        @rule(index=DEVICES, shared=st.booleans())
        def write(self, index, shared):
            """Write a new entry, shared with the guide or not."""
            links = (self.link,) if shared else ()
            self.device(index).save(next(self.ids), next(self.texts), links)

        def showing(self, editable: bool = False) -> list[DeviceModel]:
            """Return the devices that show at least one entry (editable: one of their own)."""
            return [device for device in self.devices if device.live(editable)]

        def pick_entry(self, data, editable: bool = False) -> tuple[DeviceModel, str]:
            """Draw a device that shows entries, and one of them (editable: not a guide's)."""
            device = data.draw(st.sampled_from(self.showing(editable)))
            return device, data.draw(st.sampled_from(list(device.live(editable))))

        @precondition(lambda self: self.showing(editable=True))
        @rule(data=st.data())
        def edit(self, data):
            """Edit an entry a device shows."""
            self.change(*self.pick_entry(data, editable=True), next(self.texts))

        @precondition(lambda self: self.showing())
        @rule(data=st.data())
        def remove(self, data):
            """Delete an entry a device shows."""
            self.change(*self.pick_entry(data), None)

        @precondition(lambda self: self.showing(editable=True))
        @rule(data=st.data(), shared=st.sampled_from([(), ("link",), ("link", "nobody")]))
        def share(self, data, shared):
            """Share an entry a device shows with the guide (or a link id of nobody), or unshare."""
            device, key = self.pick_entry(data, editable=True)
            ids = {"link": self.link, "nobody": NOBODY}
            device.save(key, device.entries[key]["text"], tuple(ids[name] for name in shared))

        @rule()
        def guide_asks(self):
            """The guide writes a question: a new entry of the user, made by the server (while
            fewer than MAX_OPEN_QUESTIONS are open: the devices here never answer one)."""
            still_open = sum(
                stored["kind"] == "guide_question" and not stored["deleted"]
                for stored in self.server_entries().values()
            )
            response = self.guide.post(
                f"/guide/clients/{self.link}/question",
                data={"csrf_token": api_token(self.guide), "guide_text": next(self.texts)},
            )
            assert response.status_code == (303 if still_open < MAX_OPEN_QUESTIONS else 409)

        @invariant()
        def shares_follow_the_bodies(self):
            """The shares table is exactly what the current bodies say; copies share nothing."""
            if not hasattr(self, "devices"):
                return
            server = self.server_entries()
            expected = {
                (key, link)
                for key, stored in server.items()
                if not stored["deleted"]
                and not stored["conflict_of"]
                and stored["kind"] in SHAREABLE_KINDS
                for link in stored["shared"]
                if link == self.link
            }
            with app.app_context():
                rows = db.session.execute(
                    sa.select(Share.entry_id, Share.link_id).where(Share.user_id == self.user_id)
                )
                assert set(map(tuple, rows)) == expected
            copies = [stored for stored in server.values() if stored["conflict_of"]]
            assert not any(stored["shared"] for stored in copies), "a conflict copy is shared"

        @rule(index=DEVICES)
        def toggle_network(self, index):
            """Go offline, or back online."""
            device = self.device(index)
            device.online = not device.online

        def send_push(self, device: DeviceModel, batch: list[dict]) -> dict:
            """Send a push and return the answer, which must be a success."""
            response = self.client.post(
                "/api/push",
                json={"client_id": device.client_id, "mutations": batch},
                headers={"X-CSRFToken": self.token},
            )
            assert response.status_code == 200, response.json
            return response.json

        def hear_push(self, device: DeviceModel, batch: list[dict], answer: dict) -> None:
            """Let the device take an answer, noting which texts the server acknowledged."""
            sent = {mutation["mid"]: mutation.get("entry", {}).get("text") for mutation in batch}
            for result in answer["results"]:
                if result["status"] in ("applied", "conflict") and sent.get(result["mid"]):
                    self.acknowledged.add(sent[result["mid"]])
            device.take_push_answer(answer)

        def push_with(self, device: DeviceModel, fate: str) -> None:
            """Push the device's outbox, with what the network does to it."""
            if fate == "request lost":
                return
            batch = device.mutations()
            answers = [self.send_push(device, batch)]
            if fate.startswith("sent twice"):
                answers.append(self.send_push(device, batch))
            if fate == "answer lost":
                return
            if fate == "edited while in flight":
                key = device.outbox[0][1]
                if not device.entries[key]["deleted"]:
                    self.change(device, key, next(self.texts))
            self.hear_push(
                device, batch, answers[-1] if fate.endswith("second answer heard") else answers[0]
            )

        def pull_with(self, device: DeviceModel, pages_heard: int | None) -> None:
            """Pull pages until there are no more, or until an answer is lost."""
            pages, since, held = 0, device.cursor, False
            while device.online and (pages_heard is None or pages < pages_heard):
                response = self.client.get(f"/api/pull?since={since}&limit={PULL_LIMIT}")
                assert response.status_code == 200, response.json
                page = response.json
                for change in page["changes"]:
                    if change["conflict_of"] and not change["deleted"]:
                        self.acknowledged.add(change["text"])
                held = device.take_pull_page(page, held)
                since = page["cursor"]
                pages += 1
                if not page["has_more"]:
                    return

        def online(self, waiting: bool = False) -> list[DeviceModel]:
            """Return the devices that are online (and, if asked, have changes waiting)."""
            return [
                device
                for device in self.devices
                if device.online and (device.outbox or not waiting)
            ]

        @precondition(lambda self: self.online(waiting=True))
        @rule(data=st.data(), fate=PUSH_FATES)
        def push(self, data, fate):
            """Push the outbox of a device."""
            self.push_with(data.draw(st.sampled_from(self.online(waiting=True))), fate)

        @precondition(lambda self: self.online())
        @rule(data=st.data(), pages_heard=PULL_FATES)
        def pull(self, data, pages_heard):
            """Pull changes to a device."""
            self.pull_with(data.draw(st.sampled_from(self.online())), pages_heard)

        def full_sync(self):
            """Bring every device online and sync until nothing waits; then all must agree."""
            for device in self.devices:
                device.online = True
            for _ in range(10):
                for device in self.devices:
                    if device.outbox:
                        self.push_with(device, "delivered")
                    self.pull_with(device, None)
                if not any(device.outbox for device in self.devices):
                    break
            assert not any(device.outbox for device in self.devices), "outboxes never emptied"
            for device in self.devices:
                self.pull_with(device, None)

            server = self.server_entries()
            live = {key: stored["text"] for key, stored in server.items() if not stored["deleted"]}
            shared = {
                key: stored["shared"] for key, stored in server.items() if not stored["deleted"]
            }
            for number, device in enumerate(self.devices):
                assert device.live() == live, f"device {number} differs from the server"
                on_device = {key: local["shared"] for key, local in device.entries.items()}
                assert {key: on_device[key] for key in shared} == shared, f"device {number} shares"
            lost = self.acknowledged - self.replaced - set(live.values())
            assert not lost, f"acknowledged texts lost: {sorted(lost)}"

        @invariant()
        def nothing_deleted_comes_back(self):
            """An entry deleted on the server, or seen deleted on a device, stays deleted there."""
            if not hasattr(self, "devices"):
                return
            server = self.server_entries()
            revived = {key for key in self.deleted_on_server if not server[key]["deleted"]}
            assert not revived, f"deleted on the server, live again: {revived}"
            self.deleted_on_server |= {key for key, stored in server.items() if stored["deleted"]}
            for number, device in enumerate(self.devices):
                seen = self.deleted_on_device[number]
                revived = {key for key in seen if not device.entries[key]["deleted"]}
                assert not revived, f"deleted on device {number}, live again: {revived}"
                seen |= {key for key, local in device.entries.items() if local["deleted"]}

        def teardown(self):
            """End every story with a full sync and its checks."""
            if hasattr(self, "devices"):
                self.full_sync()

    return SyncMachine


def test_devices_agree_and_lose_nothing_over_a_bad_network(db_app):
    """Whatever the network drops or repeats, devices end up alike and no saved text is lost."""
    # The model pushes back to back, far faster than a device: past the push limit per browser.
    db_app.config["RATE_LIMITS"] = {**db_app.config["RATE_LIMITS"], "push": 1_000_000}
    sqlite = db_app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")
    run_state_machine_as_test(
        sync_machine(db_app),
        settings=settings(max_examples=40 if sqlite else 15, stateful_step_count=30, deadline=None),
    )


def test_a_device_that_pulled_before_hearing_back_still_catches_up(db_app):
    """A phone that lost a push answer and pulled before retrying still shows the laptop's edit."""
    story = sync_machine(db_app)()
    story.start(count=2)
    phone, laptop = story.devices
    note = next(story.ids)
    phone.save(note, "phone's text")
    story.push_with(phone, "answer lost")
    story.pull_with(laptop, None)
    story.change(laptop, note, "laptop's edit")
    story.push_with(laptop, "delivered")
    story.pull_with(phone, None)
    story.push_with(phone, "delivered")
    story.full_sync()
    assert phone.live() == {note: "laptop's edit"}
