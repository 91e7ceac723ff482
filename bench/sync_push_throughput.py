"""Measure push throughput under gunicorn on loopback: 50 concurrent clients, zero lost writes.

Each run starts `gunicorn -w 4 app:app` on a free loopback port over a fresh, migrated database
(SQLite; then a durable PostgreSQL cluster from tests/postgres.py — fsync=on,
synchronous_commit=on — when Debian's postgresql is installed; BENCH_DATABASES=sqlite or
postgresql measures one of them), registers
10 accounts through the /register form (with its CSRF token), and lets 5 devices share each account:
50 clients, each with its own client_id, each pushing 20 batches of 10 new entries (sequential mids)
at once. A failed push is counted as an error and retried as a device would (same batch, same mids).
Afterwards every account is pulled in full: every acknowledged entry must be there exactly once.
3 runs per database, median. Each run also reports the CPU time (user and system) a push cost
gunicorn's processes, PostgreSQL's server processes and this load generator, which shares the
machine's cores with the server: on a loaded machine, where the rate says more about the other
work than about ours, the CPU time a push costs still compares the two databases.
"""

import contextlib
import http.client
import json
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from pathlib import Path

import synclib

from tests.postgres import running_postgres

WORKERS = 4
ACCOUNTS = 10
DEVICES_PER_ACCOUNT = 5
BATCHES = 20
BATCH_SIZE = 10
RETRIES = 5
RUNS = 3
# seconds; a run that takes longer is reported as failed (BENCH_RUN_TIMEOUT on a loaded machine)
RUN_TIMEOUT = int(os.environ.get("BENCH_RUN_TIMEOUT", "60"))


class Http:
    """A tiny HTTP client on loopback: one connection per request (gunicorn's sync workers close
    the connection after each response anyway) and one session cookie."""

    def __init__(self, base_url: str):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookie = ""

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes]:
        """Send a request with the cookie; keep a new cookie if one is set; return status, body."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            headers = dict(headers or {})
            if self.cookie:
                headers["Cookie"] = self.cookie
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("lpb="):
                    self.cookie = value.split(";", 1)[0]
            return response.status, data
        finally:
            connection.close()

    def json(self, path: str) -> dict:
        """GET a JSON document."""
        status, data = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {data[:200]!r}")
        return json.loads(data)


def register(base_url: str, email: str) -> tuple[str, str]:
    """Create an account through the /register form; return its session cookie and an API token."""
    browser = Http(base_url)
    status, html = browser.request("GET", "/register")
    token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1).decode()
    form = urllib.parse.urlencode(
        {"csrf_token": token, "email": email, "password": synclib.PASSWORD}
    ).encode()
    status, _ = browser.request(
        "POST", "/register", form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    if status != 302:
        raise RuntimeError(f"registering {email} answered {status}")
    api_token = browser.json("/api/session")["csrf_token"]  # also stores it in the session cookie
    return browser.cookie, api_token


class Device(threading.Thread):
    """One client: pushes BATCHES batches of BATCH_SIZE new entries, retrying failed pushes."""

    def __init__(self, base_url: str, cookie: str, token: str, start: threading.Barrier):
        super().__init__(daemon=True)
        self.http = Http(base_url)
        self.http.cookie = cookie
        self.token, self.start_barrier = token, start
        self.client_id = str(uuid.uuid4())
        self.latencies, self.acknowledged, self.errors = [], [], Counter()
        self.statuses = Counter()

    def run(self):
        self.start_barrier.wait()
        mid = 0
        for _ in range(BATCHES):
            mutations = []
            for _ in range(BATCH_SIZE):
                mid += 1
                at = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
                mutations.append(
                    {
                        "mid": mid,
                        "op": "put",
                        "base_version": 0,
                        "entry": {
                            "id": str(uuid.uuid4()),
                            "kind": "reflection",
                            "text": synclib.text_for(mid),
                            "circles": ["self"],
                            "energy": 3,
                            "day": at[:10],
                            "created_at": at,
                            "updated_at": at,
                        },
                    }
                )
            body = json.dumps({"client_id": self.client_id, "mutations": mutations}).encode()
            for _attempt in range(RETRIES + 1):
                started = time.perf_counter()
                try:
                    status, data = self.http.request(
                        "POST",
                        "/api/push",
                        body,
                        {"Content-Type": "application/json", "X-CSRFToken": self.token},
                    )
                except OSError as exc:
                    status, data = type(exc).__name__, b""
                self.latencies.append(time.perf_counter() - started)
                if status == 200:
                    for item in json.loads(data)["results"]:
                        self.statuses[item["status"]] += 1
                        if item["status"] in ("applied", "duplicate"):
                            self.acknowledged.append(item["id"])
                    break
                self.errors[f"{status} {data[:80]!r}"] += 1
                time.sleep(0.1)


def pull_all(base_url: str, cookie: str) -> list[str]:
    """Return the ids of every change of the signed-in account, page by page."""
    client = Http(base_url)
    client.cookie = cookie
    ids, since = [], 0
    while True:
        page = client.json(f"/api/pull?since={since}&limit=1000")
        ids.extend(change["id"] for change in page["changes"])
        since = page["cursor"]
        if not page["has_more"]:
            return ids


def database_pid(url: str) -> int | None:
    """Return the PostgreSQL server's process id (its backends are its children), None for SQLite:
    SQLite works inside gunicorn's processes, whose CPU time is counted anyway."""
    if not url.startswith("postgresql"):
        return None
    folder = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["host"][0]
    return int((Path(folder) / "data" / "postmaster.pid").read_text().split()[0])


