"""Measure push latency at a fixed offered load (open loop) under gunicorn on loopback.

Each run starts `gunicorn -w 4 app:app` on a free loopback port over a fresh, migrated database
(SQLite; then a durable PostgreSQL cluster from tests/postgres.py — fsync=on,
synchronous_commit=on — when Debian's postgresql is installed; BENCH_DATABASES=sqlite or
postgresql measures one of them), registers
10 accounts with 5 devices each (50 clients), and schedules RATE pushes of 10 new entries a second
for SECONDS seconds, at fixed moments, round robin over the devices. A device sends its pushes in
order (its mids follow each other); one that falls behind sends at once. Latency is counted from
the scheduled moment, not from when the request was sent, so a slow server cannot hide its queue
(no coordinated omission). Afterwards every account is pulled in full: every acknowledged entry must
be there exactly once. 3 runs per database; the summary gives the medians of the runs' percentiles.

Usage: bench/sync_open_loop.py [RATE] (pushes a second, default 100). Set
FLASK_SQLITE_SYNCHRONOUS=NORMAL to measure SQLite's relaxed fsync policy (see lpb/sqlite_writer.py).
"""

import json
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import synclib
from sync_push_throughput import ACCOUNTS, DEVICES_PER_ACCOUNT, WORKERS, Http, pull_all, register

from tests.postgres import running_postgres

RATE = int(sys.argv[1]) if len(sys.argv) > 1 else 100  # pushes a second, offered
SECONDS = 10
BATCH_SIZE = 10
RUNS = 3
RUN_TIMEOUT = 60  # seconds past the last scheduled push before a run is reported as failed


def mutations_for(first_mid: int) -> list[dict]:
    """Return BATCH_SIZE new reflections with mids from first_mid."""
    at = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
    return [
        {
            "mid": first_mid + offset,
            "op": "put",
            "base_version": 0,
            "entry": {
                "id": str(uuid.uuid4()),
                "kind": "reflection",
                "text": synclib.text_for(first_mid + offset),
                "circles": ["self"],
                "energy": 3,
                "day": at[:10],
                "created_at": at,
                "updated_at": at,
            },
        }
        for offset in range(BATCH_SIZE)
    ]


class Device(threading.Thread):
    """One client that sends its pushes at the moments given, each at most once (a failure counts)."""

    def __init__(self, base_url: str, cookie: str, token: str, moments: list[float]):
        super().__init__(daemon=True)
        self.http = Http(base_url)
        self.http.cookie = cookie
        self.token, self.moments = token, moments
        self.client_id = str(uuid.uuid4())
        self.latencies, self.acknowledged, self.errors = [], [], Counter()

    def run(self):
        self.send(0)  # a warm-up push before the schedule starts (gunicorn workers, connections)
        self.latencies, self.errors = [], Counter()
        for index, moment in enumerate(self.moments, start=1):
            time.sleep(max(0.0, moment - time.perf_counter()))
            if not self.send(index, moment):
                return  # the next mids would be a gap: this device stops

    def send(self, index: int, moment: float | None = None) -> bool:
        """Send push number index (from 0); count its latency from moment; return success."""
        moment = moment or time.perf_counter()
        mutations = mutations_for(index * BATCH_SIZE + 1)
        body = json.dumps({"client_id": self.client_id, "mutations": mutations}).encode()
        try:
            status, data = self.http.request(
                "POST",
                "/api/push",
                body,
                {"Content-Type": "application/json", "X-CSRFToken": self.token},
            )
        except OSError as exc:
            status, data = type(exc).__name__, b""
        self.latencies.append(time.perf_counter() - moment)
        if status != 200:
            self.errors[f"{status} {data[:80]!r}"] += 1
            return False
        self.acknowledged.extend(
            item["id"]
            for item in json.loads(data)["results"]
            if item["status"] in ("applied", "duplicate")
        )
        return True


