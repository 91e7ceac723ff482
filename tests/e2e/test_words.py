"""The method in words people read: insights that ask, counts that read right, exports in local time."""

import csv
import io
from pathlib import Path

import pytest
from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect
from test_meaning import seed

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LARGE_TEXT = "html { font-size: 200% !important; }"
CREATE = """async ({ kind, fields, at }) => {
    const { createEntry } = await import('/static/js/data/entries.js');
    return (await createEntry(kind, fields, { createdAt: new Date(at) })).id;
}"""


def create(page: Page, kind: str, fields: dict, at: str) -> str:
    """Store an entry written at a moment (ISO, UTC) on the device; return its id."""
    return page.evaluate(CREATE, {"kind": kind, "fields": fields, "at": at})


def overflows(page: Page, selector: str) -> list[str]:
    """Return the texts of elements under selector that stick out of the 360 px viewport."""
    return page.locator(selector).evaluate_all(
        """(elements) => elements
            .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5
                || el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.textContent.slice(0, 60))"""
    )


def test_one_reflection_reads_in_the_singular_and_claims_nothing(page):
    """One reflection on one day: singular words everywhere, Done for today, no finding yet."""
    open_app(page)
    page.context.set_offline(True)
    write_reflection(page, "A first small note", circles=["Yourself"], energy=5)
    expect(page.get_by_role("heading", name="Done for today")).to_be_visible()
    expect(page.get_by_text("1 day written this week")).to_be_visible()
    page.get_by_role("button", name="Something else on your mind?").click()
    expect(page.get_by_text("You wrote once today.")).to_be_visible()
    # Without an account, offline is nothing to worry about: the reflection is kept here.
    expect(page.locator("#sync-state")).to_have_text(
        "Offline · your reflections are safe on this device"
    )
    go_to(page, "Insights")
    expect(page.get_by_text("You wrote 1 reflection on 1 day.")).to_be_visible()
    takeaway = page.get_by_role("region", name="What stands out")
    expect(takeaway).to_contain_text(
        "In this period you wrote 1 reflection. From three on you will read here what stands out"
    )
    expect(takeaway.locator(".finding")).to_have_count(0)
    expect(page.locator(".days-month")).to_have_text("This month you wrote on 1 day.")
    expect(page.locator("main")).not_to_contain_text("streak")
    expect(page.locator("main")).not_to_contain_text("1 reflections")


def test_offline_without_an_account_in_dutch(make_context):
    """The Dutch status for a device without an account says the reflections are safe here."""
    page = make_context(locale="nl-BE").new_page()
    open_app(page)
    page.context.set_offline(True)
    write_reflection_nl(page, "Een eerste notitie")
    expect(page.locator("#sync-state")).to_have_text(
        "Offline · je reflecties zijn veilig op dit toestel"
    )
    expect(page.get_by_role("heading", name="Klaar voor vandaag")).to_be_visible()
    expect(page.get_by_text("1 dag geschreven deze week")).to_be_visible()


def write_reflection_nl(page: Page, text: str) -> None:
    """Write and save a reflection on Today in Dutch."""
    page.locator("#reflection").fill(text)
    page.get_by_role("button", name="Bewaren").first.click()
    expect(page.get_by_role("status").filter(has_text="Bewaard")).to_be_visible()


def test_deleting_a_check_in_says_so_and_the_focus_goes_to_the_next_entry(make_context):
    """ "Check-in verwijderd", and a keyboard user goes on from the entry below it."""
    page = make_context(locale="nl-BE").new_page()
    open_app(page)
    page.context.set_offline(True)
    older = create(page, "reflection", {"text": "Eerder", "circles": []}, "2026-11-02T09:00:00Z")
    create(page, "checkin", {"energy": 2, "meaning": 4}, "2026-11-03T09:00:00Z")
    go_to(page, "Dagboek")
    checkin = page.get_by_role("article").filter(has_text="Snelle check-in")
    checkin.get_by_role("button", name="Verwijderen").click()
    expect(page.get_by_text("Check-in verwijderd.")).to_be_visible()
    expect(page.locator(f"article[data-id='{older}']")).to_be_focused()
    page.get_by_role("button", name="Ongedaan maken").click()
    expect(page.get_by_text("Check-in teruggezet.")).to_be_visible()