def one_run(name: str, run: int, url: str, folder: Path) -> dict:
    """Start gunicorn over a migrated database at url, push from every device, and check."""
    app = synclib.make_app(url, folder / "instance")  # migrates
    with app.app_context():
        synclib.db.engine.dispose()
    log = folder / f"gunicorn-{name}-{run}.log"
    with synclib.gunicorn(url, WORKERS, log) as (base_url, process):
        accounts = [register(base_url, f"device-{index}@example.org") for index in range(ACCOUNTS)]
        barrier = threading.Barrier(ACCOUNTS * DEVICES_PER_ACCOUNT + 1)
        devices = [
            Device(base_url, cookie, token, barrier)
            for cookie, token in accounts
            for _ in range(DEVICES_PER_ACCOUNT)
        ]
        for device in devices:
            device.start()
        db_pid = database_pid(url)
        db_cpu = synclib.cpu_seconds(db_pid) if db_pid else 0.0
        server_cpu, generator_cpu = synclib.cpu_seconds(process.pid), time.process_time()
        barrier.wait()
        started = time.perf_counter()
        for device in devices:
            device.join(timeout=max(0.0, RUN_TIMEOUT - (time.perf_counter() - started)))
        wall = time.perf_counter() - started
        server_cpu = synclib.cpu_seconds(process.pid) - server_cpu
        db_cpu = (synclib.cpu_seconds(db_pid) - db_cpu) if db_pid else 0.0
        generator_cpu = time.process_time() - generator_cpu
        unfinished = sum(device.is_alive() for device in devices)
        lost = duplicated = extra = 0
        for index, (cookie, _token) in enumerate(accounts):
            on_server = Counter(pull_all(base_url, cookie))
            pushed = {
                entry_id
                for device in devices[
                    index * DEVICES_PER_ACCOUNT : (index + 1) * DEVICES_PER_ACCOUNT
                ]
                for entry_id in device.acknowledged
            }
            lost += sum(1 for entry_id in pushed if entry_id not in on_server)
            duplicated += sum(count - 1 for count in on_server.values() if count > 1)
            extra += sum(1 for entry_id in on_server if entry_id not in pushed)
    log_text = log.read_text(errors="replace")
    latencies = [latency for device in devices for latency in device.latencies]
    errors = sum((device.errors for device in devices), Counter())
    statuses = sum((device.statuses for device in devices), Counter())
    acknowledged = sum(len(device.acknowledged) for device in devices)
    return {
        "wall": wall,
        "requests": len(latencies),
        "acknowledged": acknowledged,
        "mutations_per_s": acknowledged / wall,
        "requests_per_s": len(latencies) / wall,
        "median_ms": synclib.median(latencies) * 1000,
        "p95_ms": synclib.percentile(latencies, 0.95) * 1000,
        "max_ms": max(latencies) * 1000,
        "errors": errors,
        "statuses": statuses,
        "unfinished": unfinished,
        "lost": lost,
        "duplicated": duplicated,
        "extra": extra,
        "server_cpu_ms": server_cpu * 1000 / len(latencies),
        "database_cpu_ms": db_cpu * 1000 / len(latencies),
        "generator_cpu_ms": generator_cpu * 1000 / len(latencies),
        "tracebacks": log_text.count("Traceback"),
        "locked": log_text.count("database is locked"),
    }


