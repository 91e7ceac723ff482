"""Time the views with 10,000 entries on the device against 100 (issue 13: size-independent views).

The entries are stored as pulled sync pages by the app's own writer (synced, versions 1..n), a few a day going back from today: reflections on real questions of the bank with
circles and ratings, and some quick check-ins. The device is not signed in, so no sync runs.

Each figure is timed inside the page, from the tap to the first frame with the view's content:
- Journal: a click on the Journal tab (from Insights) until `#main .journal-list article` exists;
- search: typing a word into `#search` until the first article shown contains it;
- Today: a click on the Today tab until `#question` has text;
- Insights: a click on the Insights tab until `#wheel-title` exists;
- 90 days / year: a click on the period radio until the period part is drawn anew.
"The first frame" is the first animation frame after the content is in the DOM. One warm-up round
(modules load on first visit), then 9 rounds; medians per size and their ratio (goal ≤ 1.5, and the
Journal under 100 ms with 10,000 entries).
"""

import json
import tempfile
import time
import urllib.request
from pathlib import Path

import synclib
from playwright.sync_api import sync_playwright

SIZES = (100, 10_000)
ROUNDS = 9
PER_DAY = 3
SEARCH_WORD = "zeilboot"  # in one entry of every 97, never in the newest
GOAL_RATIO = 1.5
JOURNAL_GOAL_MS = 100

# Resolves with the milliseconds from the tap to the first frame after ready() holds in a new view.
TIMED_TAP = """async ({ action, target, word }) => {
  const main = document.getElementById('main');
  const oldView = main.querySelector('.view');
  const oldWheel = document.getElementById('wheel-title');
  const newView = () => {
    const view = main.querySelector('.view');
    return view !== oldView ? view : null;
  };
  const ready = {
    journal: () => newView()?.querySelector('.journal-list article'),
    today: () => newView()?.querySelector('#question')?.textContent.trim(),
    insights: () => newView()?.querySelector('#wheel-title'),
    period: () => {
      const wheel = document.getElementById('wheel-title');
      return wheel && wheel !== oldWheel;
    },
    search: () => {
      const first = main.querySelector('.journal-list article, .journal-list .empty');
      return first && (first.classList.contains('empty') ||
        first.textContent.toLowerCase().includes(word));
    },
    clear: () => {
      const first = main.querySelector('.journal-list article');
      return first && !first.textContent.toLowerCase().includes(word);
    },
  }[action];
  const done = new Promise((resolve) => {
    const check = () => {
      if (!ready()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const started = performance.now();
  if (action === 'search' || action === 'clear') {
    const box = document.getElementById('search');
    box.value = action === 'search' ? word : '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  } else {
    document.querySelector(target).click();
  }
  return (await done) - started;
}"""

# Stores the entries as pulled sync pages through the app's own writer (which also keeps the
# per-day totals the views read), a thousand at a time; resolves with the count.
SEED = """async (entries) => {
  const { storePullPage } = await import('/static/js/data/sync-store.js');
  for (let start = 0; start < entries.length; start += 1000) {
    const changes = entries.slice(start, start + 1000);
    await storePullPage({ changes, cursor: Math.max(...changes.map((entry) => entry.version)) });
  }
  return entries.length;
}"""

STEPS = [
    ("journal", "journal", 'nav a[href="/journal"]'),
    ("search", "search", None),
    ("clear", None, None),
    ("insights", "insights", 'nav a[href="/insights"]'),
    ("period", "90 days", 'input[name=period][value="90"]'),
    ("period", "year", 'input[name=period][value="365"]'),
    ("period", None, 'input[name=period][value="30"]'),
    ("today", "today", 'nav a[href="/"]'),
    ("insights", None, 'nav a[href="/insights"]'),
]
FIGURES = ["journal", "search", "today", "insights", "90 days", "year"]


def question_ids(base_url: str) -> list[tuple[str, str]]:
    """Return (id, Dutch text) of the bank's questions."""
    with urllib.request.urlopen(f"{base_url}/api/questions") as response:
        bank = json.load(response)
    return [(question["id"], question["nl"]) for question in bank]


