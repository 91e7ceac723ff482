"""Import a 10,000-entry Day One export through Settings in Debian's Chromium: 3 runs.

Each run uses a new on-disk profile (real, durable IndexedDB) and the same export ZIP (one journal
of 10,000 entries with tags, three time zones and photo references, plus a photo file), made by
tests/import_fixtures.py. Timed from Python, as a user would notice it: choosing the file until
the preview shows (reading the ZIP, parsing, ids) and pressing Import until "added" shows (writing
in batches through the outbox). The page also records its longest main-thread task during the
import (the app stays usable) and its JS heap after the preview. Budget: under 10 s in total.
"""

import os
import tempfile
import time
from pathlib import Path

import synclib
from playwright.sync_api import expect, sync_playwright

from tests.import_fixtures import dayone_zip

ENTRIES = 10_000
RUNS = 3
BUDGET_S = 10.0
PICK = "Import from Day One, Daylio, jrnl or Markdown"

WATCH_LONG_TASKS = """() => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.__longest = Math.max(window.__longest, task.duration);
  }).observe({ type: 'longtask' });
}"""


def one_run(playwright, base_url: str, export: Path, profile: Path) -> dict:
    """Import the export once in a fresh profile; return the phases' seconds and what was seen."""
    context = synclib.launch_chromium(playwright, profile, base_url)
    page = context.pages[0]
    page.goto("/settings")
    page.locator("#main .view").wait_for()
    page.locator("#sync-state:not(:empty)").wait_for()
    started = time.perf_counter()
    page.get_by_label(PICK).set_input_files(export)
    expect(page.get_by_role("heading", name=f"Day One: {ENTRIES:,} entries")).to_be_visible(
        timeout=60_000
    )
    read = time.perf_counter() - started
    heap = page.evaluate("() => performance.memory?.usedJSHeapSize ?? 0")
    page.evaluate(WATCH_LONG_TASKS)
    started = time.perf_counter()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#journal-import-status")).to_contain_text(
        f"{ENTRIES:,} added", timeout=120_000
    )
    write = time.perf_counter() - started
    longest = page.evaluate("() => window.__longest")
    count = page.evaluate(
        "import('/static/js/data/db.js').then((db) => db.transact('entries', 'readonly',"
        " (tx) => db.result(tx.objectStore('entries').count())))"
    )
    context.close()
    return {"read": read, "write": write, "longest_ms": longest, "heap": heap, "count": count}


def main() -> int:
    """Run the benchmark and print one line per run and a summary."""
    synclib.quiet()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        export = dayone_zip(folder / "dayone.zip", ENTRIES)
        app = synclib.make_app(f"sqlite:///{folder / 'bench.sqlite'}", folder / "instance")
        print(f"export: {ENTRIES:,} entries, {export.stat().st_size / 1e6:.1f} MB ZIP")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        totals = []
        with synclib.threaded_server(app) as base_url, sync_playwright() as playwright:
            for run in range(RUNS):
                result = one_run(playwright, base_url, export, folder / f"profile-{run}")
                assert result["count"] == ENTRIES, result
                total = result["read"] + result["write"]
                totals.append(total)
                print(
                    f"run {run + 1}: read+preview {result['read']:.2f} s, write"
                    f" {result['write']:.2f} s, total {total:.2f} s; longest task"
                    f" {result['longest_ms']:.0f} ms; JS heap after preview"
                    f" {result['heap'] / 1e6:.0f} MB"
                )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"median total {synclib.median(totals):.2f} s (budget {BUDGET_S:.0f} s)")
        return 0 if synclib.median(totals) < BUDGET_S else 1


if __name__ == "__main__":
    synclib.run_timed(main)
