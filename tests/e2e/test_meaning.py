"""Meaning you can see, offline: ratings, quick check-ins, a wished balance, insights, filters."""

import math
import re
from datetime import date, timedelta
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import go_to, open_app
from playwright.sync_api import Page, expect
from test_method import assert_large_targets, rows

# A month of rated reflections: close ones give, organisations cost, place is never written about.
MONTH: list[dict[str, Any]] = [
    {"ago": 1, "circles": ["close"], "e": 5, "m": 5, "g": 4, "text": "Lang gewandeld met mijn zus"},
    {
        "ago": 2,
        "circles": ["organisations"],
        "e": 2,
        "m": 2,
        "g": 3,
        "text": "Vergadering zonder einde",
    },
    {
        "ago": 3,
        "circles": ["organisations", "self"],
        "e": 1,
        "m": 3,
        "g": 2,
        "text": "Deadline gehaald",
    },
    {
        "ago": 5,
        "circles": ["close", "self"],
        "e": 4,
        "m": 4,
        "g": 5,
        "text": "Koken met de kinderen",
    },
    {"ago": 8, "circles": ["society"], "e": 3, "m": 5, "g": 4, "text": "Bij de voedselbank"},
    {"ago": 12, "circles": ["self"], "e": 4, "m": 3, "g": 3, "text": "Eindelijk nog eens gelopen"},
    {"ago": 20, "circles": ["close"], "e": 4, "m": 4, "g": None, "text": "Verjaardag van oma"},
    {
        "ago": 27,
        "circles": ["organisations"],
        "e": 2,
        "m": 3,
        "g": None,
        "text": "Collega ingewerkt",
    },
]
CHECKINS: list[dict[str, Any]] = [{"ago": 4, "e": 2, "m": 4}, {"ago": 6, "e": 3, "m": 3}]
WISHED = {"self": 30, "close": 25, "organisations": 15, "society": 10, "place": 20}
MIX = {
    "hours_per_week": 45,
    "actual": {"paid": 60, "care": 15, "volunteering": 5, "learning": 5, "rest": 15},
    "wished": {"paid": 40, "care": 20, "volunteering": 10, "learning": 10, "rest": 20},
}
MONTH_AGO_TEXT = "Een maand geleden begon ik aan iets nieuws"

SEED = """async ({ month, checkins, wished, mix, monthAgoText }) => {
    const { createEntry } = await import('/static/js/data/entries.js');
    const { saveBalance } = await import('/static/js/data/meaning-entries.js');
    const { isoWeek } = await import('/static/js/method/day-math.js');
    const { localDay } = await import('/static/js/method/dates.js');
    const { monthsBefore } = await import('/static/js/method/life-course.js');
    const noon = (ago) => { const d = new Date(); d.setDate(d.getDate() - ago); d.setHours(12, 0, 0, 0); return d; };
    for (const r of month) {
        await createEntry('reflection', {
            text: r.text, circles: r.circles, energy: r.e, meaning: r.m, engagement: r.g,
            question_id: null, question_text: '',
        }, { createdAt: noon(r.ago) });
    }
    for (const c of checkins)
        await createEntry('checkin', { energy: c.e, meaning: c.m }, { createdAt: noon(c.ago) });
    const monthAgo = new Date(`${monthsBefore(localDay(), 1)}T12:00`);
    await createEntry('reflection', { text: monthAgoText, circles: [], energy: null,
        question_id: null, question_text: '' }, { createdAt: monthAgo });
    await saveBalance(wished);
    await createEntry('mix', { week: isoWeek(localDay()), ...mix });
}"""


def seed(page: Page) -> None:
    """Store the month, the two earlier check-ins, the month-ago reflection, the wish and the mix."""
    page.evaluate(
        SEED,
        {
            "month": MONTH,
            "checkins": CHECKINS,
            "wished": WISHED,
            "mix": MIX,
            "monthAgoText": MONTH_AGO_TEXT,
        },
    )


def dutch(value: float) -> str:
    """Return a number as the app shows it to a Dutch reader: one decimal at most, a comma."""
    rounded = math.floor(value * 10 + 0.5) / 10
    return f"{rounded:g}".replace(".", ",")