def entries(count: int, questions: list[tuple[str, str]]) -> list[dict]:
    """Return count pulled entries, newest first: PER_DAY a day from yesterday back (today is not
    written yet, so Today asks its question)."""
    circles = ["self", "close", "organisations", "society", "place"]
    now = time.time()
    made = []
    for index in range(count):
        at = time.strftime(
            "%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(now - 86400 - index * 86400 / PER_DAY)
        )
        common = {
            "id": f"00000000-0000-4000-8000-{index:012d}",
            "version": count - index,
            "deleted": False,
            "created_at": at,
            "updated_at": at,
            "conflict_of": None,
            "day": at[:10],
            "sync": "synced",
        }
        if index % 7 == 3:
            made.append({**common, "kind": "checkin", "energy": 1 + index % 5, "meaning": 2})
            continue
        question_id, question_text = questions[index % len(questions)]
        word = f" Met de {SEARCH_WORD} op het meer." if index % 97 == 50 else ""
        made.append(
            {
                **common,
                "kind": "reflection",
                "text": f"Reflectie {index}: wat me vandaag energie gaf, op het werk en thuis.{word}",
                "circles": [circles[index % 5], circles[(index + 1 + index % 3) % 5]][
                    : 1 + index % 2
                ],
                "energy": 1 + index % 5,
                "meaning": 1 + (index * 2) % 5,
                "engagement": None,
                "question_id": question_id,
                "question_text": question_text,
                "shared_with": [],
            }
        )
    return made


def measure(playwright, profile: Path, base_url: str, seeded: list[dict]) -> dict[str, list]:
    """Seed a new device, then time each step over the rounds; return {figure: [ms, …]}."""
    context = synclib.launch_chromium(playwright, profile, base_url)
    times: dict[str, list[float]] = {name: [] for name in FIGURES}
    try:
        page = context.pages[0]
        page.set_default_timeout(120_000)
        page.goto("/")
        page.wait_for_selector("#question", state="attached")
        page.evaluate("localStorage.setItem('lpb.intro-seen', '1')")
        page.evaluate(SEED, seeded)
        page.reload()
        page.wait_for_selector("#question")
        page.wait_for_timeout(1500)
        for round_ in range(ROUNDS + 1):
            for action, name, target in STEPS:
                ms = page.evaluate(
                    TIMED_TAP, {"action": action, "target": target, "word": SEARCH_WORD}
                )
                if round_ and name:
                    times[name].append(ms)
                if action == "journal":
                    page.wait_for_timeout(1500)  # a search is typed a moment after opening
                else:
                    page.wait_for_timeout(200)
    finally:
        context.close()
    return times


def main() -> int:
    """Measure both sizes in one run; print each figure, the medians and their ratios."""
    results = {}
    with tempfile.TemporaryDirectory(prefix="lpb-views-") as folder:
        folder = Path(folder)
        app = synclib.make_app(f"sqlite:///{folder / 'bench.sqlite'}", folder / "instance")
        with synclib.threaded_server(app) as base_url, sync_playwright() as playwright:
            questions = question_ids(base_url)
            for size in SIZES:
                times = measure(
                    playwright, folder / f"profile-{size}", base_url, entries(size, questions)
                )
                results[size] = {name: synclib.median(values) for name, values in times.items()}
                print(
                    f"{size:>6,} entries: "
                    + ", ".join(f"{name} {ms:.0f} ms" for name, ms in results[size].items()),
                    flush=True,
                )
        with app.app_context():
            synclib.db.engine.dispose()
    small, large = results[SIZES[0]], results[SIZES[1]]
    failed = False
    for name in FIGURES:
        ratio = large[name] / small[name]
        failed |= ratio > GOAL_RATIO
        print(f"{name:>9}: {large[name]:7.1f} ms vs {small[name]:6.1f} ms, ratio {ratio:.2f}")
    journal_ok = large["journal"] < JOURNAL_GOAL_MS
    print(
        f"goal: every ratio ≤ {GOAL_RATIO} and Journal < {JOURNAL_GOAL_MS} ms with "
        f"{SIZES[1]:,} entries: {'met' if not failed and journal_ok else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    synclib.run_timed(main)
