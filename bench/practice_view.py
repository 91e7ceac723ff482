"""Time the guide's practice view API with 30 clients of 1,000 shared reflections each (issue 17).

A fresh SQLite database (the default engine, with the app's own settings) gets a guide and 30
clients, each with 1,000 reflections over the last three years, every one shared with the guide
(entries and shares written in bulk, as pushes would leave them); the guide has visited each
client once, after their 990th reflection, so each has 10 new. Then GET /api/guide/practice is
timed through the app in-process (Flask's test client: no network), after 2 warm-up calls, 15
times; the median is the figure (goal: under 100 ms). One client page (GET
/api/guide/practice/<id>, 1,000 reflections) is timed the same way for reference.

Run with .venv/bin/python bench/practice_view.py [clients] [reflections]; note the machine's load.
"""

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flask_migrate  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from lpb import create_app  # noqa: E402
from lpb.extensions import db  # noqa: E402
from lpb.models import Entry, GuideLink, Share, User  # noqa: E402
from lpb.sync.contract import CIRCLES  # noqa: E402
from tests.api_client import register  # noqa: E402

ROUNDS = 15
WARM_UP = 2
GOAL_MS = 100
NEW_PER_CLIENT = 10
NAMES = ("Anna", "Bram", "Chantal", "Daan", "Emre", "Fleur", "Gijs", "Hanna", "Ilse", "Joris")


def reflection(index: int, link_id: int, day: date, rng: random.Random, texts=()) -> dict:
    """Return the body of a shared reflection (its text from texts, in turn, when given)."""
    return {
        "text": texts[index % len(texts)]
        if texts
        else f"Reflectie {index}: wat me vandaag energie gaf en wat niet.",
        "day": day.isoformat(),
        "circles": rng.sample(CIRCLES, rng.randint(1, 2)),
        "energy": rng.randint(1, 5),
        "meaning": rng.randint(1, 5),
        "shared_with": [link_id],
    }


def seed(
    app, guide_id: int, clients: int, per_client: int, new: int = NEW_PER_CLIENT, **sample
) -> list[int]:
    """Add clients of the guide with shared reflections; return their link ids.

    sample (for screenshots): names, news (per client, what is new) and texts to use instead.
    """
    rng = random.Random(17)
    today = date.today()
    link_ids = []
    names = sample.get("names") or [f"{NAMES[n % len(NAMES)]} {n + 1}" for n in range(clients)]
    news = sample.get("news") or [new] * clients
    with app.app_context():
        for number in range(clients):
            name, new = names[number], news[number]
            user = User(email=f"client{number}@example.org", password_hash="!", version=per_client)
            db.session.add(user)
            db.session.flush()
            link = GuideLink(user_id=user.id, guide_id=guide_id, name_for_guide=name)
            db.session.add(link)
            db.session.flush()
            link.seen_version = per_client - new
            rows, shares = [], []
            for index in range(per_client):
                day = today - timedelta(days=(per_client - index) * 3 // 3)
                stamp = f"{day.isoformat()}T{8 + index % 12:02d}:15:00.000Z"
                entry_id = str(uuid.uuid4())
                rows.append(
                    {
                        "user_id": user.id,
                        "id": entry_id,
                        "version": index + 1,
                        "kind": "reflection",
                        "body": reflection(index, link.id, day, rng, sample.get("texts", ())),
                        "created_at": stamp,
                        "updated_at": stamp,
                        "deleted": False,
                        "conflict_of": None,
                        "written_by": "bench",
                    }
                )
                shares.append({"link_id": link.id, "user_id": user.id, "entry_id": entry_id})
            db.session.execute(sa.insert(Entry), rows)
            db.session.execute(sa.insert(Share), shares)
            link_ids.append(link.id)
        db.session.commit()
    return link_ids


def timed(client, path: str) -> tuple[list[float], list[float]]:
    """Return the wall-clock and the CPU milliseconds of ROUNDS calls, after WARM_UP calls.

    CPU time (this process's) is what the answer costs whatever else runs on the machine; the
    wall clock is what a guide waits, and grows with the machine's load.
    """
    for _ in range(WARM_UP):
        assert client.get(path).status_code == 200
    wall, cpu = [], []
    for _ in range(ROUNDS):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200
    return wall, cpu


def main() -> None:
    """Seed, time and print the medians."""
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    per_client = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "TESTING": True,
                "INSTANCE_PATH": f"{tmp}/instance",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite",
            }
        )
        with app.app_context():
            flask_migrate.upgrade()
        guide = app.test_client()
        assert register(guide, "guide@example.org").status_code == 302
        with app.app_context():
            guide_id = db.session.scalar(
                sa.select(User.id).where(User.email == "guide@example.org")
            )
        link_ids = seed(app, guide_id, clients, per_client)
        answer = guide.get("/api/guide/practice").json
        assert len(answer["clients"]) == clients
        assert all(c["new_reflections"] == NEW_PER_CLIENT for c in answer["clients"])
        listing = timed(guide, "/api/guide/practice")
        page = timed(guide, f"/api/guide/practice/{link_ids[0]}")
    load = os.getloadavg()[0]
    print(f"{clients} clients x {per_client} shared reflections; load average {load:.1f}")
    for name, (wall, cpu) in (("/api/guide/practice", listing), ("/api/guide/practice/<id>", page)):
        print(
            f"GET {name}: median {statistics.median(wall):.1f} ms wall clock "
            f"(min {min(wall):.1f}), {statistics.median(cpu):.1f} ms CPU"
        )
    median = statistics.median(listing[0])
    print("goal met" if median < GOAL_MS else f"wall clock over the goal of {GOAL_MS} ms")


if __name__ == "__main__":
    main()
