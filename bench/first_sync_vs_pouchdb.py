"""Our first sync of 10,000 entries against PouchDB 9 and against IndexedDB's own floor.

Three things run in Debian's Chromium, each with a new on-disk profile, back to back, 3 runs each,
alternating (ours, PouchDB, floor, ours, ...), and all three store into IndexedDB:

Ours: one account with 10,000 reflections on a throwaway SQLite file, served by werkzeug's threaded
server on loopback; a new device signs in through /login and syncNow() from static/js/data/sync.js
is timed until it resolves and the entries store holds all 10,000 (as bench/sync_first_pull.py).

PouchDB: `pouchdb-server@4.2.0 --in-memory` on loopback (through `npm exec`, fetched into npm's cache
on first use), holding 10,000 documents of the same shape; a page from a small static server loads
node_modules/pouchdb/dist/pouchdb.min.js (a pinned devDependency) and times
PouchDB.replicate(remote, new PouchDB('journal'), {batch_size: 500, batches_limit: 5}) — tuned as
a careful user would, not its defaults (batches of 100) — until doc_count is 10,000.

Floor: the 10,000 records our first run stored, exactly as stored, written straight into a new
IndexedDB database with the same two indexes on its entries store (by_created, by_kind_created), in
transactions of 2,000 with relaxed durability, one after another: no network, no checks, no
per-day totals. Ours divided by it is what our pull costs beyond IndexedDB itself (goal: ≤ 1.3).
"""

import contextlib
import functools
import http.server
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import synclib
from playwright.sync_api import sync_playwright

ENTRIES = 10_000
RUNS = 3
EMAIL = "first-sync@example.org"
POUCHDB_SERVER = "pouchdb-server@4.2.0"
POUCHDB_DIST = synclib.ROOT / "node_modules" / "pouchdb" / "dist" / "pouchdb.min.js"

OURS = """async () => {
  const { syncNow } = await import('/static/js/data/sync.js');
  const { transact, result } = await import('/static/js/data/db.js');
  const start = performance.now();
  await syncNow();
  const count = await transact('entries', 'readonly', (tx) => result(tx.objectStore('entries').count()));
  return { ms: performance.now() - start, count };
}"""

FLOOR_RATIO_GOAL = 1.3
POUCH_OPTIONS = {"batch_size": 500, "batches_limit": 5}

# What our first run stored, to write again as the floor.
STORED = """() => import('/static/js/data/db.js').then(({ transact, result }) =>
  transact('entries', 'readonly', (tx) => result(tx.objectStore('entries').getAll())))"""

FLOOR = """async (records) => {
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  const opening = indexedDB.open('floor', 1);
  opening.onupgradeneeded = () => {
    const entries = opening.result.createObjectStore('entries', { keyPath: 'id' });
    entries.createIndex('by_created', 'created_at');
    entries.createIndex('by_kind_created', ['kind', 'created_at']);
  };
  const db = await done(opening);
  for (let first = 0; first < records.length; first += 2000) {
    const tx = db.transaction('entries', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('entries');
    for (const record of records.slice(first, first + 2000)) store.put(record);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  const count = await done(db.transaction('entries').objectStore('entries').count());
  db.close();
  return { ms, count };
}"""

POUCH = """async ([remote, options]) => {
  const local = new PouchDB('journal');
  const start = performance.now();
  await PouchDB.replicate(remote, local, options);
  const count = (await local.info()).doc_count;
  return { ms: performance.now() - start, count };
}"""


def documents() -> list[dict]:
    """Return ENTRIES reflections shaped as ours are stored (≈250 characters of text each)."""
    return [
        {
            "_id": str(uuid.uuid4()),
            "kind": "reflection",
            "text": synclib.text_for(index),
            "circles": ["self", "close"],
            "energy": 3,
            "question_id": "q1",
            "question_text": "What gave you energy?",
            "day": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
            "created_at": "2025-01-01T08:00:00+00:00",
            "updated_at": "2025-01-01T08:00:00+00:00",
        }
        for index in range(1, ENTRIES + 1)
    ]


