"""Importing another journal app's history through Settings: preview, mapping, the journal."""

import re
import shutil
import zipfile

import pytest
import sqlalchemy as sa
from helpers import go_to, open_app
from playwright.sync_api import expect
from test_sync import register, sync_state
from test_your_data import entries_on_device

from lpb.extensions import db
from lpb.models import Entry
from tests.import_fixtures import FIXTURES, dayone_entries, dayone_zip, zip_folder

PICK = "Import from Day One, Daylio, jrnl or Markdown"


def choose(page, *files):
    """Open Settings (unless open: drawing it again would race the choice) and choose files."""
    if not page.url.endswith("/settings"):
        go_to(page, "Settings")
    page.get_by_label(PICK).set_input_files(list(files))


def day_in_journal(page, day):
    """Return the journal's section of a day (its heading has the id day-YYYY-MM-DD)."""
    return page.locator("section", has=page.locator(f"h2#day-{day}"))


def entry_in_journal(page, day, text):
    """Return the journal entry of a day that holds text."""
    return day_in_journal(page, day).locator("article", has_text=text)


def import_and_wait(page, added, skipped=0):
    """Press Import and wait for what it says when done."""
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#journal-import-status")).to_have_text(
        f"{added} added, {skipped} were already here. You find them in your journal."
    )


def test_day_one_zip_with_two_journals(make_context, tmp_path, live_server):
    """Each entry lands on its local day where it was written, with the circles chosen, synced;
    photos, audio and an empty entry are counted and left out; a second import adds nothing."""
    # A device in Tokyo: New York's evening of 4 March is 5 March here, and must stay the 4th.
    context = make_context(timezone_id="Asia/Tokyo")
    page = context.new_page()
    open_app(page)
    register(page, "day.one@example.org")
    export = zip_folder(FIXTURES / "dayone", tmp_path / "dayone-export.zip")
    choose(page, export)
    expect(page.get_by_role("heading", name="Day One: 5 entries")).to_be_visible()
    expect(page.get_by_text("From February 28, 2024 to March 6, 2024.")).to_be_visible()
    for left_out in (
        "2 photos: only text comes along",
        "1 audio recording: only text comes along",
        "1 empty entry: nothing in it to keep",
    ):
        expect(page.get_by_text(left_out)).to_be_visible()
    # Suggested from the names; "reading" is changed by hand, "Journal" stays without a circle.
    expect(page.get_by_label("Work (2×)")).to_have_value("organisations")
    expect(page.get_by_label("Journal (3×)")).to_have_value("")
    page.get_by_label("reading (1×)").select_option(label="Close ones")
    import_and_wait(page, 4)
    go_to(page, "Journal")
    late_dinner = entry_in_journal(page, "2024-03-06", "Late dinner with my sister!")
    expect(late_dinner).to_contain_text("We talked until midnight.")
    expect(late_dinner.locator(".tag")).to_have_text(["Close ones"])
    expect(late_dinner).not_to_contain_text("dayone-moment")
    book = entry_in_journal(page, "2024-03-04", "Finished the book on the plane.")
    expect(book.locator(".tag")).to_have_text(["Close ones"])
    review = entry_in_journal(page, "2024-02-29", "Quarterly review. All good!")
    expect(review.locator(".tag")).to_have_text(["Organisations"])
    expect(sync_state(page)).to_have_text("All synced", timeout=15_000)
    with live_server.app.app_context():
        texts = {entry.body["text"] for entry in db.session.scalars(sa.select(Entry))}
    assert "Voice memo about the new plan." in texts and len(texts) == 4
    before = entries_on_device(page)
    choose(page, export)
    import_and_wait(page, 0, 4)
    assert entries_on_device(page) == before