def report(name: str, results: list[dict]) -> bool:
    """Print the summary of a database's runs; return whether no write was lost or doubled."""
    clients = ACCOUNTS * DEVICES_PER_ACCOUNT
    pick = lambda key: synclib.median([result[key] for result in results])  # noqa: E731
    lost = sum(result["lost"] for result in results)
    duplicated = sum(result["duplicated"] + result["extra"] for result in results)
    errors = sum(sum(result["errors"].values()) for result in results)
    unfinished = sum(result["unfinished"] for result in results)
    print(
        f"{name}: {clients} clients x {BATCHES} pushes of {BATCH_SIZE}, gunicorn -w {WORKERS}, "
        f"{RUNS} runs: median {pick('mutations_per_s'):,.0f} mutations/s "
        f"({pick('requests_per_s'):,.0f} pushes/s), push latency median "
        f"{pick('median_ms'):.0f} ms, p95 {pick('p95_ms'):.0f} ms; errors {errors}; "
        f"lost: {lost}, duplicated: {duplicated}; CPU a push: server "
        f"{pick('server_cpu_ms'):.1f} ms + database server {pick('database_cpu_ms'):.1f} ms, "
        f"load generator {pick('generator_cpu_ms'):.1f} ms"
    )
    return lost == 0 and duplicated == 0 and unfinished == 0


def line(name: str, run: int, result: dict) -> str:
    """Return the line printed for one run."""
    errors = ", ".join(f"{count}x {kind}" for kind, count in result["errors"].items()) or "0"
    return (
        f"{name} run {run + 1}: {result['acknowledged']} mutations in {result['wall']:.1f} s = "
        f"{result['mutations_per_s']:,.0f} mutations/s, {result['requests']} requests "
        f"({result['requests_per_s']:.0f}/s), latency median {result['median_ms']:.0f} ms, "
        f"p95 {result['p95_ms']:.0f} ms, max {result['max_ms']:.0f} ms; errors: {errors}; "
        f"statuses {dict(result['statuses'])}; lost: {result['lost']}, duplicated: "
        f"{result['duplicated']}, unexpected on server: {result['extra']}; unfinished "
        f"clients {result['unfinished']}; server log: {result['tracebacks']} tracebacks, "
        f"{result['locked']} 'database is locked'; CPU a push: server "
        f"{result['server_cpu_ms']:.1f} ms + database server {result['database_cpu_ms']:.1f} ms, "
        f"load generator {result['generator_cpu_ms']:.1f} ms"
    )


def main() -> int:
    """Run on SQLite and on a durable PostgreSQL cluster (when installed), alternating runs so
    that both see the same machine; print each run, the medians and their ratio."""
    ok = True
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL (fsync=on, synchronous_commit=on)"}
    wanted = synclib.databases()
    results: dict[str, list[dict]] = {name: [] for name in wanted}
    with (
        tempfile.TemporaryDirectory(prefix="lpb-bench-") as folder,
        contextlib.ExitStack() as stack,
    ):
        folder = Path(folder)
        # Durable, as SQLite's synchronous=FULL: a commit waits for its WAL to be on disk.
        pg_url = (
            stack.enter_context(running_postgres(durable=True)) if "postgresql" in wanted else ""
        )
        for run in range(RUNS):
            for name in wanted:
                if name == "sqlite":
                    url = f"sqlite:///{folder / f'push-{run}.sqlite'}"
                else:
                    synclib.reset_postgres(pg_url)
                    url = pg_url
                results[name].append(one_run(name, run, url, folder))
                print(line(names[name], run, results[name][-1]), flush=True)
    for name in wanted:
        ok &= report(names[name], results[name])
    if len(wanted) == 2:
        rates = [
            synclib.median([result["requests_per_s"] for result in results[name]])
            for name in ("postgresql", "sqlite")
        ]
        print(f"PostgreSQL / SQLite, pushes a second (runs alternated): {rates[0] / rates[1]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    begun = time.monotonic()
    code = main()
    print(f"(took {time.monotonic() - begun:.0f} s)")
    sys.exit(code)