def couch(base: str, method: str, path: str, body: object = None) -> object:
    """Send one JSON request to the PouchDB server and return its answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        base + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


@contextlib.contextmanager
def pouchdb_server(folder: Path):
    """Run pouchdb-server in memory on a free loopback port, CORS on; yield its base URL."""
    port = synclib.free_port()
    command = ["npm", "exec", "--yes", f"--package={POUCHDB_SERVER}", "--", "pouchdb-server"]
    process = subprocess.Popen(
        [*command, "--in-memory", "-n", "-o", "127.0.0.1", "-p", str(port)],
        cwd=folder,  # where it writes its config.json and log.txt
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300  # the first use fetches it into npm's cache
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{POUCHDB_SERVER} did not start")
            time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        couch(base, "PUT", "/_config/httpd/enable_cors", "true")
        couch(base, "PUT", "/_config/cors/origins", "*")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)


def seed_pouchdb(base: str) -> str:
    """Store the documents in a new database; return its URL."""
    couch(base, "PUT", "/journal")
    docs = documents()
    for first in range(0, ENTRIES, 1000):
        couch(base, "POST", "/journal/_bulk_docs", {"docs": docs[first : first + 1000]})
    count = couch(base, "GET", "/journal")["doc_count"]
    if count != ENTRIES:
        raise RuntimeError(f"pouchdb-server holds {count} documents")
    return f"{base}/journal"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, *args: object) -> None:
        """Log nothing."""


@contextlib.contextmanager
def static_page(folder: Path):
    """Serve an empty page and PouchDB's dist file from a loopback origin of their own."""
    (folder / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><title>PouchDB</title>'
        '<link rel="icon" href="data:,"><script src="pouchdb.min.js"></script>'
    )
    (folder / "pouchdb.min.js").write_bytes(POUCHDB_DIST.read_bytes())
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def run_ours(playwright, profile: Path, base_url: str, stored: list) -> float:
    """Sign a new device in and time its first sync; return seconds. The first run also fills
    stored with the records it stored, for the floor."""
    context = synclib.launch_chromium(playwright, profile, base_url)
    try:
        page = context.pages[0]
        page.set_default_timeout(300_000)
        synclib.browser_sign_in(page, EMAIL)
        measured = page.evaluate(OURS)
        if not stored:
            stored.extend(page.evaluate(STORED))
    finally:
        context.close()
    if measured["count"] != ENTRIES:
        raise RuntimeError(f"ours: {measured}")
    return measured["ms"] / 1000


def run_floor(playwright, profile: Path, page_url: str, records: list) -> float:
    """Write the records into a new IndexedDB database in a new profile; return seconds."""
    context = synclib.launch_chromium(playwright, profile, page_url)
    try:
        page = context.pages[0]
        page.set_default_timeout(300_000)
        page.goto(page_url)
        measured = page.evaluate(FLOOR, records)
    finally:
        context.close()
    if measured["count"] != ENTRIES:
        raise RuntimeError(f"floor: {measured}")
    return measured["ms"] / 1000


def run_pouch(playwright, profile: Path, page_url: str, remote: str) -> float:
    """Open the PouchDB page in a new profile and time one replication; return seconds."""
    context = synclib.launch_chromium(playwright, profile, page_url)
    try:
        page = context.pages[0]
        page.set_default_timeout(300_000)
        page.goto(page_url)
        measured = page.evaluate(POUCH, [remote, POUCH_OPTIONS])
    finally:
        context.close()
    if measured["count"] != ENTRIES:
        raise RuntimeError(f"PouchDB: {measured}")
    return measured["ms"] / 1000


def main() -> int:
    """Seed both servers, then alternate runs; print each, the medians and the two ratios."""
    ours, pouch, floor, stored = [], [], [], []
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="lpb-bench-") as folder:
        folder = Path(folder)
        (folder / "pouch").mkdir()
        (folder / "page").mkdir()
        app = synclib.make_app(f"sqlite:///{folder / 'bench.sqlite'}", folder / "instance")
        user_id = synclib.create_account(app, EMAIL)
        synclib.bulk_seed(app, user_id, ENTRIES)
        with (
            synclib.threaded_server(app) as base_url,
            pouchdb_server(folder / "pouch") as couch_base,
            static_page(folder / "page") as page_url,
            sync_playwright() as playwright,
        ):
            remote = seed_pouchdb(couch_base)
            print(f"seeded {ENTRIES:,} entries on our server and {ENTRIES:,} on {POUCHDB_SERVER}")
            for run in range(RUNS):
                ours.append(run_ours(playwright, folder / f"ours-{run}", base_url, stored))
                pouch.append(run_pouch(playwright, folder / f"pouch-{run}", page_url, remote))
                floor.append(run_floor(playwright, folder / f"floor-{run}", page_url, stored))
                print(
                    f"run {run + 1}: ours {ours[-1]:.2f} s, PouchDB {pouch[-1]:.2f} s "
                    f"(x{pouch[-1] / ours[-1]:.1f}), IndexedDB floor {floor[-1]:.2f} s "
                    f"(ours x{ours[-1] / floor[-1]:.2f})",
                    flush=True,
                )
        with app.app_context():
            synclib.db.engine.dispose()
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    ours_s, pouch_s, floor_s = (synclib.median(values) for values in (ours, pouch, floor))
    print(
        f"first sync of {ENTRIES:,} entries, {RUNS} runs each, medians: ours {ours_s:.2f} s, "
        f"PouchDB 9 (batch_size 500, batches_limit 5) {pouch_s:.2f} s, IndexedDB floor "
        f"(relaxed transactions of 2,000, same indexes) {floor_s:.2f} s"
    )
    print(f"PouchDB / ours: {pouch_s / ours_s:.1f}x (ours is that much faster)")
    ratio = ours_s / floor_s
    print(f"ours / floor: {ratio:.2f}x (goal <= {FLOOR_RATIO_GOAL}): {ratio <= FLOOR_RATIO_GOAL}")
    return 0 if ratio <= FLOOR_RATIO_GOAL else 1


if __name__ == "__main__":
    synclib.run_timed(main)
