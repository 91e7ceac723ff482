"""Measure the first pull of 10,000 entries to a new device in Debian's Chromium: 3 runs, median.

One account is seeded with 10,000 reflections (lpb.sync.services.push, batches of 500) on a throwaway SQLite
file, served by werkzeug's threaded server on loopback. Each run is a new device: a new on-disk
Chromium profile signs in through /login, then syncNow() from static/js/data/sync.js is timed until it
resolves and the entries store holds all 10,000 entries.
"""

import tempfile
from pathlib import Path

import synclib
from playwright.sync_api import sync_playwright

ENTRIES = 10_000
RUNS = 3
EMAIL = "first-pull@example.org"

MEASURE = """async () => {
  const { syncNow } = await import('/static/js/data/sync.js');
  const { countWaiting } = await import('/static/js/data/sync-store.js');
  const { transact, result } = await import('/static/js/data/db.js');
  const start = performance.now();
  await syncNow();
  const count = await transact('entries', 'readonly', (tx) => result(tx.objectStore('entries').count()));
  const ms = performance.now() - start;
  const cursor = await transact('meta', 'readonly', (tx) => result(tx.objectStore('meta').get('cursor')));
  return { ms, count, waiting: await countWaiting(), cursor: cursor?.value ?? null };
}"""


def main() -> int:
    """Run the benchmark and print one line per run and a summary."""
    seconds, server = [], []
    with tempfile.TemporaryDirectory(prefix="lpb-bench-") as folder:
        folder = Path(folder)
        app = synclib.make_app(f"sqlite:///{folder / 'bench.sqlite'}", folder / "instance")
        user_id = synclib.create_account(app, EMAIL)
        took = synclib.seed(app, user_id, ENTRIES)
        version = synclib.user_version(app, user_id)
        print(
            f"seeded {synclib.count_entries(app, user_id)} entries in {took:.1f} s "
            f"(lpb.sync.services.push, batches of {synclib.SEED_BATCH})"
        )
        timer = app.wsgi_app = synclib.PathTimer(app.wsgi_app, "/api/pull")
        with synclib.threaded_server(app) as base_url, sync_playwright() as playwright:
            for run in range(RUNS):
                context = synclib.launch_chromium(playwright, folder / f"profile-{run}", base_url)
                try:
                    page = context.pages[0]
                    page.set_default_timeout(120_000)
                    synclib.browser_sign_in(page, EMAIL)
                    timer.reset()
                    measured = page.evaluate(MEASURE)
                finally:
                    context.close()
                if measured["count"] != ENTRIES or measured["cursor"] != version:
                    print(f"run {run + 1}: FAILED: {measured}")
                    return 1
                seconds.append(measured["ms"] / 1000)
                server.append(timer.seconds)
                print(
                    f"run {run + 1}: {seconds[-1]:.2f} s, {ENTRIES / seconds[-1]:,.0f} entries/s "
                    f"({measured['count']} entries in IndexedDB, cursor {measured['cursor']}; "
                    f"server time in {timer.requests} pulls {timer.seconds:.2f} s)"
                )
        with app.app_context():
            synclib.db.engine.dispose()
    middle = synclib.median(seconds)
    print(
        f"first pull of {ENTRIES:,} entries x {RUNS} runs: median {middle:.2f} s, "
        f"{ENTRIES / middle:,.0f} entries/s (min {min(seconds):.2f} s, max {max(seconds):.2f} s; "
        f"median server time {synclib.median(server):.2f} s)"
    )
    return 0


if __name__ == "__main__":
    synclib.run_timed(main)
