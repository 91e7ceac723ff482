"""Lighthouse mobile on the app's start page: scores and paint timings, median of five runs.

Lighthouse 12.2.3 (default mobile config: simulated slow 4G and a 4x slower CPU) runs against `/` of
the app on a fresh SQLite database, in Debian's Chromium ($CHROMIUM overrides). Lighthouse is not in
package.json (it would make `npm ci` heavy for the tests); `npm exec` fetches it into npm's cache.
Lighthouse 12.2.3 cannot name the largest contentful element with this Chromium (its trace reader fails on
`frame_sequence`), so a Playwright page load with a PerformanceObserver names it instead.
The simulation replays the requests made before the observed paint, each costing at least a round
trip of 150 ms (at most 10 at once), with the server's observed response times: the count of those
requests is printed, and the load average, since a busy machine answers slower.

It measures twice: as the machine is, then while a second process (started here) keeps one core
busy, as a mid-range phone always has something else running. `lighthouse_mobile.py quiet` or
`lighthouse_mobile.py busy` measures one of the two.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import synclib
from playwright.sync_api import sync_playwright

LIGHTHOUSE = "lighthouse@12.2.3"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "5"))  # fewer while trying changes
CATEGORIES = ("performance", "accessibility", "best-practices")
TIMINGS = {
    "LCP": "largest-contentful-paint",
    "FCP": "first-contentful-paint",
    "TBT": "total-blocking-time",
}
CHROME_FLAGS = ["--headless=new", *synclib.CHROMIUM_ARGS]
GOALS = "performance 100, LCP <= 1000 ms, TBT <= 50 ms, a11y 100, best practices 100"
BUSY_GOAL = "performance 100"
# One core kept busy for as long as the block runs: a process that only counts.
SPIN = "while True: pass"


def lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse once on url and return its JSON report."""
    command = [
        "npm",
        "exec",
        "--yes",
        f"--package={LIGHTHOUSE}",
        "--",
        "lighthouse",
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": synclib.CHROMIUM}
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, timeout=600)
    return json.loads(report.read_text())


def figures(report: dict) -> dict[str, object]:
    """Return a report's scores (0-100), timings (ms), the requests made before the observed largest
    contentful paint, and the audits of accessibility and best practices that did not pass."""
    result: dict[str, object] = {
        name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    for label, audit in TIMINGS.items():
        result[label] = report["audits"][audit]["numericValue"]
    result["CLS"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    observed_lcp = report["audits"]["metrics"]["details"]["items"][0][
        "observedLargestContentfulPaint"
    ]
    requests = report["audits"]["network-requests"]["details"]["items"]
    result["requests"] = sum(1 for item in requests if item["networkRequestTime"] < observed_lcp)
    failed = [
        audit_id
        for name in ("accessibility", "best-practices")
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and (report["audits"][(audit_id := ref["id"])]["score"] or 0) < 1
    ]
    result["failed"] = ", ".join(failed) or "none"
    return result


LCP_PROBE = """
window.__lcp = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const element = entry.element;
    const name = element
      ? `${element.localName}${element.id ? '#' + element.id : ''}${element.className ? '.' + element.className : ''}`
      : '(removed)';
    window.__lcp.push(`${name} "${(element?.textContent ?? '').trim().slice(0, 40)}" (${entry.size} px², ${Math.round(entry.startTime)} ms)`);
  }
}).observe({ type: 'largest-contentful-paint', buffered: true });
"""


def lcp_candidates(url: str) -> list[str]:
    """Return the largest-contentful-paint candidates of a fresh, unthrottled load of url, in order."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=synclib.CHROMIUM, args=synclib.CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 412, "height": 823})
        page.add_init_script(LCP_PROBE)
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)
        candidates = page.evaluate("window.__lcp")
        browser.close()
    return candidates


def line(result: dict[str, object]) -> str:
    """Format one run's (or the medians') figures."""
    scores = " ".join(f"{name} {result[name]}" for name in CATEGORIES)
    timings = " ".join(f"{label} {result[label]:.0f} ms" for label in TIMINGS)
    shift = f"CLS {result['CLS']:.3f}"
    return f"{scores} | {timings} {shift} | {result['requests']:.0f} requests before the LCP"


@contextlib.contextmanager
def one_core_busy():
    """Keep one core busy in a second process while the block runs."""
    spinner = subprocess.Popen([sys.executable, "-c", SPIN])
    try:
        yield
    finally:
        spinner.kill()
        spinner.wait()


def measure(base_url: str, folder: Path, label: str) -> dict:
    """Run Lighthouse RUNS times on the app; print each run; return the medians."""
    runs = []
    print(f"{label}: load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    for run in range(RUNS):
        runs.append(figures(lighthouse(f"{base_url}/", folder / f"{label}-{run}.json")))
        print(f"{label} run {run + 1}: {line(runs[-1])}", flush=True)
        print(f"  audits below 100%: {runs[-1]['failed']}", flush=True)
    print(f"{label}: load average after: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    keys = (*CATEGORIES, *TIMINGS, "CLS", "requests")
    return {key: synclib.median([run[key] for run in runs]) for key in keys}


def main() -> int:
    """Start the app on a fresh database, run Lighthouse five times as the machine is and five
    times with one core kept busy; print each run, the medians and whether the goals hold."""
    wanted = sys.argv[1:] or ["quiet", "busy"]
    medians: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="lpb-lighthouse-") as folder:
        folder = Path(folder)
        app = synclib.make_app(f"sqlite:///{folder / 'bench.sqlite'}", folder / "instance")
        with synclib.threaded_server(app) as base_url:
            if "quiet" in wanted:
                medians["quiet"] = measure(base_url, folder, "quiet")
            if "busy" in wanted:
                with one_core_busy():
                    medians["busy"] = measure(base_url, folder, "one core busy")
            print(
                "largest contentful paint candidates (Playwright, unthrottled), the last one counts:"
            )
            for candidate in lcp_candidates(f"{base_url}/"):
                print(f"  {candidate}")
        with app.app_context():
            synclib.db.engine.dispose()
    ok = True
    for label, found in medians.items():
        print(
            f"{label}, median of {RUNS} ({LIGHTHOUSE}, mobile, simulated throttling): {line(found)}"
        )
    if "quiet" in medians:
        found = medians["quiet"]
        goal = found["performance"] == 100 and found["LCP"] <= 1000 and found["TBT"] <= 50
        goal = goal and found["accessibility"] == 100 and found["best-practices"] == 100
        print(f"goal as the machine is ({GOALS}): {goal}")
        ok &= goal
    if "busy" in medians:
        goal = medians["busy"]["performance"] == 100
        print(f"goal with one core busy ({BUSY_GOAL}): {goal}")
        ok &= goal
    return 0 if ok else 1


if __name__ == "__main__":
    synclib.run_timed(main)
