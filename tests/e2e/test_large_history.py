"""Years of entries on the device: what Today and Insights show stays right, and the per-day
totals they read stay in step with the entries through every kind of change."""

import random
import re
from datetime import date, timedelta

import pytest
from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect

CIRCLES = ["self", "close", "organisations", "society", "place"]
CIRCLE_NAMES = ["Yourself", "Close ones", "Organisations", "Society", "Place and planet"]
YEARS = 5
TODAY = date.today()

# Stores entries the way a pulled sync page does, in pages of a thousand; forgets the question
# kept for today (chosen on an empty device), so Today chooses again with the history there.
SEED = """async (entries) => {
    const { storePullPage } = await import('/static/js/data/sync-store.js');
    const { writeMeta } = await import('/static/js/data/device-meta.js');
    for (let start = 0; start < entries.length; start += 1000) {
        const changes = entries.slice(start, start + 1000);
        await storePullPage({ changes, cursor: changes.at(-1).version });
    }
    await writeMeta('day-question', null);
}"""

# Today's question as chosen from every reflection on the device, not only its window.
CHOICE_FROM_EVERYTHING = """async () => {
    const { listReflections } = await import('/static/js/data/entries.js');
    const { loadQuestionPool } = await import('/static/js/data/questions.js');
    const { loadSeed } = await import('/static/js/data/user-seed.js');
    const { localDay } = await import('/static/js/method/dates.js');
    const choice = await import('/static/js/method/question-choice.js');
    const question = choice.todaysQuestion({
        bank: await loadQuestionPool(), reflections: await listReflections(), day: localDay(),
        seed: await loadSeed(), moment: choice.momentOf(new Date().getHours()),
    });
    return question.en;
}"""

# The invariant: the stored day totals equal those counted afresh from every entry.
TOTALS_IN_STEP = """async () => {
    const { allEntries } = await import('/static/js/data/entries.js');
    const { readDayTotals } = await import('/static/js/data/history.js');
    const { dayTotals } = await import('/static/js/method/day-totals.js');
    const [stored, counted] = [await readDayTotals(), dayTotals(await allEntries())];
    return { stored: JSON.stringify(stored), counted: JSON.stringify(counted), days: counted.length };
}"""


def entry(number: int, day: date, kind: str, rng: random.Random, **fields) -> dict:
    """Return one stored-on-the-server entry of a day."""
    created = f"{day.isoformat()}T{8 + number % 10:02d}:{number % 60:02d}:00.000Z"
    base = {
        "id": f"00000000-0000-4000-8000-{number:012d}",
        "kind": kind,
        "day": day.isoformat(),
        "created_at": created,
        "updated_at": created,
        "version": number,
        "deleted": False,
        "energy": rng.randint(1, 5),
        "meaning": rng.choice([None, 1, 2, 3, 4, 5]),
    }
    return {**base, **fields}


def history(bank: list[dict], count: int) -> list[dict]:
    """Return years of reflections and check-ins, a few a day, none today, some deleted.

    In the last 60 days only the even questions of the bank are answered.
    """
    rng = random.Random(13)
    entries = []
    for number in range(1, count + 1):
        day = TODAY - timedelta(days=1 + int((number - 1) * YEARS * 365 / count))
        if number % 7 == 0:
            entries.append(entry(number, day, "checkin", rng))
            continue
        recent = (TODAY - day).days <= 60
        question = bank[::2][number % len(bank[::2])] if recent else rng.choice(bank)
        entries.append(
            entry(
                number,
                day,
                "reflection",
                rng,
                text=f"Reflection {number}",
                circles=sorted(rng.sample(CIRCLES, rng.randint(0, 2)), key=CIRCLES.index),
                engagement=None,
                question_id=question["id"],
                question_text=question["en"],
            )
        )
    for gone in entries[::50]:
        for field in ["text", "circles", "energy", "meaning", "question_id", "question_text"]:
            gone.pop(field, None)
        gone["deleted"] = True
    return entries


def live(entries: list[dict]) -> list[dict]:
    """Return the entries that are not deleted."""
    return [e for e in entries if not e["deleted"]]