@pytest.mark.parametrize(
    ("fixture", "days"),
    [
        (
            "daylio-current.csv",
            {
                "2024-03-05": ("Presentation went well.", ["Close ones", "Organisations"], 4),
                "2024-03-04": ('Planted tulips, with "Sam"', ["Close ones", "Place and planet"], 5),
                "2024-03-03": ("Read on the balcony.", ["Yourself"], 2),
            },
        ),
        (
            "daylio-older.csv",
            {
                "2019-02-02": ("Film with Noor, laughed a lot", ["Close ones"], 4),
                "2019-02-01": ("Deadline stress\nand a late train", ["Organisations"], 1),
            },
        ),
    ],
)
def test_daylio_with_mood_as_energy(make_context, fixture, days):
    """Both column sets; activities map to circles, moods to the energy the user chose."""
    page = make_context(timezone_id="Europe/Amsterdam").new_page()
    open_app(page)
    choose(page, FIXTURES / fixture)
    expect(
        page.get_by_role(
            "heading", name=f"Daylio: {len(days) + (fixture == 'daylio-current.csv')} entries"
        )
    ).to_be_visible()
    expect(page.get_by_label("good (1×)")).to_be_disabled()
    page.get_by_label("Use my mood as energy (1–5)").check()
    if fixture == "daylio-current.csv":
        # A custom mood has no level until the user gives it one.
        expect(page.get_by_label("tired but ok (1×)")).to_have_value("")
        page.get_by_label("tired but ok (1×)").select_option("2")
    import_and_wait(page, len(days) + (fixture == "daylio-current.csv"))
    go_to(page, "Journal")
    for day, (text, circles, energy) in days.items():
        entry = entry_in_journal(page, day, text)
        expect(entry.locator(".tag")).to_have_text(circles)
        expect(entry).to_contain_text(f"Energy {energy} of 5")
    if fixture == "daylio-current.csv":
        # The mood without a note came along as a check-in, on its own day.
        checkin = day_in_journal(page, "2024-03-05").locator("article.checkin")
        expect(checkin).to_contain_text("Energy 3 of 5")


def test_jrnl_with_multi_line_bodies_and_tags(make_context):
    """Bodies over several lines stay whole; @tags map to circles; twelve-hour times parse."""
    page = make_context(timezone_id="Europe/Amsterdam").new_page()
    open_app(page)
    choose(page, FIXTURES / "work.jrnl.txt")
    expect(page.get_by_role("heading", name="jrnl: 3 entries")).to_be_visible()
    page.get_by_label("nature (1×)").select_option(label="no circle")
    import_and_wait(page, 3)
    go_to(page, "Journal")
    walk = entry_in_journal(page, "2023-11-21", "Evening walk by the river")
    expect(walk.locator(".text")).to_have_text(
        "Evening walk by the river @nature @family\nLong walk with Lies.\n\nIt was cold but clear."
    )
    expect(walk.locator(".tag")).to_have_text(["Close ones"])
    start = entry_in_journal(page, "2023-11-20", "Started the new project")
    expect(start).to_contain_text("Kick-off with the team.\nWe agreed on a first milestone.")
    expect(start).to_contain_text("08:30")
    expect(entry_in_journal(page, "2023-11-22", "Short one")).to_contain_text("07:05")


def test_markdown_zip_and_loose_notes(make_context, tmp_path):
    """A ZIP of notes dated by file name, by folders and by front matter; then loose .md files."""
    page = make_context(timezone_id="Europe/Amsterdam").new_page()
    open_app(page)
    vault = zip_folder(FIXTURES / "markdown-vault", tmp_path / "vault.zip")
    choose(page, vault)
    expect(page.get_by_role("heading", name="Markdown: 3 entries")).to_be_visible()
    expect(page.get_by_text("1 other file or attachment: only text comes along")).to_be_visible()
    import_and_wait(page, 3)
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(FIXTURES / "markdown-vault/daily/2024-01-15.md", loose / "2024-01-15.md")
    (loose / "evening.md").write_text("---\ndate: '2024-01-18'\n---\nA walk in the forest.\n")
    choose(page, loose / "2024-01-15.md", loose / "evening.md")
    expect(page.get_by_role("heading", name="Markdown: 2 entries")).to_be_visible()
    import_and_wait(page, 1, 1)
    go_to(page, "Journal")
    expect(
        entry_in_journal(page, "2024-01-15", "Worked on the garden plan").locator(".tag")
    ).to_have_text(["Close ones"])
    expect(
        entry_in_journal(page, "2024-01-16", "Quiet day. Read a lot.").locator(".tag")
    ).to_have_count(0)
    retro = entry_in_journal(page, "2024-01-17", "The retro was honest and kind.")
    expect(retro.locator(".tag")).to_have_text(["Organisations", "Society"])
    expect(retro.locator(".question")).to_have_text("04:30 PM · From Markdown")
    expect(entry_in_journal(page, "2024-01-18", "A walk in the forest.")).to_be_visible()


