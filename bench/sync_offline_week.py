"""Measure pushing 500 entries queued during a week offline, in Debian's Chromium: 3 runs, median.

Each run is a new device (a new on-disk Chromium profile) of a new account, signed in through
/login and synced once. Offline (context.set_offline), it creates 500 reflections with createEntry
from static/js/data/entries.js, backdated over 7 days; back online, syncNow() is timed until it resolves
and the outbox is empty (countWaiting() is 0). Then the server must hold exactly those 500 entries.
The app is served by werkzeug's threaded server on loopback from a throwaway SQLite file.
"""

import tempfile
import time
from pathlib import Path

import synclib
from playwright.sync_api import sync_playwright

ENTRIES = 500
DAYS = 7
RUNS = 3

WRITE_OFFLINE = """async ({ count, days }) => {
  if (navigator.onLine) throw new Error('expected to be offline');
  const { createEntry } = await import('/static/js/data/entries.js');
  const now = Date.now();
  const step = days * 24 * 3600 * 1000 / count;
  const ids = [];
  for (let i = 0; i < count; i += 1) {
    const createdAt = new Date(now - days * 24 * 3600 * 1000 + i * step);
    const entry = await createEntry('reflection', {
      text: `Offline reflection ${i}: ` + 'what gave meaning today, at work and at home. '.repeat(5),
      circles: ['self', 'close'], energy: 1 + (i % 5), question_id: 'q1',
      question_text: 'What gave you energy?',
    }, { createdAt });
    ids.push(entry.id);
  }
  return ids;
}"""

MEASURE = """async () => {
  if (!navigator.onLine) throw new Error('expected to be online');
  const { syncNow } = await import('/static/js/data/sync.js');
  const { countWaiting } = await import('/static/js/data/sync-store.js');
  const start = performance.now();
  await syncNow();
  const waiting = await countWaiting();
  const ms = performance.now() - start;
  const { transact, result } = await import('/static/js/data/db.js');
  const entries = await transact('entries', 'readonly', (tx) => result(tx.objectStore('entries').getAll()));
  return { ms, waiting, synced: entries.filter((e) => e.sync === 'synced' && e.version > 0).length };
}"""

FIRST_SYNC = """async () => {
  await import('/static/js/data/entries.js'); // loaded while online (the app has its service worker)
  const { syncNow } = await import('/static/js/data/sync.js');
  const { countWaiting } = await import('/static/js/data/sync-store.js');
  await syncNow();
  return countWaiting();
}"""


def main() -> int:
    """Run the benchmark and print one line per run and a summary."""
    seconds, server = [], []
    with tempfile.TemporaryDirectory(prefix="lpb-bench-") as folder:
        folder = Path(folder)
        app = synclib.make_app(f"sqlite:///{folder / 'bench.sqlite'}", folder / "instance")
        timer = app.wsgi_app = synclib.PathTimer(app.wsgi_app, "/api/push")
        with synclib.threaded_server(app) as base_url, sync_playwright() as playwright:
            for run in range(RUNS):
                email = f"offline-week-{run}@example.org"
                user_id = synclib.create_account(app, email)
                context = synclib.launch_chromium(playwright, folder / f"profile-{run}", base_url)
                try:
                    page = context.pages[0]
                    page.set_default_timeout(120_000)
                    synclib.browser_sign_in(page, email)
                    page.evaluate(FIRST_SYNC)  # this device now belongs to the account
                    context.set_offline(True)
                    written = time.perf_counter()
                    ids = page.evaluate(WRITE_OFFLINE, {"count": ENTRIES, "days": DAYS})
                    written = time.perf_counter() - written
                    context.set_offline(False)
                    timer.reset()
                    measured = page.evaluate(MEASURE)
                finally:
                    context.close()
                with app.app_context():
                    stored = set(
                        synclib.db.session.scalars(
                            synclib.sa.select(synclib.Entry.id).where(
                                synclib.Entry.user_id == user_id
                            )
                        )
                    )
                    synclib.db.session.remove()
                if measured["waiting"] or stored != set(ids) or measured["synced"] != ENTRIES:
                    print(
                        f"run {run + 1}: FAILED: {measured}, server holds {len(stored)}, "
                        f"{len(set(ids) - stored)} missing"
                    )
                    return 1
                seconds.append(measured["ms"] / 1000)
                server.append(timer.seconds)
                print(
                    f"run {run + 1}: {seconds[-1]:.2f} s, {ENTRIES / seconds[-1]:,.0f} entries/s "
                    f"(outbox empty, server holds {len(stored)}; {timer.requests} pushes, "
                    f"server time {timer.seconds:.2f} s; writing offline took {written:.1f} s)"
                )
        with app.app_context():
            synclib.db.engine.dispose()
    middle = synclib.median(seconds)
    print(
        f"push of {ENTRIES} entries queued offline over {DAYS} days x {RUNS} runs: "
        f"median {middle:.2f} s, {ENTRIES / middle:,.0f} entries/s "
        f"(min {min(seconds):.2f} s, max {max(seconds):.2f} s; "
        f"median server time {synclib.median(server):.2f} s)"
    )
    return 0


if __name__ == "__main__":
    synclib.run_timed(main)
