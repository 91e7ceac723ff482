"""Measure how an incremental pull scales with the size of the account (goal: ratio at most 1.5).

For 1,000 and 100,000 entries in one account (each size its own database, SQLite and, when Debian's
PostgreSQL is installed, PostgreSQL from tests/postgres.py), time GET /api/pull?since=<version-20>
&limit=500 through the Flask test client, signed in through the /login form: 300 requests after 50
of warm-up, in 3 runs with the sizes taking turns; median and p95 per size, and the ratio of the medians (100,000 / 1,000).
The pull query's plan is printed too: it must use the (user_id, version) index, not a scan.
"""

import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
import synclib

from tests.api_client import sign_in
from tests.postgres import running_postgres

SIZES = (1_000, 100_000)
BEHIND = 20
WARMUP = 50
REQUESTS = 300
RUNS = 3
RATIO_GOAL = 1.5


def capture_pull_sql(app, client, path: str) -> tuple[str, object]:
    """Return the SQL and parameters of the entries query that a pull request runs."""
    seen = []

    def listener(_conn, _cursor, statement, parameters, _context, _executemany):
        if "FROM entries" in statement:
            seen.append((statement, parameters))

    with app.app_context():
        engine = synclib.db.engine
    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        client.get(path)
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)
    return seen[-1]


def query_plan(app, client, path: str) -> list[str]:
    """Return the database's plan for the pull query of a request."""
    statement, parameters = capture_pull_sql(app, client, path)
    with app.app_context():
        connection = synclib.db.engine.raw_connection()
        try:
            cursor = connection.cursor()
            if synclib.db.engine.dialect.name == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
                lines = [row[-1] for row in cursor.fetchall()]
            else:
                cursor.execute(
                    "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + statement, parameters
                )
                lines = [row[0] for row in cursor.fetchall()]
            connection.rollback()
        finally:
            connection.close()
    return lines


def time_pulls(client, path: str, expected: int) -> list[float]:
    """Return the milliseconds of REQUESTS pulls after WARMUP, checking each answer."""
    times = []
    for index in range(WARMUP + REQUESTS):
        started = time.perf_counter()
        response = client.get(path)
        took = time.perf_counter() - started
        if response.status_code != 200 or len(response.json["changes"]) != expected:
            raise RuntimeError(f"unexpected answer: {response.status_code} {response.json}")
        if index >= WARMUP:
            times.append(took * 1000)
    return times


def prepare(name: str, url: str, instance: Path, size: int) -> dict:
    """Seed a database with two accounts of size entries; return what the timing needs."""
    app = synclib.make_app(url, instance)
    email = f"scaling-{size}@example.org"
    user_id = synclib.create_account(app, email)
    # A second account of the same size, so that the table is not one user's alone.
    other_id = synclib.create_account(app, f"other-{size}@example.org")
    took = synclib.bulk_seed(app, user_id, size) + synclib.bulk_seed(app, other_id, size)
    with app.app_context():
        if synclib.db.engine.dialect.name == "postgresql":
            # Settle the freshly loaded table, or autovacuum runs during the measurement.
            with synclib.db.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "VACUUM (ANALYZE)"
                )
        synclib.db.session.remove()
    version = synclib.user_version(app, user_id)
    client = app.test_client()
    if sign_in(client, email).status_code != 302:
        raise RuntimeError("signing in failed")
    path = f"/api/pull?since={version - BEHIND}&limit=500"
    print(f"{name}, {size:>7,} entries: 2 accounts seeded in {took:.1f} s; plan of the pull query:")
    for line in query_plan(app, client, path):
        print(f"    {line}")
    return {"app": app, "client": client, "path": path, "medians": [], "p95s": []}


def measure(name: str, urls: dict[int, str], instance: Path) -> tuple[float, float]:
    """Time the pulls of each size, the sizes taking turns in each run; return the ratios."""
    sizes = {size: prepare(name, url, instance, size) for size, url in urls.items()}
    for run in range(RUNS):
        for size, state in sizes.items():
            times = time_pulls(state["client"], state["path"], BEHIND)
            state["medians"].append(synclib.median(times))
            state["p95s"].append(synclib.percentile(times, 0.95))
            print(
                f"{name}, {size:>7,} entries, run {run + 1}: median {state['medians'][-1]:.2f} ms, "
                f"p95 {state['p95s'][-1]:.2f} ms ({REQUESTS} pulls of {BEHIND} changes)"
            )
    results = {}
    for size, state in sizes.items():
        results[size] = (synclib.median(state["medians"]), synclib.median(state["p95s"]))
        print(
            f"{name}, {size:>7,} entries: median {results[size][0]:.2f} ms, "
            f"p95 {results[size][1]:.2f} ms (medians of {RUNS} runs)"
        )
        with state["app"].app_context():
            synclib.db.engine.dispose()
    small, large = results[SIZES[0]], results[SIZES[-1]]
    ratio = large[0] / small[0], large[1] / small[1]
    print(
        f"{name}: pull of {BEHIND} changes, {SIZES[-1]:,} vs {SIZES[0]:,} entries: "
        f"median {large[0]:.2f} / {small[0]:.2f} ms = ratio {ratio[0]:.2f} "
        f"(p95 ratio {ratio[1]:.2f}; goal <= {RATIO_GOAL}): "
        f"{'OK' if ratio[0] <= RATIO_GOAL else 'OVER'}"
    )
    return ratio


def postgres_databases(url: str) -> dict[int, str]:
    """Create one database per size on the server at url; return their URLs."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    urls = {}
    with engine.connect() as connection:
        for size in SIZES:
            connection.exec_driver_sql(f"CREATE DATABASE pull_{size}")
            urls[size] = url.replace("/postgres?", f"/pull_{size}?", 1)
    engine.dispose()
    return urls


def main() -> int:
    """Run on SQLite, then on PostgreSQL when it is installed."""
    ratios = {}
    with tempfile.TemporaryDirectory(prefix="lpb-bench-") as folder:
        folder = Path(folder)
        urls = {size: f"sqlite:///{folder / f'pull-{size}.sqlite'}" for size in SIZES}
        ratios["SQLite"] = measure("SQLite", urls, folder / "instance")
        if synclib.pg_available():
            with running_postgres() as pg_url:
                ratios["PostgreSQL"] = measure(
                    "PostgreSQL", postgres_databases(pg_url), folder / "instance"
                )
        else:
            print("PostgreSQL: skipped (Debian's postgresql package is not installed)")
    print(
        "summary: "
        + "; ".join(
            f"{name} ratio {median:.2f} (p95 {p95:.2f})" for name, (median, p95) in ratios.items()
        )
        + f"; goal <= {RATIO_GOAL}"
    )
    return 0 if all(median <= RATIO_GOAL for median, _ in ratios.values()) else 1


if __name__ == "__main__":
    synclib.run_timed(main)