@pytest.mark.parametrize("locale", ["nl-BE", "en-GB"])
def test_insights_ask_at_360_px_and_200_percent_text(make_context, locale):
    """Each finding is an observation and a question; at 200% text nothing sticks out."""
    # The larger text goes in as a style tag, which the app's CSP rightly refuses: bypassed here.
    page = make_context(locale=locale, bypass_csp=True).new_page()
    open_app(page)
    page.context.set_offline(True)
    seed(page)
    page.goto("/insights")
    page.add_style_tag(content=LARGE_TEXT)
    takeaway = page.locator("section.takeaway")
    expect(takeaway.locator(".finding")).to_have_count(4)
    for finding in takeaway.locator(".finding").all():
        observation, question = finding.locator("p").all()
        assert observation.inner_text().endswith("."), observation.inner_text()
        assert question.inner_text().endswith("?"), question.inner_text()
    assert overflows(page, "section.takeaway, section.takeaway *") == []
    if locale == "nl-BE":
        # What a reader sees on a phone: the findings from their heading down, header included.
        takeaway.locator("h2").evaluate(
            """(h) => {
                const header = document.querySelector('header').getBoundingClientRect().bottom;
                scrollTo(0, h.getBoundingClientRect().top + scrollY - header - 8);
            }"""
        )
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "insights-200.png")


def test_the_export_reads_in_local_time_and_in_words(make_context, tmp_path):
    """Markdown and CSV from a device in Brussels: Dutch, local time, dates written out."""
    page = make_context(locale="nl-BE", timezone_id="Europe/Brussels").new_page()
    open_app(page)
    page.context.set_offline(True)
    create(
        page,
        "reflection",
        {
            "text": "Vroeg wakker, koffie met mijn buurvrouw.",
            "circles": ["close", "place"],
            "energy": 4,
            "meaning": 5,
            "question_text": "Wie zag je vandaag echt?",
        },
        "2026-11-30T06:40:00Z",
    )
    create(page, "checkin", {"energy": 2, "meaning": 3}, "2026-11-30T20:15:00Z")
    go_to(page, "Instellingen")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren (Markdown)").click()
    markdown = download.value.path().read_text(encoding="utf-8")
    assert markdown.startswith("# Levensloopbaan\n\nGeëxporteerd op ")
    assert "Tijden staan in je eigen tijdzone (Europe/Brussels)." in markdown
    assert "## maandag 30 november 2026\n\n### 07:40 · Wie zag je vandaag echt?" in markdown
    assert "*Naasten, Plek en planeet · energie 4 van 5 · zingeving 5 van 5*" in markdown
    assert "### 21:15 · Snelle check-in" in markdown
    assert "Export 20" not in markdown and "06:40" not in markdown
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren (CSV)").click()
    table = download.value.path().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(table, newline="")))
    assert [row["Soort"] for row in rows] == ["Reflectie", "Snelle check-in"]
    assert rows[0]["Datum"] == "maandag 30 november 2026" and rows[0]["Tijd"] == "07:40"
    assert (rows[0]["Energie"], rows[0]["Zingeving"], rows[1]["Zingeving"]) == ("4", "5", "3")
    assert rows[0]["Cirkels"] == "Naasten, Plek en planeet"

    # The Markdown as a person sees it in a plain viewer, at 360 px and 200% text.
    viewer = page.context.new_page()
    viewer.set_content(
        "<!doctype html><meta name=viewport content='width=device-width'>"
        "<style>html{font-size:200%} body{margin:8px;font-family:sans-serif}"
        " pre{white-space:pre-wrap;overflow-wrap:break-word;font:inherit;margin:0}</style>"
        "<pre></pre>"
    )
    viewer.locator("pre").evaluate("(pre, text) => { pre.textContent = text; }", markdown)
    assert overflows(viewer, "pre") == []
    SCREENSHOTS.mkdir(exist_ok=True)
    viewer.screenshot(path=SCREENSHOTS / "export-200.png", full_page=True)