def this_month_row(today_ratings: list[tuple[int, int, bool]]) -> str:
    """Return the year table's row for this month, from the seeded entries and today's."""
    today = date.today()
    month_ago = today.replace(day=1) - timedelta(days=1)
    month_ago = month_ago.replace(day=min(today.day, month_ago.day))
    dated = [(today - timedelta(days=r["ago"]), r["e"], r["m"], True) for r in MONTH]
    dated += [(today - timedelta(days=c["ago"]), c["e"], c["m"], False) for c in CHECKINS]
    dated += [(month_ago, None, None, True)]
    dated += [(today, e, m, reflection) for e, m, reflection in today_ratings]
    here = [d for d in dated if (d[0].year, d[0].month) == (today.year, today.month)]
    energies = [d[1] for d in here if d[1]]
    meanings = [d[2] for d in here if d[2]]
    days = len({d[0] for d in here})
    reflections = sum(1 for d in here if d[3])
    energy = dutch(sum(energies) / len(energies)) if energies else "–"
    meaning = dutch(sum(meanings) / len(meanings)) if meanings else "–"
    return f"{days} | {reflections} | {energy} | {meaning}"


def test_a_rated_month_offline_shows_meaning_in_dutch(make_context):
    """Ratings, check-ins and a wish give the quadrant, the takeaway, the year and the balance."""
    page = make_context(locale="nl-BE").new_page()
    open_app(page)
    page.context.set_offline(True)
    seed(page)
    page.reload()

    on_this_day = page.get_by_role("region", name="Op deze dag")
    expect(on_this_day).to_contain_text(MONTH_AGO_TEXT)
    checkin = page.get_by_role("region", name="Drukke dag? Check snel in")
    checkin.get_by_role("button", name="Snel inchecken").click()  # compact until asked
    checkin.get_by_role("button", name="Energie 4").click()
    checkin.get_by_role("button", name="Zingeving 5").click()
    expect(checkin.get_by_role("status")).to_contain_text("Je check-in is bewaard.")
    page.reload()
    expect(page.get_by_role("region", name="Drukke dag? Check snel in")).to_contain_text(
        "Je checkte vandaag in: Energie 4 van 5Zingeving 5 van 5"
    )

    go_to(page, "Inzichten")
    page.get_by_role("radio", name="30 dagen").check()
    takeaway = page.get_by_role("region", name="Wat opvalt")
    # Each finding rests on three reflections at least (society, rated once, says nothing yet),
    # and is followed by the question written for its kind.
    findings = takeaway.locator(".finding")
    expect(findings).to_have_count(4)
    expect(findings.nth(0)).to_contain_text(
        "Reflecties over je naasten gaven je de meeste energie (gemiddeld 4,3 van 5, in 3 reflecties)."
        "Wat gebeurt er daar precies dat je energie geeft"
    )
    expect(findings.nth(1)).to_contain_text(
        "Reflecties over organisaties kostten je de meeste energie (gemiddeld 1,7 van 5, in 3 "
        "reflecties).Wat maakt het zwaar"
    )
    expect(findings.nth(2)).to_contain_text(
        "Reflecties over je naasten voelden het meest zinvol (zingeving gemiddeld 4,3 van 5, in 3 "
        "reflecties)."
    )
    expect(findings.nth(3)).to_contain_text(
        "In deze periode schreef je niets over plek en planeet.Hoort dat nu even niet bij je leven"
    )
    expect(takeaway).not_to_contain_text("Samenleving")

    quadrant = page.get_by_role("region", name="Energie en zingeving per cirkel")
    # 3 is the middle: neither giving nor costing.
    assert rows(quadrant) == [
        "Zelf | 3 | 3,3 | in het midden",
        "Naasten | 4,3 | 4,3 | geeft",
        "Organisaties | 1,7 | 2,7 | kost",
        "Samenleving | 3 | 5 | in het midden",
    ]
    expect(quadrant.locator("svg circle")).to_have_count(4)

    balance = page.get_by_role("region", name="Balans: geschreven en gewenst")
    assert rows(balance) == [
        "Zelf | 30% | 30%",
        "Naasten | 30% | 25%",
        "Organisaties | 30% | 15%",
        "Samenleving | 10% | 10%",
        "Plek en planeet | 0% | 20%",
    ]
    relations = page.get_by_role("region", name="Cirkels samen")
    expect(relations).to_contain_text("Eén reflectie ging over jezelf en over je naasten.")

    days = page.get_by_role("region", name="Dagen dat je schreef")
    expect(days.locator(".days-month")).to_have_text(
        re.compile(r"^Deze maand schreef je op \d+ dag(en)?\.$")
    )
    expect(days).not_to_contain_text("reeks")

    year = page.get_by_role("region", name="Je jaar")
    year_rows = rows(year)
    assert len(year_rows) == 12
    assert year_rows[-1].split(" | ", 1)[1] == this_month_row([(4, 5, False)]), year_rows[-1]
    expect(year.locator("svg text").first).to_be_attached()

    mix = page.get_by_role("region", name="Eigen mix")
    expect(mix).to_contain_text("Je week van 45 uur")
    expect(mix).to_contain_text("Dan komen er 5,4 uur vrij")
    assert "Betaald werk | 27 u | 18 u | 21,6 u" in rows(mix)


