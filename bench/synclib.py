"""Helpers shared by the sync benchmarks: apps on throwaway databases, seeding, servers, Chromium."""

import contextlib
import logging
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flask_migrate  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from lpb import create_app  # noqa: E402
from lpb.accounts import services as accounts  # noqa: E402
from lpb.extensions import db  # noqa: E402
from lpb.models import Entry, User  # noqa: E402
from lpb.sync import services as sync  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PASSWORD = "correct horse battery"
SEED_BATCH = 500


def percentile(values: list[float], fraction: float) -> float:
    """Return the value below which the given fraction of values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def median(values):
    """Return the median of values."""
    return statistics.median(values)


def run_timed(main) -> None:
    """Run a benchmark's main(), say how long it took, and exit with its code."""
    started = time.monotonic()
    code = main()
    print(f"(took {time.monotonic() - started:.0f} s)")
    sys.exit(code)


def free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_app(url: str, instance: Path):
    """Return an app on the database at url, migrated (CSRF on, as in production)."""
    app = create_app(
        {
            "INSTANCE_PATH": instance,
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "BUILD_VERSION": "bench",
        }
    )
    with app.app_context():
        flask_migrate.upgrade()
    quiet()
    return app


def quiet() -> None:
    """Silence the per-request and per-migration log lines."""
    for name in ("werkzeug", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)


class PathTimer:
    """WSGI middleware that adds up the server time of requests whose path starts with prefix."""

    def __init__(self, wsgi_app, prefix: str):
        self.wsgi_app, self.prefix = wsgi_app, prefix
        self.seconds, self.requests = 0.0, 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if not environ.get("PATH_INFO", "").startswith(self.prefix):
            return self.wsgi_app(environ, start_response)
        started = time.perf_counter()
        body = b"".join(self.wsgi_app(environ, start_response))
        with self.lock:
            self.seconds += time.perf_counter() - started
            self.requests += 1
        return [body]

    def reset(self) -> None:
        """Start counting again."""
        with self.lock:
            self.seconds, self.requests = 0.0, 0


def reset_postgres(url: str) -> None:
    """Empty a PostgreSQL database, so that a migration starts from nothing."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    engine.dispose()


def databases() -> tuple[str, ...]:
    """Return the databases a server benchmark measures: BENCH_DATABASES (sqlite, postgresql,
    comma-separated), else both; PostgreSQL only where Debian's postgresql is installed."""
    wanted = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").lower().split(",")
    unknown = set(wanted) - {"sqlite", "postgresql"}
    if unknown:
        raise SystemExit(f"BENCH_DATABASES: unknown {', '.join(sorted(unknown))}")
    if "postgresql" in wanted and not pg_available():
        print("PostgreSQL: skipped (Debian's postgresql package is not installed)")
        wanted.remove("postgresql")
    return tuple(wanted)


def text_for(index: int) -> str:
    """Return a reflection of realistic length (about 250 characters)."""
    return f"Reflection {index}: " + "what gave meaning today, at work and at home. " * 5


def create_account(app, email: str) -> int:
    """Create an account directly in the database; return its id."""
    with app.app_context():
        user = accounts.create_user(email, PASSWORD)
        db.session.commit()
        return user.id


def seed(app, user_id: int, count: int, days: int = 365) -> float:
    """Push count new reflections for a user with lpb.sync.services.push, in batches; return seconds."""
    client_id = str(uuid.uuid4())
    start_day = datetime(2025, 1, 1, 8, tzinfo=UTC)
    started = time.perf_counter()
    with app.app_context():
        mid = 0
        while mid < count:
            batch = []
            for _ in range(min(SEED_BATCH, count - mid)):
                mid += 1
                at = (start_day + timedelta(days=days * mid / count)).isoformat()
                batch.append(
                    sync.Mutation(
                        mid=mid,
                        op="put",
                        base_version=0,
                        id=str(uuid.uuid4()),
                        kind="reflection",
                        body={
                            "text": text_for(mid),
                            "circles": ["self", "close"],
                            "energy": 3,
                            "question_id": "q1",
                            "question_text": "What gave you energy?",
                            "day": at[:10],
                        },
                        created_at=at,
                        updated_at=at,
                    )
                )
            sync.push(user_id, client_id, batch)
            db.session.commit()  # push applies in the caller's transaction: the views commit
            db.session.expunge_all()
        db.session.remove()
    return time.perf_counter() - started


def bulk_seed(app, user_id: int, count: int, chunk: int = 5000) -> float:
    """Insert count reflections with versions 1..count as push would store them, with Core
    executemany (push costs ~0.7 ms an entry; this is ~10x faster); return seconds."""
    client_id = str(uuid.uuid4())
    start_day = datetime(2025, 1, 1, 8, tzinfo=UTC)
    started = time.perf_counter()
    with app.app_context():
        for first in range(1, count + 1, chunk):
            rows = []
            for version in range(first, min(first + chunk, count + 1)):
                at = (start_day + timedelta(days=365 * version / count)).isoformat()
                rows.append(
                    {
                        "user_id": user_id,
                        "id": str(uuid.uuid4()),
                        "version": version,
                        "kind": "reflection",
                        "body": {
                            "text": text_for(version),
                            "circles": ["self", "close"],
                            "energy": 3,
                            "question_id": "q1",
                            "question_text": "What gave you energy?",
                            "day": at[:10],
                        },
                        "created_at": at,
                        "updated_at": at,
                        "deleted": False,
                        "conflict_of": None,
                        "written_by": client_id,
                    }
                )
            db.session.execute(sa.insert(Entry), rows)
            db.session.commit()
        db.session.execute(sa.update(User).where(User.id == user_id).values(version=count))
        db.session.commit()
        db.session.remove()
    return time.perf_counter() - started


def count_entries(app, user_id: int) -> int:
    """Return how many entries the server holds for a user."""
    with app.app_context():
        return db.session.scalar(
            sa.select(sa.func.count()).select_from(Entry).where(Entry.user_id == user_id)
        )


def user_version(app, user_id: int) -> int:
    """Return the user's latest version."""
    with app.app_context():
        return db.session.get(User, user_id).version


@contextlib.contextmanager
def threaded_server(app):
    """Serve app with werkzeug's threaded server in a thread; yield its base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@contextlib.contextmanager
def gunicorn(url: str, workers: int = 4, log: Path | None = None):
    """Run gunicorn -w workers app:app on a free loopback port; yield (base URL, process)."""
    port = free_port()
    env = {
        **os.environ,
        "FLASK_SQLALCHEMY_DATABASE_URI": url,
        "FLASK_SECRET_KEY": "bench",
        "FLASK_BUILD_VERSION": "bench",
    }
    out = open(log, "wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--graceful-timeout",
            "5",
            "app:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode} (log: {log})")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start within 30 s") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # the arbiter stops its workers
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if log:
            out.close()


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user and system) a process and its living descendants have used."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except FileNotFoundError:
            continue  # it ended meanwhile
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        pending.extend(int(child) for child in children)
    return total


def launch_chromium(playwright, profile: Path, base_url: str):
    """Launch Debian's Chromium with a persistent on-disk profile (real, durable IndexedDB)."""
    return playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        base_url=base_url,
    )


def browser_sign_in(page, email: str) -> None:
    """Sign in through the /login form, landing on /account: a server page without the app
    (the app shell would start syncing by itself and race the measurement)."""
    page.goto("/login?next=/account")
    page.get_by_label(re.compile("e-?mail", re.I)).fill(email)
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/account$"))


def pg_available() -> bool:
    """Return whether Debian's PostgreSQL server programs are installed."""
    import glob

    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