def table_rows(region) -> list[str]:
    """Return a table's body rows as 'cell | cell' strings."""
    return region.locator("tbody tr").evaluate_all(
        "(trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim()).join(' | '))"
    )


def days_this_month(entries: list[dict]) -> int:
    """Return on how many days of this month something was written."""
    month = TODAY.isoformat()[:7]
    return len({e["day"] for e in live(entries) if e["day"].startswith(month)})


def wheel_rows(entries: list[dict], days: int) -> list[str]:
    """Return the wheel's table as Insights should show it for the last days."""
    since = (TODAY - timedelta(days=days - 1)).isoformat()
    chosen = [e for e in live(entries) if e["kind"] == "reflection" and e["day"] >= since]
    return [
        f"{name} | {sum(circle in e['circles'] for e in chosen)}"
        for circle, name in zip(CIRCLES, CIRCLE_NAMES, strict=True)
    ]


@pytest.fixture
def seeded(make_context):
    """Return a page on a device holding five years of entries, and those entries."""
    page = make_context(timezone_id="UTC").new_page()
    open_app(page)
    bank = page.evaluate("async () => (await fetch('/api/questions')).json()")
    entries = history(bank, 6000)
    page.evaluate(SEED, entries)
    return page, entries, bank


def test_insights_count_every_year_but_read_only_the_period(seeded):
    """The totals, the wheel of 30 days, 90 days and the year, and the year view are right."""
    page, entries, _ = seeded
    written = live(entries)
    reflections = [e for e in written if e["kind"] == "reflection"]
    go_to(page, "Insights")
    days = len({e["day"] for e in written})
    expect(
        page.get_by_text(f"You wrote {len(reflections)} reflections on {days} days.")
    ).to_be_visible()
    month = days_this_month(entries)
    days_written = page.get_by_role("region", name="Days you wrote")
    expect(days_written.locator(".days-month")).to_have_text(
        f"This month you wrote on {month} {'day' if month == 1 else 'days'}."
    )
    expect(days_written).not_to_contain_text("streak")
    wheel = page.get_by_role("region", name="Balance across the five circles")
    assert table_rows(wheel) == wheel_rows(entries, 30)
    for period in [90, 365, 7]:
        page.locator(f"input[name=period][value='{period}']").check()
        expected = [row.replace(" | ", " ") for row in wheel_rows(entries, period)]
        expect(wheel.locator("tbody tr")).to_have_text(expected, use_inner_text=True)

    previous = (TODAY.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    in_month = [e for e in written if e["day"].startswith(previous)]
    year_rows = table_rows(page.get_by_role("region", name="Your year"))
    last_month = year_rows[-2].split(" | ")
    assert last_month[1:3] == [
        str(len({e["day"] for e in in_month})),
        str(sum(e["kind"] == "reflection" for e in in_month)),
    ]


def test_todays_question_and_the_finished_day_with_years_behind(seeded):
    """Today's question was not answered in 60 days; writing shows the week's days written."""
    page, entries, bank = seeded
    page.reload()
    question = page.locator("#question")
    expect(question).not_to_be_empty()
    answered = {
        e["question_text"]
        for e in live(entries)
        if e["kind"] == "reflection" and (TODAY - date.fromisoformat(e["day"])).days <= 60
    }
    assert answered <= {q["en"] for q in bank[::2]}
    assert question.inner_text() not in answered
    assert question.inner_text() == page.evaluate(CHOICE_FROM_EVERYTHING)

    write_reflection(page, "Today, with years behind me")
    monday = TODAY - timedelta(days=TODAY.weekday())
    week_days = {e["day"] for e in live(entries) if e["day"] >= monday.isoformat()}
    n = len(week_days) + 1
    expect(page.locator(".done-count")).to_have_text(
        "1 day written this week" if n == 1 else f"{n} days written this week"
    )


def test_day_totals_stay_in_step_through_edit_delete_undo_import_and_a_pulled_page(seeded):
    """Every way an entry changes keeps the stored totals equal to a fresh count."""
    page, entries, _ = seeded
    check = lambda: page.evaluate(TOTALS_IN_STEP)  # noqa: E731

    def assert_in_step():
        found = check()
        assert found["stored"] == found["counted"]
        return found["days"]

    before = assert_in_step()
    go_to(page, "Insights")  # its summary of all days is made now, and must follow what comes
    expect(
        page.get_by_text(re.compile(rf"You wrote \d+ reflections on {before} days\."))
    ).to_be_visible()
    go_to(page, "Today")
    old = next(e for e in reversed(entries) if e["kind"] == "reflection" and not e["deleted"])
    page.evaluate(
        """async ({ id }) => {
            const data = await import('/static/js/data/entries.js');
            await data.updateReflection(id, { text: 'Edited', circles: ['self'], energy: 1 });
            const removed = await data.deleteReflection(id);
            await data.restoreReflection(removed);
            const fresh = await data.saveReflection({ text: 'New today', energy: 5 });
            await data.deleteReflection(fresh.id);
        }""",
        old,
    )
    assert assert_in_step() == before
    page.evaluate(
        """async () => {
            const { importEntries } = await import('/static/js/data/entries.js');
            await importEntries([{ id: crypto.randomUUID(), kind: 'checkin', day: '2001-02-03',
                created_at: '2001-02-03T10:00:00.000Z', energy: 2, meaning: 4 }]);
        }"""
    )
    assert assert_in_step() == before + 1
    # A pulled page deletes every entry of one day, changes one of another and adds an old one.
    gone_day = entries[10]["day"]
    gone = [e for e in live(entries) if e["day"] == gone_day]
    edited = next(e for e in live(entries) if e["day"] < gone_day)
    page.evaluate(
        SEED,
        [
            *(
                {**e, "deleted": True, "text": None, "version": 7000 + i}
                for i, e in enumerate(gone)
            ),
            {**edited, "energy": 1, "version": 7100},
            entry(7101, TODAY - timedelta(days=3000), "checkin", random.Random(1)),
        ],
    )
    after = assert_in_step()
    assert after == before + 1
    reflections = page.evaluate(
        "async () => (await import('/static/js/data/entries.js')).listReflections().then((r) => r.length)"
    )
    go_to(page, "Insights")
    expect(
        page.get_by_text(f"You wrote {reflections} reflections on {after} days.")
    ).to_be_visible()


def test_an_older_database_keeps_every_entry_and_gets_its_day_totals(page: Page):
    """A device on database version 2, with entries, upgrades without losing any."""
    page.goto("/manifest.json")
    page.evaluate(
        """() => new Promise((resolve, reject) => {
            const open = indexedDB.open('levensloopbaan', 2);
            open.onupgradeneeded = () => {
                const db = open.result;
                db.createObjectStore('entries', { keyPath: 'id' }).createIndex('by_created', 'created_at');
                db.createObjectStore('drafts', { keyPath: 'key' });
                db.createObjectStore('meta', { keyPath: 'key' });
                db.createObjectStore('outbox', { keyPath: 'mid' }).createIndex('by_entry', 'id');
                const entries = open.transaction.objectStore('entries');
                for (let i = 0; i < 30; i += 1) {
                    const day = `2026-0${1 + (i % 3)}-1${i % 10}`;
                    entries.put({ id: `e${i}`, kind: i % 5 ? 'reflection' : 'checkin', day,
                        created_at: `${day}T09:00:0${i % 10}.000Z`, deleted: i === 29,
                        text: `old ${i}`, circles: ['self'], energy: 3, version: i + 1 });
                }
            };
            open.onsuccess = () => { open.result.close(); resolve(); };
            open.onerror = () => reject(open.error);
        })"""
    )
    open_app(page)
    found = page.evaluate(TOTALS_IN_STEP)
    assert found["stored"] == found["counted"]
    kept = page.evaluate(
        "async () => (await import('/static/js/data/entries.js')).allEntries().then((a) => a.length)"
    )
    assert kept == 30
    go_to(page, "Insights")
    expect(page.get_by_text("You wrote 23 reflections on 29 days.")).to_be_visible()