def test_the_journal_filters_combine_with_search(make_context):
    """Filters by circle and by minimum meaning narrow the journal, and search narrows them further."""
    page = make_context(locale="nl-BE").new_page()
    open_app(page)
    page.context.set_offline(True)
    seed(page)
    go_to(page, "Dagboek")
    expect(page.get_by_role("article")).to_have_count(len(MONTH) + len(CHECKINS) + 1)
    page.get_by_text("Filters", exact=True).click()
    filters = page.locator(".journal-filters")
    filters.get_by_role("button", name="Naasten").click()
    filters.get_by_label("Zingeving").select_option("4")
    expect(page.get_by_role("article")).to_have_count(3)
    page.get_by_role("searchbox").fill("oma")
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article")).to_contain_text("Verjaardag van oma")
    expect(page.get_by_role("article")).to_contain_text("Zingeving 4 van 5")

    # A background sync redraws the journal: the filters and the search stay.
    page.evaluate("async () => (await import('/static/js/router.js')).refreshView()")
    expect(page.get_by_role("article")).to_have_count(1)
    go_to(page, "Vandaag")
    go_to(page, "Dagboek")
    expect(page.get_by_role("searchbox")).to_have_value("oma")
    expect(page.get_by_role("article")).to_have_count(1)

    page.get_by_role("searchbox").fill("")
    filters = page.locator(".journal-filters")
    filters.get_by_role("button", name="Filters wissen").click()
    filters.get_by_label("Zingeving").select_option(label="Hoogstens 2")
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article")).to_contain_text("Vergadering zonder einde")
    filters.get_by_label("Zingeving").select_option(label="Alle")
    filters.get_by_label("Check-in").check()
    expect(page.get_by_role("article")).to_have_count(len(CHECKINS))
    page.get_by_text("Spring naar een dag").click()
    expect(page.locator(".month-calendar td button").first).to_be_visible()


@pytest.mark.parametrize("locale", ["en-GB", "nl-BE"])
def test_axe_finds_no_violations_on_insights_and_the_journal(make_context, locale):
    """With the rated month, a wish and filters open, axe finds nothing, in both languages."""
    page = make_context(locale=locale).new_page()
    open_app(page)
    page.context.set_offline(True)
    seed(page)
    page.goto("/insights")
    page.locator("#main .view").wait_for()
    page.locator(".balance .mix-holder button").click()
    for details in page.locator("main details").all():
        details.locator("summary").click()
    axe = Axe()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_large_targets(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto("/journal")
    page.locator("#main .view").wait_for()
    for details in page.locator("main details").all():
        details.locator("summary").click()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_large_targets(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_empty_insights_invite_and_the_wished_balance_is_set_with_the_keyboard(page):
    """With nothing written, Insights invites; the wished balance is set, stored and shown."""
    open_app(page)
    page.context.set_offline(True)
    go_to(page, "Insights")
    expect(page.get_by_role("region", name="What stands out")).to_contain_text(
        "No reflections in this period yet. Write a few"
    )
    expect(page.get_by_role("region", name="Your year")).to_contain_text("Write on a few days")
    balance = page.get_by_role("region", name="Balance: written and wished")
    expect(balance).to_contain_text("Set your wished balance, and you will see here")
    balance.get_by_role("button", name="Set your wished balance").click()
    form = balance.get_by_role("form", name="Wished balance")
    form.get_by_role("slider", name="Place and planet").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(form.get_by_role("slider", name="Yourself")).to_have_value("20")
    expect(form.get_by_role("slider", name="Society")).to_have_value("15")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your wished balance is saved.")).to_be_visible()
    balance = page.get_by_role("region", name="Balance: written and wished")
    assert rows(balance)[-1] == "Place and planet | 0% | 30%"
    stored = page.evaluate(
        """async () => (await import('/static/js/data/meaning-entries.js'))
            .listBalances().then((all) => all.map((entry) => entry.weights))"""
    )
    assert stored == [{"self": 20, "close": 20, "organisations": 15, "society": 15, "place": 30}]