def one_run(name: str, run: int, url: str, folder: Path) -> dict:
    """Start gunicorn over a migrated database at url, offer the load, and check the result."""
    app = synclib.make_app(url, folder / "instance")  # migrates
    with app.app_context():
        synclib.db.engine.dispose()
    log = folder / f"gunicorn-{name}-{run}.log"
    clients = ACCOUNTS * DEVICES_PER_ACCOUNT
    with synclib.gunicorn(url, WORKERS, log) as (base_url, _process):
        accounts = [register(base_url, f"open-{index}@example.org") for index in range(ACCOUNTS)]
        start = time.perf_counter() + 3.0  # after every device's warm-up push
        total = RATE * SECONDS
        devices = [
            Device(
                base_url,
                *accounts[index // DEVICES_PER_ACCOUNT],
                [start + n / RATE for n in range(index, total, clients)],
            )
            for index in range(clients)
        ]
        for device in devices:
            device.start()
        for device in devices:
            device.join(timeout=max(0.0, start + SECONDS + RUN_TIMEOUT - time.perf_counter()))
        unfinished = sum(device.is_alive() for device in devices)
        lost = duplicated = 0
        for index, (cookie, _token) in enumerate(accounts):
            on_server = Counter(pull_all(base_url, cookie))
            group = devices[index * DEVICES_PER_ACCOUNT : (index + 1) * DEVICES_PER_ACCOUNT]
            lost += sum(1 for device in group for i in device.acknowledged if i not in on_server)
            duplicated += sum(count - 1 for count in on_server.values() if count > 1)
    latencies = [latency for device in devices for latency in device.latencies]
    return {
        "sent": len(latencies),
        "p50": synclib.percentile(latencies, 0.50) * 1000,
        "p95": synclib.percentile(latencies, 0.95) * 1000,
        "p99": synclib.percentile(latencies, 0.99) * 1000,
        "max": max(latencies) * 1000,
        "errors": sum((device.errors for device in devices), Counter()),
        "unfinished": unfinished,
        "lost": lost,
        "duplicated": duplicated,
    }


def measure(name: str, urls) -> bool:
    """Run RUNS times on the databases urls yields; print each run and the medians."""
    results = []
    for run, url in enumerate(urls):
        with tempfile.TemporaryDirectory(prefix="lpb-bench-") as folder:
            result = one_run(name, run, url(Path(folder)), Path(folder))
        results.append(result)
        errors = ", ".join(f"{n}x {kind}" for kind, n in result["errors"].items()) or "0"
        print(
            f"{name} run {run + 1}: {result['sent']} pushes offered at {RATE}/s, latency from "
            f"the scheduled moment p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
            f"p99 {result['p99']:.1f} ms, max {result['max']:.0f} ms; errors: {errors}; "
            f"lost: {result['lost']}, duplicated: {result['duplicated']}, "
            f"unfinished clients: {result['unfinished']}",
            flush=True,
        )
    pick = lambda key: synclib.median([result[key] for result in results])  # noqa: E731
    bad = sum(
        r["lost"] + r["duplicated"] + r["unfinished"] + sum(r["errors"].values()) for r in results
    )
    print(
        f"{name}: {RATE} pushes/s of {BATCH_SIZE} offered for {SECONDS} s, gunicorn -w {WORKERS}, "
        f"{RUNS} runs: median p50 {pick('p50'):.1f} ms, p95 {pick('p95'):.1f} ms, "
        f"p99 {pick('p99'):.1f} ms; errors, lost, duplicated or unfinished: {bad}"
    )
    return bad == 0


def main() -> int:
    """Run on SQLite, then on a durable PostgreSQL cluster when it is installed."""
    ok = True
    if "sqlite" in synclib.databases():
        ok &= measure(
            "SQLite",
            [lambda folder, r=r: f"sqlite:///{folder / f'open-{r}.sqlite'}" for r in range(RUNS)],
        )
    if "postgresql" not in synclib.databases():
        return 0 if ok else 1
    with running_postgres(durable=True) as pg_url:

        def fresh(_folder: Path) -> str:
            """Return the PostgreSQL database, emptied."""
            synclib.reset_postgres(pg_url)
            return pg_url

        ok &= measure("PostgreSQL (fsync=on, synchronous_commit=on)", [fresh] * RUNS)
    return 0 if ok else 1


if __name__ == "__main__":
    begun = time.monotonic()
    code = main()
    print(f"(took {time.monotonic() - begun:.0f} s)")
    sys.exit(code)