def damaged_zip(tmp_path):
    """Return a Day One export whose journal's compressed data is spoilt halfway."""
    export = zip_folder(FIXTURES / "dayone", tmp_path / "dayone.zip")
    data = bytearray(export.read_bytes())
    with zipfile.ZipFile(export) as archive:
        journal = archive.getinfo("Journal.json")
    start = journal.header_offset + 30 + len("Journal.json")
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    export.write_bytes(bytes(data))
    return export


BAD_FILES = {
    "notes.txt": (
        lambda path: path.write_text("Just thoughts, no dates.\n"),
        "notes.txt: we do not recognise this file. We read Day One (.zip or .json), Daylio (.csv),"
        " jrnl (.txt) and Markdown (.md or a .zip). Nothing was imported.",
    ),
    "cut.zip": (
        lambda path: path.write_bytes(
            zip_folder(FIXTURES / "dayone", path.with_suffix(".full")).read_bytes()[:-30]
        ),
        "cut.zip: this ZIP file is damaged (no central directory). Nothing was imported.",
    ),
    "daylio.csv": (
        lambda path: path.write_text("full_date,date,weekday,time,activities,note\n"),
        "Daylio: line 1 lacks the columns mood. Nothing was imported.",
    ),
    "daylio_export.csv": (
        lambda path: path.write_text(
            "full_date,date,weekday,time,mood,activities,note_title,note\n"
            '2024-03-05,,,10:00 pm,good,,,"fine"\n2024-03-04,,,31:00 pm,good,,,"not"\n'
        ),
        "Daylio: we cannot read the date on line 3 (“2024-03-04 31:00 pm”). Nothing was imported.",
    ),
    "journal.txt": (
        lambda path: path.write_text("[2023-11-20 08:30] fine\n\n[2023-02-30 09:00] never\n"),
        "jrnl: we cannot read the date on line 3 (“[2023-02-30 09:00] never”). Nothing was"
        " imported.",
    ),
    "Journal.json": (
        lambda path: path.write_text(
            '{"metadata": {}, "entries": [{"uuid": "A", "creationDate": "2024-03-05T10:00:00Z",'
            ' "text": "a"}, {"uuid": "B", "creationDate": "5 maart", "text": "b"}]}'
        ),
        "Day One: we cannot read the date on entry 2 in Journal.json (“5 maart”). Nothing was"
        " imported.",
    ),
    "ideas.md": (
        lambda path: path.write_text("No date anywhere.\n"),
        "Markdown: ideas.md has no date in its name (2024-03-05.md) or in its front matter"
        " (date:). Nothing was imported.",
    ),
    "huge.csv": (
        # A sparse file: 70 MB on paper, nothing on disk; refused before a byte is read.
        lambda path: path.open("wb").truncate(70 * 1024 * 1024),
        "huge.csv holds 70 MB of text; one import reads at most 64 MB. Nothing was read. Split"
        " the export, for example per journal or per year.",
    ),
}


