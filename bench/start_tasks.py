"""The app's start in tasks: the longest main-thread tasks after the first paint, on a 4x slower CPU.

Debian's Chromium opens `/` of a fresh app twice, each time with a new profile and
Emulation.setCPUThrottlingRate 4 (a mid-range phone, as Lighthouse's mobile setting): a first visit,
and a device holding five years of reflections with today's written (the done view, and kantelen's
look over the whole history). A trace of the page's main thread gives each task's wall time and
its thread time. The throttling keeps the thread busy while it slows it, so thread time is what the
task would take on a quiet machine; on a loaded one the wall time (what PerformanceObserver's
`longtask` and tests/e2e/test_start_tasks.py see) also holds the time other processes had the core.
Goal: no task after the first paint of 50 ms or more.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

import synclib
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(synclib.ROOT / "tests" / "e2e"))
from test_start_tasks import (  # noqa: E402
    LONG_TASKS_AFTER_PAINT,
    OBSERVE,
    SEED,
    SLOWDOWN,
    history,
    started,
)

GOAL_MS = 50
SHOWN = 5  # the longest tasks printed per case
TASKS = ("RunTask", "ThreadControllerImpl::RunTask")
# The main thread's tasks with their thread time, and the navigation's start to align them with.
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"]


def main_thread_tasks(events: list[dict]) -> tuple[list[dict], float]:
    """Return the outermost tasks of the app page's main thread and its navigation start (µs)."""
    start = next(
        event
        for event in reversed(events)
        if event.get("name") == "navigationStart"
        and "127.0.0.1" in json.dumps(event.get("args", {}))
    )
    threads = {
        (event["pid"], event["tid"])
        for event in events
        if event.get("name") == "thread_name"
        and event["args"].get("name") == "CrRendererMain"
        and event["pid"] == start["pid"]
    }
    tasks = sorted(
        (
            e
            for e in events
            if e.get("name") in TASKS and e.get("ph") == "X" and (e["pid"], e["tid"]) in threads
        ),
        key=lambda event: event["ts"],
    )
    outer: list[dict] = []
    for task in tasks:
        if not outer or task["ts"] >= outer[-1]["ts"] + outer[-1]["dur"]:
            outer.append(task)
    return outer, start["ts"]


def what_ran(events: list[dict], task: dict) -> str:
    """Return what took the thread time of a task: its events' names (and scripts) by time."""
    spent: dict[str, float] = {}
    end = task["ts"] + task["dur"]
    for event in events:
        if (event["pid"], event["tid"]) != (task["pid"], task["tid"]) or event is task:
            continue
        if event.get("ph") != "X" or not task["ts"] <= event["ts"] <= end:
            continue
        if event["name"] in TASKS:
            continue
        data = (event.get("args") or {}).get("data") or {}
        script = data.get("url", "").rsplit("/static/js/", 1)[-1] if isinstance(data, dict) else ""
        name = f"{event['name']} {script} {data.get('functionName', '')}".strip()
        spent[name] = spent.get(name, 0) + event.get("tdur", 0) / 1000
    top = sorted(spent.items(), key=lambda item: -item[1])[:6]
    return ", ".join(f"{name} {ms:.1f}" for name, ms in top)


def measure(playwright, base_url: str, with_history: bool) -> dict:
    """Open the app on a throttled page; return the tasks after the first paint and the long ones."""
    browser = playwright.chromium.launch(
        executable_path=synclib.CHROMIUM, args=synclib.CHROMIUM_ARGS
    )
    try:
        page = browser.new_context(
            viewport={"width": 360, "height": 740}, locale="en-GB", base_url=base_url
        ).new_page()
        page.add_init_script(OBSERVE)
        also = ["#reflection"]
        if with_history:
            page.goto("/")
            started(page)
            page.evaluate(SEED, history(5 * 365))
            page.evaluate("() => localStorage.setItem('lpb.intro-seen', '1')")
            also = ["#main .view .done", ".next-step .kantelen"]
        page.context.new_cdp_session(page).send(
            "Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN}
        )
        browser.start_tracing(page=page, categories=CATEGORIES)
        page.reload() if with_history else page.goto("/")
        started(page, *also)
        events = json.loads(browser.stop_tracing())["traceEvents"]
        observed = page.evaluate(LONG_TASKS_AFTER_PAINT)
    finally:
        browser.close()
    tasks, navigation = main_thread_tasks(events)
    paint = navigation + observed["paint"] * 1000
    after = [task for task in tasks if task["ts"] + task["dur"] > paint]
    longest = max(after, key=lambda task: task.get("tdur", 0))
    return {
        "longest": what_ran(events, longest),
        "paint": observed["paint"],
        "by_wall": sorted((task["dur"] / 1000 for task in after), reverse=True),
        "by_thread": sorted((task.get("tdur", 0) / 1000 for task in after), reverse=True),
        "longtasks": [task["ms"] for task in observed["tasks"]],
    }


def main() -> int:
    """Measure both cases; print the longest tasks by wall and by thread time."""
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    ok = True
    with tempfile.TemporaryDirectory(prefix="lpb-start-") as folder:
        folder = Path(folder)
        app = synclib.make_app(f"sqlite:///{folder / 'bench.sqlite'}", folder / "instance")
        with synclib.threaded_server(app) as base_url, sync_playwright() as playwright:
            for label, with_history in (("first visit", False), ("five years, done", True)):
                found = measure(playwright, base_url, with_history)
                longest = max(found["by_thread"], default=0)
                wall = ", ".join(f"{ms:.0f}" for ms in found["by_wall"][:SHOWN])
                thread = ", ".join(f"{ms:.0f}" for ms in found["by_thread"][:SHOWN])
                print(
                    f"{label}, CPU {SLOWDOWN}x slower, after the first paint at {found['paint']} "
                    f"ms: {len(found['by_wall'])} tasks; longest by thread time {thread} ms; "
                    f"by wall time {wall} ms; longtask entries {found['longtasks'] or 'none'}"
                )
                print(f"  the longest: {found['longest']}")
                ok &= longest < GOAL_MS
        with app.app_context():
            synclib.db.engine.dispose()
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"goal (no task of {GOAL_MS} ms or more by thread time after the first paint): {ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    synclib.run_timed(main)