def test_bad_files_are_refused_with_where_and_nothing_is_written(page, tmp_path):
    """Each kind of bad input names its format and line or entry, and writes nothing."""
    open_app(page)
    go_to(page, "Settings")
    status = page.locator("#journal-import-status")
    for name, (write, message) in BAD_FILES.items():
        path = tmp_path / name
        write(path)
        page.get_by_label(PICK).set_input_files(path)
        expect(status).to_have_text(message)
        expect(page.get_by_role("button", name="Import", exact=True)).to_have_count(0)
    page.get_by_label(PICK).set_input_files(damaged_zip(tmp_path))
    expect(status).to_have_text(
        "dayone.zip: this ZIP file is damaged (Journal.json). Nothing was imported."
    )
    assert entries_on_device(page) == {}


def test_bad_file_message_in_dutch(make_context, tmp_path):
    """The message follows the user's language."""
    page = make_context(locale="nl-NL").new_page()
    open_app(page, "/settings")
    bad = tmp_path / "daylio.csv"
    bad.write_text("full_date,date,weekday,time,activities,note\n")
    page.get_by_label("Inlezen uit Day One, Daylio, jrnl of Markdown").set_input_files(bad)
    expect(page.locator("#journal-import-status")).to_have_text(
        "Daylio: op regel 1 ontbreken de kolommen mood. Er is niets ingelezen."
    )


OUTBOX_IDS = """import('/static/js/data/db.js').then((db) =>
    db.transact('outbox', 'readonly', (tx) => db.result(tx.objectStore('outbox').getAll())))
    .then((rows) => rows.map((row) => row.id))"""


def test_closing_the_page_mid_import_leaves_whole_entries_and_a_second_import_completes(
    make_context, tmp_path
):
    """A large import shows its progress; closing the page halfway keeps whole entries only
    (each queued for sync), and importing the file again adds exactly the rest."""
    total = 8000
    export = dayone_zip(tmp_path / "big.zip", total, seed="interrupted")
    expected = {entry["text"].strip() for entry in dayone_entries(total, seed="interrupted")}
    context = make_context()
    page = context.new_page()
    open_app(page)
    choose(page, export)
    expect(page.get_by_role("heading", name="Day One: 8,000 entries")).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#import-progress")).to_be_visible()
    expect(page.locator("#journal-import-status")).to_contain_text(
        re.compile(r"Importing: [1-9][\d,]* of 8,000")
    )
    page.close()

    again = context.new_page()
    open_app(again, "/settings")
    kept = entries_on_device(again)
    assert 0 < len(kept) < total and len(kept) % 500 == 0, len(kept)
    assert all(entry["text"] in expected and entry["day"] for entry in kept.values())
    assert set(again.evaluate(OUTBOX_IDS)) == set(kept)
    again.get_by_label(PICK).set_input_files(export)
    import_and_wait(again, f"{total - len(kept):,}", f"{len(kept):,}")
    assert {entry["text"] for entry in entries_on_device(again).values()} == expected


SHARE = """async (text) => {
  const form = document.createElement('form');
  form.method = 'post';
  form.enctype = 'multipart/form-data';
  form.action = '/share-journal';
  const input = document.createElement('input');
  input.type = 'file';
  input.name = 'journal';
  const files = new DataTransfer();
  files.items.add(new File([text], 'shared journal.txt', { type: 'text/plain' }));
  input.files = files.files;
  form.append(input);
  document.body.append(form);
  form.submit();
}"""


def test_a_journal_shared_to_the_app_opens_its_preview_offline(context):
    """A file shared to the installed app (the manifest's share target, as the system posts it)
    opens Settings with its preview, with no connection."""
    page = context.new_page()
    open_app(page)
    context.set_offline(True)
    page.evaluate(SHARE, (FIXTURES / "work.jrnl.txt").read_text())
    page.wait_for_url("**/settings")
    expect(page.get_by_role("heading", name="jrnl: 3 entries")).to_be_visible()
    import_and_wait(page, 3)
    assert len(entries_on_device(page)) == 3
